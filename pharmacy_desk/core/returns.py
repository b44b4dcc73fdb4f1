"""退货: returning a sale, whole or in part.

Money and points-as-cash are taken back in proportion to the amount returned; the
member keeps exactly the points the kept goods would have earned under the sale's
own rule (its whole blocks or pro rata, its rates and bonuses; a sale recorded before
the rule was kept gives back points in proportion). Everything is computed
cumulatively (what is due after this return minus what was already settled), so a
sale returned in several parts settles to exactly the same totals as one returned at once. The coupon goes back when the whole sale has
come back: a coupon cannot be split. The money goes back the way it was paid
(``core.refunds``), and a tier the returned sale had lifted the member to is reviewed
at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_FLOOR, Decimal
import dataclasses
from dataclasses import dataclass, field
from typing import Any, cast

from peewee import JOIN, fn

from pharmacy_desk.core import coupons, ledger, operations, settings, tiers
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound, NotPermitted, ReturnError
from pharmacy_desk.core.ids import CouponId, MemberId, SaleId, SaleLineId
from pharmacy_desk.core.models import (
    Member, Sale, SaleLine, SaleReturn, SaleReturnLine, SaleReturnPayment,
)
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.pricing import category_points
from pharmacy_desk.core.permissions import Permission, can, require
from pharmacy_desk.core.refunds import remaining_by_method, split_refund
from pharmacy_desk.core.vocabulary import LedgerKind, PaymentMethod, ReturnReason
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence
from pharmacy_desk.core.operator import Operator


def _share(whole: int, part: int, of: int) -> int:
    return whole * part // of if of else 0


def kept_points(sale: Sale, lines: Iterable[SaleLine], returned: dict[SaleLineId, int]) -> int | None:
    """The points the goods kept after ``returned`` (line id → fen) would have earned, priced
    as the sale was: its whole blocks or pro rata, each line's rate, its bonus factor. Never
    more than the sale earned; ``None`` for a sale recorded without its rule (before schema v10)."""
    lines = list(lines)
    if sale.points_pro_rata is None or sale.points_factor is None or any(
            None in (l.earn_base_fen, l.points_per_block, l.block_fen) for l in lines):
        return None
    kept_base: dict[tuple[int, int, int], int] = {}
    for line in lines:
        rule = (line.category_id, cast(int, line.points_per_block), cast(int, line.block_fen))
        # The kept part's base is floored, so a rounding never favours the member.
        kept = _share(cast(int, line.earn_base_fen), line.amount_fen - returned.get(line.id, 0), line.amount_fen)
        kept_base[rule] = kept_base.get(rule, 0) + kept
    base = sum(category_points(fen, per_block, block, pro_rata=bool(sale.points_pro_rata))
               for (_category, per_block, block), fen in kept_base.items())
    earned = int((Decimal(base) * sale.points_factor).to_integral_value(rounding=ROUND_FLOOR))
    return min(sale.points_earned, earned)


@dataclass(frozen=True)
class SaleToReturn:
    """A sale as the returns screen heads its lines: which receipt, whose, and what it came to."""

    id: SaleId
    receipt_no: str
    created_at: dt.datetime
    member_id: MemberId | None
    member_name: str | None  # None for a walk-in customer (散客)
    total_fen: int
    paid_fen: int
    points_used: int
    points_earned: int


def _sale_to_return(where) -> SaleToReturn | None:
    row = (Sale.select(Sale.id, Sale.receipt_no, Sale.created_at, Sale.member, Member.name, Sale.total_fen,
                       Sale.paid_fen, Sale.points_used, Sale.points_earned)
           .join(Member, JOIN.LEFT_OUTER).where(where).tuples().first())
    return SaleToReturn(*row) if row is not None else None


def find_sale(receipt_no: str) -> SaleToReturn:
    sale = _sale_to_return(Sale.receipt_no == receipt_no.strip())
    if sale is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到小票号 {receipt_no} 的消费记录。"), receipt_no=receipt_no)
    return sale


def sale_to_return(sale_id: SaleId) -> SaleToReturn:
    sale = _sale_to_return(Sale.id == sale_id)
    if sale is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这笔消费。"))
    return sale


def returned_amounts(sale_id: SaleId) -> dict[SaleLineId, int]:
    """Amount (fen, list price) already returned, per sale line."""
    rows = (SaleReturnLine.select(SaleReturnLine.sale_line, fn.SUM(SaleReturnLine.amount_fen))
            .join(SaleReturn).where(SaleReturn.sale == sale_id)
            .group_by(SaleReturnLine.sale_line).tuples())
    return dict(cast("Iterable[tuple[SaleLineId, int]]", rows))


def returnable_amounts(sale_id: SaleId) -> dict[SaleLineId, int]:
    """What can still be returned of each line."""
    done = returned_amounts(sale_id)
    return {line.id: line.amount_fen - done.get(line.id, 0)
            for line in SaleLine.select().where(SaleLine.sale == sale_id)}


@dataclass(frozen=True)
class ReturnRecord:
    """A recorded return as the counter reads it back; the stored row stays inside core."""

    id: int
    sale_id: SaleId
    member_id: MemberId | None
    refund_fen: int
    points_refunded: int
    points_clawed: int
    points_shortfall: int
    coupon_restored: bool


def _record_of(row: SaleReturn, member_id: MemberId | None) -> ReturnRecord:
    return ReturnRecord(row.id, SaleId(row.sale_id), member_id, row.refund_fen, row.points_refunded,
                        row.points_clawed, row.points_shortfall, bool(row.coupon_restored))


@dataclass
class ReturnResult:
    sale_return: ReturnRecord
    balance: int
    replayed: bool = False
    refunds: dict[str, int] = field(default_factory=dict)  # method → fen given back on it
    tier_after: tiers.TierRow | None = None  # the tier the member went back to, when the sale had lifted it

    @property
    def changes(self) -> Changes:
        if self.replayed:
            return NOTHING
        member_id = self.sale_return.member_id
        return Changes.of_member(member_id, sales=True, ledger=member_id is not None,
                                 coupons=self.sale_return.coupon_restored)


def refunds_of(sale_return_id: int) -> dict[str, int]:
    """What a return gave back, by payment method, in the order methods are listed."""
    rows = dict(cast("Iterable[tuple[str, int]]", SaleReturnPayment.select(
        SaleReturnPayment.method, SaleReturnPayment.amount_fen)
        .where(SaleReturnPayment.sale_return == sale_return_id).tuples()))
    return {m.value: rows[m.value] for m in PaymentMethod if m.value in rows}


def needs_approval(refund_fen: int, sold_at: dt.datetime, at: dt.datetime) -> Sentence | None:
    """Why this return needs the owner's approval (a big refund, an old sale), or None."""
    limit, days = settings.get("return_approval_fen"), settings.get("return_approval_days")
    if refund_fen > limit:
        return Sentence(QT_TRANSLATE_NOOP("core", "退款 {amount} 元超过 {limit} 元"), amount=yuan(refund_fen), limit=yuan(limit))
    if (at.date() - sold_at.date()).days > days:
        return Sentence(QT_TRANSLATE_NOOP("core", "这笔消费已超过 %n 天"), n=days)
    return None


