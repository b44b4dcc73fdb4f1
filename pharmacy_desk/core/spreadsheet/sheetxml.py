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
from typing import Callable, Iterable, Sequence

_EPOCH = dt.datetime(1899, 12, 30)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PROBE_STYLE = re.compile(rb'<c r="[A-Z]+2" s="(\d+)"')
PROBE_KINDS = ("date", "datetime", "money", "quoted")
FORMULA_STARTS = ("=", "+", "-", "@")


def probe_values() -> list[tuple[object, str]]:
    """(value, number format) of the probe cells, in ``PROBE_KINDS`` order."""
    return [(dt.date(2000, 1, 1), "yyyy-mm-dd"), (dt.datetime(2000, 1, 1), "yyyy-mm-dd h:mm:ss"),
            (Decimal("1.5"), "0.00"), ("=probe", "@")]


def _escape(text: str) -> str:
    text = _ILLEGAL.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _column_letters(count: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(index + 1) for index in range(count)]


def rows_xml(rows: Iterable[Sequence[object]], kinds: Sequence[str], styles: dict[str, bytes],
             convert: Callable[[object, str], object], first_row: int = 2,
             on_row: Callable[[int], None] | None = None) -> Iterable[str]:
    """``<row>`` elements for ``rows``, typed by ``kinds`` (after ``convert``)."""
    letters = _column_letters(len(kinds))
    date_s, datetime_s, money_s, quoted_s = (styles[k].decode() for k in PROBE_KINDS)
    number = first_row
    chunk: list[str] = []
    for row in rows:
        r = str(number)
        cells = [f'<row r="{r}">']
        for letter, kind, raw in zip(letters, kinds, row):
            value = convert(raw, kind)
            if value is None or value == "":
                continue
            ref = letter + r
            if isinstance(value, str):
                style = f' s="{quoted_s}"' if value.startswith(FORMULA_STARTS) else ""
                cells.append(f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">'
                             f"{_escape(value)}</t></is></c>")
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, dt.datetime):
                serial = (value - _EPOCH).total_seconds() / 86400
                cells.append(f'<c r="{ref}" s="{datetime_s}" t="n"><v>{serial!r}</v></c>')
            elif isinstance(value, dt.date):
                cells.append(f'<c r="{ref}" s="{date_s}" t="n"><v>{(value - _EPOCH.date()).days}</v></c>')
            elif kind == "money":
                cells.append(f'<c r="{ref}" s="{money_s}" t="n"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="n"><v>{value}</v></c>')
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


def splice(template: Path, target: Path, bodies: dict[str, Callable[[dict[str, bytes]], Iterable[str]]]) -> None:
    """Copy ``template`` to ``target``, replacing row 2 of each named sheet with its streamed body.

    ``bodies`` maps a sheet part name to a function that, given the probe row's style
    indices, yields the XML of the data rows.
    """
    with zipfile.ZipFile(template) as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            body = bodies.get(item.filename)
            if body is None:
                out.writestr(item.filename, data)
                continue
            start = data.index(b'<row r="2"')
            end = data.index(b"</row>", start) + len(b"</row>")
            styles = dict(zip(PROBE_KINDS, _PROBE_STYLE.findall(data[start:end])))
            with out.open(item.filename, "w", force_zip64=True) as handle:
                handle.write(data[:start])
                for text in body(styles):
                    handle.write(text.encode("utf-8"))
                handle.write(data[end:])
