"""Settings are declared with a type and a range; ``settings.change`` is the one way to write them."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from pharmacy_desk.core import settings
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import Category, Member, Operation, Setting, Tier
from pharmacy_desk.core.setting_types import Choice, Int

DAY = dt.datetime(2026, 6, 10, 10, 0)
GROUPS = {"药店", "积分", "优惠券", "等级", "营销", "会员", "收银", "店员业绩", "备份", "系统"}


def setting_changes():
    return list(Operation.select().where(Operation.kind == "setting_change").order_by(Operation.id))


def the_till_still_works(make_member, sell):
    """A sign-up and a birthday-month member sale, the two things a bad setting used to break."""
    member = make_member(birthday=dt.date(1970, 6, 1), at=DAY)
    assert member.card_no.startswith(settings.get("card_prefix")) and len(member.card_no) == 13
    result = sell(member, {"household": 4000}, at=DAY)
    assert result.sale.points_earned > 0


def test_every_declaration_says_what_it_is(db):
    keys = [d.key for d in settings.DECLARATIONS]
    assert len(keys) == len(set(keys)) and set(keys) == set(settings.DECLARATION_BY_KEY)
    for declaration in settings.DECLARATIONS:
        assert declaration.label.strip() and declaration.help.strip(), declaration.key
        assert declaration.group in GROUPS, declaration.key
        assert declaration.unit is None or declaration.unit.strip(), declaration.key
        assert declaration.describe().strip(), declaration.key
        default = declaration.default_value
        assert declaration.check(default) == default, declaration.key
        # What the settings window shows, typed back, is the same value.
        assert declaration.parse(declaration.format(default)) == default, declaration.key
        assert declaration.dump(default) == declaration.default, declaration.key


def test_defaults_read_as_typed_values(db):
    assert settings.get("points_validity_months") == 3
    assert settings.get("redeem_blocks") == ((500, 2000), (1000, 4200))
    assert settings.get("birthday_multiplier") == Decimal(2)
    assert settings.get("new_member_coupon_fen") == 300
    assert settings.get("insurance_earns_points") is False
    assert settings.get("card_prefix") == "20"


@pytest.mark.parametrize("key, value", [
    ("card_prefix", "AB"),
    ("card_prefix", "2"),
    ("card_prefix", "19"),
    ("card_prefix", "200"),
    ("points_validity_months", "100000"),
    ("points_validity_months", "0"),
    ("points_validity_months", 61),
    ("birthday_multiplier", "Infinity"),
    ("birthday_multiplier", "-Infinity"),
    ("birthday_multiplier", "NaN"),
    ("birthday_multiplier", "sNaN"),
    ("birthday_multiplier", "abc"),
    ("birthday_multiplier", "-1"),
    ("birthday_multiplier", "0.5"),
    ("birthday_multiplier", "11"),
    ("birthday_multiplier", "1e1"),
    ("birthday_multiplier", Decimal("Infinity")),
    ("birthday_multiplier", Decimal("NaN")),
    ("birthday_multiplier", 1.5),
    ("owner_credit_percent", "150"),
    ("owner_credit_percent", "-1"),
    ("a_class_percent", "300"),
    ("a_class_percent", "0"),
    ("b_class_percent", "101"),
    ("new_member_coupon_fen", "-1"),
    ("new_member_coupon_fen", "100000"),
    ("new_member_coupon_fen", "3.456"),
    ("ab_voucher_fen", "0"),
    ("new_member_coupon_days", "0"),
    ("ab_voucher_days", "100000"),
    ("points_expiry_warning_days", "-5"),
    ("refill_remind_days", "abc"),
    ("tier_period_months", "0"),
    ("dormant_months", "1000"),
    ("insurance_earns_points", "maybe"),
    ("redeem_blocks", "500"),
    ("redeem_blocks", "500=0"),
    ("redeem_blocks", "0=20"),
    ("redeem_blocks", "500=20,500=30"),
    ("redeem_blocks", "500=20,1000=30"),
    ("redeem_blocks", "500=600"),
    ("redeem_blocks", ""),
])
def test_a_value_that_would_break_the_till_is_refused(db, owner, make_member, sell, key, value):
    label = settings.DECLARATION_BY_KEY[key].label
    with pytest.raises(InvalidInput, match=re.escape(label)) as refusal:
        settings.change(key, value, owner, at=DAY)
    assert str(refusal.value).count("。") == 1  # one sentence
    assert Setting.select().count() == 0 and setting_changes() == []
    assert settings.get(key) == settings.DECLARATION_BY_KEY[key].default_value
    the_till_still_works(make_member, sell)


@pytest.mark.parametrize("key, value, range_text", [
    ("points_validity_months", "100000", "1 到 60 个月"),
    ("birthday_multiplier", "NaN", "1 到 10 倍"),
    ("owner_credit_percent", "150", "0 到 100%"),
    ("new_member_coupon_fen", "-1", "0.00 到 100.00 元"),
    ("card_prefix", "AB", "20 到 29 之间的两位数字"),
])
def test_a_refusal_names_the_allowed_range_with_its_unit(db, owner, key, value, range_text):
    with pytest.raises(InvalidInput, match=range_text):
        settings.change(key, value, owner)


def test_a_change_is_stored_and_recorded_with_old_and_new_value(db, owner):
    operation = settings.change("points_validity_months", "6", owner, at=DAY)
    assert settings.get("points_validity_months") == 6
    row = Setting.get_by_id("points_validity_months")
    assert (row.value, row.updated_by_id) == ("6", owner.id)
    [recorded] = setting_changes()
    assert recorded.id == operation.id
    assert (recorded.subject, recorded.staff_id, recorded.created_at) == ("setting:points_validity_months",
                                                                           owner.id, DAY)
    assert recorded.detail == "积分有效期：3 个月 → 6 个月"
    settings.change("points_validity_months", 12, owner, at=DAY)
    assert setting_changes()[-1].detail == "积分有效期：6 个月 → 12 个月"


def test_setting_the_value_it_already_has_records_nothing(db, owner):
    assert settings.change("points_validity_months", "3", owner) is None
    assert settings.change("birthday_multiplier", "2.00 倍", owner) is None
    assert settings.change("redeem_blocks", ((1000, 4200), (500, 2000)), owner) is None
    assert setting_changes() == [] and Setting.select().count() == 0


def test_money_is_typed_in_yuan_and_stored_in_fen(db, owner):
    settings.change("new_member_coupon_fen", "3.5", owner)
    assert Setting.get_by_id("new_member_coupon_fen").value == "350"
    assert setting_changes()[-1].detail == "新会员券金额：3.00 元 → 3.50 元"
    settings.change("new_member_coupon_fen", "500分", owner)
    assert settings.get("new_member_coupon_fen") == 500
    settings.change("new_member_coupon_fen", 800, owner)  # a value of the setting's own type: fen
    assert Setting.get_by_id("new_member_coupon_fen").value == "800"
    settings.change("new_member_coupon_fen", "¥１２元", owner)
    assert settings.get("new_member_coupon_fen") == 1200


def test_typed_forms_of_each_type_are_understood(db, owner):
    settings.change("points_validity_months", "６个月", owner)
    settings.change("owner_credit_percent", "50%", owner)
    settings.change("birthday_multiplier", "1.50", owner)
    settings.change("insurance_earns_points", "是", owner)
    settings.change("card_prefix", "２９", owner)
    settings.change("redeem_blocks", "300积分=10元，1000积分=40元", owner)
    assert [settings.get(k) for k in ("points_validity_months", "owner_credit_percent", "birthday_multiplier",
                                      "insurance_earns_points", "card_prefix", "redeem_blocks")] == [
        6, 50, Decimal("1.5"), True, "29", ((300, 1000), (1000, 4000))]
    assert Setting.get_by_id("redeem_blocks").value == "300=1000,1000=4000"
    assert Setting.get_by_id("birthday_multiplier").value == "1.5"
    assert Setting.get_by_id("insurance_earns_points").value == "1"
    assert setting_changes()[-1].detail == (
        "积分抵现档位：500积分=20.00元, 1000积分=42.00元 → 300积分=10.00元, 1000积分=40.00元")


def test_the_a_share_stays_within_the_a_plus_b_share(db, owner):
    with pytest.raises(InvalidInput, match="A类会员比例（30%）不能高于A\\+B类会员累计比例（20%）"):
        settings.change("a_class_percent", 30, owner)
    with pytest.raises(InvalidInput, match="A类会员比例（5%）不能高于A\\+B类会员累计比例（4%）"):
        settings.change("b_class_percent", 4, owner)
    assert Setting.select().count() == 0 and setting_changes() == []
    settings.change("a_class_percent", 20, owner)  # equal is allowed: no B class
    settings.change("b_class_percent", 50, owner)
    settings.change("a_class_percent", 50, owner)
    assert (settings.get("a_class_percent"), settings.get("b_class_percent")) == (50, 50)


def test_the_demo_flag_is_not_an_operators_change(db, owner):
    with pytest.raises(InvalidInput, match="演示数据库由程序维护"):
        settings.change("is_demo", True, owner)
    assert settings.get("is_demo") is False
    settings.mark_demo()
    assert settings.get("is_demo") is True and setting_changes() == []


def test_an_unknown_setting_is_named(db, owner):
    with pytest.raises(InvalidInput, match="没有名为“nope”的设置"):
        settings.change("nope", "1", owner)


def test_a_change_needs_an_operator_and_stores_nothing_without_one(db):
    with pytest.raises(InvalidInput, match="操作员"):
        settings.change("points_validity_months", 6, None)
    assert Setting.select().count() == 0


def test_a_bad_value_stored_before_ranges_were_declared_reads_as_the_default(db, make_member, sell):
    """An older database may hold ``card_prefix AB``: sign-ups and sales keep working."""
    for key, value in (("card_prefix", "AB"), ("points_validity_months", "100000"),
                       ("birthday_multiplier", "Infinity"), ("owner_credit_percent", "junk")):
        Setting.create(key=key, value=value)
    settings.invalidate()
    assert (settings.get("card_prefix"), settings.get("points_validity_months")) == ("20", 3)
    assert settings.get("birthday_multiplier") == Decimal(2)
    the_till_still_works(make_member, sell)


def test_changed_rules_apply_to_the_next_sale(db, owner, make_member, sell):
    settings.change("redeem_blocks", ((100, 500),), owner)
    settings.change("birthday_multiplier", "3", owner)
    Category.update(points_per_block=3, block_fen=1000).where(Category.code == "household").execute()
    Tier.update(multiplier=Decimal("1.5")).where(Tier.code == "normal").execute()
    member = make_member()
    Member.update(birthday="1970-06-01").where(Member.id == member.id).execute()
    result = sell(member, {"household": 2000})
    # 20元 × 3 per 10元 = 6 base × 1.5 (tier) × 3 (birthday) = 27
    assert result.sale.points_earned == 27
    assert settings.get("redeem_blocks") == ((100, 500),)


def test_a_choice_is_typed_as_its_value_or_its_label():
    kind = Choice((("floor", "按整档"), ("pro_rata", "按比例")), unit=None)
    assert kind.parse("按比例", "积分计算方式") == "pro_rata" == kind.parse("pro_rata", "积分计算方式")
    assert kind.format("floor") == "按整档"
    with pytest.raises(InvalidInput, match="积分计算方式应为“按整档”、“按比例”之一"):
        kind.parse("四舍五入", "积分计算方式")


INT_SETTINGS = [d for d in settings.DECLARATIONS if isinstance(d.type, Int)]


@hsettings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(declaration=st.sampled_from(INT_SETTINGS), value=st.integers(-3, 400) | st.integers(-10**12, 10**12),
       typed=st.booleans())
def test_an_int_setting_takes_exactly_its_declared_range(db, owner, declaration, value, typed):
    # The A/B shares bound each other; open the other one fully so only the declared range is tested.
    if declaration.key == "a_class_percent":
        settings.change("b_class_percent", 100, owner)
    elif declaration.key == "b_class_percent":
        settings.change("a_class_percent", 1, owner)
    before = settings.get(declaration.key)
    given_value = str(value) if typed else value
    if declaration.type.minimum <= value <= declaration.type.maximum:
        settings.change(declaration.key, given_value, owner)
        assert settings.get(declaration.key) == value
        stored = Setting.get_or_none(Setting.key == declaration.key)
        if value == before:  # the value it already had: nothing to store or record
            assert stored is None or stored.value == str(value)
        else:
            assert stored.value == str(value)
    else:
        with pytest.raises(InvalidInput, match=re.escape(declaration.label)):
            settings.change(declaration.key, given_value, owner)
        assert settings.get(declaration.key) == before


@pytest.mark.parametrize("role", ["cashier", "pharmacist"])
def test_only_the_owner_changes_rules_and_a_refusal_records_nothing(db, role):
    from pharmacy_desk.core import rules
    from pharmacy_desk.core.errors import NotPermitted
    from pharmacy_desk.core.models import Operation, Staff

    person = Staff.create(name="李娜", role=role)
    before = Operation.select().count()
    with pytest.raises(NotPermitted, match="修改规则和设置”的权限"):
        settings.change("points_validity_months", "6", person)
    with pytest.raises(NotPermitted, match="修改规则和设置”的权限"):
        rules.update_tier("vip", person, multiplier="2")
    with pytest.raises(NotPermitted, match="修改规则和设置”的权限"):
        rules.update_category("otc", person, points_per_block=5)
    assert settings.get("points_validity_months") == 3 and Operation.select().count() == before


@pytest.mark.parametrize("key, typed", [
    ("new_member_coupon_fen", "٥"), ("new_member_coupon_fen", "٥٠٠分"), ("points_validity_months", "٦"),
    ("birthday_multiplier", "١.٥"), ("card_prefix", "٢٩"), ("redeem_blocks", "٣٠٠积分=١٠元"),
])
def test_other_scripts_digits_are_refused_in_a_setting_as_at_the_counter(db, owner, key, typed):
    before = settings.get(key)
    with pytest.raises(InvalidInput) as refused:
        settings.change(key, typed, owner)
    assert typed in str(refused.value) and settings.get(key) == before and setting_changes() == []


def test_money_in_a_setting_takes_the_chinese_decimal_point_as_at_the_counter(db, owner):
    settings.change("new_member_coupon_fen", "3。5", owner)
    assert settings.get("new_member_coupon_fen") == 350
    settings.change("sale_confirm_fen", "６０００。５０元", owner)
    assert settings.get("sale_confirm_fen") == 600050
