"""积分兑换目录: the owner's gifts and services, and the reversal of a redemption.

The law guard (药品流通监督管理办法 第二十条: no prescription or 甲类 OTC drug as a gift) is
checked here for every item added or edited, and again by the table's CHECK. Items are
retired, never deleted, so past redemptions keep their item. A reversal is a new keyed
operation with a new ledger credit and the stock put back; the redemption itself is
never edited, and its reversal is found through the credit that names it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from peewee import fn

from pharmacy_desk.core import ledger, operations
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.db import write_transaction
from pharmacy_desk.core.errors import InvalidInput, NotFound
from pharmacy_desk.core.ids import CatalogItemId, MemberId
from pharmacy_desk.core.models import (
    CatalogItem, LedgerAllocation, LedgerEntry, Member, Redemption, Staff,
)
from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.permissions import Permission, require
from pharmacy_desk.core.vocabulary import (
    FORBIDDEN_DRUG_CLASSES, GIFTABLE_DRUG_CLASSES, CatalogKind, DrugClass, LedgerKind, OperationKind,
)
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence, term
from pharmacy_desk.core.operator import Operator

NAME_LIMIT = 40
POINTS_PRICE_LIMIT = 1_000_000
VALUE_LIMIT_FEN = 10_000_00  # 一万元: no gift at a pharmacy's counter is worth more
STOCK_LIMIT = 100_000


@dataclass(frozen=True)
class CatalogRow:
    """One gift or service of the catalog as a window lists and edits it (``stock`` None: unlimited)."""

    id: CatalogItemId
    name: str
    kind: str
    points_price: int
    value_fen: int
    stock: int | None
    drug_class: str
    active: bool

    @classmethod
    def of(cls, item: CatalogItem) -> CatalogRow:
        return cls(item.id, item.name, item.kind, item.points_price, item.value_fen, item.stock, item.drug_class,
                   item.active)


def law_refusal(drug_class: str) -> Sentence | None:
    """The sentence refusing ``drug_class`` as a gift, or None when it may be given."""
    if drug_class in FORBIDDEN_DRUG_CLASSES:
        return Sentence(QT_TRANSLATE_NOOP("core", "依据《药品流通监督管理办法》第二十条，{drug_class}不能作为赠品。"),
                        drug_class=term(DrugClass.label_of(drug_class)))
    if drug_class not in GIFTABLE_DRUG_CLASSES:
        return Sentence(QT_TRANSLATE_NOOP("core", "未知的药品分类：{drug_class}"), drug_class=drug_class)
    return None


def _checked(name: str, points_price: int, value_fen: int, kind: str, stock: int | None,
             drug_class: str) -> str:
    """Refuse a bad item in one sentence; returns the cleaned name."""
    refusal = law_refusal(drug_class)
    if refusal:
        raise InvalidInput(refusal)
    if not CatalogKind.has(kind):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "未知的兑换类别：{kind}"), kind=kind)
    name = (name or "").strip()
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "请填写兑换品名称。"))
    if len(name) > NAME_LIMIT:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "兑换品名称不能超过 {limit} 个字。"), limit=NAME_LIMIT)
    if points_price <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "兑换所需积分必须大于零。"))
    if points_price > POINTS_PRICE_LIMIT:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "兑换所需积分不能超过 {limit}。"), limit=POINTS_PRICE_LIMIT)
    if not 0 <= value_fen <= VALUE_LIMIT_FEN:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "价值须在 0 到 {amount} 元之间。"), amount=yuan(VALUE_LIMIT_FEN))
    if stock is not None and stock < 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "库存不能为负数。"))
    if stock is not None and stock > STOCK_LIMIT:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "库存不能超过 {limit}。"), limit=STOCK_LIMIT)
    return name


def _describe(item: CatalogItem | CatalogRow) -> str:
    stock = "不限" if item.stock is None else str(item.stock)
    return (f"{CatalogKind.label_of(item.kind)}，{item.points_price} 分，价值 {yuan(item.value_fen)} 元，"
            f"库存 {stock}，{DrugClass.label_of(item.drug_class)}")


def add_item(*, name: str, points_price: int, operator: Operator, value_fen: int = 0,
             kind: str = CatalogKind.GIFT, stock: int | None = None,
             drug_class: str = DrugClass.NONE) -> CatalogRow:
    """Add a gift or service to the catalog; prescription and 甲类 OTC drugs are refused."""
    require(operator, Permission.MANAGE_CATALOG)
    name = _checked(name, points_price, value_fen, kind, stock, drug_class)
    with write_transaction():
        item = CatalogItem(name=name, kind=kind, points_price=points_price, value_fen=value_fen,
                           stock=stock, drug_class=drug_class)
        operations.start(f"catalog:{uuid.uuid4()}", OperationKind.CATALOG_ADD, operator, operations.now(),
                         subject=name, detail=_describe(item))
        item.save()
        return CatalogRow.of(item)


def _item(item_id: CatalogItemId) -> CatalogItem:
    item = CatalogItem.get_or_none(CatalogItem.id == item_id)
    if item is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "兑换目录中没有这件礼品或服务。"))
    return item


def _change(item: CatalogItem, operator: Operator, detail: str, **fields) -> CatalogRow:
    """Write ``fields`` to the item and record one audited change; call inside the transaction."""
    operations.start(f"catalog:{uuid.uuid4()}", OperationKind.CATALOG_CHANGE, operator, operations.now(),
                     subject=item.name, detail=detail)
    CatalogItem.update(**fields).where(CatalogItem.id == item.id).execute()
    return CatalogRow.of(CatalogItem.get_by_id(item.id))


def edit_item(item_id: CatalogItemId, operator: Operator, *, name: str, points_price: int, value_fen: int,
              kind: str, drug_class: str, stock: int | None) -> CatalogRow:
    """Change an item's name, price, value, kind, class and stock; the audit keeps old → new."""
    require(operator, Permission.MANAGE_CATALOG)
    name = _checked(name, points_price, value_fen, kind, stock, drug_class)
    with write_transaction():
        item = _item(item_id)
        new = CatalogItem(name=name, kind=kind, points_price=points_price, value_fen=value_fen,
                          stock=stock, drug_class=drug_class)
        before, after = _describe(item), _describe(new)
        if before == after and item.name == name:
            return CatalogRow.of(item)
        detail = f"{item.name}：{before} → {name}：{after}"
        return _change(item, operator, detail, name=name, kind=kind, points_price=points_price,
                       value_fen=value_fen, stock=stock, drug_class=drug_class)


