import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from pharmacy_desk.core import coupons, ledger
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.models import Coupon, SaleLine, SaleReturn, SaleReturnLine
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.returns_dialog import ReturnLinesModel, ReturnsDialog, member_sales_model
from tests.widget_helpers import shown

NOW = dt.datetime.now().replace(microsecond=0)


def _open(qtbot, clerk, member_id=None):
    return shown(qtbot, ReturnsDialog(clerk, member_id=member_id), exposed=True)


def _two_line_sale(make_member, sell):
    member = make_member(at=NOW - dt.timedelta(hours=2))
    # 100/20 = 5 + 90 × 2/30 = 6 → 11 points
    sold = sell(member, {"household": 10000, "supplement": 9000}, at=NOW - dt.timedelta(hours=1))
    return member, sold.sale


def test_models(qtmodeltester, make_member, sell):
    member, sale = _two_line_sale(make_member, sell)
    sales_model = member_sales_model(member.id)
    qtmodeltester.check(sales_model)
    assert sales_model.rowCount() == 1 and sales_model.data(sales_model.index(0, 1)) == sale.receipt_no
    lines = ReturnLinesModel()
    from pharmacy_desk.core import history
    lines.set_rows(history.sale_lines(sale.id))
    qtmodeltester.check(lines)
    index = lines.index(1, ReturnLinesModel.AMOUNT_COLUMN)
    assert lines.data(index) == "90.00"
    assert lines.setData(index, "45") and lines.data(index) == "45.00"
    assert not lines.setData(index, "四十") and lines.data(index) == "45.00"
    assert lines.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not lines.flags(lines.index(1, 0)) & Qt.ItemFlag.ItemIsEditable


