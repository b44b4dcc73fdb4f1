"""Members counted by tier and owner-staff, and by gender and birthday, kept by the database (schema v14).

The month report's member mix (tiers, age bands, each staff member's members) counted a
million members one by one. Tier, owner, gender and birthday change rarely, so triggers on
``member`` (``dialect.MEMBER_TALLY_TRIGGERS``) keep the counts instead: a sign-up adds one, a
tier change or a profile edit moves one from its old cell to its new one, whatever writes the
member (a till, the tier review, an import, an erasure, raw SQL). A sale touches them only
when it lifts the tier.

- ``member_tally``: (tier, owner-staff id or 0 for none) → members; a few dozen rows.
- ``birthday_tally``: (gender, birthday or '' when unknown) → members; at most one row per
  gender and day of birth, tens of thousands at a million members.

The counts are of every member on file; a month's figures take off the members who joined
after it (``holds`` says when that is the quicker read). ``rebuild`` counts them again from
the members, and a test holds the kept counts equal to that after a seeded history.

When a trigger was lost outside the program, ``rebuild_beside_tills`` counts every member again
in short transactions while the tills go on signing members up and changing tiers: the
triggers are written for the members counted so far (``dialect.member_tally_triggers``), so the
counts stay exact at every commit for the members they hold, and while they hold only some the
reports count the members themselves (``counting``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from pharmacy_desk.core import dialect, dialect_catalog
from pharmacy_desk.core.db import ChunkSize, batch_transaction, database, write_transaction
from pharmacy_desk.core.schema_shape import sql_tokens

# The counts from the members themselves: the v14 migration's backfill and ``rebuild``.
REBUILD_SQL = [
    "INSERT INTO member_tally (tier_id, owner_key, members)"
    " SELECT tier_id, COALESCE(owner_staff_id, 0), COUNT(*) FROM member GROUP BY 1, 2",
    "INSERT INTO birthday_tally (gender, born, members)"
    " SELECT gender, COALESCE(birthday, ''), COUNT(*) FROM member GROUP BY 1, 2",
]


def rebuild() -> None:
    """Count every member again, from the members."""
    with write_transaction():
        database.execute_sql("DELETE FROM member_tally")
        database.execute_sql("DELETE FROM birthday_tally")
        for sql in REBUILD_SQL:
            database.execute_sql(sql)


# Members per transaction at most while the counts are made again beside the tills; the first is short.
CHUNK_MEMBERS = 200_000
FIRST_CHUNK_MEMBERS = 2_000

# A range of members added to the counts they are in (``:after`` < id <= ``:upto``).
_ADD_RANGE_SQL = [
    "INSERT INTO member_tally (tier_id, owner_key, members)"
    " SELECT tier_id, COALESCE(owner_staff_id, 0), COUNT(*) FROM member WHERE id > :after AND id <= :upto"
    " GROUP BY 1, 2 ON CONFLICT (tier_id, owner_key) DO UPDATE SET members = members + excluded.members",
    "INSERT INTO birthday_tally (gender, born, members)"
    " SELECT gender, COALESCE(birthday, ''), COUNT(*) FROM member WHERE id > :after AND id <= :upto"
    " GROUP BY 1, 2 ON CONFLICT (gender, born) DO UPDATE SET members = members + excluded.members",
]
_NO_END = 1 << 62  # ``:upto`` of the last range: every member above ``:after``


def _keep_through(counted_through: int) -> None:
    """The counts' triggers written for the members of id up to ``counted_through`` (inside the caller's transaction)."""
    for name, sql in dialect.member_tally_triggers(counted_through).items():
        dialect_catalog.drop_trigger(database, name)
        database.execute_sql(sql)


def counted_through() -> int | None:
    """How far a count made beside the tills stands: the id up to which the triggers keep the counts,
    read from their text; None when the triggers are as declared, missing or written otherwise."""
    present = dialect_catalog.trigger_definitions(database).get("member_insert_tallies")
    mark = re.search(r"\bWHEN NEW\.id <= (\d+) BEGIN\b", present or "")
    if mark is None or sql_tokens(present or "") != sql_tokens(
            dialect.member_tally_triggers(int(mark[1]))["member_insert_tallies"]):
        return None
    return int(mark[1])


def counting() -> bool:
    """Whether the kept counts hold only some members now (a count under way, or a trigger lost)."""
    present = dialect_catalog.trigger_definitions(database)
    return any(name not in present or sql_tokens(present[name]) != sql_tokens(sql)
               for name, sql in dialect.MEMBER_TALLY_TRIGGERS.items())


def rebuild_beside_tills(finish: Callable[[], None], page: int | None = None,
                         progress: Callable[[int, int], None] | None = None) -> bool:
    """Every member counted again, a range of ids per short transaction, while tills go on writing members;
    ``finish()`` (which writes the triggers as declared) runs in the last. False: another opening took the count over.

    At 1,000,000 members the count in one transaction held the write lock for seconds (20 s at
    load 12), longer than a till waits. Here the first transaction empties the counts and writes
    the triggers for no member; each next one counts a range of members and writes the triggers
    for every member up to its end, so a sign-up, a tier change or an erasure moves the counts
    exactly when its member is among those counted, and is seen by the count otherwise. Stopped
    half-way, the triggers are left for the members counted, which ``check`` reports as altered,
    and the next opening counts again from the start. Two openings counting at once: each range
    checks, under the lock, that the triggers still stand where its count left them, so the one
    that began last goes on and the other stops.
    """
    with batch_transaction():
        database.execute_sql("DELETE FROM member_tally")
        database.execute_sql("DELETE FROM birthday_tally")
        _keep_through(0)
        top = newest_member()
    return count_on(0, top, finish, page, progress)


def newest_member() -> int:
    """The highest member id (0 with none): where a count's ranges end."""
    return database.execute_sql("SELECT COALESCE(MAX(id), 0) FROM member").fetchone()[0]


