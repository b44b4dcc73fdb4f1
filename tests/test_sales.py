import datetime as dt

import pytest

from pharmacy_desk.core import coupons, ledger, sales, settings, tiers
from pharmacy_desk.core.errors import CouponError, InvalidInput, PointsError
from pharmacy_desk.core.models import Category, Coupon, LedgerEntry, Member, Payment, Sale, SaleLine, Tier, TierChange

AT = dt.datetime(2026, 6, 10, 10, 0)


def give_points(member, points, owner, key="gift-points", at=AT - dt.timedelta(days=1)):
    ledger.adjust(member.id, points, "测试开户积分", owner, key, at=at)


def test_points_per_category_with_insurance_excluded(db, make_member, sell):
    member = make_member()
    result = sell(member, {"household": 10000, "otc": 4500, "supplement": 6000, "rx": 8000},
                  payments={"insurance": 8000, "wechat": 20500})
    # See test_pricing: the 80元 of 医保 paid the prescription, so the rest keeps its 12 points.
    assert result.sale.points_earned == 12 and result.balance == 12
    lines = SaleLine.select().where(SaleLine.sale == result.sale.id).order_by(SaleLine.id)
    assert [(l.category.code, l.insurance_share_fen) for l in lines] == [
        ("household", 0), ("otc", 0), ("supplement", 0), ("rx", 8000)]
    assert result.sale.insurance_fen == 8000 and result.sale.paid_fen == 28500
    assert {p.method: p.amount_fen for p in Payment.select()} == {"insurance": 8000, "wechat": 20500}
    entry = LedgerEntry.get(LedgerEntry.kind == "earn")
    assert entry.points == 12 and entry.expires_on == dt.date(2026, 9, 10)  # valid 3 months


def test_the_cashier_marks_which_categories_insurance_paid(db, make_member, sell):
    member = make_member()
    result = sell(member, {"otc": 15000, "rx": 8000}, payments={"insurance": 10000, "cash": 13000},
                  insured_categories=("otc", "rx"))
    lines = SaleLine.select().where(SaleLine.sale == result.sale.id)
    shares = {l.category.code: l.insurance_share_fen for l in lines}
    assert shares == {"otc": 6522, "rx": 3478}  # 100元 over 150 : 80
    with pytest.raises(InvalidInput, match="超过所标医保类别"):
        sell(member, {"otc": 15000, "rx": 8000}, payments={"insurance": 10000, "cash": 13000},
             insured_categories=("rx",))


def test_insurance_rule_is_a_setting(db, make_member, sell, owner):
    settings.change("insurance_earns_points", True, owner)
    result = sell(make_member(), {"household": 10000}, payments={"insurance": 10000})
    assert result.sale.points_earned == 5


def test_tier_and_birthday_multipliers(db, make_member, sell):
    member = make_member(birthday=dt.date(1970, 6, 1))
    Member.update(tier=Tier.get(Tier.code == "core")).where(Member.id == member.id).execute()
    result = sell(member, {"household": 20000})
    # 200元 / 20 = 10 points × 1.2 (核心会员) × 2 (birthday month) = 24
    assert result.sale.points_earned == 24
    july = sell(member, {"household": 20000}, at=dt.datetime(2026, 7, 1, 9))
    assert july.sale.points_earned == 12  # 10 × 1.2, no birthday bonus in July


def test_walk_in_sale_earns_nothing_and_cannot_use_points(db, sell, clerk):
    result = sell(None, {"otc": 3000})
    assert result.sale.member_id is None and result.sale.points_earned == 0
    assert LedgerEntry.select().count() == 0
    with pytest.raises(PointsError, match="散客"):
        sell(None, {"otc": 3000}, points_used=500, payments={"cash": 1000})


def test_coupon_applies_once_with_min_spend_and_validity(db, make_member, sell, clerk):
    member = make_member()
    welcome = Coupon.get(Coupon.member == member)  # 3 yuan, from registration
    first = sell(member, {"household": 5000}, coupon_id=welcome.id)
    # 50元 - 3元 = 47元 paid → 47/20 = 2 points
    assert first.sale.coupon_discount_fen == 300 and first.sale.paid_fen == 4700 and first.sale.points_earned == 2
    assert coupons.in_use(welcome.id).sale_id == first.sale.id
    with pytest.raises(CouponError, match="使用过"):
        sell(member, {"household": 5000}, coupon_id=welcome.id)

    from pharmacy_desk.core.db import write_transaction
    with write_transaction():
        threshold = coupons.issue(member_id=member.id, kind="threshold", title="满100减10", reason="manual",
                                  issue_key="t1", operator=clerk, valid_from=AT.date(), valid_days=7,
                                  value_fen=1000, min_spend_fen=10000)
    with pytest.raises(CouponError, match="满 100.00"):
        sell(member, {"household": 9999}, coupon_id=threshold.id)
    with pytest.raises(CouponError, match="过期"):
        sell(member, {"household": 10000}, coupon_id=threshold.id, at=AT + dt.timedelta(days=7))
    ok = sell(member, {"household": 10000}, coupon_id=threshold.id, at=AT + dt.timedelta(days=6))
    assert ok.sale.paid_fen == 9000


def test_someone_elses_coupon_is_refused(db, make_member, sell):
    alice, bob = make_member(name="张三"), make_member(name="李四")
    with pytest.raises(CouponError, match="不属于"):
        sell(bob, {"household": 5000}, coupon_id=Coupon.get(Coupon.member == alice).id)


