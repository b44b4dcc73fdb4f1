"""店员名册: who can be chosen as the acting operator at the till."""

from __future__ import annotations

from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.vocabulary import Role


def on_duty() -> list[Staff]:
    """Active people (never the ``system`` account that runs scheduled jobs), in the order they were added."""
    return list(Staff.select().where((Staff.role != Role.SYSTEM) & Staff.active).order_by(Staff.id))


def label(person: Staff) -> str:
    return f"{person.name}（{Role.label_of(person.role)}）"
