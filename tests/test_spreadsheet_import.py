"""Importing a messy legacy member list: every case real lists contain, member by member."""

import datetime as dt

import pytest

from pharmacy_desk.core import check, ledger
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.models import LedgerEntry, Member, Operation
from pharmacy_desk.core.spreadsheet.commit import commit_import
from pharmacy_desk.core.spreadsheet.plan import plan_import, read_plan
from pharmacy_desk.core.spreadsheet.report import write_error_report
from tests.spreadsheet_helpers import write_xlsx

TODAY = dt.date(2026, 6, 10)
AT = dt.datetime(2026, 6, 10, 9, 30)

MAIN = [
    ["阳光大药房会员名单"],
    ["导出日期：2018-12-31"],
    [],
    ["会员卡号", "姓 名", "联系电话", "性别", "出生日期", "剩余积分", "入会时间", "备注", "病史"],
    ["", " 张 三 ", "138 1234 5678", "男", dt.datetime(1965, 3, 8), "1,200", "2019/5/1", "老顾客", "高血压"],
    ["8800001", "李四", "+86 139-1234-5678", "女性", 23809, "300分", 43466],
    ["", "王 五", "8613712345678", "M", "1970-3-8", 1200.0, "19990101"],
    ["", "赵六", "１３６１２３４５６７８", "female", "19800512", 88.6, "2020年1月2日"],
    ["", "钱七", 13512345678, "male", "1985.3.8", "", ""],
    ["", "孙八", "13412345678.0", "", "1990/03/08", "50", "2018-01-01"],
    ["", "周九", 13312345678.0, "F", dt.date(1975, 1, 1), "0"],
    ["", "Li  Na", "15012345678", "女", "", "", "", "=1+1 不要执行"],
    [],
    ["", "吴十", "1381234567", "男"],
    ["", "郑一", "15112345678", "男", "2030-01-01"],
    ["", "冯二", "15212345678", "男", "", "很多"],
    ["", "", "15312345678"],
    ["", "陈三", "15512345678", "未知"],
    ["", "褚四", "15612345678", "", "1965-02-30"],
    ["", "张三", "13812345678", "", "", "999"],
    ["", "卫五", "15712345678", "男"],
    ["", "蒋六", "15712345678", "女"],
    ["合计", "", "", "", "", 3000],
]
SECOND = [
    ["姓名", "手机号", "性别", "生日", "积分"],
    ["沈七", "18812345678", "女", "1992-12-12", "100"],
    ["王五", "13712345678", "", "", ""],
]


@pytest.fixture
def messy(tmp_path):
    return write_xlsx(tmp_path / "会员名单.xlsx", {"会员名单": MAIN, "2020年新会员": SECOND})


def member(phone):
    return Member.get(Member.phone == phone)


def test_dry_run_counts_and_writes_nothing(db, messy):
    before = (Member.select().count(), Operation.select().count())
    plan = plan_import(messy, today=TODAY)
    # new: 8 clean rows of the first sheet + 卫五 and 蒋六 (a family on one phone) + 沈七; merged: the
    # second 张三 row and 王五 on sheet 2; rejected: 吴十 郑一 冯二 (no name) 陈三 褚四;
    # skipped: the blank row and the 合计 row.
    assert plan.counts() == {"new": 11, "merged": 2, "conflicts": 0, "rejected": 6, "skipped": 2}
    # 1200 + 300 + 1200 + 88 + 0 + 50 + 0 + 0 + 100 = 2938
    assert plan.opening_points == 2938
    assert (Member.select().count(), Operation.select().count()) == before


def test_rejected_rows_say_why_and_keep_their_values(db, messy):
    plan = plan_import(messy, today=TODAY)
    reasons = {p.source.row_number: str(p.reason) for p in plan.rejected}
    assert set(reasons) == {14, 15, 16, 17, 18, 19}
    assert "10位" in reasons[14]
    assert "在未来" in reasons[15]
    assert "积分不是数字" in reasons[16]
    assert "姓名不能为空" in reasons[17]
    assert "性别" in reasons[18]
    assert "不存在的日期" in reasons[19]
    row = next(p for p in plan.rejected if p.source.row_number == 14)
    assert row.source.values[:4] == ["", "吴十", "1381234567", "男"]
    assert plan.all_conflicts == []  # 卫五 and 蒋六 share a phone: two members, not a conflict
    assert {c.name for c in plan.new if c.phone == "15712345678"} == {"卫五", "蒋六"}


