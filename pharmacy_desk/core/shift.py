"""交班: what one cashier took and gave back at the till, from sign-in to shift close.

A shift begins with the cashier's first sign-in after their last 交班, or, for the owner who
set the pharmacy up, with the set-up, which signs them in (signing out, locking and switching
cashiers in between do not end it), and ends when they close it.
The figures are read from the append-only money tables, so a shift report can be
worked out again later and comes out the same; closing a shift is recorded in the
audit log with its totals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from peewee import fn

from pharmacy_desk.core import audit, operations
from pharmacy_desk.core.models import (
    CouponUse, LedgerEntry, Operation, Payment, Sale, SaleReturn, SaleReturnPayment,
)
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import LedgerKind, OperationKind, PaymentMethod
from pharmacy_desk.core.operator import Operator

INSURANCE = PaymentMethod.INSURANCE.value


@dataclass(frozen=True)
class Totals:
    """The money and points of a period at the till, for one cashier or all of them."""

    sales: int = 0
    sales_fen: int = 0  # what the sales came to after coupons and points as cash (paid, 医保 included)
    paid_by: dict[str, int] = field(default_factory=dict)  # payment method → fen, 医保 among them
    returns: int = 0
    refunds_fen: int = 0
    refunded_by: dict[str, int] = field(default_factory=dict)
    points_issued: int = 0  # earned by the sales, before any return
    points_clawed: int = 0  # earned points a return took back
    points_shortfall: int = 0  # earned points a return could not take back: the member had spent them
    points_redeemed: int = 0  # as cash in sales and for gifts
    points_given_back: int = 0  # points used as cash or for a gift, given back by a return or a reversal
    coupons_used: int = 0
    new_members: int = 0

    @property
    def points_net_issued(self) -> int:
        """What the sales' points came to once the returns took theirs back; the shortfall stays given."""
        return self.points_issued - self.points_clawed

    @property
    def points_net_redeemed(self) -> int:
        """The points spent, less those given back."""
        return self.points_redeemed - self.points_given_back

    @property
    def insurance_fen(self) -> int:
        """医保 taken, less 医保 given back: the fund's money, never in the drawer."""
        return self.paid_by.get(INSURANCE, 0) - self.refunded_by.get(INSURANCE, 0)

    @property
    def takings_by_method(self) -> dict[str, int]:
        """What each method holds at the end, returns taken off; 医保 apart."""
        methods = [m.value for m in PaymentMethod if m.value != INSURANCE]
        net = {m: self.paid_by.get(m, 0) - self.refunded_by.get(m, 0) for m in methods}
        return {m: amount for m, amount in net.items() if amount or m in self.paid_by}


def _between(column, start: dt.datetime, end: dt.datetime):
    return (column >= start) & (column < end)


def totals(start: dt.datetime, end: dt.datetime, staff_id: int | None = None) -> Totals:
    """The till's figures from ``start`` up to ``end``, of one cashier or (``None``) everyone."""
    def mine(column):
        return True if staff_id is None else column == staff_id

    sales_where = _between(Sale.created_at, start, end) & mine(Sale.staff)
    count, paid = cast("tuple[int, int]", Sale.select(fn.COUNT(Sale.id), fn.COALESCE(fn.SUM(Sale.paid_fen), 0))
                       .where(sales_where).tuples().get())
    paid_by = dict(cast("Iterable[tuple[str, int]]",
                        Payment.select(Payment.method, fn.SUM(Payment.amount_fen)).join(Sale)
                        .where(sales_where).group_by(Payment.method).tuples()))
    returns_where = _between(SaleReturn.created_at, start, end) & mine(SaleReturn.staff)
    returns, refunds, shortfall = cast("tuple[int, int, int]", SaleReturn.select(
        fn.COUNT(SaleReturn.id), fn.COALESCE(fn.SUM(SaleReturn.refund_fen), 0),
        fn.COALESCE(fn.SUM(SaleReturn.points_shortfall), 0)).where(returns_where).tuples().get())
    refunded_by = dict(cast("Iterable[tuple[str, int]]",
                            SaleReturnPayment.select(SaleReturnPayment.method, fn.SUM(SaleReturnPayment.amount_fen))
                            .join(SaleReturn).where(returns_where).group_by(SaleReturnPayment.method).tuples()))
    ledger_where = _between(LedgerEntry.created_at, start, end) & mine(LedgerEntry.staff)
    points = dict(cast("Iterable[tuple[str, int]]",
                       LedgerEntry.select(LedgerEntry.kind, fn.SUM(LedgerEntry.points)).where(ledger_where)
                       .group_by(LedgerEntry.kind).tuples()))
    coupons_used = CouponUse.select().join(Sale).where(_between(CouponUse.used_at, start, end) & mine(Sale.staff)) \
        .count()
    new_members = Operation.select().where(
        (Operation.kind == OperationKind.REGISTER.value) & _between(Operation.created_at, start, end)
        & mine(Operation.staff)).count()
    return Totals(
        sales=count, sales_fen=paid, paid_by=paid_by, returns=returns, refunds_fen=refunds, refunded_by=refunded_by,
        points_issued=points.get(LedgerKind.EARN.value, 0),
        points_clawed=-points.get(LedgerKind.CLAWBACK.value, 0), points_shortfall=shortfall,
        points_redeemed=-(points.get(LedgerKind.REDEEM.value, 0) + points.get(LedgerKind.GIFT.value, 0)),
        points_given_back=points.get(LedgerKind.REFUND.value, 0),
        coupons_used=coupons_used, new_members=new_members)


