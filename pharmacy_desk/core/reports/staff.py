"""店员业绩: each staff member's members, sign-ups, members lost and credited sales.

Credit (会员一对一): when a member sale is served by someone other than the member's
owner-staff (as recorded on the sale), the owner-staff gets ``owner_credit_percent``
(70) % of the paid amount and the server the rest; otherwise the server gets it
all. Two parties, largest remainder: the owner's share is the exact share rounded
half up (a tie goes to the owner), the server gets what is left, so the shares add
up to the fen. Refunds are split the same way and taken off.
"""

from __future__ import annotations

from dataclasses import dataclass

from pharmacy_desk.core import settings
from pharmacy_desk.core.db import database
from pharmacy_desk.core.reports.dormancy import Dormancy, dormancy
from pharmacy_desk.core.reports.mix import members_by
from pharmacy_desk.core.reports.period import Month, bound
from pharmacy_desk.core.vocabulary import Role


def owner_share(amount_fen: int, percent: int) -> int:
    """The owner-staff's share of a non-negative amount, by largest remainder."""
    return (amount_fen * percent + 50) // 100


@dataclass(frozen=True)
class StaffFigures:
    staff_id: int
    name: str
    members_owned: int
    new_members: int
    newly_dormant: int
    served_fen: int  # credit as the serving clerk
    owner_fen: int  # credit as the members' owner-staff

    @property
    def credited_fen(self) -> int:
        return self.served_fen + self.owner_fen


_SPLIT_SQL = """
SELECT s.staff_id, s.owner_staff_id, {amount},
       s.owner_staff_id IS NOT NULL AND s.owner_staff_id <> s.staff_id AS split
FROM {source} WHERE {when} >= :start AND {when} < :end
"""


def _credit(start: str, end: str, percent: int) -> tuple[dict[int, int], dict[int, int]]:
    """(served credit, owner credit) per staff id, net of refunds."""
    sales = _SPLIT_SQL.format(amount="s.paid_fen AS amount", source="sale s", when="s.created_at")
    refunds = _SPLIT_SQL.format(amount="-r.refund_fen AS amount",
                                source="sale_return r JOIN sale s ON s.id = r.sale_id", when="r.created_at")
    # SQLite's integer division truncates toward zero, so round a refund's share on its magnitude.
    owner_part = "(CASE WHEN amount >= 0 THEN (amount * :p + 50) / 100 ELSE -((-amount * :p + 50) / 100) END)"
    params = {"start": start, "end": end, "p": percent}
    served = dict(database.execute_sql(
        f"SELECT staff_id, SUM(CASE WHEN split THEN amount - {owner_part} ELSE amount END)"
        f" FROM ({sales} UNION ALL {refunds}) GROUP BY staff_id", params).fetchall())
    owned = dict(database.execute_sql(
        f"SELECT owner_staff_id, SUM({owner_part}) FROM ({sales} UNION ALL {refunds})"
        " WHERE split GROUP BY owner_staff_id", params).fetchall())
    return served, owned


def staff_report(month: Month, *, dormant_months: int | None = None,
                 dormant: Dormancy | None = None) -> list[StaffFigures]:
    """Every staff member except the system operator, plus anyone credited this month."""
    start, end = bound(month.first_day), bound(month.end)
    lost = (dormant or dormancy(month, dormant_months)).newly_by_owner
    served, owned = _credit(start, end, settings.get("owner_credit_percent"))
    people = database.execute_sql("SELECT id, name, role FROM staff ORDER BY id").fetchall()
    ids = [sid for sid, _, _ in people]
    owned_members = {sid: n for sid, n in zip(ids, members_by("owner_staff_id", ids, end)) if n}
    signed = dict(database.execute_sql(
        "SELECT joined_by_id, COUNT(*) FROM member WHERE joined_on >= ? AND joined_on < ?"
        " AND joined_by_id IS NOT NULL AND NOT migrated GROUP BY joined_by_id", (start, end)).fetchall())
    mentioned = set(served) | set(owned) | set(owned_members) | set(signed) | set(lost)
    return [StaffFigures(sid, name, owned_members.get(sid, 0), signed.get(sid, 0), lost.get(sid, 0),
                         served.get(sid, 0), owned.get(sid, 0))
            for sid, name, role in people if role != Role.SYSTEM or sid in mentioned]
