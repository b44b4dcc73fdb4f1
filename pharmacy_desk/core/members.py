"""会员: registering members and finding them at the till."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

from peewee import fn

from pharmacy_desk.core import coupons, dialect, operations, settings
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.db import database, write_transaction
from pharmacy_desk.core.errors import DuplicateMember, InvalidInput, NotFound, PhoneInUse
from pharmacy_desk.core.ids import MemberId, StaffId
from pharmacy_desk.core.models import Coupon, Member, Tier
from pharmacy_desk.core.normalize import (
    check_birthday, clean_gender, clean_name, clean_phone, halfwidth, mask_phone, name_initials,
)
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import CouponKind, Role
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.operator import Operator

LOOKUP_LIMIT = 20


@dataclass
class Registration:
    member: Member
    coupon: Coupon | None

    @property
    def changes(self) -> Changes:
        return Changes.of_member(self.member.id, coupons=self.coupon is not None)


def ean13_check_digit(first12: str) -> str:
    """EAN-13's last digit: odd positions weigh 1, even ones 3 (an import numbers thousands of cards)."""
    total = sum(map(int, first12[0::2])) + 3 * sum(map(int, first12[1::2]))
    return str((10 - total % 10) % 10)


def _next_card_no() -> str:
    prefix = settings.get("card_prefix")
    seq = (Member.select(fn.MAX(Member.id)).scalar() or 0) + 1
    while True:
        body = f"{prefix}{seq:0{12 - len(prefix)}d}"
        card = body + ean13_check_digit(body)
        if not Member.select().where(Member.card_no == card).exists():
            return card
        seq += 1


def clean_card_no(raw: object) -> str:
    text = halfwidth(str(raw or "")).strip().upper()
    if not re.fullmatch(r"[0-9A-Z\-]{4,24}", text):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "卡号应为4–24位数字或字母：{raw}"), raw=raw)
    return text


def _refuse_duplicates(phone: str, name: str, card_no: str | None, shared_phone: bool) -> None:
    """A card belongs to one member; a phone too, unless the cashier said a family shares it.

    The same name on the same phone is the same person, shared or not.
    """
    clash = card_no and Member.get_or_none(Member.card_no == card_no)
    if clash:
        raise DuplicateMember(QT_TRANSLATE_NOOP("core", "已有会员使用该卡号：{name}（卡号 {card_no}，手机 {phone}）。"),
                              clash.id, name=clash.name, card_no=clash.card_no, phone=mask_phone(clash.phone))
    on_phone = list(Member.select(Member.id, Member.name, Member.card_no, Member.phone)
                    .where(Member.phone == phone).order_by(Member.name, Member.id).limit(LOOKUP_LIMIT))
    same = next((m for m in on_phone if m.name == name), None)
    if same is not None:
        raise DuplicateMember(QT_TRANSLATE_NOOP(
            "core", "已有会员使用该手机号：{name}（卡号 {card_no}，手机 {phone}），是同一个人。"),
            same.id, name=same.name, card_no=same.card_no, phone=mask_phone(same.phone))
    if on_phone and not shared_phone:
        people = Joined([Sentence(QT_TRANSLATE_NOOP("core", "{name}（卡号 {card_no}）"), name=m.name, card_no=m.card_no)
                         for m in on_phone])
        raise PhoneInUse(QT_TRANSLATE_NOOP(
            "core", "已有会员使用手机 {phone}：{people}。是同一个人请打开该会员；家人共用这个号码时，可以为新顾客另行登记。"),
                         [MemberMatch(m.id, m.card_no, m.name, m.phone, "") for m in on_phone],
                         phone=mask_phone(phone), people=people)


def register(*, phone: object, name: object, operator: Operator, gender: object = "",
             birthday: dt.date | None = None, card_no: object = None, address: str = "",
             notes: str = "", marketing_opt_out: bool = False, owner_staff: StaffId | None = None,
             at: dt.datetime | None = None, key: str | None = None,
             welcome_coupon: bool = True, shared_phone: bool = False) -> Registration:
    """会员登记: validate, refuse a duplicate (naming the member), issue the new-member coupon.

    A phone another member has is refused with ``PhoneInUse`` naming them, unless
    ``shared_phone`` (the cashier heard it is a family's number): then the new person
    is a member of their own on it. A card number, or the same name on the phone, never.
    ``owner_staff`` (专属店员) is a person's id; by default the operator signing them up.
    """
    require(operator, Permission.SIGN_UP)
    at = at or operations.now()
    key = key or f"register:{uuid.uuid4()}"
    phone = clean_phone(phone)
    name = clean_name(name)
    gender = clean_gender(gender)
    birthday = check_birthday(birthday, at.date())
    card = clean_card_no(card_no) if card_no not in (None, "") else None
    with write_transaction():
        step = operations.keyed(key, "register", operator, at)
        if step.done is not None:
            member = Member.get(Member.id == int(step.done.subject.split(":")[1]))
            return Registration(member, Coupon.get_or_none(Coupon.issue_key == f"new_member:{member.id}"))
        _refuse_duplicates(phone, name, card, shared_phone)
        owner = (owner_staff if owner_staff is not None
                 else operator.id if operator.role != Role.SYSTEM else None)
        member = Member.create(
            card_no=card or _next_card_no(), phone=phone, name=name, name_initials=name_initials(name),
            gender=gender, birthday=birthday, address=address.strip(), joined_on=at.date(),
            joined_by=operator.id if operator.role != Role.SYSTEM else None, owner_staff=owner,
            tier=Tier.get(Tier.rank == 0), marketing_opt_out=marketing_opt_out,
            profile_confirmed_on=at.date(), notes=notes, created_at=at)
        step.start(subject=f"member:{member.id}")  # after the member: an operation is never changed
        coupon = None
        if welcome_coupon and settings.get("new_member_coupon_fen") > 0:
            coupon = coupons.issue(
                member_id=member.id, kind=CouponKind.FIXED, title="新会员券", reason="new_member",
                issue_key=f"new_member:{member.id}", operator=operator, valid_from=at.date(),
                valid_days=settings.get("new_member_coupon_days"),
                value_fen=settings.get("new_member_coupon_fen"), at=at)
        return Registration(member, coupon)


