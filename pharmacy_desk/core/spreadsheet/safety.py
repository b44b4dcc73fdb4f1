"""Refusing bad files before a parser touches them.

Neither calamine nor ``zipfile`` checks how big an archive says it will become,
so a 40 kB zip bomb would be inflated to gigabytes; a sheet with one cell at
``GR499999`` makes calamine allocate every cell up to it (3.9 GB). Both are refused
here from the archive's directory and a single streamed pass over each sheet,
before the real read: a sheet's extent (its last row with a value times its widest
column with one) must fit ``CELL_BUDGET``. Cells that carry only a style (WPS and
Gnumeric write ``<c r="XFD1" s="1"/>`` and whole formatted rows to 1048576) hold no
data and count for nothing. A sheet that merely declares a huge used range
(``<dimension ref="A1:XFD1048576"/>``, which calamine reserves memory for) is read
from a copy without the declaration (``readable_copy``).

The same budget holds for ``.xls`` and ``.ods``: ``extents`` finds how far their cells with
values reach in one streamed pass (BIFF records, content.xml), before calamine reads them.

Every refusal is an ``InvalidInput`` with a sentence the owner can act on.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pharmacy_desk.core.errors import InvalidInput, reraise_file_refusal
from pharmacy_desk.core.spreadsheet.extents import Extent, ods_extents, xls_extents
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP

SUPPORTED = (".xlsx", ".xls", ".ods", ".csv")
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlsb", ".xlam")

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
# Sheet XML compresses 5–30×; a ratio beyond this on a big entry is a bomb, not a list.
MAX_RATIO = 150
RATIO_APPLIES_ABOVE = 1024 * 1024
MAX_ROWS = 500_000
MAX_COLUMNS = 200
# Rows × columns a sheet may make the reader allocate: a 500,000-row list of 12 columns.
# calamine takes ~32 bytes a cell and Python 8 more, so this bounds a sheet at ~250 MB.
CELL_BUDGET = 6_000_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# A cell with content: a start tag that is neither self-closing nor closed at once.
_VALUED = rb'(?:[^>/]|/(?!>))*>(?!</c>)'
_XLSX_VALUED_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"' + _VALUED)
# Only references of two or more letters can pass the column cap: A–Z are found in the samples.
_XLSX_WIDE_CELL = re.compile(rb'<c r="([A-Z]{2,3})\d+"' + _VALUED)
_XLSX_DIMENSION = re.compile(rb'<dimension ref="[A-Z]*\d*:?([A-Z]+)(\d+)"')
TAIL = 1 << 16
HTML_HEADS = (b"<html", b"<!doctype html", b"<?xml", b"mime-version:", b"<table", b"<head", b"<meta")
# The BOF record of the BIFF2-BIFF4 formats (Excel 2.x to 4.0), written without an OLE container.
BIFF_OLD_BOF = (b"\x09\x00", b"\x09\x02", b"\x09\x04")


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def check_file(path: Path) -> str:
    """Return the file's kind (``xlsx``, ``xls``, ``ods``, ``csv``) or refuse it."""
    if not path.is_file():
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "找不到文件：{name}"), name=path.name)
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "含宏或二进制格式的工作簿不能导入，请在 Excel 中“另存为” .xlsx 后再导入。"))
    if suffix not in SUPPORTED:
        if not suffix:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "不支持无扩展名文件，请选择 .xlsx、.xls、.ods 或 .csv 文件。"))
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "不支持 {suffix} 文件，请选择 .xlsx、.xls、.ods 或 .csv 文件。"),
                           suffix=suffix)
    size = path.stat().st_size
    if size == 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件是空的，没有可导入的内容。"))
    if size > MAX_FILE_BYTES:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件太大（{size} MB），请拆分成多个文件后再导入。"), size=size // (1024 * 1024))
    with path.open("rb") as handle:
        start = handle.read(512)
    head = start[:8]
    kind = suffix[1:]
    if kind != "csv" and _is_web_page(start):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "core", "这个文件其实是网页（WPS 或 Excel“另存为网页”得到的），不是真正的工作簿：请用 WPS 或 Excel 打开它，再“另存为” .xlsx 后导入。"))
    if kind in ("xls", "xlsx") and head.startswith(BIFF_OLD_BOF):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "core", "这是 Excel 4.0 或更早版本的工作簿，无法直接读取：请用 Excel 或 WPS 打开它，再“另存为” .xlsx 后导入。"))
    if kind == "csv":
        if head.startswith((ZIP_MAGIC, OLE_MAGIC)):
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "这个 .csv 文件其实是 Excel 工作簿，请把扩展名改为 .xlsx 或 .xls。"))
        return kind
    if kind in ("xlsx", "ods") and head.startswith(OLE_MAGIC):
        # Excel stores a password-protected .xlsx as an encrypted OLE container.
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "工作簿设置了打开密码，请在 Excel 中取消密码后另存，再导入。"))
    if kind == "xls":
        if head.startswith(ZIP_MAGIC):
            kind = "xlsx"  # a renamed .xlsx: read what it is
        elif not head.startswith(OLE_MAGIC):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "core", "这个 .xls 文件不是真正的 Excel 工作簿（可能是网页或文本导出），请用 Excel 打开后另存为 .xlsx 再导入。"))
        else:
            _check_xls(path, size)
            return kind
    if not head.startswith(ZIP_MAGIC):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name} 不是电子表格文件，或者文件已损坏。"), name=path.name)
    _check_archive(path, kind)
    return kind


