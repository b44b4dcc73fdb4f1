"""English at the counter and in the member windows: each converted window opened in English shows no Chinese.

The windows are driven into the states a cashier sees (a walk-in, a member found, a list of
matches, an unknown phone, a sale previewed and recorded), so the texts those states show are
checked too, not only the ones the window starts with. The members, tiers and categories are
given Latin names: what the owner named is data, not a label.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.counter_window import shown_counter
from tests.test_translations import chinese_in, english, latin_data, visible_strings
from tests.widget_helpers import shown

__all__ = ["english", "latin_data"]  # fixtures shared with tests/test_translations.py

TODAY = dt.date.today()


@pytest.fixture
def latin_shop(latin_data):
    """Latin names for what the owner names: tiers, their privileges and the till's categories."""
    from pharmacy_desk.core.models import Category, Tier

    Tier.update(privileges="Free delivery, Priority service").execute()
    for category in Category.select():
        Category.update(name=f"Category {category.id}").where(Category.id == category.id).execute()
    return latin_data


def counter_window(qtbot, person):
    from pharmacy_desk.core.models import Staff

    return shown_counter(qtbot, Staff.get_by_id(person.id))  # as renamed by ``latin_data``


def search(qtbot, window, text: str) -> None:
    edit = window.counter.search.edit
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_counter_in_english_for_a_walk_in(english, qtbot, latin_shop, clerk):
    window = counter_window(qtbot, clerk)
    counter = window.counter
    texts = visible_strings(counter)
    assert "Walk-in" in texts and "Record (Enter)" in texts and "Coupon (&Q)" in texts and "WeChat Pay" in texts
    assert "Due ¥0.00" in texts and "No coupon" in texts
    assert chinese_in(texts) == []

    qtbot.keyClicks(counter.entry.amounts["household"], "12.50")
    texts = visible_strings(counter)
    assert "Due ¥12.50" in texts and any("Walk-in: no points" in text for text in texts)
    assert chinese_in(texts) == []


def test_the_counter_in_english_for_a_member(english, qtbot, latin_shop, make_member, clerk):
    member = make_member(name="Li Si", phone="13900005678", birthday=TODAY.replace(year=1970, day=1))
    make_member(name="Li Wu", phone="13700005678")
    window = counter_window(qtbot, clerk)
    counter = window.counter

    search(qtbot, window, "5678")  # a phone's last four digits: a list to choose from
    texts = visible_strings(counter)
    assert counter.search.table.isVisible() and "Name" in texts and "Card no." in texts
    assert any("members found" in text for text in texts)
    assert chinese_in(texts) == []

    search(qtbot, window, "13911112222")  # a phone nobody has: the offer to sign them up
    texts = visible_strings(counter)
    assert "Sign up (F2)" in texts and "Phone 13911112222 is not a member yet." in texts
    assert chinese_in(texts) == []

    search(qtbot, window, member.card_no)
    field = counter.entry.amounts["household"]
    qtbot.keyClicks(field, "128.50")
    texts = visible_strings(counter)
    assert "Li Si" in texts and "Points" in texts and "Tier privileges" in texts
    assert "Free delivery, Priority service" in texts
    assert any(text.startswith("Birthday this month") for text in texts)
    assert any("Points this sale +" in text for text in texts)
    assert chinese_in(texts) == []

    qtbot.keyClick(field, Qt.Key.Key_Return)
    texts = visible_strings(counter)
    assert any(text.startswith("Recorded: receipt") for text in texts)
    # the receipt is the customer's paper, printed in Chinese whatever the windows' language (core.receipt)
    assert counter.receipt.text.toPlainText().lstrip().startswith("会员消费小票")
    assert any("Paid. Scan the next customer" in text for text in texts)
    assert chinese_in(texts) == []


def test_the_member_panel_in_english_for_a_pharmacist(english, qtbot, latin_shop, make_member, clerk):
    """The health line, a refill due and the profile check: what only some members show."""
    from pharmacy_desk.core import profiles, sales
    from pharmacy_desk.core.member_summary import summarize
    from pharmacy_desk.core.models import Member, Staff
    from pharmacy_desk.ui.member_panel import MemberPanel

    pharmacist = Staff.create(name="Pharmacist", role="pharmacist")
    member = make_member(name="Wang Wu", at=dt.datetime.now() - dt.timedelta(days=40))
    profiles.record_health_consent(member.id, pharmacist, True)
    profiles.update_health_file(member.id, pharmacist, allergies="Penicillin", long_term_meds="Metformin")
    bought = dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=28)
    order = sales.SaleInput(lines=[sales.LineInput("rx", 5000, description="Metformin", days_supply=30)],
                            member_id=member.id, payments={"cash": 5000}, amount_confirmed=True)
    sales.record_sale(order, operator=clerk, uid="refill", at=bought)
    Member.update(profile_confirmed_on=None).where(Member.id == member.id).execute()  # never checked since

    panel = MemberPanel()
    qtbot.addWidget(panel)
    panel.show_summary(summarize(member.id, TODAY, pharmacist))
    texts = visible_strings(panel)
    assert "Details checked (Ctrl+K)" in texts and any("Details not checked" in text for text in texts)
    assert any(text.startswith("Refill due: Category") and "Metformin" in text for text in texts)
    assert "Allergies: Penicillin · Chronic conditions: not recorded · Long-term medicines: Metformin" in texts
    assert chinese_in(texts) == []


