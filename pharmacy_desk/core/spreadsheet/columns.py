"""Finding the header row of a legacy list and mapping its columns to member fields.

Lists start with a title (“XX大药房会员名单”), a date line or blank rows; the
header is the first row that names the name or the phone column and otherwise
looks like column names (no mobile numbers, no dates). Column names are compared
after dropping spaces, full-width forms, 必填 marks and bracketed hints, so
``真实姓名（必填）`` and ``姓 名`` are recognised; a hint that itself names a field
wins (``用户名（必须手机号）`` is the phone). An import template's English key row
above or below the Chinese one is read as one header. Columns whose name is
unknown, and every column of a list without a header, are guessed from their
values (``values.py``); every guess is shown and can be changed.

A 病史 column is kept apart (``member.health_to_confirm``), neither in the notes nor
in the health file: the health file needs the member's recorded consent (PIPL),
which a legacy list does not carry; the pharmacist asks the member and moves it
across when they consent.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field as dataclass_field

from pharmacy_desk.core.normalize import halfwidth
from pharmacy_desk.core.spreadsheet.values import infer_fields, looks_like_data
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP, Sentence

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
    "province": "省份（并入地址）",
    "city": "城市（并入地址）",
    "district": "区县（并入地址）",
    "id_number": "身份证号（补生日和性别）",
    "tier": "会员等级（按名称定等级）",
    "spend": "累计消费（定等级）",
    "notes": "备注",
    "history": "病史（待与会员确认）",
    "": "不导入",
}
REQUIRED = ("name", "phone")

ALIASES = {
    "card_no": ("会员卡号", "卡号", "会员卡", "会员号", "会员编号", "卡片号", "vip卡号", "会员卡编号", "卡编号",
                "cardno", "card", "cardnumber", "vipno", "vipcard", "memberno", "membercard", "memberid"),
    "name": ("姓名", "名字", "会员姓名", "顾客姓名", "客户姓名", "会员名称", "会员名", "联系人", "联系人姓名",
             "真实姓名", "实名", "客户名称", "顾客名称", "用户姓名", "持卡人", "持卡人姓名", "用户名", "客户",
             "name", "realname", "truename", "fullname", "username", "membername", "customername",
             "customer", "contact", "contactname"),
    "phone": ("手机", "手机号", "手机号码", "联系电话", "电话", "电话号码", "移动电话", "移动电话号码", "联系方式",
              "会员手机", "会员手机号", "手机电话", "联系手机", "联系人手机", "联系人电话", "客户手机", "客户电话",
              "手机号码1", "mobile", "phone", "tel", "cellphone", "mobilephone", "phonenumber", "telephone",
              "mobileno", "phoneno", "cell"),
    "gender": ("性别", "gender", "sex"),
    "birthday": ("生日", "出生日期", "出生年月日", "出生年月", "生日日期", "出生", "birthday", "birth", "birthdate",
                 "dob", "dateofbirth"),
    "points": ("积分", "当前积分", "剩余积分", "可用积分", "积分余额", "现有积分", "会员积分", "账户积分",
               "points", "point", "score", "integral", "credits", "bonus"),
    "joined_on": ("办卡日期", "入会时间", "开卡日期", "入会日期", "办卡时间", "开卡时间", "注册日期", "发卡日期",
                  "发卡时间", "注册时间", "登记日期", "登记时间", "建档日期", "创建时间", "加入日期",
                  "joindate", "joinedon", "registerdate", "regdate", "registertime", "createtime", "createdat",
                  "created"),
    "address": ("地址", "住址", "家庭住址", "联系地址", "小区", "详细地址", "通信地址", "通讯地址", "家庭地址",
                "居住地址", "收货地址", "街道地址", "address", "addr", "street"),
    "province": ("省", "省份", "所在省", "省/直辖市", "province", "state"),
    "city": ("市", "城市", "所在市", "地级市", "city"),
    "district": ("区", "区县", "县区", "区/县", "县", "所在区", "district", "county", "area"),
    "notes": ("备注", "说明", "备注信息", "备注说明", "remark", "remarks", "note", "notes", "memo",
              "comment", "comments"),
    "id_number": ("身份证", "身份证号", "身份证号码", "证件号", "证件号码", "身份证件号", "idcard", "idno", "idnumber",
                  "identity", "identitycard"),
    "tier": ("会员等级", "等级", "会员级别", "级别", "卡类型", "会员类型", "卡级别", "vip等级", "level", "grade",
             "tier", "memberlevel"),
    "spend": ("累计消费", "累计消费金额", "消费总额", "总消费", "累计金额", "消费金额合计", "累计消费额", "totalspend",
              "totalamount", "consumeamount", "lifetimespend"),
    "history": ("病史", "慢病", "慢性病", "既往病史", "疾病史", "慢病史", "健康状况", "history"),
}

# Words that mark a column as required or optional; they say nothing about what it holds.
_MARKS = re.compile(r"必填|必须填写|必须|选填|可选|required|optional|[*★☆※#]")
_BRACKETS = re.compile(r"\(([^)]*)\)|\[([^]]*)\]|【([^】]*)】|〔([^〕]*)〕|<([^>]*)>|《([^》]*)》")
_NOISE = re.compile(r"[\s:：_\-—.·/、]")


def _key(text: str) -> str:
    return _NOISE.sub("", _MARKS.sub("", text))


def _strip_brackets(text: str) -> tuple[str, list[str]]:
    hints = [next(group for group in match.groups() if group is not None) for match in _BRACKETS.finditer(text)]
    return _BRACKETS.sub("", text), hints


def header_key(text: object) -> str:
    """A column name reduced to what identifies it: ``手机号（必填）*`` → ``手机号``."""
    base, _ = _strip_brackets(halfwidth(str(text or "")).lower())
    return _key(base)


_LOOKUP = {_key(alias.lower()): target for target, aliases in ALIASES.items() for alias in aliases}
# A name not in the vocabulary still says what it is by a word it contains: 会员手机号码, 客户地址.
_CONTAINS = (("身份证", "id_number"), ("手机", "phone"), ("电话", "phone"), ("姓名", "name"), ("卡号", "card_no"),
             ("生日", "birthday"), ("出生", "birthday"), ("积分", "points"), ("地址", "address"),
             ("备注", "notes"), ("病史", "history"), ("性别", "gender"), ("mobile", "phone"))


def may_be_header(text: str, key: str) -> bool:
    """A quick ``header_key(text) == key`` that is False for almost every data cell.

    ``header_key`` only deletes characters after widening and lower-casing, so a cell
    whose widened text lacks the key's first character can never reduce to the key.
    """
    return key[:1] in halfwidth(text).lower() and header_key(text) == key


def guess_field(text: object) -> str:
    """The field a column name names, or ``""``."""
    base, hints = _strip_brackets(halfwidth(str(text or "")).lower())
    for hint in hints:  # 用户名（必须手机号）: the hint says what the column must hold
        found = _LOOKUP.get(_key(hint))
        if found:
            return found
    key = _key(base)
    if key in _LOOKUP:
        return _LOOKUP[key]
    if len(key) > 2:
        for word, target in _CONTAINS:
            if word in key:
                return target
    return ""


@dataclass
class Layout:
    """Where a sheet's header is and which column feeds which field.

    ``header_row`` is the 0-based index of the (last) header row; the data starts
    below it. A sheet without a header has ``header_row`` just above its first data
    row and empty ``headers``. ``inferred`` are the columns guessed from their values.
    """

    header_row: int
    headers: list[str]
    mapping: dict[int, str]  # column index → field
    inferred: set[int] = dataclass_field(default_factory=set)

    @property
    def signature(self) -> str:
        """Identifies a layout across files, to remember the user's corrections."""
        joined = "|".join(header_key(text) for text in self.headers)
        return hashlib.sha1(joined.encode()).hexdigest()[:16]

    def column_of(self, field: str) -> int | None:
        return next((column for column, target in self.mapping.items() if target == field), None)

    @property
    def missing(self) -> list[str]:
        """The required fields no column feeds."""
        return [target for target in REQUIRED if target not in self.mapping.values()]

    def column_title(self, column: int) -> Sentence | str:
        """The column's header, or its letter when it has none (第B列)."""
        header = self.headers[column] if column < len(self.headers) else ""
        return header or Sentence(QT_TRANSLATE_NOOP("core", "第{letters}列"), letters=column_letters(column))


