"""Which sheets of a file are imported, with which header row and mapping, and why others are not.

The guess (``columns.find_layout``) is only a start: the owner can name the sheet,
the header row and the field of any column (the wizard, or ``import-members --sheet
--header-row --map``), and a mapping remembered for a header of the same shape is
used again. A sheet that is not imported is listed with its reason, never dropped
without a word; a sheet that lacks the name or phone column is one message naming
the columns it has, not a refusal of each of its rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.spreadsheet.columns import (
    FIELDS, HEADER_SCAN_ROWS, INFER_SAMPLE_ROWS, Layout, column_letters, find_layout, guess_field, header_key, layout_at,
)
from pharmacy_desk.core.spreadsheet.reading import Sheet
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, Sentence, term

FOUND_SHOWN = 12
# ASCII and full-width digits: ``str.isdigit`` would count every script's (Arabic-Indic ١٣٨…).
_DIGIT = re.compile(r"[0-9０-９]")


@dataclass
class SheetChoice:
    """What the owner chose for one sheet: the header row (0-based, -1: none) and the mapping."""

    header_row: int | None = None
    mapping: dict[int, str] | None = None
    skip: bool = False


@dataclass
class Choices:
    """Everything the owner said about a file's layout; empty means “guess everything”."""

    sheets: dict[str, SheetChoice] = field(default_factory=dict)
    only_sheet: str | None = None
    header_row: int | None = None  # for every sheet without a choice of its own
    by_header: dict[str, str] = field(default_factory=dict)  # column name (or letter) → field
    remembered: dict[str, dict[int, str]] = field(default_factory=dict)  # layout signature → mapping


@dataclass
class SheetLayout:
    name: str
    layout: Layout | None
    data_rows: int = 0
    skipped: Sentence | None = None  # why the sheet is not imported; None when it is

    @property
    def imported(self) -> bool:
        return self.layout is not None and self.skipped is None


NOT_CHOSEN = QT_TRANSLATE_NOOP("core", "没有选择这张表")
NO_HEADER = QT_TRANSLATE_NOOP("core", "没有找到表头，也看不出哪一列是姓名或手机号")
MISSING_WITHOUT_HEADER = QT_TRANSLATE_NOOP("core", "没有{missing}列（这张表没有表头）")
MISSING_FOUND = QT_TRANSLATE_NOOP("core", "没有{missing}列（找到的列：{found}）")
# The reasons that say something is missing, for which the refusal asks for the columns.
LACKING = {NOT_CHOSEN, NO_HEADER, MISSING_WITHOUT_HEADER, MISSING_FOUND}
AND = QT_TRANSLATE_NOOP("core", "和")  # between the fields a sheet lacks: 姓名和手机号


def field_named(text: str) -> str:
    """The field a person means by ``姓名``, ``name``, ``手机`` or ``不导入``; refuses anything else."""
    text = text.strip()
    for key, label in FIELDS.items():
        if text in (key, label) or (key and header_key(text) == header_key(label)):
            return key
    if header_key(text) in ("不导入", "忽略", "skip", "none"):
        return ""
    found = guess_field(text)
    if not found:
        names = Joined([term(label) for key, label in FIELDS.items() if key])
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "不认识的字段“{text}”，可以是：{names}、不导入。"), text=text,
                           names=names)
    return found


def parse_map(items: Sequence[str]) -> dict[str, str]:
    """``["联系人=姓名", "C=手机号"]`` → column name or letter → field."""
    result: dict[str, str] = {}
    for item in items:
        column, sep, target = item.partition("=")
        if not sep or not column.strip():
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "列的对应写成“列名=字段”，例如“联系人=姓名”：{item}"), item=item)
        result[column.strip()] = field_named(target)
    return result


def sheet_layouts(sheets: Sequence[Sheet], choices: Choices) -> list[SheetLayout]:
    if choices.only_sheet is not None and choices.only_sheet not in {sheet.name for sheet in sheets}:
        names = Joined([f"“{sheet.name}”" for sheet in sheets])
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "core", "文件中没有名为“{only_sheet}”的工作表；有：{names}。"), only_sheet=choices.only_sheet, names=names)
    return [_sheet_layout(sheet, choices) for sheet in sheets]


def _sheet_layout(sheet: Sheet, choices: Choices) -> SheetLayout:
    choice = choices.sheets.get(sheet.name, SheetChoice())
    chosen = choices.only_sheet == sheet.name or sheet.name in choices.sheets
    if choices.only_sheet is not None and choices.only_sheet != sheet.name:
        return SheetLayout(sheet.name, find_layout(sheet.rows), skipped=Sentence(NOT_CHOSEN))
    if choice.skip:
        return SheetLayout(sheet.name, find_layout(sheet.rows), skipped=Sentence(QT_TRANSLATE_NOOP("core", "选择了不导入")))
    header_row = choice.header_row if choice.header_row is not None else choices.header_row
    if header_row is not None:
        layout: Layout | None = layout_at(sheet.rows, header_row)
    else:
        layout = find_layout(sheet.rows)
        if choices.by_header and not _names_all(layout, choices.by_header):
            row = _row_naming(sheet.rows, choices.by_header)
            if row is not None:
                layout = layout_at(sheet.rows, row)
        elif choices.remembered and (layout is None or layout.signature not in choices.remembered):
            row = _remembered_header(sheet.rows, choices.remembered)
            if row is not None:
                layout = layout_at(sheet.rows, row)
    if layout is not None:
        if choice.mapping is not None:
            layout.mapping = {int(column): target for column, target in choice.mapping.items() if target}
            layout.inferred = set()
        elif layout.signature in choices.remembered and layout.headers:
            layout.mapping = {int(k): v for k, v in choices.remembered[layout.signature].items() if v}
            layout.inferred = set()
        _apply_by_header(layout, choices.by_header)
    if not sheet.visible and not chosen:
        return SheetLayout(sheet.name, layout, skipped=Sentence(
            QT_TRANSLATE_NOOP("core", "隐藏的工作表（多为下拉选项或辅助数据）")))
    if layout is None:
        return SheetLayout(sheet.name, None, skipped=Sentence(NO_HEADER))
    if layout.missing:
        return SheetLayout(sheet.name, layout, skipped=missing_columns(layout))
    if not chosen and not _holds_a_mobile(sheet.rows, layout):
        return SheetLayout(sheet.name, layout, skipped=Sentence(
            QT_TRANSLATE_NOOP("core", "{column}列里没有一个号码（多为下拉选项或说明）"),
            column=layout.column_title(layout.column_of('phone') or 0)))
    return SheetLayout(sheet.name, layout)