@dataclass(frozen=True)
class MemberMatch:
    """A member the till's search found: what the list shows, and the id that opens them."""

    id: MemberId
    card_no: str
    name: str
    phone: str  # in full: the list masks it
    tier_name: str


@dataclass
class LookupResult:
    """``exact`` when one member is certain (card or full phone); else ``matches`` to pick from."""

    exact: MemberMatch | None = None
    matches: list[MemberMatch] = field(default_factory=list)
    phone_hint: str | None = None  # a valid phone nobody has: offer to register it


# The till's lookups are a handful of fixed queries run for every customer in the queue.
# Building them with peewee costs ~0.2 ms each, far more than SQLite takes to answer, so
# their SQL is written once here and each row is read straight into a ``MemberMatch``,
# the tier's name looked up by primary key in the same statement.
# ``dialect.PHONE_TAIL`` must stay literally the expression of the member_phone_tail
# index: with -4 as a bound parameter SQLite cannot use the index and reads every member.
_SELECT_MATCH = ('SELECT "id", "card_no", "name", "phone", '
                 '(SELECT "name" FROM "tier" WHERE "tier"."id" = "member"."tier_id") FROM "member" WHERE ')


def _members(where: str, params: tuple, limit: int, order: str = "") -> list[MemberMatch]:
    sql = f"{_SELECT_MATCH}{where}{f' ORDER BY {order}' if order else ''} LIMIT ?"
    return [MemberMatch(*row) for row in database.execute_sql(sql, (*params, limit))]


def _one_member(where: str, value: str) -> MemberMatch | None:
    found = _members(where, (value,), 1)
    return found[0] if found else None


def lookup(text: str, limit: int = LOOKUP_LIMIT) -> LookupResult:
    """查找会员 by card, phone, last 4 digits of the phone, name or pinyin initials (zs → 张三)."""
    query = halfwidth(text or "").strip()
    if not query:
        return LookupResult()
    member = _one_member('"card_no" = ?', query.upper())
    if member:
        return LookupResult(exact=member)
    compact = re.sub(r"[\s\-]", "", query)
    if re.fullmatch(r"\+?[0-9]+", compact):  # ASCII: full-width digits were made so above
        if len(compact) == 4:
            return LookupResult(matches=_members(f"{dialect.PHONE_TAIL} = ?", (compact,), limit, '"name"'))
        try:
            phone = clean_phone(compact)
        except InvalidInput:
            return LookupResult()
        # A family may share one phone (schema v8): then the short list, to pick who is here.
        found = _members('"phone" = ?', (phone,), limit, '"name", "id"')
        if len(found) > 1:
            return LookupResult(matches=found)
        return LookupResult(exact=found[0]) if found else LookupResult(phone_hint=phone)
    if re.fullmatch(r"[A-Za-z]+", query):
        # Ordered as the (name_initials, name) index is, so SQLite stops after ``limit``
        # rows instead of sorting every 张/赵/周… that starts with "z"; members whose
        # initials are exactly what was typed come first.
        pattern = dialect.prefix_pattern(query.lower())
        return LookupResult(matches=_members(dialect.prefix_match('"name_initials"'), (pattern,), limit,
                                             '"name_initials", "name", "id"'))
    pattern = dialect.prefix_pattern(clean_name(query))
    return LookupResult(matches=_members(dialect.prefix_match('"name"'), (pattern,), limit, '"name", "id"'))


def get(member_id: MemberId) -> Member:
    member = Member.get_or_none(Member.id == member_id)
    if member is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这位会员。"))
    return member


def confirm_profile(member_id: MemberId, operator: Operator, today: dt.date | None = None) -> Changes:
    """资料确认: the cashier checked the member's details while serving them."""
    require(operator, Permission.EDIT_MEMBER)
    today = today or dt.date.today()
    with write_transaction():
        operations.start(f"confirm:{member_id}:{uuid.uuid4()}", "confirm_profile", operator,
                         operations.now(), subject=f"member:{member_id}")
        Member.update(profile_confirmed_on=today).where(Member.id == get(member_id).id).execute()
    return Changes.of_member(member_id)
