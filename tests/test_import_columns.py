"""Real legacy lists: columns found by their many names and by their values, sheets left out with a reason."""

import datetime as dt

import pytest

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.spreadsheet.columns import find_layout, guess_field
from pharmacy_desk.core.spreadsheet.plan import plan_import, read_plan
from tests.spreadsheet_helpers import write_xlsx

TODAY = dt.date(2026, 6, 10)


@pytest.mark.parametrize("header, target", [
    ("联系人", "name"), ("联系人姓名", "name"), ("真实姓名", "name"), ("真实姓名（必填）", "name"),
    ("名字", "name"), ("实名", "name"), ("realname", "name"), ("username", "name"), ("*姓名", "name"),
    ("姓名【必填】", "name"), ("Real Name", "name"), ("客户 姓名", "name"),
    ("移动电话号码", "phone"), ("用户名（必须手机号）", "phone"), ("手机号码", "phone"), ("mobile_phone", "phone"),
    ("手机号码(必填)*", "phone"), ("会员手机号码", "phone"), ("Mobile", "phone"),
    ("详细地址", "address"), ("通信地址", "address"), ("家庭地址", "address"),
    ("省", "province"), ("市", "city"), ("区", "district"),
    ("发卡日期", "joined_on"), ("会员卡编号", "card_no"), ("card_no", "card_no"),
    ("出生日期（yyyy-mm-dd）", "birthday"), ("remark", "notes"), ("身份证号码", "id_number"), ("门店", ""),
])
def test_the_names_real_lists_give_their_columns(header, target):
    assert guess_field(header) == target


def contacts(count):
    rows = [["通讯录导出"], ["联系人", "公司", "移动电话号码", "通信地址"]]
    rows += [[f"联系人{n}" if n % 20 == 0 else f"张{'一二三四五六七八九'[n % 9]}{n}",
              "某公司", f"139{n:08d}", f"某路{n}号"] for n in range(count)]
    return rows


def test_a_contact_list_with_lianxiren_brings_every_contact(db, tmp_path):
    path = write_xlsx(tmp_path / "通讯录.xlsx", {"联系人": contacts(217)})
    plan = plan_import(path, today=TODAY)
    assert plan.counts()["new"] == 217 and plan.problems == []
    assert plan.new[0].address == "某路0号"


def test_header_with_only_the_phone_known_is_found_and_the_name_guessed(db, tmp_path):
    rows = [["顾客", "手机号码", "消费金额"], ["张三", "13812345678", "12.5"], ["李四", "13912345678", "8"]]
    layout = find_layout(rows)
    assert layout is not None and layout.header_row == 0
    assert layout.mapping == {0: "name", 1: "phone"} and layout.inferred == {0}
    plan = plan_import(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY)
    assert sorted(c.name for c in plan.new) == ["张三", "李四"]
    assert [str(notice) for notice in plan.file.notices] == ["工作表“Sheet1”：顾客按内容当作姓名。"]


def test_two_header_rows_english_keys_above_chinese_names(db, tmp_path):
    rows = [["realname", "mobile", "gender", "birthday"],
            ["真实姓名（必填）", "手机号（必填）", "性别", "生日"],
            ["张三", "13812345678", "男", "1980-01-02"]]
    layout = find_layout(rows)
    assert layout is not None and layout.header_row == 1
    assert layout.headers[0] == "真实姓名（必填）"
    plan = plan_import(write_xlsx(tmp_path / "template.xlsx", {"Sheet1": rows}), today=TODAY)
    assert plan.counts() == {"new": 1, "merged": 0, "conflicts": 0, "rejected": 0, "skipped": 0}
    assert plan.new[0].birthday == dt.date(1980, 1, 2)


def test_a_dropdown_helper_sheet_is_listed_not_refused(db, tmp_path):
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "带下拉.xlsx", {
        "会员": [["姓名", "手机号", "性别"], ["张三", "13812345678", "男"]],
        "下拉选项": [["性别", "会员等级", "手机号"], ["男", "普通", ""], ["女", "VIP", ""]],
        "选项2": [["联系人", "手机号"], ["（下拉）", "必填"], ["（选择）", ""]],
        "data": [["男"], ["女"]],
    })
    book = load_workbook(path)
    book["data"].sheet_state = "hidden"
    book.save(path)
    plan = plan_import(path, today=TODAY)
    assert plan.counts()["new"] == 1 and plan.problems == []
    assert [str(notice) for notice in plan.file.notices] == ["工作表“下拉选项”未导入：没有姓名列（找到的列：性别、会员等级、手机号）。",
                                 "工作表“选项2”未导入：手机号列里没有一个号码（多为下拉选项或说明）。",
                                 "工作表“data”未导入：隐藏的工作表（多为下拉选项或辅助数据）。"]
    assert [item.name for item in plan.file.sheets if item.imported] == ["会员"]


def test_a_sheet_without_header_or_members_is_listed_with_the_reason(db, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", {"会员": [["姓名", "手机"], ["张三", "13812345678"]],
                                            "说明": [["本表由收银系统导出"], ["请勿修改"]]})
    plan = read_plan(path, today=TODAY)
    assert [str(notice) for notice in plan.notices] == ["工作表“说明”未导入：没有找到表头，也看不出哪一列是姓名或手机号。"]


def test_a_headerless_list_under_a_title_starts_at_its_first_member(db, tmp_path):
    rows = [["某某药店会员"], [], ["张三", "男", 13812345678, dt.datetime(1970, 1, 1)],
            ["李四", "女", 13912345678, dt.datetime(1971, 2, 2)]]
    plan = plan_import(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY)
    assert sorted((c.name, c.phone, c.birthday) for c in plan.new) == [
        ("张三", "13812345678", dt.date(1970, 1, 1)), ("李四", "13912345678", dt.date(1971, 2, 2))]
    assert plan.problems == [] and plan.counts()["skipped"] == 0


def test_a_missing_phone_is_refused_once_for_the_file(db, tmp_path):
    rows = [["姓名", "地址"]] + [["张三", "某路"]] * 7283
    with pytest.raises(InvalidInput, match=r"^工作表“Sheet1”没有手机号列（找到的列：姓名、地址），"):
        plan_import(write_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}), today=TODAY)


def test_the_error_report_groups_repeated_reasons(db, tmp_path):
    from openpyxl import load_workbook

    from pharmacy_desk.core.spreadsheet.report import group_problems, write_error_report

    rows = [["姓名", "手机号", "生日"]] + [[f"张{n}", f"138{n:07d}", ""] for n in range(300)]
    rows += [["李四", "13912345678", "2030-01-01"], ["王五", "13712345678", "1980-02-30"]]
    plan = plan_import(write_xlsx(tmp_path / "a.xlsx", {"名单": rows}), today=TODAY)
    groups = group_problems(plan.problems)
    assert [(g.reason, len(g.rows)) for g in groups] == [
        ("手机号应为11位，这里是10位", 300), ("生日 … 在未来", 1), ("不存在的日期", 1)]
    assert groups[0].examples == "名单第2行、名单第3行、名单第4行、名单第5行、名单第6行……"
    out = tmp_path / "report.xlsx"
    write_error_report(plan, out)
    summary = list(load_workbook(out)["问题汇总"].iter_rows(values_only=True))
    assert summary[0] == ("问题", "问题类型", "行数", "例如")
    assert summary[1][:3] == ("手机号应为11位，这里是10位", "数据有误", 300) and len(summary) == 4
