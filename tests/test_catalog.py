"""积分兑换目录: the owner's items under the law guard, and a redemption reversed as new rows."""

from __future__ import annotations

import datetime as dt

import pytest

from pharmacy_desk.core import catalog, ledger, redemption
from pharmacy_desk.core.errors import InvalidInput, NotPermitted
from pharmacy_desk.core.models import CatalogItem, LedgerEntry, Operation, Redemption
from pharmacy_desk.core.vocabulary import LedgerKind, OperationKind

AT = dt.datetime(2026, 6, 10, 10, 0)


@pytest.fixture
def rich_member(make_member, owner):
    member = make_member()
    ledger.adjust(member.id, 5000, "开户", owner, "seed", at=AT - dt.timedelta(days=1))
    return member


@pytest.fixture
def cup(owner):
    return catalog.add_item(name="保温杯", points_price=800, value_fen=3500, stock=2, operator=owner)


def audit(kind: OperationKind) -> list[str]:
    return [op.detail for op in Operation.select().where(Operation.kind == kind).order_by(Operation.id)]


@pytest.mark.parametrize("drug_class", ["rx", "otc_a"])
def test_editing_an_item_into_a_prescription_or_class_a_drug_is_refused(cup, owner, drug_class):
    with pytest.raises(InvalidInput, match="第二十条"):
        catalog.edit_item(cup.id, owner, name="阿莫西林", points_price=800, value_fen=3500, kind="gift",
                          drug_class=drug_class, stock=2)
    assert CatalogItem.get_by_id(cup.id).name == "保温杯" and audit(OperationKind.CATALOG_CHANGE) == []


def test_edit_restock_and_retire_are_each_one_audited_change(cup, owner):
    catalog.edit_item(cup.id, owner, name="保温杯（大）", points_price=900, value_fen=4000, kind="gift",
                      drug_class="none", stock=2)
    catalog.restock(cup.id, 10, owner)
    catalog.retire(cup.id, owner)
    item = CatalogItem.get_by_id(cup.id)
    assert (item.name, item.points_price, item.value_fen, item.stock, item.active) == ("保温杯（大）", 900, 4000,
                                                                                      12, False)
    details = audit(OperationKind.CATALOG_CHANGE)
    assert len(details) == 3
    assert "800 分" in details[0] and "900 分" in details[0] and "→" in details[0]
    assert details[1] == "补货 10 件：库存 2 → 12" and details[2] == "停用：在售 → 停用"
    assert audit(OperationKind.CATALOG_ADD) == ["礼品，800 分，价值 35.00 元，库存 2，非药品"]


def test_an_edit_that_changes_nothing_records_nothing(cup, owner):
    catalog.edit_item(cup.id, owner, name="保温杯", points_price=800, value_fen=3500, kind="gift",
                      drug_class="none", stock=2)
    assert audit(OperationKind.CATALOG_CHANGE) == []


def test_refusals_in_one_sentence(cup, owner):
    with pytest.raises(InvalidInput, match="补货数量必须大于零"):
        catalog.restock(cup.id, 0, owner)
    unlimited = catalog.add_item(name="测血压", points_price=100, kind="service", operator=owner)
    with pytest.raises(InvalidInput, match="库存不限"):
        catalog.restock(unlimited.id, 5, owner)
    with pytest.raises(InvalidInput, match="名称"):
        catalog.add_item(name="  ", points_price=100, operator=owner)
    catalog.retire(cup.id, owner)
    with pytest.raises(InvalidInput, match="已经停用"):
        catalog.retire(cup.id, owner)
    assert len(audit(OperationKind.CATALOG_CHANGE)) == 1


def test_a_retired_item_is_not_offered_but_can_come_back(cup, owner):
    from pharmacy_desk.core import history

    catalog.retire(cup.id, owner)
    assert history.catalog_items() == [] and [i.name for i in catalog.all_items()] == ["保温杯"]
    catalog.reactivate(cup.id, owner)
    assert [i.name for i in history.catalog_items()] == ["保温杯"]


def test_the_catalog_reaches_the_windows_as_plain_rows(cup, owner):
    from pharmacy_desk.core import history

    stored = catalog.CatalogRow.of(CatalogItem.get_by_id(cup.id))
    assert catalog.all_items() == history.catalog_items() == [stored]
    assert catalog.restock(cup.id, 3, owner) == catalog.CatalogRow.of(CatalogItem.get_by_id(cup.id))
    assert not any(isinstance(row, CatalogItem) for row in [*catalog.all_items(), catalog.retire(cup.id, owner)])


def test_reversal_gives_points_and_stock_back_as_new_rows(cup, owner, clerk, rich_member):
    done = redemption.redeem(member_id=rich_member.id, item_id=cup.id, operator=clerk, key="g1", at=AT)
    debit = LedgerEntry.get((LedgerEntry.redemption == done.redemption.id) & (LedgerEntry.kind == LedgerKind.GIFT))
    assert ledger.balance(rich_member.id) == 4200 and CatalogItem.get_by_id(cup.id).stock == 1
    assert redemption.cap_remaining_fen(rich_member.id, AT.date()) == 1500

    result = catalog.reverse_redemption(done.redemption.id, "会员不要了", owner, at=AT + dt.timedelta(hours=1))
    assert result.balance == 5000 and result.points == 800 and result.changes.ledger
    assert CatalogItem.get_by_id(cup.id).stock == 2
    # the redemption and its debit are untouched; the reversal is a credit that names the redemption
    again = Redemption.get_by_id(done.redemption.id)
    assert (again.points, again.quantity) == (800, 1) and LedgerEntry.get_by_id(debit.id).points == -800
    credit = LedgerEntry.get((LedgerEntry.redemption == done.redemption.id) & (LedgerEntry.kind == LedgerKind.REFUND))
    assert credit.points == 800 and "会员不要了" in credit.reason
    assert credit.expires_on == ledger.lot_expiry((AT - dt.timedelta(days=1)).date())
    assert redemption.cap_remaining_fen(rich_member.id, AT.date()) == 5000  # a reversed gift gave nothing
    [detail] = audit(OperationKind.REVERSE_REDEMPTION)
    assert "保温杯" in detail and "800 分" in detail and "会员不要了" in detail
    [row] = catalog.recent_redemptions(owner)
    assert row.reversed and row.item_name == "保温杯"


def test_reversing_twice_gives_back_once(cup, owner, clerk, rich_member):
    done = redemption.redeem(member_id=rich_member.id, item_id=cup.id, operator=clerk, key="g1", at=AT)
    catalog.reverse_redemption(done.redemption.id, "录错", owner, at=AT)
    again = catalog.reverse_redemption(done.redemption.id, "录错", owner, at=AT)
    assert again.replayed and not again.changes
    assert ledger.balance(rich_member.id) == 5000 and CatalogItem.get_by_id(cup.id).stock == 2


def test_reversal_needs_a_reason_and_the_owner(cup, owner, clerk, rich_member):
    done = redemption.redeem(member_id=rich_member.id, item_id=cup.id, operator=clerk, key="g1", at=AT)
    with pytest.raises(InvalidInput, match="原因"):
        catalog.reverse_redemption(done.redemption.id, " ", owner, at=AT)
    with pytest.raises(NotPermitted):
        catalog.reverse_redemption(done.redemption.id, "录错", clerk, at=AT)
    assert ledger.balance(rich_member.id) == 4200 and audit(OperationKind.REVERSE_REDEMPTION) == []
    [row] = catalog.recent_redemptions(owner)
    assert not row.reversed
