import datetime as dt
from decimal import Decimal

from pharmacy_desk.core import coupons, history, ledger, profiles, redemption, returns
from pharmacy_desk.core.models import CatalogItem, Coupon, SaleLine, Staff
from tests.counter_helpers import count_queries

AT = dt.datetime(2026, 6, 10, 10, 0)


def _story(make_member, sell, clerk, owner):
    """1000 opening points, a sale paid with the welcome coupon and 500 points, a second sale part-returned."""
    member = make_member()
    ledger.adjust(member.id, 1000, "开户赠送", owner, "seed", at=AT - dt.timedelta(days=1))
    welcome = Coupon.get(Coupon.member == member)
    first = sell(member, {"household": 10000}, coupon_id=welcome.id, points_used=500, at=AT)
    second = sell(member, {"household": 10000, "supplement": 9000}, at=AT + dt.timedelta(hours=1))
    supplement = SaleLine.get((SaleLine.sale == second.sale.id) & (SaleLine.amount_fen == 9000))
    returns.return_sale(sale_id=second.sale.id, operator=clerk, uid="r1", at=AT + dt.timedelta(hours=3),
                        amounts={supplement.id: 4500})
    return member, welcome, first.sale, second.sale, supplement


def test_ledger_entries_newest_first_with_running_balance(db, make_member, sell, clerk, owner):
    member, _, _, second, _ = _story(make_member, sell, clerk, owner)
    rows = history.ledger_entries(member.id)
    # oldest → newest: +1000 → 1000; sale 1 redeems 500 → 500, earns 3 (77元/20) → 503;
    # sale 2 earns 5 + 6 = 11 → 514; half the supplement back: the 45元 kept earns 2 of its 6, so 4 go → 510
    assert [(r.kind_name, r.points, r.balance_after) for r in rows] == [
        ("退货扣回", -4, 510), ("消费积分", 11, 514), ("消费积分", 3, 503), ("积分抵现", -500, 500),
        ("手工调整", 1000, 1000)]
    assert rows[0].balance_after == ledger.balance(member.id)
    assert rows[-1].reason == "开户赠送" and rows[-1].expires_on == dt.date(2026, 9, 9)  # 3 months after 6-9
    assert rows[0].expires_on is None  # debits have no expiry
    assert str(rows[0].description) == f"退货扣回所得积分　小票 {second.receipt_no}"
    assert str(rows[1].description) == f"小票 {second.receipt_no}" and str(rows[-1].description) == "开户赠送"


def test_sales_show_what_was_returned(db, make_member, sell, clerk, owner):
    member, _, first, second, _ = _story(make_member, sell, clerk, owner)
    rows = history.sales(member.id)
    assert [(r.receipt_no, r.total_fen, r.paid_fen, r.points_earned, r.points_used, r.returned_fen,
             r.refunded_fen, r.return_status) for r in rows] == [
        (second.receipt_no, 19000, 19000, 11, 0, 4500, 4500, "部分退货"),
        (first.receipt_no, 10000, 7700, 3, 500, 0, 0, "")]
    returns.return_sale(sale_id=first.id, operator=clerk, uid="r2", at=AT + dt.timedelta(hours=4))
    returns.return_sale(sale_id=second.id, operator=clerk, uid="r3", at=AT + dt.timedelta(hours=4))
    rows = history.sales(member.id)
    # second sale: 4500 + the remaining 14500 = 19000 returned, all paid money back
    assert [(r.returned_fen, r.refunded_fen, r.return_status) for r in rows] == [
        (19000, 19000, "已全部退货"), (10000, 7700, "已全部退货")]
    assert len(history.sales(member.id, limit=1)) == 1


def test_sale_lines_show_returnable_amounts(db, make_member, sell, clerk, owner):
    _, _, _, second, supplement = _story(make_member, sell, clerk, owner)
    rows = history.sale_lines(second.id)
    assert [(r.category, r.amount_fen, r.returned_fen, r.returnable_fen) for r in rows] == [
        ("常备药", 10000, 0, 10000), ("保健品", 9000, 4500, 4500)]
    assert {r.id: r.returnable_fen for r in rows} == returns.returnable_amounts(second.id)


