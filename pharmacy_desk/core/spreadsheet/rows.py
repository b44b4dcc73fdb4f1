"""Cleaning one row of a legacy list into a member, or saying why it cannot be one."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.members import clean_card_no
from pharmacy_desk.core.normalize import (
    check_birthday, clean_gender, clean_name, clean_phone, halfwidth, parse_date, parse_points,
)

TOTALS_RE = re.compile(r"^(合\s*计|总\s*计|小\s*计|共计|总数)")
_TOTALS_FIRST = set("合总小共")
_SPACES = re.compile(r"\s+")


@dataclass
class SourceRow:
    """A row as the file holds it, with where it came from (row numbers as Excel shows them)."""

    sheet: str
    row_number: int
    headers: list[str]
    values: Sequence[object]


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


def skip_reason(values: Sequence[object]) -> str:
    """``blank`` for an empty row, ``totals`` for a 合计/总计 row (not members), else ``""``."""
    blank = True
    for cell in values:
        if cell is None:
            continue
        if type(cell) is str:
            text = cell.lstrip()
            if not text:
                continue
            if text[0] in _TOTALS_FIRST and TOTALS_RE.match(halfwidth(text)):
                return "totals"
        blank = False
    return "blank" if blank else ""


def _text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value:%Y-%m-%d}"
    return _SPACES.sub(" ", halfwidth(str(value))).strip()


class RowCleaner:
    """Cleans rows laid out by one mapping; built once per sheet, called for every row."""

    FIELDS = ("name", "phone", "card_no", "gender", "birthday", "joined_on", "points", "notes", "history",
              "address")

    def __init__(self, mapping: dict[int, str], today: dt.date):
        self.today = today
        self.columns = {target: column for column, target in mapping.items() if target}
        self.width = max(self.columns.values(), default=0) + 1
        self.slots = [(slot, self.columns[name]) for slot, name in enumerate(self.FIELDS) if name in self.columns]

    def __call__(self, source: SourceRow) -> Candidate:
        """The member a row describes; raises ``InvalidInput`` naming every problem in it."""
        values = source.values
        if len(values) < self.width:  # a short CSV line
            values = list(values) + [None] * (self.width - len(values))
        raw: list[object] = [None] * len(self.FIELDS)
        for slot, column in self.slots:
            raw[slot] = values[column]
        (raw_name, raw_phone, raw_card, raw_gender, raw_birthday, raw_joined, raw_points, raw_notes,
         raw_history, raw_address) = raw
        problems: list[str] = []
        # Each value is replaced by its cleaned one, or the row is refused below.
        name = phone = card = gender = ""
        birthday: dt.date | None = None
        joined_on: dt.date | None = None
        points = 0
        # A layout without a name or phone column is refused for the whole sheet (``layouts``).
        try:
            name = clean_name(raw_name)
        except InvalidInput as error:
            problems.append(str(error).rstrip("。"))
        try:
            phone = clean_phone(raw_phone)
        except InvalidInput as error:
            problems.append(str(error).rstrip("。"))
        try:
            card = clean_card_no(_text(raw_card)) if raw_card not in (None, "") else ""
        except InvalidInput as error:
            problems.append(str(error).rstrip("。"))
        try:
            gender = clean_gender(raw_gender)
        except InvalidInput as error:
            problems.append(str(error).rstrip("。"))
        try:
            birthday = check_birthday(parse_date(raw_birthday), self.today)
        except InvalidInput as error:
            problems.append(str(error).rstrip("。"))
        try:
            joined_on = parse_date(raw_joined)
            if joined_on is not None and joined_on > self.today:
                raise InvalidInput(f"办卡日期 {joined_on:%Y-%m-%d} 在未来")
        except InvalidInput as error:
            problems.append(str(error).rstrip("。"))
        try:
            points = parse_points(raw_points)
        except InvalidInput as error:
            problems.append(str(error).rstrip("。"))
        if problems:
            raise InvalidInput("；".join(problems) + "。")
        notes = _text(raw_notes)
        history = _text(raw_history)
        if history:
            notes = f"{notes}；病史：{history}" if notes else f"病史：{history}"
        return Candidate(source, phone, name, card, gender, birthday, joined_on, points,
                         _text(raw_address)[:200], notes)


def clean_row(source: SourceRow, mapping: dict[int, str], today: dt.date) -> Candidate:
    return RowCleaner(mapping, today)(source)
