"""Real-world cells: two mobiles in one cell, a family on one phone, split addresses, ID numbers,
tiers and lifetime spend, opening balances with the validity the owner chose."""

import datetime as dt

from pharmacy_desk.core import check, ledger, members
from pharmacy_desk.core.models import LedgerEntry, Member
from pharmacy_desk.core.spreadsheet.commit import commit_import
from pharmacy_desk.core.spreadsheet.plan import ImportOptions, plan_import, read_plan
from pharmacy_desk.core.spreadsheet.rows import id_number_facts
from tests.spreadsheet_helpers import write_xlsx

TODAY = dt.date(2026, 6, 10)
AT = dt.datetime(2026, 6, 10, 9, 30)
# Invented, with a valid check digit: born 1980-05-12, the 17th digit odd (male).
ID_MALE = "110105198005120036"


def test_id_number_facts():
    assert id_number_facts(ID_MALE) == (ID_MALE, dt.date(1980, 5, 12), "M")
    assert id_number_facts("110105198005120037") == ("", None, "")  # wrong check digit
    assert id_number_facts("12345") == ("", None, "")


def test_two_mobiles_in_one_cell_give_the_first_and_keep_the_cell_in_the_notes(db, tmp_path, owner):
    rows = [["姓名", "手机", "备注"],
            ["张三", "13770672328(南)13911676175(北)", "老客户"],
            ["李四", "13376702886\\15917588328", ""],
            ["王五", "1381234567", ""]]
    plan = plan_import(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY)
    assert [(c.name, c.phone) for c in plan.new] == [("张三", "13770672328"), ("李四", "13376702886")]
    assert plan.new[0].notes == "老客户；原手机号一栏：13770672328(南)13911676175(北)"
    assert [p.source.row_number for p in plan.rejected] == [4]  # one number of 10 digits is still wrong
    assert "2 人的手机号一栏里有多个号码或文字" in " ".join(map(str, plan.file.notices))


def test_a_family_on_one_phone_are_two_members_found_together_at_the_till(db, tmp_path, owner):
    rows = [["姓名", "手机", "会员卡号"], ["张大爷", "13812345678", "8800001"], ["张大妈", "13812345678", "8800002"],
            ["李四", "13912345678", "8800002"]]
    plan = plan_import(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY)
    assert sorted(c.name for c in plan.new) == ["张大妈", "张大爷"]
    assert [str(p.reason) for p in plan.all_conflicts] == ["卡号 8800002 在“Sheet1”第3行已用于张大妈，同一张卡不能给两个人。"]
    assert "1 个手机号由多人共用" in " ".join(map(str, plan.file.notices))
    commit_import(plan.file, owner, at=AT)
    found = members.lookup("138 1234 5678")
    assert found.exact is None and sorted(m.name for m in found.matches) == ["张大妈", "张大爷"]
    assert members.lookup("8800001").exact.name == "张大爷"  # the card still names one person
    assert check.run_checks() == []


def test_split_address_columns_are_one_address(db, tmp_path):
    rows = [["姓名", "手机", "省", "市", "区", "详细地址"],
            ["张三", "13812345678", "江苏省", "南京市", "鼓楼区", "中山路1号"],
            ["李四", "13912345678", "江苏省", "南京市", "", "江苏省南京市玄武区北京东路2号"]]
    plan = plan_import(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY)
    assert [c.address for c in plan.new] == ["江苏省南京市鼓楼区中山路1号", "江苏省南京市玄武区北京东路2号"]


def test_an_id_number_fills_birthday_and_gender_and_is_not_stored_unless_asked(db, tmp_path, owner):
    rows = [["姓名", "手机", "身份证号", "性别"], ["张三", "13812345678", ID_MALE, ""],
            ["李四", "13912345678", "110105198005120037", "女"]]
    path = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows})
    plan = plan_import(path, today=TODAY)
    zhang = plan.new[0]
    assert (zhang.birthday, zhang.gender) == (dt.date(1980, 5, 12), "M")
    assert (plan.new[1].birthday, plan.new[1].gender) == (None, "F")
    assert "身份证号只用来补全生日和性别，不会保存" in " ".join(map(str, plan.file.notices))
    commit_import(plan.file, owner, at=AT)
    assert Member.get(Member.name == "张三").id_number == ""

    kept = read_plan(path, today=TODAY, options=ImportOptions(keep_id_numbers=True))
    assert "并按您的选择保存" in " ".join(map(str, kept.notices))


def test_an_id_number_is_stored_when_the_owner_keeps_them(db, tmp_path, owner):
    rows = [["姓名", "手机", "身份证"], ["张三", "13812345678", ID_MALE]]
    path = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows})
    commit_import(read_plan(path, today=TODAY, options=ImportOptions(keep_id_numbers=True)), owner, at=AT)
    assert Member.get(Member.name == "张三").id_number == ID_MALE


