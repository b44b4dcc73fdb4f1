"""The common rows of a list, cleaned a block at a time, column by column.

Cleaning a row field by field (``rows.RowCleaner``) costs about 10 µs, and a list of
100,000 members spent most of its planning there. Here each mapped column of a block
of rows is cleaned in one pass: a cell in the form most lists write it (a plain Chinese
name, an 11-digit mobile, a date cell, a whole number) is taken after one check, any
other cell by the field's own cleaner, which remembers what it has seen.

A row becomes its ``Candidate`` here only when every cell of it was cleaned and nothing
about it needs the row as a whole. Every other row is left to the plan's own tests and
``RowCleaner``, so what a row becomes never depends on the way it went:
  * a refused cell (the row's reason names all its problems at once);
  * a phone picked out of a cell holding more (its text goes to the notes);
  * a cell that may begin with 合计, 总计, 小计 or 共计 (``rows.skip_reason``);
  * a probe cell that may repeat the header (``HeaderRepeat``);
  * a layout with a field few lists have (身份证号, 病史, tier, spend, split address).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from unicodedata import is_normalized, normalize

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.normalize import DATE_RE, EXCEL_EPOCH, EXCEL_MAX_SERIAL, GENDER_WORDS, MOBILE_RE, clean_phone
from pharmacy_desk.core.spreadsheet.columns import Layout, header_key, may_be_header
from pharmacy_desk.core.spreadsheet.rows import REMEMBERED, Candidate, RowCleaner, card_cell

BLOCK_ROWS = 5000

# Fields the columns here clean; a layout mapping any other is cleaned row by row.
BLOCK_FIELDS = frozenset({"name", "phone", "card_no", "gender", "birthday", "joined_on", "points", "notes",
                          "address"})


class _Refused:
    """A cell its field's cleaner refuses, or one whose row must be cleaned as a whole."""

    def __repr__(self) -> str:
        return "REFUSED"


REFUSED = _Refused()

# A name of Chinese characters only: ``clean_name`` returns it unchanged (no character of the
# block changes under NFKC or NFC, and none is of a category names may not hold).
_PLAIN_NAME = re.compile(r"[\u4e00-\u9fff]{1,40}").fullmatch
# A mobile written in groups (``138 1234 5678``, ``+86 138-1234-5678``): ``clean_phone`` drops the
# spaces, dashes and prefix. A trailing ``.0`` is not among them: after a prefix or a space it is
# refused, as ``clean_phone`` refuses it.
_GROUPED_MOBILE = re.compile(r"(?:\+?86[ -]?)?(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})").fullmatch
_WHOLE_MOBILE = re.compile(r"(1[3-9][0-9]{9})\.0+").fullmatch  # a number cell saved as text
_PLAIN_CARD = re.compile(r"[0-9A-Z\-]{4,24}").fullmatch
_TOTALS_CHARACTERS = "合总小共"  # the first characters of ``rows.TOTALS_RE``
_INFINITY = float("inf")
_EXCEL_EPOCH_ORDINAL = EXCEL_EPOCH.toordinal()


class HeaderRepeat:
    """Lists printed page by page repeat the header; such rows are skipped, not rejected.

    One probe cell (the first mapped column's) is compared first, so that ordinary rows cost a
    single check, or, for a block, a single pass over the probe column.
    """

    def __init__(self, layout: Layout):
        self.keys = [header_key(text) for text in layout.headers]
        probe = next(iter(layout.mapping), 0)
        self.probe = probe if probe < len(self.keys) and self.keys[probe] else None
        self.key = self.keys[probe] if self.probe is not None else ""

    def __call__(self, values: Sequence[Any]) -> bool:
        if self.probe is None:
            return False  # no header (or an empty header cell) to repeat
        cell = values[self.probe] if self.probe < len(values) else None
        if not isinstance(cell, str) or not may_be_header(cell, self.key):
            return False
        return [header_key(v) if isinstance(v, str) else v for v in values[:len(self.keys)]] == self.keys

    def suspects(self, columns: Sequence[Sequence[Any]]) -> list[int]:
        """The rows of a block whose probe cell may repeat the header (the others cannot)."""
        if self.probe is None or self.probe >= len(columns):
            return []
        key = self.key
        # ``may_be_header`` looks for the key's first character in the widened, lower-cased cell:
        # an ASCII cell is its own widened form, and holds no other character.
        ascii_cannot = not key[:1].isascii()
        return [offset for offset, cell in enumerate(columns[self.probe]) if isinstance(cell, str)
                and not (ascii_cannot and cell.isascii()) and may_be_header(cell, key)]