def test_partial_return_of_one_line_found_by_scanned_receipt(qtbot, clerk, make_member, sell):
    member, sale = _two_line_sale(make_member, sell)
    dialog = _open(qtbot, clerk)
    changed = []
    events().changed.connect(changed.append)
    qtbot.keyClicks(dialog.receipt_edit, sale.receipt_no)
    qtbot.keyClick(dialog.receipt_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.sale_id == sale.id
    assert dialog.lines_model.rowCount() == 2
    # return nothing of the household line and 45 of the 90 yuan supplement line, typed into the cells
    # the first 本次退 cell is already open for typing; the next opens as the cashier moves down to it
    for row, typed in ((0, "0"), (1, "45")):
        qtbot.waitUntil(lambda: isinstance(dialog.focusWidget(), QLineEdit))
        assert dialog.lines_view.currentIndex().row() == row
        editor = dialog.focusWidget()
        assert editor.selectedText() == editor.text()
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        # the delegate commits a Return on the next turn of the event loop
        qtbot.waitUntil(lambda: dialog.lines_view.state() != QAbstractItemView.State.EditingState)
        qtbot.keyClick(dialog.lines_view, Qt.Key.Key_Down)
    assert dialog.lines_model.wanted() == {SaleLine.get(SaleLine.amount_fen == 9000).id: 4500}
    qtbot.mouseClick(dialog.part_button, Qt.MouseButton.LeftButton)
    assert "请先选择退货原因" in dialog.message.text() and SaleReturn.select().count() == 0
    dialog.reason.setCurrentIndex(dialog.reason.findData("not_needed"))
    qtbot.mouseClick(dialog.part_button, Qt.MouseButton.LeftButton)
    assert "将退款 45.00 元" in dialog.message.text() and "扣回所得积分 4" in dialog.message.text()
    assert SaleReturn.select().count() == 0  # asked, not yet done
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    events().changed.disconnect(changed.append)

    record = SaleReturn.get()
    [line] = SaleReturnLine.select()
    # half the supplement: 45 yuan back; the 45 yuan kept is 1 whole block of 30元 (2 points), so 6 − 2 = 4 clawed
    assert (line.sale_line.amount_fen, line.amount_fen, record.refund_fen, record.points_clawed) == (9000, 4500, 4500, 4)
    assert ledger.balance(member.id) == 7
    assert "已退款 45.00 元" in dialog.message.text() and "扣回所得积分 4" in dialog.message.text()
    assert "会员积分余额 7" in dialog.message.text() and changed == [Changes.of_member(member.id, sales=True, ledger=True)]
    # the lines now show what came back and what is left
    assert dialog.lines_model.data(dialog.lines_model.index(1, 3)) == "45.00"
    assert dialog.lines_model.data(dialog.lines_model.index(1, 4)) == "45.00"


def test_whole_return_from_the_members_history_restores_coupon_and_points(qtbot, clerk, owner, make_member, sell):
    member = make_member(at=NOW - dt.timedelta(hours=3))
    ledger.adjust(member.id, 1000, "开户", owner, "seed", at=NOW - dt.timedelta(hours=2))
    welcome = Coupon.get(Coupon.member == member)
    sold = sell(member, {"household": 10000}, coupon_id=welcome.id, points_used=500, at=NOW - dt.timedelta(hours=1))
    # 100 - 3 - 20 = 77 paid → 3 points; balance 1000 - 500 + 3 = 503
    assert ledger.balance(member.id) == 503
    dialog = _open(qtbot, clerk, member_id=member.id)
    assert dialog.sales_model.rowCount() == 1
    dialog.sales_view.selectRow(0)
    assert dialog.sale_id == sold.sale.id
    dialog.reason.setCurrentIndex(dialog.reason.findData("quality"))
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    record = SaleReturn.get()
    assert (record.refund_fen, record.points_refunded, record.points_clawed, record.coupon_restored) == (
        7700, 500, 3, True)
    assert ledger.balance(member.id) == 1000
    assert coupons.in_use(welcome.id) is None
    text = dialog.message.text()
    assert all(part in text for part in ("已退款 77.00 元", "退回抵现积分 500", "扣回所得积分 3", "优惠券已退回"))
    assert dialog.sales_model.data(dialog.sales_model.index(0, 4)) == "已全部退货"
    assert not dialog.all_button.isEnabled() and not dialog.part_button.isEnabled()


def test_unknown_receipt_and_over_return_are_explained_inline(qtbot, clerk, make_member, sell):
    _, sale = _two_line_sale(make_member, sell)
    dialog = _open(qtbot, clerk)
    qtbot.keyClicks(dialog.receipt_edit, "20990101-9999")
    qtbot.keyClick(dialog.receipt_edit, Qt.Key.Key_Return)
    assert "找不到小票号" in dialog.message.text() and dialog.sale_id is None
    dialog.receipt_edit.setText(sale.receipt_no)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    # the first cell is open; the cashier types more than was sold and clicks without pressing Enter
    qtbot.waitUntil(lambda: isinstance(dialog.focusWidget(), QLineEdit))
    qtbot.keyClicks(dialog.focusWidget(), "100.01")
    dialog.reason.setCurrentIndex(0)
    qtbot.mouseClick(dialog.part_button, Qt.MouseButton.LeftButton)
    assert dialog.lines_model.wanted()[SaleLine.get(SaleLine.amount_fen == 10000).id] == 10001
    assert "超出可退金额" in dialog.message.text() and SaleReturn.select().count() == 0


def test_the_insured_part_goes_back_to_insurance_and_a_double_click_returns_once(qtbot, clerk, make_member, sell):
    member = make_member(at=NOW - dt.timedelta(hours=3))
    # OTC 150 + Rx 80 with 医保 100: 130 paid in cash
    sold = sell(member, {"otc": 15000, "rx": 8000}, at=NOW - dt.timedelta(hours=1),
                payments={"insurance": 10000, "cash": 13000})
    slips = []
    events().slip.connect(slips.append)
    dialog = _open(qtbot, clerk, member_id=member.id)
    dialog.sales_view.selectRow(0)
    rx = SaleLine.get((SaleLine.sale == sold.sale.id) & (SaleLine.amount_fen == 8000))
    rx_row = next(r for r in range(2) if dialog.lines_model.row(r).id == rx.id)
    dialog.lines_model.setData(dialog.lines_model.index(rx_row, ReturnLinesModel.AMOUNT_COLUMN), "0")
    dialog.reason.setCurrentIndex(dialog.reason.findData("not_needed"))
    qtbot.mouseClick(dialog.part_button, Qt.MouseButton.LeftButton)
    # 医保 paid the prescription's 80 and 20 of the OTC: the OTC's 150 goes back 20 to 医保, 130 in cash.
    expected = "医保（退回医保账户） 20.00、现金（现金退还） 130.00"
    assert expected in dialog.message.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.lines_view, Qt.Key.Key_Return)
    events().slip.disconnect(slips.append)
    assert SaleReturn.select().count() == 1
    assert expected in dialog.message.text()
    [slip] = slips
    text = "\n".join(f"{line.left} {line.right}" for line in slip.lines)
    assert "退回医保账户" in text and "原因 顾客不需要了" in text and "原单号 " + sold.sale.receipt_no in text