def column_letters(column: int) -> str:
    """0 → ``A``, 26 → ``AA``: columns as the spreadsheet labels them."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


HEADER_SCAN_ROWS = 30
INFER_SAMPLE_ROWS = 200


def _fields_of(row: Sequence[object]) -> list[str]:
    return [guess_field(cell) if isinstance(cell, str) else "" for cell in row]


def _header_like(row: Sequence[object]) -> bool:
    """Column names: at least two texts and nothing that looks like a member's data."""
    texts = [cell for cell in row if cell not in (None, "")]
    return len(texts) >= 2 and all(isinstance(cell, str) and not looks_like_data(cell) for cell in texts)


def _header_score(row: Sequence[object]) -> tuple[int, list[str]]:
    """2: surely a header; 1: a header if nothing better; 0: not a header."""
    fields = _fields_of(row)
    known = {target for target in fields if target}
    if not known & set(REQUIRED):
        return 0, fields
    if len(known) >= 2 and _header_like(row):
        return 2, fields
    return (1 if _header_like(row) else 0), fields


def find_layout(rows: Sequence[Sequence[object]]) -> Layout | None:
    """The header row and the guessed mapping; None when neither names nor values tell."""
    best: tuple[int, list[str]] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score, fields = _header_score(row)
        if score == 2:
            best = (index, fields)
            break
        if score == 1 and best is None:
            best = (index, fields)
    if best is None:
        return _headerless_layout(rows)
    index, fields = best
    headers = [str(cell or "").strip() for cell in rows[index]]
    below = rows[index + 1] if index + 1 < len(rows) else []
    below_fields = _fields_of(below)
    if _header_like(below) and sum(1 for target in below_fields if target) >= 2:
        # Two header rows (an English key row and the Chinese names): one header, the lower row's
        # names where it has them.
        fields = [b or a for a, b in zip_longest(fields, below_fields)]
        headers = [str(b or "").strip() or a for a, b in zip_longest(headers, list(below))]
        index += 1
    layout = Layout(index, headers, _first_wins(fields))
    _infer_unnamed(layout, rows)
    return layout


