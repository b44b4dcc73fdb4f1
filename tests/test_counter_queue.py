"""The counter under a queue: each customer's keys act on that customer, and the receipt pane tells the truth."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pharmacy_desk.core import ledger, redemption, returns
from pharmacy_desk.core.models import Sale
from pharmacy_desk.ui.redemption_dialog import RedemptionDialog
from tests.counter_window import scan, type_amount

NOW = dt.datetime.now().replace(microsecond=0)


def _enter(qtbot, window) -> None:
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)


def _f4(qtbot, window):
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F4)
    return window.findChild(RedemptionDialog)


def test_f4_right_after_a_sale_opens_that_sales_customer(qtbot, window, make_member, owner):
    redemption.add_catalog_item(name="口罩", points_price=10, value_fen=100, operator=owner)
    first = make_member(name="张三")
    second = make_member(phone="13900000002", name="李四")
    for member in (first, second):
        ledger.adjust(member.id, 100, "活动赠送", owner, f"seed{member.id}", at=NOW - dt.timedelta(minutes=5))
    scan(qtbot, window, first.card_no)
    type_amount(qtbot, window, "household", "20")
    _enter(qtbot, window)
    scan(qtbot, window, second.card_no)
    type_amount(qtbot, window, "household", "30")
    _enter(qtbot, window)
    dialog = _f4(qtbot, window)
    assert dialog is not None and dialog.member_id == second.id
    dialog.reject()


def test_f4_after_a_walk_in_sale_does_not_open_the_customer_before(qtbot, window, make_member):
    member = make_member(name="张三")
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "20")
    _enter(qtbot, window)
    type_amount(qtbot, window, "household", "15")  # the next customer says nothing: a walk-in
    _enter(qtbot, window)
    assert [s.member_id for s in Sale.select().order_by(Sale.id)] == [member.id, None]
    assert _f4(qtbot, window) is None
    assert "请先找到会员" in window.statusBar().currentMessage()
    assert window.counter.panel.name_label.text() == "散客"


def test_the_receipt_pane_shows_a_return_made_since(qtbot, window, make_member, clerk):
    member = make_member(name="张三")
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "100")
    _enter(qtbot, window)
    receipt = window.counter.receipt
    assert "已退货" not in receipt.text.toPlainText()
    from pharmacy_desk.ui.operations import Op

    Op(window, lambda operator: returns.return_sale(sale_id=Sale.get().id, operator=operator, uid="r1")).run()
    text = receipt.text.toPlainText()
    assert "已退货退款" in text and "-100.00" in text and "退货后实付" in text
