"""The value types a setting can have, each with its allowed range and unit.

A type turns what a person types (``6``, ``6 个月``, ``3.50 元``) into a checked value,
formats a value for display with its unit, and converts to and from the text stored
in the ``setting`` table. A value outside the range is refused with one sentence naming
the setting and the allowed range (``allowed_words``, marked for the windows' language),
before anything is stored.

Money is kept in fen (stored ``"300"``) and typed and shown in 元; a trailing 分
(``300分``) types fen explicitly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Any

from pharmacy_desk.core.amounts import parse_amount
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.sentences import Joined, QT_TRANSLATE_NOOP, Sentence, term

# The cleaning of typed text is loaded at the first value typed or shown, not with the
# declarations: the first window reads a setting before it has painted.
def _halfwidth(text: str) -> str:
    from pharmacy_desk.core.normalize import halfwidth

    return halfwidth(text)


def _yuan(fen: int) -> str:
    from pharmacy_desk.core.normalize import yuan

    return yuan(fen)


# ASCII digits only (``re.ASCII``; full-width ones are made ASCII first): ``\d`` alone matches every
# script's digits, which ``int`` and ``Decimal`` read too (٣ would be 3 元).
_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?\d+(?:\.\d+)?", re.ASCII)  # plain digits: refuses NaN, Infinity, sNaN and 1E3
_BLOCK_SEPARATORS = re.compile(r"[,，、;；]")


def _with_unit(number: object, unit: str | None) -> str:
    """``6 个月``, ``70%``, ``2 倍``: a percent sign sits on the number, other units after a space."""
    return str(_unit_words(number, unit))


def _unit_words(number: object, unit: str | None) -> Sentence | str:
    """``_with_unit`` as a sentence: the unit (a declared setting's, in the catalogue) is translated."""
    if not unit:
        return str(number)
    if unit == "%":
        return f"{number}%"
    return Sentence(QT_TRANSLATE_NOOP("core", "{number} {unit}"), number=number, unit=term(unit))


FROM_TO = QT_TRANSLATE_NOOP("core", "{minimum} 到 {maximum}")
YUAN = QT_TRANSLATE_NOOP("core", "{amount} 元")
RECEIVED = QT_TRANSLATE_NOOP("core", "收到：{value}")


def _received(value: object) -> Sentence:
    return Sentence(RECEIVED, value=value)


def _cleaned(text: object, unit: str | None) -> str:
    """Typed text without full-width forms, spaces or a trailing unit (``６个月`` → ``6``)."""
    cleaned = _halfwidth(str(text)).strip()
    for suffix in filter(None, (unit, "月" if unit == "个月" else None)):
        cleaned = cleaned.removesuffix(suffix).strip()
    return cleaned


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdecimal()


def _fen(text: object) -> int | None:
    """Typed money in fen: ``3``, ``3.5元``, ``¥3.50`` are yuan, ``300分`` is fen; None if it is not money."""
    cleaned = _halfwidth(str(text)).strip().replace("¥", "")
    if cleaned.endswith("分"):
        fen = cleaned.removesuffix("分").strip()
        return int(fen) if _ascii_digits(fen) else None
    try:
        return parse_amount(cleaned.removesuffix("元"))  # the till's parser: 。 is a point, other scripts' digits are not digits
    except InvalidInput:
        return None


class Worded:
    """A type that says in words which values it allows: ``allowed_words`` as a sentence for any
    language, ``describe`` as the Chinese text."""

    def allowed_words(self) -> Sentence:
        raise NotImplementedError

    def describe(self) -> str:
        return str(self.allowed_words())


class StoredAsDigits(Worded):
    """A whole number stored in the ``setting`` table as its digits."""

    def load(self, stored: str) -> int:
        return int(stored)

    def dump(self, value: int) -> str:
        return str(value)


class StoredAsIs(Worded):
    """Text stored in the ``setting`` table as it is."""

    def load(self, stored: str) -> str:
        return stored

    def dump(self, value: str) -> str:
        return value


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: ``Decimal("1.50")`` → ``1.5``, 10 → ``10``."""
    return f"{value.normalize():f}"


@dataclass(frozen=True)
class Int(StoredAsDigits):
    """A whole number from ``minimum`` to ``maximum`` (months, days, percent)."""

    minimum: int
    maximum: int
    unit: str | None
    name = "int"

    def allowed_words(self) -> Sentence:
        return Sentence(FROM_TO, minimum=self.minimum, maximum=_unit_words(self.maximum, self.unit))

    def _refuse(self, label: str, text: object, reason: Sentence | None = None) -> InvalidInput:
        return InvalidInput(QT_TRANSLATE_NOOP("core", "{label}应为 {allowed}之间的整数，{reason}。"),
                            label=term(label), allowed=self.allowed_words(), reason=reason or _received(text))

    def parse(self, text: str, label: str) -> int:
        cleaned = _cleaned(text, self.unit)
        if not _INTEGER.fullmatch(cleaned):
            raise self._refuse(label, text, Sentence(QT_TRANSLATE_NOOP("core", "“{text}”不是整数"), text=text))
        return self.check(int(cleaned), label)

    def check(self, value: Any, label: str) -> int:
        if type(value) is not int or not self.minimum <= value <= self.maximum:
            raise self._refuse(label, value)
        return value

    def format(self, value: int) -> str:
        return _with_unit(value, self.unit)


@dataclass(frozen=True)
class Money(StoredAsDigits):
    """An amount of money kept in fen, typed and shown in 元 (``300`` is stored for 3.00 元)."""

    minimum_fen: int
    maximum_fen: int
    unit = "元"
    name = "money"

    def allowed_words(self) -> Sentence:
        return Sentence(QT_TRANSLATE_NOOP("core", "{minimum} 到 {maximum} 元"), minimum=_yuan(self.minimum_fen),
                        maximum=_yuan(self.maximum_fen))

    def _refuse(self, label: str, reason: Sentence) -> InvalidInput:
        return InvalidInput(QT_TRANSLATE_NOOP("core", "{label}应为 {allowed}之间的金额，{reason}。"),
                            label=term(label), allowed=self.allowed_words(), reason=reason)

    def parse(self, text: str, label: str) -> int:
        fen = _fen(text)
        if fen is None:
            raise self._refuse(label, Sentence(QT_TRANSLATE_NOOP("core", "“{text}”不是金额（最多两位小数）"), text=text))
        return self.check(fen, label)

    def check(self, value: Any, label: str) -> int:
        if type(value) is not int or not self.minimum_fen <= value <= self.maximum_fen:
            shown = Sentence(YUAN, amount=_yuan(value)) if type(value) is int else value
            raise self._refuse(label, _received(shown))
        return value

    def format(self, value: int) -> str:
        return str(Sentence(YUAN, amount=_yuan(value)))


@dataclass(frozen=True)
class Multiplier(Worded):
    """A finite decimal from ``minimum`` to ``maximum`` with at most ``places`` decimals (倍数)."""

    minimum: Decimal
    maximum: Decimal
    unit: str | None
    places: int = 2
    name = "decimal"

    def allowed_words(self) -> Sentence:
        return Sentence(FROM_TO, minimum=_plain(self.minimum), maximum=_unit_words(_plain(self.maximum), self.unit))

    def _refuse(self, label: str, reason: Sentence) -> InvalidInput:
        return InvalidInput(QT_TRANSLATE_NOOP("core", "{label}应为 {allowed}之间、最多{places}位小数的数字，{reason}。"),
                            label=term(label), allowed=self.allowed_words(), places=self.places, reason=reason)

    def parse(self, text: str, label: str) -> Decimal:
        cleaned = _cleaned(text, self.unit)
        if not _DECIMAL.fullmatch(cleaned):
            raise self._refuse(label, Sentence(QT_TRANSLATE_NOOP("core", "“{text}”不是数字"), text=text))
        return self.check(Decimal(cleaned), label)

    def check(self, value: Any, label: str) -> Decimal:
        if type(value) is int:
            value = Decimal(value)
        if not isinstance(value, Decimal) or not value.is_finite():
            raise self._refuse(label, _received(value))
        exponent = value.normalize().as_tuple().exponent
        if not self.minimum <= value <= self.maximum or (isinstance(exponent, int) and -exponent > self.places):
            raise self._refuse(label, _received(value))
        return Decimal(_plain(value))

    def format(self, value: Decimal) -> str:
        return _with_unit(_plain(value), self.unit)

    def load(self, stored: str) -> Decimal:
        try:
            return Decimal(stored)
        except InvalidOperation:
            raise ValueError(stored) from None

    def dump(self, value: Decimal) -> str:
        return _plain(value)


YES_OR_NO = QT_TRANSLATE_NOOP("core", "{label}应为“是”或“否”，收到：{value}。")
_TRUE = {"1", "true", "yes", "on", "是", "开"}
_FALSE = {"0", "false", "no", "off", "否", "关"}


@dataclass(frozen=True)
class Bool(Worded):
    """是 or 否; stored as ``1`` / ``0``."""

    unit: str | None = None
    name = "bool"

    def allowed_words(self) -> Sentence:
        return Sentence(QT_TRANSLATE_NOOP("core", "“是”或“否”"))

    def parse(self, text: str, label: str) -> bool:
        cleaned = _halfwidth(str(text)).strip().lower()
        if cleaned not in _TRUE | _FALSE:
            raise InvalidInput(YES_OR_NO, label=term(label), value=text)
        return cleaned in _TRUE

    def check(self, value: Any, label: str) -> bool:
        if type(value) is not bool:
            raise InvalidInput(YES_OR_NO, label=term(label), value=value)
        return value

    def format(self, value: bool) -> str:
        return "是" if value else "否"

    def load(self, stored: str) -> bool:
        cleaned = stored.strip().lower()
        if cleaned not in _TRUE | _FALSE:
            raise ValueError(stored)
        return cleaned in _TRUE

    def dump(self, value: bool) -> str:
        return "1" if value else "0"


@dataclass(frozen=True)
class Text(StoredAsIs):
    """Text that matches ``pattern`` in full; ``allowed`` says in words what matches.

    Typed full-width forms are folded to ASCII (１３８ → 138) unless ``fold_width`` is off: a
    line printed for customers keeps its Chinese punctuation (谢谢惠顾，祝您健康！).
    """

    pattern: str
    allowed: str
    unit: str | None
    fold_width: bool = True
    name = "text"

    def describe(self) -> str:
        return self.allowed

    def allowed_words(self) -> Sentence:
        return term(self.allowed)

    def parse(self, text: str, label: str) -> str:
        typed = str(text)
        return self.check((_halfwidth(typed) if self.fold_width else typed).strip(), label)

    def check(self, value: Any, label: str) -> str:
        if not isinstance(value, str) or not re.fullmatch(self.pattern, value):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "core", "{label}应为 {allowed}，收到：{value}。"), label=term(label), allowed=term(self.allowed), value=value)
        return value

    def format(self, value: str) -> str:
        return _with_unit(value, self.unit)


@dataclass(frozen=True)
class Folder(Text):
    """A folder's path, taken as typed (a full-width （ in a folder's name is its name); empty
    means the program's data folder, shown in those words."""

    empty_means: str = "程序数据目录"
    name = "folder"

    def parse(self, text: str, label: str) -> str:
        cleaned = str(text).strip()
        return "" if cleaned in ("", self.empty_means) else self.check(cleaned, label)

    def format(self, value: str) -> str:
        return value or self.empty_means


