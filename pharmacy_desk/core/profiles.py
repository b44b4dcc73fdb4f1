"""会员资料与健康档案: editing a member's profile, consent, health file and counter measurements.

The health file is sensitive personal information under PIPL: it is kept only with
the member's separate, dated consent, shown only to pharmacists and the owner, and
withdrawing consent erases it. Every change is a keyed ``Operation`` for the audit trail.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pharmacy_desk.core import audit, coupons, history, ledger, members, operations
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import DuplicateMember, InvalidInput, NotFound
from pharmacy_desk.core.ids import CouponId, MemberId, StaffId
from pharmacy_desk.core.models import Measurement, Member, Staff, Tier
from pharmacy_desk.core.normalize import (
    check_birthday, clean_gender, clean_name, clean_phone, halfwidth, mask_phone, name_initials,
)
from pharmacy_desk.core.permissions import Permission, can, require
from pharmacy_desk.core.vocabulary import MeasurementKind, OperationKind, Role
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, Sentence, term
from pharmacy_desk.core.staff import StaffRow, row_of
from pharmacy_desk.core.operator import Operator

SYSTOLIC_RANGE = (60, 260)
DIASTOLIC_RANGE = (30, 160)
GLUCOSE_RANGE = (Decimal("1.0"), Decimal("35.0"))
PROFILE_FIELDS = ("phone", "name", "gender", "birthday", "address", "owner_staff", "marketing_opt_out",
                  "notes", "card_no")


@dataclass(frozen=True)
class MemberRecord:
    """A member as stored after a change to their profile or health file (the row stays inside core)."""

    id: MemberId
    card_no: str
    phone: str
    name: str
    name_initials: str
    gender: str
    birthday: dt.date | None
    address: str
    owner_staff_id: StaffId | None
    marketing_opt_out: bool
    notes: str
    joined_on: dt.date
    profile_confirmed_on: dt.date | None
    health_consent_on: dt.date | None
    chronic_conditions: str
    allergies: str
    long_term_meds: str
    health_to_confirm: str

    @classmethod
    def of(cls, member: Member) -> MemberRecord:
        return cls(MemberId(member.id), member.card_no, member.phone, member.name, member.name_initials,
                   member.gender, member.birthday, member.address, member.owner_staff_id, member.marketing_opt_out,
                   member.notes, member.joined_on, member.profile_confirmed_on, member.health_consent_on,
                   member.chronic_conditions, member.allergies, member.long_term_meds, member.health_to_confirm)


@dataclass(frozen=True)
class MemberUpdate:
    """A member as stored after a change to their profile or health file, and what the change touched."""
    member: MemberRecord
    changes: Changes


@dataclass(frozen=True)
class MeasurementResult:
    """A counter measurement as recorded, as the health file lists it."""
    measurement_id: int
    measurement: history.MeasurementRow
    changes: Changes


def parse_birthday(text: object) -> dt.date | None:
    """A birthday as typed at the counter: ``1965-3-8``, ``1965/03/08``, ``19650308``, ``1965年3月8日``."""
    raw = halfwidth(str(text or "")).strip()
    if not raw:
        return None
    match = (re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", raw)
             or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", raw))
    if not match:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "生日格式不对：{text}（例如 1965-3-8）"), text=text)
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "没有这一天：{text}"), text=text) from None


def staff_choices() -> list[StaffRow]:
    """Active staff who can own members (专属店员), by name."""
    return [row_of(person) for person in
            Staff.select().where(Staff.active & (Staff.role != Role.SYSTEM)).order_by(Staff.name)]


@dataclass(frozen=True)
class SignUp:
    """A member just signed up, and the new-member coupon they were given (described), if any."""

    member: MemberRecord
    coupon_id: CouponId | None
    coupon_text: Sentence | None

    @classmethod
    def of(cls, registration: members.Registration) -> SignUp:
        coupon = registration.coupon
        return cls(MemberRecord.of(registration.member), None if coupon is None else CouponId(coupon.id),
                   None if coupon is None else coupons.describe(coupon))

    @property
    def changes(self) -> Changes:
        return Changes.of_member(self.member.id, coupons=self.coupon_id is not None)


def sign_up(*, phone: object, name: object, operator: Operator, health_consent: bool, key: str,
            birthday: object = None, today: dt.date | None = None, **fields) -> SignUp:
    """会员登记 at the counter, with the separate health-information consent in the same transaction.

    ``birthday`` may be a date or the text the cashier typed (``1965-3-8``; empty = not given).
    """
    require(operator, Permission.SIGN_UP)
    at = operations.now() if today is None else dt.datetime.combine(today, operations.now().time())
    if not isinstance(birthday, dt.date):
        birthday = parse_birthday(birthday)
    with write_transaction():
        registration = members.register(phone=phone, name=name, operator=operator, key=key, at=at,
                                        birthday=birthday, **fields)
        member = registration.member
        if health_consent and member.health_consent_on is None:
            Member.update(health_consent_on=at.date()).where(Member.id == member.id).execute()
            member.health_consent_on = at.date()
        return SignUp.of(registration)


def _audit(kind: str, member_id: MemberId, operator: Operator, detail: str = "") -> None:
    subject = f"member:{member_id}" + (f":{detail}" if detail else "")
    operations.start(f"{kind}:{member_id}:{uuid.uuid4()}", kind, operator, operations.now(), subject=subject[:250])


def _clean_field(name: str, value, today: dt.date):
    if name == "phone":
        return clean_phone(value)
    if name == "name":
        return clean_name(value)
    if name == "gender":
        return clean_gender(value)
    if name == "birthday":
        day = value if isinstance(value, dt.date) or value is None else parse_birthday(value)
        return check_birthday(day, today)
    if name == "card_no":
        return members.clean_card_no(value)
    if name == "owner_staff":
        staff_id = getattr(value, "id", value)
        if staff_id is None:
            return None
        staff = Staff.get_or_none((Staff.id == staff_id) & (Staff.role != Role.SYSTEM))
        if staff is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "找不到这位店员。"))
        return staff.id
    if name == "marketing_opt_out":
        return bool(value)
    return str(value or "").strip()  # address, notes


def update_profile(member_id: MemberId, operator: Operator, *, today: dt.date | None = None, **fields) -> MemberUpdate:
    """修改会员资料: only the fields given change; a phone or card already in use is refused."""
    require(operator, Permission.EDIT_MEMBER)
    today = today or dt.date.today()
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "不能修改这些资料：{fields}"), fields=Joined(sorted(unknown)))
    with write_transaction():
        member = members.get(member_id)
        clean = {name: _clean_field(name, value, today) for name, value in fields.items()}
        current = {name: (member.owner_staff_id if name == "owner_staff" else getattr(member, name))
                   for name in clean}
        changed = {name: value for name, value in clean.items() if value != current[name]}
        for field_name, column in (("phone", Member.phone), ("card_no", Member.card_no)):
            if field_name in changed:
                clash = Member.get_or_none((column == changed[field_name]) & (Member.id != member.id))
                if clash is not None:
                    taken = (QT_TRANSLATE_NOOP("core", "已有会员使用该手机号：{name}（卡号 {card_no}，手机 {phone}）。")
                             if field_name == "phone" else
                             QT_TRANSLATE_NOOP("core", "已有会员使用该卡号：{name}（卡号 {card_no}，手机 {phone}）。"))
                    raise DuplicateMember(taken, clash.id, name=clash.name, card_no=clash.card_no,
                                          phone=mask_phone(clash.phone))
        if not changed:
            return MemberUpdate(MemberRecord.of(member), NOTHING)
        _audit("update_profile", member.id, operator, ",".join(sorted(changed)))
        if "name" in changed:
            changed["name_initials"] = name_initials(changed["name"])
        Member.update(**changed).where(Member.id == member.id).execute()
        return MemberUpdate(MemberRecord.of(members.get(member.id)), Changes.of_member(member.id))


@dataclass(frozen=True)
class MemberProfile:
    """A member's profile as the edit tab shows it: the phone whole only to someone who may edit it."""

    member_id: MemberId
    name: str
    phone: str
    card_no: str
    gender: str
    birthday: dt.date | None
    address: str
    owner_staff_id: int | None
    marketing_opt_out: bool
    notes: str
    joined_on: dt.date
    profile_confirmed_on: dt.date | None


