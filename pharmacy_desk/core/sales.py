"""消费: pricing and recording a sale in one transaction.

``preview`` answers the till's live question (what is due, how many points) and
``record_sale`` writes exactly what the preview showed. A sale's ``uid`` is made
by the till before it submits, so a retried or double-submitted sale is recorded once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast


from pharmacy_desk.core import (
    bonuses, chain, coupons, dialect, ledger, operations, prepared, rule_cache, sale_size, settings, tiers,
    till_state,
)
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NeedsConfirmation, NotFound, PointsError
from pharmacy_desk.core.ids import CouponId, MemberId, SaleId
from pharmacy_desk.core.models import (
    Category, Coupon, CouponUse, Member, Payment, Sale, SaleLine,
)
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.pricing import LineRule, Quote, points_cash_value, quote
from pharmacy_desk.core.redemption import check_cap
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.vocabulary import LedgerKind, PaymentMethod
from pharmacy_desk.core.operator import Operator


@dataclass
class LineInput:
    category: str  # Category.code
    amount_fen: int
    description: str = ""
    quantity: int = 1
    days_supply: int | None = None


@dataclass
class SaleInput:
    lines: list[LineInput]
    payments: dict[str, int] = field(default_factory=dict)
    member_id: MemberId | None = None
    coupon_id: CouponId | None = None
    points_used: int = 0
    # The categories (codes) the cashier marked as paid by 医保; None: prescription first (``pricing``).
    insured_categories: tuple[str, ...] | None = None
    # The cashier confirmed an unusually large amount (``sale_size.confirm_reason``).
    amount_confirmed: bool = False


@dataclass
class SalePreview:
    quote: Quote
    member: Member | None
    coupon: Coupon | None  # the bonuses and factor the points were earned with are in ``quote``
    # Why the amount must be confirmed before recording (far above the usual, a big sale), or None.
    confirm_reason: Sentence | None = None
    # The categories the lines were priced with, so recording the sale need not read them again.
    categories: dict[str, Category] = field(default_factory=dict, repr=False)
    # Paying with points: the member's open lots as read (due ones included), for the debit.
    lots: list[ledger.Lot] | None = field(default=None, repr=False)


@dataclass(frozen=True)
class SaleRecord:
    """A recorded sale as the counter and its receipt read it back; the stored row stays inside core."""

    id: SaleId
    receipt_no: str
    member_id: MemberId | None
    total_fen: int
    coupon_id: CouponId | None
    coupon_discount_fen: int
    points_used: int
    points_cash_fen: int
    paid_fen: int
    insurance_fen: int
    points_earned: int


def _record_of(row: Sale) -> SaleRecord:
    return SaleRecord(row.id, row.receipt_no, row.member_id, row.total_fen, row.coupon_id, row.coupon_discount_fen,
                      row.points_used, row.points_cash_fen, row.paid_fen, row.insurance_fen, row.points_earned)


@dataclass
class SaleResult:
    sale: SaleRecord
    balance: int
    new_tier: tiers.TierRow | None = None  # the tier this sale lifted the member to
    replayed: bool = False

    @property
    def changes(self) -> Changes:
        if self.replayed:
            return NOTHING  # recorded the first time; nothing new now
        member_id = self.sale.member_id
        return Changes.of_member(member_id, sales=True, ledger=member_id is not None,
                                 coupons=self.sale.coupon_id is not None)


@dataclass(frozen=True)
class TillCategory:
    """A category as the till shows it: one amount field, with its shortcut key."""

    code: str
    name: str
    hotkey: str
    is_prescription: bool  # asks how many days the medicine lasts (the refill reminder)


def till_categories() -> list[TillCategory]:
    """The categories in the order the till lays out their amount fields."""
    rows = (Category.select(Category.code, Category.name, Category.hotkey, Category.is_prescription)
            .order_by(Category.sort_order, Category.id).tuples())
    return [TillCategory(*row) for row in cast("Iterable[tuple[str, str, str, bool]]", rows)]


# Every category by code, read again only when a rule changed (the rows are shared: never change them).
_categories_by_code = rule_cache.Cached(lambda: {c.code: c for c in Category.select()})


def _categories(lines: list[LineInput]) -> dict[str, Category]:
    known = _categories_by_code.get()
    codes = {line.category for line in lines}
    missing = codes - set(known)
    if missing:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "未知的商品类别：{items}"), items=Joined(sorted(missing)))
    return {code: known[code] for code in codes}


@dataclass(frozen=True)
class PricedSale:
    """A sale priced and checked before it is recorded, as the till shows it."""

    quote: Quote
    member_id: MemberId | None  # None: a walk-in, who earns no points
    confirm_reason: Sentence | None  # why the amount must be confirmed before recording, or None


def preview(sale: SaleInput, at: dt.datetime | None = None) -> PricedSale:
    """Price the sale and check every rule, without writing anything.

    The whole preview reads the rules' stamp once: it prices with one set of rules.
    """
    with rule_cache.pinned():
        priced = _preview(sale, at)
    return PricedSale(priced.quote, None if priced.member is None else MemberId(priced.member.id),
                      priced.confirm_reason)


# ``_preview`` reads the member itself unless it is given one read already.
_UNREAD = object()


def _preview(sale: SaleInput, at: dt.datetime | None, member: Member | None | object = _UNREAD, *,
             confirming: bool = True, cap_used_fen: int | None = None) -> SalePreview:
    """``preview``; ``confirming=False`` when the amount's reason is not wanted (it is confirmed
    already, or the caller only looks for refusals); ``cap_used_fen``: what the month's
    redemption cap has used, when read already (``till_state``)."""
    at = at or operations.now()
    today = at.date()
    if not sale.lines:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "请至少录入一笔金额。"))
    if any(line.amount_fen <= 0 for line in sale.lines):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "每个类别的金额都必须大于零。"))
    for method, amount in sale.payments.items():
        if not PaymentMethod.has(method):
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "未知的支付方式：{method}"), method=method)
        if amount < 0:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "支付金额不能为负数。"))
    categories = _categories(sale.lines)
    rules = [LineRule(categories[l.category].id, l.amount_fen, categories[l.category].points_per_block,
                      categories[l.category].block_fen, categories[l.category].is_prescription)
             for l in sale.lines]
    insured_lines = None
    if sale.insured_categories is not None:
        marked = set(sale.insured_categories)
        insured_lines = [i for i, line in enumerate(sale.lines) if line.category in marked]
    total = sum(line.amount_fen for line in sale.lines)
    sale_size.check_ceiling(total)

    if member is _UNREAD:
        member = None if sale.member_id is None else Member.get_or_none(Member.id == sale.member_id)
    if sale.member_id is not None and member is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这位会员。"))
    assert member is None or isinstance(member, Member)

    coupon, discount = None, 0
    if sale.coupon_id is not None:
        coupon = Coupon.get_or_none(Coupon.id == sale.coupon_id)
        if coupon is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这张券。"))
        coupons.check_usable(coupon, sale.member_id, total, today)
        discount = coupons.discount_fen(coupon, total)

    points_cash, lots = 0, None
    if sale.points_used:
        if member is None:
            raise PointsError(QT_TRANSLATE_NOOP("core", "散客不能使用积分。"))
        # The balance first: pricing the points takes time in proportion to how many there are.
        # The lots due today are read too: spending points expires them first (``ledger.debit``).
        lots = ledger.open_lots(member.id)
        usable = sum(lot.remaining for lot in lots if lot.expires_on > today)
        if sale.points_used > usable:
            raise PointsError(QT_TRANSLATE_NOOP(
                "core", "积分不足：需要 {points} 分，可用 {usable} 分。"), points=sale.points_used, usable=usable)
        points_cash = points_cash_value(sale.points_used, settings.get("redeem_blocks"))
        if points_cash > total - discount:
            raise PointsError(QT_TRANSLATE_NOOP(
                "core", "积分抵现 {amount} 元超过应付金额 {due} 元。"), amount=yuan(points_cash),
                due=yuan(total - discount))
        check_cap(member.id, points_cash, today, tiers.tier_of(member.tier_id), cap_used_fen)

    due = total - discount - points_cash
    insurance = sale.payments.get(PaymentMethod.INSURANCE, 0)
    if insurance > due:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "core", "医保支付 {amount} 元超过应付金额 {due} 元。"), amount=yuan(insurance), due=yuan(due))

    # A walk-in earns no points at all; a member's points are multiplied by every bonus rule that applies.
    earning = None if member is None else bonuses.bonuses_for(member, today)
    result = quote(rules, coupon_discount_fen=discount, points_cash_fen=points_cash,
                   insurance_fen=insurance, insurance_earns=settings.get("insurance_earns_points"),
                   bonuses=earning, insured_lines=insured_lines, pro_rata=settings.get("points_pro_rata"))
    reason = sale_size.confirm_reason(total, member.id if member else None) if confirming else None
    return SalePreview(result, member, coupon, categories=categories, confirm_reason=reason, lots=lots)


def next_receipt_no(at: dt.datetime) -> tuple[str, tuple[str, str, str]]:
    """The next receipt number of ``at``'s day (``20261201-0042``), as the sale's INSERT works it out.

    (SQL expression, its parameters) for ``prepared.create``'s ``computed``: the number is
    taken from the day's counter in the INSERT itself, and the INSERT moves the counter on
    (``dialect.SALE_TRIGGERS``), so numbering a receipt sends no statement of its own.
    """
    day = f"{at:%Y%m%d}"
    return dialect.NEXT_RECEIPT_NO, (day, day, dialect.prefix_pattern(f"{day}-"))


def record_sale(sale: SaleInput, *, operator: Operator, uid: str, at: dt.datetime | None = None) -> SaleResult:
    """Record the sale, its points and coupon, and any tier upgrade, all or nothing.

    Under the write lock one statement reads what the sale needs (``till_state``), the
    rules come from their cache and the rows are written by prepared statements; the
    sale's INSERT numbers its receipt and keeps the day's counter and the member's running
    figures (``dialect.SALE_TRIGGERS``). A member's sale is eight statements, BEGIN and
    COMMIT included, a walk-in's seven, two more when it lifts the tier
    (``tests/test_sale_statements.py`` lists each kind).
    """
    require(operator, Permission.SELL)
    at = at or operations.now()
    key = f"sale:{uid}"
    if not key.rpartition(":")[2].strip():  # as ``operations.keyed`` refuses a key without its id
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "操作缺少唯一编号。"))
    # The trailing period as last read; checked against the rules read under the lock below.
    months = settings.assumed("tier_period_months")
    since = tiers.period_start(at.date(), months)
    cap = bool(sale.points_used)  # paying with points: the month's redemption cap is read with the rest
    if sale.points_used or sale.coupon_id is not None:
        # The refusals that need reading (the balance, the monthly cap, the coupon) are found
        # before the write lock, so such a refused sale never makes another till wait; under
        # the lock it is all checked again. A plain sale's refusals are about what was typed.
        with rule_cache.pinned():
            ahead = till_state.read(key, sale.member_id, since, at, cap=cap)
            if ahead.done_kind is None:
                _preview(sale, at, ahead.member, confirming=False, cap_used_fen=ahead.cap_used_fen)
    with write_transaction():
        state = till_state.read(key, sale.member_id, since, at, cap=cap)
        if state.done_kind is not None:
            if state.done_kind != "sale":
                raise InvalidInput(QT_TRANSLATE_NOOP("core", "操作编号“{key}”已被另一项操作使用，本次操作没有执行。"), key=key)
            recorded = Sale.get(Sale.uid == uid)
            balance = ledger.balance(recorded.member_id) if recorded.member_id else 0
            return SaleResult(_record_of(recorded), balance, replayed=True)
        # A confirmed amount needs no reason: a big sale need not read the member's usual one.
        priced = _preview(sale, at, state.member, confirming=not sale.amount_confirmed,
                          cap_used_fen=state.cap_used_fen)
        if priced.confirm_reason is not None and not sale.amount_confirmed:
            raise NeedsConfirmation(priced.confirm_reason)
        q = priced.quote
        payments = {m: a for m, a in sale.payments.items() if a}
        if sum(payments.values()) != q.due_fen:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "core", "支付合计 {amount} 元与应付 {due} 元不符。"),
                amount=yuan(sum(payments.values())), due=yuan(q.due_fen))
        with chain.heads_known(state.heads):
            return _write(sale, priced, payments, state, operator, key, at,
                          period_as_read=months == settings.get("tier_period_months"))


def _write(sale: SaleInput, priced: SalePreview, payments: dict[str, int], state: till_state.TillState,
           operator: Operator, key: str, at: dt.datetime, *, period_as_read: bool) -> SaleResult:
    """The rows of a priced sale, inside its write transaction."""
    q, member = priced.quote, priced.member
    row = prepared.create(
        Sale, computed={"receipt_no": next_receipt_no(at)}, uid=key.removeprefix("sale:"), member=member,
        staff=operator.id,
        owner_staff=member.owner_staff_id if member else None, created_at=at, total_fen=q.total_fen,
        coupon=priced.coupon, coupon_discount_fen=q.coupon_discount_fen, points_used=sale.points_used,
        points_cash_fen=q.points_cash_fen, paid_fen=q.due_fen, insurance_fen=payments.get(PaymentMethod.INSURANCE, 0),
        points_earned=q.points_earned, points_factor=q.factor, points_bonuses=bonuses.encode(q.bonuses),
        points_pro_rata=q.pro_rata)
    op = operations.start(key, "sale", operator, at, subject=f"sale:{row.id}")
    categories = priced.categories
    prepared.insert_many(SaleLine, LINE_FIELDS, [
        (row.id, categories[line.category].id, line.description, line.quantity, line.days_supply, line.amount_fen,
         lq.coupon_share_fen, lq.points_cash_share_fen, lq.paid_fen, lq.insurance_share_fen, lq.points_base,
         lq.earn_base_fen, categories[line.category].points_per_block, categories[line.category].block_fen)
        for line, lq in zip(sale.lines, q.lines)])
    prepared.insert_many(Payment, ("sale", "method", "amount_fen"), [(row.id, m, a) for m, a in payments.items()])
    if priced.coupon is not None:
        # ``preview`` saw the coupon free under this same write lock, so no other sale took it since.
        CouponUse.create(coupon=priced.coupon, sale=row, used_at=at)
    if member is None:
        return SaleResult(_record_of(row), 0)
    if sale.points_used:
        ledger.debit(member.id, LedgerKind.REDEEM, sale.points_used, op, at, operator=operator, sale=row,
                     reason=QT_TRANSLATE_NOOP("core", "积分抵现"), lots=priced.lots)
    if row.points_earned:
        ledger.credit(member.id, LedgerKind.EARN, row.points_earned, op, at, sale=row)
    # The spend read before this sale, with it; read again if the period changed meanwhile.
    known = (state.spend_fen + row.paid_fen - state.refunded_fen, state.visits + 1) if period_as_read else None
    new_tier = tiers.upgrade_after_sale(member, op, at, known)
    # Spending points expired the lots whose day had come first (``ledger.debit``).
    expired = sum(lot.remaining for lot in priced.lots or () if lot.expires_on <= at.date())
    balance = state.balance - expired - sale.points_used + row.points_earned
    return SaleResult(_record_of(row), balance, new_tier)


LINE_FIELDS = ("sale", "category", "description", "quantity", "days_supply", "amount_fen", "coupon_share_fen",
               "points_cash_share_fen", "paid_fen", "insurance_share_fen", "points_base", "earn_base_fen",
               "points_per_block", "block_fen")
