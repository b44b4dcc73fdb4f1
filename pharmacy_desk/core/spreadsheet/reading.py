"""Reading every sheet of a workbook (calamine) or a CSV file (encoding detected), row by row.

A sheet's rows are not all turned into Python lists at once: ``Sheet.rows`` keeps the
first ``HEAD_ROWS`` (what finding the header and guessing the columns look at, and
what the wizard shows) and streams the rest each time it is iterated, from calamine's
cells or from the CSV file itself. A 20 MB list so never holds its rows twice (as
calamine's cells and as Python's), and the cleaned members are all an import keeps.
"""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from pharmacy_desk.core.errors import READ, InvalidInput, file_errors, file_kind
from pharmacy_desk.core.spreadsheet import safety
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP

# Tried in order: UTF-8 (a BOM is dropped), then GB18030, which contains all of GBK.
CSV_ENCODINGS = ("utf-8-sig", "gb18030")
# Finding the header looks at 30 rows and guessing columns at 200 below it (``columns``).
HEAD_ROWS = 240
BLOCK = 1 << 20

Row = Sequence[object]


class SheetRows(Sequence[Row]):
    """A sheet's rows: the first ``HEAD_ROWS`` kept, the others streamed again at each iteration.

    ``close`` lets go of what the rows are streamed from; the head stays readable.
    """

    def __init__(self, count: int, stream: Callable[[], Iterator[Row]]):
        self.length = count
        self._stream: Callable[[], Iterator[Row]] | None = stream
        self.head = list(itertools.islice(stream(), HEAD_ROWS))

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[Row]:
        if len(self.head) == self.length:
            return iter(self.head)
        if self._stream is None:
            raise RuntimeError("the sheet's rows were read already and let go")
        return self._stream()

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self.length)
            if stop <= len(self.head):
                return self.head[index]
            return list(itertools.islice(iter(self), start, stop, step))
        if index < 0:
            index += self.length
        if not 0 <= index < self.length:
            raise IndexError(index)
        if index < len(self.head):
            return self.head[index]
        return next(itertools.islice(iter(self), index, None))

    def close(self) -> None:
        self._stream = None


@dataclass
class Sheet:
    name: str
    rows: Sequence[Row]
    visible: bool = True  # a hidden sheet usually holds a form's dropdown values

    def close(self) -> None:
        """Let go of the cells the rows are streamed from (its first rows stay)."""
        if isinstance(self.rows, SheetRows):
            self.rows.close()


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


def _calamine_rows(sheet) -> SheetRows:
    """The rows as ``to_python(skip_empty_area=False)`` gives them, one at a time.

    calamine's ``iter_rows`` starts at the first row but at the first column with a value:
    the columns left of it are put back, so column letters stay the file's.
    """
    end = sheet.end
    count = end[0] + 1 if end is not None else 0
    left = sheet.start[1] if sheet.start is not None else 0

    def stream() -> Iterator[Row]:
        if not left:
            return sheet.iter_rows()
        pad = [""] * left
        return (pad + row for row in sheet.iter_rows())

    return SheetRows(count, stream)


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
            sheets.append(Sheet(name, _calamine_rows(sheet), name not in hidden))
        workbook.close()  # each sheet keeps its own cells
        return sheets
    except PasswordError:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "工作簿设置了密码，请在 Excel 中取消密码后另存，再导入。")) from None
    except CalamineError:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件已损坏或不是电子表格，无法读取。请在 Excel 中打开确认后重新保存。")) from None
    except (ValueError, OSError, TypeError) as error:
        if isinstance(error, InvalidInput) or file_kind(error):
            raise  # a refusal already worded, or the disk's (worded by ``file_errors``)
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件已损坏或不是电子表格，无法读取。请在 Excel 中打开确认后重新保存。")) from None


def csv_encoding(data: bytes, whole: Callable[[str], bool] | None = None) -> str:
    """The encoding of a CSV file starting with ``data``: UTF-8 (with or without BOM), GBK or GB18030.

    Excel's “Unicode 文本” is UTF-16 with a BOM; that is read too. ``whole(encoding)`` says
    whether the whole file decodes in it (default: ``data`` is the whole file).
    """
    if whole is None:
        whole = lambda encoding: _decodes(data, encoding)  # noqa: E731 - the file is what was given
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if whole("utf-16"):
            return "utf-16"
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "无法识别 .csv 文件的编码，请在 Excel 中另存为“CSV UTF-8”再导入。"))
    if b"\x00" in data[:4096]:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "这个 .csv 文件不是文本文件（可能是 UTF-16 或二进制），请另存为“CSV UTF-8”再导入。"))
    for encoding in CSV_ENCODINGS:
        if whole(encoding):
            return encoding
    raise InvalidInput(QT_TRANSLATE_NOOP("core", "无法识别 .csv 文件的编码，请在 Excel 中另存为“CSV UTF-8”再导入。"))


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode_csv(data: bytes) -> str:
    """The text of a CSV file in UTF-8 (with or without BOM), GBK, GB18030 or UTF-16 with a BOM."""
    return data.decode(csv_encoding(data))


def _file_decodes(path: Path, encoding: str) -> bool:
    """Whether the whole file decodes, read a block at a time (never the whole text at once)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(BLOCK), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def read_csv(path: Path) -> list[Sheet]:
    with path.open("rb") as handle:
        start = handle.read(8192)
    encoding = csv_encoding(start, lambda name: _file_decodes(path, name))
    sample = start.decode(encoding, errors="ignore")
    delimiter = max((",", "\t", ";", "，"), key=sample.count)
    csv.field_size_limit(1 << 20)

    def stream() -> Iterator[Row]:
        with path.open(encoding=encoding, newline="") as handle:
            try:
                yield from csv.reader(handle, delimiter=delimiter)
            except csv.Error:
                raise InvalidInput(QT_TRANSLATE_NOOP("core", "CSV 文件格式有误（引号不配对或一格内容过长），无法读取。")) from None

    count = 0
    for row in stream():  # refused here, before anything is cleaned, as a whole read would be
        if len(row) > safety.MAX_COLUMNS:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "core", "表格的列数超过 {limit} 列，不像会员名单，已拒绝导入。"), limit=safety.MAX_COLUMNS)
        count += 1
        if count > safety.MAX_ROWS:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "core", "表格超过 {limit} 行，请拆分成多个文件后再导入。"), limit=f"{safety.MAX_ROWS:,}")
    return [Sheet(path.stem, SheetRows(count, stream))]