@dataclass
class Inspection:
    kind: str
    overdeclared: list[str] = field(default_factory=list)  # sheet parts whose declared range is past the budget


def inspect_file(path: Path) -> Inspection:
    """``check_file``, and which sheets must be read from a copy without their declared range."""
    kind = check_file(path)
    inspection = Inspection(kind)
    if kind == "xlsx":
        with zipfile.ZipFile(path) as archive:
            inspection.overdeclared = [name for name in _sheet_parts(archive) if _declared_cells(archive, name)
                                       > CELL_BUDGET]
    return inspection


def _is_web_page(start: bytes) -> bool:
    text = start.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<?xml"):
        return b"<html" in text or b"urn:schemas-microsoft-com:office" in text
    return text.startswith(HTML_HEADS)


@contextmanager
def readable_copy(path: Path, overdeclared: list[str] | None = None) -> Iterator[Path]:
    """The workbook as the reader should see it: a copy without the declared ranges past the budget."""
    if overdeclared is None:
        overdeclared = inspect_file(path).overdeclared
    if not overdeclared:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="pharmacy-desk-import-") as folder:
        copy = Path(folder) / "workbook.xlsx"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED,
                                                               compresslevel=1) as target:
            for item in source.infolist():
                with source.open(item) as reader, target.open(item.filename, "w", force_zip64=True) as writer:
                    if item.filename in overdeclared:
                        head = reader.read(TAIL)
                        writer.write(re.sub(rb"<dimension [^>]*/>", b"", head, count=1))
                    shutil.copyfileobj(reader, writer, 1 << 20)
        yield copy


def _sheet_parts(archive: zipfile.ZipFile) -> list[str]:
    return sorted(name for name in archive.namelist() if name.startswith("xl/worksheets/") and name.endswith(".xml"))


def _declared_cells(archive: zipfile.ZipFile, name: str) -> int:
    with archive.open(name) as handle:
        head = handle.read(TAIL)
    match = _XLSX_DIMENSION.search(head)
    return column_number(match.group(1)) * int(match.group(2)) if match else 0


def _check_archive(path: Path, kind: str) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        reraise_file_refusal(error)
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件已损坏，无法打开。请在 Excel 中打开确认后重新保存。")) from None
    with archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        if len(entries) > MAX_ZIP_ENTRIES:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件结构异常（包含的部件过多），已拒绝导入。"))
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "这是含宏的工作簿，不能导入。请在 Excel 中“另存为” .xlsx（不含宏）后再导入。"))
        if any(entry.flag_bits & 0x1 for entry in entries):
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "工作簿设置了密码，请在 Excel 中取消密码后另存，再导入。"))
        total = sum(entry.file_size for entry in entries)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件解压后过大，可能是恶意构造的压缩文件，已拒绝导入。"))
        for entry in entries:
            if entry.file_size > RATIO_APPLIES_ABOVE and \
                    entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件压缩比异常，可能是恶意构造的压缩文件，已拒绝导入。"))
        _refuse_entity_declarations(archive, entries)
        if kind == "xlsx":
            if "xl/workbook.xml" not in names:
                raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name} 不是 Excel 工作簿，或者文件已损坏。"), name=path.name)
            for name in _sheet_parts(archive):
                _check_xlsx_sheet(archive, name)
        else:
            if "content.xml" not in names:
                raise InvalidInput(QT_TRANSLATE_NOOP("core", "{name} 不是 ODS 电子表格，或者文件已损坏。"), name=path.name)
            _check_ods_content(archive)


