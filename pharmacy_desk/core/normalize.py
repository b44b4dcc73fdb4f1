"""Turning what people type (or what old spreadsheets hold) into clean values.

Shared by the till, the sign-up form and the Excel import, so a phone typed
``+86 138-1234-5678`` at the counter and ``13812345678.0`` in a spreadsheet are
the same member.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from pharmacy_desk.core.amounts import parse_amount
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.vocabulary import Gender
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence

# ``re.ASCII`` wherever ``\d`` reads a phone or an amount: without it ``\d`` matches every script's
# digits (Arabic-Indic ١٣٨…), which are not digits to a phone; full-width ones are made ASCII first.
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
_SPACES = re.compile(r"\s+")
_WHOLE_FLOAT = re.compile(r"\d+\.0+", re.ASCII)
_SCIENTIFIC = re.compile(r"\d(\.\d+)?[eE]\+?\d+", re.ASCII)
_POINTS_NOISE = re.compile(r"[\s,，]")
_POINTS_UNIT = re.compile(r"(积分|分)$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SEPARATORS = re.compile(r"[\s\-－—–()（）.]")


def halfwidth(text: str) -> str:
    """Full-width digits, letters and spaces (１３８、ＺＳ) become their ASCII forms."""
    if text.isascii():  # NFKC leaves ASCII unchanged; most cells are ASCII
        return text
    return unicodedata.normalize("NFKC", text)


def clean_phone(raw: object) -> str:
    """Return an 11-digit mainland mobile number or raise ``InvalidInput`` saying why."""
    if type(raw) is str and len(raw) == 11 and MOBILE_RE.match(raw):
        return raw  # already clean: the common case of a big import
    if type(raw) is int and 13_000_000_000 <= raw < 20_000_000_000:
        return str(raw)
    if raw is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "手机号为空。"))
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = halfwidth(str(raw)).strip()
    if _WHOLE_FLOAT.fullmatch(text):
        text = text.split(".")[0]
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("+"):
        digits = digits[1:]
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "手机号为空。"))
    if not (digits.isascii() and digits.isdigit()):  # ١٣٨… are digits to Python, not to a phone
        if _SCIENTIFIC.fullmatch(text):
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "手机号被存成了科学计数法（{raw}），后几位已经丢失，请核对原始记录后以文本格式重新填写"), raw=raw)
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "手机号只能包含数字：{raw}"), raw=raw)
    if len(digits) != 11:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "手机号应为11位，这里是{count}位：{digits}"), count=len(digits), digits=digits)
    if not MOBILE_RE.match(digits):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "不是有效的手机号（应以13–19开头）：{digits}"), digits=digits)
    return digits


# Unicode categories a written name never holds: controls (NUL), invisible format marks
# (zero-width spaces and joiners, right-to-left overrides), unassigned and private code
# points, emoji and other pictographs, and combining marks left after composing.
_NOT_IN_NAMES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "So", "Sk", "Mn", "Me", "Zl", "Zp"})


def name_problem(text: str) -> Sentence | None:
    """Why ``text`` cannot be a name (None when it can): the first character no name holds."""
    if text.isascii() and text.isprintable():
        return None  # printable ASCII holds none of them: most names are looked at no further
    for ch in text:
        if unicodedata.category(ch) in _NOT_IN_NAMES:
            # An emoji is shown as itself; an invisible character by its code alone.
            shown = Sentence(QT_TRANSLATE_NOOP("core", "“{character}”"), character=ch) \
                if unicodedata.category(ch) in ("So", "Sk") else ""
            return Sentence(QT_TRANSLATE_NOOP("core", "姓名里有不能使用的字符{shown}（U+{code}），请只填写文字。"),
                            shown=shown, code=f"{ord(ch):04X}")
    return None


def clean_name(raw: object) -> str:
    """Collapse stray and full-width spaces; Chinese names lose inner spaces (张 三 → 张三).

    Refuses invisible, control, bidi and emoji characters: they would make a name look
    like another's, or print as boxes on a receipt.
    """
    text = unicodedata.normalize("NFC", halfwidth(str(raw or ""))).strip()
    text = _SPACES.sub(" ", text)
    if _HAN.search(text):
        text = text.replace(" ", "")
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "姓名不能为空。"))
    if len(text) > 40:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "姓名太长（{length}个字）。"), length=len(text))
    problem = name_problem(text)
    if problem is not None:
        raise InvalidInput(problem)
    return text


@lru_cache(maxsize=4096)
def name_initials(name: str) -> str:
    """Pinyin initials for lookup: 张三 → ``zs``; Latin letters are kept lower-case.

    Read from the table of ``pinyin_initials`` (pypinyin's own readings, without loading
    its dictionaries); a name the table cannot tell is read by pypinyin itself.
    """
    return initials_of_names((name,))[name]


def initials_of_names(names: Iterable[str]) -> dict[str, str]:
    """``name_initials`` of each of ``names``, read in one pass (an import reads tens of thousands)."""
    from pharmacy_desk.core.pinyin_initials import pypinyin_initials, table_initials_of

    surname = SURNAME_INITIALS.get
    read: dict[str, str] = {}
    for name, initials in table_initials_of(names).items():
        if initials is None:
            initials = pypinyin_initials(name)
        first = surname(name[:1])
        read[name] = first + initials[1:] if first and initials else initials
    return read


# Characters read differently as a surname than in ordinary words (曾小明 is Zeng,
# not Ceng): a cashier types the initials the member says.
SURNAME_INITIALS = {"曾": "z", "单": "s", "解": "x", "仇": "q", "区": "o", "查": "z", "乐": "y",
                    "翟": "z", "覃": "q", "员": "y", "句": "g", "禚": "z", "召": "s"}


def mask_phone(phone: str) -> str:
    """138****5678, for screens that do not need the whole number; never the whole of any number."""
    phone = phone or ""
    if len(phone) >= 8:
        return f"{phone[:3]}{'*' * (len(phone) - 7)}{phone[-4:]}"
    return "*" * len(phone)


def check_birthday(birthday: dt.date | None, today: dt.date) -> dt.date | None:
    if birthday is None:
        return None
    if birthday > today:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "生日 {birthday} 在未来。"), birthday=f"{birthday:%Y-%m-%d}")
    if birthday.year < today.year - 120:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "生日 {birthday} 太早，请检查年份。"), birthday=f"{birthday:%Y-%m-%d}")
    return birthday


# Each gender's code and label (so an exported sheet imports back), and the other words
# old registers and forms write for it.
GENDER_WORDS: dict[str, Gender] = {
    **{gender.value.lower(): gender for gender in Gender}, **{gender.label: gender for gender in Gender},
    "男性": Gender.MALE, "male": Gender.MALE, "先生": Gender.MALE,
    "女性": Gender.FEMALE, "female": Gender.FEMALE, "女士": Gender.FEMALE,
}


def clean_gender(raw: object) -> Gender:
    """What a form, a spreadsheet cell or the command line says about gender, as the stored code."""
    if type(raw) is str and raw in GENDER_WORDS:
        return GENDER_WORDS[raw]
    text = halfwidth(str(raw or "")).strip().lower()
    if text not in GENDER_WORDS:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "性别应为“男”或“女”：{raw}"), raw=raw)
    return GENDER_WORDS[text]


def yuan(fen: int) -> str:
    """Fen to a display amount: 12345 → ``123.45``."""
    sign = "-" if fen < 0 else ""
    fen = abs(int(fen))
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def parse_yuan(text: str) -> int:
    """A typed amount in yuan to fen; the till's one amount parser is ``core.amounts.parse_amount``."""
    return parse_amount(text)


# Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); serials above
# 2958465 would pass 9999-12-31.
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_MAX_SERIAL = 2958465
DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")


def _make_date(year: int, month: int, day: int, raw: object) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "不存在的日期：{raw}"), raw=raw) from None


def parse_date(raw: object) -> dt.date | None:
    """A date as people and spreadsheets write it; None when the cell is empty.

    Takes date cells, Excel serial numbers (23809 → 1965-03-08), ``1965-3-8``,
    ``1965/03/08``, ``19650308`` (text or number), ``1965年3月8日`` and ``1965.3.8``.
    """
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if type(raw) is int:
        return _date_from_number(raw, raw)
    return _parse_date_value(raw)


def _date_from_number(number: int, raw: object, digits: int = 0) -> dt.date:
    """``19650308`` or an Excel serial (``digits``: how many the text had, 0 for a number cell)."""
    if 10_000_000 <= number <= 99_999_999:
        return _make_date(number // 10000, number // 100 % 100, number % 100, raw)
    if 1 <= number <= EXCEL_MAX_SERIAL and digits <= 5:
        return EXCEL_EPOCH + dt.timedelta(days=number)
    raise InvalidInput(QT_TRANSLATE_NOOP("core", "日期格式不对：{raw}（请写成 1965-03-08）"), raw=raw)


@lru_cache(maxsize=4096, typed=True)  # typed: True must not hit the entry for 1.0
def _parse_date_value(raw: object) -> dt.date | None:
    """Cached for the few spellings a form or a column repeats. An import remembers each column's
    cells itself (``rows._Memo``); 65,536 entries here held 13 MB of a big list's birthdays."""
    if isinstance(raw, bool):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "日期格式不对：{raw}"), raw=raw)
    if isinstance(raw, (int, float)):
        number = raw
        text = None
    else:
        text = halfwidth(str(raw)).strip()
        if not text:
            return None
        match = DATE_RE.match(text)
        if match:
            year, month, day = match.groups()
            return _make_date(int(year), int(month), int(day), raw)
        if not re.fullmatch(r"\d+(\.0+)?", text):
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "日期格式不对：{raw}（请写成 1965-03-08）"), raw=raw)
        number = int(text.split(".")[0])
    if isinstance(number, float):
        if not number.is_integer():
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "日期格式不对：{raw}（请写成 1965-03-08）"), raw=raw)
        number = int(number)
    return _date_from_number(number, raw, len(text) if text is not None else 0)


_POINTS_RE = re.compile(r"^(\d+)(?:\.(\d+))?$", re.ASCII)


def parse_points(raw: object) -> int:
    """An opening points balance: ``1,200``, ``1200分``, ``1200.0``; empty is 0.

    Fractions are floored, as when points are earned; a negative balance or text is
    refused with the reason.
    """
    if raw is None or raw == "":
        return 0
    if isinstance(raw, bool):
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "积分不是数字：{raw}"), raw=raw)
    if isinstance(raw, int):
        number = raw
    elif isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "积分不是数字：{raw}"), raw=raw)
        number = int(raw // 1)
    else:
        text = halfwidth(str(raw)).strip()
        text = _POINTS_UNIT.sub("", _POINTS_NOISE.sub("", text))
        if not text:
            return 0
        negative = text.startswith("-")
        match = _POINTS_RE.match(text.lstrip("-+"))
        if not match:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "积分不是数字：{raw}"), raw=raw)
        number = -int(match.group(1)) if negative else int(match.group(1))
    if number < 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "积分不能为负数：{raw}"), raw=raw)
    return number