def test_coupon_status(db, make_member, sell, clerk, owner):
    member, welcome, first, _, _ = _story(make_member, sell, clerk, owner)
    later = coupons.issue(member_id=member.id, kind="threshold", title="满减券", reason="campaign",
                          issue_key="c2", operator=clerk, valid_from=dt.date(2026, 7, 1), valid_days=10,
                          value_fen=1000, min_spend_fen=10000, at=AT + dt.timedelta(hours=5))
    rows = history.member_coupons(member.id, dt.date(2026, 6, 10))
    assert [(r.id, r.status, r.used_receipt_no) for r in rows] == [
        (later.id, "未生效", None), (welcome.id, "已用", first.receipt_no)]
    returns.return_sale(sale_id=first.id, operator=clerk, uid="r2", at=AT + dt.timedelta(hours=4))
    # the whole sale came back, so the coupon did too; it ran 30 days from 6-10, last day 7-9
    assert [r.status for r in history.member_coupons(member.id, dt.date(2026, 7, 9))] == ["可用", "可用"]
    assert [r.status for r in history.member_coupons(member.id, dt.date(2026, 7, 10))] == ["可用", "已过期"]
    assert [r.status for r in history.member_coupons(member.id, dt.date(2026, 7, 11))] == ["已过期", "已过期"]


def test_tier_changes_and_measurements(db, make_member, sell, clerk):
    member = make_member()
    sell(member, {"household": 60000}, at=AT)  # 600元 ≥ 500元 → 核心会员
    [change] = history.tier_changes(member.id)
    assert (change.from_tier, change.to_tier, change.staff) == ("普通会员", "核心会员", clerk.name)
    pharmacist = Staff.create(name="陈静", role="pharmacist")
    profiles.record_health_consent(member.id, pharmacist, True, today=AT.date())
    profiles.add_measurement(member.id, pharmacist, "bp", systolic=135, diastolic=85, at=AT)
    profiles.add_measurement(member.id, pharmacist, "glucose", glucose="6.8", at=AT + dt.timedelta(days=7))
    rows = history.measurements(member.id)
    assert [(r.kind_name, r.reading, r.staff) for r in rows] == [
        ("血糖", "6.8 mmol/L", "陈静"), ("血压", "135/85 mmHg", "陈静")]
    assert rows[0].glucose == Decimal("6.8")


def test_catalog_items_lists_active_items_cheapest_first(db, owner):
    cup = redemption.add_catalog_item(name="保温杯", points_price=800, value_fen=3500, stock=3, operator=owner)
    redemption.add_catalog_item(name="测血糖", points_price=200, value_fen=1000, kind="service", operator=owner)
    CatalogItem.update(active=False).where(CatalogItem.id == cup.id).execute()  # retired since
    assert [i.name for i in history.catalog_items()] == ["测血糖"]


def test_history_queries_do_not_grow_with_the_number_of_sales(db, make_member, sell, clerk):
    member = make_member()
    for n in range(40):
        sold = sell(member, {"household": 2000 + n, "otc": 1500}, at=AT + dt.timedelta(minutes=n))
        if n % 5 == 0:
            returns.return_sale(sale_id=sold.sale.id, operator=clerk, uid=f"r{n}", at=AT + dt.timedelta(hours=2))
    sell(member, {"household": 60000}, at=AT + dt.timedelta(hours=3))
    pharmacist = Staff.create(name="陈静", role="pharmacist")
    profiles.record_health_consent(member.id, pharmacist, True, today=AT.date())
    for n in range(5):
        profiles.add_measurement(member.id, pharmacist, "bp", systolic=130 + n, diastolic=80)
    for query in (lambda: history.sales(member.id), lambda: history.ledger_entries(member.id),
                  lambda: history.member_coupons(member.id, AT.date()), lambda: history.tier_changes(member.id),
                  lambda: history.measurements(member.id)):
        with count_queries(db) as seen:
            rows = query()
        assert rows and len(seen) == 1, seen
    with count_queries(db) as seen:
        history.sale_lines(sold.sale.id)
    assert len(seen) == 1
