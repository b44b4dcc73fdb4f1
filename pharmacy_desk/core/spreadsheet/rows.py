"""Cleaning one row of a legacy list into a member, or saying why it cannot be one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.members import clean_card_no
from pharmacy_desk.core.normalize import (
    check_birthday, clean_gender, clean_name, clean_phone, halfwidth, parse_date, parse_points,
)

TOTALS_RE = re.compile(r"^(合\s*计|总\s*计|小\s*计|共计|总数|合计人数)")


@dataclass
class SourceRow:
    """A row as the file holds it, with where it came from (row numbers as Excel shows them)."""

    sheet: str
    row_number: int
    headers: list[str]
    values: list[object]


@dataclass
class Candidate:
    source: SourceRow
    phone: str
    name: str
    card_no: str = ""
    gender: str = ""
    birthday: dt.date | None = None
    joined_on: dt.date | None = None
    points: int = 0
    address: str = ""
    notes: str = ""
    merged_rows: list[SourceRow] = field(default_factory=list)


def is_blank(values: list[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in values)


def is_totals(values: list[object]) -> bool:
    """合计/总计 rows summarise the list; they are not members."""
    return any(isinstance(cell, str) and TOTALS_RE.match(halfwidth(cell).strip()) for cell in values)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value:%Y-%m-%d}"
    return re.sub(r"\s+", " ", halfwidth(str(value))).strip()


def clean_row(source: SourceRow, mapping: dict[int, str], today: dt.date) -> Candidate:
    """The member a row describes; raises ``InvalidInput`` with every problem found in it."""
    cells = {target: source.values[column] if column < len(source.values) else None
             for column, target in mapping.items() if target}
    problems: list[str] = []

    def attempt(func, *args):
        try:
            return func(*args)
        except InvalidInput as error:
            problems.append(str(error).rstrip("。"))
            return None

    name = attempt(clean_name, cells.get("name"))
    phone = attempt(clean_phone, cells.get("phone")) if "phone" in cells else None
    if "phone" not in cells:
        problems.append("没有手机号列")
    card = _text(cells.get("card_no"))
    card = attempt(clean_card_no, card) if card else ""
    gender = attempt(clean_gender, _text(cells.get("gender")))
    birthday = attempt(parse_date, cells.get("birthday"))
    if birthday is not None:
        birthday = attempt(check_birthday, birthday, today)
    joined_on = attempt(parse_date, cells.get("joined_on"))
    if joined_on is not None and joined_on > today:
        problems.append(f"办卡日期 {joined_on:%Y-%m-%d} 在未来")
        joined_on = None
    points = attempt(parse_points, cells.get("points"))
    if problems:
        raise InvalidInput("；".join(problems) + "。")
    notes = _text(cells.get("notes"))
    history = _text(cells.get("history"))
    if history:
        notes = f"{notes}；病史：{history}" if notes else f"病史：{history}"
    return Candidate(source=source, phone=phone, name=name, card_no=card or "", gender=gender or "",
                     birthday=birthday, joined_on=joined_on, points=points or 0,
                     address=_text(cells.get("address"))[:200], notes=notes)