@dataclass(frozen=True)
class ReturnPlan:
    """What returning ``amounts`` of a sale would do, worked out before anything is written."""

    sale_id: SaleId
    coupon_id: CouponId | None  # the sale's coupon, given back when the whole sale is returned
    refund_fen: int
    refunds: dict[str, int]  # method → fen
    points_refunded: int
    points_to_claw: int
    fully_returned: bool
    approval_reason: Sentence | None  # why the owner must approve, or None
    # Of ``points_to_claw``, what the member has already spent and the return cannot take back
    # (worked out by ``plan_return`` from the balance as it stands; the return itself reads it again).
    points_short: int = 0

    @property
    def points_clawed(self) -> int:
        return self.points_to_claw - self.points_short


def plan_return(sale_id: SaleId, amounts: dict[SaleLineId, int] | None = None,
                at: dt.datetime | None = None) -> ReturnPlan:
    """The refund by method, the points and the coupon a return would settle; refuses what cannot be returned."""
    at = at or operations.now()
    sale, _rows, plan = _worked_out(sale_id, amounts, at)
    return dataclasses.replace(plan, points_short=_claw_split(sale, plan, at)[1])


def _claw_split(sale: Sale, plan: ReturnPlan, at: dt.datetime) -> tuple[int, int]:
    """The points a return takes back and those it cannot (the member spent them): the usable
    balance, with the points the return gives back first, is all it can take."""
    if sale.member_id is None or not plan.points_to_claw:
        return 0, 0
    usable = ledger.usable_points(sale.member_id, at.date()) + plan.points_refunded
    clawed = min(plan.points_to_claw, usable)
    return clawed, plan.points_to_claw - clawed