def test_a_tier_or_lifetime_spend_column_sets_the_tier(db, tmp_path, owner):
    from pharmacy_desk.core.models import Tier

    tiers = {t.rank: t for t in Tier.select()}
    rows = [["姓名", "手机", "会员等级", "累计消费"],
            ["张三", "13812345678", tiers[2].name, ""],
            ["李四", "13912345678", "", f"{tiers[1].min_spend_fen // 100 + 1}.50"],
            ["王五", "13712345678", "不存在的等级", "12"],
            ["赵六", "13612345678", "", ""]]
    commit_import(read_plan(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY), owner, at=AT)
    rank = {m.name: m.tier.rank for m in Member.select()}
    assert rank == {"张三": 2, "李四": 1, "王五": 0, "赵六": 0}
    assert check.run_checks() == []


def test_opening_balances_show_their_value_and_the_validity_the_owner_chose(db, tmp_path, owner):
    from pharmacy_desk.core import settings

    rows = [["姓名", "手机", "积分"], ["张三", "13812345678", "18759"], ["李四", "13912345678", "600"]]
    path = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows})
    plan = plan_import(path, today=TODAY)
    blocks = settings.get("redeem_blocks")
    assert blocks == ((500, 2000), (1000, 4200))
    # 18759 = 18 × 1000 + 1 × 500 (+259 left over): 18 × 42 + 20 = 776 元; 600 → 500: 20 元.
    assert plan.opening_cash_fen(blocks) == 79600
    assert plan.describe_opening(TODAY, blocks) == (
        "期初积分共 19,359 分，可抵现约 796.00 元；有效期至 2027-06-10（导入后 12 个月，可以修改）。")

    chosen = read_plan(path, today=TODAY, options=ImportOptions(validity_months=24))
    commit_import(chosen, owner, at=AT)
    assert {e.expires_on for e in LedgerEntry.select()} == {dt.date(2028, 6, 10)}
    zhang = Member.get(Member.name == "张三")
    assert ledger.balance(zhang.id) == 18759
    assert check.run_checks() == []


def test_a_member_without_a_join_date_is_marked_migrated(db, tmp_path, owner):
    rows = [["姓名", "手机", "办卡日期"], ["张三", "13812345678", "2015-03-01"], ["李四", "13912345678", ""]]
    commit_import(read_plan(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY), owner, at=AT)
    zhang, li = Member.get(Member.name == "张三"), Member.get(Member.name == "李四")
    assert (zhang.joined_on, zhang.migrated) == (dt.date(2015, 3, 1), False)
    assert (li.joined_on, li.migrated) == (TODAY, True)


def test_migrated_members_are_not_new_members_and_sleep_from_the_import(db, tmp_path, owner):
    from pharmacy_desk.core import call_lists, campaigns
    from pharmacy_desk.core.ledger import add_months
    from pharmacy_desk.core.reports.monthly import monthly_figures
    from pharmacy_desk.core.reports.period import Month

    rows = [["姓名", "手机", "办卡日期"], ["张三", "13812345678", "2015-03-01"], ["李四", "13912345678", ""]]
    commit_import(read_plan(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY), owner, at=AT)
    assert campaigns.preview_new_member_plan(TODAY) == []  # no 7-day welcome for 李四
    assert campaigns.preview_new_member_thanks(TODAY) == []
    figures = monthly_figures(Month.of(TODAY))
    assert (figures.new_members, figures.members_total) == (0, 2)
    assert call_lists.dormant(TODAY) == []  # 张三 joined in 2015 but was only brought over today
    later = add_months(TODAY, 7)
    assert sorted(row.name for row in call_lists.dormant(later)) == ["张三", "李四"]


def test_a_legacy_history_is_kept_to_confirm_and_never_exported_with_the_notes(db, tmp_path, owner):
    from openpyxl import load_workbook

    from pharmacy_desk.core.spreadsheet.tables import export_members

    rows = [["姓名", "手机", "备注", "病史"], ["张三", "13812345678", "老顾客", "高血压"]]
    plan = read_plan(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY)
    assert any("病史记为“待与会员确认”" in str(notice) for notice in plan.notices)
    commit_import(plan, owner, at=AT)
    zhang = Member.get(Member.name == "张三")
    assert (zhang.notes, zhang.health_to_confirm, zhang.chronic_conditions) == ("老顾客", "高血压", "")
    out = tmp_path / "members.xlsx"
    export_members(out, owner)
    cells = [value for row in load_workbook(out).active.iter_rows(values_only=True) for value in row]
    assert "老顾客" in cells and not any("高血压" in str(value) for value in cells)


def test_erasing_an_imported_member_erases_their_legacy_history_and_id_number(db, tmp_path, owner):
    from pharmacy_desk.core.erasure import erase_member

    rows = [["姓名", "手机", "身份证号", "病史"], ["张三", "13812345678", ID_MALE, "高血压"]]
    path = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows})
    commit_import(read_plan(path, today=TODAY, options=ImportOptions(keep_id_numbers=True)), owner, at=AT)
    zhang = Member.get(Member.name == "张三")
    assert (zhang.id_number, zhang.health_to_confirm) == (ID_MALE, "高血压")
    erase_member(zhang.id, owner, at=AT)
    erased = Member.get_by_id(zhang.id)
    assert (erased.id_number, erased.health_to_confirm) == ("", "")
