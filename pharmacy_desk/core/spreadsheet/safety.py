"""Refusing bad files before a parser touches them.

Neither calamine nor ``zipfile`` checks how big an archive says it will become,
so a 40 kB zip bomb would be inflated to gigabytes; a sheet with one cell at
``XFD1048576`` makes calamine allocate every cell up to it. Both are refused here
from the archive's directory and a single streamed pass over each sheet, before
the real read. Every refusal is an ``InvalidInput`` with a sentence the owner can act on.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from pharmacy_desk.core.errors import InvalidInput, reraise_file_refusal

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

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# Only references of two or more letters can pass the column cap: A–Z never need checking.
_XLSX_WIDE_REF = re.compile(rb'<c r="([A-Z]{2,})\d')
_XLSX_LAST_ROW = re.compile(rb'<row r="(\d+)"')
_ODS_REPEATED = re.compile(rb'number-columns-repeated="(\d+)"[^>]*office:value-type|'
                           rb'office:value-type[^>]*number-columns-repeated="(\d+)"')


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def check_file(path: Path) -> str:
    """Return the file's kind (``xlsx``, ``xls``, ``ods``, ``csv``) or refuse it."""
    if not path.is_file():
        raise InvalidInput(f"找不到文件：{path.name}")
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise InvalidInput("含宏或二进制格式的工作簿不能导入，请在 Excel 中“另存为” .xlsx 后再导入。")
    if suffix not in SUPPORTED:
        raise InvalidInput(f"不支持 {suffix or '无扩展名'} 文件，请选择 .xlsx、.xls、.ods 或 .csv 文件。")
    size = path.stat().st_size
    if size == 0:
        raise InvalidInput("文件是空的，没有可导入的内容。")
    if size > MAX_FILE_BYTES:
        raise InvalidInput(f"文件太大（{size // (1024 * 1024)} MB），请拆分成多个文件后再导入。")
    with path.open("rb") as handle:
        head = handle.read(8)
    kind = suffix[1:]
    if kind == "csv":
        if head.startswith((ZIP_MAGIC, OLE_MAGIC)):
            raise InvalidInput("这个 .csv 文件其实是 Excel 工作簿，请把扩展名改为 .xlsx 或 .xls。")
        return kind
    if kind in ("xlsx", "ods") and head.startswith(OLE_MAGIC):
        # Excel stores a password-protected .xlsx as an encrypted OLE container.
        raise InvalidInput("工作簿设置了打开密码，请在 Excel 中取消密码后另存，再导入。")
    if kind == "xls":
        if head.startswith(ZIP_MAGIC):
            kind = "xlsx"  # a renamed .xlsx: read what it is
        elif not head.startswith(OLE_MAGIC):
            raise InvalidInput("这个 .xls 文件不是真正的 Excel 工作簿（可能是网页或文本导出），"
                               "请用 Excel 打开后另存为 .xlsx 再导入。")
        else:
            return kind
    if not head.startswith(ZIP_MAGIC):
        raise InvalidInput(f"{path.name} 不是电子表格文件，或者文件已损坏。")
    _check_archive(path, kind)
    return kind


def _check_archive(path: Path, kind: str) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        reraise_file_refusal(error)
        raise InvalidInput("文件已损坏，无法打开。请在 Excel 中打开确认后重新保存。") from None
    with archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        if len(entries) > MAX_ZIP_ENTRIES:
            raise InvalidInput("文件结构异常（包含的部件过多），已拒绝导入。")
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise InvalidInput("这是含宏的工作簿，不能导入。请在 Excel 中“另存为” .xlsx（不含宏）后再导入。")
        if any(entry.flag_bits & 0x1 for entry in entries):
            raise InvalidInput("工作簿设置了密码，请在 Excel 中取消密码后另存，再导入。")
        total = sum(entry.file_size for entry in entries)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise InvalidInput("文件解压后过大，可能是恶意构造的压缩文件，已拒绝导入。")
        for entry in entries:
            if entry.file_size > RATIO_APPLIES_ABOVE and \
                    entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                raise InvalidInput("文件压缩比异常，可能是恶意构造的压缩文件，已拒绝导入。")
        _refuse_entity_declarations(archive, entries)
        if kind == "xlsx":
            if "xl/workbook.xml" not in names:
                raise InvalidInput(f"{path.name} 不是 Excel 工作簿，或者文件已损坏。")
            for name in sorted(names):
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    _check_xlsx_sheet(archive, name)
        else:
            if "content.xml" not in names:
                raise InvalidInput(f"{path.name} 不是 ODS 电子表格，或者文件已损坏。")
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
            raise InvalidInput("文件已损坏，无法读取。请在 Excel 中打开确认后重新保存。") from None
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise InvalidInput("文件包含不安全的 XML 声明，可能是恶意构造的文件，已拒绝导入。")


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
        raise InvalidInput("文件已损坏，无法读取。请在 Excel 中打开确认后重新保存。") from None


def _check_xlsx_sheet(archive: zipfile.ZipFile, name: str) -> None:
    last_row = 0
    for block in _stream(archive, name):
        for match in _XLSX_WIDE_REF.finditer(block):
            if column_number(match.group(1)) > MAX_COLUMNS:
                raise InvalidInput(f"表格的列数超过 {MAX_COLUMNS} 列，不像会员名单，已拒绝导入。")
        rows = _XLSX_LAST_ROW.findall(block[-4096:]) or _XLSX_LAST_ROW.findall(block)
        if rows:
            last_row = max(last_row, int(rows[-1]))
    if last_row > MAX_ROWS:
        raise InvalidInput(f"表格超过 {MAX_ROWS:,} 行，请拆分成多个文件后再导入。")


def _check_ods_content(archive: zipfile.ZipFile) -> None:
    for block in _stream(archive, "content.xml"):
        for match in _ODS_REPEATED.finditer(block):
            if int(match.group(1) or match.group(2)) > MAX_COLUMNS:
                raise InvalidInput(f"表格的列数超过 {MAX_COLUMNS} 列，不像会员名单，已拒绝导入。")
