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
# Every cell of the probe row (the row after the header) carries a style attribute.
_PROBE_STYLE = re.compile(rb'<c r="[A-Z]+\d+" s="(\d+)"')
# The styled cells, in the probe row's order, with their number formats. "quoted" is
# text shown and kept literally (Excel's quotePrefix): see ``export.is_formula_like``.
PROBES = (("date", "yyyy-mm-dd"), ("datetime", "yyyy-mm-dd h:mm:ss"), ("money", "#,##0.00"),
          ("percent", "0.0%"), ("decimal", "0.00"), ("quoted", "@"))
PROBE_KINDS = tuple(kind for kind, _ in PROBES)
_PROBE_VALUES = {"date": dt.date(2000, 1, 1), "datetime": dt.datetime(2000, 1, 1), "money": Decimal("1.5"),
                 "percent": 0.5, "decimal": 1.5, "quoted": "=probe"}

# A typed cell: the value to write and the probe style it takes (None: unstyled).
Typed = Callable[[object, str], tuple[object, str | None]]


def probe_values() -> list[tuple[object, str]]:
    """(value, number format) of the probe cells, in ``PROBE_KINDS`` order."""
    return [(_PROBE_VALUES[kind], number_format) for kind, number_format in PROBES]


def _escape(text: str) -> str:
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
    number = first_row
    chunk: list[str] = []
    for row in rows:
        r = str(number)
        cells = [f'<row r="{r}">']
        for letter, kind, raw in zip(letters, kinds, row):
            value, style = typed(raw, kind)
            if value is None or value == "":
                continue
            ref = letter + r
            s = style_attributes[style] if style else ""
            if isinstance(value, str):
                cells.append(f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">'
                             f"{_escape(value)}</t></is></c>")
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, dt.datetime):
                serial = (value - _EPOCH).total_seconds() / 86400
                cells.append(f'<c r="{ref}"{s} t="n"><v>{serial!r}</v></c>')
            elif isinstance(value, dt.date):
                cells.append(f'<c r="{ref}"{s} t="n"><v>{(value - _EPOCH.date()).days}</v></c>')
            else:
                cells.append(f'<c r="{ref}"{s} t="n"><v>{value}</v></c>')
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