def _worked_out(sale_id: SaleId, amounts: dict[SaleLineId, int] | None,
                at: dt.datetime) -> tuple[Sale, list[dict[str, Any]], ReturnPlan]:
    """The sale, the SaleReturnLine rows (without their return) and the plan of returning ``amounts``."""
    sale = Sale.get_or_none(Sale.id == sale_id)
    if sale is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这笔消费。"))
    lines = {line.id: line for line in SaleLine.select().where(SaleLine.sale == sale.id)}
    before = returned_amounts(sale.id)
    wanted = amounts if amounts is not None else {i: l.amount_fen - before.get(i, 0) for i, l in lines.items()}
    wanted = {i: a for i, a in wanted.items() if a}
    if not wanted:
        raise ReturnError(QT_TRANSLATE_NOOP("core", "这笔消费已全部退货，没有可退的金额。"))
    for line_id, amount in wanted.items():
        if line_id not in lines:
            raise ReturnError(QT_TRANSLATE_NOOP("core", "退货的商品不属于这笔消费。"))
        left = lines[line_id].amount_fen - before.get(line_id, 0)
        if amount < 0 or amount > left:
            raise ReturnError(QT_TRANSLATE_NOOP("core", "退货金额超出可退金额（该项最多还可退 {amount} 元）。"), amount=yuan(left))
    after = {i: before.get(i, 0) + wanted.get(i, 0) for i in lines}

    def settled(attr: str, returned: dict[SaleLineId, int]) -> int:
        return sum(_share(getattr(l, attr), returned.get(i, 0), l.amount_fen) for i, l in lines.items())

    def this_time(attr: str, line: SaleLine) -> int:
        return (_share(getattr(line, attr), after[line.id], line.amount_fen)
                - _share(getattr(line, attr), before.get(line.id, 0), line.amount_fen))

    line_rows: list[dict[str, Any]] = [
        dict(sale_line=lines[i], amount_fen=amount, paid_fen=this_time("paid_fen", lines[i]),
             points_cash_share_fen=this_time("points_cash_share_fen", lines[i]))
        for i, amount in wanted.items()]
    refund_fen = sum(r["paid_fen"] for r in line_rows)
    insurance_share = settled("insurance_share_fen", after) - settled("insurance_share_fen", before)
    cash_total = sum(l.points_cash_share_fen for l in lines.values())
    base_total = sum(l.points_base for l in lines.values())
    kept_before, kept_after = kept_points(sale, lines.values(), before), kept_points(sale, lines.values(), after)
    if kept_before is not None and kept_after is not None:
        points_to_claw = kept_before - kept_after
    else:
        points_to_claw = (_share(sale.points_earned, settled("points_base", after), base_total)
                          - _share(sale.points_earned, settled("points_base", before), base_total))
    return sale, line_rows, ReturnPlan(
        sale_id=SaleId(sale.id), coupon_id=sale.coupon_id, refund_fen=refund_fen,
        refunds=split_refund(refund_fen, insurance_share, remaining_by_method(sale.id)),
        points_refunded=(_share(sale.points_used, settled("points_cash_share_fen", after), cash_total)
                         - _share(sale.points_used, settled("points_cash_share_fen", before), cash_total)),
        points_to_claw=points_to_claw,
        fully_returned=all(after[i] == l.amount_fen for i, l in lines.items()),
        approval_reason=needs_approval(refund_fen, sale.created_at, at))


