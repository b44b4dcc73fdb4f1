"""The triggers by which SQLite keeps figures derived from the business rows.

Part of the SQLite-only seam (``core.dialect`` re-exports every name here): a second backend
would keep the same figures with triggers of its own. Each set is written here once and used
for a new database (``schema.EXTRA_SQL``) and for putting a lost trigger back
(``core/kept_figures.py``); the migration that introduced it holds the same text, frozen.

Nothing here needs peewee: ``schema`` reads these texts before the engine is loaded.
"""

from __future__ import annotations

# What a sale's row keeps up to date as it is inserted, whichever program inserts it: the day's
# receipt counter and the member's running figures (``core/activity.py``). Each is derived from
# the row alone, so the triggers do in the sale's INSERT what the program would otherwise send
# as two statements of its own. The receipt counter holds the highest number given on the day
# (a number typed in another form is not counted). A member's row in ``member_activity`` is made
# at their first sale and added to after; a sale dated before the activity window (a back-dated
# import) moves only the last sale. ``max`` with two arguments is SQLite's scalar maximum
# (GREATEST elsewhere); an UPSERT from a SELECT needs its ``WHERE true``. The schema v13
# migration holds the same text, frozen.
SALE_TRIGGERS = {
    "sale_keeps_receipt_counter": """CREATE TRIGGER IF NOT EXISTS sale_keeps_receipt_counter AFTER INSERT ON sale
            WHEN NEW.receipt_no GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]*'
            BEGIN
                INSERT INTO receipt_counter (day, last_no)
                VALUES (substr(NEW.receipt_no, 1, 8), CAST(substr(NEW.receipt_no, 10) AS INTEGER))
                ON CONFLICT (day) DO UPDATE SET last_no = max(last_no, excluded.last_no);
            END""",
    "sale_keeps_member_activity": """CREATE TRIGGER IF NOT EXISTS sale_keeps_member_activity AFTER INSERT ON sale
            WHEN NEW.member_id IS NOT NULL
            BEGIN
                INSERT INTO member_activity (member_id, last_sale_at, visits, paid_fen)
                SELECT NEW.member_id, NEW.created_at, NEW.created_at >= w.starts,
                       (NEW.created_at >= w.starts) * NEW.paid_fen
                FROM activity_window w WHERE true
                ON CONFLICT (member_id) DO UPDATE SET last_sale_at = max(last_sale_at, excluded.last_sale_at),
                    visits = visits + excluded.visits, paid_fen = paid_fen + excluded.paid_fen;
            END""",
}

# The members' kept counts (``core/member_tally.py``): each trigger moves a member between
# the cells of (tier, owner-staff id or 0) and (gender, birthday or ''). The schema v14
# migration holds the same text, frozen.
_TALLY_CELLS = {
    "member_tally": (("tier_id", "owner_key"), ("{row}.tier_id", "COALESCE({row}.owner_staff_id, 0)")),
    "birthday_tally": (("gender", "born"), ("{row}.gender", "COALESCE({row}.birthday, '')")),
}


def _tally_add(table: str, row: str) -> str:
    keys, values = _TALLY_CELLS[table]
    return (f"INSERT INTO {table} ({', '.join(keys)}, members) VALUES"
            f" ({', '.join(v.format(row=row) for v in values)}, 1)"
            f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET members = members + 1;")


def _tally_take(table: str, row: str) -> str:
    keys, values = _TALLY_CELLS[table]
    where = " AND ".join(f"{k} = {v.format(row=row)}" for k, v in zip(keys, values))
    return f"UPDATE {table} SET members = members - 1 WHERE {where};"


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


def _when(row: str, changed: tuple[str, ...], counted_through: int | None) -> str:
    """The WHEN clause of a tally trigger: the columns it moves on changed, and (while the counts
    are being made again) the member among those counted already."""
    conditions = [] if counted_through is None else [f"{row}.id <= {int(counted_through)}"]
    if changed:
        conditions.append(_changed(changed) if counted_through is None else f"({_changed(changed)})")
    return f" WHEN {' AND '.join(conditions)}" if conditions else ""


def member_tally_triggers(counted_through: int | None = None) -> dict[str, str]:
    """The triggers keeping the members' counts; with ``counted_through``, for the members of id up to it only.

    While the counts are made again beside the tills (``member_tally.rebuild_beside_tills``) they
    hold only the members counted so far, a range of ids; the triggers then move the counts for
    those members alone, and every other member is counted, as they are then, when the count
    reaches them. The watermark is in the triggers' own text, written in the transaction that
    counts up to it, so no write falls between the two.
    """
    def tally(when: str, body: tuple[str, ...]) -> str:
        return f"{when} BEGIN\n" + "".join(f"    {statement}\n" for statement in body) + "END"

    bodies = {
        "member_insert_tallies": tally("AFTER INSERT ON member" + _when("NEW", (), counted_through),
                                       (_tally_add("member_tally", "NEW"), _tally_add("birthday_tally", "NEW"))),
        "member_delete_tallies": tally("AFTER DELETE ON member" + _when("OLD", (), counted_through),
                                       (_tally_take("member_tally", "OLD"), _tally_take("birthday_tally", "OLD"))),
        "member_tier_owner_tally": tally(
            "AFTER UPDATE OF tier_id, owner_staff_id ON member"
            + _when("OLD", ("tier_id", "owner_staff_id"), counted_through),
            (_tally_take("member_tally", "OLD"), _tally_add("member_tally", "NEW"))),
        "member_birthday_tally": tally(
            "AFTER UPDATE OF gender, birthday ON member" + _when("OLD", ("gender", "birthday"), counted_through),
            (_tally_take("birthday_tally", "OLD"), _tally_add("birthday_tally", "NEW"))),
    }
    return {name: f"CREATE TRIGGER IF NOT EXISTS {name} {body}" for name, body in bodies.items()}


MEMBER_TALLY_TRIGGERS = member_tally_triggers()

# The tables of the rules a sale reads (``core/rule_cache.py``): every change to one of them
# bumps ``rule_version``, from any connection, so a cache of the rules checks that one number.
RULE_TABLES = ("setting", "tier", "category")
RULE_VERBS = ("INSERT", "UPDATE", "DELETE")


def rule_version_trigger(table: str, verb: str) -> str:
    return f"""CREATE TRIGGER IF NOT EXISTS {table}_{verb.lower()}_bumps_rule_version AFTER {verb} ON {table}
            BEGIN UPDATE rule_version SET version = version + 1; END"""


RULE_VERSION_TRIGGERS = {f"{table}_{verb.lower()}_bumps_rule_version": rule_version_trigger(table, verb)
                         for table in RULE_TABLES for verb in RULE_VERBS}
