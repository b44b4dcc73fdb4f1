import datetime as dt
from decimal import Decimal

import pytest

from pharmacy_desk.core import profiles
from pharmacy_desk.core.errors import DuplicateMember, InvalidInput, NotFound, NotPermitted
from pharmacy_desk.core.models import Coupon, Measurement, Member, Operation, Staff

TODAY = dt.date(2026, 6, 10)


@pytest.fixture
def pharmacist(db):
    return Staff.create(name="陈静", role="pharmacist")


@pytest.mark.parametrize("typed, expected", [
    ("1965-3-8", dt.date(1965, 3, 8)), ("1965/03/08", dt.date(1965, 3, 8)), ("19650308", dt.date(1965, 3, 8)),
    ("1965年3月8日", dt.date(1965, 3, 8)), ("１９６５－３－８", dt.date(1965, 3, 8)), ("", None), ("  ", None),
])
def test_parse_birthday_accepts_what_cashiers_type(typed, expected):
    assert profiles.parse_birthday(typed) == expected


@pytest.mark.parametrize("typed", ["1965-2-30", "65-3-8", "三月八日"])
def test_parse_birthday_refuses_nonsense(typed):
    with pytest.raises(InvalidInput):
        profiles.parse_birthday(typed)


def test_sign_up_records_health_consent_and_marketing_choice_once(db, clerk):
    first = profiles.sign_up(phone="138 0000 1111", name="赵 敏", operator=clerk, health_consent=True,
                             marketing_opt_out=True, key="register:k1", today=TODAY)
    again = profiles.sign_up(phone="13800001111", name="赵敏", operator=clerk, health_consent=True,
                             key="register:k1", today=TODAY)
    member = Member.get()
    assert again.member.id == first.member.id and Member.select().count() == 1
    assert (member.name, member.health_consent_on, member.marketing_opt_out) == ("赵敏", TODAY, True)
    assert first.coupon_id is not None and Coupon.select().count() == 1
    plain = profiles.sign_up(phone="13800002222", name="钱多", operator=clerk, health_consent=False,
                             key="register:k2", today=TODAY)
    assert Member.get_by_id(plain.member.id).health_consent_on is None


def test_update_profile_changes_only_given_fields_and_is_audited(db, clerk, make_member):
    member = make_member(name="张三")
    updated = profiles.update_profile(member.id, clerk, name="张 三丰", birthday="1958-11-2", address=" 幸福小区3栋 ",
                                      marketing_opt_out=True, today=TODAY).member
    assert (updated.name, updated.name_initials, updated.birthday, updated.address, updated.marketing_opt_out) == (
        "张三丰", "zsf", dt.date(1958, 11, 2), "幸福小区3栋", True)
    assert updated.phone == member.phone
    audit = Operation.get(Operation.kind == "update_profile")
    assert audit.subject == f"member:{member.id}:address,birthday,marketing_opt_out,name"
    assert audit.staff_id == clerk.id
    # nothing changed → no new audit row
    profiles.update_profile(member.id, clerk, name="张三丰", today=TODAY)
    assert Operation.select().where(Operation.kind == "update_profile").count() == 1


def test_update_profile_refuses_a_phone_in_use_naming_the_member(db, clerk, make_member):
    make_member(phone="13900000001", name="李四")
    member = make_member(phone="13900000002", name="王五")
    with pytest.raises(DuplicateMember, match="李四") as caught:
        profiles.update_profile(member.id, clerk, phone="139-0000-0001")
    assert caught.value.member_id != member.id
    assert Member.get_by_id(member.id).phone == "13900000002"


def test_update_profile_validates_and_sets_owner_staff(db, clerk, make_member, pharmacist):
    member = make_member()
    with pytest.raises(InvalidInput):
        profiles.update_profile(member.id, clerk, birthday=dt.date(2030, 1, 1), today=TODAY)
    with pytest.raises(InvalidInput):
        profiles.update_profile(member.id, clerk, gender="未知")
    with pytest.raises(InvalidInput):
        profiles.update_profile(member.id, clerk, tier=3)
    assert profiles.update_profile(member.id, clerk, owner_staff=pharmacist).member.owner_staff_id == pharmacist.id
    assert profiles.update_profile(member.id, clerk, owner_staff=None).member.owner_staff_id is None


def test_health_visible_needs_role_and_consent(db, clerk, owner, pharmacist, make_member):
    member = make_member()
    assert not profiles.health_visible(member, pharmacist)
    member = profiles.record_health_consent(member.id, clerk, True, today=TODAY).member
    assert member.health_consent_on == TODAY
    assert profiles.health_visible(member, pharmacist) and profiles.health_visible(member, owner)
    assert not profiles.health_visible(member, clerk)


def test_health_file_refused_without_consent_or_for_a_cashier(db, clerk, pharmacist, make_member):
    member = make_member()
    with pytest.raises(InvalidInput, match="尚未同意"):
        profiles.update_health_file(member.id, pharmacist, allergies="青霉素")
    profiles.record_health_consent(member.id, pharmacist, True, today=TODAY)
    with pytest.raises(NotPermitted, match="修改健康档案.*药师、店长"):
        profiles.update_health_file(member.id, clerk, allergies="青霉素")
    updated = profiles.update_health_file(member.id, pharmacist, chronic_conditions="高血压  糖尿病",
                                          allergies="青霉素", long_term_meds="氨氯地平片").member
    assert (updated.chronic_conditions, updated.allergies, updated.long_term_meds) == (
        "高血压 糖尿病", "青霉素", "氨氯地平片")


