"""Each member's running sales figures: last sale, and visits and spend over a rolling window.

The current month's dormancy and RFM need every member's last sale and their visits and
paid amount over the 12 months ending with this month. Read from the sales that is a
scan of a year of them; kept here, it is one small row per member.

- The sale's row keeps them as it is inserted, by whichever program inserts it (the
  trigger ``sale_keeps_member_activity``, ``dialect.SALE_TRIGGERS``; schema v13): the
  last sale moves forward, the sale is counted when it falls in the window. A bulk writer
  that lifts the trigger rebuilds the figures after (``rebuild``, ``REBUILD_SQL``).
- The window starts on ``ActivityWindow.starts``, the first day of the month 11 months
  before the current one. When a month begins, housekeeping takes the month that left the
  window off (``catch_up``): only the members who bought in that month change, a page of
  member ids per short transaction, and the page reached is stored with the window, so a
  roll cut short goes on where it stopped.
- When the trigger was lost outside the program, ``rebuild_beside_tills`` counts every member
  again in short transactions while tills go on selling, and writes the trigger back in the
  last one (``core/kept_figures.py``).
- Returns change none of these figures: RFM counts a visit and its paid amount before
  refunds, and a returned sale is still the member's last visit (as ``reports.dormancy``
  and ``reports.rfm`` define them), so a return adds no statement here.

The paid amount is the sale's ``paid_fen`` (what the customer paid, 医保 included).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pharmacy_desk.core import dialect
from pharmacy_desk.core.db import ChunkSize, batch_transaction, database, write_transaction
from pharmacy_desk.core.ledger import add_months

WINDOW_MONTHS = 12  # the current month and the 11 before it: RFM's default period
# ``rolled_through`` while every member is being counted again (``rebuild_beside_tills``): the
# window is not settled, so the reports read the sales, and no month is rolled off meanwhile.
REBUILDING = -1
ROLL_MEMBERS = 20_000  # member ids per transaction at most when a month leaves the window
FIRST_ROLL_MEMBERS = 2_000


@dataclass(frozen=True)
class Window:
    starts: dt.date
    rolled_through: int  # > 0 while the month ``starts`` names is being taken off

    @property
    def settled(self) -> bool:
        return self.rolled_through == 0


def window_start(today: dt.date) -> dt.date:
    """Where the window starts when ``today`` is in the current month."""
    return add_months(today.replace(day=1), 1 - WINDOW_MONTHS)


def start_window(today: dt.date) -> None:
    """A new database's window: the 12 months ending with ``today``'s (kept when there is one)."""
    database.execute_sql("INSERT INTO activity_window (id, starts, rolled_through) VALUES (1, ?, 0)"
                         " ON CONFLICT (id) DO NOTHING",
                         (window_start(today).isoformat(),))


def window() -> Window:
    starts, through = database.execute_sql("SELECT starts, rolled_through FROM activity_window").fetchone()
    return Window(dt.date.fromisoformat(starts), through)


def covers(first_day: dt.date, today: dt.date, window_months: int = WINDOW_MONTHS) -> bool:
    """Whether the rows hold a period of ``window_months`` ending with ``first_day``'s month, as of ``today``.

    Only for the current month: the last sale and the window's sums run up to now.
    """
    if window_months != WINDOW_MONTHS or first_day.replace(day=1) != today.replace(day=1):
        return False
    current = window()
    return current.settled and current.starts == window_start(today)


# The sales of one month of a page of members, per member: what leaves the window.
_LEAVING = ("SELECT member_id, COUNT(*) AS visits, SUM(paid_fen) AS paid_fen FROM sale"
            " WHERE member_id > ? AND member_id <= ? AND created_at >= ? AND created_at < ? GROUP BY member_id")


def _take_off_page(update: str, leaving: dt.date, after: dt.date, done: int, upto: int, size: ChunkSize) -> bool:
    with batch_transaction(size):
        if window() != Window(leaving, done):
            return False
        database.execute_sql(update, (done, upto, leaving.isoformat(), after.isoformat()))
        database.execute_sql("UPDATE activity_window SET rolled_through = ?", (upto,))
    return True


def roll_one_month(page: int | None = None) -> dt.date:
    """Take the window's first month off every member, a page of members per transaction; returns the new start."""
    size = ChunkSize(page or ROLL_MEMBERS, start=FIRST_ROLL_MEMBERS)
    current = window()
    if current.rolled_through == REBUILDING:
        return current.starts  # the figures are being counted again, for the current window
    leaving, after = current.starts, add_months(current.starts, 1)
    top = database.execute_sql("SELECT COALESCE(MAX(member_id), 0) FROM member_activity").fetchone()[0]
    done = current.rolled_through
    update = dialect.subtract_from("member_activity", "member_id", ("visits", "paid_fen"), _LEAVING)
    while done < top:
        upto = min(done + size.rows, top)
        # A page checks where the window stands first, under the lock, so it is taken off once.
        if not _take_off_page(update, leaving, after, done, upto, size):
            return window().starts  # another till is rolling the same month
        done = upto
    with batch_transaction():
        database.execute_sql("UPDATE activity_window SET starts = ?, rolled_through = 0 WHERE starts = ?",
                             (after.isoformat(), leaving.isoformat()))
    return after


