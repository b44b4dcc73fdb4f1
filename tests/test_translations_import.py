"""The import wizard's problem summary and the error report it saves, in English.

A kind of problem is its sentence's template and the parameters that tell kinds apart (how many
digits a phone has), not its finished Chinese text: so the English wizard lists the same kinds,
counted the same, in English; and the report the English wizard saves says its reasons, kinds and
summary in English, and still imports back with only the owner's own columns mapped.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.test_translations import CHINESE, chinese_in, english, visible_strings
from tests.widget_helpers import shown

__all__ = ["english"]  # the fixture shared with tests/test_translations.py

TODAY = dt.date.today()


def _faulty_rows() -> list[list[object]]:
    """300 phones a digit short, one too long, a birthday to come and a date that does not exist."""
    rows: list[list[object]] = [["name", "mobile", "birthday"]]
    rows += [[f"Zhang {n}", f"138{n:07d}", ""] for n in range(300)]
    rows += [["Li Si", "139123456789", ""], ["Wang Wu", "13712345678", f"{TODAY.year + 3}-01-01"],
             ["Zhao Liu", "13612345678", "1980-02-30"], ["Qian Qi", "13512345678", "1970-05-06"]]
    return rows


@pytest.fixture
def faulty_list(tmp_path):
    from tests.spreadsheet_helpers import write_xlsx

    return write_xlsx(tmp_path / "list.xlsx", {"Members": _faulty_rows()})


def test_each_kind_of_problem_is_counted_once_whatever_its_values(db, faulty_list):
    from pharmacy_desk.core.spreadsheet.plan import plan_import
    from pharmacy_desk.core.spreadsheet.report import group_problems

    groups = group_problems(plan_import(faulty_list, today=TODAY).problems)
    assert [(g.reason, g.kind, len(g.rows)) for g in groups] == [
        ("手机号应为11位，这里是10位", "rejected", 300), ("手机号应为11位，这里是12位", "rejected", 1),
        ("生日 … 在未来", "rejected", 1), ("不存在的日期", "rejected", 1)]
    assert groups[1].examples == "Members第302行"


def test_a_row_with_two_problems_is_in_both_kinds(db, tmp_path):
    from pharmacy_desk.core.spreadsheet.plan import plan_import
    from pharmacy_desk.core.spreadsheet.report import group_problems
    from tests.spreadsheet_helpers import write_xlsx

    listed = write_xlsx(tmp_path / "two.xlsx", {"名单": [["姓名", "手机号", "生日"], ["张三", "1381234567", "2099-01-01"],
                                                         ["李四", "1391234567", ""]]})
    groups = group_problems(plan_import(listed, today=TODAY).problems)
    assert [(g.reason, g.rows) for g in groups] == [("手机号应为11位，这里是10位", [("名单", 2), ("名单", 3)]),
                                                    ("生日 … 在未来", [("名单", 2)])]


def test_the_english_wizard_lists_the_kinds_of_problem_in_english(english, qtbot, db, owner, faulty_list):
    from PySide6.QtWidgets import QWizard

    from pharmacy_desk.ui.import_wizard import ImportWizard

    wizard = shown(qtbot, ImportWizard(owner))
    wizard.file_page.set_path(faulty_list)
    for page in (wizard.mapping_page, wizard.preview_page):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda page=page: wizard.currentPage() is page, timeout=20000)
    summary = wizard.preview_page.summary.text()
    lines = summary.split("<br>· ")[1:]
    assert lines == ["A phone number has 11 digits; this one has 10: 300 rows",
                     "A phone number has 11 digits; this one has 12: 1 row",
                     "The birthday … is in the future: 1 row", "No such date: 1 row"]
    assert chinese_in([summary, *visible_strings(wizard, cells=True)]) == []


def test_the_english_wizard_saves_an_english_report_that_imports_back(english, qtbot, db, owner, faulty_list,
                                                                      tmp_path):
    from openpyxl import load_workbook

    from pharmacy_desk.core.models import Member
    from pharmacy_desk.core.spreadsheet.commit import commit_import
    from pharmacy_desk.core.spreadsheet.plan import match_database, read_plan
    from pharmacy_desk.ui.import_wizard import ResultPage

    wizard = _imported(qtbot, owner, faulty_list)
    out = tmp_path / "report.xlsx"
    wizard.findChild(ResultPage).save_report(out)
    book = load_workbook(out)
    assert book.sheetnames == ["Members", "Problem summary"]
    rows = list(book["Members"].iter_rows(values_only=True))
    assert rows[0] == ("name", "mobile", "birthday", "Problem", "Kind of problem", "Row in the list")
    assert rows[1] == ("Zhang 0", "1380000000", None, "A phone number has 11 digits; this one has 10: 1380000000.",
                       "Bad data", 2)
    summary = list(book["Problem summary"].iter_rows(values_only=True))
    assert summary[:3] == [("Problem", "Kind of problem", "Rows", "For example"),
                           ("A phone number has 11 digits; this one has 10", "Bad data", 300,
                            "Members row 2, Members row 3, Members row 4, Members row 5, Members row 6 …"),
                           ("A phone number has 11 digits; this one has 12", "Bad data", 1, "Members row 302")]
    cells = [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert not [cell for cell in cells if CHINESE.search(cell)]

    # The owner fixes a phone in the report and imports the report itself: the added columns map to nothing.
    book["Members"]["B2"] = "13800000001"
    book.save(out)
    file_plan = read_plan(out, today=TODAY)
    [members] = [item for item in file_plan.sheets if item.imported]
    assert members.layout is not None and members.layout.mapping == {0: "name", 1: "phone", 2: "birthday"}
    commit_import(file_plan, owner)
    assert Member.get(Member.phone == "13800000001").name == "Zhang 0"
    assert match_database(read_plan(out, today=TODAY)).counts()["rejected"] == 302  # every other row keeps its problem


def _imported(qtbot, owner, path):
    from PySide6.QtWidgets import QWizard

    from pharmacy_desk.ui.import_wizard import ImportWizard

    wizard = shown(qtbot, ImportWizard(owner))
    wizard.file_page.set_path(path)
    for page in (wizard.mapping_page, wizard.preview_page, wizard.import_page):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda page=page: wizard.currentPage() is page, timeout=20000)
    qtbot.mouseClick(wizard.import_page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=20000)
    return wizard
