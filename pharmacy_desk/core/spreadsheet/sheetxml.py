"""Streaming the rows of a big sheet as XML, inside a workbook openpyxl has built.

openpyxl's write-only mode costs ~9 µs a cell, 10 s for 100,000 members. So
openpyxl builds the workbook (styles, widths, frozen header, header row) with one
probe row of every styled cell, and the data rows are streamed here in its place,
reusing the style indices openpyxl gave the probe cells.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from collections.abc import Callable, Iterable, Sequence

_EPOCH = dt.datetime(1899, 12, 30)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PLAIN = re.compile(r"[^\x00-\x08\x0b\x0c\x0d\x0e-\x1f&<>]*")
# Every cell of the probe row (the row after the header) carries a style attribute.
_PROBE_STYLE = re.compile(rb'<c r="[A-Z]+\d+" s="(\d+)"')
# The styled cells, in the probe row's order, with their number formats. "quoted" is
# text shown and kept literally (Excel's quotePrefix): see ``export.is_formula_like``.
PROBES = (("date", "yyyy-mm-dd"), ("datetime", "yyyy-mm-dd h:mm:ss"), ("money", "#,##0.00"),
          ("percent", "0.0%"), ("decimal", "0.00"), ("quoted", "@"))
PROBE_KINDS = tuple(kind for kind, _ in PROBES)
_PROBE_VALUES = {"date": dt.date(2000, 1, 1), "datetime": dt.datetime(2000, 1, 1), "money": Decimal("1.5"),
                 "percent": 0.5, "decimal": 1.5, "quoted": "=probe"}

# Text a spreadsheet would run as a formula starts with one of these (OWASP's CSV-injection
# list); such text is written as a quoted string cell. The policy: ``export.is_formula_like``.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# A typed cell: the value to write and the probe style it takes (None: unstyled).
Typed = Callable[[object, str], tuple[object, str | None]]


def probe_values() -> list[tuple[object, str]]:
    """(value, number format) of the probe cells, in ``PROBE_KINDS`` order."""
    return [(_PROBE_VALUES[kind], number_format) for kind, number_format in PROBES]


def _escape(text: str) -> str:
    if _PLAIN.fullmatch(text):  # most cells: digits, names, addresses; nothing to replace
        return text
    text = _ILLEGAL.sub("", text)
    # A raw carriage return would be read back as a line feed (XML end-of-line handling).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _column_letters(count: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(index + 1) for index in range(count)]


def rows_xml(rows: Iterable[Sequence[object]], kinds: Sequence[str], styles: dict[str, bytes],
             typed: Typed, first_row: int = 2, on_row: Callable[[int], None] | None = None) -> Iterable[str]:
    """``<row>`` elements for ``rows``; ``typed`` turns a raw value of a column's kind into a cell.

    A string is always an inline string cell, never a formula; numbers, dates and
    booleans are typed cells; ``styles`` are the probe cells' style indices.
    """
    letters = _column_letters(len(kinds))
    style_attributes = {kind: f' s="{index.decode()}"' for kind, index in styles.items()}
    writers = [_column_writer(kind, style_attributes, typed) for kind in kinds]
    number = first_row
    chunk: list[str] = []
    for row in rows:
        r = str(number)
        cells = [f'<row r="{r}">']
        for letter, write, raw in zip(letters, writers, row):
            if raw is not None:
                cell = write(letter + r, raw)
                if cell:
                    cells.append(cell)
        cells.append("</row>")
        chunk.append("".join(cells))
        number += 1
        if len(chunk) == 1000:
            yield "".join(chunk)
            chunk = []
            if on_row is not None:
                on_row(number - first_row)
    if chunk:
        yield "".join(chunk)
    if on_row is not None:
        on_row(number - first_row)


_CellWriter = Callable[[str, object], str]


def _column_writer(kind: str, style_attributes: dict[str, str], typed: Typed) -> _CellWriter:
    """How one column's cells are written, chosen once per column rather than once per cell.

    Text and whole-number columns (most cells of a member export) are written directly;
    every other kind, and any value that is not of its column's plain kind (a ``Cell``
    carrying its own kind), goes through ``typed``.
    """
    def general(ref: str, raw: object) -> str:
        value, style = typed(raw, kind)
        return _cell_xml(ref, value, style_attributes[style] if style else "")

    if kind == "text":
        quoted = style_attributes.get("quoted", "")

        def text(ref: str, raw: object) -> str:
            if not isinstance(raw, str):
                return general(ref, raw)
            if not raw:
                return ""
            s = quoted if raw.startswith(FORMULA_STARTS) else ""
            return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{_escape(raw)}</t></is></c>'

        return text
    if kind == "int":
        def whole(ref: str, raw: object) -> str:
            if raw.__class__ is not int:
                return general(ref, raw)
            return f'<c r="{ref}" t="n"><v>{raw}</v></c>'
        return whole
    if kind == "date":
        day_style = style_attributes.get("date", "")
        epoch = _EPOCH.date()

        def day(ref: str, raw: object) -> str:
            if raw.__class__ is not dt.date:
                return general(ref, raw)
            return f'<c r="{ref}"{day_style} t="n"><v>{(raw - epoch).days}</v></c>'
        return day
    return general


def _cell_xml(ref: str, value: object, s: str) -> str:
    """One typed cell's XML; "" for an empty one."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{_escape(value)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.datetime):
        serial = (value - _EPOCH).total_seconds() / 86400
        return f'<c r="{ref}"{s} t="n"><v>{serial!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}"{s} t="n"><v>{(value - _EPOCH.date()).days}</v></c>'
    return f'<c r="{ref}"{s} t="n"><v>{value}</v></c>'


def splice(template: Path, target: Path,
           bodies: dict[str, tuple[int, Callable[[dict[str, bytes]], Iterable[str]]]]) -> None:
    """Copy ``template`` to ``target``, replacing the probe row of each named sheet with its streamed body.

    ``bodies`` maps a sheet part name to (the probe row's number, a function that, given
    the probe row's style indices, yields the XML of the data rows).
    """
    with zipfile.ZipFile(template) as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            body = bodies.get(item.filename)
            if body is None:
                out.writestr(item.filename, data)
                continue
            probe_row, stream = body
            start = data.index(f'<row r="{probe_row}"'.encode())
            end = data.index(b"</row>", start) + len(b"</row>")
            styles = dict(zip(PROBE_KINDS, _PROBE_STYLE.findall(data[start:end])))
            with out.open(item.filename, "w", force_zip64=True) as handle:
                handle.write(data[:start])
                for text in stream(styles):
                    handle.write(text.encode("utf-8"))
                handle.write(data[end:])
