"""交班 and 日结: the till's figures by payment method (医保 apart), per cashier, recorded."""

from __future__ import annotations

import datetime as dt

import pytest

from pharmacy_desk.core import audit, chain, returns
from pharmacy_desk.core.day_end import day_end
from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.models import Operation, SaleLine, Staff
from pharmacy_desk.core.shift import close_shift, current_shift
from pharmacy_desk.core.vocabulary import OperationKind, ReturnReason

DAY = dt.datetime(2026, 6, 10, 10, 0)


@pytest.fixture
def shift(db, clerk, owner, make_member, sell):
    """The clerk signs in at 9:00, signs up a member, sells twice, takes one line back; the owner sells once."""
    audit.record(OperationKind.SIGN_IN, clerk, at=DAY - dt.timedelta(hours=1))
    member = make_member(at=DAY)
    mixed = sell(member, {"otc": 15000, "rx": 8000}, at=DAY + dt.timedelta(minutes=5),
                 payments={"insurance": 8000, "cash": 15000})
    sell(member, {"household": 10000}, at=DAY + dt.timedelta(minutes=10), payments={"wechat": 10000})
    otc = SaleLine.get((SaleLine.sale == mixed.sale.id) & (SaleLine.amount_fen == 15000))
    returns.return_sale(sale_id=mixed.sale.id, operator=clerk, uid="back", amounts={otc.id: 15000},
                        reason=ReturnReason.NOT_NEEDED, at=DAY + dt.timedelta(minutes=20))
    sell(None, {"household": 2000}, at=DAY + dt.timedelta(minutes=30), operator=owner, payments={"alipay": 2000})
    return member


def test_the_shift_close_counts_the_cashiers_own_till_with_insurance_apart(shift, clerk):
    report = close_shift(clerk, at=DAY + dt.timedelta(hours=2))
    t = report.totals
    assert (report.cashier, report.start) == ("李娜", DAY - dt.timedelta(hours=1))
    assert (t.sales, t.sales_fen) == (2, 33000)
    assert t.paid_by == {"insurance": 8000, "cash": 15000, "wechat": 10000}
    assert (t.returns, t.refunds_fen, t.refunded_by) == (1, 15000, {"cash": 15000})
    # The OTC went back in cash (医保 paid the prescription): the drawer holds no cash, 100 on WeChat.
    assert t.takings_by_method == {"cash": 0, "wechat": 10000} and t.insurance_fen == 8000
    assert (t.points_issued, t.points_redeemed) == (10 + 5, 0)
    assert (t.coupons_used, t.new_members) == (0, 1)
    closed = Operation.get(Operation.kind == OperationKind.SHIFT_CLOSE.value)
    assert closed.staff_id == clerk.id and "销售 2 笔 330.00 元" in closed.detail and "医保 80.00 元" in closed.detail


def test_the_next_shift_begins_at_the_next_sign_in(shift, clerk, sell):
    close_shift(clerk, at=DAY + dt.timedelta(hours=2))
    assert current_shift(clerk, DAY + dt.timedelta(hours=3)).start == DAY + dt.timedelta(hours=2)  # not signed in yet
    audit.record(OperationKind.SIGN_IN, clerk, at=DAY + dt.timedelta(hours=4))
    sell(None, {"household": 500}, at=DAY + dt.timedelta(hours=5), payments={"cash": 500})
    audit.record(OperationKind.SIGN_IN, clerk, at=DAY + dt.timedelta(hours=6))  # back after a lock: same shift
    later = current_shift(clerk, DAY + dt.timedelta(hours=7))
    assert later.start == DAY + dt.timedelta(hours=4)
    assert (later.totals.sales, later.totals.paid_by, later.totals.new_members) == (1, {"cash": 500}, 0)


def test_the_day_end_adds_up_every_cashier_and_carries_the_chain_head(shift, clerk, owner):
    with pytest.raises(NotPermitted):
        day_end(DAY.date(), clerk, at=DAY + dt.timedelta(hours=10))
    head = chain.head()
    report = day_end(DAY.date(), owner, at=DAY + dt.timedelta(hours=10))
    assert (report.totals.sales, report.totals.sales_fen) == (3, 35000)
    assert report.totals.takings_by_method == {"cash": 0, "wechat": 10000, "alipay": 2000}
    assert [name for name, _ in report.by_cashier] == sorted(["李娜", "王芳"])
    by_name = dict(report.by_cashier)
    assert by_name["王芳"].paid_by == {"alipay": 2000} and by_name["李娜"].sales == 2
    assert report.chain_head == head and chain.head_mismatch(report.chain_head) is None
    recorded = Operation.get(Operation.kind == OperationKind.DAY_END.value)
    assert recorded.staff_id == owner.id and report.chain_head in recorded.detail


def test_another_day_is_not_counted(shift, owner):
    report = day_end(DAY.date() + dt.timedelta(days=1), owner, at=DAY + dt.timedelta(days=1, hours=10))
    assert (report.totals.sales, report.by_cashier) == (0, ())
    assert Staff.select().count() >= 2


