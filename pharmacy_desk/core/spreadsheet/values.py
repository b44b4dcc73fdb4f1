"""What a column holds, told from its values: mobiles, names, dates, card numbers.

Used where a list has no header or a column's name is unknown. A column is given
a field when most of its filled cells (``SHARE``) look like that field; the field
must still be free, so a guess never takes what a named column already feeds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence

from pharmacy_desk.core.normalize import halfwidth

SHARE = 0.6
MIN_FILLED = 1

# ASCII digits only (``re.ASCII``): other scripts' digits are not a phone's; full-width ones are made ASCII first.
_MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}(?:\.0+)?$", re.ASCII)
_MOBILE_INSIDE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)", re.ASCII)
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[·•][\u4e00-\u9fff]{1,6})?$")
_DATE_TEXT = re.compile(r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:[ T].*)?$")
_DIGITS = re.compile(r"[\s\-()（）]")
# The fields a column's values can tell, in the order they are tried.
_ORDER = ("phone", "name", "birthday", "card_no")


def _mobile_text(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            return None
        return str(int(value))
    if isinstance(value, str):
        return _DIGITS.sub("", halfwidth(value))
    return None


def is_mobile(value: object) -> bool:
    text = _mobile_text(value)
    return text is not None and bool(_MOBILE.match(text))


def holds_mobile(value: object) -> bool:
    """A mobile somewhere in the cell (``张三 13812345678``, two numbers in one cell)."""
    if is_mobile(value):
        return True
    return isinstance(value, str) and bool(_MOBILE_INSIDE.search(halfwidth(value)))


def is_name(value: object) -> bool:
    return isinstance(value, str) and bool(_CJK_NAME.match(value.replace(" ", "")))


def is_date(value: object) -> bool:
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    return isinstance(value, str) and bool(_DATE_TEXT.match(halfwidth(value).strip()))


def is_ean13(value: object) -> bool:
    text = _mobile_text(value)
    if text is None or len(text) != 13 or not (text.isascii() and text.isdigit()):
        return False
    odd = sum(int(d) for d in text[:12:2])
    even = sum(int(d) for d in text[1:12:2])
    return (10 - (odd + 3 * even) % 10) % 10 == int(text[12])


TESTS = {"phone": holds_mobile, "name": is_name, "birthday": is_date, "card_no": is_ean13}


def looks_like_data(text: str) -> bool:
    """A cell no header is made of: a mobile, a date or a long number."""
    if holds_mobile(text) or is_date(text):
        return True
    digits = _DIGITS.sub("", halfwidth(text))
    return len(digits) >= 6 and digits.isascii() and digits.replace(".", "").isdigit()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def infer_fields(rows: Sequence[Sequence[object]], *, skip: Collection[int],
                 taken: Collection[str]) -> dict[int, str]:
    """Column → field for the columns (not in ``skip``) whose values say what they are."""
    width = max((len(row) for row in rows), default=0)
    scores: list[tuple[float, int, str]] = []
    for column in range(width):
        if column in skip:
            continue
        values = [value for row in rows if column < len(row)
                  for value in (row[column],) if not _blank(value)]
        if len(values) < MIN_FILLED:
            continue
        for target in _ORDER:
            share = sum(1 for value in values if TESTS[target](value)) / len(values)
            if share >= SHARE:
                scores.append((share, -column, target))
                break
    guesses: dict[int, str] = {}
    free = [target for target in _ORDER if target not in taken]
    # The clearest column wins a field; ties go to the leftmost column.
    for _share, negative_column, target in sorted(scores, reverse=True):
        if target in free:
            guesses[-negative_column] = target
            free.remove(target)
    return guesses
