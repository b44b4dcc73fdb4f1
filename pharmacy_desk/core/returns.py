"""退货: returning a sale, whole or in part.

Money, points-as-cash and earned points are taken back in proportion to the
amount returned, computed cumulatively (what is due after this return minus what
was already settled), so a sale returned in several parts settles to exactly the
same totals as one returned at once. The coupon goes back when the whole sale has
come back: a coupon cannot be split.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from peewee import JOIN, fn

from pharmacy_desk.core import coupons, ledger, operations
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import NotFound, ReturnError
from pharmacy_desk.core.ids import MemberId, SaleId, SaleLineId
from pharmacy_desk.core.models import Member, Sale, SaleLine, SaleReturn, SaleReturnLine, Staff
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import LedgerKind


def _share(whole: int, part: int, of: int) -> int:
    return whole * part // of if of else 0


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
        raise NotFound(f"找不到小票号 {receipt_no} 的消费记录。")
    return sale


def sale_to_return(sale_id: SaleId) -> SaleToReturn:
    sale = _sale_to_return(Sale.id == sale_id)
    if sale is None:
        raise NotFound("找不到这笔消费。")
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


@dataclass
class ReturnResult:
    sale_return: SaleReturn
    balance: int
    replayed: bool = False

    @property
    def changes(self) -> Changes:
        if self.replayed:
            return NOTHING
        member_id = self.sale_return.sale.member_id
        return Changes.of_member(member_id, sales=True, ledger=member_id is not None,
                                 coupons=self.sale_return.coupon_restored)


def return_sale(*, sale_id: SaleId, operator: Staff, uid: str, amounts: dict[SaleLineId, int] | None = None,
                reason: str = "", at: dt.datetime | None = None) -> ReturnResult:
    """Return ``amounts`` (sale line id → fen) of a sale, or everything still returnable."""
    require(operator, Permission.RETURN)
    at = at or operations.now()
    with write_transaction():
        step = operations.keyed(f"return:{uid}", "return", operator, at)
        if step.done is not None:
            recorded = SaleReturn.get(SaleReturn.uid == uid)
            member_id = recorded.sale.member_id
            return ReturnResult(recorded, ledger.balance(member_id) if member_id else 0, replayed=True)
        sale = Sale.get_or_none(Sale.id == sale_id)
        if sale is None:
            raise NotFound("找不到这笔消费。")
        lines = {line.id: line for line in SaleLine.select().where(SaleLine.sale == sale.id)}
        before = returned_amounts(sale.id)
        wanted = amounts if amounts is not None else {i: l.amount_fen - before.get(i, 0) for i, l in lines.items()}
        wanted = {i: a for i, a in wanted.items() if a}
        if not wanted:
            raise ReturnError("这笔消费已全部退货，没有可退的金额。")
        for line_id, amount in wanted.items():
            if line_id not in lines:
                raise ReturnError("退货的商品不属于这笔消费。")
            left = lines[line_id].amount_fen - before.get(line_id, 0)
            if amount < 0 or amount > left:
                raise ReturnError(f"退货金额超出可退金额（该项最多还可退 {yuan(left)} 元）。")
        after = {i: before.get(i, 0) + wanted.get(i, 0) for i in lines}

        def settled(attr: str, returned: dict[SaleLineId, int]) -> int:
            return sum(_share(getattr(l, attr), returned.get(i, 0), l.amount_fen) for i, l in lines.items())

        line_rows = []
        for line_id, amount in wanted.items():
            line = lines[line_id]
            line_rows.append(dict(
                sale_line=line, amount_fen=amount,
                paid_fen=_share(line.paid_fen, after[line_id], line.amount_fen)
                - _share(line.paid_fen, before.get(line_id, 0), line.amount_fen),
                points_cash_share_fen=_share(line.points_cash_share_fen, after[line_id], line.amount_fen)
                - _share(line.points_cash_share_fen, before.get(line_id, 0), line.amount_fen)))
        cash_total = sum(l.points_cash_share_fen for l in lines.values())
        base_total = sum(l.points_base for l in lines.values())
        refund_points = (_share(sale.points_used, settled("points_cash_share_fen", after), cash_total)
                         - _share(sale.points_used, settled("points_cash_share_fen", before), cash_total))
        claw_points = (_share(sale.points_earned, settled("points_base", after), base_total)
                       - _share(sale.points_earned, settled("points_base", before), base_total))
        fully_returned = all(after[i] == l.amount_fen for i, l in lines.items())

        # Everything the return row records is worked out first: the row is never changed.
        clawed = shortfall = 0
        if sale.member_id is not None and claw_points:
            usable = ledger.usable_points(sale.member_id, at.date()) + refund_points  # the refund comes first
            clawed = min(claw_points, usable)
            shortfall = claw_points - clawed
        in_use = coupons.in_use(sale.coupon_id) if fully_returned and sale.coupon_id is not None else None
        restored = in_use is not None and in_use.sale_id == sale.id

        op = step.start(subject=f"sale:{sale.id}")
        record = SaleReturn.create(uid=uid, sale=sale, created_at=at, staff=operator,
                                   refund_fen=sum(r["paid_fen"] for r in line_rows), reason=reason.strip(),
                                   points_refunded=refund_points, points_clawed=clawed,
                                   points_shortfall=shortfall, coupon_restored=restored)
        SaleReturnLine.insert_many([dict(r, sale_return=record) for r in line_rows]).execute()
        if sale.member_id is not None:
            if refund_points:
                ledger.credit(sale.member_id, LedgerKind.REFUND, refund_points, op, at, sale=sale,
                              sale_return=record, reason="退货退回抵现积分")
            if clawed:
                ledger.debit(sale.member_id, LedgerKind.CLAWBACK, clawed, op, at, sale=sale,
                             sale_return=record, reason="退货扣回所得积分")
        balance = ledger.balance(sale.member_id) if sale.member_id else 0
        return ReturnResult(record, balance)