def test_the_sign_up_dialog_in_english(english, qtbot, latin_shop, clerk):
    from pharmacy_desk.ui.signup_dialog import SignupDialog

    dialog = shown(qtbot, SignupDialog(clerk, phone="13911112222"))
    texts = visible_strings(dialog)
    assert "Member sign-up" in texts and "Phone" in texts and "Sign up" in texts and "Female" in texts
    assert chinese_in(texts) == []

    qtbot.keyClicks(dialog.name_edit, "Zhao Liu")
    dialog.submit()  # the marketing consent is asked first
    assert any(text.startswith("Ask the customer: do they agree") for text in visible_strings(dialog))
    qtbot.keyClick(dialog, Qt.Key.Key_N)
    texts = visible_strings(dialog)
    assert dialog.member_id is not None and any(text.startswith("Signed up: Zhao Liu") for text in texts)
    assert any("New-member coupon: ¥" in text and " Voucher (until " in text for text in texts)
    assert chinese_in(texts) == []  # the coupon's terms too, in the windows' language


def test_the_member_window_in_english_for_the_owner(english, qtbot, latin_shop, owner, sell):
    """The owner sees every tab: the profile form, the health file and the measurements."""
    from pharmacy_desk.core import ledger, profiles, returns
    from pharmacy_desk.ui.member_detail import MemberDetailDialog

    profiles.record_health_consent(latin_shop.id, owner, True)
    sold = sell(latin_shop, {"household": 10000}, at=dt.datetime.now() - dt.timedelta(minutes=20))
    returns.return_sale(sale_id=sold.sale.id, operator=owner, uid="back", at=dt.datetime.now() - dt.timedelta(minutes=10))
    ledger.adjust(latin_shop.id, 100, "Opening gift", owner, "seed", at=dt.datetime.now() - dt.timedelta(minutes=5))
    dialog = shown(qtbot, MemberDetailDialog(latin_shop.id, owner))
    texts = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)  # a health tab reads the file when first shown
        texts += visible_strings(dialog)
    assert "Save details" in texts and "Own staff member" in texts and "(none)" in texts
    assert "Save health file" in texts and "Allergies" in texts and "Blood pressure" in texts
    assert any(text.startswith("Joined ") for text in texts)
    assert chinese_in(texts) == []

    dialog.profile_tab.save()
    dialog.tabs.setCurrentWidget(dialog.measurements_tab)
    qtbot.keyClicks(dialog.measurements_tab.systolic_edit, "128")
    qtbot.keyClicks(dialog.measurements_tab.diastolic_edit, "82")
    dialog.measurements_tab.add()
    texts = visible_strings(dialog)
    assert "Measurement recorded." in texts and chinese_in(texts) == []
    # the kinds in the history tables are the core's labels, shown in English too
    assert dialog.ledger_model.data(dialog.ledger_model.index(0, 1)) == "Manual adjustment"
    # what the program wrote in the ledger (a return's claw-back, the sale's receipt) reads in English too
    ledger_cells = [str(dialog.ledger_model.index(r, c).data() or "") for r in range(dialog.ledger_model.rowCount())
                    for c in range(dialog.ledger_model.columnCount())]
    assert f"Points earned taken back on a return · receipt {sold.sale.receipt_no}" in ledger_cells
    assert chinese_in(ledger_cells) == []
    model = dialog.measurements_tab.model
    assert model.data(model.index(0, 1)) == "Blood pressure"
    coupons = dialog.coupons_model  # the new-member coupon of a member signed up in June 2026 (conftest's DAY)
    assert coupons.data(coupons.index(0, 3)) == "Expired" and " to " in coupons.data(coupons.index(0, 2))


def test_the_contact_dialog_in_english_stores_the_outcome_as_the_core_names_it(english, qtbot):
    from pharmacy_desk.core.contacts import OUTCOMES
    from pharmacy_desk.ui.contact_dialog import ContactDialog

    dialog = ContactDialog("Zhang San", "Birthday greeting")
    qtbot.addWidget(dialog)
    texts = visible_strings(dialog)
    assert "Mark as contacted" in texts and "No answer" in texts and "Save" in texts
    assert chinese_in(texts) == []
    dialog.outcome.setCurrentIndex(1)
    assert dialog.values() == (OUTCOMES[1], "")


