"""Amounts typed at the till: one parser, and the checks on a sale's size.

A cashier types yuan with ASCII or full-width digits (``１２``) and ``.`` or ``。``
as the decimal point; nothing else is an amount. ``12,5`` is refused rather than read
as 125 元, and digits of other scripts (Arabic-Indic U+0660–U+0669, which Python's ``int``
accepts) are refused too, so what is recorded is always what the cashier saw typed.
"""

from __future__ import annotations

import re

from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP

# ASCII and full-width digits only: ``\d`` would match every script's digits.
_AMOUNT = re.compile(r"([0-9０-９]+)(?:[.。．]([0-9０-９]{1,2}))?")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# The characters an amount is typed with (a key that can begin or go on an amount).
AMOUNT_CHARACTERS = frozenset("0123456789０１２３４５６７８９.。．")
# No till amount has more than 9 digits of yuan (the sale ceiling is far below); longer
# input is a scan or a key held down, and would overflow SQLite's 64-bit integers if kept.
MAX_WHOLE_DIGITS = 9


def parse_amount(text: str) -> int:
    """A typed amount in yuan to fen, exactly: ``12.5`` → 1250, ``１２。０５`` → 1205.

    Refused, with a sentence quoting what was typed: separators (``12,5``), signs,
    currency marks, letters, other scripts' digits, more than two decimals.
    """
    raw = str(text)
    match = _AMOUNT.fullmatch(raw.strip())
    if match is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "金额“{typed}”无法识别：只能输入数字和小数点，最多两位小数。"), typed=raw.strip())
    whole, frac = match.group(1).translate(_FULLWIDTH), (match.group(2) or "").translate(_FULLWIDTH)
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise InvalidInput(QT_TRANSLATE_NOOP("core", "金额“{typed}”位数太多，请核对后重新输入。"), typed=raw.strip())
    return int(whole) * 100 + int((frac + "00")[:2])
