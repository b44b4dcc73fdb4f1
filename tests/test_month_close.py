"""Closed months are facts: a month is stored when it ends, equals its computation, and never changes.

A seeded generator writes a pharmacy's history through the services (sign-ups, sales with
coupons, points adjustments and expiry, returns whole and in part, some of them in a later
month than the sale); the months are closed as housekeeping closes them; then more returns
come in, of sales in the closed months.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pharmacy_desk.core import check, returns
from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.housekeeping import run_due_jobs
from pharmacy_desk.core.bookkeeping_models import MonthReport
from pharmacy_desk.core.models import Coupon, LedgerEntry, Member, Operation, SaleReturn
from pharmacy_desk.core.reports import closing
from pharmacy_desk.core.reports.month_parts import MonthParts, decode, encode, live_parts
from pharmacy_desk.core.reports.monthly import monthly_figures
from pharmacy_desk.core.reports.period import Month
from pharmacy_desk.core.reports.report import build_report
from pharmacy_desk.core.reports.rfm import RfmThresholds
from pharmacy_desk.core.vocabulary import OperationKind
from tests.month_history import APRIL, CLOSE_DAY, FIRST, JUNE, MAY, generate_history, june_business, return_of, sold_at


@pytest.fixture
def history(request, make_member, sell, clerk, owner):
    """Seed 1's history, or the seed a test names with ``@pytest.mark.parametrize("seed", …)``."""
    seed = request.getfixturevalue("seed") if "seed" in request.fixturenames else 1
    sold = generate_history(seed, make_member, sell, clerk, owner)
    assert check.run_checks() == []
    return sold


SEEDS = pytest.mark.parametrize("seed", [1, 2, 3])


@SEEDS
def test_every_ended_month_is_stored_once_and_equals_its_computation(seed, history, owner):
    closed = closing.close_due_months(CLOSE_DAY, owner)
    assert closed == [Month(2025, 12), FIRST, Month(2026, 2), Month(2026, 3), APRIL, MAY]
    stored = closing.stored(closed)
    for month in closed:
        assert stored[month] == live_parts([month])[month], month
    assert closing.close_due_months(CLOSE_DAY, owner) == []  # closing again adds nothing
    assert MonthReport.select().count() == len(closed)
    assert Operation.select().where(Operation.kind == OperationKind.MONTH_CLOSE).count() == len(closed)


@SEEDS
def test_a_return_after_the_close_is_booked_in_its_own_month(seed, history, owner):
    closing.close_due_months(CLOSE_DAY, owner)
    before = closing.stored([APRIL, MAY])
    june_before = monthly_figures(JUNE)
    # Whole returns in June of April and May sales not returned yet, one of them with its coupon.
    returned_ids = {r.sale_id for r in SaleReturn.select()}
    candidates = [s for s in history if sold_at(s).month in (4, 5) and s.sale.id not in returned_ids]
    with_coupon = [s for s in candidates if s.sale.coupon_id is not None]
    late = (with_coupon[:1] + [s for s in candidates if s.sale.coupon_id is None])[:3]
    for n, result in enumerate(late):
        return_of(result, dt.datetime(2026, 6, 2 + n, 10), owner, f"late-{n}")
    refunded = sum(r.refund_fen for r in SaleReturn.select().where(SaleReturn.uid.startswith("late-")))

    assert closing.stored([APRIL, MAY]) == before  # the closed months did not move
    for month in (APRIL, MAY):
        assert live_parts([month])[month] == before[month], month  # and computing them again agrees
    june = monthly_figures(JUNE)
    assert june.returns_fen == june_before.returns_fen + refunded > june_before.returns_fen
    assert june.sales_net_fen == june_before.sales_net_fen - refunded
    assert june.coupons_used == june_before.coupons_used - len(with_coupon[:1])


def test_a_coupon_given_back_later_leaves_the_month_it_was_used_in(db, make_member, sell, owner):
    """Before, the view of coupons in use dropped the use from April when a June return gave the coupon back."""
    member = make_member(name="张三", at=dt.datetime(2026, 4, 1, 9))
    coupon = Coupon.get(Coupon.member == member)
    used = sell(member, {"household": 10000}, at=dt.datetime(2026, 4, 20, 10), coupon_id=coupon.id)
    april = monthly_figures(APRIL)
    assert (april.coupons_issued, april.coupons_used, april.coupon_use_rate) == (1, 1, 1)
    returns.return_sale(sale_id=used.sale.id, operator=owner, uid="june-return", at=dt.datetime(2026, 6, 3, 10))
    assert monthly_figures(APRIL) == april
    assert monthly_figures(JUNE).coupons_used == -1  # given back in June: booked in June


def test_the_report_reads_closed_months_and_computes_the_rest(history, owner):
    closing.close_due_months(CLOSE_DAY, owner)
    report = build_report(MAY, owner)
    live = build_report(MAY, owner, live=True)
    assert report.closed and not live.closed
    assert isinstance(report, MonthParts) and report.differences(closing.stored([MAY])[MAY]) == []
    assert (report.figures, report.categories, report.tiers, report.ages, report.rfm, report.staff, report.trend) == (
        live.figures, live.categories, live.tiers, live.ages, live.rfm, live.staff, live.trend)
    june = build_report(JUNE, owner, trend_months=3)
    assert not june.closed and [f.month for f in june.trend] == [APRIL, MAY, JUNE]
    assert june.trend[:2] == [report.trend[-2], report.figures]
    other = RfmThresholds(recency_days=(10, 20, 40, 80))
    assert build_report(MAY, owner, rfm_thresholds=other).rfm == build_report(MAY, owner, rfm_thresholds=other,
                                                                               live=True).rfm


