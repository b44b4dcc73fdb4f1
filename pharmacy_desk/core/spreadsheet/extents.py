"""How far the cells with values of each sheet of a ``.xls`` or ``.ods`` file reach, read without the reader.

calamine allocates every cell of the rectangle from A1 to a sheet's last cell with a
value: a 5 kB ``.xls`` with one number at IV65536 costs a gigabyte, a 1 kB ``.ods``
whose rows and columns are repeated (``number-rows-repeated="499990"``) gigabytes more.
``safety`` refuses such a sheet from what is found here, a streamed pass over the file
that keeps nothing but counters. Cells that only carry a style (``BLANK`` records, empty
repeated cells) hold no data and count for nothing, as for the reader.

``.xls`` is an OLE compound file (a little FAT file system) holding the BIFF record stream
``Workbook`` (``Book`` before Excel 97); each worksheet is a run of records from a ``BOF``
to an ``EOF``, and every cell with a value is one record naming its row and column.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import IO
from dataclasses import dataclass

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP

BROKEN = QT_TRANSLATE_NOOP("core", "文件已损坏，无法读取。请在 Excel 中打开确认后重新保存。")


@dataclass
class Extent:
    """A sheet's last row with a value and its widest column with one, both counted from 1."""

    rows: int = 0
    columns: int = 0

    def reach(self, row: int, column: int) -> None:
        self.rows = max(self.rows, row)
        self.columns = max(self.columns, column)

    @property
    def cells(self) -> int:
        return self.rows * self.columns


# --- .xls: the OLE container -------------------------------------------------------------

_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
_HEADER = struct.Struct("<8s16sHHHHH6sIIIIIIIII")


class _Compound:
    """The streams of an OLE compound file, read sector by sector from the open file."""

    def __init__(self, handle: IO[bytes], size: int):
        self.handle = handle
        head = handle.read(512)
        if len(head) < 512:
            raise InvalidInput(BROKEN)
        (_magic, _clsid, _minor, _major, _order, shift, mini_shift, _reserved, _dir_sectors, fat_sectors,
         first_dir, _transaction, self.mini_cutoff, first_mini_fat, mini_fat_sectors, first_difat,
         difat_sectors) = _HEADER.unpack_from(head)
        if shift not in (9, 12) or mini_shift != 6:
            raise InvalidInput(BROKEN)
        self.sector = 1 << shift
        self.mini_sector = 1 << mini_shift
        self.sectors = max(1, (size - 512) // self.sector + 1)
        difat = list(struct.unpack_from("<109I", head, 76))
        next_difat = first_difat
        for _ in range(min(difat_sectors, self.sectors)):
            if next_difat >= self.sectors:
                break
            entries = struct.unpack(f"<{self.sector // 4}I", self._read_sector(next_difat))
            difat.extend(entries[:-1])
            next_difat = entries[-1]
        fat_ids = [sector for sector in difat if sector < self.sectors][:fat_sectors]
        self.fat: list[int] = []
        for sector in fat_ids:
            self.fat.extend(struct.unpack(f"<{self.sector // 4}I", self._read_sector(sector)))
        directory = b"".join(self._read_sector(sector) for sector in self._chain(first_dir))
        self.entries = {}
        for at in range(0, len(directory) - 127, 128):
            length, kind = struct.unpack_from("<HB", directory, at + 64)
            name = directory[at:at + max(0, min(length, 64) - 2)].decode("utf-16-le", "replace")
            start, stream_size = struct.unpack_from("<IQ", directory, at + 116)
            if at == 0:
                self.mini_stream = (start, stream_size)
            if kind == 2:
                self.entries[name] = (start, stream_size & 0xFFFFFFFF if _major == 3 else stream_size)
        self.mini_fat = [entry for sector in self._chain(first_mini_fat)
                         for entry in struct.unpack(f"<{self.sector // 4}I", self._read_sector(sector))]
        self.mini_fat = self.mini_fat[:mini_fat_sectors * self.sector // 4] if mini_fat_sectors else self.mini_fat

    def _read_sector(self, sector: int) -> bytes:
        self.handle.seek((sector + 1) * self.sector)
        data = self.handle.read(self.sector)
        if len(data) < self.sector:
            data += b"\x00" * (self.sector - len(data))  # the last sector of a file cut short
        return data

    def _chain(self, start: int, table: list[int] | None = None) -> Iterator[int]:
        """The sectors of a chain; a loop or a link past the table is a broken file."""
        table = self.fat if table is None else table
        seen = 0
        sector = start
        while sector not in (_END_OF_CHAIN, _FREE):
            if sector >= len(table) or seen > len(table):
                raise InvalidInput(BROKEN)
            yield sector
            seen += 1
            sector = table[sector]

    def stream(self, name: str) -> Iterator[bytes]:
        """The named stream's bytes, a sector at a time."""
        start, size = self.entries[name]
        if size < self.mini_cutoff:
            mini = b"".join(self._read_sector(sector) for sector in self._chain(self.mini_stream[0]))
            data = b"".join(mini[s * self.mini_sector:(s + 1) * self.mini_sector]
                            for s in self._chain(start, self.mini_fat))
            yield data[:size]
            return
        left = size
        for sector in self._chain(start):
            block = self._read_sector(sector)[:left]
            left -= len(block)
            yield block
            if left <= 0:
                return


# --- .xls: the BIFF records ------------------------------------------------------------

_BOF = (0x0809, 0x0409, 0x0209, 0x0009)
_EOF = 0x000A
_WORKSHEET = 0x0010
# Records of a cell with a value: row and column first (LABELSST, LABEL, RSTRING, NUMBER,
# RK, FORMULA, BOOLERR); MULRK holds several RK values of one row, its last column at the end.
_VALUE_RECORDS = frozenset({0x00FD, 0x0204, 0x00D6, 0x0203, 0x027E, 0x0006, 0x0406, 0x0205})
_MULRK = 0x00BD


def _records(blocks: Iterator[bytes]) -> Iterator[tuple[int, bytes]]:
    buffer = b""
    at = 0
    for block in blocks:
        buffer = buffer[at:] + block
        at = 0
        while len(buffer) - at >= 4:
            kind, length = struct.unpack_from("<HH", buffer, at)
            if len(buffer) - at - 4 < length:
                break
            yield kind, buffer[at + 4:at + 4 + length]
            at += 4 + length


def xls_extents(handle: IO[bytes], size: int) -> list[Extent]:
    """Each worksheet's extent, in the order of the workbook."""
    try:
        compound = _Compound(handle, size)
    except struct.error:
        raise InvalidInput(BROKEN) from None
    name = next((n for n in ("Workbook", "Book") if n in compound.entries), None)
    if name is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "这个 .xls 文件里没有工作簿，或者文件已损坏。"))
    extents: list[Extent] = []
    sheet: Extent | None = None
    for kind, data in _records(compound.stream(name)):
        if kind in _BOF and len(data) >= 4:
            sheet = Extent() if struct.unpack_from("<H", data, 2)[0] == _WORKSHEET else None
            if sheet is not None:
                extents.append(sheet)
        elif kind == _EOF:
            sheet = None
        elif sheet is not None and len(data) >= 4 and (kind in _VALUE_RECORDS or kind == _MULRK):
            row, column = struct.unpack_from("<HH", data)
            if kind == _MULRK and len(data) >= 6:
                column = struct.unpack_from("<H", data, len(data) - 2)[0]
            sheet.reach(row + 1, column + 1)
    return extents