def test_points_as_cash_in_blocks_within_the_monthly_cap(db, make_member, sell, clerk, owner):
    member = make_member()
    give_points(member, 2000, owner)
    result = sell(member, {"household": 10000}, points_used=1000)
    # 1000 points = 42元; 100 - 42 = 58元 paid → 2 points; balance 2000 - 1000 + 2
    assert result.sale.points_cash_fen == 4200 and result.sale.paid_fen == 5800
    assert result.sale.points_earned == 2 and result.balance == 1002
    # 普通会员 cap is 50元 a month: 42 used, 8 left, a 500-point block (20元) is too much
    with pytest.raises(PointsError, match="本月兑换上限"):
        sell(member, {"household": 10000}, points_used=500)
    # next month the cap is fresh
    later = sell(member, {"household": 10000}, points_used=500, at=dt.datetime(2026, 7, 2, 9))
    assert later.sale.points_cash_fen == 2000


def test_points_must_be_whole_blocks_and_available(db, make_member, sell, clerk, owner):
    member = make_member()
    give_points(member, 600, owner)
    with pytest.raises(PointsError, match="整档"):
        sell(member, {"household": 10000}, points_used=600)
    with pytest.raises(PointsError, match="积分不足"):
        sell(member, {"household": 10000}, points_used=1000)
    with pytest.raises(PointsError, match="超过应付"):
        sell(member, {"household": 1000}, points_used=500)


def test_tier_upgrades_when_a_sale_crosses_the_threshold(db, make_member, sell):
    member = make_member()
    sell(member, {"household": 49999})
    assert Member.get_by_id(member.id).tier.code == "normal"
    result = sell(member, {"household": 1})  # 500.00元 over 12 months reaches 核心会员 (≥ 500)
    core = Tier.get(Tier.code == "core")
    assert result.new_tier == tiers.TierRow.of(core) and Member.get_by_id(member.id).tier.code == "core"
    assert not isinstance(result.new_tier, Tier)  # a plain row for the window, not a database row
    change = TierChange.get()
    assert change.from_tier.code == "normal" and "500.00" in change.reason


def test_same_uid_records_one_sale(db, make_member, sell):
    member = make_member()
    first = sell(member, {"household": 10000}, uid="till-1-0001")
    again = sell(member, {"household": 10000}, uid="till-1-0001")
    assert again.replayed and again.sale.id == first.sale.id
    assert Sale.select().count() == 1 and ledger.balance(member.id) == 5


def test_payments_must_match_the_amount_due(db, make_member, sell):
    with pytest.raises(InvalidInput, match="不符"):
        sell(make_member(), {"household": 10000}, payments={"cash": 9000})
    assert Sale.select().count() == 0


def test_a_failure_half_way_leaves_nothing(db, make_member, sell, clerk, monkeypatch):
    member = make_member()

    def broken(*args, **kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(sales.tiers, "upgrade_after_sale", broken)
    with pytest.raises(RuntimeError):
        sell(member, {"household": 10000})
    assert Sale.select().count() == 0 and SaleLine.select().count() == 0
    assert ledger.balance(member.id) == 0


def test_receipt_numbers_count_per_day(db, make_member, sell):
    member = make_member()
    assert sell(member, {"household": 100}).sale.receipt_no == "20260610-0001"
    assert sell(member, {"household": 100}).sale.receipt_no == "20260610-0002"
    assert sell(member, {"household": 100}, at=dt.datetime(2026, 6, 11, 8)).sale.receipt_no == "20260611-0001"


def test_preview_matches_the_recorded_sale(db, make_member, sell):
    member = make_member()
    order = sales.SaleInput(lines=[sales.LineInput("supplement", 12345)], member_id=member.id)
    preview = sales.preview(order, AT)
    recorded = sell(member, {"supplement": 12345})
    assert (preview.quote.due_fen, preview.quote.points_earned) == (recorded.sale.paid_fen,
                                                                    recorded.sale.points_earned) == (12345, 8)


def test_the_till_lays_out_categories_in_their_order(db):
    Category.update(sort_order=-1).where(Category.code == "rx").execute()
    shown = sales.till_categories()
    assert shown[0] == sales.TillCategory("rx", "处方药", "5", True)
    assert [c.code for c in shown[1:3]] == ["household", "otc"] and shown[1].is_prescription is False
    assert len(shown) == Category.select().count()


def test_a_sale_hands_back_a_plain_record_of_what_was_stored_and_a_replay_the_same(db, make_member, sell, owner):
    member = make_member()
    give_points(member, 1000, owner)
    welcome = Coupon.get(Coupon.member == member)
    result = sell(member, {"household": 10000, "rx": 5000}, coupon_id=welcome.id, points_used=500,
                  payments={"insurance": 5000, "cash": 7700}, uid="till-1-0009")
    stored = Sale.get_by_id(result.sale.id)
    assert result.sale == sales.SaleRecord(
        stored.id, stored.receipt_no, member.id, 15000, welcome.id, 300, 500, 2000, 12700, 5000, stored.points_earned)
    assert not isinstance(result.sale, Sale)
    again = sell(member, {"household": 10000, "rx": 5000}, coupon_id=welcome.id, points_used=500,
                 payments={"insurance": 5000, "cash": 7700}, uid="till-1-0009")
    assert again.replayed and again.sale == result.sale
    walk_in = sell(None, {"household": 2000}, uid="till-1-0010")
    assert (walk_in.sale.member_id, walk_in.sale.coupon_id, walk_in.sale.points_earned) == (None, None, 0)