def test_import_cleans_every_member(db, owner, messy):

    result = commit_import(read_plan(messy, today=TODAY), owner, at=AT)
    assert (result.created, result.balances, result.points) == (11, 6, 2938)
    assert Member.select().count() == 11

    zhang = member("13812345678")
    assert (zhang.name, zhang.name_initials, zhang.gender, zhang.birthday, zhang.joined_on) == (
        "张三", "zs", "M", dt.date(1965, 3, 8), dt.date(2019, 5, 1))
    assert (zhang.notes, zhang.health_to_confirm) == ("老顾客", "高血压")  # 病史 never in the notes
    assert zhang.tier.rank == 0 and zhang.profile_confirmed_on is None and zhang.joined_by_id == owner.id
    assert len(zhang.card_no) == 13 and zhang.card_no.startswith("20")
    assert ledger.balance(zhang.id) == 1200  # the later 张三 row's 999 does not overwrite

    li = member("13912345678")
    assert (li.card_no, li.gender, li.birthday, li.joined_on, ledger.balance(li.id)) == (
        "8800001", "F", dt.date(1965, 3, 8), dt.date(2019, 1, 1), 300)  # serials 23809 and 43466
    wang = member("13712345678")
    assert (wang.name, wang.birthday, wang.joined_on, ledger.balance(wang.id)) == (
        "王五", dt.date(1970, 3, 8), dt.date(1999, 1, 1), 1200)
    zhao = member("13612345678")
    assert (zhao.gender, zhao.birthday, zhao.joined_on, ledger.balance(zhao.id)) == (
        "F", dt.date(1980, 5, 12), dt.date(2020, 1, 2), 88)  # 88.6 floored
    qian = member("13512345678")
    assert (qian.gender, qian.birthday, qian.joined_on, ledger.balance(qian.id)) == (
        "M", dt.date(1985, 3, 8), TODAY, 0)  # no 办卡日期: the import date
    sun = member("13412345678")
    assert (sun.gender, sun.birthday, ledger.balance(sun.id)) == ("", dt.date(1990, 3, 8), 50)
    zhou = member("13312345678")
    assert (zhou.gender, zhou.birthday, ledger.balance(zhou.id)) == ("F", dt.date(1975, 1, 1), 0)
    lina = member("15012345678")
    assert (lina.name, lina.notes) == ("Li Na", "=1+1 不要执行")
    shen = member("18812345678")
    assert (shen.name, shen.birthday, ledger.balance(shen.id)) == ("沈七", dt.date(1992, 12, 12), 100)

    entries = list(LedgerEntry.select().where(LedgerEntry.kind == "import"))
    assert len(entries) == 6
    # Valid 12 months from the import (2026-06-10), not the 3 months of points earned at the till.
    assert {e.expires_on for e in entries} == {dt.date(2027, 6, 10)} != {ledger.lot_expiry(TODAY)}
    assert len({e.operation_id for e in entries}) == 1
    assert sorted(m.name for m in Member.select().where(Member.phone == "15712345678")) == ["卫五", "蒋六"]
    assert not Member.select().where(Member.phone == "1381234567").exists()
    assert check.run_checks() == []


def test_importing_the_same_file_again_changes_nothing(db, owner, messy):

    commit_import(read_plan(messy, today=TODAY), owner, at=AT)
    snapshot = [tuple(m.__data__.values()) for m in Member.select().order_by(Member.id)]
    entries = LedgerEntry.select().count()
    again = plan_import(messy, today=TODAY)
    assert again.already_imported and again.counts()["new"] == 0 and again.opening_points == 0
    result = commit_import(read_plan(messy, today=TODAY), owner, at=AT + dt.timedelta(days=1))
    assert result.already_imported and result.created == 0
    assert [tuple(m.__data__.values()) for m in Member.select().order_by(Member.id)] == snapshot
    assert LedgerEntry.select().count() == entries
    assert check.run_checks() == []


def test_existing_members_are_merged_or_reported(db, tmp_path, make_member, owner):
    zhang = make_member(phone="13812345678", name="张三")
    make_member(phone="13912345678", name="李思")
    carded = make_member(phone="13712345678", name="王五", card_no="8800001")
    rows = [["卡号", "姓名", "手机", "性别", "生日", "积分"],
            ["", "张 三", "13812345678", "男", "1965-03-08", "500"],
            ["", "李四", "13912345678", "女", "", "20"],
            ["8800001", "马六", "13612345678", "", "", ""],
            ["", "王五", "13712345678", "男", "", "70"]]
    first = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows})
    plan = plan_import(first, today=TODAY)
    # 李四 shares 李思's phone: a new member of the same family; 马六 names 王五's card: a conflict.
    assert plan.counts() == {"new": 1, "merged": 2, "conflicts": 1, "rejected": 0, "skipped": 0}
    assert [str(p.reason) for p in plan.all_conflicts] == ["卡号 8800001 已属于会员王五（手机 137****5678），请核对卡号。"]
    result = commit_import(read_plan(first, today=TODAY), owner, at=AT)
    assert (result.created, result.updated, result.points) == (1, 2, 590)
    assert sorted(m.name for m in Member.select().where(Member.phone == "13912345678")) == ["李四", "李思"]
    zhang = Member.get_by_id(zhang.id)
    assert (zhang.gender, zhang.birthday) == ("M", dt.date(1965, 3, 8))  # empty fields filled
    assert ledger.balance(zhang.id) == 500
    assert Member.get_by_id(carded.id).gender == "M"
    assert ledger.balance(carded.id) == 70

    # A second, different file with the same person: fields already set stay, no second balance.
    second = write_xlsx(tmp_path / "b.xlsx", {"Sheet1": [["姓名", "手机", "性别", "积分"],
                                                         ["张三", "13812345678", "女", "800"]]})
    result = commit_import(read_plan(second, today=TODAY), owner, at=AT)
    assert (result.created, result.balances) == (0, 0)
    assert Member.get_by_id(zhang.id).gender == "M" and ledger.balance(zhang.id) == 500
    assert check.run_checks() == []