def catch_up(today: dt.date) -> int:
    """Move the window to ``today``'s month; returns how many months left it."""
    target, moved = window_start(today), 0
    while window().starts < target and window().rolled_through != REBUILDING:
        roll_one_month()
        moved += 1
    return moved


# Every member's figures from the sales themselves, for a window starting at ``:starts``:
# the schema v11 migration's backfill, the benchmark generator's, and what the tests compare with.
REBUILD_SQL = (
    "INSERT INTO member_activity (member_id, last_sale_at, visits, paid_fen)"
    " SELECT member_id, MAX(created_at), {visits}, COALESCE(SUM(CASE WHEN created_at >= :starts THEN paid_fen END), 0)"
    " FROM sale WHERE member_id IS NOT NULL GROUP BY member_id"
).format(visits=dialect.count_where("created_at >= :starts"))


def rebuild(today: dt.date) -> None:
    """Every member's figures recomputed from the sales, for ``today``'s window."""
    starts = window_start(today).isoformat()
    with write_transaction():
        database.execute_sql("DELETE FROM member_activity")
        database.execute_sql(REBUILD_SQL, {"starts": starts})
        database.execute_sql("UPDATE activity_window SET starts = ?, rolled_through = 0", (starts,))


# The same count for some members only (``{members}``: a condition on ``member_id``), and what
# ``rebuild_beside_tills`` counts for each: a range of member ids, those above one, and those with
# a sale after a given one.
_RECOUNT_SQL = (
    "INSERT INTO member_activity (member_id, last_sale_at, visits, paid_fen)"
    " SELECT member_id, MAX(created_at), {visits}, COALESCE(SUM(CASE WHEN created_at >= :starts THEN paid_fen END), 0)"
    " FROM sale WHERE member_id IS NOT NULL AND {members} GROUP BY member_id")
_IN_RANGE = "member_id > :after AND member_id <= :upto"
_ABOVE = "member_id > :after"
_BOUGHT_SINCE = "member_id IN (SELECT member_id FROM sale WHERE id > :sale AND member_id IS NOT NULL)"


def _recount(members: str, **params: object) -> None:
    database.execute_sql(f"DELETE FROM member_activity WHERE {members}", params)
    database.execute_sql(_RECOUNT_SQL.format(visits=dialect.count_where("created_at >= :starts"), members=members),
                         params)


def rebuild_beside_tills(today: dt.date, finish: Callable[[], None], page: int | None = None,
                         progress: Callable[[int, int], None] | None = None) -> None:
    """Every member's figures counted again from the sales, a page of members per short transaction,
    while the trigger that keeps them is missing; ``finish()`` (which writes it back) runs in the last.

    At 1,000,000 members the count in one transaction held the write lock for seconds, longer
    than a till waits. Sales made meanwhile move no figure (the trigger is still missing), so
    the last transaction counts again every member who bought since the first one began, and
    writes the trigger: every sale is counted once, by the count or by the trigger. Stopped
    half-way, the trigger is still missing and the next opening starts again. Meanwhile the
    window is marked ``REBUILDING``: the reports read the sales, and no till rolls a month off.
    ``progress(done, top)`` after each page: the members counted, of the highest member id.
    """
    starts = window_start(today).isoformat()
    size = ChunkSize(page or ROLL_MEMBERS, start=FIRST_ROLL_MEMBERS)
    with batch_transaction():
        database.execute_sql("UPDATE activity_window SET starts = ?, rolled_through = ?", (starts, REBUILDING))
        last_sale = database.execute_sql("SELECT COALESCE(MAX(id), 0) FROM sale").fetchone()[0]
        top = database.execute_sql("SELECT COALESCE(MAX(id), 0) FROM member").fetchone()[0]
    done = 0
    while done < top:
        upto = min(done + size.rows, top)
        with batch_transaction(size):
            _recount(_IN_RANGE, starts=starts, after=done, upto=upto)
        done = upto
        if progress is not None:
            progress(done, top)
    with batch_transaction():
        _recount(_ABOVE, starts=starts, after=top)  # members who joined since
        _recount(_BOUGHT_SINCE, starts=starts, sale=last_sale)
        database.execute_sql("UPDATE activity_window SET rolled_through = 0")
        finish()


def figures() -> dict[int, tuple[str, int, int]]:
    """member id → (last sale, visits, paid fen), for the tests and ``check``-like comparisons."""
    return {m: (last, visits, paid) for m, last, visits, paid in database.execute_sql(
        "SELECT member_id, last_sale_at, visits, paid_fen FROM member_activity ORDER BY member_id").fetchall()}
