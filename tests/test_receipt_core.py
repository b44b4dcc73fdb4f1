"""Receipt content (小票) built in core from the recorded sale and the ledger."""

from __future__ import annotations

import datetime as dt

from pharmacy_desk.core import receipt
from pharmacy_desk.core.receipt import RULE, as_text, build, display_width

DAY = dt.datetime(2026, 6, 10, 10, 0)


def test_member_receipt_lines(make_member, sell):
    member = make_member(phone="13812345678", name="张三")
    first = sell(member, {"household": 20000}, at=DAY)  # 20000 // 2000 = 10 points
    # second sale: 150 yuan 保健品 + 30 yuan 常备药, 30 yuan paid by 医保, the rest by WeChat
    #   total 18000; 医保 3000 split 15000:3000 → 2500 / 500
    #   保健品 base 15000 − 2500 = 12500 → 12500 * 2 // 3000 = 8; 常备药 3000 − 500 = 2500 → 1
    result = sell(member, {"supplement": 15000, "household": 3000}, at=DAY + dt.timedelta(hours=1),
                  payments={"insurance": 3000, "wechat": 15000})
    r = build(result.sale.id)
    pairs = [(line.left, line.right) for line in r.lines]
    assert r.title == "会员消费小票"
    assert ("会员 张三 138****5678", "") in pairs
    assert ("保健品", "150.00") in pairs and ("常备药", "30.00") in pairs
    assert ("合计", "180.00") in pairs and ("应付", "180.00") in pairs
    assert ("  医保", "30.00") in pairs and ("  微信", "150.00") in pairs
    assert ("本次积分", "+9") in pairs
    assert ("积分余额", "19") in pairs  # 10 from the first sale + 9
    assert first.sale.receipt_no != result.sale.receipt_no


def test_expiring_points_on_receipt(make_member, sell):
    member = make_member()
    sell(member, {"household": 20000}, at=DAY)  # 10 points, lapse 2026-09-10
    later = sell(member, {"household": 2000}, at=dt.datetime(2026, 8, 20, 10))  # 1 point
    pairs = [(line.left, line.right) for line in build(later.sale.id).lines]
    # on 2026-08-20 the June lot (10) lapses within 30 days; the new lot (lapse 2026-11-20) does not
    assert ("30天内到期积分", "10") in pairs


def test_walk_in_receipt_has_no_points(db, sell):
    result = sell(None, {"otc": 1234}, at=DAY)
    r = build(result.sale.id)
    assert r.title == "消费小票"
    assert not any(line.left.startswith(("会员", "本次积分", "积分余额")) for line in r.lines)
    assert ("  现金", "12.34") in [(line.left, line.right) for line in r.lines]


def test_text_fits_the_paper(make_member, sell):
    member = make_member(name="欧阳娜娜")
    result = sell(member, {"household": 20000, "device": 123456}, at=DAY)
    for mm, columns in receipt.PAPER_COLUMNS.items():
        text = as_text(build(result.sale.id), columns)
        assert all(display_width(row) <= columns for row in text.splitlines()), mm
        assert RULE * columns in text
        # the amount sits at the right edge: "医疗器械" (8 columns) … "1234.56"
        row = next(r for r in text.splitlines() if r.startswith("医疗器械"))
        assert display_width(row) == columns and row.endswith("1234.56")


def test_the_sale_that_crosses_a_threshold_says_so(make_member, sell):
    member = make_member()
    before = sell(member, {"household": 40000}, at=DAY)  # 400元: still 普通会员
    crossing = sell(member, {"household": 20000}, at=DAY + dt.timedelta(hours=1))  # 600元 ≥ 500元: 核心会员
    assert crossing.new_tier.name == "核心会员"
    assert ("恭喜您升级为核心会员！", "") in [(line.left, line.right) for line in build(crossing.sale.id).lines]
    assert not any("升级" in line.left for line in build(before.sale.id).lines)