def totals_suspects(columns: Sequence[Sequence[Any]]) -> set[int]:
    """The rows of a block holding a text cell with a character a totals row begins with.

    A superset of the rows ``skip_reason`` calls ``totals``: those are tested one by one.
    """
    found: set[int] = set()
    for column in columns:
        try:
            text = "".join(column)  # most columns hold text only
        except TypeError:
            text = "".join([cell for cell in column if type(cell) is str])
        if any(character in text for character in _TOTALS_CHARACTERS):
            found.update(offset for offset, cell in enumerate(column)
                         if type(cell) is str and any(character in cell for character in _TOTALS_CHARACTERS))
    return found


def _or_refused(memo: Callable[[object], tuple[Any, object]]) -> Callable[[object], Any]:
    """A field's remembering cleaner (``rows._Memo``), with ``REFUSED`` for a refusal."""

    def clean(raw: Any) -> object:
        value, error = memo(raw)
        return REFUSED if error is not None else value

    return clean


class BlockCleaner:
    """Cleans the common rows of one sheet's blocks; built once per sheet beside its ``RowCleaner``."""

    def __init__(self, row: RowCleaner, repeat: HeaderRepeat, sheet: str, headers: list[str]):
        self.row = row
        self.repeat = repeat
        self.sheet = sheet
        self.headers = headers
        self.columns = row.columns
        self.enabled = set(self.columns) <= BLOCK_FIELDS
        today = row.today
        self.today = today
        self.oldest_birth_year = today.year - 120  # ``normalize.check_birthday``
        self.name = _or_refused(row.name)
        self.gender = _or_refused(row.gender)
        self.birthday = _or_refused(row.birthday)
        self.joined_on = _or_refused(row.joined_on)
        self.points = _or_refused(row.points)
        self._share: Callable[[dt.date, dt.date], dt.date] = _both
        # Columns whose accepted cells hold only digits, separators and their field's own words: no
        # such cell begins a totals row, so they are not looked at for one (a refused cell's row is
        # tested as a whole anyway).
        self.plain_columns = {self.columns[name] for name in ("phone", "card_no", "gender", "points")
                              if name in self.columns}

    def candidates(self, block: Sequence[Sequence[Any]], first_number: int) -> list[Candidate | None]:
        """Each row's member, or None for a row the plan must test and clean by itself.

        ``first_number`` is the first row's number as Excel shows it.
        """
        count = len(block)
        if not self.enabled or not count:
            return [None] * count
        columns = list(itertools.zip_longest(*block))  # a short CSV line's missing cells are None
        # One object for each date the members share, as ``RowCleaner`` keeps them (its limit is
        # looked at once a block here, not once a cell).
        self._share = self.row.dates.setdefault if len(self.row.dates) < REMEMBERED else _both
        blank = (None,) * count

        def cells(field: str) -> Sequence[Any] | None:
            column = self.columns.get(field)
            if column is None:
                return None
            return columns[column] if column < len(columns) else blank

        names = self._names(cells("name") or blank)
        phones = self._phones(cells("phone") or blank)
        cards = self._mapped(cells("card_no"), self._cards, "")
        genders = self._mapped(cells("gender"), self._genders, "")
        birthdays = self._mapped(cells("birthday"), self._birthdays, None)
        joined = self._mapped(cells("joined_on"), self._joined, None)
        points = self._mapped(cells("points"), self._points, 0)
        addresses = self._mapped(cells("address"), self._addresses, "")
        notes = self._mapped(cells("notes"), self._texts, "")
        apart: set[int] = set()
        for values in (names, phones, cards, genders, birthdays, joined, points):
            if isinstance(values, list) and REFUSED in values:
                apart.update(offset for offset, value in enumerate(values) if value is REFUSED)
        apart |= totals_suspects([column for index, column in enumerate(columns) if index not in self.plain_columns])
        apart.update(self.repeat.suspects(columns))
        repeat = itertools.repeat
        out: list[Candidate | None] = list(map(
            Candidate, repeat(self.sheet), range(first_number, first_number + count), repeat(self.headers), phones,
            names, cards, genders, birthdays, joined, points, addresses, notes, repeat(None)))
        for offset in apart:
            out[offset] = None
        return out

    @staticmethod
    def _mapped(column: Sequence[Any] | None, clean: Callable[[Sequence[Any]], list], empty: object):
        return itertools.repeat(empty) if column is None else clean(column)

    def _names(self, column: Sequence[Any]) -> list:
        plain, other = _PLAIN_NAME, self._name
        return [cell if type(cell) is str and plain(cell) else other(cell) for cell in column]

    def _name(self, raw: Any) -> Any:
        if type(raw) is str and " " in raw:
            joined = raw.replace(" ", "")  # 张 三: a Chinese name loses its spaces
            if _PLAIN_NAME(joined):
                return joined
        return self.name(raw)

    def _phones(self, column: Sequence[Any]) -> list:
        mobile, other = MOBILE_RE.match, _phone
        return [cell if type(cell) is str and len(cell) == 11 and mobile(cell)
                else str(int(cell)) if type(cell) is float and 1.3e10 <= cell < 2e10 and cell.is_integer()
                else other(cell) for cell in column]

    def _cards(self, column: Sequence[Any]) -> list:
        plain, other = _PLAIN_CARD, _card_or_refused
        return ["" if cell is None or cell == "" else cell if type(cell) is str and plain(cell) else other(cell)
                for cell in column]

    def _genders(self, column: Sequence[Any]) -> list:
        words, other = GENDER_WORDS, self.gender
        return [words[cell] if type(cell) is str and cell in words else other(cell) for cell in column]

    def _birthdays(self, column: Sequence[Any]) -> list:
        text, common, other, today, oldest = (self._date_text, self._date, self._birthday, self.today,
                                              self.oldest_birth_year)
        return [day if (day := text(cell) if type(cell) is str and cell else common(cell)) is None
                or (day is not REFUSED and day <= today and day.year >= oldest) else other(cell) for cell in column]

    def _joined(self, column: Sequence[Any]) -> list:
        text, common, other, today = self._date_text, self._date, self._joined_on, self.today
        return [day if (day := text(cell) if type(cell) is str and cell else common(cell)) is None
                or (day is not REFUSED and day <= today) else other(cell) for cell in column]

    def _birthday(self, raw: Any) -> Any:
        return self._shared_date(self.birthday(raw))

    def _joined_on(self, raw: Any) -> Any:
        return self._shared_date(self.joined_on(raw))

    def _shared_date(self, value: Any) -> Any:
        return value if value is None or value is REFUSED else self._share(value, value)

    def _date(self, raw: Any) -> Any:
        """``parse_date``'s answer for the spellings most cells have, one object per date; ``REFUSED``
        for any other cell (which the field's own cleaner then reads)."""
        kind = type(raw)
        if kind is str:
            return self._date_text(raw) if raw else None
        if kind is dt.date:
            return self._share(raw, raw)
        if kind is float:
            return self._from_number(int(raw), 0) if raw.is_integer() else REFUSED
        if raw is None:
            return None
        if kind is int:
            return self._from_number(raw, 0)
        if kind is dt.datetime:
            date = raw.date()
            return self._share(date, date)
        return REFUSED

    def _date_text(self, text: str) -> Any:
        """``1965-3-8``, ``1965/03/08``, ``1965.3.8`` and ``1965年3月8日`` cut where ``normalize.DATE_RE``
        would find its groups, and ``19650308``; any other text read by the pattern itself."""
        year = text[:4]
        if text.isascii():
            if text.isdigit():
                return self._from_number(int(text), len(text))
            separator = text[4:5]
            if separator and separator in "-/.":
                month, cut, day = text[5:].partition(separator)
            else:
                cut = ""
        elif text[4:5] == "年" and text[-1:] == "日":
            month, cut, day = text[5:-1].partition("月")
            if not (year + month + day).isascii():
                cut = ""
        else:
            cut = ""
        if not (cut and len(year) == 4 and 0 < len(month) <= 2 and 0 < len(day) <= 2
                and (year + month + day).isdigit()):
            if not (text.isascii() or is_normalized("NFKC", text)):
                return REFUSED  # widened first by ``parse_date``
            match = DATE_RE.match(text)  # what the pattern allows after the date includes spaces
            if match is None:
                return REFUSED
            year, month, day = match.groups()
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            return REFUSED
        return self._share(date, date)

    def _from_number(self, number: int, digits: int) -> Any:
        """``normalize._date_from_number``: ``19650308``, or an Excel serial of at most five digits."""
        try:
            if 10_000_000 <= number <= 99_999_999:
                date = dt.date(number // 10000, number // 100 % 100, number % 100)
                return self._share(date, date)
            if 1 <= number <= EXCEL_MAX_SERIAL and digits <= 5:
                date = dt.date.fromordinal(_EXCEL_EPOCH_ORDINAL + number)
                return self._share(date, date)
        except ValueError:
            pass
        return REFUSED

    def _points(self, column: Sequence[Any]) -> list:
        other, shared, numbers = self._points_other, self.row.shared, self.row.numbers
        balances = [int(cell) if type(cell) is float and 0.0 <= cell < _INFINITY
                    else 0 if cell is None or cell == ""
                    else int(cell) if type(cell) is str and cell.isdigit() and cell.isascii()
                    else other(cell) for cell in column]
        return [points if points is REFUSED or points < 257 else shared(numbers, points) for points in balances]

    def _points_other(self, raw: Any) -> Any:
        """``1,200``, ``900分``, ``900积分`` as ``parse_points`` reads them; any other cell by it."""
        if type(raw) is str and (raw.isascii() or raw[-1:] == "分"):
            digits = raw[:-2] if raw.endswith("积分") else raw[:-1] if raw.endswith("分") else raw
            digits = digits.replace(",", "")
            if digits.isdigit() and digits.isascii():
                return int(digits)
        return self.points(raw)

    def _addresses(self, column: Sequence[Any]) -> list:
        return [address[:200] for address in self._texts(column)]

    def _texts(self, column: Sequence[Any]) -> list:
        text = self.row.text_of
        return ["" if cell is None or cell == "" else text(cell) for cell in column]


def _phone(raw: Any) -> object:
    if type(raw) is str:
        grouped = _GROUPED_MOBILE(raw) or _WHOLE_MOBILE(raw)
        if grouped is not None:
            return "".join(grouped.groups())
        if not raw.isascii():
            wide = normalize("NFKC", raw)  # full-width digits
            if len(wide) == 11 and wide.isascii() and MOBILE_RE.match(wide):
                return wide
    try:
        return clean_phone(raw)
    except InvalidInput:
        return REFUSED  # refused, or several numbers in one cell: the row is cleaned as a whole


def _card_or_refused(raw: Any) -> object:
    try:
        return card_cell(raw)
    except InvalidInput:
        return REFUSED


def _both(key: dt.date, value: dt.date) -> dt.date:
    return value


def blocks(rows: Iterator[Sequence[Any]], first: int, size: int = BLOCK_ROWS) -> Iterator[tuple[int, list[Sequence[Any]]]]:
    """The rows a block at a time, each block with the index of its first row (``first`` for the first)."""
    start = first
    while block := list(itertools.islice(rows, size)):
        yield start, block
        start += len(block)
