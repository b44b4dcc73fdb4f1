"""The typo guard at the till: an unusual amount asks once, F9 confirms, Enter never does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pharmacy_desk.core import ledger
from pharmacy_desk.core.models import Member, Sale
from tests.counter_window import scan, type_amount


def _entered(qtbot, window, member, amount):
    """The member's card scanned, ``amount`` typed on 日用品 and Enter pressed: the entry and that field."""
    scan(qtbot, window, member.card_no)
    type_amount(qtbot, window, "household", amount)
    field = window.counter.entry.amounts["household"]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return window.counter.entry, field


def test_12000_typed_for_120_is_never_recorded_silently(qtbot, window, make_member, sell):
    member = make_member(name="张三", at=dt.datetime.now() - dt.timedelta(days=30))
    for days in (20, 10, 5):
        sell(member, {"household": 12_000}, at=dt.datetime.now() - dt.timedelta(days=days))
    balance, tier = ledger.balance(member.id), Member.get_by_id(member.id).tier_id
    entry, field = _entered(qtbot, window, member, "12000")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # a double Enter does not confirm
    assert Sale.select().count() == 3
    assert "本单合计 12000.00 元" in entry.message.text() and "F9" in entry.message.text()
    assert entry.confirm_button.isVisible()
    # the cashier corrects the amount: the question goes, the sale is an ordinary one
    field.clear()
    qtbot.keyClicks(field, "120")
    assert not entry.confirm_button.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [s.total_fen for s in Sale.select().order_by(Sale.id)][-1] == 12_000
    assert ledger.balance(member.id) == balance + 6 and Member.get_by_id(member.id).tier_id == tier


def test_a_big_sale_is_recorded_with_one_key_once_checked(qtbot, window, make_member):
    member = make_member(name="张三")
    entry, field = _entered(qtbot, window, member, "6000")
    assert Sale.select().count() == 0 and "超过 5000.00 元" in entry.message.text()
    qtbot.keyClick(field, Qt.Key.Key_F9)
    qtbot.keyClick(field, Qt.Key.Key_F9)  # a second F9 on the cleared form records nothing
    assert [(s.member_id, s.total_fen) for s in Sale.select()] == [(member.id, 600_000)]
    assert "已记账" in entry.message.text()


def test_above_the_ceiling_is_refused_and_f9_does_not_override_it(qtbot, window, make_member):
    member = make_member(name="张三")
    entry, field = _entered(qtbot, window, member, "50001")
    qtbot.keyClick(field, Qt.Key.Key_F9)
    assert Sale.select().count() == 0
    assert "超过单笔上限 50000.00 元" in entry.message.text()


def test_a_comma_or_foreign_digits_are_refused_quoting_the_text(qtbot, window, make_member):
    member = make_member(name="张三")
    entry, field = _entered(qtbot, window, member, "12,5")
    assert Sale.select().count() == 0 and "“12,5”" in entry.message.text()