def profile(member_id: MemberId, operator: Operator | None) -> MemberProfile:
    member = members.get(member_id)
    phone = member.phone if can(operator, Permission.EDIT_MEMBER) else mask_phone(member.phone)
    return MemberProfile(MemberId(member.id), member.name, phone, member.card_no, member.gender, member.birthday,
                         member.address, member.owner_staff_id, member.marketing_opt_out, member.notes,
                         member.joined_on, member.profile_confirmed_on)


def may_handle_health(operator: Operator) -> bool:
    """Whether this role works with health files at all (the tab exists for them)."""
    return can(operator, Permission.VIEW_HEALTH)


def health_visible(member: Member | MemberRecord, operator: Operator) -> bool:
    """健康档案 is shown only to a pharmacist or the owner, and only with the member's consent."""
    return may_handle_health(operator) and member.health_consent_on is not None


@dataclass(frozen=True)
class MemberHeading:
    """A member as a window's heading names them (会员详情, 积分兑换)."""

    id: MemberId
    name: str
    card_no: str
    masked_phone: str
    tier_name: str
    usable_points: int
    allergies: str  # "" unless the operator may see the health file (``health_visible``)


def heading(member_id: MemberId, operator: Operator | None, today: dt.date) -> MemberHeading:
    row = (Member.select(Member.name, Member.card_no, Member.phone, Tier.name, Member.allergies,
                         Member.health_consent_on)
           .join(Tier).where(Member.id == member_id).tuples().first())
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这位会员。"))
    name, card_no, phone, tier_name, allergies, consent_on = row
    shown = operator is not None and may_handle_health(operator) and consent_on is not None
    return MemberHeading(member_id, name, card_no, mask_phone(phone), tier_name,
                         ledger.usable_points(member_id, today), allergies if shown else "")


