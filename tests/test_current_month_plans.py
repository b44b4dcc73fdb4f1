"""The current month's report, as the owner opens it, reads no business table whole.

The months before it are stored; the month itself is computed from short index ranges of its
own sales, entries and sign-ups, the members' running figures (one small row per member) and
the members' kept counts. A query that reads the sales, the ledger or the members from end to
end is what made the report take seconds at a million members, so every statement the report
sends is held to its query plan here.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from pharmacy_desk.core import dialect, operations
from pharmacy_desk.core.db import database
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.reports import closing, monthly
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.report import build_report

TODAY = operations.now().date()
THIS_MONTH = Month.of(TODAY)
# Tables that grow with the business: read through an index range or by key, never whole.
GROWING = {"member", "sale", "sale_line", "payment", "ledger_entry", "ledger_allocation", "sale_return",
           "sale_return_line", "sale_return_payment", "coupon", "coupon_use", "coupon_service_use", "tier_change",
           "operation", "redemption"}


def _whole_reads(statements: list[str]) -> tuple[set[str], set[str]]:
    """(plan steps reading a growing table whole, the tables read whole at all)."""
    bad, scanned = set(), set()
    for sql in statements:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        for step in dialect.query_plan(database, sql):
            if step.startswith("SCAN "):
                table = step.split()[1]
                scanned.add(table)
                if table in GROWING:
                    bad.add(f"{step}  ←  {sql[:160]}")
    return bad, scanned


@pytest.fixture
def closed_before(db, make_member, sell, owner, clerk):
    """Six members' sales over the last 14 months, the months before this one closed."""
    rng = random.Random(3)
    first = add_months(TODAY.replace(day=1), -13)
    members = [make_member(gender=rng.choice("FM"), birthday=dt.date(rng.randint(1950, 2000), 5, 5),
                           owner_staff=rng.choice([clerk.id, owner.id, None]), at=dt.datetime.combine(first, dt.time(9)))
               for _ in range(6)]
    for back in range(13, -1, -1):
        day = add_months(TODAY.replace(day=1), -back)
        for member in rng.sample(members + [None], 3):
            sell(member, {"household": rng.randint(1000, 30000)}, at=dt.datetime.combine(day, dt.time(10)))
    assert closing.close_due_months(TODAY, owner)  # the months before this one are stored


def test_the_current_months_report_reads_no_growing_table_whole(closed_before, db, owner):
    seen: list[str] = []
    db.connection().set_trace_callback(seen.append)
    try:
        report = build_report(THIS_MONTH, owner, trend_months=12)
        alone = build_report(THIS_MONTH, owner, trend_months=1)
    finally:
        db.connection().set_trace_callback(None)
    assert not report.closed and report.figures == alone.figures
    assert report.figures == build_report(THIS_MONTH, owner, live=True).figures
    bad, scanned = _whole_reads(seen)
    assert bad == set()
    assert "member_activity" in scanned  # what it reads instead, whole: one small row per member


def test_the_members_running_figures_are_read_twice_for_dormancy_and_rfm(closed_before, db, owner):
    """Apart, dormancy and RFM read them four times: dormancy's counts, its newly dormant members'
    owners, RFM's totals, who is high. The totals' pass now counts the dormancy and names the newly
    dormant, whose owners are then looked up by key."""
    with dialect.sent(db) as seen:
        report = build_report(THIS_MONTH, owner, trend_months=12)
    assert len([sql for sql in seen if "member_activity" in sql]) == 2
    assert report.figures == build_report(THIS_MONTH, owner, live=True).figures


def _statements_run(db, call) -> list[str]:
    """The statements SQLite ran for ``call``, their parameters written in, so each one's plan can
    be asked for as it stands (``dialect.sent`` keeps the text as sent, with its placeholders)."""
    seen: list[str] = []
    db.connection().set_trace_callback(seen.append)
    try:
        call()
    finally:
        db.connection().set_trace_callback(None)
    return seen


def test_points_owed_without_a_stored_month_before_are_summed_from_the_member_and_points_index(db, make_member, sell):
    """With no close to start from, the balance is the sum of every entry: read from the two-column
    index, a thirteenth of the table's pages, rather than the table itself."""
    sell(make_member(), {"household": 30000})
    seen = _statements_run(db, lambda: monthly.monthly_figures(THIS_MONTH))
    whole = [sql for sql in seen if sql.startswith("SELECT COALESCE(SUM(points), 0) FROM ledger_entry")
             and "WHERE" not in sql]
    assert len(whole) == 1
    assert dialect.query_plan(database, whole[0]) == [
        "SCAN ledger_entry USING COVERING INDEX ledger_entry_member_id_points"]


def test_a_months_points_are_summed_from_the_date_index_alone(db, make_member, sell):
    """A month's points by kind, and those booked after its end, read the (time, kind, points)
    index alone (schema v16): through the index on the time alone, each entry cost a read of its
    table row, 2.9 million of them in a month whose points expired all at once."""
    sell(make_member(), {"household": 30000})
    seen = _statements_run(db, lambda: monthly.monthly_figures(THIS_MONTH))
    dated = [sql for sql in seen if "FROM ledger_entry WHERE created_at" in sql]
    assert len(dated) == 2  # the month's points; what came after its end
    for sql in dated:
        assert [step.split(" (")[0] for step in dialect.query_plan(database, sql)] == [
            "SEARCH ledger_entry USING COVERING INDEX ledger_entry_created_at_kind_points"], sql
