"""The cashier records sales at the counter: amounts, coupon, points, 医保, Enter — and the database agrees."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pharmacy_desk.core import coupons, ledger
from pharmacy_desk.core.models import Coupon, Member, Payment, Sale, SaleLine, Staff
from tests.counter_window import act_as, scan, type_amount

NOW = dt.datetime.now().replace(microsecond=0)


def _enter(qtbot, window) -> None:
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)


def test_scan_type_amount_enter_records_one_sale_and_shows_the_new_balance(qtbot, window, make_member):
    member = make_member(name="张三", at=NOW - dt.timedelta(days=1))
    counter = window.counter
    scan(qtbot, window, member.card_no)
    field = counter.entry.amounts["household"]
    assert field.hasFocus()  # no mouse: the amount goes straight in
    qtbot.keyClicks(field, "128.50")
    # 128.50 yuan of 常备药 at 1 point per 20 yuan paid: 6 points
    assert counter.entry.due_label.text() == "应付 128.50 元"
    assert "本单积分 +6" in counter.entry.detail_label.text()
    _enter(qtbot, window)

    sale = Sale.get()
    assert (sale.member_id, sale.total_fen, sale.paid_fen, sale.points_earned) == (member.id, 12850, 12850, 6)
    assert [(p.method, p.amount_fen) for p in Payment.select()] == [("wechat", 12850)]
    assert ledger.balance(member.id) == 6
    assert "6 分" in counter.panel.balance_label.text()
    assert sale.receipt_no in counter.receipt.text.toPlainText()
    assert "积分余额" in counter.receipt.text.toPlainText()
    assert counter.search.edit.hasFocus()  # ready for the next customer
    assert field.text() == ""


def test_a_sale_that_lifts_the_tier_tells_the_cashier_and_the_customer(qtbot, window, make_member):
    member = make_member(name="张三", at=NOW - dt.timedelta(days=1))
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "520")  # 520元 in the last 12 months ≥ 500元: 核心会员
    _enter(qtbot, window)
    counter = window.counter
    assert Member.get_by_id(member.id).tier.name == "核心会员"
    assert "会员升级为核心会员" in counter.entry.message.text()
    assert "恭喜您升级为核心会员" in counter.receipt.text.toPlainText()
    assert counter.panel.tier_label.text() == "核心会员"


def test_after_a_return_the_counter_no_longer_says_the_upgrade_it_undid(qtbot, window, make_member):
    from PySide6.QtWidgets import QApplication

    from pharmacy_desk.ui.returns_dialog import ReturnsDialog

    member = make_member(name="张三", at=NOW - dt.timedelta(days=1))
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "520")
    _enter(qtbot, window)
    counter = window.counter
    assert "会员升级为核心会员" in counter.entry.message.text()
    act_as(window, Staff.create(name="王店长", role="owner"))  # 520元 back needs the owner
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F5)
    dialog = window.findChild(ReturnsDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.receipt_edit, Sale.get().receipt_no)
    qtbot.keyClick(dialog.receipt_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not dialog.receipt_edit)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # 全部退货: the plan
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # 确认退货
    assert "会员等级回到普通会员" in dialog.message.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert Member.get_by_id(member.id).tier.name == "普通会员" and counter.panel.tier_label.text() == "普通会员"
    assert "升级" not in counter.entry.message.text()


def test_enter_pressed_twice_records_one_sale(qtbot, window, make_member):
    member = make_member()
    scan(qtbot, window, member.card_no)
    qtbot.keyClicks(window.counter.entry.amounts["household"], "50")
    field = window.counter.entry.amounts["household"]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the bounce lands on the (now empty) form
    _enter(qtbot, window)  # and one more where the focus went: the search box, empty
    assert Sale.select().count() == 1


def test_a_retried_submit_of_the_same_form_is_one_sale(qtbot, window, make_member):
    """The form's sale uid is what makes a retry safe: submitting the same uid again records nothing new."""
    member = make_member()
    scan(qtbot, window, member.card_no)
    entry = window.counter.entry
    qtbot.keyClicks(entry.amounts["household"], "50")
    uid = entry.uid
    entry.submit()
    qtbot.keyClicks(entry.amounts["household"], "50")
    entry.uid = uid  # as if the first attempt's acknowledgement was lost and it was sent again
    entry.submit()
    assert Sale.select().count() == 1


def test_walk_in_sale_without_a_member(qtbot, window, make_member):
    member = make_member()
    scan(qtbot, window, member.card_no)
    window.counter.search.focus()
    qtbot.keyClick(window.counter.search.edit, Qt.Key.Key_Escape)  # 散客
    assert window.counter.panel.name_label.text() == "散客"
    type_amount(qtbot, window, "otc", "35")
    assert "散客不积分" in window.counter.entry.detail_label.text()
    _enter(qtbot, window)
    sale = Sale.get()
    assert (sale.member_id, sale.paid_fen, sale.points_earned) == (None, 3500, 0)
    assert window.counter.receipt.receipt.title == "消费小票"
    assert ledger.balance(member.id) == 0


