"""Finding the header row of a legacy list and mapping its columns to member fields.

Lists start with a title (“XX大药房会员名单”), a date line or blank rows; the
header is the first row in which at least two cells name a known field. Column
names are compared after dropping spaces, full-width forms, asterisks and
parenthesised hints, so ``手机号（必填）`` and ``姓 名`` are recognised.

A 病史 column goes into the member's notes (as ``病史：…``), not the health file:
the health file needs the member's recorded consent (PIPL), which a legacy list
does not carry; staff move it across when the member consents at the counter.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pharmacy_desk.core.normalize import halfwidth

# Target fields, in the order the mapping screen lists them; "" means “do not import”.
FIELDS = {
    "card_no": "会员卡号",
    "name": "姓名",
    "phone": "手机号",
    "gender": "性别",
    "birthday": "生日",
    "points": "积分",
    "joined_on": "办卡日期",
    "address": "地址",
    "notes": "备注",
    "history": "病史（写入备注）",
    "": "不导入",
}

ALIASES = {
    "card_no": ("会员卡号", "卡号", "会员卡", "会员号", "会员编号", "卡片号", "vip卡号"),
    "name": ("姓名", "名字", "会员姓名", "顾客姓名", "客户姓名", "会员名称", "会员名", "name"),
    "phone": ("手机", "手机号", "手机号码", "联系电话", "电话", "电话号码", "移动电话", "联系方式",
              "会员手机", "mobile", "phone", "tel"),
    "gender": ("性别", "gender", "sex"),
    "birthday": ("生日", "出生日期", "出生年月日", "出生年月", "生日日期", "birthday"),
    "points": ("积分", "当前积分", "剩余积分", "可用积分", "积分余额", "现有积分", "points"),
    "joined_on": ("办卡日期", "入会时间", "开卡日期", "入会日期", "办卡时间", "开卡时间", "注册日期",
                  "注册时间", "登记日期"),
    "address": ("地址", "住址", "家庭住址", "联系地址", "小区"),
    "notes": ("备注", "说明", "备注信息"),
    "history": ("病史", "慢病", "慢性病", "既往病史", "疾病史"),
}
_LOOKUP = {alias: field for field, aliases in ALIASES.items() for alias in aliases}

HEADER_SCAN_ROWS = 30


_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]")
_HEADER_NOISE = re.compile(r"[\s*:：_\-]")


def header_key(text: object) -> str:
    """A column name reduced to what identifies it: ``手机号（必填）*`` → ``手机号``."""
    return _HEADER_NOISE.sub("", _BRACKETED.sub("", halfwidth(str(text or "")).lower()))


def may_be_header(text: str, key: str) -> bool:
    """A quick ``header_key(text) == key`` that is False for almost every data cell.

    ``header_key`` only deletes characters after widening and lower-casing, so a cell
    whose widened text lacks the key's first character can never reduce to the key.
    """
    return key[:1] in halfwidth(text).lower() and header_key(text) == key


def guess_field(text: object) -> str:
    return _LOOKUP.get(header_key(text), "")


@dataclass
class Layout:
    """Where a sheet's header is and which column feeds which field."""

    header_row: int  # 0-based index into the sheet's rows
    headers: list[str]
    mapping: dict[int, str]  # column index → field

    @property
    def signature(self) -> str:
        """Identifies a layout across files, to remember the user's corrections."""
        joined = "|".join(header_key(text) for text in self.headers)
        return hashlib.sha1(joined.encode()).hexdigest()[:16]

    def column_of(self, field: str) -> int | None:
        return next((column for column, target in self.mapping.items() if target == field), None)


def find_layout(rows: Sequence[Sequence[object]]) -> Layout | None:
    """The header row and the guessed mapping; None when no row looks like a header."""
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = [guess_field(cell) if isinstance(cell, str) else "" for cell in row]
        known = {field for field in fields if field}
        if len(known) >= 2 and known & {"phone", "name"}:
            return Layout(index, [str(cell or "").strip() for cell in row], _first_wins(fields))
    return None


def _first_wins(fields: list[str]) -> dict[int, str]:
    """Each field from one column only: a second 电话 column is left out, not merged."""
    mapping, taken = {}, set()
    for column, field in enumerate(fields):
        if field and field not in taken:
            mapping[column] = field
            taken.add(field)
    return mapping