def restock(item_id: CatalogItemId, quantity: int, operator: Operator) -> CatalogRow:
    """补货: add ``quantity`` to a counted stock (an unlimited item needs none)."""
    require(operator, Permission.MANAGE_CATALOG)
    if quantity <= 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "补货数量必须大于零。"))
    with write_transaction():
        item = _item(item_id)
        if item.stock is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "“{name}”库存不限，无需补货。"), name=item.name)
        if item.stock + quantity > STOCK_LIMIT:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "库存不能超过 {limit}。"), limit=STOCK_LIMIT)
        return _change(item, operator, f"补货 {quantity} 件：库存 {item.stock} → {item.stock + quantity}",
                       stock=CatalogItem.stock + quantity)


def retire(item_id: CatalogItemId, operator: Operator) -> CatalogRow:
    """停用: the item leaves the counter's catalog; its past redemptions keep it."""
    require(operator, Permission.MANAGE_CATALOG)
    with write_transaction():
        item = _item(item_id)
        if not item.active:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "“{name}”已经停用。"), name=item.name)
        return _change(item, operator, "停用：在售 → 停用", active=False)


def reactivate(item_id: CatalogItemId, operator: Operator) -> CatalogRow:
    """重新启用 a retired item; the law guard is asked again (the class may predate it)."""
    require(operator, Permission.MANAGE_CATALOG)
    with write_transaction():
        item = _item(item_id)
        if item.active:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "“{name}”正在使用中。"), name=item.name)
        refusal = law_refusal(item.drug_class)
        if refusal:
            raise InvalidInput(refusal)
        return _change(item, operator, "启用：停用 → 在售", active=True)


def all_items() -> list[CatalogRow]:
    """The whole catalog for the owner: items in use first, then the retired, by name."""
    return [CatalogRow.of(item) for item in CatalogItem.select().order_by(
        CatalogItem.active.desc(), CatalogItem.points_price, CatalogItem.name)]


# -- reversal -------------------------------------------------------------------------------------
def reversal_key(redemption_id: int) -> str:
    """One key per redemption: reversing it twice replays the first reversal."""
    return f"reverse-redemption:{redemption_id}"


