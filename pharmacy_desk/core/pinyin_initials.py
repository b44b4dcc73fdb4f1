"""Pinyin initials of a name without loading pypinyin's dictionaries (0.6 s and ~40 MB a process).

pypinyin reads a name by cutting it into the longest words of its phrase dictionary
and reading every other character alone. A word's reading differs from its
characters' own readings only for a few thousand words (一朝, 银行, 长城 …), so a name
that contains none of them reads, initial by initial, exactly as its characters do.
``pinyin_table.txt`` (package data: the pypinyin version, then the initials of U+4E00
onwards, ``?`` for none, then the words separated by spaces) holds, built from pypinyin itself (``build_table``, written by
``build_spec/make_pinyin_table.py``), the initial of every character of the CJK
Unified Ideographs block and those few thousand words; a name holding anything
else (another script, a character pypinyin leaves as it is, one of those words)
is read by pypinyin as before. ``tests/test_pinyin_initials.py`` builds the table
again from the installed pypinyin and compares, so an upgrade cannot drift unseen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

FIRST_CJK = 0x4E00
LAST_CJK = 0x9FFF
UNKNOWN = "?"  # in the table: a character pypinyin gives no letter for


_CJK_ONLY = re.compile(f"[{chr(FIRST_CJK)}-{chr(LAST_CJK)}]+")


TABLE = resources.files("pharmacy_desk.core").joinpath("pinyin_table.txt")


def read_table() -> tuple[str, str, list[str]]:
    """What ``pinyin_table.txt`` holds: the pypinyin version it was built from, the initials, the words."""
    version, initials, words = TABLE.read_text(encoding="utf-8").split("\n")[:3]
    return version.removeprefix("pypinyin "), initials, words.split()


@cache
def _table() -> tuple[dict[int, str], frozenset[str], frozenset[str], int]:
    _, initials, read_as_words = read_table()
    words = frozenset(read_as_words)
    letters = {FIRST_CJK + at: letter for at, letter in enumerate(initials)}  # for ``str.translate``
    return letters, words, frozenset(word[:2] for word in words), max(map(len, words), default=0)


def table_initials(name: str) -> str | None:
    """The letters pypinyin's first-letter reading gives ``name`` (before any surname rule); None when
    only pypinyin can tell (a character outside the table, or a word read differently)."""
    return table_initials_of((name,))[name]


def table_initials_of(names: Iterable[str]) -> dict[str, str | None]:
    """``table_initials`` of each of ``names``, in one pass (an import reads tens of thousands of names)."""
    letters, words, openings, longest = _table()
    cjk_only = _CJK_ONLY.fullmatch
    found: dict[str, str | None] = {}
    for name in names:
        if name in found:
            continue
        if name.isascii():
            found[name] = "".join(ch for ch in name.lower() if ch.isalnum())
            continue
        initials = name.translate(letters) if cjk_only(name) else UNKNOWN
        if UNKNOWN in initials:
            found[name] = None
            continue
        for start in range(len(name) - 1):
            if name[start:start + 2] in openings and any(
                    name[start:end] in words for end in range(start + 2, min(len(name), start + longest) + 1)):
                found[name] = None
                break
        else:
            found[name] = initials
    return found


def pypinyin_initials(text: str) -> str:
    """pypinyin's first letters of ``text``, lower-case, letters and digits only."""
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    return "".join(ch.lower() for part in letters for ch in part if ch.isalnum())


def build_table() -> tuple[str, list[str]]:
    """(the initial of every character of the block, the words read otherwise than their characters),
    from the installed pypinyin."""
    from pypinyin.constants import PHRASES_DICT

    initials = []
    for point in range(FIRST_CJK, LAST_CJK + 1):
        letter = pypinyin_initials(chr(point))
        initials.append(letter if len(letter) == 1 and letter.isascii() else UNKNOWN)
    table = "".join(initials)

    def by_character(word: str) -> str | None:
        at = [ord(ch) - FIRST_CJK for ch in word]
        if any(not 0 <= i <= LAST_CJK - FIRST_CJK or table[i] == UNKNOWN for i in at):
            return None  # such a name goes to pypinyin anyway
        return "".join(table[i] for i in at)

    words = sorted(word for word in PHRASES_DICT
                   if (plain := by_character(word)) is not None and pypinyin_initials(word) != plain)
    return table, words
