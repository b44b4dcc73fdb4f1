"""What the core says is translated: every refusal is a marked template with its parameters apart,
every marked template has its English, and a refusal shown in English has no Chinese left.

The core imports no Qt; its sentences are marked with ``core.sentences.QT_TRANSLATE_NOOP``
and translated by the windows (``ui.i18n.sentence``). A refusal written as an f-string, a
plain literal or a joined text could not be translated, so the source is read for them.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pharmacy_desk.core import errors
from pharmacy_desk.core.sentences import COUNT, Joined, Sentence, term
from tests.test_translations import CATALOGUE, CHINESE, english

__all__ = ["english"]

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "pharmacy_desk" / "core"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def _error_classes() -> dict[str, type]:
    """Every ``DeskError`` class the core declares, by name (the modules are imported to find them)."""
    import importlib
    import pkgutil

    import pharmacy_desk.core

    for info in pkgutil.walk_packages(pharmacy_desk.core.__path__, "pharmacy_desk.core."):
        importlib.import_module(info.name)
    found: dict[str, type] = {}
    pending: list[type] = [errors.DeskError]
    while pending:
        kind = pending.pop()
        found[kind.__name__] = kind
        pending += kind.__subclasses__()
    return found


# Errors that word their own sentence from what they are given (a path and a kind, a reason).
SELF_WORDED = {"FileProblem", "NeedsConfirmation", "DatabaseUnusable"}


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _is_marker(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and _called_name(node) == "QT_TRANSLATE_NOOP" and len(node.args) == 2
            and isinstance(node.args[0], ast.Constant) and node.args[0].value == "core"
            and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str))


def _unmarked_messages() -> list[str]:
    """Every construction of a core error or a ``Sentence`` whose text cannot be translated: an
    f-string, a literal, a joined or formatted text; and every marked template whose placeholders
    are not the parameters given with it."""
    classes = set(_error_classes()) - SELF_WORDED | {"Sentence"}
    found = []
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called_name(node) in classes and node.args):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            message = node.args[0]
            if isinstance(message, (ast.JoinedStr, ast.Constant, ast.BinOp)) or (
                    isinstance(message, ast.Call) and not _is_marker(message)
                    and _called_name(message) in ("format", "join", "str")):
                found.append(f"{where}: {ast.unparse(message)[:80]}")
            elif _is_marker(message):
                template = message.args[1].value  # type: ignore[attr-defined]
                given = {keyword.arg for keyword in node.keywords}
                wanted = set(PLACEHOLDER.findall(template)) | ({COUNT} if "%n" in template else set())
                if None not in given and wanted != given:
                    found.append(f"{where}: placeholders {sorted(wanted)} given {sorted(given)}")
    return found


def test_every_sentence_the_core_raises_is_a_marked_template():
    assert _unmarked_messages() == [], ('write it as QT_TRANSLATE_NOOP("core", "…{name}…"), name=value '
                                        '(CONTRIBUTING.md, "Translate a window")')


def _catalogue(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {(context.findtext("name") or "", message.findtext("source") or ""): message.find("translation")
            for context in tree.iter("context") for message in context.iter("message")}


def test_every_marked_core_sentence_has_its_english(tmp_path):
    """lupdate over the core alone: each template it finds is in the catalogue, finished, in English."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    marked = tmp_path / "core.ts"
    subprocess.run([str(lupdate), "-locations", "none", "-source-language", "zh_CN", "-target-language", "en",
                    *(str(path) for path in _core_modules()), "-ts", str(marked)], capture_output=True, check=True)
    templates = [source for (context, source) in _catalogue(marked) if context == "core"]
    assert len(templates) > 20
    known = _catalogue(CATALOGUE)
    missing = [source for source in templates
               if ("core", source) not in known or known[("core", source)].get("type") is not None
               or not (known[("core", source)].text or "") or CHINESE.search(known[("core", source)].text or "")]
    assert missing == [], "run build_spec/update_translations.py and write their English in the .ts"