def leave_uncounted_from_now() -> int:
    """The counts kept for the members on file now only (inside the caller's transaction); returns the newest id.

    Members written after are counted by ``count_on`` (a large import counts its members in a few
    statements at its end instead of two upserts a member).
    """
    top = newest_member()
    _keep_through(top)
    return top


def count_on(done: int, top: int, finish: Callable[[], None], page: int | None = None,
             progress: Callable[[int, int], None] | None = None) -> bool:
    """The members above ``done`` (the triggers' watermark) added to the counts, a range of ids per short
    transaction up to ``top`` and then every member since; ``finish()`` runs in the last. False: another
    count took over (the triggers no longer stand at its watermark)."""
    size = ChunkSize(page or CHUNK_MEMBERS, start=FIRST_CHUNK_MEMBERS)
    while True:
        last = done >= top
        upto = _NO_END if last else min(done + size.rows, top)
        with batch_transaction(None if last else size):
            if counted_through() != done:  # the counts then hold exactly the members up to ``done``
                return False
            for sql in _ADD_RANGE_SQL:
                database.execute_sql(sql, {"after": done, "upto": upto})
            if last:  # members who joined since the first transaction are counted here too
                finish()
                return True
            _keep_through(upto)
        done = upto
        if progress is not None:
            progress(done, top)


# Counts a writer made of the members it wrote itself, added to the kept ones (``add_counted``).
_ADD_COUNTS_SQL = (
    "INSERT INTO member_tally (tier_id, owner_key, members) VALUES (?, ?, ?)"
    " ON CONFLICT (tier_id, owner_key) DO UPDATE SET members = members + excluded.members",
    "INSERT INTO birthday_tally (gender, born, members) VALUES (?, ?, ?)"
    " ON CONFLICT (gender, born) DO UPDATE SET members = members + excluded.members",
)


@dataclass
class Counted:
    """The members one writer wrote above a count's watermark, counted by it as it wrote them.

    ``by_tier`` is keyed (tier id, owner-staff id or 0), ``by_birthday`` (gender, birthday as
    text or ''), as the counts are. ``untouched()``, asked under the write lock, says whether
    no other writer has written since the writer's last write (it may have changed them).
    """

    untouched: Callable[[], bool]
    members: int = 0
    by_tier: Counter = field(default_factory=Counter)
    by_birthday: Counter = field(default_factory=Counter)


def add_counted(done: int, counted: Counted, finish: Callable[[], None]) -> bool:
    """``count_on(done, …)`` from what the writer counted, in one transaction with ``finish()``.

    Adding a few hundred cells is a few milliseconds, where counting a large import's members
    again reads each of them twice (0.5 s at 100,000). It holds only while the members above
    ``done`` are exactly the writer's, as it wrote them: nobody else wrote since, and the ids above
    ``done`` are its own. False (nothing written) otherwise: the caller counts them again.
    """
    with batch_transaction():
        if (counted_through() != done or newest_member() != done + counted.members
                or not counted.untouched()):
            return False
        cursor = database.cursor()
        for sql, cells in zip(_ADD_COUNTS_SQL, (counted.by_tier, counted.by_birthday)):
            cursor.executemany(sql, [(*key, members) for key, members in cells.items()])
        finish()
    return True


def kept() -> tuple[dict, dict]:
    """(tier and owner → members, gender and birthday → members), the cells with anyone in them."""
    return ({(t, o): n for t, o, n in database.execute_sql(
                "SELECT tier_id, owner_key, members FROM member_tally WHERE members <> 0").fetchall()},
            {(g, b): n for g, b, n in database.execute_sql(
                "SELECT gender, born, members FROM birthday_tally WHERE members <> 0").fetchall()})


def members_on_file() -> int:
    if counting():
        return database.execute_sql("SELECT COUNT(*) FROM member").fetchone()[0]
    return database.execute_sql("SELECT COALESCE(SUM(members), 0) FROM member_tally").fetchone()[0]


def holds(joined_before: str) -> bool:
    """Whether the counts less the members who joined on or after ``joined_before`` are the quicker read.

    They are while at most a quarter of the members joined since: each of those is looked up
    through the join-date index, where counting everyone is one pass over the members. They
    never are while they hold only some members (``counting``).
    """
    if counting():
        return False
    later = database.execute_sql("SELECT COUNT(*) FROM member WHERE joined_on >= ?", (joined_before,)).fetchone()[0]
    return later * 4 <= members_on_file()
