"""Coupon templates of all four kinds: created, edited and retired by the owner, issued to a
member, a call list or a campaign once per batch, priced exactly at the till, a 体验券
redeemed for its service once, and the report of issued against used."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pharmacy_desk.core import coupon_issue, coupon_templates, coupons, ledger
from pharmacy_desk.core.coupon_templates import Terms
from pharmacy_desk.core.db import database
from pharmacy_desk.core.errors import CouponError, InvalidInput, NotPermitted
from pharmacy_desk.core.models import Coupon, CouponServiceUse, CouponTemplate, Operation
from pharmacy_desk.core.reports.coupon_usage import usage_rows
from pharmacy_desk.core.vocabulary import CouponKind, OperationKind
from tests.pacing_helpers import between_chunks

AT = dt.datetime(2026, 6, 10, 10, 0)
MANJIAN = Terms(kind="threshold", title="满100减10", valid_days=30, value_fen=1000, min_spend_fen=10000)
CHECKUP = Terms(kind="service", title="免费测血压", valid_days=60, service="免费测血压")


def table_counts() -> dict[str, int]:
    names = [n for (n,) in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {n: database.execute_sql(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}


def one_sentence(text: str) -> bool:
    return text.endswith("。") and sum(text.count(mark) for mark in "。！？") == 1


# --- templates -----------------------------------------------------------------------------------

def test_the_owner_creates_a_template_of_each_kind_and_each_is_audited(db, owner):
    made = [coupon_templates.create_template(terms, owner, at=AT).template for terms in (
        Terms(kind="fixed", title="5元代金券", valid_days=30, value_fen=500),
        Terms(kind="percent", title="九折券", valid_days=14, percent_off=10),
        MANJIAN, CHECKUP)]
    assert [t.kind for t in made] == ["fixed", "percent", "threshold", "service"]
    assert made[3].service == "免费测血压" and made[3].value_fen == 0
    details = [op.detail for op in Operation.select().where(Operation.kind == OperationKind.COUPON_TEMPLATE_ADD)]
    assert details == ["5.00元代金券，30天有效", "9折（减10%），14天有效", "满100.00减10.00，30天有效",
                       "体验券：免费测血压，60天有效"]


@pytest.mark.parametrize(("terms", "says"), [
    (Terms(kind="fixed", title="空", valid_days=30), "金额必须大于零"),
    (Terms(kind="threshold", title="满10减10", valid_days=30, value_fen=1000, min_spend_fen=1000), "门槛必须高于"),
    (Terms(kind="percent", title="白送", valid_days=30, percent_off=100), "1% 到 99%"),
    (Terms(kind="service", title="体验", valid_days=30), "所兑换的服务"),
    (Terms(kind="fixed", title=" ", valid_days=30, value_fen=100), "名称"),
    (Terms(kind="fixed", title="永久", valid_days=0, value_fen=100), "有效天数"),
    (Terms(kind="gift", title="礼", valid_days=3, value_fen=100), "未知的券类型"),
])
def test_terms_that_make_no_sense_are_refused_in_one_sentence_and_nothing_is_written(db, owner, terms, says):
    before = table_counts()
    with pytest.raises(InvalidInput) as refused:
        coupon_templates.create_template(terms, owner, at=AT)
    assert says in str(refused.value) and one_sentence(str(refused.value))
    assert table_counts() == before


def test_a_cashier_is_refused_every_template_call_and_no_row_changes(db, owner, clerk, make_member):
    template = coupon_templates.create_template(MANJIAN, owner, at=AT).template
    member = make_member()
    before = table_counts()
    calls = (lambda: coupon_templates.create_template(MANJIAN, clerk, at=AT),
             lambda: coupon_templates.edit_template(template.id, CHECKUP, clerk, at=AT),
             lambda: coupon_templates.retire_template(template.id, clerk, at=AT),
             lambda: coupon_issue.issue_to_member(template.id, member.id, clerk, batch="x", at=AT),
             lambda: coupon_issue.issue_to_call_list(template.id, "dormant", clerk, at=AT),
             lambda: usage_rows(clerk))
    for call in calls:
        with pytest.raises(NotPermitted) as refused:
            call()
        assert one_sentence(str(refused.value))
    assert table_counts() == before
    assert CouponTemplate.get_by_id(template.id).title == "满100减10"


def test_an_edit_changes_what_is_issued_next_and_never_a_coupon_already_held(db, owner, make_member):
    member = make_member()
    template = coupon_templates.create_template(MANJIAN, owner, at=AT).template
    coupon_issue.issue_to_member(template.id, member.id, owner, batch="first", at=AT)
    richer = Terms(kind="threshold", title="满100减20", valid_days=30, value_fen=2000, min_spend_fen=10000)
    coupon_templates.edit_template(template.id, richer, owner, at=AT)
    coupon_issue.issue_to_member(template.id, member.id, owner, batch="second", at=AT)
    held = Coupon.select().where(Coupon.template_id == template.id).order_by(Coupon.id)
    assert [(c.title, c.value_fen) for c in held] == [("满100减10", 1000), ("满100减20", 2000)]
    change = Operation.get(Operation.kind == OperationKind.COUPON_TEMPLATE_CHANGE)
    assert change.detail == ("满100减10：满100.00减10.00，30天有效 → 满100减20：满100.00减20.00，30天有效"
                             "（已发放的券不变）")
    assert not coupon_templates.edit_template(template.id, richer, owner, at=AT).changes  # nothing new


def test_a_retired_template_is_not_issued_but_its_coupons_stay_usable(db, owner, make_member, sell):
    member = make_member()
    template = coupon_templates.create_template(MANJIAN, owner, at=AT).template
    coupon_issue.issue_to_member(template.id, member.id, owner, batch="b", at=AT)
    coupon_templates.retire_template(template.id, owner, at=AT)
    with pytest.raises(InvalidInput, match="已停用"):
        coupon_issue.issue_to_member(template.id, member.id, owner, batch="c", at=AT)
    held = Coupon.get(Coupon.template_id == template.id)
    assert sell(member, {"household": 12000}, coupon_id=held.id, at=AT).sale.coupon_discount_fen == 1000
    assert [t.id for t in coupon_templates.active_templates()] == []
    coupon_templates.set_active(template.id, True, owner, at=AT)
    assert [t.id for t in coupon_templates.active_templates()] == [template.id]


# --- issuing -------------------------------------------------------------------------------------

def test_issuing_to_a_member_copies_the_terms_and_a_batch_issues_once(db, owner, make_member):
    member = make_member()
    template = coupon_templates.create_template(MANJIAN, owner, at=AT).template
    first = coupon_issue.issue_to_member(template.id, member.id, owner, batch="dialog-1", at=AT)
    again = coupon_issue.issue_to_member(template.id, member.id, owner, batch="dialog-1", at=AT)
    assert (first.issued, again.issued, again.already) == (1, 0, 1)
    assert first.changes.touches_member(member.id) and first.changes.coupons and not again.changes
    coupon = Coupon.get(Coupon.template_id == template.id)
    assert (coupon.kind, coupon.value_fen, coupon.min_spend_fen, coupon.valid_from, coupon.valid_until,
            coupon.reason, coupon.member_id) == ("threshold", 1000, 10000, AT.date(), dt.date(2026, 7, 9),
                                                 "member", member.id)
    audit_rows = Operation.select().where(Operation.kind == OperationKind.ISSUE_COUPONS)
    assert [op.subject for op in audit_rows] == ["满100减10"]
    assert "会员 张三" in audit_rows[0].detail and "发放 1 张" in audit_rows[0].detail


def test_a_call_list_is_issued_in_chunks_between_which_tills_may_write(db, owner, make_member, monkeypatch):
    old = AT - dt.timedelta(days=400)
    dormant = [make_member(name=f"沉睡{i}", at=old) for i in range(7)]
    template = coupon_templates.create_template(MANJIAN, owner, at=AT).template
    pauses, seen = [], []
    monkeypatch.setattr(coupon_issue, "CHUNK", 3)
    between_chunks(monkeypatch, lambda: pauses.append(database.in_transaction()))
    result = coupon_issue.issue_to_call_list(template.id, "dormant", owner, at=AT,
                                             progress=lambda done, total, text: seen.append((done, total)))
    assert result.issued == 7 and set(result.member_ids) == {m.id for m in dormant}
    assert pauses == [False, False]  # two pauses between three chunks, none inside a transaction
    assert seen == [(3, 7), (6, 7), (7, 7)]
    assert Operation.select().where(Operation.kind == OperationKind.ISSUE_COUPONS).count() == 3
    assert {c.reason for c in Coupon.select().where(Coupon.template_id == template.id)} == {"list:dormant"}
    assert coupon_issue.issue_to_call_list(template.id, "dormant", owner, at=AT).issued == 0  # same list, same day


def test_a_campaigns_recipients_receive_the_template_and_opt_outs_do_not(db, owner, make_member):
    july = make_member(name="七月", birthday=dt.date(1980, 7, 3))
    make_member(name="退订", birthday=dt.date(1980, 7, 9), marketing_opt_out=True)
    template = coupon_templates.create_template(CHECKUP, owner, at=AT).template
    result = coupon_issue.issue_to_campaign(template.id, "birthday", owner, day=dt.date(2026, 7, 1), at=AT)
    assert result.member_ids == (july.id,) and result.issued == 1
    assert Coupon.get(Coupon.template_id == template.id).service == "免费测血压"


# --- pricing -------------------------------------------------------------------------------------

def coupon_of(kind: str, *, value_fen: int = 0, percent_off: int = 0, min_spend_fen: int = 0) -> Coupon:
    return Coupon(kind=kind, value_fen=value_fen, percent_off=percent_off, min_spend_fen=min_spend_fen)


@given(total=st.integers(0, 10_000_000), value=st.integers(0, 200_000), percent=st.integers(1, 99),
       threshold=st.integers(0, 1_000_000))
def test_a_discount_is_never_negative_never_above_the_total_and_exact_to_the_fen(total, value, percent, threshold):
    manjian = coupons.discount_fen(coupon_of("threshold", value_fen=value, min_spend_fen=threshold), total)
    fixed = coupons.discount_fen(coupon_of("fixed", value_fen=value), total)
    off = coupons.discount_fen(coupon_of("percent", percent_off=percent), total)
    for discount in (manjian, fixed, off):
        assert 0 <= discount <= total
    assert manjian == (min(value, total) if total >= threshold else 0)  # 满减 only at or above its threshold
    assert fixed == min(value, total)
    assert off * 100 <= total * percent < (off + 1) * 100  # floored to the fen
    assert coupons.discount_fen(coupon_of("service", value_fen=value), total) == 0


def test_percent_rounding_is_stated_by_example():
    ten_off = coupon_of("percent", percent_off=10)
    assert coupons.discount_fen(ten_off, 9999) == 999  # 10% of 99.99 元 is 9.999 元: 9.99 元
    assert coupons.discount_fen(coupon_of("percent", percent_off=12), 1) == 0
    assert coupons.discount_fen(coupon_of("threshold", value_fen=1000, min_spend_fen=10000), 9999) == 0
    assert coupons.discount_fen(coupon_of("threshold", value_fen=1000, min_spend_fen=10000), 10000) == 1000


def test_a_manjian_sale_records_its_discount_and_earns_points_on_what_was_paid(db, owner, make_member, sell):
    member = make_member()
    template = coupon_templates.create_template(MANJIAN, owner, at=AT).template
    coupon_issue.issue_to_member(template.id, member.id, owner, batch="b", at=AT)
    coupon = Coupon.get(Coupon.template_id == template.id)
    with pytest.raises(CouponError, match="满 100.00 元"):
        sell(member, {"household": 9999}, coupon_id=coupon.id, at=AT)
    result = sell(member, {"household": 10500}, coupon_id=coupon.id, at=AT)
    # 常备药 1 point per 20 yuan: 95.00 paid earns 4 (105.00 would have earned 5)
    assert (result.sale.coupon_discount_fen, result.sale.paid_fen, result.sale.points_earned) == (1000, 9500, 4)
    assert coupons.in_use(coupon.id).sale_id == result.sale.id


def test_a_percent_coupon_at_the_till_takes_its_floored_share(db, owner, make_member, sell):
    member = make_member()
    template = coupon_templates.create_template(
        Terms(kind="percent", title="九折券", valid_days=7, percent_off=10), owner, at=AT).template
    coupon_issue.issue_to_member(template.id, member.id, owner, batch="b", at=AT)
    coupon = Coupon.get(Coupon.template_id == template.id)
    result = sell(member, {"household": 4999, "otc": 3000}, coupon_id=coupon.id, at=AT)
    assert result.sale.coupon_discount_fen == 799 and result.sale.paid_fen == 7999 - 799


# --- 体验券 -----------------------------------------------------------------------------------------

def test_a_service_coupon_is_redeemed_once_without_a_sale_and_never_taken_off_a_sale(db, owner, clerk, make_member,
                                                                                     sell):
    member = make_member()
    template = coupon_templates.create_template(CHECKUP, owner, at=AT).template
    coupon_issue.issue_to_member(template.id, member.id, owner, batch="b", at=AT)
    coupon = Coupon.get(Coupon.template_id == template.id)
    assert [c.id for c in coupons.usable_for(member.id, AT.date())] == [w.id for w in coupons.usable_for(
        member.id, AT.date()) if w.kind != CouponKind.SERVICE]
    assert [c.id for c in coupons.usable_for(member.id, AT.date(), service=True)] == [coupon.id]
    with pytest.raises(CouponError, match="体验券用于兑换服务"):
        sell(member, {"household": 5000}, coupon_id=coupon.id, at=AT)
    sales_before, points_before = database.execute_sql("SELECT COUNT(*) FROM sale").fetchone()[0], \
        ledger.balance(member.id)

    used = coupons.redeem_service(coupon.id, member.id, clerk, uid="till-1", at=AT)
    replay = coupons.redeem_service(coupon.id, member.id, clerk, uid="till-1", at=AT)
    assert replay.replayed and replay.use_id == used.use_id and not replay.changes
    assert used == coupons.ServiceResult(coupon.id, member.id, coupon.service or coupon.title,
                                         CouponServiceUse.get().id)  # plain values for the window
    assert used.changes.touches_member(member.id) and used.changes.coupons
    with pytest.raises(CouponError, match="使用过"):
        coupons.redeem_service(coupon.id, member.id, clerk, uid="till-2", at=AT)
    assert CouponServiceUse.select().count() == 1 and coupons.in_use(coupon.id).sale_id is None
    assert database.execute_sql("SELECT COUNT(*) FROM sale").fetchone()[0] == sales_before
    assert ledger.balance(member.id) == points_before
    audit_row = Operation.get(Operation.kind == OperationKind.REDEEM_SERVICE)
    assert audit_row.staff_id == clerk.id and "兑换免费测血压" in audit_row.detail
    assert coupons.usable_for(member.id, AT.date(), service=True) == []


def test_a_money_coupon_is_not_redeemed_as_a_service_and_someone_elses_is_refused(db, owner, clerk, make_member):
    member, other = make_member(), make_member(name="李四")
    template = coupon_templates.create_template(MANJIAN, owner, at=AT).template
    service = coupon_templates.create_template(CHECKUP, owner, at=AT).template
    coupon_issue.issue_to_member(template.id, member.id, owner, batch="b", at=AT)
    coupon_issue.issue_to_member(service.id, member.id, owner, batch="b", at=AT)
    with pytest.raises(CouponError, match="满减券，请在收银时抵扣"):
        coupons.redeem_service(Coupon.get(Coupon.template_id == template.id).id, member.id, clerk, uid="u1", at=AT)
    with pytest.raises(CouponError, match="不属于当前会员"):
        coupons.redeem_service(Coupon.get(Coupon.template_id == service.id).id, other.id, clerk, uid="u2", at=AT)
    assert CouponServiceUse.select().count() == 0


# --- the report ----------------------------------------------------------------------------------

def test_the_report_counts_issued_and_used_per_template_and_target(db, owner, clerk, make_member, sell):
    first, second = make_member(), make_member(name="李四")
    manjian = coupon_templates.create_template(MANJIAN, owner, at=AT).template
    checkup = coupon_templates.create_template(CHECKUP, owner, at=AT).template
    for member in (first, second):
        coupon_issue.issue_to_member(manjian.id, member.id, owner, batch="b", at=AT)
    coupon_issue.issue_to_member(checkup.id, first.id, owner, batch="b", at=AT)
    used = Coupon.get((Coupon.template_id == manjian.id) & (Coupon.member == first.id))
    sell(first, {"household": 12000}, coupon_id=used.id, at=AT)
    coupons.redeem_service(Coupon.get(Coupon.template_id == checkup.id).id, first.id, clerk, uid="s", at=AT)

    rows = {(r.coupon, r.target): r for r in usage_rows(owner)}
    assert {key: (r.issued, r.used, r.discount_fen) for key, r in rows.items()} == {
        ("满100减10", "单独发给会员"): (2, 1, 1000),
        ("免费测血压", "单独发给会员"): (1, 1, 0),
        ("新会员券", "系统自动发放"): (2, 0, 0),
    }
    assert rows[("满100减10", "单独发给会员")].usage == 0.5
