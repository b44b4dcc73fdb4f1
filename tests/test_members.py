import datetime as dt

import pytest

from pharmacy_desk.core import members
from pharmacy_desk.core.errors import DuplicateMember, InvalidInput
from pharmacy_desk.core.models import Coupon, Member

AT = dt.datetime(2026, 6, 10, 9, 30)


def test_register_normalises_and_issues_the_new_member_coupon(db, clerk):
    reg = members.register(phone="+86 139-0000-1234", name=" 张 三 ", gender="男", operator=clerk, at=AT,
                           birthday=dt.date(1965, 3, 8))
    member = Member.get_by_id(reg.member.id)
    assert (member.phone, member.name, member.name_initials, member.gender) == ("13900001234", "张三", "zs", "M")
    assert member.joined_on == AT.date() and member.owner_staff_id == clerk.id
    assert member.tier.name == "普通会员"
    # 3 yuan, usable at once, valid 30 days including today
    coupon = Coupon.get(Coupon.member == member)
    assert (coupon.value_fen, coupon.valid_from, coupon.valid_until) == (300, AT.date(), dt.date(2026, 7, 9))
    assert reg.coupon.id == coupon.id


def test_generated_card_numbers_are_valid_ean13(db, make_member):
    card = make_member().card_no
    assert len(card) == 13 and card.startswith("20")
    digits = [int(d) for d in card]
    assert (sum(digits[0::2]) + 3 * sum(digits[1::2])) % 10 == 0


@pytest.mark.parametrize("body, digit", [("400638133393", "1"), ("690123456789", "2"), ("200000000001", "5")])
def test_ean13_check_digit_of_printed_barcodes(body, digit):
    assert members.ean13_check_digit(body) == digit


def test_duplicate_phone_is_refused_naming_the_member(db, clerk, make_member):
    first = make_member(phone="13900001234", name="张三")
    with pytest.raises(DuplicateMember, match="张三") as caught:
        members.register(phone="139 0000 1234", name="张三丰", operator=clerk, at=AT)
    assert caught.value.member_id == first.id
    assert Member.select().count() == 1


def test_duplicate_card_is_refused(db, clerk, make_member):
    make_member(card_no="A1001")
    with pytest.raises(DuplicateMember, match="卡号"):
        members.register(phone="13900009999", name="李四", card_no="a1001", operator=clerk, at=AT)


def test_future_birthday_is_refused(db, clerk):
    with pytest.raises(InvalidInput, match="未来"):
        members.register(phone="13900001234", name="张三", birthday=dt.date(2027, 1, 1), operator=clerk, at=AT)
    assert Member.select().count() == 0


def test_replayed_registration_returns_the_same_member(db, clerk):
    one = members.register(phone="13900001234", name="张三", operator=clerk, at=AT, key="form-1")
    two = members.register(phone="13900001234", name="张三", operator=clerk, at=AT, key="form-1")
    assert one.member.id == two.member.id and Member.select().count() == 1
    assert Coupon.select().count() == 1


@pytest.fixture
def crowd(make_member):
    return {
        "zs": make_member(phone="13800005678", name="张三", card_no="8800001"),
        "zss": make_member(phone="13900005678", name="张珊珊"),
        "ls": make_member(phone="13700001111", name="李四"),
    }


def test_lookup_by_card_and_phone_is_exact(crowd):
    assert members.lookup("8800001").exact.id == crowd["zs"].id
    assert members.lookup("13700001111").exact.id == crowd["ls"].id
    assert members.lookup("137 0000 1111").exact.id == crowd["ls"].id
    assert members.lookup("１３７００００１１１１").exact.id == crowd["ls"].id


def test_lookup_by_last_four_name_and_initials_lists(crowd):
    assert {m.id for m in members.lookup("5678").matches} == {crowd["zs"].id, crowd["zss"].id}
    assert [m.id for m in members.lookup("zs").matches] == [crowd["zs"].id, crowd["zss"].id]
    assert [m.id for m in members.lookup("ZSS").matches] == [crowd["zss"].id]
    assert {m.id for m in members.lookup("张").matches} == {crowd["zs"].id, crowd["zss"].id}
    assert members.lookup("王").matches == []


def test_unknown_phone_offers_registration(crowd):
    result = members.lookup("13600000000")
    assert result.exact is None and result.matches == [] and result.phone_hint == "13600000000"
    assert members.lookup("   ").exact is None


def test_glob_characters_in_a_name_are_literal(crowd):
    assert members.lookup("张*").matches == []