def test_the_sale_that_lifts_the_tier_prints_the_tier_it_was_served_under(make_member, sell, owner):
    """核心会员 brings 优先服务 (the default ladder), from the sale after the one that crossed 500元."""
    from pharmacy_desk.core import rules, tiers
    from pharmacy_desk.core.defaults import system_staff
    from pharmacy_desk.core.models import Member

    rules.update_tier("normal", owner, privileges="免费测血压")
    member = make_member()
    sell(member, {"household": 40000}, at=DAY)
    crossing = sell(member, {"household": 20000}, at=DAY + dt.timedelta(hours=1))
    lefts = [line.left for line in build(crossing.sale.id).lines]
    assert "会员特权 免费测血压" in lefts and "会员特权 优先服务" not in lefts
    assert lefts[lefts.index("恭喜您升级为核心会员！") + 1] == "下次消费起享有 优先服务"
    following = sell(member, {"household": 2000}, at=DAY + dt.timedelta(hours=2))
    lefts = [line.left for line in build(following.sale.id).lines]
    assert "会员特权 优先服务" in lefts and not any(left.startswith("下次消费起") for left in lefts)
    # Printed again after the member went back down, each receipt still says the tier it was served under.
    tiers.monthly_review(dt.date(2027, 8, 1), system_staff(), at=dt.datetime(2027, 8, 1, 9))
    assert Member.get_by_id(member.id).tier.code == "normal"
    assert [line.left for line in build(following.sale.id).lines].count("会员特权 优先服务") == 1
    assert "会员特权 免费测血压" in [line.left for line in build(crossing.sale.id).lines]


def test_symbols_a_chinese_printer_draws_wide_count_two_columns():
    # × and 、 beside 汉字 are drawn two columns wide by a GBK receipt printer and by the
    # CJK screen font; counted as one, the bonus line ran two columns past 58 mm paper.
    assert display_width("×") == 2 and display_width("、") == 2
    assert display_width("VIP会员×1.5") == 3 + 4 + 2 + 3
    assert display_width("1234.56") == 7


def test_the_owners_header_and_footer_are_printed_and_an_empty_footer_is_left_out(make_member, sell, owner):
    from pharmacy_desk.core import settings

    settings.change("pharmacy_name", "康宁大药房", owner)
    settings.change("receipt_header", settings.declaration("receipt_header").parse("医保定点零售药店（24小时）"), owner)
    settings.change("receipt_footer", settings.declaration("receipt_footer").parse("谢谢惠顾！退换货请凭小票，7天内办理。"), owner)
    lefts = [line.left for line in build(sell(make_member(), {"household": 2000}, at=DAY).sale.id).lines]
    # Typed as the owner typed it: the Chinese punctuation stays.
    assert lefts[:3] == ["康宁大药房", "医保定点零售药店（24小时）", RULE]
    assert lefts[-2:] == [RULE, "谢谢惠顾！退换货请凭小票，7天内办理。"]
    settings.change("receipt_footer", "", owner)
    lefts = [line.left for line in build(sell(None, {"otc": 1000}, at=DAY).sale.id).lines]
    assert "谢谢惠顾" not in "".join(lefts) and lefts[-1] != RULE


def test_a_long_line_is_wrapped_to_the_paper_never_halving_a_character(make_member, sell, owner):
    from pharmacy_desk.core import settings

    settings.change("pharmacy_address", "浙江省杭州市西湖区文三路和平路口东北角康宁大厦一楼临街商铺十二号", owner)
    text = as_text(build(sell(make_member(), {"household": 2000}, at=DAY).sale.id), receipt.PAPER_COLUMNS[58])
    assert all(display_width(row) <= 32 for row in text.splitlines())
    assert "浙江省杭州市西湖区文三路和平路口" in text.splitlines()  # 16 characters = 32 columns, then the rest
    assert receipt.wrap("药" * 17, 32) == ["药" * 16, "药"] and receipt.wrap("ab", 32) == ["ab"]


def test_a_members_tier_privileges_are_on_the_receipt_when_the_tier_has_any(make_member, sell, owner):
    from pharmacy_desk.core import rules

    member = make_member()
    plain = build(sell(member, {"household": 2000}, at=DAY).sale.id)
    assert not any(line.left.startswith("会员特权") for line in plain.lines)  # 普通会员 has none
    rules.update_tier("normal", owner, privileges="免费送药、专属药师")
    lefts = [line.left for line in build(sell(member, {"household": 2000}, at=DAY).sale.id).lines]
    assert "会员特权 免费送药、专属药师" in lefts
    assert not any("特权" in line.left for line in build(sell(None, {"otc": 1000}, at=DAY).sale.id).lines)


def test_a_receipt_line_refuses_what_a_printer_cannot_print(db):
    import pytest

    from pharmacy_desk.core import settings
    from pharmacy_desk.core.errors import InvalidInput

    with pytest.raises(InvalidInput, match="不超过 40 个字"):
        settings.declaration("receipt_footer").parse("谢" * 41)
    with pytest.raises(InvalidInput, match="不超过 40 个字"):
        settings.declaration("receipt_header").parse("第一行\n第二行")
