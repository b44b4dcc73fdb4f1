"""积分兑换目录 window: the owner adds a gift the counter then redeems, and reverses it."""

from __future__ import annotations

import datetime as dt

import pytest

from pharmacy_desk.core import ledger
from pharmacy_desk.core.models import CatalogItem, LedgerEntry, Operation
from pharmacy_desk.core.vocabulary import LedgerKind, OperationKind
from pharmacy_desk.ui.catalog_window import UNLIMITED, CatalogWindow
from pharmacy_desk.ui.redemption_dialog import RedemptionDialog
from tests.counter_helpers import ime_type
from tests.widget_helpers import click, shown

NOW = dt.datetime.now().replace(microsecond=0)


@pytest.fixture
def window(qtbot, owner):
    return shown(qtbot, CatalogWindow(owner))


def fill(qtbot, window, name: str, points: int, value: str, stock: int, drug_class: str = "none") -> None:
    window.clear_form()
    ime_type(window.name, name)
    window.drug_class.setCurrentIndex(window.drug_class.findData(drug_class))
    window.points_price.setValue(points)
    qtbot.keyClicks(window.value, value)
    window.stock.setValue(stock)


def test_the_lists_are_proper_table_models(qtmodeltester, window, qtbot):
    fill(qtbot, window, "保温杯", 800, "35", 2)
    click(qtbot, window.add_button)
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.redemptions)


def test_add_a_gift_redeem_it_at_the_counter_and_reverse_it(qtbot, window, owner, clerk, make_member):
    fill(qtbot, window, "保温杯", 800, "35.00", 2)
    click(qtbot, window.add_button)
    assert window.message.kind == "ok" and "保温杯" in window.message.text()
    cup = CatalogItem.get(CatalogItem.name == "保温杯")
    assert (cup.points_price, cup.value_fen, cup.stock, cup.drug_class) == (800, 3500, 2, "none")
    assert window.selected().id == cup.id

    member = make_member()
    ledger.adjust(member.id, 2000, "活动赠送", owner, "seed", at=NOW - dt.timedelta(minutes=5))
    dialog = RedemptionDialog(member.id, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selected_item().id == cup.id
    click(qtbot, dialog.redeem_button)  # the counter asks once
    click(qtbot, dialog.redeem_button)  # and the cashier confirms
    assert ledger.balance(member.id) == 1200 and CatalogItem.get_by_id(cup.id).stock == 1

    window.tabs.setCurrentIndex(1)
    assert window.redemptions.rowCount() == 1  # the redemption's change reloaded the list
    window.redemption_view.selectRow(0)
    click(qtbot, window.reverse_button)  # no reason yet
    assert window.reversal_message.kind == "error" and "原因" in window.reversal_message.text()
    assert ledger.balance(member.id) == 1200
    ime_type(window.reason, "会员退回礼品")
    click(qtbot, window.reverse_button)
    assert window.reversal_message.kind == "ok" and "退回 800 分" in window.reversal_message.text()
    assert ledger.balance(member.id) == 2000 and CatalogItem.get_by_id(cup.id).stock == 2
    assert window.redemptions.index(0, 7).data() == "已撤销"
    window.redemption_view.selectRow(0)
    assert not window.reverse_button.isEnabled()
    assert LedgerEntry.select().where(LedgerEntry.kind == LedgerKind.REFUND).count() == 1
    assert Operation.select().where(Operation.kind == OperationKind.REVERSE_REDEMPTION).count() == 1


@pytest.mark.parametrize("drug_class", ["rx", "otc_a"])
def test_a_prescription_or_class_a_drug_is_refused_in_the_form(qtbot, window, drug_class):
    fill(qtbot, window, "阿莫西林", 500, "20", 10, drug_class=drug_class)
    assert window.law.isVisible() and "第二十条" in window.law.text()
    assert not window.add_button.isEnabled()
    window.drug_class.setCurrentIndex(window.drug_class.findData("otc_b"))
    assert not window.law.isVisible() and window.add_button.isEnabled()


def test_edit_restock_and_retire_from_the_form(qtbot, window):
    fill(qtbot, window, "口罩", 100, "5", 10)
    click(qtbot, window.add_button)
    window.points_price.setValue(120)
    click(qtbot, window.save_button)
    window.restock_quantity.setValue(5)
    click(qtbot, window.restock_button)
    item = CatalogItem.get(CatalogItem.name == "口罩")
    assert (item.points_price, item.stock) == (120, 15)
    click(qtbot, window.retire_button)
    assert not CatalogItem.get_by_id(item.id).active
    assert window.model.index(0, 6).data() == "已停用" and window.retire_button.text() == "启用"


def test_a_bad_value_is_refused_in_one_line_and_nothing_is_added(qtbot, window):
    fill(qtbot, window, "口罩", 100, "5,5", UNLIMITED)
    click(qtbot, window.add_button)
    assert window.message.kind == "error" and "无法识别" in window.message.text()
    assert CatalogItem.select().count() == 0


def _enter(qtbot, widget) -> None:
    """The owner's Enter in ``widget``, where the focus is."""
    from PySide6.QtCore import Qt

    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_enter_adds_saves_restocks_and_reverses_as_the_owner_types(qtbot, window, owner, clerk, make_member):
    from PySide6.QtCore import Qt

    window.clear_form()
    ime_type(window.name, "保温杯")
    window.points_price.setFocus()
    window.points_price.selectAll()
    qtbot.keyClicks(window.points_price, "800")
    qtbot.keyClicks(window.value, "35")
    window.stock.setValue(2)
    _enter(qtbot, window.value)  # a new item: Enter adds it
    cup = CatalogItem.get(CatalogItem.name == "保温杯")
    assert (cup.points_price, cup.value_fen, cup.stock) == (800, 3500, 2) and window.selected().id == cup.id

    window.points_price.selectAll()
    qtbot.keyClicks(window.points_price, "900")
    _enter(qtbot, window.points_price)  # the item picked: Enter saves it, no second one
    assert CatalogItem.get_by_id(cup.id).points_price == 900 and CatalogItem.select().count() == 1
    assert window.message.kind == "ok" and "已保存" in window.message.text()

    window.restock_quantity.selectAll()
    qtbot.keyClicks(window.restock_quantity, "3")
    _enter(qtbot, window.restock_quantity)
    assert CatalogItem.get_by_id(cup.id).stock == 5

    _enter(qtbot, window.view)  # from the list, Enter goes to the picked item's form
    assert window.focusWidget() is window.name
    window.retire_button.setFocus()
    qtbot.keyClick(window.retire_button, Qt.Key.Key_Return)  # a button reached with Tab is pressed
    assert not CatalogItem.get_by_id(cup.id).active
    window.retire_button.click()

    member = make_member()
    ledger.adjust(member.id, 2000, "活动赠送", owner, "seed", at=NOW - dt.timedelta(minutes=5))
    dialog = RedemptionDialog(member.id, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.redeem_button)
    click(qtbot, dialog.redeem_button)
    window.tabs.setCurrentIndex(1)
    window.redemption_view.selectRow(0)
    _enter(qtbot, window.redemption_view)
    assert window.focusWidget() is window.reason
    ime_type(window.reason, "会员退回礼品")
    _enter(qtbot, window.reason)
    assert window.reversal_message.kind == "ok" and ledger.balance(member.id) == 2000
