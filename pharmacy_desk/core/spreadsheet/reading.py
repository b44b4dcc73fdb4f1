"""Reading every sheet of a workbook (calamine) or a CSV file (encoding detected) into rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pharmacy_desk.core.errors import READ, InvalidInput, file_errors, file_kind
from pharmacy_desk.core.spreadsheet import safety
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP

# Tried in order: UTF-8 (a BOM is dropped), then GB18030, which contains all of GBK.
CSV_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class Sheet:
    name: str
    rows: Sequence[Sequence[object]]
    visible: bool = True  # a hidden sheet usually holds a form's dropdown values


def read_file(path: str | Path) -> list[Sheet]:
    """Every non-empty sheet of the file, after the safety checks; refuses an empty file."""
    path = Path(path)
    with file_errors(path, READ):
        inspection = safety.inspect_file(path)
        if inspection.kind == "csv":
            sheets = read_csv(path)
        else:
            with safety.readable_copy(path, inspection.overdeclared) as readable:
                sheets = _read_workbook(readable)
    sheets = [sheet for sheet in sheets if any(_has_value(row) for row in sheet.rows)]
    if not sheets:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件里没有任何数据。"))
    return sheets


def _has_value(row: Sequence[object]) -> bool:
    return any(cell not in (None, "") and not (isinstance(cell, str) and not cell.strip()) for cell in row)


def _read_workbook(path: Path) -> list[Sheet]:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetVisibleEnum

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = []
        hidden = {meta.name for meta in workbook.sheets_metadata if meta.visible != SheetVisibleEnum.Visible}
        for index, name in enumerate(workbook.sheet_names):
            sheet = workbook.get_sheet_by_index(index)
            if sheet.height > safety.MAX_ROWS:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "core", "工作表“{name}”超过 {limit} 行，请拆分后再导入。"), name=name, limit=f"{safety.MAX_ROWS:,}")
            if sheet.width > safety.MAX_COLUMNS:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "core", "工作表“{name}”的列数超过 {limit} 列，不像会员名单。"), name=name, limit=safety.MAX_COLUMNS)
            sheets.append(Sheet(name, sheet.to_python(skip_empty_area=False), name not in hidden))
        workbook.close()
        return sheets
    except PasswordError:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "工作簿设置了密码，请在 Excel 中取消密码后另存，再导入。")) from None
    except CalamineError:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件已损坏或不是电子表格，无法读取。请在 Excel 中打开确认后重新保存。")) from None
    except (ValueError, OSError, TypeError) as error:
        if isinstance(error, InvalidInput) or file_kind(error):
            raise  # a refusal already worded, or the disk's (worded by ``file_errors``)
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件已损坏或不是电子表格，无法读取。请在 Excel 中打开确认后重新保存。")) from None


def decode_csv(data: bytes) -> str:
    """The text of a CSV file in UTF-8 (with or without BOM), GBK or GB18030.

    Excel's “Unicode 文本” is UTF-16 with a BOM; that is read too.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "无法识别 .csv 文件的编码，请在 Excel 中另存为“CSV UTF-8”再导入。")) from None
    if b"\x00" in data[:4096]:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "这个 .csv 文件不是文本文件（可能是 UTF-16 或二进制），请另存为“CSV UTF-8”再导入。"))
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput(QT_TRANSLATE_NOOP("core", "无法识别 .csv 文件的编码，请在 Excel 中另存为“CSV UTF-8”再导入。"))


def read_csv(path: Path) -> list[Sheet]:
    text = decode_csv(path.read_bytes())
    sample = text[:8192]
    delimiter = max((",", "\t", ";", "，"), key=sample.count)
    csv.field_size_limit(1 << 20)
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(row) > safety.MAX_COLUMNS:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "core", "表格的列数超过 {limit} 列，不像会员名单，已拒绝导入。"), limit=safety.MAX_COLUMNS)
            rows.append(row)
            if len(rows) > safety.MAX_ROWS:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "core", "表格超过 {limit} 行，请拆分成多个文件后再导入。"), limit=f"{safety.MAX_ROWS:,}")
    except csv.Error:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "CSV 文件格式有误（引号不配对或一格内容过长），无法读取。")) from None
    return [Sheet(path.stem, rows)]
