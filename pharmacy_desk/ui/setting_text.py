"""A declared setting as the windows show it, in their language: its label, help, value and range.

The core formats a setting's value and range in Chinese (``3 个月``, ``1 到 60 个月``), which is
what the command line prints and what a refusal says. A window shows the same words through
Qt's translation: the declaration's label, help, group and unit in the context ``core``, the
few words that join them (``到``, ``元``, ``是``) in ``SettingValues``. In Chinese every text
here is the core's own, character for character (``tests/test_setting_text.py``), and what a
person types in English (``3 months``, ``¥3.00``) is read back into the core's form before
the declaration checks it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pharmacy_desk.core.normalize import yuan
from pharmacy_desk.core.setting_declarations import Declaration
from pharmacy_desk.core.setting_types import Bool, Choice, Folder, Int, Money, Multiplier, RedeemBlocks, Text
from pharmacy_desk.ui import units
from pharmacy_desk.ui.i18n import core

CONTEXT = "SettingValues"


YUAN = QT_TRANSLATE_NOOP("SettingValues", "{amount} 元")
YES, NO = QT_TRANSLATE_NOOP("SettingValues", "是"), QT_TRANSLATE_NOOP("SettingValues", "否")
BLOCK = QT_TRANSLATE_NOOP("SettingValues", "{points}积分={amount}元")
POINTS = QT_TRANSLATE_NOOP("SettingValues", "积分")
FROM_TO = QT_TRANSLATE_NOOP("SettingValues", "{minimum} 到 {maximum}")
MONEY_FROM_TO = QT_TRANSLATE_NOOP("SettingValues", "{minimum} 到 {maximum} 元")
YES_OR_NO = QT_TRANSLATE_NOOP("SettingValues", "“是”或“否”")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("SettingValues", "、")
QUOTED = QT_TRANSLATE_NOOP("SettingValues", "“{choice}”")
BLOCKS_ALLOWED = QT_TRANSLATE_NOOP("SettingValues", "1 到 {blocks} 档，每档 1 到 {points} 积分、每积分最多抵 {amount} 元")
ALLOWED = QT_TRANSLATE_NOOP("SettingValues", "可填：{allowed}")
WITH_UNIT = QT_TRANSLATE_NOOP("SettingValues", "{text}（{unit}）")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label(declaration: Declaration) -> str:
    return core(declaration.label)


def help_text(declaration: Declaration) -> str:
    return core(declaration.help)


def group(name: str) -> str:
    return core(name)


def _with_unit(number: object, unit: str | None) -> str:
    """``6 个月`` / ``6 months``, ``1 month``, ``70%``: as ``setting_types._with_unit``, with the unit
    translated in the number's form."""
    if not unit:
        return str(number)
    if unit == "%":
        return f"{number}{unit}"
    template = units.OF_UNIT.get(unit)
    if template is None:
        return f"{number} {core(unit)}"
    whole = number if isinstance(number, int) else int(str(number)) if str(number).isdigit() else None
    return units.counted(template, whole) if whole is not None else f"{number}{units.unit_of(template, 2)}"


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _money(fen: int) -> str:
    return _tr(YUAN).format(amount=yuan(fen))


def _yes_no(value: bool) -> str:
    return _tr(YES) if value else _tr(NO)


def shown_value(declaration: Declaration, value: Any) -> str:
    """The value with its unit, as ``Declaration.format`` writes it, in the windows' language."""
    kind = declaration.type
    if isinstance(kind, (Int, Multiplier)):
        return _with_unit(_plain(value) if isinstance(kind, Multiplier) else value, kind.unit)
    if isinstance(kind, Money):
        return _money(value)
    if isinstance(kind, Bool):
        return _yes_no(value)
    if isinstance(kind, Folder):
        return value or core(kind.empty_means)
    if isinstance(kind, Choice):
        return core(dict(kind.choices)[value])
    if isinstance(kind, RedeemBlocks):
        return ", ".join(_tr(BLOCK).format(points=points, amount=yuan(fen)) for points, fen in value)
    return declaration.format(value)


def allowed(declaration: Declaration) -> str:
    """The allowed values, as ``Declaration.describe`` writes them, in the windows' language."""
    kind = declaration.type
    if isinstance(kind, Int):
        return _tr(FROM_TO).format(minimum=kind.minimum, maximum=_with_unit(kind.maximum, kind.unit))
    if isinstance(kind, Multiplier):
        return _tr(FROM_TO).format(minimum=_plain(kind.minimum),
                                                    maximum=_with_unit(_plain(kind.maximum), kind.unit))
    if isinstance(kind, Money):
        return _tr(MONEY_FROM_TO).format(minimum=yuan(kind.minimum_fen), maximum=yuan(kind.maximum_fen))
    if isinstance(kind, Bool):
        return _tr(YES_OR_NO)
    if isinstance(kind, Choice):
        return _tr(LIST_SEPARATOR).join(_tr(QUOTED).format(choice=core(shown)) for _value, shown in kind.choices)
    if isinstance(kind, RedeemBlocks):
        return _tr(BLOCKS_ALLOWED).format(
            blocks=kind.max_blocks, points=kind.max_points, amount=yuan(kind.max_fen_per_point))
    if isinstance(kind, Text):
        return core(kind.allowed)
    return declaration.describe()


def range_text(declaration: Declaration) -> str:
    """可填：… beside a field, with the unit when the range does not already name it."""
    text = _tr(ALLOWED).format(allowed=allowed(declaration))
    unit = declaration.unit
    if not unit or unit in declaration.describe():
        return text
    return _tr(WITH_UNIT).format(text=text, unit=core(unit))


def _without_suffix(text: str, suffix: str) -> str:
    cleaned = text.strip()
    if suffix and cleaned.lower().endswith(suffix.lower()):
        return cleaned[:-len(suffix)].strip()
    return cleaned


def typed_value(declaration: Declaration, text: str) -> Any:
    """What a person typed in the windows' language (``6 months``, ``¥3.00``) → the checked value.

    The words this module shows are taken off first; the rest is the declaration's own ``parse``,
    which also reads the Chinese forms, so either language's text is understood.
    """
    kind = declaration.type
    if isinstance(kind, (Int, Multiplier)) and kind.unit and core(kind.unit) != kind.unit:
        for unit in units.forms(units.OF_UNIT[kind.unit]) if kind.unit in units.OF_UNIT else [core(kind.unit)]:
            if text.strip().lower().endswith(unit.lower()):
                text = _without_suffix(text, unit)
                break
    elif isinstance(kind, Money):
        before, _, after = _tr(YUAN).partition("{amount}")
        text = _without_suffix(text, after.strip()).removeprefix(before.strip())
    elif isinstance(kind, Folder) and text.strip() == core(kind.empty_means):
        text = ""
    elif isinstance(kind, Choice):
        text = next((value for value, shown in kind.choices if text.strip() == core(shown)), text)
    elif isinstance(kind, RedeemBlocks) and _tr(POINTS) != "积分":
        text = re.sub(rf"\s*{re.escape(_tr(POINTS))}\s*", "", text, flags=re.IGNORECASE)
    return declaration.parse(text)

