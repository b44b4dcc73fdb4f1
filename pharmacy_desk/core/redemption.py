"""积分兑换: redeeming from the gift and service catalog, and each tier's monthly redemption cap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from pharmacy_desk.core import catalog, ledger, members, operations
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound, PointsError, StockError
from pharmacy_desk.core.ids import CatalogItemId, MemberId
from pharmacy_desk.core.models import (
    CatalogItem, Redemption, Sale, SaleReturn, SaleReturnLine, Staff, Tier,
)
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import CatalogKind, DrugClass, LedgerKind, OperationKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP


def add_catalog_item(*, name: str, points_price: int, operator: Staff, value_fen: int = 0,
                     kind: str = CatalogKind.GIFT, stock: int | None = None,
                     drug_class: str = DrugClass.NONE) -> catalog.CatalogRow:
    """Add a gift or service to the catalog (``core/catalog.py`` holds the catalog's rules)."""
    return catalog.add_item(name=name, points_price=points_price, operator=operator, value_fen=value_fen,
                            kind=kind, stock=stock, drug_class=drug_class)


def month_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(day.year, day.month, 1)
    end = dt.datetime(day.year + day.month // 12, day.month % 12 + 1, 1)
    return start, end


def cap_used_fen(member_id: MemberId, day: dt.date) -> int:
    """Value redeemed this calendar month: points-as-cash on sales (less returns) plus gifts."""
    start, end = month_bounds(day)
    in_month = (Sale.member == member_id) & (Sale.created_at >= start) & (Sale.created_at < end)
    cash = Sale.select(fn.COALESCE(fn.SUM(Sale.points_cash_fen), 0)).where(in_month).scalar()
    returned = (SaleReturnLine.select(fn.COALESCE(fn.SUM(SaleReturnLine.points_cash_share_fen), 0))
                .join(SaleReturn).join(Sale).where(in_month).scalar())
    # A reversed redemption gave nothing, so it takes nothing from the month's cap.
    gifts = Redemption.select(fn.COALESCE(fn.SUM(Redemption.value_fen), 0)).where(
        (Redemption.member == member_id) & (Redemption.created_at >= start)
        & (Redemption.created_at < end) & Redemption.id.not_in(catalog.reversed_ids())).scalar()
    return cash - returned + gifts


def cap_remaining_fen(member_id: MemberId, day: dt.date, tier: Tier | None = None) -> int:
    """What the member may still redeem this month; ``tier`` is the member's, when the caller has it."""
    cap = (tier or Tier.get_by_id(members.get(member_id).tier_id)).monthly_cap_fen
    return max(0, cap - cap_used_fen(member_id, day))


def check_cap(member_id: MemberId, value_fen: int, day: dt.date) -> None:
    remaining = cap_remaining_fen(member_id, day)
    if value_fen > remaining:
        raise PointsError(QT_TRANSLATE_NOOP(
            "core", "超出本月兑换上限：本月还可兑换 {remaining} 元，本次 {amount} 元。"),
            remaining=yuan(remaining), amount=yuan(value_fen))


@dataclass(frozen=True)
class RedemptionPreview:
    """What a redemption would take, shown to the member before it is confirmed."""

    item: CatalogItem
    quantity: int
    points: int
    value_fen: int
    balance_before: int
    balance_after: int


def unaffordable(item: CatalogItem, usable_points: int, cap_left_fen: int) -> str | None:
    """Why the member cannot take one of ``item`` now (points, stock, the month's cap), or None."""
    if item.stock is not None and item.stock < 1:
        return "已无库存"
    if item.points_price > usable_points:
        return f"积分不足（需 {item.points_price} 分）"
    if item.value_fen > cap_left_fen:
        return f"超出本月兑换上限（还可兑换 {yuan(cap_left_fen)} 元）"
    return None


def available_item(item_id: CatalogItemId, quantity: int) -> CatalogItem:
    """The catalog item, refused when it is retired, unknown or short of ``quantity`` in stock."""
    item = CatalogItem.get_or_none(CatalogItem.id == item_id)
    if item is None or not item.active:
        raise NotFound(QT_TRANSLATE_NOOP("core", "兑换目录中没有这件礼品或服务。"))
    if item.stock is not None and item.stock < quantity:
        raise StockError(QT_TRANSLATE_NOOP("core", "“{name}”库存不足（剩 {stock} 件）。"), name=item.name, stock=item.stock)
    return item


def preview(*, member_id: MemberId, item_id: CatalogItemId, quantity: int = 1,
            at: dt.datetime | None = None) -> RedemptionPreview:
    """Check a redemption as ``redeem`` will (stock, points, the month's cap) and say what it takes."""
    at = at or operations.now()
    if quantity <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "兑换数量必须大于零。"))
    member = members.get(member_id)
    item = available_item(item_id, quantity)
    points, value = item.points_price * quantity, item.value_fen * quantity
    usable = ledger.usable_points(member.id, at.date())
    if points > usable:
        raise PointsError(QT_TRANSLATE_NOOP("core", "积分不足：需要 {points} 分，可用 {usable} 分。"), points=points, usable=usable)
    check_cap(member.id, value, at.date())
    balance = ledger.balance(member.id)
    return RedemptionPreview(item, quantity, points, value, balance, balance - points)


