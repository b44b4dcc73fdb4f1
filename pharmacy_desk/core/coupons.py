"""优惠券: issuing, checking and pricing coupons. Each is used at most once.

A use is its own row, never a change to the coupon: a sale's (``CouponUse``; a return that
gives the coupon back says so on the return) or, for a 体验券, its service given at the
counter without a sale (``CouponServiceUse``, never given back). ``coupon_in_use`` (the
view ``CouponInUse``) is each coupon's use still in force, of either kind.

What a coupon takes off a sale (``discount_fen``) is exact in fen: a 代金券 its value, a
满减券 its value once the sale reaches the threshold, a 折扣券 its percentage of the
total floored to the fen; never more than the total, never below zero.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from dataclasses import dataclass

from pharmacy_desk.core import operations
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import CouponError, InvalidInput, NotFound
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.models import Coupon, CouponInUse, CouponServiceUse, Member
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import CouponKind, OperationKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence, term
from pharmacy_desk.core.operator import Operator


def code_for(issue_key: str) -> str:
    """A short printable code derived from the issue key, so re-running a campaign is stable."""
    return "C" + hashlib.sha1(issue_key.encode()).hexdigest()[:10].upper()


def issue(*, member_id: MemberId | None, kind: str, title: str, reason: str, issue_key: str,
          operator: Operator, valid_from: dt.date, valid_days: int, value_fen: int = 0,
          percent_off: int = 0, min_spend_fen: int = 0, at: dt.datetime | None = None) -> Coupon:
    """Issue one coupon; the same ``issue_key`` never issues a second one. Call in a transaction."""
    existing = Coupon.get_or_none(Coupon.issue_key == issue_key)
    if existing is not None:
        return existing
    if not CouponKind.has(kind):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "未知的券类型：{kind}"), kind=kind)
    if kind in (CouponKind.FIXED, CouponKind.THRESHOLD) and value_fen <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "代金券和满减券的金额必须大于零。"))
    if kind == CouponKind.PERCENT and not 0 < percent_off < 100:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "折扣券的折扣必须在1%到99%之间。"))
    if valid_days <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "券的有效期必须至少一天。"))
    return Coupon.create(
        code=code_for(issue_key), issue_key=issue_key, member=member_id, kind=kind, title=title,
        value_fen=value_fen, percent_off=percent_off, min_spend_fen=min_spend_fen,
        valid_from=valid_from, valid_until=valid_from + dt.timedelta(days=valid_days - 1),
        reason=reason, issued_at=at or dt.datetime.now().replace(microsecond=0), issued_by=operator.id)


def discount_fen(coupon: Coupon, total_fen: int) -> int:
    """What the coupon takes off a sale of ``total_fen``: between 0 and the total, in whole fen.

    A percentage is floored to the fen (10% of 99.99 元 is 9.99 元), in the member's
    disfavour by less than a fen rather than the pharmacy giving away a fraction of one.
    """
    if total_fen <= 0 or total_fen < coupon.min_spend_fen:
        return 0
    if coupon.kind in (CouponKind.FIXED, CouponKind.THRESHOLD):
        return max(0, min(coupon.value_fen, total_fen))
    if coupon.kind == CouponKind.PERCENT:
        return total_fen * max(0, min(coupon.percent_off, 100)) // 100
    return 0  # a 体验券 is a service, not money off


def in_use(coupon_id: int) -> CouponInUse | None:
    """The sale the coupon is used on (and when), or None when it is free to use."""
    return CouponInUse.get_or_none(CouponInUse.coupon == coupon_id)


def not_in_use():
    """A condition on ``Coupon``: no sale holds it."""
    return Coupon.id.not_in(CouponInUse.select(CouponInUse.coupon))


def _check_free(coupon: Coupon, member_id: MemberId | None, today: dt.date) -> None:
    """Refuse a coupon already used, someone else's, or outside its dates."""
    use = in_use(coupon.id)
    if use is not None:
        raise CouponError(QT_TRANSLATE_NOOP("core", "这张券已在 {used_at} 使用过。"), used_at=f"{use.used_at:%Y-%m-%d}")
    if coupon.member_id is not None and coupon.member_id != member_id:
        raise CouponError(QT_TRANSLATE_NOOP("core", "这张券不属于当前会员。"))
    if today < coupon.valid_from:
        raise CouponError(QT_TRANSLATE_NOOP(
            "core", "这张券 {valid_from} 起才能使用。"), valid_from=f"{coupon.valid_from:%Y-%m-%d}")
    if today > coupon.valid_until:
        raise CouponError(QT_TRANSLATE_NOOP(
            "core", "这张券已于 {valid_until} 过期。"), valid_until=f"{coupon.valid_until:%Y-%m-%d}")


