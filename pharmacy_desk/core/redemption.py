"""积分兑换: redeeming from the gift and service catalog, and each tier's monthly redemption cap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


from pharmacy_desk.core import catalog, ledger, members, operations, tiers
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import database, write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound, PointsError, StockError
from pharmacy_desk.core.ids import CatalogItemId, MemberId
from pharmacy_desk.core.models import (
    CatalogItem, Redemption,
)
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import CatalogKind, DrugClass, LedgerKind, OperationKind
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP
from pharmacy_desk.core.operator import Operator


def add_catalog_item(*, name: str, points_price: int, operator: Operator, value_fen: int = 0,
                     kind: str = CatalogKind.GIFT, stock: int | None = None,
                     drug_class: str = DrugClass.NONE) -> catalog.CatalogRow:
    """Add a gift or service to the catalog (``core/catalog.py`` holds the catalog's rules)."""
    return catalog.add_item(name=name, points_price=points_price, operator=operator, value_fen=value_fen,
                            kind=kind, stock=stock, drug_class=drug_class)


def month_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(day.year, day.month, 1)
    end = dt.datetime(day.year + day.month // 12, day.month % 12 + 1, 1)
    return start, end


def cap_used_sql(member: str, start: str, end: str) -> str:
    """Three scalar subqueries of what the month's cap has used: points as cash on sales, what
    returns gave back of it, and gifts not reversed (a reversal is a refund entry of the
    member's naming the redemption). ``member``, ``start`` and ``end`` are SQL expressions
    (the member's id, the month's bounds); the cap used is the first less the second plus the third.
    """
    return f"""(SELECT COALESCE(SUM(points_cash_fen), 0) FROM sale
         WHERE member_id = {member} AND created_at >= {start} AND created_at < {end}),
       (SELECT COALESCE(SUM(l.points_cash_share_fen), 0) FROM sale_return_line l
         JOIN sale_return r ON r.id = l.sale_return_id JOIN sale s ON s.id = r.sale_id
         WHERE s.member_id = {member} AND s.created_at >= {start} AND s.created_at < {end}),
       (SELECT COALESCE(SUM(value_fen), 0) FROM redemption g
         WHERE g.member_id = {member} AND g.created_at >= {start} AND g.created_at < {end}
           AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.member_id = g.member_id
                           AND e.redemption_id = g.id AND e.kind = '{LedgerKind.REFUND}'))"""


# What the month's cap has used by one member. Parameters: member id, month start, month end.
CAP_USED_SQL = f"SELECT {cap_used_sql('?1', '?2', '?3')}"


def cap_used_fen(member_id: MemberId, day: dt.date) -> int:
    """Value redeemed this calendar month: points-as-cash on sales (less returns) plus gifts."""
    start, end = month_bounds(day)
    cash, returned, gifts = database.execute_sql(CAP_USED_SQL, (member_id, str(start), str(end))).fetchone()
    return cash - returned + gifts


def cap_remaining_fen(member_id: MemberId, day: dt.date, tier: tiers.TierRow | None = None,
                      used_fen: int | None = None) -> int:
    """What the member may still redeem this month; ``tier`` is the member's and ``used_fen``
    what the month has used (``cap_used_sql``), when the caller has read them already."""
    cap = (tier or tiers.tier_of(members.get(member_id).tier_id)).monthly_cap_fen
    return max(0, cap - (cap_used_fen(member_id, day) if used_fen is None else used_fen))


def check_cap(member_id: MemberId, value_fen: int, day: dt.date, tier: tiers.TierRow | None = None,
              used_fen: int | None = None) -> None:
    remaining = cap_remaining_fen(member_id, day, tier, used_fen)
    if value_fen > remaining:
        raise PointsError(QT_TRANSLATE_NOOP(
            "core", "超出本月兑换上限：本月还可兑换 {remaining} 元，本次 {amount} 元。"),
            remaining=yuan(remaining), amount=yuan(value_fen))


@dataclass(frozen=True)
class RedemptionPreview:
    """What a redemption would take, shown to the member before it is confirmed."""

    item: catalog.CatalogRow
    quantity: int
    points: int
    value_fen: int
    balance_before: int
    balance_after: int


def unaffordable(item: catalog.CatalogRow, usable_points: int, cap_left_fen: int) -> str | None:
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
    return RedemptionPreview(catalog.CatalogRow.of(item), quantity, points, value, balance, balance - points)


@dataclass(frozen=True)
class RedemptionRecord:
    """A redemption as recorded, as the redemption window and its slip name it."""

    id: int
    member_id: MemberId
    item_id: CatalogItemId
    item_name: str
    quantity: int
    points: int
    value_fen: int
    created_at: dt.datetime

    @classmethod
    def of(cls, redemption: Redemption, item_name: str) -> RedemptionRecord:
        return cls(redemption.id, MemberId(redemption.member_id), CatalogItemId(redemption.item_id), item_name,
                   redemption.quantity, redemption.points, redemption.value_fen, redemption.created_at)


@dataclass
class RedemptionResult:
    redemption: RedemptionRecord
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


def redeem(*, member_id: MemberId, item_id: CatalogItemId, operator: Operator, key: str, quantity: int = 1,
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
            return RedemptionResult(RedemptionRecord.of(redemption, redemption.item.name),
                                    ledger.balance(redemption.member_id), replayed=True)
        member = members.get(member_id)
        item = available_item(item_id, quantity)
        points = item.points_price * quantity
        value = item.value_fen * quantity
        check_cap(member.id, value, at.date())
        op = step.start(subject=f"member:{member.id}")
        redemption = Redemption.create(operation=op, member=member, item=item, quantity=quantity,
                                       points=points, value_fen=value, staff=operator.id, created_at=at)
        ledger.debit(member.id, LedgerKind.GIFT, points, op, at, operator=operator, redemption=redemption,
                     reason=item.name)
        if item.stock is not None:
            updated = (CatalogItem.update(stock=CatalogItem.stock - quantity)
                       .where((CatalogItem.id == item.id) & (CatalogItem.stock >= quantity)).execute())
            if updated != 1:
                raise StockError(QT_TRANSLATE_NOOP("core", "“{name}”库存不足。"), name=item.name)
        return RedemptionResult(RedemptionRecord.of(redemption, item.name), ledger.balance(member.id))
