"""优惠券: issuing, checking and pricing coupons. Each is used at most once.

A use is its own row (``CouponUse``), never a change to the coupon; a return that gives
the coupon back says so on the return. ``coupon_in_use`` (the view ``CouponInUse``) is
each coupon's use still in force.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from pharmacy_desk.core.errors import CouponError, InvalidInput
from pharmacy_desk.core.ids import MemberId
from pharmacy_desk.core.models import Coupon, CouponInUse, Staff
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.vocabulary import CouponKind


def _code_for(issue_key: str) -> str:
    """A short printable code derived from the issue key, so re-running a campaign is stable."""
    return "C" + hashlib.sha1(issue_key.encode()).hexdigest()[:10].upper()


def issue(*, member_id: MemberId | None, kind: str, title: str, reason: str, issue_key: str,
          operator: Staff, valid_from: dt.date, valid_days: int, value_fen: int = 0,
          percent_off: int = 0, min_spend_fen: int = 0, at: dt.datetime | None = None) -> Coupon:
    """Issue one coupon; the same ``issue_key`` never issues a second one. Call in a transaction."""
    existing = Coupon.get_or_none(Coupon.issue_key == issue_key)
    if existing is not None:
        return existing
    if not CouponKind.has(kind):
        raise InvalidInput(f"未知的券类型：{kind}")
    if kind in (CouponKind.FIXED, CouponKind.THRESHOLD) and value_fen <= 0:
        raise InvalidInput("代金券和满减券的金额必须大于零。")
    if kind == CouponKind.PERCENT and not 0 < percent_off < 100:
        raise InvalidInput("折扣券的折扣必须在1%到99%之间。")
    if valid_days <= 0:
        raise InvalidInput("券的有效期必须至少一天。")
    return Coupon.create(
        code=_code_for(issue_key), issue_key=issue_key, member=member_id, kind=kind, title=title,
        value_fen=value_fen, percent_off=percent_off, min_spend_fen=min_spend_fen,
        valid_from=valid_from, valid_until=valid_from + dt.timedelta(days=valid_days - 1),
        reason=reason, issued_at=at or dt.datetime.now().replace(microsecond=0), issued_by=operator)


def discount_fen(coupon: Coupon, total_fen: int) -> int:
    """What the coupon takes off a sale of ``total_fen`` (never more than the total)."""
    if coupon.kind == CouponKind.FIXED:
        return min(coupon.value_fen, total_fen)
    if coupon.kind == CouponKind.THRESHOLD:
        return min(coupon.value_fen, total_fen) if total_fen >= coupon.min_spend_fen else 0
    if coupon.kind == CouponKind.PERCENT:
        return total_fen * coupon.percent_off // 100
    return 0


def in_use(coupon_id: int) -> CouponInUse | None:
    """The sale the coupon is used on (and when), or None when it is free to use."""
    return CouponInUse.get_or_none(CouponInUse.coupon == coupon_id)


def not_in_use():
    """A condition on ``Coupon``: no sale holds it."""
    return Coupon.id.not_in(CouponInUse.select(CouponInUse.coupon))


def check_usable(coupon: Coupon, member_id: MemberId | None, total_fen: int, today: dt.date) -> None:
    """Raise ``CouponError`` with the reason a coupon cannot be used on this sale."""
    use = in_use(coupon.id)
    if use is not None:
        raise CouponError(f"这张券已在 {use.used_at:%Y-%m-%d} 使用过。")
    if coupon.member_id is not None and coupon.member_id != member_id:
        raise CouponError("这张券不属于当前会员。")
    if today < coupon.valid_from:
        raise CouponError(f"这张券 {coupon.valid_from:%Y-%m-%d} 起才能使用。")
    if today > coupon.valid_until:
        raise CouponError(f"这张券已于 {coupon.valid_until:%Y-%m-%d} 过期。")
    if coupon.kind == CouponKind.SERVICE:
        raise CouponError("体验券用于兑换服务，不能抵扣货款。")
    if total_fen < coupon.min_spend_fen:
        raise CouponError(f"消费满 {yuan(coupon.min_spend_fen)} 元才能使用这张券。")


def usable_for(member_id: MemberId, today: dt.date) -> list[Coupon]:
    """The member's coupons that are unused and valid today, soonest to expire first."""
    return list(Coupon.select().where(
        (Coupon.member == member_id) & not_in_use()
        & (Coupon.valid_from <= today) & (Coupon.valid_until >= today)
    ).order_by(Coupon.valid_until, Coupon.id))


def describe(coupon: Coupon) -> str:
    """A one-line description for lists and receipts: ``满100减10 (至 2026-12-01)``."""
    if coupon.kind == CouponKind.PERCENT:
        what = f"{(100 - coupon.percent_off) / 10:g}折"
    elif coupon.kind == CouponKind.THRESHOLD:
        what = f"满{yuan(coupon.min_spend_fen)}减{yuan(coupon.value_fen)}"
    elif coupon.kind == CouponKind.FIXED:
        what = f"{yuan(coupon.value_fen)}元{CouponKind.FIXED.label}"
    else:
        what = coupon.title
    return f"{what}（至 {coupon.valid_until:%Y-%m-%d}）"
