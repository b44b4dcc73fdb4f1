"""The counter under a queue: each customer's keys act on that customer, and the receipt pane tells the truth."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pharmacy_desk.core import ledger, redemption, returns
from pharmacy_desk.core.models import Sale
from pharmacy_desk.ui.redemption_dialog import RedemptionDialog
from tests.counter_window import act_as, scan, type_amount

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


def test_the_window_fits_a_1366_by_768_screen_with_its_taskbar_and_opens_as_it_was_closed(qtbot, db, clerk,
                                                                                            monkeypatch):
    from PySide6.QtCore import QRect

    from pharmacy_desk.ui import window_fit
    from pharmacy_desk.ui.main_window import MainWindow
    from pharmacy_desk.ui.session import Session

    free = QRect(0, 0, 1366, 728)  # a 1366×768 screen less a 40-pixel taskbar
    monkeypatch.setattr(window_fit, "available", lambda: free)
    first = MainWindow(Session(clerk))
    qtbot.addWidget(first)
    # 1366×768 and a title bar do not fit: maximized, so the window manager fits frame and all;
    # un-maximized it keeps room for a title bar above it
    assert first.windowState() & Qt.WindowState.WindowMaximized
    placed = first.geometry()
    assert free.contains(placed) and placed.top() - free.top() >= window_fit.FRAME_ALLOWANCE.height() - 8
    first.show()
    qtbot.waitExposed(first)
    first.showNormal()
    first.resize(first.minimumSizeHint().width() + 4, 500)
    left = first.geometry()
    first.close()
    again = MainWindow(Session(clerk))
    qtbot.addWidget(again)
    # as it was closed: not maximized as a first start would be, and as tall (Qt keeps a
    # restored window on the screen it finds, which under the tests is narrower than the window)
    assert not again.windowState() & Qt.WindowState.WindowMaximized
    assert again.height() == left.height() == 500


def test_qt_dialogs_speak_chinese_even_where_qt_has_no_translations_folder(qtbot, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QLibraryInfo
    from PySide6.QtWidgets import QApplication

    from pharmacy_desk.ui import i18n

    # a frozen build: Qt's own idea of its translations folder leads nowhere
    monkeypatch.setattr(QLibraryInfo, "path", staticmethod(lambda _which: "/nonexistent"))
    assert i18n.install(QApplication.instance(), "zh_CN") == "zh_CN"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："


def test_allergies_never_recorded_read_as_not_recorded_not_as_none(qtbot, window, make_member):
    from pharmacy_desk.core.models import Member, Staff

    member = make_member(name="赵敏")
    Member.update(health_consent_on=dt.date.today()).where(Member.id == member.id).execute()
    act_as(window, Staff.create(name="周药师", role="pharmacist"))
    scan(qtbot, window, member.card_no)
    text = window.counter.panel.health_label.text()
    assert "过敏史：未记录" in text and "过敏史：无" not in text


def test_a_chronic_medicine_is_named_at_the_till_for_its_refill_reminder(qtbot, window, make_member):
    from pharmacy_desk.core.models import SaleLine
    from tests.counter_helpers import ime_type

    member = make_member(name="张三")
    scan(qtbot, window, member.card_no)
    entry = window.counter.entry
    type_amount(qtbot, window, "rx", "60")
    entry.days["rx"].setValue(30)
    ime_type(entry.medicines["rx"], "苯磺酸氨氯地平片")
    qtbot.keyClick(entry.medicines["rx"], Qt.Key.Key_Return)
    line = SaleLine.get()
    assert (line.description, line.days_supply, line.amount_fen) == ("苯磺酸氨氯地平片", 30, 6000)
    assert entry.medicines["rx"].text() == ""  # the next sale starts empty


def _active(qtbot, widget) -> None:
    """The window system has made ``widget``'s window the one keys and shortcuts go to."""
    qtbot.waitUntil(widget.isActiveWindow)


def _scanned_wherever_the_focus_is(qtbot, digits: str) -> None:
    """A scanner types into the focused widget of the active window, whatever it is."""
    focused = QApplication.focusWidget()
    assert focused is not None, "no window takes the keys"
    qtbot.keyClicks(focused, digits)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def test_after_a_redemption_closed_with_the_keyboard_the_next_scan_and_f4_reach_the_counter(
        qtbot, window, make_member, owner):
    redemption.add_catalog_item(name="口罩", points_price=10, value_fen=100, operator=owner)
    first = make_member(name="张三")
    second = make_member(phone="13900000002", name="李四")
    for member in (first, second):
        ledger.adjust(member.id, 100, "活动赠送", owner, f"seed{member.id}", at=NOW - dt.timedelta(minutes=5))
    scan(qtbot, window, first.card_no)  # the first amount has the focus, for a sale
    for member, closing_key in ((first, Qt.Key.Key_Return), (second, Qt.Key.Key_Escape)):
        dialog = _f4(qtbot, window)
        assert dialog is not None and dialog.member_id == member.id
        _active(qtbot, dialog)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Return, closing_key):  # asked, confirmed, closed
            qtbot.keyClick(dialog.focusWidget(), key)
        assert ledger.balance(member.id) == 90
        qtbot.waitUntil(dialog.isHidden)
        # The counter is the active window again (no window manager does it for a till without one),
        # the search has the focus, not the amount field it had before the dialog.
        _active(qtbot, window)
        assert QApplication.focusWidget() is window.counter.search.edit
        _scanned_wherever_the_focus_is(qtbot, second.card_no)
        assert window.counter.member_id == second.id
        assert not window.counter.entry.has_amounts()


def test_the_last_customers_sale_message_goes_when_the_next_customer_is_scanned(qtbot, window, make_member):
    first = make_member(name="张三")
    second = make_member(phone="13900000002", name="李四")
    scan(qtbot, window, first.card_no)
    type_amount(qtbot, window, "household", "600")  # lifts 张三 to 核心会员
    _enter(qtbot, window)
    message = window.counter.entry.message
    assert "已记账" in message.text() and "会员升级" in message.text()  # for the customer still at the counter
    scan(qtbot, window, second.card_no)
    assert message.text() == ""  # 李四 was neither served nor lifted