def _refuse_entity_declarations(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> None:
    """Spreadsheet XML never declares a DOCTYPE; one that does is an entity bomb or worse.

    A DOCTYPE must come before the root element, so the first few kilobytes tell.
    """
    for entry in entries:
        if not entry.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(entry) as handle:
                head = handle.read(4096)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
            reraise_file_refusal(error)
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件已损坏，无法读取。请在 Excel 中打开确认后重新保存。")) from None
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件包含不安全的 XML 声明，可能是恶意构造的文件，已拒绝导入。"))


def _stream(archive: zipfile.ZipFile, name: str, chunk: int = 1 << 20):
    """The entry's bytes in chunks, with a little overlap so a pattern never straddles a cut."""
    carry = b""
    try:
        with archive.open(name) as handle:
            while True:
                block = handle.read(chunk)
                if not block:
                    return
                yield carry + block
                carry = block[-64:]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        reraise_file_refusal(error)
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件已损坏，无法读取。请在 Excel 中打开确认后重新保存。")) from None


def _check_xlsx_sheet(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a sheet whose cells with values reach past the column cap, the row cap or the cell budget.

    Rows are stored in order, so the last cell with a value in the stream is on the
    last row; each block's tail gives it without a scan of every cell. Wide references
    (two or more letters) are looked for everywhere; single letters in the sheet's
    first block (the header) and in every tail.
    """
    last_row = widest = 0
    first = True
    for block in _stream(archive, name):
        for match in _XLSX_WIDE_CELL.finditer(block):
            column = column_number(match.group(1))
            if column > MAX_COLUMNS:
                raise InvalidInput(QT_TRANSLATE_NOOP("core", "表格的列数超过 {limit} 列，不像会员名单，已拒绝导入。"), limit=MAX_COLUMNS)
            widest = max(widest, column)
        sample = block if first else block[-TAIL:]
        first = False
        cells = _XLSX_VALUED_CELL.findall(sample) or _XLSX_VALUED_CELL.findall(block)
        if cells:
            last_row = max(last_row, int(cells[-1][1]))
            widest = max(widest, max(column_number(letters) for letters, _ in cells))
    refuse_extent(Extent(last_row, widest))


def refuse_extent(extent: Extent) -> None:
    """Refuse a sheet whose cells with values reach past the row cap, the column cap or the cell budget."""
    if extent.rows > MAX_ROWS:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "表格超过 {limit} 行，请拆分成多个文件后再导入。"), limit=f"{MAX_ROWS:,}")
    if extent.columns > MAX_COLUMNS:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "表格的列数超过 {limit} 列，不像会员名单，已拒绝导入。"), limit=MAX_COLUMNS)
    if extent.cells > CELL_BUDGET:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "core", "表格的数据范围太大（{rows} 行 × {columns} 列，超过 {limit} 个单元格），可能有远处的零散单元格：请删除多余的行列，或拆分成多个文件后再导入。"),
            rows=f"{extent.rows:,}", columns=extent.columns, limit=f"{CELL_BUDGET:,}")


def _check_xls(path: Path, size: int) -> None:
    with path.open("rb") as handle:
        for extent in xls_extents(handle, size):
            refuse_extent(extent)


def _check_ods_content(archive: zipfile.ZipFile) -> None:
    try:
        with archive.open("content.xml") as content:
            extents = ods_extents(content, stop_past=CELL_BUDGET)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        reraise_file_refusal(error)
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "文件已损坏，无法读取。请在 Excel 中打开确认后重新保存。")) from None
    for extent in extents:
        refuse_extent(extent)