@dataclass
class RedemptionResult:
    redemption: Redemption
    balance: int
    replayed: bool = False

    @property
    def changes(self) -> Changes:
        return NOTHING if self.replayed else Changes.of_member(self.redemption.member_id, ledger=True, catalog=True)


def _refusal_before_the_lock(member_id: MemberId, item_id: CatalogItemId, quantity: int, day: dt.date) -> None:
    """The cheap refusals, without the write lock: a refused redemption never makes a till wait.

    Everything is checked again under the lock.
    """
    member = members.get(member_id)
    item = available_item(item_id, quantity)
    check_cap(member.id, item.value_fen * quantity, day)
    points = item.points_price * quantity
    usable = ledger.usable_points(member.id, day)
    if points > usable:
        raise PointsError(QT_TRANSLATE_NOOP("core", "积分不足：需要 {points} 分，可用 {usable} 分。"), points=points, usable=usable)


def redeem(*, member_id: MemberId, item_id: CatalogItemId, operator: Staff, key: str, quantity: int = 1,
           at: dt.datetime | None = None) -> RedemptionResult:
    """Exchange points for a catalog item: checks stock, points and the tier's monthly cap."""
    require(operator, Permission.REDEEM)
    at = at or operations.now()
    if quantity <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "兑换数量必须大于零。"))
    if operations.find(key) is None:
        _refusal_before_the_lock(member_id, item_id, quantity, at.date())
    with write_transaction():
        step = operations.keyed(key, OperationKind.REDEEM_GIFT, operator, at)
        if step.done is not None:
            redemption = Redemption.get(Redemption.operation == step.done)
            return RedemptionResult(redemption, ledger.balance(redemption.member_id), replayed=True)
        member = members.get(member_id)
        item = available_item(item_id, quantity)
        points = item.points_price * quantity
        value = item.value_fen * quantity
        check_cap(member.id, value, at.date())
        op = step.start(subject=f"member:{member.id}")
        redemption = Redemption.create(operation=op, member=member, item=item, quantity=quantity,
                                       points=points, value_fen=value, staff=operator, created_at=at)
        ledger.debit(member.id, LedgerKind.GIFT, points, op, at, redemption=redemption, reason=item.name)
        if item.stock is not None:
            updated = (CatalogItem.update(stock=CatalogItem.stock - quantity)
                       .where((CatalogItem.id == item.id) & (CatalogItem.stock >= quantity)).execute())
            if updated != 1:
                raise StockError(QT_TRANSLATE_NOOP("core", "“{name}”库存不足。"), name=item.name)
        return RedemptionResult(redemption, ledger.balance(member.id))
