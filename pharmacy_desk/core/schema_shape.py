"""The normalised shape of a SQLite schema, so two databases can be compared.

A database migrated from an old version must end up with the schema a new database
gets. "The same" here means: the same tables with the same column declarations and
table constraints, the same ``table_info`` and foreign keys, the same indexes (unique or
not, partial or not, their columns or expressions, order and collation), the same
triggers and views. Whitespace, identifier quoting and letter case of SQL words do not
count, and neither does the order of a table's columns, because ``ALTER TABLE … ADD
COLUMN`` appends where a new table declares them in the model's order. A CHECK, a
DEFAULT, a type, NOT NULL or a trigger body does count.

SQLite only: the shape is read from ``sqlite_master`` and the ``PRAGMA`` table functions.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

Shape = dict[tuple[str, ...], Any]

_TOKEN = re.compile(r"""
      (?P<space>\s+)
    | (?P<comment>--[^\n]*|/\*.*?\*/)
    | (?P<string>'(?:[^']|'')*')
    | (?P<quoted>"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\])
    | (?P<word>[\w$]+)
    | (?P<operator><>|<=|>=|!=|==|\|\||<<|>>|.)
""", re.VERBOSE | re.DOTALL)

_TABLE_CONSTRAINT_WORDS = {"constraint", "primary", "unique", "check", "foreign"}


def _tokens(sql: str) -> list[tuple[str, str]]:
    """(kind, text) of each token: identifiers unquoted and lower-case, string literals kept
    exactly, comments and whitespace dropped, ``IF NOT EXISTS`` left out."""
    tokens: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(sql):
        kind, text = match.lastgroup or "", match.group()
        if kind in ("space", "comment"):
            continue
        if kind == "quoted":
            quote = text[0]
            text = text[1:-1] if quote == "[" else text[1:-1].replace(quote * 2, quote)
        tokens.append((kind, text if kind == "string" else text.lower()))
    words = [text if kind == "word" else None for kind, text in tokens]
    for i in range(len(words) - 2):
        if words[i:i + 3] == ["if", "not", "exists"]:
            del tokens[i:i + 3]
            break
    return tokens


def sql_tokens(sql: str) -> list[str]:
    """``sql`` as comparable tokens (see ``_tokens``); empty for nothing but comments."""
    return [text for _kind, text in _tokens(sql)]


def normalise_sql(sql: str | None) -> str | None:
    return None if sql is None else " ".join(sql_tokens(sql))


def _split_top_level(tokens: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Split a parenthesised list's tokens at the commas that are not inside parentheses."""
    items: list[list[tuple[str, str]]] = [[]]
    depth = 0
    for token in tokens:
        if token == ("operator", ",") and depth == 0:
            items.append([])
            continue
        depth += {"(": 1, ")": -1}.get(token[1], 0) if token[0] == "operator" else 0
        items[-1].append(token)
    return [item for item in items if item]


def _joined(tokens: list[tuple[str, str]]) -> str:
    return " ".join(text for _kind, text in tokens)


def _table_parts(name: str, sql: str) -> Shape:
    """Each column declaration of a CREATE TABLE, its table constraints and what follows the list."""
    tokens = _tokens(sql)
    texts = [text if kind in ("word", "operator") else None for kind, text in tokens]
    if texts[:2] != ["create", "table"] or "(" not in texts or "as" in texts[:texts.index("(")]:
        return {("table", name, "sql"): _joined(tokens)}  # a virtual table or CREATE … AS: compared whole
    start = texts.index("(")
    depth = 0
    for end in range(start, len(tokens)):
        depth += {"(": 1, ")": -1}.get(texts[end] or "", 0)
        if depth == 0:
            break
    parts: Shape = {("table", name, "options"): _joined(tokens[end + 1:])}
    constraints = []
    for item in _split_top_level(tokens[start + 1:end]):
        if item[0][0] == "word" and item[0][1] in _TABLE_CONSTRAINT_WORDS:
            constraints.append(_joined(item))
        else:
            parts[("table", name, "column", item[0][1])] = _joined(item)
    parts[("table", name, "constraints")] = tuple(sorted(constraints))
    return parts


def _pragma(connection: sqlite3.Connection, pragma: str, argument: str) -> list[tuple]:
    return connection.execute(f"SELECT * FROM pragma_{pragma}(?)", (argument,)).fetchall()


def _table_shape(connection: sqlite3.Connection, name: str, sql: str) -> Shape:
    shape = _table_parts(name, sql)
    column_names = {}
    for cid, column, type_, notnull, default, pk, hidden in _pragma(connection, "table_xinfo", name):
        column_names[cid] = column
        shape[("table_info", name, column)] = (type_.upper(), notnull, normalise_sql(default), pk, hidden)
    keys: dict[int, list[tuple]] = {}
    for key_id, _seq, parent, child_column, parent_column, on_update, on_delete, match in _pragma(
            connection, "foreign_key_list", name):
        keys.setdefault(key_id, []).append((parent.lower(), child_column, parent_column, on_update, on_delete, match))
    shape[("foreign_keys", name)] = tuple(sorted((tuple(columns) for columns in keys.values()), key=repr))
    for _seq, index, unique, origin, partial in _pragma(connection, "index_list", name):
        shape[("index", index)] = (name, unique, origin, partial)
        # Column numbers follow the table's column order, which ALTER TABLE does not keep:
        # an index is compared by the names of its columns (-1 the rowid, -2 an expression).
        shape[("index_columns", index)] = tuple(
            (seqno, {-1: "<rowid>", -2: "<expression>"}.get(cid, column_names.get(cid)), desc, collation, key)
            for seqno, cid, _column, desc, collation, key in _pragma(connection, "index_xinfo", index))
    return shape


def schema_shape(connection: sqlite3.Connection) -> Shape:
    """Everything about the schema of ``connection``'s main database that a migration must reproduce."""
    shape: Shape = {}
    rows = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'").fetchall()
    for type_, name, table, sql in rows:
        if type_ == "table":
            shape.update(_table_shape(connection, name, sql))
        elif type_ == "index":
            shape[("index_sql", name)] = (table.lower(), normalise_sql(sql))  # None for a UNIQUE/PRIMARY KEY index
        else:  # trigger or view
            shape[(type_, name)] = (table.lower(), normalise_sql(sql))
    return shape


def schema_differences(actual: Shape, expected: Shape) -> list[str]:
    """One line per difference between two shapes; empty when the schemas agree."""
    lines = []
    for key in sorted(actual.keys() | expected.keys()):
        if key not in expected:
            lines.append(f"{' '.join(key)}: unexpected {actual[key]!r}")
        elif key not in actual:
            lines.append(f"{' '.join(key)}: missing, expected {expected[key]!r}")
        elif actual[key] != expected[key]:
            lines.append(f"{' '.join(key)}: {actual[key]!r}, expected {expected[key]!r}")
    return lines


_SNAPSHOT_ORDER = {"table": 0, "index": 1, "trigger": 2, "view": 3}


def snapshot_text(connection: sqlite3.Connection) -> str:
    """The schema as ``schema_sql/vN.sql`` keeps it: tables, indexes, triggers and views, each by name."""
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").fetchall()
    rows.sort(key=lambda row: (_SNAPSHOT_ORDER[row[0]], row[1]))
    return "".join(f"{sql};\n" for _type, _name, sql in rows)
