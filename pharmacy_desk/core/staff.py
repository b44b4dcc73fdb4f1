"""店员名册: who can be chosen as the acting operator at the till."""

from __future__ import annotations

from pharmacy_desk.core.models import Staff

ROLE_NAMES = {"cashier": "收银员", "pharmacist": "药师", "owner": "店长", "system": "系统"}


def on_duty() -> list[Staff]:
    """Active people (never the ``system`` account that runs scheduled jobs), in the order they were added."""
    return list(Staff.select().where((Staff.role != "system") & Staff.active).order_by(Staff.id))


def label(person: Staff) -> str:
    return f"{person.name}（{ROLE_NAMES.get(person.role, person.role)}）"