def record_health_consent(member_id: MemberId, operator: Operator, consented: bool,
                          today: dt.date | None = None) -> MemberUpdate:
    """Record consent (dated) or its withdrawal; withdrawing erases the health file and measurements.

    Anyone who edits a profile may note the member's consent (as at sign-up); only those
    who edit health files may withdraw it, since that erases the file.
    """
    require(operator, Permission.EDIT_MEMBER if consented else Permission.EDIT_HEALTH)
    today = today or dt.date.today()
    with write_transaction():
        member = members.get(member_id)
        if consented:
            if member.health_consent_on is not None:
                return MemberUpdate(MemberRecord.of(member), NOTHING)
            _audit("health_consent", member.id, operator, "granted")
            Member.update(health_consent_on=today).where(Member.id == member.id).execute()
        else:
            _audit("health_consent", member.id, operator, "withdrawn")
            Member.update(health_consent_on=None, chronic_conditions="", allergies="",
                          long_term_meds="").where(Member.id == member.id).execute()
            Measurement.delete().where(Measurement.member == member.id).execute()
        return MemberUpdate(MemberRecord.of(members.get(member.id)), Changes.of_member(member.id, health=True))


@dataclass(frozen=True)
class HealthRecord:
    """健康档案 as the pharmacist reads it; empty, with ``consented_on`` None, without consent."""

    member_id: MemberId
    consented_on: dt.date | None
    chronic_conditions: str
    allergies: str
    long_term_meds: str
    measurements: tuple[history.MeasurementRow, ...]
    # 病史 brought over from a legacy list, to be confirmed with the member (with or without consent yet)
    to_confirm: str = ""


def health_record(member_id: MemberId, operator: Operator) -> HealthRecord:
    """Read a member's health file again (after a change made while it is open); not recorded."""
    require(operator, Permission.VIEW_HEALTH)
    member = members.get(member_id)
    if member.health_consent_on is None:
        return HealthRecord(member.id, None, "", "", "", (), member.health_to_confirm)
    return HealthRecord(member.id, member.health_consent_on, member.chronic_conditions, member.allergies,
                        member.long_term_meds, tuple(history.measurements(member.id)), member.health_to_confirm)


def open_health_record(member_id: MemberId, operator: Operator, what: str = "健康档案") -> HealthRecord:
    """Open a member's health file: who looked, and when, is recorded (查看健康档案) once per opening."""
    record = health_record(member_id, operator)
    if record.consented_on is not None or record.to_confirm:
        audit.record(OperationKind.VIEW_HEALTH, operator, subject=f"member:{member_id}", detail=what)
    return record


