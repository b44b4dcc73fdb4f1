"""会员历史: what the member detail tabs, the redemption and the returns windows list.

Each function answers one list in a fixed, small number of queries (joins and
aggregates, never a query per row): a regular can have hundreds of sales.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from peewee import JOIN, fn

from pharmacy_desk.core.bonuses import recorded_bonuses
from pharmacy_desk.core.catalog import CatalogRow
from pharmacy_desk.core.coupons import describe
from pharmacy_desk.core.ids import MemberId, SaleId
from pharmacy_desk.core.models import (
    CatalogItem, Category, Coupon, CouponInUse, LedgerEntry, Measurement, Sale, SaleLine, SaleReturn, SaleReturnLine, Staff,
    Tier, TierChange,
)
from pharmacy_desk.core.pricing import Bonus
from pharmacy_desk.core.vocabulary import LedgerKind, MeasurementKind
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, Sentence, term


# The statuses the history tables show; the windows show them in their language
# (``build_spec/update_translations.py`` offers them for translation).
FULLY_RETURNED, PARTLY_RETURNED = "已全部退货", "部分退货"
COUPON_USED, COUPON_EXPIRED, COUPON_NOT_YET_VALID, COUPON_USABLE = "已用", "已过期", "未生效", "可用"
STATUSES = (FULLY_RETURNED, PARTLY_RETURNED, COUPON_USED, COUPON_EXPIRED, COUPON_NOT_YET_VALID, COUPON_USABLE)


@dataclass(frozen=True)
class LedgerRow:
    created_at: dt.datetime
    kind: str
    points: int
    balance_after: int
    reason: str
    expires_on: dt.date | None
    receipt_no: str | None = None

    @property
    def kind_name(self) -> str:
        return LedgerKind.label_of(self.kind)

    @property
    def description(self) -> Sentence:
        """The reason, and the receipt when the entry came from a sale or its return. A reason the
        program wrote (积分到期, 积分抵现 …) is a marked text, translated; one typed by a person is data."""
        parts: list[Sentence | str] = [term(self.reason)] if self.reason else []
        if self.receipt_no:
            parts.append(Sentence(QT_TRANSLATE_NOOP("core", "小票 {receipt_no}"), receipt_no=self.receipt_no))
        return Joined(parts, QT_TRANSLATE_NOOP("core", "　"))


def ledger_entries(member_id: MemberId) -> list[LedgerRow]:
    """积分流水 newest first, each with the balance right after it (running sum oldest → newest)."""
    order = [LedgerEntry.created_at, LedgerEntry.id]
    running = fn.SUM(LedgerEntry.points).over(order_by=order)
    query = (LedgerEntry.select(LedgerEntry.created_at, LedgerEntry.kind, LedgerEntry.points,
                                running.alias("balance_after"), LedgerEntry.reason, LedgerEntry.expires_on,
                                Sale.receipt_no)
             .join(Sale, JOIN.LEFT_OUTER, on=(LedgerEntry.sale == Sale.id))
             .where(LedgerEntry.member == member_id).order_by(*order))
    entries = cast("Iterable[tuple[dt.datetime, str, int, int, str, dt.date | None, str | None]]",
                   query.tuples())
    # Debits carry no expiry; credits keep the date their lot lapses.
    rows = [LedgerRow(created_at, kind, points, balance_after, reason, expires_on if points > 0 else None,
                      receipt_no)
            for created_at, kind, points, balance_after, reason, expires_on, receipt_no in entries]
    rows.reverse()
    return rows


@dataclass(frozen=True)
class SaleRow:
    id: int
    receipt_no: str
    created_at: dt.datetime
    total_fen: int
    paid_fen: int
    points_earned: int
    points_used: int
    returned_fen: int  # list price returned so far
    refunded_fen: int  # money given back so far
    bonuses: tuple[Bonus, ...] = ()  # what multiplied its points (none known for sales before v4)

    @property
    def return_status(self) -> str:
        if self.returned_fen == 0:
            return ""
        return FULLY_RETURNED if self.returned_fen >= self.total_fen else PARTLY_RETURNED


def sales(member_id: MemberId, limit: int | None = None) -> list[SaleRow]:
    """消费记录 newest first, with what has been returned of each sale."""
    returned = (SaleReturn.select(SaleReturn.sale.alias("sale_id"),
                                  fn.SUM(SaleReturnLine.amount_fen).alias("amount"))
                .join(SaleReturnLine).group_by(SaleReturn.sale).alias("returned"))
    refunded = (SaleReturn.select(SaleReturn.sale.alias("sale_id"), fn.SUM(SaleReturn.refund_fen).alias("refund"))
                .group_by(SaleReturn.sale).alias("refunded"))
    query = (Sale.select(Sale.id, Sale.receipt_no, Sale.created_at, Sale.total_fen, Sale.paid_fen,
                         Sale.points_earned, Sale.points_used, Sale.points_factor, Sale.points_bonuses,
                         fn.COALESCE(returned.c.amount, 0).alias("returned_fen"),
                         fn.COALESCE(refunded.c.refund, 0).alias("refunded_fen"))
             .join(returned, JOIN.LEFT_OUTER, on=(returned.c.sale_id == Sale.id))
             .join(refunded, JOIN.LEFT_OUTER, on=(refunded.c.sale_id == Sale.id))
             .where(Sale.member == member_id).order_by(Sale.created_at.desc(), Sale.id.desc()))
    if limit is not None:
        query = query.limit(limit)
    rows = cast("Iterable[tuple[SaleId, str, dt.datetime, int, int, int, int, Decimal | None, str, int, int]]",
                query.tuples())
    return [SaleRow(sale_id, receipt_no, created_at, total_fen, paid_fen, points_earned, points_used,
                    returned_fen, refunded_fen, recorded_bonuses(points_factor, points_bonuses))
            for (sale_id, receipt_no, created_at, total_fen, paid_fen, points_earned, points_used,
                 points_factor, points_bonuses, returned_fen, refunded_fen) in rows]


@dataclass(frozen=True)
class SaleLineRow:
    id: int
    category: str
    description: str
    amount_fen: int
    returned_fen: int

    @property
    def returnable_fen(self) -> int:
        return self.amount_fen - self.returned_fen


def sale_lines(sale_id: SaleId) -> list[SaleLineRow]:
    """A sale's lines with what is already returned and what can still be returned."""
    returned = (SaleReturnLine.select(SaleReturnLine.sale_line.alias("line_id"),
                                      fn.SUM(SaleReturnLine.amount_fen).alias("amount"))
                .group_by(SaleReturnLine.sale_line).alias("returned"))
    query = (SaleLine.select(SaleLine.id, Category.name.alias("category_name"), SaleLine.description,
                             SaleLine.amount_fen, fn.COALESCE(returned.c.amount, 0).alias("returned_fen"))
             .join(Category)
             .join(returned, JOIN.LEFT_OUTER, on=(returned.c.line_id == SaleLine.id))
             .where(SaleLine.sale == sale_id).order_by(SaleLine.id))
    return [SaleLineRow(*row) for row in cast("Iterable[tuple[int, str, str, int, int]]", query.tuples())]