def _every_file_and_storage_problem() -> list[errors.DeskError]:
    problems: list[errors.DeskError] = [errors.StorageError(message, kind) for kind, message
                                        in errors.STORAGE_MESSAGES.items()]
    problems += [errors.StorageError(errors.CORRUPT_WITH_BACKUP, "corrupt", problem=term(errors.STORAGE_MESSAGES["corrupt"]),
                                     database="/data/shop.sqlite3", backup="/backups/shop-2026-12-01.sqlite3")]
    for action in (errors.READ, errors.WRITE, errors.ACCESS):
        for kind, _numbers in errors.FILE_KINDS:
            problems += [errors.FileProblem("/media/u/list.xlsx", action, kind), errors.FileProblem(None, action, kind)]
    return problems


def test_the_file_and_database_problems_read_in_english(english):
    from pharmacy_desk.ui.messages import user_message

    for problem in _every_file_and_storage_problem():
        shown, expected = user_message(problem)
        assert expected and shown and not CHINESE.search(shown), (str(problem), shown)
    shown, _ = user_message(errors.FileProblem("/media/u/导出.xlsx", errors.WRITE, "disk_full"))
    assert shown == "Could not write /media/u/导出.xlsx: the disk is full. The file was not saved."  # the path is data


def test_a_sentence_is_chinese_as_a_string_and_its_parameters_are_kept_apart():
    inner = Sentence("磁盘已满")
    said = Sentence("无法写入 {path}：{reason}。刚才的文件没有保存。", path="/x.xlsx", reason=inner)
    assert str(said) == "无法写入 /x.xlsx：磁盘已满。刚才的文件没有保存。"
    assert said.render(lambda text: f"<{text}>") == "<无法写入 /x.xlsx：<磁盘已满>。刚才的文件没有保存。>"
    assert str(errors.InvalidInput(said)) == str(said) and errors.InvalidInput(said).sentence is said
    assert str(Joined(["甲", term("乙")])) == "甲、乙"
    assert str(Sentence("{不是占位符}")) == "{不是占位符}"  # a template without parameters is shown as it is


@pytest.mark.parametrize("problem", _every_file_and_storage_problem(), ids=str)
def test_the_chinese_of_every_file_and_database_problem_is_whole(problem):
    assert "{" not in str(problem) and str(problem).endswith("。")


def test_the_import_notices_and_a_backup_warning_read_in_english(english, tmp_path):
    from pharmacy_desk.core.backup import target_folder
    from pharmacy_desk.core.spreadsheet.layouts import NO_HEADER, SheetLayout, missing_columns, notices
    from pharmacy_desk.core.spreadsheet.columns import Layout
    from pharmacy_desk.ui.i18n import sentence

    headers = ["Sex", "Level"]
    lacking = Layout(header_row=0, headers=headers, mapping={}, inferred=set())
    said = notices([SheetLayout("Options", None, skipped=Sentence(NO_HEADER)),
                    SheetLayout("Lists", lacking, skipped=missing_columns(lacking))])
    shown = [sentence(notice) for notice in said]
    assert shown[0] == ("Sheet \u201cOptions\u201d is not imported: no header row was found, and no column looks like the "
                        "name or the phone.")
    assert shown[1].startswith("Sheet \u201cLists\u201d is not imported: no Name and Phone column (columns found: Sex, Level)")
    assert not [text for text in shown if CHINESE.search(text)]

    _folder, warning = target_folder(tmp_path / "pulled stick")
    assert warning is not None and sentence(warning).startswith(f"The backup folder {tmp_path / 'pulled stick'} does not")


def test_an_imported_rows_problems_read_in_english(english, db, tmp_path):
    """Each problem of a row is a sentence of its own, joined in the windows' language (the
    preview's 问题原因 column, and the error report the English wizard saves)."""
    import datetime as dt

    from pharmacy_desk.core.spreadsheet.plan import plan_import
    from pharmacy_desk.ui.i18n import sentence
    from tests.spreadsheet_helpers import write_xlsx

    listed = write_xlsx(tmp_path / "list.xlsx", {"Members": [["name", "mobile", "birthday"],
                                                              ["Zhang San", "1391234567", "2030-01-01"]]})
    [problem] = plan_import(listed, today=dt.date(2026, 12, 2)).problems
    assert str(problem.reason) == "手机号应为11位，这里是10位：1391234567；生日 2030-01-01 在未来。"
    assert sentence(problem.reason) == ("A phone number has 11 digits; this one has 10: 1391234567. "
                                        "The birthday 2030-01-01 is in the future.")
