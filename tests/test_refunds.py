"""Refunds go back the way the sale was paid: 医保 to 医保, the rest split as paid, never more than paid."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from pharmacy_desk.core import ledger, members, returns, sales, tiers
from pharmacy_desk.core.db import close_database, open_database
from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.models import Member, SaleLine, SaleReturn, Staff, Tier
from pharmacy_desk.core.refunds import remaining_by_method, split_refund
from pharmacy_desk.core.vocabulary import ReturnReason

AT = dt.datetime(2026, 3, 10, 10)


def test_the_insured_prescription_goes_back_to_insurance_not_cash(db, make_member, sell, clerk):
    member = make_member()
    # OTC 150 + Rx 80, 医保 pays 100: the customer paid 130 in cash. 医保 paid the prescription
    # first: all of its 80, and 20 of the OTC.
    sold = sell(member, {"otc": 15000, "rx": 8000}, at=AT, payments={"insurance": 10000, "cash": 13000})
    rx = SaleLine.get((SaleLine.sale == sold.sale.id) & (SaleLine.amount_fen == 8000))
    assert rx.insurance_share_fen == 8000
    first = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", amounts={rx.id: 8000},
                                reason=ReturnReason.NOT_NEEDED, at=AT)
    assert first.refunds == {"insurance": 8000}  # exactly the lines 医保 paid go back to 医保
    rest = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r2", reason=ReturnReason.NOT_NEEDED, at=AT)
    assert rest.refunds == {"insurance": 2000, "cash": 13000}  # 130 back in cash, not 230
    assert returns.refunds_of(rest.sale_return.id) == rest.refunds
    assert remaining_by_method(sold.sale.id) == {"cash": 0, "insurance": 0}


def test_an_otc_line_beside_an_insured_prescription_goes_back_in_cash(db, make_member, sell, clerk):
    member = make_member()
    sold = sell(member, {"otc": 15000, "rx": 8000}, at=AT, payments={"insurance": 8000, "cash": 15000})
    otc = SaleLine.get((SaleLine.sale == sold.sale.id) & (SaleLine.amount_fen == 15000))
    back = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", amounts={otc.id: 15000},
                               reason=ReturnReason.NOT_NEEDED, at=AT)
    assert back.refunds == {"cash": 15000}
    assert back.sale_return.points_clawed == sold.sale.points_earned == 10  # all of its points were its own


def test_the_rest_is_split_over_the_methods_as_paid(db, make_member, sell, clerk):
    member = make_member()
    sold = sell(member, {"household": 10000}, at=AT, payments={"wechat": 7000, "cash": 3000})
    line = SaleLine.get(SaleLine.sale == sold.sale.id)
    half = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", amounts={line.id: 5000}, at=AT)
    assert half.refunds == {"wechat": 3500, "cash": 1500}


def test_a_reason_is_a_chosen_code(db, make_member, sell, clerk):
    sold = sell(make_member(), {"household": 1000}, at=AT)
    with pytest.raises(InvalidInput, match="请选择退货原因"):
        returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", reason="不想要了", at=AT)
    done = returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid="r1", reason=ReturnReason.QUALITY, at=AT)
    assert SaleReturn.get_by_id(done.sale_return.id).reason == "quality"


def test_a_big_or_old_return_needs_the_owner(db, make_member, sell, clerk, owner):
    member = make_member()
    big = sell(member, {"household": 60000}, at=AT)
    with pytest.raises(NotPermitted, match="退款 600.00 元超过 500.00 元，需要店长批准"):
        returns.return_sale(sale_id=big.sale.id, operator=clerk, uid="r1", at=AT)
    assert SaleReturn.select().count() == 0
    old = sell(member, {"household": 1000}, at=AT)
    with pytest.raises(NotPermitted, match="已超过 7 天"):
        returns.return_sale(sale_id=old.sale.id, operator=clerk, uid="r2", at=AT + dt.timedelta(days=8))
    returns.return_sale(sale_id=big.sale.id, operator=clerk, uid="r1", approved_by=owner, at=AT)
    returns.return_sale(sale_id=old.sale.id, operator=owner, uid="r2", at=AT + dt.timedelta(days=8))
    assert SaleReturn.select().count() == 2


def test_a_tier_gained_only_through_the_returned_sale_goes_at_once(db, make_member, sell, clerk, owner):
    member = make_member(at=AT - dt.timedelta(days=30))
    sell(member, {"household": 10000}, at=AT - dt.timedelta(days=3))
    # 12000 typed for 120.00: 核心会员 at once, and 600 points
    typo = sell(member, {"household": 1_200_000}, at=AT)
    assert Member.get_by_id(member.id).tier.code != "normal"
    result = returns.return_sale(sale_id=typo.sale.id, operator=clerk, uid="r1", approved_by=owner, at=AT)
    assert result.tier_after == tiers.TierRow.of(Tier.get(Tier.code == "normal"))
    assert not isinstance(result.tier_after, Tier)  # a plain row for the window, not a database row
    assert Member.get_by_id(member.id).tier.code == "normal"
    assert ledger.balance(member.id) == 5


def test_a_tier_the_member_still_qualifies_for_stays(db, make_member, sell, clerk):
    member = make_member(at=AT - dt.timedelta(days=30))
    sell(member, {"household": 60000}, at=AT - dt.timedelta(days=3))
    lifted = sell(member, {"household": 1000}, at=AT)
    tier = Member.get_by_id(member.id).tier_id
    assert returns.return_sale(sale_id=lifted.sale.id, operator=clerk, uid="r1", at=AT).tier_after is None
    assert Member.get_by_id(member.id).tier_id == tier


@given(st.integers(1, 10_000), st.integers(0, 10_000), st.dictionaries(
    st.sampled_from(["cash", "wechat", "alipay", "card", "insurance"]), st.integers(0, 10_000), min_size=1))
def test_a_split_never_gives_a_method_more_than_it_holds(amount, insurance_share, remaining):
    if amount > sum(remaining.values()):
        return
    split = split_refund(amount, insurance_share, remaining)
    assert sum(split.values()) == amount
    assert all(0 < fen <= remaining[m] for m, fen in split.items())


PAYMENT_METHODS = ("cash", "wechat", "alipay")


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.tuples(st.sampled_from(["household", "otc", "supplement", "rx"]), st.integers(1, 50_000)),
                      min_size=1, max_size=3, unique_by=lambda l: l[0]),
       insurance_part=st.floats(0, 1), split=st.lists(st.integers(1, 100), min_size=1, max_size=3),
       returns_wanted=st.lists(st.lists(st.floats(0, 1), min_size=3, max_size=3), max_size=4),
       finish=st.booleans())
def test_partial_returns_never_give_back_more_than_each_method_paid(lines, insurance_part, split, returns_wanted,
                                                                  finish):
    open_database(":memory:")
    try:
        clerk = Staff.create(name="李娜", role="cashier")
        owner = Staff.create(name="王芳", role="owner")
        member = members.register(phone="13812345678", name="张三", operator=clerk, at=AT,
                                  welcome_coupon=False).member
        order = sales.SaleInput(lines=[sales.LineInput(c, a) for c, a in lines], member_id=member.id,
                                amount_confirmed=True)
        due = sales.preview(order, AT).quote.due_fen
        insurance = int(due * insurance_part)
        paid = {"insurance": insurance} if insurance else {}
        rest, weights = due - insurance, split[:len(PAYMENT_METHODS)]
        for n, (method, weight) in enumerate(zip(PAYMENT_METHODS, weights)):
            share = rest - sum(v for m, v in paid.items() if m != "insurance") if n == len(weights) - 1 \
                else rest * weight // sum(weights)
            if share:
                paid[method] = share
        order.payments = paid
        sale = sales.record_sale(order, operator=clerk, uid="s", at=AT).sale
        given_back: dict[str, int] = {}
        sale_lines = list(SaleLine.select().where(SaleLine.sale == sale.id).order_by(SaleLine.id))
        rounds = [*returns_wanted, None] if finish else returns_wanted
        for n, fractions in enumerate(rounds):
            left = returns.returnable_amounts(sale.id)
            wanted = None if fractions is None else {
                line.id: int(left[line.id] * f) for line, f in zip(sale_lines, fractions)}
            if wanted is not None and not any(wanted.values()):
                continue
            if not any(left.values()):
                break
            result = returns.return_sale(sale_id=sale.id, operator=owner, uid=f"r{n}", amounts=wanted, at=AT)
            assert sum(result.refunds.values()) == result.sale_return.refund_fen
            for method, fen in result.refunds.items():
                assert fen > 0
                given_back[method] = given_back.get(method, 0) + fen
            assert all(given_back[m] <= paid.get(m, 0) for m in given_back), (given_back, paid)
        if finish:
            assert given_back == {m: v for m, v in paid.items() if v}
    finally:
        close_database()
