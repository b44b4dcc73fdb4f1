"""The rules a new pharmacy reviews before its first sale: values with units and what each means."""

from __future__ import annotations

from pharmacy_desk.core import rules, settings
from pharmacy_desk.core.rule_review import CATEGORY_GROUP, TIER_GROUP, rule_lines


def by_key():
    return {line.key: line for line in rule_lines()}


def test_settings_categories_and_tiers_each_read_with_their_values(db):
    lines = by_key()
    assert (lines["points_validity_months"].value, lines["points_validity_months"].group) == ("3 个月", "积分")
    assert lines["category:supplement"].value == "每 30.00 元 2 分"
    assert lines["category:rx"].value == "不积分"  # prescription drugs earn nothing by default
    assert lines["tier:normal"].value == "入会即是"
    assert lines["tier:vip"].value == "12 个月内消费满 1000.01 元"
    assert "1.5 倍" in lines["tier:vip"].meaning and "200.00 元" in lines["tier:vip"].meaning
    assert lines["tier:platinum"].value.endswith("且 12 次")
    assert all(line.label and line.value and line.meaning for line in lines.values())
    groups = [line.group for line in rule_lines()]
    assert groups.index(CATEGORY_GROUP) < groups.index(TIER_GROUP) == len(groups) - 4


def test_the_pharmacys_details_and_internal_settings_are_not_rules(db):
    lines = by_key()
    assert not {"pharmacy_name", "pharmacy_address", "pharmacy_phone", "receipt_header", "receipt_footer",
                "is_demo"} & set(lines)


def test_a_categorys_rule_reads_as_whole_blocks_or_pro_rata_as_the_sales_are_priced(db, owner):
    assert "不足一档的部分不积分" in by_key()["category:otc"].meaning
    settings.change("points_pro_rata", True, owner)
    assert "按比例" in by_key()["category:otc"].meaning


def test_the_review_shows_the_rules_as_they_are_now(db, owner):
    settings.change("points_validity_months", 6, owner)
    rules.update_category("otc", owner, points_per_block=3)
    lines = by_key()
    assert lines["points_validity_months"].value == "6 个月"
    assert lines["category:otc"].value == "每 15.00 元 3 分"
