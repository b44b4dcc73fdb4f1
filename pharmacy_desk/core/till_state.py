"""What a sale reads under the write lock, in one statement.

Recording a sale needs, beside the member's row: whether its key was recorded already,
the member's points balance and trailing spend and visits (for the tier after the sale),
the newest row of each hash chain (to seal the operation and the points entry) and the
rules' stamp (``core/rule_cache.py``); a sale paying with points also what the month's
redemption cap has used. Each is a small indexed lookup; asked as scalar subqueries of
one SELECT, they cost one round trip instead of seven. The texts are built once at import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pharmacy_desk.core import chain, rule_cache
from pharmacy_desk.core.db import database
from pharmacy_desk.core.models import Member
from pharmacy_desk.core.redemption import cap_used_sql, month_bounds

_MEMBER_COLUMNS = tuple(Member._meta.columns)
_FIELDS = tuple(Member._meta.columns[name] for name in _MEMBER_COLUMNS)

# Parameters, in order: the key; then the member id and the trailing period (since, until)
# for the spend, visits and refunds; the member id again for the row itself.
_READ = """
SELECT (SELECT kind FROM operation WHERE "key" = ?1),
       (SELECT version FROM rule_version WHERE id = 1),
       (SELECT id FROM operation ORDER BY id DESC LIMIT 1),
       (SELECT hash FROM operation ORDER BY id DESC LIMIT 1),
       (SELECT id FROM ledger_entry ORDER BY id DESC LIMIT 1),
       (SELECT hash FROM ledger_entry ORDER BY id DESC LIMIT 1),
       (SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE member_id = m.id),
       (SELECT COALESCE(SUM(paid_fen), 0) FROM sale WHERE member_id = m.id AND created_at > ?3 AND created_at <= ?4),
       (SELECT COUNT(*) FROM sale WHERE member_id = m.id AND created_at > ?3 AND created_at <= ?4),
       (SELECT COALESCE(SUM(r.refund_fen), 0) FROM sale_return r JOIN sale s ON s.id = r.sale_id
         WHERE s.member_id = m.id AND s.created_at > ?3 AND r.created_at <= ?4),
       {cap}{member}
FROM (SELECT 1) LEFT JOIN member m ON m.id = ?2
"""
_MEMBER_SQL = ", ".join(f'm."{name}"' for name in _MEMBER_COLUMNS)
READ_SQL = _READ.format(cap="", member=_MEMBER_SQL)
# With the three figures of the month's redemption cap; the month's bounds are parameters 5 and 6.
READ_WITH_CAP_SQL = _READ.format(cap=cap_used_sql("m.id", "?5", "?6") + ",\n       ", member=_MEMBER_SQL)
_CAP_FIGURES = 3


@dataclass(frozen=True)
class TillState:
    done_kind: str | None  # the kind of the operation already recorded under the key, or None
    member: Member | None  # None: a walk-in, or no member with that id
    balance: int  # the member's points (0 for a walk-in)
    spend_fen: int  # paid over the trailing period, before returns (0 for a walk-in)
    visits: int
    refunded_fen: int
    heads: dict[str, tuple[int, str]]  # table -> newest (id, hash), for ``chain.heads_known``
    cap_used_fen: int | None = None  # what the month's redemption cap has used, when asked


def read(key: str, member_id: int | None, since: dt.datetime, until: dt.datetime, *, cap: bool = False) -> TillState:
    """Everything above, in one statement; ``cap`` for what the redemption cap of ``until``'s month has used.

    Under the write lock, the rules' stamp read with it serves ``rule_cache`` for the rest of
    the transaction (and, outside it, for the ``rule_cache.pinned`` block it is read in).
    """
    if cap:
        start, end = month_bounds(until.date())
        params: tuple = (key, member_id, str(since), str(until), str(start), str(end))
        row = database.execute_sql(READ_WITH_CAP_SQL, params).fetchone()
    else:
        row = database.execute_sql(READ_SQL, (key, member_id, str(since), str(until))).fetchone()
    done_kind, version, op_id, op_hash, entry_id, entry_hash, balance, spend, visits, refunded = row[:10]
    cap_used = None
    values = row[10:]
    if cap:
        cash, returned, gifts = values[:_CAP_FIGURES]
        cap_used, values = cash - returned + gifts, values[_CAP_FIGURES:]
    rule_cache.known_version(version)
    member = None
    if values[0] is not None:
        member = Member(**{field.name: field.python_value(value) for field, value in zip(_FIELDS, values)})
        member._dirty.clear()  # type: ignore[attr-defined]  # read from the database, as peewee's own rows are
    heads = {"operation": (op_id or 0, op_hash or chain.GENESIS),
             "ledger_entry": (entry_id or 0, entry_hash or chain.GENESIS)}
    return TillState(done_kind, member, balance, spend, visits, refunded, heads, cap_used)