def _holds_a_mobile(rows: Sequence[Sequence[object]], layout: Layout) -> bool:
    """A helper sheet of dropdown values can name a 手机号 column; a member list has numbers in it."""
    column = layout.column_of("phone")
    assert column is not None
    sample = rows[layout.header_row + 1:layout.header_row + 1 + INFER_SAMPLE_ROWS]
    return any(_has_digits(row[column]) for row in sample if column < len(row))


def _has_digits(value: object) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and _DIGIT.search(value) is not None


def missing_columns(layout: Layout) -> Sentence:
    missing = Joined([term(FIELDS[target]) for target in layout.missing], AND)
    found = [text for text in layout.headers if text]
    if not found:
        return Sentence(MISSING_WITHOUT_HEADER, missing=missing)
    shown: Sentence = Joined(found[:FOUND_SHOWN])
    if len(found) > FOUND_SHOWN:
        shown = Sentence(QT_TRANSLATE_NOOP("core", "{found}……"), found=shown)
    return Sentence(MISSING_FOUND, missing=missing, found=shown)


def _names_all(layout: Layout | None, by_header: dict[str, str]) -> bool:
    if layout is None:
        return False
    keys = {header_key(text) for text in layout.headers}
    return all(header_key(name) in keys or _is_letter(name) for name in by_header)


def _is_letter(text: str) -> bool:
    return text.isascii() and text.isalpha() and text.isupper() and len(text) <= 2


def _row_naming(rows: Sequence[Sequence[object]], by_header: dict[str, str]) -> int | None:
    """The first row holding every column name the owner mapped: the header the guess missed."""
    wanted = {header_key(name) for name in by_header if not _is_letter(name)}
    if not wanted:
        return None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if wanted <= {header_key(cell) for cell in row if isinstance(cell, str)}:
            return index
    return None


def _remembered_header(rows: Sequence[Sequence[object]], remembered: dict[str, dict[int, str]]) -> int | None:
    """The row whose names are a header the owner mapped before, though the guess did not see it."""
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if sum(1 for cell in row if isinstance(cell, str) and cell.strip()) < 2:
            continue
        headers = [str(cell or "").strip() for cell in row]
        if Layout(index, headers, {}).signature in remembered:
            return index
    return None


def _apply_by_header(layout: Layout, by_header: dict[str, str]) -> None:
    for name, target in by_header.items():
        key = header_key(name)
        columns = [column for column, text in enumerate(layout.headers) if header_key(text) == key]
        if not columns and _is_letter(name):
            columns = [next(column for column in range(26 * 27) if column_letters(column) == name)]
        for column in columns[:1]:
            if target:
                for other in [c for c, t in layout.mapping.items() if t == target]:
                    del layout.mapping[other]
                layout.mapping[column] = target
            else:
                layout.mapping.pop(column, None)
            layout.inferred.discard(column)


def refusal(layouts: Sequence[SheetLayout]) -> InvalidInput | None:
    """Why nothing in the file can be imported, in one sentence; None when a sheet can be."""
    if any(item.imported for item in layouts):
        return None
    lacking = [item for item in layouts if item.layout is not None and item.layout.missing
               and item.skipped is not None and item.skipped.template in LACKING]
    if lacking:
        item = max(lacking, key=lambda i: len(i.layout.headers) if i.layout else 0)
        assert item.layout is not None
        needed = Joined([term(FIELDS[target]) for target in item.layout.missing], AND)
        return InvalidInput(QT_TRANSLATE_NOOP("core", "工作表“{name}”{skipped}，请指定哪一列是{needed}后再导入。"),
                            name=item.name, skipped=item.skipped, needed=needed)
    return InvalidInput(QT_TRANSLATE_NOOP("core", "找不到表头：文件中没有“姓名”“手机号”等列名，也看不出哪一列是手机号，请检查文件。"))


def notices(layouts: Sequence[SheetLayout]) -> list[Sentence]:
    """What the owner should know before importing: sheets left out, columns guessed from values."""
    lines: list[Sentence] = []
    for item in layouts:
        if item.skipped is not None:
            lines.append(Sentence(QT_TRANSLATE_NOOP("core", "工作表“{name}”未导入：{skipped}。"), name=item.name,
                                  skipped=item.skipped))
        elif item.layout is not None and item.layout.inferred:
            layout = item.layout
            guessed = [Sentence(QT_TRANSLATE_NOOP("core", "{column}按内容当作{field}"), column=layout.column_title(column),
                                field=term(FIELDS[layout.mapping[column]]))
                       for column in sorted(layout.inferred) if column in layout.mapping]
            if guessed:
                lines.append(Sentence(QT_TRANSLATE_NOOP("core", "工作表“{name}”：{guessed}。"), name=item.name,
                                      guessed=Joined(guessed, QT_TRANSLATE_NOOP("core", "，"))))
    return lines