# --- .ods: content.xml ----------------------------------------------------------------

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_SHEET, _ROW = _TABLE + "table", _TABLE + "table-row"
_CELLS = (_TABLE + "table-cell", _TABLE + "covered-table-cell")
_ROWS_REPEATED, _COLUMNS_REPEATED = _TABLE + "number-rows-repeated", _TABLE + "number-columns-repeated"
_VALUE_TYPE = _OFFICE + "value-type"


def _repeat(element, attribute: str) -> int:
    try:
        return max(1, int(element.get(attribute, 1)))
    except ValueError:
        raise InvalidInput(BROKEN) from None


def ods_extents(content: IO[bytes], *, stop_past: int) -> list[Extent]:
    """Each sheet's extent; stops early once a sheet's reaches past ``stop_past`` cells.

    A cell counts when it has a value type or any content (a paragraph of text); its
    repeat counts columns, its row's repeat counts rows. The tree is pruned as it is
    read, so memory stays flat however long the sheet.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml.ElementTree import iterparse  # no DTDs or entities from a file

    extents: list[Extent] = []
    sheet: Extent | None = None
    row = column = row_reach = 0
    cell_valued = False
    stack: list = []
    try:
        for event, element in iterparse(content, events=("start", "end")):
            if event == "start":
                tag = element.tag
                if stack and stack[-1].tag in _CELLS:
                    cell_valued = True  # a paragraph (or anything) inside the cell
                stack.append(element)
                if tag == _SHEET:
                    sheet = Extent()
                    extents.append(sheet)
                    row = 0
                elif tag == _ROW:
                    column = row_reach = 0
                elif tag in _CELLS:
                    cell_valued = element.get(_VALUE_TYPE) is not None
                continue
            stack.pop()
            tag = element.tag
            if tag in _CELLS:
                column += _repeat(element, _COLUMNS_REPEATED)
                if cell_valued:
                    row_reach = column
                cell_valued = False
            elif tag == _ROW and sheet is not None:
                rows = _repeat(element, _ROWS_REPEATED)
                if row_reach:
                    sheet.reach(row + rows, row_reach)
                    if sheet.cells > stop_past:
                        return extents
                row += rows
            elif tag == _SHEET:
                sheet = None
            if stack:  # the parent keeps no finished child: nothing is kept but the counters
                parent = stack[-1]
                if len(parent) and parent[-1] is element:
                    del parent[-1]
    except ParseError:
        raise InvalidInput(BROKEN) from None
    return extents
