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
"""

from __future__ import annotations

from pharmacy_desk.core.db import database, write_transaction

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


def kept() -> tuple[dict, dict]:
    """(tier and owner → members, gender and birthday → members), the cells with anyone in them."""
    return ({(t, o): n for t, o, n in database.execute_sql(
                "SELECT tier_id, owner_key, members FROM member_tally WHERE members <> 0").fetchall()},
            {(g, b): n for g, b, n in database.execute_sql(
                "SELECT gender, born, members FROM birthday_tally WHERE members <> 0").fetchall()})


def members_on_file() -> int:
    return database.execute_sql("SELECT COALESCE(SUM(members), 0) FROM member_tally").fetchone()[0]


def holds(joined_before: str) -> bool:
    """Whether the counts less the members who joined on or after ``joined_before`` are the quicker read.

    They are while at most a quarter of the members joined since: each of those is looked up
    through the join-date index, where counting everyone is one pass over the members.
    """
    later = database.execute_sql("SELECT COUNT(*) FROM member WHERE joined_on >= ?", (joined_before,)).fetchone()[0]
    return later * 4 <= members_on_file()
