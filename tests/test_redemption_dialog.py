import datetime as dt

from PySide6.QtCore import Qt

from pharmacy_desk.core import ledger, redemption
from pharmacy_desk.core.changes import Changes
from pharmacy_desk.core.models import CatalogItem, Redemption
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.redemption_dialog import RedemptionDialog, catalog_model
from tests.widget_helpers import shown

NOW = dt.datetime.now().replace(microsecond=0)


def _catalog(owner):
    cup = redemption.add_catalog_item(name="保温杯", points_price=800, value_fen=3500, stock=2, operator=owner)
    visit = redemption.add_catalog_item(name="药师上门服务", points_price=3000, value_fen=10000, kind="service",
                                        operator=owner)
    return cup, visit


def _open(qtbot, member, clerk):
    return shown(qtbot, RedemptionDialog(member.id, clerk), exposed=True)


def _opened_with_points(qtbot, member, points, clerk, owner):
    """The dialog opened for ``member`` after the owner gave them ``points`` a few minutes ago."""
    ledger.adjust(member.id, points, "活动赠送", owner, "seed", at=NOW - dt.timedelta(minutes=5))
    return member, _open(qtbot, member, clerk)


def test_catalog_model(qtmodeltester, owner):
    _catalog(owner)
    model = catalog_model()
    qtmodeltester.check(model)
    # cheapest first: 保温杯 800, then the 3000-point service with unlimited stock
    assert [[model.data(model.index(r, c)) for c in range(5)] for r in range(2)] == [
        ["保温杯", "礼品", "800", "35.00", "2"], ["药师上门服务", "服务", "3000", "100.00", "不限"]]


def test_cashier_redeems_a_gift_and_the_header_follows(qtbot, make_member, clerk, owner):
    cup, _ = _catalog(owner)
    member, dialog = _opened_with_points(qtbot, make_member(), 2000, clerk, owner)
    # 普通会员: 50 yuan cap per month, nothing used yet
    assert "可用积分 2000" in dialog.header.text() and "本月还可兑换 50.00 元" in dialog.header.text()
    changed = []
    events().changed.connect(changed.append)
    assert dialog.selected_item().id == cup.id
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert "扣 800 积分，积分 2000 → 1200" in dialog.message.text() and Redemption.select().count() == 0
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    events().changed.disconnect(changed.append)
    redeemed = Redemption.get()
    assert (redeemed.item_id, redeemed.points, redeemed.value_fen) == (cup.id, 800, 3500)
    assert ledger.balance(member.id) == 1200 and CatalogItem.get_by_id(cup.id).stock == 1
    # 2000 - 800 = 1200 points; cap 50 - 35 = 15 yuan left
    assert "可用积分 1200" in dialog.header.text() and "本月还可兑换 15.00 元" in dialog.header.text()
    assert "余额 1200" in dialog.message.text() and changed == [Changes.of_member(member.id, ledger=True, catalog=True)]
    assert dialog.model.data(dialog.model.index(0, 4)) == "1"


def test_over_the_monthly_cap_is_refused_inline(qtbot, make_member, clerk, owner):
    _, visit = _catalog(owner)
    member, dialog = _opened_with_points(qtbot, make_member(), 5000, clerk, owner)
    dialog.view.selectRow(1)
    assert dialog.selected_item().id == visit.id
    qtbot.mouseClick(dialog.redeem_button, Qt.MouseButton.LeftButton)
    assert Redemption.select().count() == 0 and ledger.balance(member.id) == 5000
    assert dialog.message.kind == "error" and "超出本月兑换上限" in dialog.message.text()
    assert "50.00" in dialog.message.text() and "100.00" in dialog.message.text()


def test_not_enough_points_or_stock_is_refused_inline(qtbot, make_member, clerk, owner):
    cup, _ = _catalog(owner)
    member, dialog = _opened_with_points(qtbot, make_member(), 900, clerk, owner)
    dialog.quantity.setValue(3)
    qtbot.mouseClick(dialog.redeem_button, Qt.MouseButton.LeftButton)
    assert "库存不足" in dialog.message.text()
    dialog.quantity.setValue(2)  # 1600 points for two, 900 held; 70 yuan is over the cap as well
    qtbot.mouseClick(dialog.redeem_button, Qt.MouseButton.LeftButton)
    assert dialog.message.kind == "error"
    assert Redemption.select().count() == 0 and ledger.balance(member.id) == 900


def test_enter_pressed_again_and_again_redeems_once_and_says_so(qtbot, make_member, clerk, owner):
    gift = redemption.add_catalog_item(name="口罩", points_price=400, value_fen=1000, operator=owner)
    member = make_member()
    ledger.adjust(member.id, 510, "活动赠送", owner, "seed", at=NOW - dt.timedelta(minutes=5))
    slips = []
    events().slip.connect(slips.append)
    dialog = _open(qtbot, member, clerk)
    assert dialog.selected_item().id == gift.id
    for _ in range(4):  # ask, confirm, then bounces
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    events().slip.disconnect(slips.append)
    assert Redemption.select().count() == 1 and ledger.balance(member.id) == 110
    assert "已兑换 口罩 × 1，扣 400 积分，余额 110" in dialog.message.text()
    [slip] = slips
    assert slip.title == "积分兑换凭条" and any("口罩 × 1" in line.left for line in slip.lines)
    assert any(line.left == "积分余额" and line.right == "110" for line in slip.lines)


def test_what_the_member_cannot_afford_is_greyed_out_with_the_reason(qtbot, make_member, clerk, owner):
    cup, visit = _catalog(owner)
    member, dialog = _opened_with_points(qtbot, make_member(), 900, clerk, owner)
    model = dialog.model
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEnabled  # 保温杯, 800 of 900
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsEnabled  # 3000 points
    assert "积分不足" in model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert dialog.selected_item().id == cup.id


def test_an_empty_catalog_says_so_and_offers_nothing_to_redeem(qtbot, make_member, clerk):
    # A new pharmacy has no gifts yet: the cashier is told why, not left with a blank list and a live button.
    dialog = _open(qtbot, make_member(), clerk)
    assert dialog.model.rowCount() == 0
    assert not dialog.redeem_button.isEnabled()
    assert dialog.message.text() == "兑换目录里还没有礼品或服务，店长添加后即可兑换。"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert Redemption.select().count() == 0


def test_tab_leaves_the_catalog_for_the_quantity_and_enter_asks_for_that_many(qtbot, make_member, clerk, owner):
    from PySide6.QtWidgets import QApplication

    gift = redemption.add_catalog_item(name="口罩", points_price=100, value_fen=500, operator=owner)
    member, dialog = _opened_with_points(qtbot, make_member(), 500, clerk, owner)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.view and dialog.selected_item().id == gift.id
    qtbot.keyClick(dialog.view, Qt.Key.Key_Tab)  # out of the list: its rows are picked with the arrows
    assert QApplication.focusWidget() is dialog.quantity
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)
    assert "兑换 口罩 × 2：扣 200 积分，积分 500 → 300" in dialog.message.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert ledger.balance(member.id) == 300 and Redemption.get().quantity == 2
