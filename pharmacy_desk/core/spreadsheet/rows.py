"""Cleaning one row of a legacy list into a member, or saying why it cannot be one.

Real cells: a phone cell with two numbers (``13770672328(南)13911676175(北)``) gives
the first mobile as the phone and keeps the cell's text in the notes; 省/市/区 and a
detailed address are joined into one address; a 身份证号 fills a missing birthday and
gender and is stored only when the owner asked (``keep_id_numbers``: PIPL minimisation);
a 病史 column is kept apart as "to be confirmed with the member", never in the notes.
"""

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
from pharmacy_desk.core.sentences import Clause, Joined, QT_TRANSLATE_NOOP, Sentence

TOTALS_RE = re.compile(r"^(合\s*计|总\s*计|小\s*计|共计|总数)")
_TOTALS_FIRST = set("合总小共")


@dataclass(slots=True)  # one per row of a list of hundreds of thousands: no dict each
class SourceRow:
    """A row as the file holds it, with where it came from (row numbers as Excel shows them)."""

    sheet: str
    row_number: int
    headers: list[str]
    values: Sequence[object]


@dataclass(slots=True)
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
    history: str = ""  # a legacy 病史, to be confirmed with the member
    id_number: str = ""  # stored only when the owner keeps ID numbers (``ImportOptions``)
    tier: str = ""  # the legacy list's tier name, matched to a tier at import
    spend_fen: int | None = None  # lifetime spend, which sets the tier when no tier is named
    phone_from_text: bool = False  # the phone was picked out of a cell holding more


_MOBILE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_ID_NUMBER = re.compile(r"^\d{17}[\dX]$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_number_facts(raw: object) -> tuple[str, dt.date | None, str]:
    """(the number, the birthday, the gender code) a valid 18-digit 身份证号 says; ``("", None, "")`` otherwise."""
    text = _text(raw).upper().replace(" ", "")
    if not _ID_NUMBER.match(text):
        return "", None, ""
    if _ID_CHECK[sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS)) % 11] != text[17]:
        return "", None, ""
    try:
        birthday = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return "", None, ""
    return text, birthday, ("M" if int(text[16]) % 2 else "F")


def phone_from_text(raw: object) -> str | None:
    """The first mobile in a cell that holds more than one number or words around it."""
    if raw is None:
        return None
    found = _MOBILE_IN_TEXT.findall(halfwidth(str(raw)))
    return found[0] if found else None


def joined_address(province: str, city: str, district: str, detail: str) -> str:
    """省 / 市 / 区 / 详细地址 as one address, without repeating what the detail already starts with."""
    head = ""
    for part in (province, city, district):
        if part and part not in detail and not head.endswith(part):
            head += part
    return (head + detail)[:200]


def parse_spend(raw: object) -> int | None:
    """A lifetime spend in yuan (``12,345.50``, ``12345元``) as fen; None when empty or not an amount."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw * 100
    if isinstance(raw, float):
        return int(round(raw * 100)) if raw == raw and abs(raw) < 1e12 else None
    text = halfwidth(str(raw)).strip().replace(",", "").replace("元", "").replace("¥", "")
    match = re.fullmatch(r"(\d{1,12})(?:\.(\d{1,2}))?", text)
    if not match:
        return None
    return int(match.group(1)) * 100 + int(((match.group(2) or "") + "00")[:2])


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
    if type(value) is str and value.isascii():  # most cells: no full-width forms to fold
        return " ".join(value.split())  # the same as collapsing ``\s+`` and stripping
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value:%Y-%m-%d}"
    return " ".join(halfwidth(str(value)).split())


class RowCleaner:
    """Cleans rows laid out by one mapping; built once per sheet, called for every row."""

    FIELDS = ("name", "phone", "card_no", "gender", "birthday", "joined_on", "points", "notes", "history",
              "address", "province", "city", "district", "id_number", "tier", "spend")

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
         raw_history, raw_address, raw_province, raw_city, raw_district, raw_id, raw_tier, raw_spend) = raw
        problems: list[Sentence] = []
        # Each value is replaced by its cleaned one, or the row is refused below.
        name = phone = card = gender = ""
        birthday: dt.date | None = None
        joined_on: dt.date | None = None
        points = 0
        # A layout without a name or phone column is refused for the whole sheet (``layouts``).
        try:
            name = clean_name(raw_name)
        except InvalidInput as error:
            problems.append(Clause(error.sentence))
        picked = False
        try:
            phone = clean_phone(raw_phone)
        except InvalidInput as error:
            found = phone_from_text(raw_phone)
            if found is None:
                problems.append(Clause(error.sentence))
            else:
                phone, picked = found, True
        try:
            card = clean_card_no(_text(raw_card)) if raw_card not in (None, "") else ""
        except InvalidInput as error:
            problems.append(Clause(error.sentence))
        try:
            gender = clean_gender(raw_gender)
        except InvalidInput as error:
            problems.append(Clause(error.sentence))
        try:
            birthday = check_birthday(parse_date(raw_birthday), self.today)
        except InvalidInput as error:
            problems.append(Clause(error.sentence))
        try:
            joined_on = parse_date(raw_joined)
            if joined_on is not None and joined_on > self.today:
                raise InvalidInput(QT_TRANSLATE_NOOP("core", "办卡日期 {joined_on} 在未来"), joined_on=f"{joined_on:%Y-%m-%d}")
        except InvalidInput as error:
            problems.append(Clause(error.sentence))
        try:
            points = parse_points(raw_points)
        except InvalidInput as error:
            problems.append(Clause(error.sentence))
        if problems:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "{problems}。"),
                               problems=Joined(problems, QT_TRANSLATE_NOOP("core", "；")))
        notes = _text(raw_notes)
        if picked:
            kept = f"原手机号一栏：{_text(raw_phone)}"
            notes = f"{notes}；{kept}" if notes else kept
        id_number = ""
        if raw_id is not None:
            id_number, id_birthday, id_gender = id_number_facts(raw_id)
            birthday = birthday or id_birthday
            gender = gender or id_gender
        address = _text(raw_address)
        if raw_province is not None or raw_city is not None or raw_district is not None:
            address = joined_address(_text(raw_province), _text(raw_city), _text(raw_district), address)
        return Candidate(source, phone, name, card, gender, birthday, joined_on, points, address[:200], notes,
                         history=_text(raw_history), id_number=id_number,
                         tier=_text(raw_tier), spend_fen=parse_spend(raw_spend), phone_from_text=picked)


def clean_row(source: SourceRow, mapping: dict[int, str], today: dt.date) -> Candidate:
    return RowCleaner(mapping, today)(source)
