"""Each member's running figures: kept by the sale in one statement, moved month by month, and
the current month's dormancy and RFM read from them equal to the same figures from the sales.

The window follows the real calendar (the current month is the one the reports read them
for), so the sales here are dated relative to today.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from pharmacy_desk.core import activity, dialect, operations, returns
from pharmacy_desk.core.ledger import add_months
from pharmacy_desk.core.reports import dormancy, rfm
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.models import Sale
from pharmacy_desk.core.reports.rfm import RfmThresholds
from tests.pacing_helpers import between_chunks

TODAY = operations.now().date()
THIS_MONTH = Month.of(TODAY)


def _sold_at(result) -> dt.datetime:
    return Sale.get_by_id(result.sale.id).created_at


def _when(rng: random.Random, months_back: int) -> dt.datetime:
    first = add_months(TODAY.replace(day=1), -months_back)
    last = min(TODAY, add_months(first, 1) - dt.timedelta(days=1))
    day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
    return dt.datetime.combine(day, dt.time(rng.choice([0, 10, 23]), 0, rng.choice([0, 59])))


@pytest.fixture
def spread(db, make_member, sell, owner):
    """Twenty members with sales over the last 20 months (some before the window), a few returned."""
    rng = random.Random(7)
    members = [make_member(name="张三", at=dt.datetime.combine(add_months(TODAY, -22), dt.time(9)))
               for _ in range(20)]
    sold = []
    for months_back in sorted((rng.randint(0, 19) for _ in range(90)), reverse=True):
        member = rng.choice(members + [None])
        sold.append(sell(member, {"household": rng.randint(100, 80000)}, at=_when(rng, months_back)))
    for n, result in enumerate(rng.sample(sold, 10)):
        returns.return_sale(sale_id=result.sale.id, operator=owner, uid=f"ret-{n}",
                            at=max(_sold_at(result), operations.now() - dt.timedelta(days=1)))
    return members


def _rebuilt() -> dict:
    kept = activity.figures()
    activity.rebuild(TODAY)
    rebuilt = activity.figures()
    assert activity.window() == activity.Window(activity.window_start(TODAY), 0)
    return kept, rebuilt


def test_the_sales_keep_every_members_figures(spread):
    kept, rebuilt = _rebuilt()
    assert kept == rebuilt and len(kept) == 20


def test_a_sale_keeps_its_members_figures_without_a_statement_of_its_own(db, make_member, sell):
    member = make_member(name="张三")
    with dialect.sent(db) as seen:
        sell(member, {"household": 5000}, at=operations.now())
    assert not [sql for sql in seen if "member_activity" in sql]  # the sale's INSERT keeps them
    assert activity.figures()[member.id][1:] == (1, 5000)


def test_a_month_leaving_the_window_is_taken_off_page_by_page(spread, monkeypatch):
    activity.rebuild(add_months(TODAY, -3))  # as if housekeeping last ran three months ago
    assert activity.window().starts == add_months(activity.window_start(TODAY), -3)
    assert not activity.covers(TODAY, TODAY)
    monkeypatch.setattr(activity, "ROLL_MEMBERS", 6)
    pauses = []

    def interrupted() -> None:
        pauses.append(1)
        if len(pauses) == 2:
            raise KeyboardInterrupt  # the program stopped in the middle of a roll

    between_chunks(monkeypatch, interrupted)
    with pytest.raises(KeyboardInterrupt):
        activity.catch_up(TODAY)
    assert activity.window().rolled_through == 12  # two pages of six members were done
    assert activity.catch_up(TODAY) == 3  # the pauses after the second go on
    assert activity.covers(TODAY, TODAY)
    kept, rebuilt = _rebuilt()
    assert kept == rebuilt
    assert activity.catch_up(TODAY) == 0


def test_the_current_months_dormancy_and_rfm_equal_the_scan_of_the_sales(spread, monkeypatch):
    assert activity.covers(TODAY, TODAY)
    thresholds = RfmThresholds(recency_days=(20, 60, 120, 200), frequency=(6, 4, 3, 2),
                               money_fen=(150000, 80000, 30000, 10000))
    from_activity = (dormancy.dormancy(THIS_MONTH, 3), rfm.rfm_segments(THIS_MONTH, thresholds),
                     rfm.rfm_segments(THIS_MONTH))
    reads: list[str] = []
    monkeypatch.setattr(activity, "covers", lambda *args: reads.append("scan") or False)
    from_sales = (dormancy.dormancy(THIS_MONTH, 3), rfm.rfm_segments(THIS_MONTH, thresholds),
                  rfm.rfm_segments(THIS_MONTH))
    assert reads  # the second answers came from the sales
    assert from_activity == from_sales
    assert from_sales[1].scored > 0 and from_sales[0].dormant > 0


def test_another_rfm_period_reads_the_sales(spread):
    assert not activity.covers(TODAY, TODAY, window_months=6)
    assert rfm.rfm_segments(THIS_MONTH, RfmThresholds(window_months=6)).scored > 0


def test_the_v11_migration_fills_every_members_figures_from_the_sales(spread, tmp_path):
    from pharmacy_desk.core import schema
    from pharmacy_desk.core.db import database, database_path, open_database

    kept = activity.figures()
    path = database_path()
    for statement in ("DROP TABLE member_activity", "DROP TABLE activity_window", "DROP TABLE month_report",
                      "PRAGMA user_version = 10"):
        database.execute_sql(statement)
    # v11 alone: the later versions' tables are in this database already.
    schema.ensure_current(target=11)
    database.execute_sql(f"PRAGMA user_version = {schema.CURRENT_VERSION}")
    open_database(path)
    assert activity.figures() == kept
    assert activity.window() == activity.Window(activity.window_start(TODAY), 0)


def _random_thresholds(rng: random.Random) -> RfmThresholds:
    def bounds(low: int, high: int) -> tuple[int, int, int, int]:
        values = [rng.randint(low, high) for _ in range(4)]
        # Mostly in the order the window offers them, sometimes as typed in any order.
        return tuple(values if rng.random() < 0.25 else sorted(values))  # type: ignore[return-value]

    recency = bounds(0, 400)
    return RfmThresholds(recency_days=recency, frequency=tuple(sorted(bounds(1, 8), reverse=True)),
                         money_fen=tuple(sorted(bounds(0, 120000), reverse=True)))


def test_the_current_months_rfm_equals_the_scan_for_any_thresholds(spread, monkeypatch):
    """The running figures are read in two passes (totals, then who is high): the same cells as scoring each member."""
    rng = random.Random(11)
    cases = [_random_thresholds(rng) for _ in range(40)]
    cases += [RfmThresholds(recency_days=(400, 300, 200, 100), frequency=(1, 2, 3, 4), money_fen=(0, 10, 20, 30)),
              RfmThresholds(recency_days=(0, 0, 0, 0), frequency=(99, 99, 99, 99), money_fen=(10**9,) * 4)]
    assert activity.covers(TODAY, TODAY)
    from_activity = [rfm.rfm_segments(THIS_MONTH, t) for t in cases]
    monkeypatch.setattr(activity, "covers", lambda *args: False)
    from_sales = [rfm.rfm_segments(THIS_MONTH, t) for t in cases]
    assert from_activity == from_sales
    assert len({tuple(sorted(r.segments.items())) for r in from_sales}) > 10  # the cases differ where it matters


@pytest.mark.parametrize("dormant_months", [1, 3, 6, 11, 12, 18])
def test_the_current_months_dormancy_and_segments_from_one_pass_equal_the_scan_of_the_sales(
        spread, monkeypatch, make_member, sell, clerk, dormant_months):
    """The shared pass counts the dormant among every member (with or without a sale in RFM's
    window) and names the newly dormant, whose owners are then read by key."""
    from pharmacy_desk.core.models import Member

    # One member whose only sale makes them newly dormant this month, inside RFM's window or before it.
    lapsed = make_member(name="李四", owner_staff=clerk.id, at=dt.datetime.combine(add_months(TODAY, -22), dt.time(9)))
    sell(lapsed, {"household": 5000}, at=_when(random.Random(dormant_months), dormant_months))
    for member in spread[::3]:
        Member.update(owner_staff=clerk.id).where(Member.id == member.id).execute()
    thresholds = RfmThresholds(recency_days=(20, 60, 120, 200), frequency=(6, 4, 3, 2),
                               money_fen=(150000, 80000, 30000, 10000))
    together = rfm.dormancy_and_segments(THIS_MONTH, thresholds, dormant_months)
    monkeypatch.setattr(activity, "covers", lambda *args: False)
    assert rfm.dormancy_and_segments(THIS_MONTH, thresholds, dormant_months) is None
    assert together == (dormancy.dormancy_series([THIS_MONTH], dormant_months)[0],
                        rfm.rfm_segments(THIS_MONTH, thresholds))
    assert together[0].newly_by_owner.get(clerk.id, 0) >= 1 and together[1].scored > 0


def test_the_newly_dormants_owners_are_counted_by_owner(spread, clerk, owner):
    from pharmacy_desk.core.models import Member

    months = next(n for n in range(1, 20) if dormancy.dormancy(THIS_MONTH, n).newly >= 2)
    newly = dormancy.dormancy(THIS_MONTH, months)
    ids = [m for m, (last, _, _) in activity.figures().items()
           if dormancy.bound(add_months(THIS_MONTH.end, -months - 1)) <= last
           < dormancy.bound(add_months(THIS_MONTH.end, -months))]
    assert len(ids) == newly.newly >= 2
    Member.update(owner_staff=clerk.id).where(Member.id == ids[0]).execute()
    Member.update(owner_staff=owner.id).where(Member.id.in_(ids[1:])).execute()
    assert dormancy.dormancy(THIS_MONTH, months).newly_by_owner == {clerk.id: 1, owner.id: len(ids) - 1}