def test_the_redemption_dialog_in_english(english, qtbot, latin_shop, clerk, owner):
    from pharmacy_desk.core import ledger, redemption

    redemption.add_catalog_item(name="Thermos", points_price=800, value_fen=3500, stock=2, operator=owner)
    ledger.adjust(latin_shop.id, 2000, "Opening gift", owner, "seed", at=dt.datetime.now() - dt.timedelta(minutes=5))
    from pharmacy_desk.ui.redemption_dialog import RedemptionDialog

    dialog = shown(qtbot, RedemptionDialog(latin_shop.id, clerk))
    texts = visible_strings(dialog)
    assert "Redeem points" in texts and "Points needed" in texts and "Redeem (Enter)" in texts
    assert any("usable points 2000" in text for text in texts)
    assert chinese_in(texts) == []
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert any(text.startswith("Redeem Thermos × 1: 800 points off") for text in visible_strings(dialog))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    texts = visible_strings(dialog)
    assert "Redeemed" in texts and any("balance 1200" in text for text in texts)
    assert chinese_in(texts) == []


def test_the_returns_dialog_in_english(english, qtbot, latin_shop, clerk, sell):
    from pharmacy_desk.ui.returns_dialog import ReturnsDialog

    sold = sell(latin_shop, {"household": 10000}, at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1))
    dialog = shown(qtbot, ReturnsDialog(clerk, member_id=latin_shop.id))
    texts = visible_strings(dialog)
    assert "Returns" in texts and "Return all" in texts and "Receipt no." in texts and "No longer needed" in texts
    assert chinese_in(texts) == []

    dialog.load_sale(sold.sale.id)
    dialog.reason.setCurrentIndex(dialog.reason.findData("not_needed"))
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    texts = visible_strings(dialog)
    assert any(text.startswith("Will refund ¥100.00: Cash (handed back) 100.00") for text in texts)
    assert chinese_in(texts) == []
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    texts = visible_strings(dialog)
    assert any(text.startswith("Refunded ¥100.00: Cash (handed back) 100.00") for text in texts)
    assert chinese_in(texts) == []
    assert dialog.sales_model.data(dialog.sales_model.index(0, 4)) == "Fully returned"


def test_the_main_window_in_english_menus_toolbar_and_status_bar(english, qtbot, latin_shop, owner):
    window = counter_window(qtbot, owner)
    texts = visible_strings(window)
    assert "&Members" in texts and "Sign up a member" in texts and "&Owner" in texts and "Audit log" in texts
    assert "Close shift" in texts and "Switch" in texts and any(text.startswith("Scan a card") for text in texts)
    assert any(text.startswith("Staff ") and "(Owner)" in text for text in texts)  # who is at the till, and as what
    assert "No backup yet" in texts
    assert chinese_in(texts) == []

    window.statusBar().clearMessage()
    window.open_member_detail()  # nobody found yet: the status bar says what to do
    assert window.statusBar().currentMessage() == "Find the member first (scan the card or type the phone)."


def test_the_lock_screen_and_the_sign_in_in_english(english, qtbot, latin_shop, clerk):
    window = counter_window(qtbot, clerk)
    window.lock()
    texts = visible_strings(window.lock_screen)
    assert "Locked" in texts and "Unlock" in texts and "&PIN/password" in texts
    assert any(text.startswith("Staff ") and "locked the counter at" in text for text in texts)
    assert chinese_in(texts) == []
    assert chinese_in(visible_strings(window)) == []  # the window's title is the database's path

    window.lock_screen.unlocked.emit(clerk)
    window.sign_out()
    texts = visible_strings(window.lock_screen)
    assert "Please sign in" in texts and "Sign in" in texts and "(nobody signed in)" in visible_strings(window)
    assert chinese_in(texts) == []


def test_the_lock_screens_fields_keep_their_height_under_the_two_lines_english_needs(english, qtbot, latin_shop,
                                                                                     clerk):
    window = counter_window(qtbot, clerk)
    window.lock()
    screen = window.lock_screen
    qtbot.waitUntil(screen.form.secret.isVisible)
    detail = screen.detail
    assert detail.heightForWidth(detail.width()) > detail.fontMetrics().lineSpacing() * 1.5  # wrapped
    assert detail.height() >= detail.heightForWidth(detail.width())
    for field in (screen.form.name, screen.form.secret):
        assert field.height() >= field.sizeHint().height()


