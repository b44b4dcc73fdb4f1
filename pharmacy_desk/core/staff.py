"""店员名册: who works at the pharmacy, as the windows and the command line see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.errors import InvalidInput, NotFound
from pharmacy_desk.core.ids import StaffId
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.normalize import halfwidth, name_problem
from pharmacy_desk.core.operator import Operator
from pharmacy_desk.core.vocabulary import Role
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP

NAME_LIMIT = 20
# The roles a person can hold; ``system`` is the account scheduled jobs act as, nobody's.
PERSON_ROLES = (Role.CASHIER, Role.PHARMACIST, Role.OWNER)


@dataclass(frozen=True)
class StaffRow:
    """One person on the staff list, read when it was asked for (not an ORM row)."""

    id: int
    name: str
    role: str
    role_label: str
    active: bool
    locked_until: dt.datetime | None  # None, or when the current lock ends
    failed_signins: int
    has_secret: bool  # False: cannot sign in until the owner sets a PIN or password
    created_at: dt.datetime

    @property
    def changes(self) -> Changes:
        """What adding or changing this person changed, for the windows listening."""
        return Changes(staff=True)

    def locked_at(self, at: dt.datetime) -> bool:
        return self.locked_until is not None and self.locked_until > at


def row_of(person: Staff) -> StaffRow:
    return StaffRow(id=person.id, name=person.name, role=person.role, role_label=Role.label_of(person.role),
                    active=bool(person.active), locked_until=person.locked_until,
                    failed_signins=person.failed_signins, has_secret=bool(person.password_hash),
                    created_at=person.created_at)


def _folded(raw: str) -> str:
    """Full-width forms folded, surrounding and doubled spaces removed."""
    return " ".join(halfwidth(str(raw)).split())


def clean_name(raw: str) -> str:
    """A staff name as stored: folded (``_folded``), and refused with invisible, bidi, control or
    emoji characters, as a member's is (``normalize.name_problem``): it is printed on every
    receipt, and 李\u200b娜 would look like 李娜 in the sign-in list."""
    name = _folded(raw)
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "请填写店员姓名。"))
    if len(name) > NAME_LIMIT:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "店员姓名最多 {limit} 个字：{name}"), limit=NAME_LIMIT, name=name)
    problem = name_problem(name)
    if problem is not None:
        raise InvalidInput(problem)
    return name


def by_name(name: str) -> Staff | None:
    """The person (never the system account) called ``name`` as typed, or None.

    Only folded, not checked: a name stored before names were checked is still found, to be renamed.
    """
    cleaned = _folded(name)
    if not cleaned:
        return None
    return Staff.get_or_none((Staff.name == cleaned) & (Staff.role != Role.SYSTEM))


def find_person(staff_id: int) -> Staff:
    """The person with this id; the system account and unknown ids are refused."""
    found = Staff.get_or_none((Staff.id == staff_id) & (Staff.role != Role.SYSTEM))
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这位店员。"))
    return found


def current(staff_id: StaffId) -> Operator | None:
    """The person with this id as an operator, read now (a changed role or a stopped account counts)."""
    found = Staff.get_or_none(Staff.id == staff_id)
    return None if found is None else Operator.of(found)


def on_duty() -> list[StaffRow]:
    """Active people (never the ``system`` account that runs scheduled jobs), in the order they were added."""
    return [row_of(person) for person in
            Staff.select().where((Staff.role != Role.SYSTEM) & Staff.active).order_by(Staff.id)]


def active_owners() -> int:
    return Staff.select().where((Staff.role == Role.OWNER) & Staff.active).count()


def label(person: Staff) -> str:
    return f"{person.name}（{Role.label_of(person.role)}）"