def confirm_imported_history(member_id: MemberId, operator: Operator, text: str | None = None) -> MemberUpdate:
    """确认导入的病史: the member has confirmed the 病史 an old list held; it joins the 慢病 of the file.

    ``text`` is what the member confirmed (the imported text, corrected); empty keeps none of it.
    Needs the member's consent, since it becomes part of the health file; refused for a cashier.
    """
    require(operator, Permission.EDIT_HEALTH)
    with write_transaction():
        member = members.get(member_id)
        if not member.health_to_confirm:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name}没有待确认的导入病史。"), name=member.name)
        _require_consent(member)
        confirmed = re.sub(r"\s+", " ", member.health_to_confirm if text is None else text).strip()
        chronic = member.chronic_conditions
        if confirmed and confirmed not in chronic:
            chronic = f"{chronic}；{confirmed}" if chronic else confirmed
        _audit(OperationKind.CONFIRM_HEALTH, member.id, operator, "kept" if confirmed else "dropped")
        Member.update(chronic_conditions=chronic, health_to_confirm="").where(Member.id == member.id).execute()
        return MemberUpdate(MemberRecord.of(members.get(member.id)), Changes.of_member(member.id, health=True))


def _require_consent(member: Member) -> None:
    if member.health_consent_on is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name}尚未同意收集健康信息，不能记录健康档案。"), name=member.name)


def update_health_file(member_id: MemberId, operator: Operator, *, chronic_conditions: str | None = None,
                       allergies: str | None = None, long_term_meds: str | None = None) -> MemberUpdate:
    """慢病、过敏史、长期用药: refused without the member's consent or for a cashier."""
    require(operator, Permission.EDIT_HEALTH)
    given = {"chronic_conditions": chronic_conditions, "allergies": allergies, "long_term_meds": long_term_meds}
    changes = {k: re.sub(r"\s+", " ", v).strip() for k, v in given.items() if v is not None}
    with write_transaction():
        member = members.get(member_id)
        _require_consent(member)
        changes = {k: v for k, v in changes.items() if v != getattr(member, k)}
        if changes:
            _audit("update_health", member.id, operator, ",".join(sorted(changes)))
            Member.update(**changes).where(Member.id == member.id).execute()
        return MemberUpdate(MemberRecord.of(members.get(member.id)), Changes.of_member(member.id, health=True) if changes else NOTHING)


def _int_in(value, label: str, low: int, high: int) -> int:
    try:
        number = int(halfwidth(str(value)).strip())
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "{label}应为整数：{value}"), label=term(label), value=value) from None
    if not low <= number <= high:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "core", "{label} {number} 不在合理范围（{low}–{high}）内，请复测。"), label=term(label),
            number=number, low=low, high=high)
    return number


def parse_glucose(value) -> Decimal:
    """Blood glucose in mmol/L to one decimal, within a range a meter can show."""
    try:
        number = Decimal(halfwidth(str(value)).strip())
    except InvalidOperation:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "血糖应为数字（mmol/L）：{value}"), value=value) from None
    if not number.is_finite() or not GLUCOSE_RANGE[0] <= number <= GLUCOSE_RANGE[1]:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "core", "血糖 {value} mmol/L 不在合理范围（{low}–{high}）内，请复测。"),
            value=value, low=GLUCOSE_RANGE[0], high=GLUCOSE_RANGE[1])
    return number.quantize(Decimal("0.1"))


def add_measurement(member_id: MemberId, operator: Operator, kind: str, *, systolic=None, diastolic=None,
                    glucose=None, at: dt.datetime | None = None, notes: str = "") -> MeasurementResult:
    """柜台测量: blood pressure (mmHg) or blood glucose (mmol/L), range-checked; needs consent."""
    require(operator, Permission.EDIT_HEALTH)
    at = at or operations.now()
    if kind == MeasurementKind.BP:
        high = _int_in(systolic, QT_TRANSLATE_NOOP("core", "收缩压"), *SYSTOLIC_RANGE)
        low = _int_in(diastolic, QT_TRANSLATE_NOOP("core", "舒张压"), *DIASTOLIC_RANGE)
        if high <= low:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "收缩压（{high}）应高于舒张压（{low}），请检查是否填反。"), high=high, low=low)
        values: dict[str, int | Decimal] = {"systolic": high, "diastolic": low}
    elif kind == MeasurementKind.GLUCOSE:
        values = {"glucose": parse_glucose(glucose)}
    else:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "未知的测量类型：{kind}"), kind=kind)
    with write_transaction():
        member = members.get(member_id)
        _require_consent(member)
        _audit("measurement", member.id, operator, kind)
        measurement = Measurement.create(member=member, taken_at=at, kind=kind, staff=operator.id,
                                         notes=notes.strip(), **values)
        row = history.MeasurementRow(measurement.taken_at, kind, measurement.systolic, measurement.diastolic,
                                     measurement.glucose, operator.name, measurement.notes)
        return MeasurementResult(measurement.id, row, Changes.of_member(member.id, health=True))