def test_withdrawing_consent_erases_the_health_file_and_measurements(db, pharmacist, make_member):
    member = make_member()
    profiles.record_health_consent(member.id, pharmacist, True, today=TODAY)
    profiles.update_health_file(member.id, pharmacist, allergies="磺胺类")
    profiles.add_measurement(member.id, pharmacist, "bp", systolic=150, diastolic=95)
    withdrawn = profiles.record_health_consent(member.id, pharmacist, False, today=TODAY).member
    assert (withdrawn.health_consent_on, withdrawn.allergies) == (None, "")
    assert Measurement.select().count() == 0
    assert Operation.select().where((Operation.kind == "health_consent")
                                    & Operation.subject.endswith("withdrawn")).count() == 1


def test_measurements_are_range_checked(db, pharmacist, make_member):
    member = make_member()
    with pytest.raises(InvalidInput, match="尚未同意"):
        profiles.add_measurement(member.id, pharmacist, "bp", systolic=130, diastolic=85)
    profiles.record_health_consent(member.id, pharmacist, True, today=TODAY)
    bp = profiles.add_measurement(member.id, pharmacist, "bp", systolic="１４２", diastolic=88).measurement
    sugar = profiles.add_measurement(member.id, pharmacist, "glucose", glucose="7.25")
    assert (bp.systolic, bp.diastolic, bp.reading, bp.staff) == (142, 88, "142/88 mmHg", pharmacist.name)
    assert sugar.measurement.glucose == Decimal("7.2")
    assert Measurement.get_by_id(sugar.measurement_id).glucose == Decimal("7.2")  # half-even to one decimal
    for kwargs, message in [
        (dict(kind="bp", systolic=59, diastolic=40), "收缩压"), (dict(kind="bp", systolic=261, diastolic=90), "收缩压"),
        (dict(kind="bp", systolic=120, diastolic=29), "舒张压"), (dict(kind="bp", systolic=90, diastolic=120), "填反"),
        (dict(kind="bp", systolic="abc", diastolic=80), "整数"), (dict(kind="glucose", glucose="0.9"), "范围"),
        (dict(kind="glucose", glucose="35.1"), "范围"), (dict(kind="glucose", glucose="高"), "数字"),
        (dict(kind="weight"), "未知"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            profiles.add_measurement(member.id, pharmacist, **kwargs)
    assert Measurement.select().count() == 2


def test_a_heading_names_the_member_and_shows_allergies_only_to_who_may_see_them(
        db, clerk, pharmacist, make_member, sell):
    member = make_member(phone="13812345678", name="张三")
    sell(member, {"household": 10000}, at=dt.datetime(2026, 6, 1, 10, 0))  # 5 points
    profiles.record_health_consent(member.id, pharmacist, True, today=TODAY)
    profiles.update_health_file(member.id, pharmacist, allergies="青霉素")
    seen = profiles.heading(member.id, pharmacist, TODAY)
    assert seen == profiles.MemberHeading(member.id, "张三", member.card_no, "138****5678", "普通会员", 5, "青霉素")
    assert profiles.heading(member.id, clerk, TODAY).allergies == ""
    assert profiles.heading(member.id, None, TODAY).allergies == ""
    Member.update(health_consent_on=None).where(Member.id == member.id).execute()
    assert profiles.heading(member.id, pharmacist, TODAY).allergies == ""
    with pytest.raises(NotFound):
        profiles.heading(member.id + 100, pharmacist, TODAY)


def test_opening_a_health_file_is_recorded_once_and_reading_it_again_is_not(db, clerk, pharmacist, make_member):
    from pharmacy_desk.core.models import Operation
    from pharmacy_desk.core.vocabulary import OperationKind

    member = make_member()
    views = Operation.select().where(Operation.kind == OperationKind.VIEW_HEALTH)
    assert profiles.open_health_record(member.id, pharmacist).consented_on is None
    assert views.count() == 0  # nothing to see without consent, so nothing was seen
    profiles.record_health_consent(member.id, pharmacist, True, today=TODAY)
    profiles.update_health_file(member.id, pharmacist, allergies="青霉素")
    profiles.add_measurement(member.id, pharmacist, "bp", systolic=135, diastolic=85)
    opened = profiles.open_health_record(member.id, pharmacist)
    assert (opened.allergies, [m.reading for m in opened.measurements]) == ("青霉素", ["135/85 mmHg"])
    assert profiles.health_record(member.id, pharmacist).allergies == "青霉素"
    (view,) = views
    assert (view.staff_id, view.subject, view.detail) == (pharmacist.id, f"member:{member.id}", "健康档案")
    with pytest.raises(NotPermitted, match="查看健康档案"):
        profiles.health_record(member.id, clerk)


def test_a_profile_is_a_plain_row_with_the_whole_phone_only_for_who_may_edit_it(db, clerk, pharmacist, make_member):
    member = make_member(phone="13812345678", name="张三")
    profiles.update_profile(member.id, clerk, birthday="1958-11-2", address="幸福小区3栋", owner_staff=pharmacist,
                            marketing_opt_out=True, notes="只在上午来", today=TODAY)
    stored = Member.get_by_id(member.id)
    seen = profiles.profile(member.id, clerk)
    assert seen == profiles.MemberProfile(
        member.id, "张三", "13812345678", member.card_no, stored.gender, dt.date(1958, 11, 2), "幸福小区3栋",
        pharmacist.id, True, "只在上午来", stored.joined_on, TODAY)  # an edit confirms the profile
    assert not isinstance(seen, Member)
    assert profiles.profile(member.id, None).phone == "138****5678"
    Staff.update(active=False).where(Staff.id == clerk.id).execute()
    assert profiles.profile(member.id, Staff.get_by_id(clerk.id)).phone == "138****5678"
    with pytest.raises(NotFound):
        profiles.profile(member.id + 100, pharmacist)