def test_user_mapping_replaces_the_guess(db, tmp_path, clerk):
    rows = [["姓名", "电话", "手机"], ["张三", "010-12345678", "13812345678"]]
    path = write_xlsx(tmp_path / "two-phones.xlsx", {"Sheet1": rows})
    guessed = read_plan(path, today=TODAY)
    assert guessed.sheets[0].layout.mapping == {0: "name", 1: "phone"}
    assert len(guessed.problems) == 1  # the landline is not a mobile
    signature = guessed.sheets[0].layout.signature
    fixed = read_plan(path, today=TODAY, mappings={signature: {0: "name", 2: "phone"}})
    assert [c.phone for c in fixed.candidates] == ["13812345678"] and fixed.problems == []


def test_a_list_without_a_header_is_read_by_its_values(db, tmp_path):
    path = write_xlsx(tmp_path / "noheader.xlsx", {"Sheet1": [["张三", "13812345678"]]})
    plan = plan_import(path, today=TODAY)
    assert [(c.name, c.phone) for c in plan.new] == [("张三", "13812345678")]
    assert [str(notice) for notice in plan.file.notices] == ["工作表“Sheet1”：第A列按内容当作姓名，第B列按内容当作手机号。"]


def test_a_file_with_nothing_recognisable_is_refused(db, tmp_path):
    path = write_xlsx(tmp_path / "noheader.xlsx", {"Sheet1": [["苹果", "3.5"], ["香蕉", "2"]]})
    with pytest.raises(InvalidInput, match="找不到表头"):
        plan_import(path)


def test_error_report_is_the_original_rows_ready_to_fix(db, messy, tmp_path, owner):
    from openpyxl import load_workbook

    plan = plan_import(messy, today=TODAY)
    out = tmp_path / "report.xlsx"
    assert write_error_report(plan, out) == 6  # the rejected rows
    sheet = load_workbook(out)["会员名单"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("会员卡号", "姓 名", "联系电话", "性别", "出生日期", "剩余积分", "入会时间", "备注",
                       "病史", "问题原因", "问题类型", "原行号")
    assert rows[1][:4] == (None, "吴十", "1381234567", "男") and "10位" in rows[1][9]
    assert rows[1][10:] == ("数据有误", 14)
    assert [r[11] for r in rows[1:]] == [14, 15, 16, 17, 18, 19]
    assert sheet.freeze_panes == "A2"

    # The owner fixes 吴十's phone in the report and imports the report itself.
    fixed = load_workbook(out)
    fixed["会员名单"]["C2"] = "13812345670"
    fixed.save(out)
    commit_import(read_plan(out, today=TODAY), owner, at=AT)
    assert Member.get(Member.phone == "13812345670").name == "吴十"
    assert Member.select().count() == 1  # every other row still has its problem


def test_a_list_without_names_is_one_message_naming_its_columns(db, tmp_path):
    rows = [["手机", "性别"]] + [[f"1381234{n:04d}", "男"] for n in range(50)]
    path = write_xlsx(tmp_path / "phones.xlsx", {"Sheet1": rows})
    with pytest.raises(InvalidInput) as refused:
        plan_import(path, today=TODAY)
    assert str(refused.value) == "工作表“Sheet1”没有姓名列（找到的列：手机、性别），请指定哪一列是姓名后再导入。"
    assert read_plan(path, today=TODAY).problems == []  # not 50 copies of one reason


def test_headers_repeated_on_every_printed_page_are_skipped(db, tmp_path):
    rows = [["姓名", "手机号（必填）", "积分"],
            ["张三", "13812345678", "10"],
            ["姓 名", "手机号(必填)", "积分"],  # page 2's header, typed again with other spacing
            ["李四", "13912345678", "20"],
            ["ＸＩＮＧ ＭＩＮＧ", "13712345678", "30"],  # full-width, but a name: a member
            ["姓名：", "手机号*", "积分"]]
    plan = plan_import(write_xlsx(tmp_path / "分页.xlsx", {"名单": rows}), today=TODAY)
    assert plan.counts() == {"new": 3, "merged": 0, "conflicts": 0, "rejected": 0, "skipped": 2}
    assert sorted(c.name for c in plan.new) == ["XING MING", "张三", "李四"]