def test_coupon_and_points_as_cash_within_the_cap(qtbot, window, make_member, clerk, owner):
    member = make_member(at=NOW - dt.timedelta(hours=3))
    ledger.adjust(member.id, 1200, "活动赠送", owner, "seed", at=NOW - dt.timedelta(hours=2))
    welcome = Coupon.get(Coupon.member == member)
    scan(qtbot, window, member.card_no)
    entry = window.counter.entry
    # 1200 usable points, 普通会员 cap 50 yuan: 500 (20 yuan) or 1000 (42 yuan); 1500 is not there
    assert [entry.points.itemData(i) for i in range(entry.points.count())] == [0, 500, 1000]
    assert entry.coupon.itemData(1) == welcome.id
    qtbot.keyClicks(entry.amounts["household"], "100")
    entry.coupon.setCurrentIndex(1)
    entry.points.setCurrentIndex(1)
    # 100 − 3 (new-member coupon) − 20 (500 points) = 77 paid → 3 points
    assert entry.due_label.text() == "应付 77.00 元"
    _enter(qtbot, window)
    sale = Sale.get()
    assert (sale.paid_fen, sale.coupon_discount_fen, sale.points_used, sale.points_cash_fen,
            sale.points_earned) == (7700, 300, 500, 2000, 3)
    assert coupons.in_use(welcome.id).sale_id == sale.id
    assert ledger.balance(member.id) == 1200 - 500 + 3
    # scanned again, the member's choices follow: the coupon is gone, 703 points leave only the 500 block
    scan(qtbot, window, member.card_no)
    assert entry.coupon.count() == 1
    assert [entry.points.itemData(i) for i in range(entry.points.count())] == [0, 500]


def test_after_a_sale_the_next_one_is_not_credited_to_the_last_customer(qtbot, window, make_member):
    member = make_member(name="张三")
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", "100")
    _enter(qtbot, window)
    panel = window.counter.panel
    # the panel stays for the customer to hear the new balance, marked as settled
    assert panel.name_label.text() == "张三" and "5 分" in panel.balance_label.text()
    assert panel.settled_label.isVisible()
    # the next customer says nothing and pays: a walk-in sale
    type_amount(qtbot, window, "household", "40")
    assert "散客不积分" in window.counter.entry.detail_label.text()
    _enter(qtbot, window)
    assert [s.member_id for s in Sale.select().order_by(Sale.id)] == [member.id, None]
    assert ledger.balance(member.id) == 5


def test_a_search_that_finds_nobody_clears_the_last_customer(qtbot, window, make_member):
    member = make_member(name="张三")
    scan(qtbot, window, member.card_no)
    window.counter.search.focus()
    scan(qtbot, window, "13999990000")  # a new customer, not yet a member
    assert window.counter.member_id is None and window.counter.panel.name_label.text() == "散客"
    type_amount(qtbot, window, "household", "40")
    _enter(qtbot, window)
    assert Sale.get().member_id is None


