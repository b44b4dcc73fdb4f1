"""The operator: the person an operation is done by, as a plain value.

Sign-in (``signin.sign_in``), the first owner (``setup.set_up``), the till's session
(``staff.current``) and the system account (``defaults.system_staff``) hand one out;
every service takes it, checks it with ``permissions.require`` and writes its ``id``
into the rows it records. It is read when it is handed out: a session reads it again
for each operation, so a role changed or an account stopped meanwhile counts.

No peewee here: the windows before the first paint (sign-in, 开店设置) name it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pharmacy_desk.core.ids import StaffId

if TYPE_CHECKING:
    from pharmacy_desk.core.models import Staff


@dataclass(frozen=True)
class Operator:
    id: StaffId
    name: str
    role: str  # a ``Role`` code
    active: bool

    @classmethod
    def of(cls, staff: Staff) -> Operator:
        return cls(StaffId(staff.id), staff.name, staff.role, bool(staff.active))
