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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.members import clean_card_no
from pharmacy_desk.core.normalize import (
    check_birthday, clean_gender, clean_name, clean_phone, halfwidth, parse_date, parse_points,
)
from pharmacy_desk.core.sentences import Clause, Joined, QT_TRANSLATE_NOOP, Sentence

T = TypeVar("T")
TOTALS_RE = re.compile(r"^(合\s*计|总\s*计|小\s*计|共计|总数)")
_TOTALS_FIRST = set("合总小共")


@dataclass(slots=True)  # one per row of a list of hundreds of thousands: no dict each
class SourceRow:
    """A row as the file holds it, with where it came from (row numbers as Excel shows them).

    ``values`` is None once the row became a member: an import keeps the cells of the rows
    it refused, and of the few that may turn out conflicts (``problem_cells``).
    """

    sheet: str
    row_number: int
    headers: list[str]
    values: Sequence[object] | None


# What few rows of a list have, kept apart from a candidate's slots (``Candidate.more``), with
# what a candidate without them says.
RARE_FIELDS: dict[str, object] = {
    "history": "",  # a legacy 病史, to be confirmed with the member
    "id_number": "",  # stored only when the owner keeps ID numbers (``ImportOptions``)
    "tier": "",  # the legacy list's tier name, matched to a tier at import
    "spend_fen": None,  # lifetime spend (int fen), which sets the tier when no tier is named
    "phone_from_text": False,  # the phone was picked out of a cell holding more
}


def _rare(name: str) -> property:
    def get(candidate: Candidate):
        more = candidate.more
        return RARE_FIELDS[name] if more is None else more.get(name, RARE_FIELDS[name])

    def put(candidate: Candidate, value) -> None:
        if candidate.more is None:
            if value == RARE_FIELDS[name] and type(value) is type(RARE_FIELDS[name]):
                return
            candidate.more = {}
        candidate.more[name] = value

    return property(get, put)


@dataclass(slots=True)
class Candidate:
    """The member a row of the list describes (a 20 MB list holds 320,000 of them).

    Where it came from is kept as the sheet's name, the row's number and the sheet's headers
    (both shared by every row of the sheet), not as a ``SourceRow`` object each; the fields few
    rows have (``RARE_FIELDS``: 病史, 身份证号, tier, lifetime spend, a phone picked out of text)
    in one ``more`` dict, None for most rows, and read as attributes all the same.
    """

    sheet: str
    row_number: int
    headers: list[str]
    phone: str
    name: str
    card_no: str = ""
    gender: str = ""
    birthday: dt.date | None = None
    joined_on: dt.date | None = None
    points: int = 0
    address: str = ""
    notes: str = ""
    more: dict[str, object] | None = None

    history = _rare("history")
    id_number = _rare("id_number")
    tier = _rare("tier")
    spend_fen = _rare("spend_fen")
    phone_from_text = _rare("phone_from_text")

    @property
    def source(self) -> SourceRow:
        """The row, without its cells (``FilePlan.kept_cells`` has them if it may turn out a conflict)."""
        return SourceRow(self.sheet, self.row_number, self.headers, None)


# ASCII digits only (``re.ASCII``): ``\d`` alone matches every script's, which ``int`` reads too.
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)", re.ASCII)
_ID_NUMBER = re.compile(r"^\d{17}[\dX]$", re.ASCII)
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


_SPEND = re.compile(r"(\d{1,12})(?:\.(\d{1,2}))?", re.ASCII)


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
    match = _SPEND.fullmatch(text)
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


# A refused row says every problem it has in one sentence: each problem a clause, joined.
ROW_PROBLEMS = QT_TRANSLATE_NOOP("core", "{problems}。")
PROBLEM_SEPARATOR = QT_TRANSLATE_NOOP("core", "；")


def problems_of(reason: Sentence) -> list[Sentence]:
    """The problems a row's reason names, each as the whole sentence it was raised with."""
    joined = reason.params.get("problems") if reason.template == ROW_PROBLEMS else None
    if not isinstance(joined, Joined):
        return [reason]
    return [part.whole if isinstance(part, Clause) else part if isinstance(part, Sentence) else Sentence(part)
            for part in joined.parts]


REMEMBERED = 50_000  # distinct cells a column remembers; past it a cell is simply cleaned again


