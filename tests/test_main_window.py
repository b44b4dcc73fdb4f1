"""The main window's menus and keys open each screen on the member at the counter; the counter follows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pharmacy_desk.core import ledger, redemption
from pharmacy_desk.core.models import Member, Redemption, Sale, SaleReturn, Staff
from pharmacy_desk.ui.member_detail import MemberDetailDialog
from pharmacy_desk.ui.redemption_dialog import RedemptionDialog
from pharmacy_desk.ui.returns_dialog import ReturnsDialog
from tests.counter_window import act_as, scan, type_amount

NOW = dt.datetime.now().replace(microsecond=0)


def _key(qtbot, window, key) -> None:
    qtbot.keyClick(window.focusWidget() or window, key)


def _dialog(qtbot, window, kind):
    dialog = window.findChild(kind)
    assert dialog is not None, f"{kind.__name__} did not open"
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_f4_redeems_for_the_member_at_the_counter_and_the_panel_follows(qtbot, window, make_member, clerk, owner):
    cup = redemption.add_catalog_item(name="保温杯", points_price=800, value_fen=3500, stock=5, operator=owner)
    member = make_member(at=NOW - dt.timedelta(hours=1))
    ledger.adjust(member.id, 2000, "活动赠送", owner, "seed", at=NOW - dt.timedelta(minutes=30))
    scan(qtbot, window, member.card_no)
    _key(qtbot, window, Qt.Key.Key_F4)
    dialog = _dialog(qtbot, window, RedemptionDialog)
    assert dialog.selected_item().id == cup.id
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # what it takes, asked
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # confirmed
    assert Redemption.get().member_id == member.id and ledger.balance(member.id) == 1200
    assert "积分兑换凭条" in window.counter.receipt.text.toPlainText()  # the slip, ready to print
    assert "1200 分" in window.counter.panel.balance_label.text()  # refreshed while the dialog is open
    dialog.reject()
    assert window.counter.search.edit.hasFocus()


def test_f5_returns_a_sale_from_the_members_history_and_the_panel_shows_it(qtbot, window, make_member):
    member = make_member(at=NOW - dt.timedelta(hours=1))
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "100")
    _key(qtbot, window, Qt.Key.Key_Return)
    assert ledger.balance(member.id) == 5
    _key(qtbot, window, Qt.Key.Key_F5)
    dialog = _dialog(qtbot, window, ReturnsDialog)
    assert dialog.sales_model.rowCount() == 1
    dialog.sales_view.selectRow(0)
    dialog.reason.setCurrentIndex(0)
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert "将退款 100.00 元：微信（原路退回） 100.00" in dialog.message.text() and SaleReturn.select().count() == 0
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    returned = SaleReturn.get()
    assert (returned.sale_id, returned.refund_fen, returned.points_clawed) == (Sale.get().id, 10000, 5)
    assert ledger.balance(member.id) == 0
    assert window.counter.panel.balance_label.text().startswith("0 分")
    slip = window.counter.receipt.text.toPlainText()
    assert "退货凭条" in slip and "微信（原路退回）" in slip


def test_f3_opens_the_members_detail_and_f4_without_a_member_explains(qtbot, window, make_member):
    _key(qtbot, window, Qt.Key.Key_F4)
    assert window.findChild(RedemptionDialog) is None
    assert "请先找到会员" in window.statusBar().currentMessage()
    member = make_member(name="陈静")
    scan(qtbot, window, member.card_no)
    _key(qtbot, window, Qt.Key.Key_F3)
    dialog = _dialog(qtbot, window, MemberDetailDialog)
    assert dialog.member_id == member.id
    dialog.reject()


def test_owner_windows_open_from_the_menu(qtbot, window, owner):
    act_as(window, owner)
    for name in ("经营图表", "回访名单", "营销活动"):
        action = next(a for m in window.menuBar().actions() for a in m.menu().actions() if a.text() == name)
        action.trigger()
    titles = {w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()}
    assert {"月度报表与图表", "回访名单", "营销活动"} <= titles
    for w in window._windows:
        w.close()


def test_export_menu_follows_the_operator(qtbot, window, owner):
    actions = {a.objectName(): a for a in window.export_menu.actions()}
    assert not actions["export_members"].isEnabled()  # the cashier at the till cannot export
    assert not window.export_menu.menuAction().isVisible()  # nor sees the menu
    act_as(window, owner)
    actions = {a.objectName(): a for a in window.export_menu.actions()}
    assert actions["export_members"].isEnabled() and window.export_menu.menuAction().isVisible()


def test_receipt_saves_as_a_pdf_sized_for_the_paper(qtbot, window, make_member, tmp_path):
    from pharmacy_desk.core import receipt as receipt_core
    from pharmacy_desk.ui.receipt import make_printer

    member = make_member(name="张三")
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "88")
    _key(qtbot, window, Qt.Key.Key_Return)
    view = window.counter.receipt
    out = view.save_pdf(str(tmp_path / "receipt.pdf"))
    data = (tmp_path / "receipt.pdf").read_bytes()
    assert out and data.startswith(b"%PDF") and len(data) > 1000
    for mm in (58, 80):
        printer = make_printer(view.receipt, mm)
        width = printer.pageLayout().fullRect(printer.pageLayout().Unit.Millimeter).width()
        assert abs(width - mm) < 0.5
    view.paper.setCurrentIndex(view.paper.findData(80))
    widest = max(receipt_core.display_width(line) for line in view.text.toPlainText().splitlines())
    assert widest <= receipt_core.PAPER_COLUMNS[80]


def test_no_staff_yet_means_no_sale(qtbot, db):
    from pharmacy_desk.ui.main_window import MainWindow
    from pharmacy_desk.ui.session import Session

    Staff.update(active=False).execute()
    w = MainWindow(Session())
    qtbot.addWidget(w)
    member_count = Member.select().count()
    assert w.operator() is None and member_count == 0
    assert w.pages.currentWidget() is w.lock_screen  # nobody signed in: the counter is covered
    w.counter.entry.amounts["household"].setText("10")
    w.counter.entry.submit()
    assert Sale.select().count() == 0 and "请先登录" in w.counter.entry.message.text()


def test_the_keyboard_hint_comes_back_after_a_timed_message(qtbot, window):
    assert window.hint.isVisible() and "F2 登记新会员" in window.hint.text()
    _key(qtbot, window, Qt.Key.Key_F4)  # no member yet: a 5-second message covers the hint
    assert "请先找到会员" in window.statusBar().currentMessage() and not window.hint.isVisible()
    window.statusBar().clearMessage()  # what the timer does after 5 seconds
    assert window.statusBar().currentMessage() == "" and window.hint.isVisible()


def test_a_receipt_is_reprinted_from_the_members_history_with_the_store_header(qtbot, window, make_member, owner):
    from pharmacy_desk.core import settings

    settings.change("pharmacy_name", "康宁大药房", owner)
    settings.change("pharmacy_phone", "0571-88886666", owner)
    member = make_member(at=NOW - dt.timedelta(hours=1))
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "36")
    _key(qtbot, window, Qt.Key.Key_Return)
    receipt = window.counter.receipt
    assert receipt.text.toPlainText().splitlines()[1].strip() == "康宁大药房"
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "12")
    _key(qtbot, window, Qt.Key.Key_Return)
    first = Sale.select().order_by(Sale.id).first()
    assert first.receipt_no not in receipt.text.toPlainText()
    _key(qtbot, window, Qt.Key.Key_F5)
    dialog = _dialog(qtbot, window, ReturnsDialog)
    row = next(r for r in range(dialog.sales_model.rowCount()) if dialog.sales_model.row(r).id == first.id)
    dialog.sales_view.selectRow(row)
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    text = receipt.text.toPlainText()
    assert first.receipt_no in text and "康宁大药房" in text and "电话 0571-88886666" in text and "36.00" in text
    assert receipt.print_button.isEnabled()


def test_a_window_from_the_menus_closed_with_esc_gives_the_keys_back_to_the_counter(qtbot, window, make_member, owner):
    from pharmacy_desk.ui.catalog_window import CatalogWindow

    member = make_member(name="陈静")
    act_as(window, owner)
    scan(qtbot, window, member.card_no)
    window.open_catalog()
    catalog = _dialog(qtbot, window, CatalogWindow)
    qtbot.waitUntil(catalog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(catalog.isHidden)
    # No window manager hands the keys back on a till without one: the counter takes them.
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is window.counter.search.edit
    _key(qtbot, window, Qt.Key.Key_F3)  # the counter's keys work again
    assert _dialog(qtbot, window, MemberDetailDialog).member_id == member.id
