"""The cashier sees the points bonuses the rules really give: the panel, the preview and the receipt agree."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pharmacy_desk.core import settings
from pharmacy_desk.core.models import Member, Sale, Tier
from tests.counter_window import scan, type_amount

TODAY = dt.date.today()
BORN_THIS_MONTH = dt.date(1980, TODAY.month, 1)


def test_a_triple_birthday_month_says_x3_on_the_panel_the_preview_and_the_receipt(qtbot, window, make_member,
                                                                                    owner):
    settings.change("birthday_multiplier", "3", owner)
    member = make_member(name="张三", birthday=BORN_THIS_MONTH)
    assert window.operator().role == "cashier"
    scan(qtbot, window, member.card_no)
    panel, entry = window.counter.panel, window.counter.entry
    assert panel.birthday_label.text() == "本月生日：积分×3，记得送上祝福"
    assert "加倍" not in panel.birthday_label.text()
    assert panel.bonus_label.text() == "生日月×3"
    type_amount(qtbot, window, "household", "100")
    # 100元 / 20 = 5 base points × 3
    assert "本单积分 +15（生日月×3）" in entry.detail_label.text()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert Sale.get().points_earned == 15
    assert "积分加成" in window.counter.receipt.text.toPlainText()
    assert "生日月×3" in window.counter.receipt.text.toPlainText()


def test_tier_and_birthday_listed_together(qtbot, window, make_member):
    member = make_member(birthday=BORN_THIS_MONTH)
    Member.update(tier=Tier.get(Tier.code == "vip")).where(Member.id == member.id).execute()
    scan(qtbot, window, member.card_no)
    assert window.counter.panel.bonus_label.text() == "VIP会员×1.5、生日月×2"
    assert window.counter.panel.birthday_label.text() == "本月生日：积分×2，记得送上祝福"
    type_amount(qtbot, window, "household", "100")
    assert "本单积分 +15（VIP会员×1.5、生日月×2）" in window.counter.entry.detail_label.text()


def test_a_birthday_month_worth_x1_says_nothing_about_points(qtbot, window, make_member, owner):
    settings.change("birthday_multiplier", "1", owner)
    member = make_member(birthday=BORN_THIS_MONTH)
    scan(qtbot, window, member.card_no)
    panel = window.counter.panel
    assert panel.birthday_label.text() == "本月生日：记得送上祝福"
    assert panel.bonus_label.text() == "无"
    type_amount(qtbot, window, "household", "100")
    assert "本单积分 +5" in window.counter.entry.detail_label.text()
    assert "（" not in window.counter.entry.detail_label.text()


def test_the_tiers_privileges_are_on_the_panel(qtbot, window, make_member):
    member = make_member()
    scan(qtbot, window, member.card_no)
    assert window.counter.panel.privileges_label.text() == "无"  # 普通会员 has none
    Member.update(tier=Tier.get(Tier.code == "platinum")).where(Member.id == member.id).execute()
    scan(qtbot, window, member.card_no)
    assert window.counter.panel.privileges_label.text() == "优先服务、免费送药、专属药师"