def reversed_ids() -> object:
    """A subquery of the ids of reversed redemptions (their credit names them)."""
    return (LedgerEntry.select(LedgerEntry.redemption)
            .where((LedgerEntry.kind == LedgerKind.REFUND) & LedgerEntry.redemption.is_null(False)))


@dataclass(frozen=True)
class RedemptionRow:
    id: int
    created_at: dt.datetime
    member_id: MemberId
    member_name: str
    item_name: str
    quantity: int
    points: int
    value_fen: int
    staff_name: str
    reversed: bool


def recent_redemptions(operator: Operator, limit: int = 200) -> list[RedemptionRow]:
    """The latest redemptions, newest first, each with whether it was reversed."""
    require(operator, Permission.MANAGE_CATALOG)
    reversal = (LedgerEntry.select(fn.COUNT(LedgerEntry.id))
                .where((LedgerEntry.redemption == Redemption.id) & (LedgerEntry.kind == LedgerKind.REFUND)))
    query = (Redemption.select(Redemption.id, Redemption.created_at, Member.id, Member.name, CatalogItem.name,
                               Redemption.quantity, Redemption.points, Redemption.value_fen, Staff.name,
                               reversal.alias("reversals"))
             .join(Member, on=(Redemption.member == Member.id))
             .switch(Redemption).join(CatalogItem, on=(Redemption.item == CatalogItem.id))
             .switch(Redemption).join(Staff, on=(Redemption.staff == Staff.id))
             .order_by(Redemption.created_at.desc(), Redemption.id.desc()).limit(limit))
    rows = cast("Iterable[tuple[int, dt.datetime, MemberId, str, str, int, int, int, str, int]]", query.tuples())
    return [RedemptionRow(rid, at, member_id, member_name, item_name, quantity, points, value, staff_name,
                          reversals > 0)
            for rid, at, member_id, member_name, item_name, quantity, points, value, staff_name, reversals in rows]


@dataclass(frozen=True)
class ReversalResult:
    redemption_id: int
    member_id: MemberId
    points: int
    balance: int
    replayed: bool = False

    @property
    def changes(self) -> Changes:
        if self.replayed:
            return NOTHING
        return Changes.of_member(self.member_id, ledger=True, catalog=True)


def reverse_redemption(redemption_id: int, reason: str, operator: Operator,
                       *, at: dt.datetime | None = None) -> ReversalResult:
    """撤销兑换: the member's points back and the item back in stock, with a reason, audited.

    The points come back as a new lot that lapses when the latest lot the gift was paid
    from would have: a reversal gives back what was spent, not a longer life for it.
    """
    require(operator, Permission.ADJUST_POINTS)
    require(operator, Permission.MANAGE_CATALOG)
    at = at or operations.now()
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "撤销兑换必须填写原因。"))
    with write_transaction():
        step = operations.keyed(reversal_key(redemption_id), OperationKind.REVERSE_REDEMPTION, operator, at)
        redemption = Redemption.get_or_none(Redemption.id == redemption_id)
        if redemption is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "找不到这次兑换。"))
        if step.done is not None:
            return ReversalResult(redemption.id, redemption.member_id, redemption.points,
                                  ledger.balance(redemption.member_id), replayed=True)
        debit = LedgerEntry.get_or_none((LedgerEntry.redemption == redemption.id)
                                        & (LedgerEntry.kind == LedgerKind.GIFT))
        if debit is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "这次兑换没有积分扣减记录，无法撤销。"))
        expires_on = (LedgerEntry.select(fn.MAX(LedgerEntry.expires_on))
                      .join(LedgerAllocation, on=(LedgerAllocation.lot == LedgerEntry.id))
                      .where(LedgerAllocation.debit == debit.id).scalar())
        item = CatalogItem.get_by_id(redemption.item_id)
        op = operations.start(step.key, step.kind, operator, at, subject=f"member:{redemption.member_id}",
                              detail=f"撤销兑换“{item.name}”×{redemption.quantity}：退回 {redemption.points} 分，"
                                     f"原因：{reason}")
        ledger.credit(redemption.member_id, LedgerKind.REFUND, redemption.points, op, at,
                      expires_on=expires_on, redemption=redemption, reason=f"撤销兑换：{item.name}（{reason}）")
        if item.stock is not None:
            CatalogItem.update(stock=CatalogItem.stock + redemption.quantity).where(
                CatalogItem.id == item.id).execute()
        return ReversalResult(redemption.id, redemption.member_id, redemption.points,
                              ledger.balance(redemption.member_id))