def test_the_month_after_a_close_equals_its_computation(history, make_member, sell, owner, clerk, tmp_path):
    """June is computed from May's stored points owed plus June's entries: the same as from the whole ledger."""
    closing.close_due_months(CLOSE_DAY, owner)
    june_business(make_member, sell, owner, clerk, history, tmp_path)
    report = build_report(JUNE, owner, trend_months=3)
    live = build_report(JUNE, owner, trend_months=3, live=True)
    assert report.trend[:2] == [closing.stored([APRIL])[APRIL].figures, closing.stored([MAY])[MAY].figures]
    assert (report.figures, report.categories, report.tiers, report.ages, report.rfm, report.staff) == (
        live.figures, live.categories, live.tiers, live.ages, live.rfm, live.staff)
    assert report.figures.points_outstanding == sum(e.points for e in LedgerEntry.select())
    assert report.figures.points_expired > 0 and report.figures.new_members == 1


def test_a_stored_month_is_what_the_report_shows_even_after_a_profile_change(history, owner):
    closing.close_due_months(CLOSE_DAY, owner)
    before = build_report(MAY, owner).ages
    Member.update(birthday=None).execute()  # every birthday forgotten since
    assert build_report(MAY, owner).ages == before
    assert build_report(MAY, owner, live=True).ages != before


def test_recompute_on_request_stores_the_computation_and_says_what_changed(history, owner, clerk):
    closing.close_due_months(CLOSE_DAY, owner)
    same = closing.recompute(MAY, owner, today=CLOSE_DAY)
    assert same.changed == [] and "完全一致" in same.describe()
    Member.update(birthday=None).execute()
    changed = closing.recompute(MAY, owner, today=CLOSE_DAY)
    assert changed.changed == ["ages"]
    assert closing.stored([MAY])[MAY] == live_parts([MAY])[MAY]
    audit = Operation.select().where(Operation.kind == OperationKind.REPORT_RECOMPUTE).order_by(Operation.id)
    assert [op.subject for op in audit] == ["month:2026-05", "month:2026-05"]
    assert "ages" in audit[-1].detail
    with pytest.raises(InvalidInput):
        closing.recompute(JUNE, owner, today=dt.date(2026, 6, 30))
    rows = MonthReport.select().count()
    with pytest.raises(NotPermitted):
        closing.recompute(MAY, clerk, today=CLOSE_DAY)
    assert MonthReport.select().count() == rows


def test_stored_figures_are_append_only(history, owner):
    closing.close_due_months(CLOSE_DAY, owner)
    with pytest.raises(Exception, match="只能追加"):
        MonthReport.update(figures="{}").execute()
    with pytest.raises(Exception, match="只能追加"):
        MonthReport.delete().execute()


def test_housekeeping_closes_the_missed_months_at_the_first_start_of_a_month(db, make_member, sell, owner):
    member = make_member(name="张三", at=dt.datetime(2026, 2, 3, 9))
    sell(member, {"household": 5000}, at=dt.datetime(2026, 2, 3, 10))
    sell(member, {"otc": 3000}, at=dt.datetime(2026, 4, 28, 10))
    first = run_due_jobs(dt.date(2026, 3, 1), owner)
    assert first.months_closed == [Month(2026, 2)]
    assert run_due_jobs(dt.date(2026, 3, 15), owner).months_closed == []
    caught_up = run_due_jobs(dt.date(2026, 6, 2), owner)  # the app was not started in April or May
    assert caught_up.months_closed == [Month(2026, 3), APRIL, MAY]
    assert closing.stored([APRIL])[APRIL].figures.sales_count == 1


def test_a_stored_month_in_another_shape_is_computed_again(history, owner):
    parts = live_parts([MAY])[MAY]
    assert decode(MAY, encode(parts)) == parts
    assert decode(MAY, encode(parts).replace('"format":1', '"format":0')) is None


def test_report_recompute_from_the_command_line_is_the_owners_and_audited(tmp_path, capsys, monkeypatch):
    from pharmacy_desk import cli
    from pharmacy_desk.core.db import close_database, open_database
    from tests.cli_helpers import OWNER_PASSWORD, as_owner, set_up_shop

    path = tmp_path / "shop.sqlite3"
    set_up_shop(path, monkeypatch, staff=[("李娜", "cashier", "2468")])
    assert cli.main(as_owner(["--db", path, "report", "recompute", "2026-05"])) == 0
    assert "2026-05 月度报表已计算并保存" in capsys.readouterr().out
    assert cli.main(as_owner(["--db", path, "report", "recompute", "2026-05"])) == 0
    assert "完全一致" in capsys.readouterr().out
    assert cli.main(as_owner(["--db", path, "report", "recompute", "2099-01"])) == 1
    assert "还没有结束" in capsys.readouterr().err
    monkeypatch.setenv("PHARMACY_DESK_PASSWORD", "2468")
    assert cli.main(["--as", "李娜", "--db", str(path), "report", "recompute", "2026-05"]) == 1
    assert "定期维护" in capsys.readouterr().err
    monkeypatch.setenv("PHARMACY_DESK_PASSWORD", OWNER_PASSWORD)
    open_database(path)
    try:
        assert Operation.select().where(Operation.kind == OperationKind.REPORT_RECOMPUTE).count() == 2
    finally:
        close_database()