def check_usable(coupon: Coupon, member_id: MemberId | None, total_fen: int, today: dt.date) -> None:
    """Raise ``CouponError`` with the reason a coupon cannot be used on this sale."""
    _check_free(coupon, member_id, today)
    if coupon.kind == CouponKind.SERVICE:
        raise CouponError(QT_TRANSLATE_NOOP("core", "体验券用于兑换服务，不能抵扣货款。"))
    if total_fen < coupon.min_spend_fen:
        raise CouponError(QT_TRANSLATE_NOOP("core", "消费满 {amount} 元才能使用这张券。"), amount=yuan(coupon.min_spend_fen))


def usable_for(member_id: MemberId, today: dt.date, *, service: bool | None = False) -> list[Coupon]:
    """The member's coupons that are unused and valid today, soonest to expire first: those
    that take money off a sale, the 体验券 to redeem for their service (``service``), or
    both (``service=None``)."""
    condition = (Coupon.member == member_id) & not_in_use() & (Coupon.valid_from <= today) & (
        Coupon.valid_until >= today)
    if service is not None:
        condition &= (Coupon.kind == CouponKind.SERVICE) if service else (Coupon.kind != CouponKind.SERVICE)
    return list(Coupon.select().where(condition).order_by(Coupon.valid_until, Coupon.id))


@dataclass(frozen=True)
class ServiceResult:
    """A 体验券 redeemed: the coupon, whose it is, the service the member receives and the use recorded."""

    coupon_id: int
    member_id: MemberId
    service: str  # the coupon's service, or its title when it names none
    use_id: int
    replayed: bool = False

    @classmethod
    def of(cls, coupon: Coupon, use: CouponServiceUse, *, replayed: bool = False) -> ServiceResult:
        return cls(coupon.id, coupon.member_id, coupon.service or coupon.title, use.id, replayed)

    @property
    def changes(self) -> Changes:
        return NOTHING if self.replayed else Changes.of_member(self.member_id, coupons=True)


def redeem_service(coupon_id: int, member_id: MemberId, operator: Operator, *, uid: str,
                   at: dt.datetime | None = None) -> ServiceResult:
    """兑换体验券: the member receives the coupon's service at the counter; no sale, no amount.

    Recorded (a ``CouponServiceUse`` row and its audited operation) once only: the same
    ``uid`` again is a replay, and a coupon redeemed before is refused.
    """
    require(operator, Permission.REDEEM)
    at = at or operations.now()
    key = f"{OperationKind.REDEEM_SERVICE.value}:{uid}"
    with write_transaction():
        step = operations.keyed(key, OperationKind.REDEEM_SERVICE, operator, at)
        if step.done is not None:
            use = CouponServiceUse.get(CouponServiceUse.operation == step.done.id)
            return ServiceResult.of(Coupon.get_by_id(use.coupon_id), use, replayed=True)
        coupon = Coupon.get_or_none(Coupon.id == coupon_id)
        if coupon is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这张券。"))
        if coupon.kind != CouponKind.SERVICE:
            raise CouponError(QT_TRANSLATE_NOOP(
                "core", "这张券是{kind}，请在收银时抵扣货款。"), kind=term(CouponKind.label_of(coupon.kind)))
        _check_free(coupon, member_id, at.date())
        member = Member.get_or_none(Member.id == member_id)
        if member is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这位会员。"))
        detail = f"{member.name}（{member.card_no}）兑换{coupon.service or coupon.title}，券号 {coupon.code}"
        op = operations.start(key, OperationKind.REDEEM_SERVICE, operator, at, subject=f"coupon:{coupon.id}",
                              detail=detail)
        use = CouponServiceUse.create(coupon=coupon, operation=op, staff=operator.id, used_at=at)
        return ServiceResult.of(coupon, use)


def describe_what(kind: CouponKind, value_fen: int, percent_off: int, min_spend_fen: int, service: str) -> Sentence:
    """What a coupon gives: ``满100.00减10.00``, ``9折（减10%）``, ``5.00元代金券``, ``体验券：免费测血压``."""
    if kind == CouponKind.PERCENT:
        return Sentence(QT_TRANSLATE_NOOP("core", "{rate}折（减{percent}%）"), rate=f"{(100 - percent_off) / 10:g}",
                        percent=percent_off)
    if kind == CouponKind.THRESHOLD:
        return Sentence(QT_TRANSLATE_NOOP("core", "满{min_spend}减{value}"), min_spend=yuan(min_spend_fen),
                        value=yuan(value_fen))
    if kind == CouponKind.FIXED:
        return Sentence(QT_TRANSLATE_NOOP("core", "{amount}元{kind}"), amount=yuan(value_fen), kind=term(kind.label))
    return Sentence(QT_TRANSLATE_NOOP("core", "{kind}：{service}"), kind=term(kind.label), service=service)


def describe(coupon: Coupon) -> Sentence:
    """A one-line description for lists and the counter: ``满100.00减10.00（至 2026-12-01）``."""
    what = describe_what(CouponKind.of(coupon.kind), coupon.value_fen, coupon.percent_off, coupon.min_spend_fen,
                         coupon.service or coupon.title)
    return Sentence(QT_TRANSLATE_NOOP("core", "{what}（至 {until}）"), what=what, until=f"{coupon.valid_until:%Y-%m-%d}")