def zip_longest(first: Sequence, second: Sequence) -> list[tuple]:
    width = max(len(first), len(second))
    return [(first[i] if i < len(first) else "", second[i] if i < len(second) else "") for i in range(width)]


def _infer_unnamed(layout: Layout, rows: Sequence[Sequence[object]]) -> None:
    """Columns without a known name get the field their values suggest, if it is still free."""
    known = {column for column, header in enumerate(layout.headers) if guess_field(header)}
    sample = rows[layout.header_row + 1:layout.header_row + 1 + INFER_SAMPLE_ROWS]
    guesses = infer_fields(sample, skip=known | set(layout.mapping),
                           taken=set(layout.mapping.values()))
    layout.mapping.update(guesses)
    layout.inferred |= set(guesses)


def _headerless_layout(rows: Sequence[Sequence[object]]) -> Layout | None:
    """A list without a header: the columns guessed from their values, data from the first member row."""
    sample = rows[:INFER_SAMPLE_ROWS]
    guesses = infer_fields(sample, skip=set(), taken=set())
    if "phone" not in guesses.values():
        return None  # a column of short names alone is not a member list
    first = _first_data_row(rows, guesses)
    return Layout(first - 1, [], dict(sorted(guesses.items())), set(guesses))


def _first_data_row(rows: Sequence[Sequence[object]], guesses: dict[int, str]) -> int:
    """Titles and blank lines above the first member row are not data."""
    columns = list(guesses)
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        filled = sum(1 for column in columns if column < len(row) and row[column] not in (None, ""))
        if filled >= min(2, len(columns)):
            return index
    return 0


def layout_at(rows: Sequence[Sequence[object]], header_row: int) -> Layout:
    """The layout when the owner says which row is the header (0-based; -1: no header)."""
    if header_row < 0:
        guesses = infer_fields(rows[:INFER_SAMPLE_ROWS], skip=set(), taken=set())
        return Layout(_first_data_row(rows, guesses) - 1 if guesses else -1, [], guesses, set(guesses))
    row = rows[header_row] if header_row < len(rows) else []
    layout = Layout(header_row, [str(cell or "").strip() for cell in row], _first_wins(_fields_of(row)))
    _infer_unnamed(layout, rows)
    return layout


def _first_wins(fields: Sequence[str]) -> dict[int, str]:
    """Each field from one column only: a second 电话 column is left out, not merged."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for column, target in enumerate(fields):
        if target and target not in taken:
            mapping[column] = target
            taken.add(target)
    return mapping
