"""Row ids as distinct types, so a sale id is never passed where a member id belongs.

They are plain ``int``s at run time (``MemberId(5) == 5``); only a type checker tells
them apart. A service names the kind of id it takes (``member_id: MemberId``); a
caller holding a model row passes ``row.id``, and one holding a bare number from
the outside world (a typed card's row, a spreadsheet cell) wraps it: ``MemberId(n)``.
An id type is declared here when a service first takes that kind of id.
"""

from __future__ import annotations

from typing import NewType

StaffId = NewType("StaffId", int)
MemberId = NewType("MemberId", int)
CouponId = NewType("CouponId", int)
SaleId = NewType("SaleId", int)
SaleLineId = NewType("SaleLineId", int)
CatalogItemId = NewType("CatalogItemId", int)
LedgerEntryId = NewType("LedgerEntryId", int)
