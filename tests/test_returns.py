import datetime as dt

import pytest

from pharmacy_desk.core import check, coupons, ledger, returns
from pharmacy_desk.core.errors import NotFound, ReturnError
from pharmacy_desk.core.models import Coupon, SaleLine

AT = dt.datetime(2026, 6, 10, 10, 0)
LATER = AT + dt.timedelta(hours=3)


def test_whole_return_takes_back_earned_and_gives_back_points_and_coupon(db, make_member, sell, clerk, owner):
    member = make_member()
    ledger.adjust(member.id, 1000, "开户", owner, "seed", at=AT - dt.timedelta(days=1))
    welcome = Coupon.get(Coupon.member == member)
    sold = sell(member, {"household": 10000}, coupon_id=welcome.id, points_used=500)
    # 100 - 3 (coupon) - 20 (500 points) = 77元 paid → 3 points; balance 1000 - 500 + 3 = 503
    assert sold.sale.paid_fen == 7700 and sold.sale.points_earned == 3 and sold.balance == 503
    result = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", at=LATER)
    record = result.sale_return
    assert (record.refund_fen, record.points_refunded, record.points_clawed, record.coupon_restored) == (7700, 500, 3, True)
    assert result.balance == 1000
    assert coupons.in_use(welcome.id) is None
    assert check.run_checks() == []


def test_partial_returns_add_up_to_a_whole_return(db, make_member, sell, clerk):
    member = make_member()
    sold = sell(member, {"household": 10000, "supplement": 9000})
    # 100/20 = 5 + 90 × 2/30 = 6 → 11 points
    assert sold.sale.points_earned == 11
    lines = {l.category.code: l for l in SaleLine.select()}
    first = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", at=LATER,
                                amounts={lines["supplement"].id: 4500})
    # half the supplement: base share 6 × 4500/9000 = 3 of 11 base points → 11 × 3 // 11 = 3
    assert (first.sale_return.refund_fen, first.sale_return.points_clawed) == (4500, 3)
    assert first.balance == 8
    assert returns.returnable_amounts(sold.sale.id) == {lines["household"].id: 10000, lines["supplement"].id: 4500}
    rest = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r2", at=LATER)
    assert (rest.sale_return.refund_fen, rest.sale_return.points_clawed) == (14500, 8)
    assert rest.balance == 0
    with pytest.raises(ReturnError, match="已全部退货"):
        returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r3", at=LATER)


def test_return_cannot_exceed_what_was_sold(db, make_member, sell, clerk):
    sold = sell(make_member(), {"household": 10000})
    line = SaleLine.get()
    with pytest.raises(ReturnError, match="超出"):
        returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", amounts={line.id: 10001})


def test_points_already_spent_leave_a_recorded_shortfall(db, make_member, sell, clerk, owner):
    member = make_member()
    ledger.adjust(member.id, 500, "开户", owner, "seed", at=AT - dt.timedelta(days=1))
    sold = sell(member, {"supplement": 30000})  # 300元 × 2/30 = 20 points → balance 520
    sell(member, {"household": 5000}, points_used=500, at=AT + dt.timedelta(minutes=5))  # 30元 paid → 1 point
    assert ledger.balance(member.id) == 21
    result = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", at=LATER)
    # 20 to take back, 21 held: all 20 taken back, nothing short
    assert (result.sale_return.points_clawed, result.sale_return.points_shortfall, result.balance) == (20, 0, 1)


def test_shortfall_when_balance_is_too_small(db, make_member, sell, clerk, owner):
    member = make_member()
    sold = sell(member, {"supplement": 30000})  # 20 points
    ledger.adjust(member.id, -15, "兑换礼品（手工）", owner, "spend", at=AT + dt.timedelta(minutes=1))
    result = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", at=LATER)
    assert (result.sale_return.points_clawed, result.sale_return.points_shortfall, result.balance) == (5, 15, 0)
    assert check.run_checks() == []


def test_replayed_return_changes_nothing(db, make_member, sell, clerk):
    sold = sell(make_member(), {"household": 10000})
    one = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", at=LATER)
    two = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", at=LATER)
    assert two.replayed and two.sale_return.id == one.sale_return.id


def test_find_sale_by_receipt(db, make_member, sell):
    sold = sell(make_member(), {"household": 100})
    assert returns.find_sale(sold.sale.receipt_no).id == sold.sale.id


def test_the_sale_to_return_is_read_with_its_member_in_one_row(db, make_member, sell, clerk, owner):
    member = make_member(name="张三")
    ledger.adjust(member.id, 1000, "开户", owner, "seed", at=AT - dt.timedelta(days=1))
    sold = sell(member, {"household": 10000}, at=AT, points_used=500)
    expected = returns.SaleToReturn(sold.sale.id, sold.sale.receipt_no, AT, member.id, "张三",
                                    10000, 8000, 500, 4)
    assert returns.sale_to_return(sold.sale.id) == expected
    assert returns.find_sale(f" {sold.sale.receipt_no} ") == expected
    walk_in = returns.sale_to_return(sell(None, {"household": 100}, at=AT).sale.id)
    assert (walk_in.member_id, walk_in.member_name, walk_in.points_earned) == (None, None, 0)
    with pytest.raises(NotFound, match="找不到这笔消费"):
        returns.sale_to_return(sold.sale.id + 100)
    with pytest.raises(NotFound, match="找不到小票号"):
        returns.find_sale("20260610-9999")
