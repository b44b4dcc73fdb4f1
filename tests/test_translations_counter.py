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

from tests.counter_window import ScannerPace
from tests.test_translations import chinese_in, english, latin_data, visible_strings

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
    from pharmacy_desk.ui.main_window import MainWindow
    from pharmacy_desk.ui.session import Session

    window = MainWindow(Session(person))
    window.counter.scans.clock = ScannerPace()
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


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
