"""设置 window: pages from the declarations, refusals in place, one audited change per value."""

from __future__ import annotations

import datetime as dt

import pytest

from pharmacy_desk.core import owner_settings, settings
from pharmacy_desk.core.errors import NotPermitted
from pharmacy_desk.core.models import Operation, Setting, Tier
from pharmacy_desk.core.setting_declarations import DECLARATIONS
from pharmacy_desk.ui.settings.pages import PAGES
from pharmacy_desk.ui.settings.tiers_page import SPEND
from pharmacy_desk.ui.settings.window import SettingsWindow
from tests.widget_helpers import click, shown

DAY = dt.datetime(2026, 6, 10, 10, 0)


@pytest.fixture
def window(qtbot, owner):
    return shown(qtbot, SettingsWindow(owner))


def audit(kind: str) -> list[str]:
    return [op.detail for op in Operation.select().where(Operation.kind == kind).order_by(Operation.id)]


def retype(qtbot, line, text: str) -> None:
    line.selectAll()
    qtbot.keyClicks(line, text)


def test_every_declared_setting_is_on_exactly_one_page(window):
    shown = [key for page in window.pages for key in page.fields]
    assert sorted(shown) == sorted(d.key for d in DECLARATIONS if not d.internal)
    assert len(set(page.NAME for page in window.pages)) == len(PAGES)
    field = window.page("points").fields["points_validity_months"]
    assert field.line.text() == "3 个月" and "1 到 60" in field.range.text() and "有效月数" in field.help.text()


def test_the_otc_rate_changed_here_earns_at_the_next_sale_and_the_audit_shows_old_and_new(
        qtbot, window, make_member, sell):
    member = make_member()
    assert sell(member, {"otc": 10000}, at=DAY).sale.points_earned == 6  # 100元 at 1 point per 15元
    page = window.show_page("points")
    page.points_box("otc").setValue(2)
    click(qtbot, window.save_button)
    assert window.message.kind == "ok" and "1 项" in window.message.text()
    assert audit("rule_change") == ["非处方药：每档积分 1 分 → 2 分"]
    # 100元 is 6 whole blocks of 15元, now 2 points each
    assert sell(member, {"otc": 10000}, at=DAY + dt.timedelta(hours=1)).sale.points_earned == 12


def test_declared_values_are_saved_one_audited_change_each(qtbot, window):
    page = window.show_page("points")
    retype(qtbot, page.fields["points_validity_months"].line, "6")
    page.fields["insurance_earns_points"].check_box.setChecked(True)
    click(qtbot, window.save_button)
    assert settings.get("points_validity_months") == 6 and settings.get("insurance_earns_points") is True
    assert audit("setting_change") == ["积分有效期：3 个月 → 6 个月", "医保支付部分积分：否 → 是"]
    assert page.fields["points_validity_months"].line.text() == "6 个月"
    click(qtbot, window.save_button)  # nothing left to save: nothing recorded
    assert len(audit("setting_change")) == 2 and "没有需要保存" in window.message.text()


def test_a_value_out_of_range_is_refused_in_place_and_nothing_is_stored(qtbot, window):
    field = window.show_page("points").fields["points_validity_months"]
    retype(qtbot, field.line, "99")
    assert field.error.isVisible() and "积分有效期" in field.error.text()
    assert not window.save_button.isEnabled()
    window.save()
    assert window.message.kind == "error" and Setting.select().count() == 0
    retype(qtbot, field.line, "12")
    assert not field.error.isVisible() and window.save_button.isEnabled()


def test_a_ladder_with_vip_below_core_is_refused_in_place(qtbot, window):
    page = window.show_page("tiers")
    retype(qtbot, page.cell("vip", SPEND), "400")
    assert page.rows_error.isVisible()
    assert "VIP会员" in page.rows_error.text() and "核心会员" in page.rows_error.text()
    assert not window.save_button.isEnabled()
    window.save()
    assert window.message.kind == "error" and Tier.get(Tier.code == "vip").min_spend_fen == 100001
    assert audit("rule_change") == []


def test_raising_the_whole_ladder_at_once_is_one_step(qtbot, window):
    page = window.show_page("tiers")
    # core above VIP's old threshold: saved tier by tier, the first step would be refused
    retype(qtbot, page.cell("core", SPEND), "1500")
    retype(qtbot, page.cell("vip", SPEND), "2000")
    assert not page.rows_error.isVisible()
    click(qtbot, window.save_button)
    assert [t.min_spend_fen for t in Tier.select().order_by(Tier.rank)][1:3] == [150000, 200000]
    assert audit("rule_change") == ["核心会员：消费门槛 500.00 元 → 1500.00 元",
                                    "VIP会员：消费门槛 1000.01 元 → 2000.00 元"]


def test_a_and_b_class_raised_together_pass_the_rule_joining_them(qtbot, window):
    page = window.show_page("marketing")
    retype(qtbot, page.fields["a_class_percent"].line, "30")
    retype(qtbot, page.fields["b_class_percent"].line, "40")
    click(qtbot, window.save_button)
    assert (settings.get("a_class_percent"), settings.get("b_class_percent")) == (30, 40)


def test_the_core_refuses_a_cashiers_save(db, clerk):
    with pytest.raises(NotPermitted):
        owner_settings.save(owner_settings.Pending(settings={"points_validity_months": 6},
                                                   categories={"otc": {"points_per_block": 2}}), clerk)
    assert Setting.select().count() == 0 and audit("rule_change") == []


def test_a_refusal_of_one_part_stores_none_of_the_others(db, owner):
    from pharmacy_desk.core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        owner_settings.save(owner_settings.Pending(settings={"points_validity_months": 6},
                                                   tiers={"vip": {"min_spend_fen": 100}}), owner)
    assert settings.get("points_validity_months") == 3 and audit("setting_change") == []