@dataclass(frozen=True)
class ShiftReport:
    cashier: str
    start: dt.datetime
    end: dt.datetime
    totals: Totals


# What starts a shift: a sign-in, or the set-up, which signs the new owner in without a SIGN_IN.
SHIFT_OPENERS = (OperationKind.SIGN_IN, OperationKind.SETUP)


def _last(kinds: tuple[OperationKind, ...], staff_id: int, before: dt.datetime, after: dt.datetime | None = None):
    query = Operation.select(Operation.created_at).where(
        Operation.kind.in_([kind.value for kind in kinds]) & (Operation.staff == staff_id)
        & (Operation.created_at <= before))
    if after is not None:
        query = query.where(Operation.created_at > after)
    return query


def shift_start(operator: Operator, at: dt.datetime) -> dt.datetime:
    """The first sign-in (or the set-up) after the cashier's last 交班; the start of the day if there is none."""
    closed = _last((OperationKind.SHIFT_CLOSE,), operator.id, at).order_by(Operation.created_at.desc()).scalar()
    signed_in = _last(SHIFT_OPENERS, operator.id, at, closed).order_by(Operation.created_at).scalar()
    return signed_in or closed or dt.datetime.combine(at.date(), dt.time())


def current_shift(operator: Operator, at: dt.datetime | None = None) -> ShiftReport:
    """The shift so far, as it would be closed now; nothing is written."""
    at = at or operations.now()
    start = shift_start(operator, at)
    # A sale recorded in the very second of the close belongs to this shift.
    return ShiftReport(operator.name, start, at, totals(start, at + dt.timedelta(microseconds=1), operator.id))


def describe(t: Totals) -> str:
    """One line of the totals, as the audit log keeps them."""
    methods = "、".join(f"{PaymentMethod.label_of(m)} {yuan(a)}" for m, a in t.takings_by_method.items())
    return (f"销售 {t.sales} 笔 {yuan(t.sales_fen)} 元；退货 {t.returns} 笔 {yuan(t.refunds_fen)} 元；"
            f"收款 {methods or '无'}；医保 {yuan(t.insurance_fen)} 元；积分 +{t.points_issued} −{t.points_redeemed}，"
            f"退货扣回 {t.points_clawed}、未能扣回 {t.points_shortfall}、退回 {t.points_given_back}；"
            f"用券 {t.coupons_used} 张；新会员 {t.new_members} 人")


def close_shift(operator: Operator, at: dt.datetime | None = None) -> ShiftReport:
    """交班: the shift's report, recorded; the next shift begins with the next sign-in."""
    require(operator, Permission.SELL)
    at = at or operations.now()
    report = current_shift(operator, at)
    audit.record(OperationKind.SHIFT_CLOSE, operator, subject=f"交班：{operator.name}",
                 detail=f"{report.start:%Y-%m-%d %H:%M}—{at:%H:%M}　{describe(report.totals)}", at=at)
    return report