def test_a_past_day_is_reported_again_and_a_day_not_yet_come_is_refused(shift, owner):
    later = DAY + dt.timedelta(days=3)
    report = day_end(DAY.date(), owner, at=later)  # the slip of three days ago, printed again
    assert (report.day, report.totals.sales, report.made_at) == (DAY.date(), 3, later)
    kept = Operation.select().count()
    with pytest.raises(InvalidInput) as refused:
        day_end(later.date() + dt.timedelta(days=1), owner, at=later)
    assert str(refused.value) == f"{later.date() + dt.timedelta(days=1):%Y-%m-%d} 还没有到，不能日结。"
    assert Operation.select().count() == kept  # refused before anything is recorded


@pytest.fixture
def spent_then_returned(db, clerk, owner, make_member, sell):
    """A member earns 20 points, pays 500 as cash, spends all but 5, then both sales come back:
    the first return can take back only 5 of its 20 points (15 short), the second gives the 500 back."""
    from pharmacy_desk.core import ledger

    member = make_member(at=DAY - dt.timedelta(days=2))
    ledger.adjust(member.id, 500, "开户", owner, "seed", at=DAY - dt.timedelta(days=1))
    earning = sell(member, {"supplement": 30000}, at=DAY + dt.timedelta(minutes=5))  # 300元 × 2/30 → 20
    paying = sell(member, {"household": 5000}, points_used=500, at=DAY + dt.timedelta(minutes=10))  # 30元 → 1
    ledger.adjust(member.id, -16, "兑换礼品（手工）", owner, "spend", at=DAY + dt.timedelta(minutes=15))  # 5 left
    first = returns.return_sale(sale_id=earning.sale.id, operator=clerk, uid="r1", reason=ReturnReason.NOT_NEEDED,
                                at=DAY + dt.timedelta(minutes=20))
    second = returns.return_sale(sale_id=paying.sale.id, operator=clerk, uid="r2", reason=ReturnReason.NOT_NEEDED,
                                 at=DAY + dt.timedelta(minutes=25))
    assert (first.sale_return.points_clawed, first.sale_return.points_shortfall) == (5, 15)
    assert (second.sale_return.points_refunded, second.sale_return.points_clawed) == (500, 1)
    return member


def test_the_figures_show_what_returns_took_back_could_not_take_back_and_gave_back(spent_then_returned, clerk, owner):
    t = close_shift(clerk, at=DAY + dt.timedelta(hours=1)).totals
    assert (t.points_issued, t.points_clawed, t.points_shortfall, t.points_net_issued) == (21, 6, 15, 15)
    assert (t.points_redeemed, t.points_given_back, t.points_net_redeemed) == (500, 500, 0)
    closed = Operation.get(Operation.kind == OperationKind.SHIFT_CLOSE.value)
    assert "积分 +21 −500，退货扣回 6、未能扣回 15、退回 500" in closed.detail
    # The owner's own adjustments are neither earned nor spent at the till.
    everyone = day_end(DAY.date(), owner, at=DAY + dt.timedelta(hours=2)).totals
    assert (everyone.points_issued, everyone.points_clawed, everyone.points_shortfall) == (21, 6, 15)


def test_the_slips_print_the_clawback_the_shortfall_and_the_nets(spent_then_returned, clerk, owner):
    from pharmacy_desk.core.shift_slip import day_end_slip, shift_slip

    pairs = [(line.left, line.right) for line in shift_slip(close_shift(clerk, at=DAY + dt.timedelta(hours=1))).lines]
    points = pairs[pairs.index(("发放积分", "21")):][:7]
    assert points == [("发放积分", "21"), ("  退货扣回", "-6"), ("  积分不足未扣回", "15"), ("净发放积分", "15"),
                      ("使用积分", "500"), ("  退货/撤销退回", "-500"), ("净使用积分", "0")]
    day = [(line.left, line.right) for line in day_end_slip(day_end(DAY.date(), owner, at=DAY + dt.timedelta(hours=2))).lines]
    assert day.count(("  积分不足未扣回", "15")) == 2  # the whole shop, then the clerk's own part


def test_the_owners_first_shift_begins_with_the_set_up_that_signed_them_in(db, sell):
    """开店设置 signs the owner in without a sign-in of its own: a lock and unlock later (a sign-in)
    must not leave the first sales out of the shift."""
    from pharmacy_desk.core import setup

    boss = setup.set_up(setup.PharmacyInfo("康宁大药房"), "王芳", "owner-pass", at=DAY)
    sell(None, {"household": 4500}, at=DAY + dt.timedelta(minutes=1), operator=boss)
    audit.record(OperationKind.LOCK, boss, at=DAY + dt.timedelta(minutes=5))
    audit.record(OperationKind.SIGN_IN, boss, at=DAY + dt.timedelta(minutes=6))
    report = close_shift(boss, at=DAY + dt.timedelta(minutes=10))
    assert (report.start, report.totals.sales, report.totals.sales_fen) == (DAY, 1, 4500)