def return_sale(*, sale_id: SaleId, operator: Operator, uid: str, amounts: dict[SaleLineId, int] | None = None,
                reason: str = ReturnReason.OTHER, approved_by: Operator | None = None,
                at: dt.datetime | None = None) -> ReturnResult:
    """Return ``amounts`` (sale line id → fen) of a sale, or everything still returnable.

    The money goes back by the sale's payment methods (``refunds.split_refund``); a big
    refund or an old sale needs ``approved_by`` (or the operator) to hold APPROVE_RETURN.
    """
    require(operator, Permission.RETURN)
    if not ReturnReason.has(reason):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "请选择退货原因。"))
    at = at or operations.now()
    with write_transaction():
        step = operations.keyed(f"return:{uid}", "return", operator, at)
        if step.done is not None:
            recorded = SaleReturn.get(SaleReturn.uid == uid)
            member_id = recorded.sale.member_id
            return ReturnResult(_record_of(recorded, member_id), ledger.balance(member_id) if member_id else 0,
                                replayed=True,
                                refunds=refunds_of(recorded.id))
        sale, line_rows, plan = _worked_out(sale_id, amounts, at)
        if plan.approval_reason is not None and not can(approved_by or operator, Permission.APPROVE_RETURN):
            try:
                require(approved_by or operator, Permission.APPROVE_RETURN)
            except NotPermitted as refusal:
                raise NotPermitted(QT_TRANSLATE_NOOP(
                    "core", "{approval_reason}，需要店长批准：{refusal}"),
                    approval_reason=plan.approval_reason, refusal=refusal.sentence) from None
        # Everything the return row records is worked out first: the row is never changed.
        clawed, shortfall = _claw_split(sale, plan, at)
        in_use = coupons.in_use(sale.coupon_id) if plan.fully_returned and sale.coupon_id is not None else None
        restored = in_use is not None and in_use.sale_id == sale.id

        op = step.start(subject=f"sale:{sale.id}")
        record = SaleReturn.create(uid=uid, sale=sale, created_at=at, staff=operator.id, refund_fen=plan.refund_fen,
                                   reason=reason, points_refunded=plan.points_refunded, points_clawed=clawed,
                                   points_shortfall=shortfall, coupon_restored=restored)
        SaleReturnLine.insert_many([dict(r, sale_return=record) for r in line_rows]).execute()
        if plan.refunds:
            SaleReturnPayment.insert_many([dict(sale_return=record, method=m, amount_fen=a)
                                           for m, a in plan.refunds.items()]).execute()
        tier_after = None
        if sale.member_id is not None:
            if plan.points_refunded:
                ledger.credit(sale.member_id, LedgerKind.REFUND, plan.points_refunded, op, at, sale=sale,
                              sale_return=record, reason=QT_TRANSLATE_NOOP("core", "退货退回抵现积分"))
            if clawed:
                ledger.debit(sale.member_id, LedgerKind.CLAWBACK, clawed, op, at, operator=operator, sale=sale,
                             sale_return=record, reason=QT_TRANSLATE_NOOP("core", "退货扣回所得积分"))
            tier_after = tiers.review_after_return(Member.get_by_id(sale.member_id), sale, op, at)
        balance = ledger.balance(sale.member_id) if sale.member_id else 0
        return ReturnResult(_record_of(record, sale.member_id), balance, refunds=plan.refunds, tier_after=tier_after)