@dataclass(frozen=True)
class CouponRow:
    id: int
    code: str
    title: str
    description: Sentence  # what it gives and until when (``coupons.describe``)
    valid_from: dt.date
    valid_until: dt.date
    used_at: dt.datetime | None
    used_receipt_no: str | None
    status: str


def coupon_status(coupon: Coupon, today: dt.date, *, used: bool) -> str:
    if used:
        return COUPON_USED
    if coupon.valid_until < today:
        return COUPON_EXPIRED
    if coupon.valid_from > today:
        return COUPON_NOT_YET_VALID
    return COUPON_USABLE


def member_coupons(member_id: MemberId, today: dt.date) -> list[CouponRow]:
    """优惠券 newest first with their status today (可用/已用/已过期/未生效)."""
    query = (Coupon.select(Coupon, CouponInUse.used_at, Sale.receipt_no)
             .join(CouponInUse, JOIN.LEFT_OUTER, on=(CouponInUse.coupon == Coupon.id))
             .join(Sale, JOIN.LEFT_OUTER, on=(CouponInUse.sale == Sale.id))
             .where(Coupon.member == member_id).order_by(Coupon.issued_at.desc(), Coupon.id.desc()))
    rows = []
    for c in query.objects():
        used_at, receipt = getattr(c, "used_at", None), getattr(c, "receipt_no", None)
        rows.append(CouponRow(c.id, c.code, c.title, describe(c), c.valid_from, c.valid_until, used_at, receipt,
                              coupon_status(c, today, used=used_at is not None)))
    return rows


@dataclass(frozen=True)
class TierChangeRow:
    changed_at: dt.datetime
    from_tier: str
    to_tier: str
    reason: str
    staff: str


def tier_changes(member_id: MemberId) -> list[TierChangeRow]:
    """等级变更 newest first."""
    before = Tier.alias("before")
    after = Tier.alias("after")
    query = (TierChange.select(TierChange.changed_at, before.name.alias("from_name"), after.name.alias("to_name"),
                               TierChange.reason, Staff.name.alias("staff_name"))
             .join(before, JOIN.LEFT_OUTER, on=(TierChange.from_tier == before.id))
             .switch(TierChange).join(after, on=(TierChange.to_tier == after.id))
             .switch(TierChange).join(Staff, on=(TierChange.staff == Staff.id))
             .where(TierChange.member == member_id).order_by(TierChange.changed_at.desc(), TierChange.id.desc()))
    rows = cast("Iterable[tuple[dt.datetime, str | None, str, str, str]]", query.tuples())
    return [TierChangeRow(changed_at, from_name or "", to_name, reason, staff_name)
            for changed_at, from_name, to_name, reason, staff_name in rows]


@dataclass(frozen=True)
class MeasurementRow:
    taken_at: dt.datetime
    kind: str
    systolic: int | None
    diastolic: int | None
    glucose: Decimal | None
    staff: str
    notes: str

    @property
    def kind_name(self) -> str:
        return MeasurementKind.label_of(self.kind)

    @property
    def reading(self) -> str:
        if self.kind == MeasurementKind.BP:
            return f"{self.systolic}/{self.diastolic} mmHg"
        return f"{self.glucose} mmol/L"


def measurements(member_id: MemberId) -> list[MeasurementRow]:
    """测量记录 newest first."""
    query = (Measurement.select(Measurement.taken_at, Measurement.kind, Measurement.systolic,
                                Measurement.diastolic, Measurement.glucose, Staff.name.alias("staff_name"),
                                Measurement.notes)
             .join(Staff).where(Measurement.member == member_id)
             .order_by(Measurement.taken_at.desc(), Measurement.id.desc()))
    rows = cast("Iterable[tuple[dt.datetime, str, int | None, int | None, Decimal | None, str, str]]",
                query.tuples())
    return [MeasurementRow(taken_at, kind, systolic, diastolic, None if glucose is None else Decimal(glucose),
                           staff_name, notes)
            for taken_at, kind, systolic, diastolic, glucose, staff_name, notes in rows]


def catalog_items() -> list[CatalogRow]:
    """积分兑换目录: active gifts and services, cheapest first."""
    return [CatalogRow.of(item) for item in CatalogItem.select().where(CatalogItem.active)
            .order_by(CatalogItem.points_price, CatalogItem.name)]