def test_insurance_split_and_category_keys(qtbot, window, make_member):
    member = make_member()
    scan(qtbot, window, member.card_no)
    entry = window.counter.entry
    qtbot.keyClick(entry.amounts["household"], Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # Alt+5: 处方药
    assert entry.amounts["rx"].hasFocus()
    qtbot.keyClicks(entry.amounts["rx"], "200")
    qtbot.keyClick(entry.amounts["rx"], Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # Alt+3: 保健品
    qtbot.keyClicks(entry.amounts["supplement"], "300")
    entry.days["rx"].setValue(30)
    entry.method.setCurrentIndex(entry.method.findData("cash"))
    qtbot.keyClicks(entry.insurance, "150")
    assert "医保 150.00" in entry.detail_label.text() and "现金 350.00" in entry.detail_label.text()
    qtbot.keyClick(entry.insurance, Qt.Key.Key_Return)
    sale = Sale.get()
    assert sorted((p.method, p.amount_fen) for p in Payment.select()) == [("cash", 35000), ("insurance", 15000)]
    # No points on prescription drugs. 医保 paid the prescription (ticked to begin with), so the
    # 保健品 was paid in full: 300 yuan → 10 blocks of 30 yuan × 2 points = 20.
    assert sale.points_earned == 20 and ledger.balance(member.id) == 20
    assert {l.category.code: l.insurance_share_fen for l in SaleLine.select()} == {"rx": 15000, "supplement": 0}
    rx_line = SaleLine.get(SaleLine.days_supply.is_null(False))
    assert rx_line.days_supply == 30 and rx_line.amount_fen == 20000


def test_due_is_what_the_customer_pays_with_the_insured_part_beside_it(qtbot, window, make_member):
    member = make_member()
    scan(qtbot, window, member.card_no)
    entry = window.counter.entry
    type_amount(qtbot, window, "otc", "150")
    type_amount(qtbot, window, "rx", "80")
    qtbot.keyClicks(entry.insurance, "80")
    assert entry.due_label.text() == "应付 150.00 元"  # what to collect, large
    assert entry.insured_label.text() == "＋ 医保 80.00 元（处方药）　共 230.00 元"
    assert "本单积分 +10" in entry.detail_label.text()  # 150元 of OTC at 1 per 15元: all of it, none off
    qtbot.keyClick(entry.insurance, Qt.Key.Key_Return)
    assert Sale.get().points_earned == 10


def test_the_cashier_ticks_the_categories_insurance_paid(qtbot, window, make_member):
    member = make_member()
    scan(qtbot, window, member.card_no)
    entry = window.counter.entry
    assert entry.insured["rx"].isChecked() and not entry.insured["otc"].isChecked()
    type_amount(qtbot, window, "otc", "150")
    type_amount(qtbot, window, "rx", "80")
    qtbot.keyClicks(entry.insurance, "150")
    entry.insured["rx"].setChecked(False)  # this 医保 paid the OTC, the prescription is paid in cash
    entry.insured["otc"].setChecked(True)
    assert entry.insured_label.text() == "＋ 医保 150.00 元（非处方药）　共 230.00 元"
    assert "散客" not in entry.detail_label.text() and "本单积分 +0" in entry.detail_label.text()
    entry.insured["otc"].setChecked(False)  # nothing ticked: 医保 has nowhere to go
    assert "超过所标医保类别" in entry.message.text() and entry.due_label.text() == "应付 —"
    entry.insured["otc"].setChecked(True)
    qtbot.keyClick(entry.insurance, Qt.Key.Key_Return)
    assert {l.category.code: l.insurance_share_fen for l in SaleLine.select()} == {"otc": 15000, "rx": 0}
    assert Sale.get().points_earned == 0
    assert entry.insured["rx"].isChecked() and not entry.insured["otc"].isChecked()  # the next sale starts afresh


def test_a_card_scanned_into_an_amount_field_opens_that_member(qtbot, window, make_member):
    first = make_member(name="张三")
    second = make_member(name="李四")
    scan(qtbot, window, first.card_no)
    field = window.counter.entry.amounts["household"]
    qtbot.keyClicks(field, second.card_no)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert Sale.select().count() == 0
    assert window.counter.member_id == second.id


def test_a_bad_amount_is_explained_inline_and_nothing_is_recorded(qtbot, window, make_member):
    member = make_member()
    scan(qtbot, window, member.card_no)
    field = window.counter.entry.amounts["household"]
    qtbot.keyClicks(field, "12.345")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert Sale.select().count() == 0
    assert window.counter.entry.message.text()  # the reason, in Chinese, under the form
    assert window.counter.entry.due_label.text() == "应付 —"


def test_health_shows_to_a_pharmacist_with_consent_only(qtbot, window, make_member, db):
    member = make_member(name="赵敏")
    Member.update(allergies="青霉素", chronic_conditions="高血压",
                  health_consent_on=dt.date.today()).where(Member.id == member.id).execute()
    pharmacist = Staff.create(name="周药师", role="pharmacist")
    scan(qtbot, window, member.card_no)
    panel = window.counter.panel
    assert panel.health_label.isHidden()  # the cashier does not see it
    act_as(window, pharmacist)
    assert not panel.health_label.isHidden() and "青霉素" in panel.health_label.text()
    Member.update(health_consent_on=None).where(Member.id == member.id).execute()
    window.counter.show_member(member.id)
    assert panel.health_label.isHidden()


def test_confirming_an_old_profile_from_the_panel(qtbot, window, make_member):
    member = make_member()
    thirteen_months_ago = ledger.add_months(dt.date.today(), -13)
    Member.update(profile_confirmed_on=thirteen_months_ago).where(Member.id == member.id).execute()
    scan(qtbot, window, member.card_no)
    panel = window.counter.panel
    assert panel.confirm_button.isVisible()  # not confirmed for over 12 months
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert Member.get_by_id(member.id).profile_confirmed_on == dt.date.today()
    assert not panel.confirm_button.isVisible()


def test_the_sign_in_offers_whoever_signed_in_last(qtbot, db, clerk):
    from pharmacy_desk.ui.main_window import MainWindow
    from pharmacy_desk.ui.session import Session
    from pharmacy_desk.ui.sign_in import SignInDialog

    second = Staff.create(name="孙丽", role="cashier")
    first = MainWindow(Session(clerk))
    qtbot.addWidget(first)
    act_as(first, second)
    again = SignInDialog()
    qtbot.addWidget(again)
    assert again.form.name.currentText() == "孙丽"