class _Memo(Generic[T]):
    """A column's cleaning, remembered per distinct cell: a list of 100,000 members holds a few
    thousand birthdays and join dates, a handful of genders and point spellings.

    Returns (the cleaned value, None) or (``failed``, the refusal as a clause). Keys keep the
    cell's type apart (``True``, ``1`` and ``1.0`` are equal as keys, not as cells).
    """

    __slots__ = ("clean", "failed", "seen", "calls")
    LIMIT = REMEMBERED
    # A column whose cells mostly differ (phones, names, birthdays) is not worth remembering: after
    # this many cells, more than half of them new switches the memory off (and lets it go).
    PROBE = 4096

    def __init__(self, clean: Callable[[object], T], failed: T):
        self.clean = clean
        self.failed = failed
        self.seen: dict[object, tuple[T, Sentence | None]] | None = {}
        self.calls = 0

    def __call__(self, raw: object) -> tuple[T, Sentence | None]:
        seen = self.seen
        if seen is None:
            return self._clean(raw)
        self.calls += 1
        if self.calls == self.PROBE and len(seen) > self.PROBE // 2:
            self.seen = None
            return self._clean(raw)
        key = raw if type(raw) is str else (type(raw), raw)
        try:
            return seen[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable cell: never from a reader, cleaned all the same
            return self._clean(raw)
        result = self._clean(raw)
        if len(seen) < self.LIMIT:
            seen[key] = result
        return result

    def _clean(self, raw: object) -> tuple[T, Sentence | None]:
        try:
            return self.clean(raw), None
        except InvalidInput as error:
            return self.failed, Clause(error.sentence)


def card_cell(raw: object) -> str:
    return clean_card_no(_text(raw)) if raw not in (None, "") else ""


class RowCleaner:
    """Cleans rows laid out by one mapping; built once per sheet, called for every row."""

    FIELDS = ("name", "phone", "card_no", "gender", "birthday", "joined_on", "points", "notes", "history",
              "address", "province", "city", "district", "id_number", "tier", "spend")

    def __init__(self, mapping: dict[int, str], today: dt.date):
        self.today = today
        self.columns = {target: column for column, target in mapping.items() if target}
        self.width = max(self.columns.values(), default=0) + 1
        self.slots = [(slot, self.columns[name]) for slot, name in enumerate(self.FIELDS) if name in self.columns]
        self.rare = any(name in self.columns for name in ("history", "id_number", "tier", "spend"))
        self.name = _Memo(clean_name, "")
        self.gender: _Memo[str] = _Memo(clean_gender, "")
        self.birthday = _Memo(lambda raw: check_birthday(parse_date(raw), today), None)
        self.joined_on = _Memo(self._joined_on, None)
        self.points = _Memo(parse_points, 0)
        self.text = _Memo(_text, "")  # notes, history, tier and address parts repeat too
        self.spend = _Memo(parse_spend, None)
        # One object for each join date and balance the members share: a list of 300,000 holds a
        # few thousand of each, and a cell read as a date or number is a new object each row.
        # (Birthdays repeat too seldom for the dict to pay for itself.)
        self.dates: dict[dt.date, dt.date] = {}
        self.numbers: dict[int, int] = {}

    def _joined_on(self, raw: object) -> dt.date | None:
        joined_on = parse_date(raw)
        if joined_on is not None and joined_on > self.today:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "办卡日期 {joined_on} 在未来。"), joined_on=f"{joined_on:%Y-%m-%d}")
        return joined_on

    def __call__(self, source: SourceRow) -> Candidate:
        """The member a row describes; raises ``InvalidInput`` naming every problem in it."""
        values = source.values
        if values is None:
            raise ValueError("a row is cleaned from its cells")
        if len(values) < self.width:  # a short CSV line
            values = list(values) + [None] * (self.width - len(values))
        raw: list[object] = [None] * len(self.FIELDS)
        for slot, column in self.slots:
            raw[slot] = values[column]
        (raw_name, raw_phone, raw_card, raw_gender, raw_birthday, raw_joined, raw_points, raw_notes,
         raw_history, raw_address, raw_province, raw_city, raw_district, raw_id, raw_tier, raw_spend) = raw
        # A layout without a name or phone column is refused for the whole sheet (``layouts``).
        name, name_error = self.name(raw_name)
        picked = False
        phone_error: Sentence | None = None
        try:
            phone = clean_phone(raw_phone)
        except InvalidInput as error:
            found = phone_from_text(raw_phone)
            if found is None:
                phone, phone_error = "", Clause(error.sentence)
            else:
                phone, picked = found, True
        card_error: Sentence | None = None
        try:
            card = card_cell(raw_card)
        except InvalidInput as error:
            card, card_error = "", Clause(error.sentence)
        gender, gender_error = self.gender(raw_gender)
        birthday, birthday_error = self.birthday(raw_birthday)
        joined_on, joined_error = self.joined_on(raw_joined)
        points, points_error = self.points(raw_points)
        errors = (name_error, phone_error, card_error, gender_error, birthday_error, joined_error, points_error)
        if errors != (None,) * len(errors):
            problems = [error for error in errors if error is not None]
            raise InvalidInput(ROW_PROBLEMS, problems=Joined(problems, PROBLEM_SEPARATOR))
        text = self.text_of
        notes = text(raw_notes)
        if picked:
            kept = f"原手机号一栏：{_text(raw_phone)}"
            notes = f"{notes}；{kept}" if notes else kept
        id_number = ""
        if raw_id is not None:
            id_number, id_birthday, id_gender = id_number_facts(raw_id)
            birthday = birthday or id_birthday
            gender = gender or id_gender
        address = text(raw_address)
        if raw_province is not None or raw_city is not None or raw_district is not None:
            address = joined_address(text(raw_province), text(raw_city), text(raw_district), address)
        rare: dict[str, object] | None = {name: value for name, value in (
            ("history", text(raw_history)), ("id_number", id_number), ("tier", text(raw_tier)),
            ("spend_fen", self.spend(raw_spend)[0] if raw_spend is not None else None),
            ("phone_from_text", picked)) if value != RARE_FIELDS[name]} if picked or self.rare else None
        shared = self.shared
        return Candidate(source.sheet, source.row_number, source.headers, phone, name, card, gender,
                         shared(self.dates, birthday), shared(self.dates, joined_on),
                         points if points < 257 else shared(self.numbers, points), address[:200], notes,
                         rare or None)

    @staticmethod
    def shared(seen: dict, value):
        """``value``, as the one object kept for it (while fewer than ``_Memo.LIMIT`` are kept)."""
        if value is None or len(seen) >= _Memo.LIMIT:
            return value
        return seen.setdefault(value, value)

    def text_of(self, raw: object) -> str:
        return "" if raw is None else self.text(raw)[0]  # an unmapped column costs nothing


def clean_row(source: SourceRow, mapping: dict[int, str], today: dt.date) -> Candidate:
    return RowCleaner(mapping, today)(source)