def test_the_sign_in_and_switch_dialogs_in_english(english, qtbot, latin_shop, clerk):
    from pharmacy_desk.ui.sign_in import SignInDialog

    dialog = SignInDialog(name="")
    qtbot.addWidget(dialog)
    texts = visible_strings(dialog)
    assert "Sign in" in texts and "Cancel" in texts and "Type or choose your name" in texts
    assert chinese_in(texts) == []

    window = counter_window(qtbot, clerk)
    switch = window.switch_operator()
    texts = visible_strings(switch)
    assert "Switch staff" in texts and chinese_in(texts) == []
    switch.reject()


def test_the_points_adjustment_in_english(english, qtbot, latin_shop, owner):
    from pharmacy_desk.ui.points_adjust_dialog import PointsAdjustDialog

    dialog = shown(qtbot, PointsAdjustDialog(latin_shop.id, owner))
    texts = visible_strings(dialog)
    assert "Adjust points" in texts and "&Reason" in texts and any("usable points 0" in text for text in texts)
    assert chinese_in(texts) == []
    dialog.points.setValue(50)
    qtbot.keyClicks(dialog.reason, "Missed on an earlier sale")
    dialog.apply()
    texts = visible_strings(dialog)
    assert "Adjusted by +50 points; the balance is now 50." in texts and chinese_in(texts) == []


def test_the_shift_slip_dialog_in_english(english, qtbot, latin_shop, clerk):
    from PySide6.QtWidgets import QApplication

    from pharmacy_desk.ui.shift_window import SlipDialog

    window = counter_window(qtbot, clerk)
    close_shift = next(action for menu in window.menuBar().actions() if menu.menu()
                       for action in menu.menu().actions() if action.text() == "Close shift")
    close_shift.trigger()
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, SlipDialog) and w.isVisible()]
    texts = visible_strings(dialog)
    assert "Shift report" in texts and "Close" in texts
    assert chinese_in(texts) == []  # the slip itself is printed in Chinese, as the receipt is (core.receipt)


def test_a_refused_and_a_questioned_sale_read_in_english(english, qtbot, latin_shop, make_member, clerk):
    """What the core says at the till (the amount warning, a refusal) is in the windows' language."""
    from pharmacy_desk.core.models import Sale

    member = make_member(name="Li Si", phone="13900005678")
    window = counter_window(qtbot, clerk)
    counter = window.counter
    search(qtbot, window, member.card_no)
    field = counter.entry.amounts["household"]
    qtbot.keyClicks(field, "6000")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    message = counter.entry.message.text()
    assert message.startswith("This sale's total of ¥6000.00 is over ¥5000.00. If the amount is right press F9")
    assert chinese_in(visible_strings(counter)) == []

    field.clear()
    qtbot.keyClicks(field, "50001")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert counter.entry.message.text() == ("This sale's total of ¥50001.00 is over the limit of ¥50000.00 for one sale. "
                                           "Please check the amount.")
    assert chinese_in(visible_strings(counter)) == [] and Sale.select().count() == 0


def test_the_day_end_asks_its_day_in_english(english, qtbot):
    from pharmacy_desk.ui.shift_window import DayEndDialog

    dialog = shown(qtbot, DayEndDialog(dt.date(2026, 12, 2)))
    texts = visible_strings(dialog)
    assert "Day end" in texts and "&Date" in texts and "Make the day-end report (Enter)" in texts
    assert chinese_in(texts) == []


def test_the_amounts_keep_room_for_thousands_beside_the_english_labels(english, qtbot, latin_shop, clerk):
    """English labels ("Insurance", "Days") are wider than the Chinese: the amounts and the
    medicine's name keep the width of what is typed in them."""
    entry = counter_window(qtbot, clerk).counter.entry
    assert entry.medicines
    for field in entry.amounts.values():
        assert field.width() >= field.fontMetrics().horizontalAdvance("8888.88"), field.width()
    for medicine in entry.medicines.values():
        assert medicine.width() >= medicine.fontMetrics().horizontalAdvance(medicine.placeholderText())


def test_a_dialog_grows_to_show_the_message_that_appears_in_it(english, qtbot, latin_shop, owner):
    """The English note and message wrap to more lines than the Chinese: nothing is squeezed out."""
    from pharmacy_desk.ui.points_adjust_dialog import PointsAdjustDialog

    dialog = shown(qtbot, PointsAdjustDialog(latin_shop.id, owner))
    assert dialog.reason.width() >= dialog.reason.fontMetrics().horizontalAdvance(dialog.reason.placeholderText())
    dialog.points.setValue(1)
    qtbot.keyClicks(dialog.reason, "Missed on an earlier sale")
    dialog.apply()
    qtbot.wait(50)
    assert dialog.message.text() == "Adjusted by +1 point; the balance is now 1."
    layout = dialog.layout()
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
    assert dialog.message.geometry().bottom() < dialog.height()
