"""A member to phone, as every call list and the A/B ranking show them.

The phone is in full (staff must dial it), with the owning staff member by name and
whether the member opted out of marketing. Lists that add their own columns extend
``ContactRow`` and select ``CONTACT_COLUMNS`` first, so one builder reads them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Self
from collections.abc import Sequence

from pharmacy_desk.core.ids import MemberId, StaffId

# The columns a contact query selects first, in ``ContactRow``'s order; ``m`` is the
# member table and ``STAFF_JOIN`` names the owning staff member.
CONTACT_COLUMNS = "m.id, m.name, m.phone, m.owner_staff_id, COALESCE(st.name, ''), m.marketing_opt_out"
STAFF_JOIN = "LEFT JOIN staff st ON st.id = m.owner_staff_id"


@dataclass(frozen=True)
class ContactRow:
    member_id: MemberId
    name: str
    phone: str
    owner_staff_id: StaffId | None
    owner_staff: str
    opt_out: bool

    @classmethod
    def from_columns(cls, values: Sequence[Any], *own: Any) -> Self:
        """A row from a query that starts with ``CONTACT_COLUMNS``; ``own`` are the subclass's fields."""
        member_id, name, phone, owner_id, owner_name, opt_out = values[:6]
        return cls(member_id, name, phone, owner_id, owner_name, bool(opt_out), *own)

    @classmethod
    def from_contact(cls, contact: ContactRow, *own: Any) -> Self:
        """The same member as ``contact``, shown with another list's fields."""
        return cls(contact.member_id, contact.name, contact.phone, contact.owner_staff_id,
                   contact.owner_staff, contact.opt_out, *own)