def test_a_big_return_by_a_cashier_is_refused_naming_the_owner(qtbot, clerk, make_member, sell):
    member = make_member(at=NOW - dt.timedelta(hours=3))
    sell(member, {"household": 80000}, at=NOW - dt.timedelta(hours=1))
    dialog = _open(qtbot, clerk, member_id=member.id)
    dialog.sales_view.selectRow(0)
    dialog.reason.setCurrentIndex(0)
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert "需要店长批准" in dialog.message.text()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert "需要店长批准" in dialog.message.text() and SaleReturn.select().count() == 0


def _focused():
    return QApplication.focusWidget()


def test_a_return_by_receipt_is_made_with_the_keyboard_alone_tab_reaching_the_reason(qtbot, clerk, make_member,
                                                                                      sell):
    _, sale = _two_line_sale(make_member, sell)
    dialog = _open(qtbot, clerk)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(_focused(), sale.receipt_no)  # scanned into the receipt field, which has the focus
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(_focused(), QLineEdit) and _focused() is not dialog.receipt_edit)
    qtbot.keyClicks(_focused(), "60")  # 60 of the household line's 100, typed into its open cell
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)  # out of the lines, the amount kept
    assert _focused() is dialog.reason
    assert dialog.lines_model.wanted()[SaleLine.get(SaleLine.amount_fen == 10000).id] == 6000
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # a closed box: the arrows choose
    assert dialog.reason.currentIndex() == 0
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is dialog.part_button  # the reason, then 全部退货, 部分退货
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    assert "将退款 150.00 元" in dialog.message.text() and _focused() is dialog.confirm_button
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    assert SaleReturn.get().refund_fen == 15000
    # The next receipt scanned (digits, then Enter) goes into the receipt field, replacing the
    # last one, not onto 重印小票 where its Enter would print the last receipt again.
    qtbot.waitUntil(lambda: _focused() is dialog.receipt_edit)
    assert dialog.receipt_edit.selectedText() == dialog.receipt_edit.text()


def test_the_reason_has_its_key_and_tab_leaves_the_members_sales(qtbot, clerk, make_member, sell):
    member, sale = _two_line_sale(make_member, sell)
    dialog = _open(qtbot, clerk, member_id=member.id)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)  # past 查找 to the member's sales
    assert _focused() is dialog.sales_view
    qtbot.keyClick(dialog.sales_view, Qt.Key.Key_Down)
    assert dialog.sale_id == sale.id
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is dialog.lines_view
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is dialog.reason
    dialog.receipt_edit.setFocus()
    qtbot.keyClick(_focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # 退货原因(R)
    assert _focused() is dialog.reason


def test_points_the_member_already_spent_are_said_before_the_return_is_confirmed(qtbot, clerk, owner, make_member,
                                                                                 sell):
    """A sale earns 20 points, the member spends 15 of them: the return can take back 5 and says so
    before the cashier confirms, as the slip will after."""
    member = make_member(at=NOW - dt.timedelta(hours=2))
    sold = sell(member, {"supplement": 30000}, at=NOW - dt.timedelta(hours=1))  # 300元 × 2/30 → 20
    ledger.adjust(member.id, -15, "兑换礼品（手工）", owner, "spend", at=NOW - dt.timedelta(minutes=30))
    dialog = _open(qtbot, clerk)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(_focused(), sold.sale.receipt_no)
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(_focused(), QLineEdit) and _focused() is not dialog.receipt_edit)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is dialog.all_button
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    planned = dialog.message.text()
    assert "扣回所得积分 5" in planned and "积分不足未能扣回 15" in planned and "扣回所得积分 20" not in planned
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    record = SaleReturn.get()
    assert (record.points_clawed, record.points_shortfall) == (5, 15)