@dataclass(frozen=True)
class Choice(StoredAsIs):
    """One of a fixed list of ``(value, 中文标签)``; typed as either, shown as the label."""

    choices: tuple[tuple[str, str], ...]
    unit: str | None
    name = "choice"

    def allowed_words(self) -> Sentence:
        return Joined([Sentence(QT_TRANSLATE_NOOP("core", "“{choice}”"), choice=term(label)) for _, label in self.choices])

    def parse(self, text: str, label: str) -> str:
        cleaned = _halfwidth(str(text)).strip()
        by_label = {shown: value for value, shown in self.choices}
        return self.check(by_label.get(cleaned, cleaned), label)

    def check(self, value: Any, label: str) -> str:
        if value not in {value for value, _ in self.choices}:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "core", "{label}应为{allowed}之一，收到：{value}。"), label=term(label), allowed=self.allowed_words(), value=value)
        return value

    def format(self, value: str) -> str:
        return dict(self.choices)[value]


Blocks = tuple[tuple[int, int], ...]
BLOCK = QT_TRANSLATE_NOOP("core", "{points}积分={amount}元")


@dataclass(frozen=True)
class RedeemBlocks(Worded):
    """积分抵现档位: ``((500, 2000), (1000, 4200))`` — points → fen, smallest block first.

    Typed and shown as ``500积分=20.00元, 1000积分=42.00元`` (``500=20`` will do); stored as
    ``500=2000,1000=4200`` in fen. Sizes are unique, and a bigger block is never worth less
    per point than a smaller one, so saving points up never loses the member money.
    """

    max_blocks: int
    max_points: int
    max_fen_per_point: int
    unit: str | None
    name = "redeem_blocks"

    def allowed_words(self) -> Sentence:
        return Sentence(QT_TRANSLATE_NOOP("core", "1 到 {blocks} 档，每档 1 到 {points} 积分、每积分最多抵 {amount} 元"),
                        blocks=self.max_blocks, points=self.max_points, amount=_yuan(self.max_fen_per_point))

    def parse(self, text: str, label: str) -> Blocks:
        blocks = []
        for part in _BLOCK_SEPARATORS.split(_halfwidth(str(text)).strip()):
            points, _, money = part.partition("=")
            points = points.strip().removesuffix("积分").removesuffix("分").strip()
            fen = _fen(money)
            if not _ascii_digits(points) or fen is None:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "core", "{label}格式应为“积分=元,积分=元”（如 500=20,1000=42），收到：{text}。"), label=term(label), text=text)
            blocks.append((int(points), fen))
        return self.check(tuple(blocks), label)

    def check(self, value: Any, label: str) -> Blocks:
        try:
            blocks = tuple(sorted((int(p), int(f)) for p, f in value))
        except (TypeError, ValueError):
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "{label}应为 {allowed}，{reason}。"), label=term(label),
                               allowed=self.allowed_words(), reason=_received(value)) from None
        refusal = self._problem(blocks)
        if refusal:
            raise InvalidInput(QT_TRANSLATE_NOOP("core", "{label}应为 {allowed}，{reason}。"), label=term(label),
                               allowed=self.allowed_words(), reason=refusal)
        return blocks

    def _problem(self, blocks: Blocks) -> Sentence | None:
        if not 1 <= len(blocks) <= self.max_blocks:
            return Sentence(QT_TRANSLATE_NOOP("core", "收到 %n 档"), n=len(blocks))
        for points, fen in blocks:
            if not 1 <= points <= self.max_points or not 1 <= fen <= points * self.max_fen_per_point:
                return _received(Sentence(BLOCK, points=points, amount=_yuan(fen)))
        for (small, small_fen), (big, big_fen) in pairwise(blocks):
            if small == big:
                return Sentence(QT_TRANSLATE_NOOP("core", "不能有两档都是 {points} 积分"), points=small)
            if big_fen * small < small_fen * big:
                return Sentence(QT_TRANSLATE_NOOP("core", "积分多的档每积分不能抵得更少：{big}低于{small}的比例"),
                                big=Sentence(BLOCK, points=big, amount=_yuan(big_fen)),
                                small=Sentence(BLOCK, points=small, amount=_yuan(small_fen)))
        return None

    def format(self, value: Blocks) -> str:
        return ", ".join(str(Sentence(BLOCK, points=points, amount=_yuan(fen))) for points, fen in value)

    def load(self, stored: str) -> Blocks:
        return tuple(sorted((int(p), int(f)) for p, f in (part.split("=") for part in stored.split(","))))

    def dump(self, value: Blocks) -> str:
        return ",".join(f"{points}={fen}" for points, fen in value)


SettingType = Int | Money | Multiplier | Bool | Text | Choice | RedeemBlocks
