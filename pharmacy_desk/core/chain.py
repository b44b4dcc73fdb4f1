"""防篡改链: each points-ledger row and each operation (audit) row carries a hash of itself
chained to the row before it.

A row's hash is SHA-256 over the previous row's hash, a newline and the row's canonical
text: its chained columns in the order of ``CHAINED``, each written as SQLite's
``quote()`` writes it (``NULL``, ``42``, ``'text with '' doubled'``), joined by commas.
The first row of a table chains to the empty string. The same text can be built in SQL
(the v6 migration does, to hash the rows it found), so the format never changes: a new
column of these tables is not part of the chain.

The hash is computed here, in the write transaction of the insert, from the values
being inserted; the previous hash is the newest row's, read by rowid. The triggers refuse
UPDATE and DELETE; the chain catches what bypasses them. Editing a row outside the app
breaks the hash of that row; recomputing the whole chain afterwards gives a new
``head()``, which no longer matches the head recorded with an earlier backup or
day-end report (``head_mismatch``). ``check`` hashes only the rows after the newest
checkpoint, ``check --full`` every row (``core/chain_checkpoint.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from pharmacy_desk.core.db import database

# table -> its chained columns, each with its storage class ("int" or "text").
CHAINED: dict[str, tuple[tuple[str, str], ...]] = {
    "ledger_entry": (
        ("id", "int"), ("member_id", "int"), ("kind", "text"), ("points", "int"), ("created_at", "text"),
        ("expires_on", "text"), ("key", "text"), ("operation_id", "int"), ("staff_id", "int"),
        ("reason", "text"), ("sale_id", "int"), ("sale_return_id", "int"), ("redemption_id", "int"),
        ("corrects_id", "int"),
    ),
    "operation": (
        ("id", "int"), ("key", "text"), ("kind", "text"), ("staff_id", "int"), ("created_at", "text"),
        ("subject", "text"), ("detail", "text"),
    ),
}

TABLE_LABELS = {"ledger_entry": "积分流水", "operation": "操作日志"}

GENESIS = ""


def stored(value: object, storage: str) -> int | str | None:
    """``value`` as SQLite stores it in a column of that storage class."""
    kind = type(value)
    if value is None or (kind is int and storage == "int") or (kind is str and storage == "text"):
        return value  # type: ignore[return-value]  # the common case, checked by type
    if storage == "int":
        return int(getattr(value, "id", value))  # type: ignore[call-overload]  # a model instance or an id
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _quote_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _unquotable(value: object) -> str:
    # A real or a blob where the chain only ever stored integers, text and NULL: a text
    # no row of the chain can have, so the hash of a row holding one never matches.
    return f"?{value!r}"


# Each stored value's quoting, by its Python type: one dictionary look-up a value, which is
# what keeps verifying millions of rows cheap.
_QUOTES: dict[type, Callable[[Any], str]] = {int: str, str: _quote_text, type(None): lambda value: "NULL"}


def quote(value: int | str | None) -> str:
    """What SQLite's ``quote()`` makes of a stored integer, text or NULL."""
    return _QUOTES.get(type(value), _unquotable)(value)


def canonical(values: Sequence[int | str | None]) -> str:
    quotes = _QUOTES
    return ",".join([quotes.get(type(value), _unquotable)(value) for value in values])


def link(previous: str, values: Sequence[int | str | None]) -> str:
    """The hash of a row with stored ``values`` (in ``CHAINED`` order) following ``previous``."""
    return hashlib.sha256(f"{previous}\n{canonical(values)}".encode()).hexdigest()


def link_text(previous: str, canonical_text: str) -> str:
    """``link`` for a row whose canonical text the caller wrote itself (a bulk writer that knows its types)."""
    return hashlib.sha256(f"{previous}\n{canonical_text}".encode()).hexdigest()


# The newest (id, hash) of some chained tables, read by the write transaction this thread
# is in (``heads_known``), so sealing a row there needs no read of its own.
_known = threading.local()


@contextmanager
def heads_known(heads: Mapping[str, tuple[int, str]]) -> Iterator[None]:
    """Inside the block, ``newest`` answers from ``heads`` (read under the block's write lock).

    Each row inserted through the models or ``prepared.insert_chained`` moves its table's
    head on (``inserted``). Open it inside the write transaction, around the inserts only.
    """
    previous = getattr(_known, "heads", None)
    _known.heads = dict(heads)
    try:
        yield
    finally:
        _known.heads = previous


def inserted(table: str, row_id: int, digest: str) -> None:
    """A sealed row of ``table`` was inserted: it is the newest now."""
    heads = getattr(_known, "heads", None)
    if heads is not None and table in heads:
        heads[table] = (row_id, digest)


def newest(table: str) -> tuple[int, str]:
    """(id, hash) of the newest row of ``table``; (0, GENESIS) when it is empty."""
    heads = getattr(_known, "heads", None)
    if heads is not None and table in heads:
        return heads[table]
    row = database.execute_sql(f'SELECT id, hash FROM "{table}" ORDER BY id DESC LIMIT 1').fetchone()
    return (0, GENESIS) if row is None else (row[0], row[1])


def seal(table: str, row: Mapping[str, object]) -> tuple[int, str]:
    """(id, hash) for a new row of ``table``; call inside the write transaction of its insert.

    The id is the next after the newest row's, given explicitly, so that the hash covers it.
    """
    if not database.in_transaction():
        raise RuntimeError("a chained row is sealed inside the write transaction of its insert")
    last_id, last_hash = newest(table)
    new_id = last_id + 1
    values = [new_id if name == "id" else stored(row.get(name), storage) for name, storage in CHAINED[table]]
    return new_id, link(last_hash, values)


def sealed_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
                ) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """Bulk rows for ``INSERT INTO table (columns…)``, each given its id and hash.

    Returns the columns to insert (``id`` first, ``hash`` last) and the rows to match; a
    chained column missing from ``columns`` is NULL.
    """
    if not database.in_transaction():
        raise RuntimeError("chained rows are sealed inside the write transaction of their insert")
    last_id, last_hash = newest(table)
    heads = getattr(_known, "heads", None)
    if heads is not None:
        heads.pop(table, None)  # the caller inserts these rows itself: read the head again after
    # Where each chained column is in the given rows (None: not given, so NULL; the id is made here).
    plan = [(None if name == "id" or name not in columns else columns.index(name), storage)
            for name, storage in CHAINED[table]]
    id_at = [name for name, _ in CHAINED[table]].index("id")
    head, tail = plan[:id_at], plan[id_at + 1:]
    sha256 = hashlib.sha256
    out = []
    for row in rows:
        last_id += 1
        text = ",".join([*(_quoted(row, at, storage) for at, storage in head), str(last_id),
                         *(_quoted(row, at, storage) for at, storage in tail)])
        last_hash = sha256(f"{last_hash}\n{text}".encode()).hexdigest()
        out.append((last_id, *row, last_hash))
    return ("id", *columns, "hash"), out


def _quoted(row: Sequence[object], at: int | None, storage: str) -> str:
    """``quote(stored(row[at], storage))``, without the two calls for the usual int and text cells."""
    if at is None:
        return "NULL"
    value = row[at]
    kind = type(value)
    if kind is int and storage == "int":
        return str(value)
    if kind is str and storage == "text":
        text = cast(str, value)
        return "'" + text.replace("'", "''") + "'" if "'" in text else "'" + text + "'"
    return quote(stored(value, storage))


@dataclass(frozen=True)
class Break:
    """The first row of a table whose hash does not follow from the rows before it."""

    table: str
    row_id: int

    def __str__(self) -> str:
        return f"{TABLE_LABELS[self.table]}编号 {self.row_id} 的记录与哈希链不符（在此之前的记录完好）"


# (row id, hash) of one chained row: where a verification starts or got to.
Position = tuple[int, str]
START: Position = (0, GENESIS)


def first_break(table: str, after: Position = START) -> tuple[Break | None, Position]:
    """The first row of ``table`` after ``after`` that breaks its chain, and the last row that held.

    Reads the rows once, in rowid order, through a plain cursor (no model objects): the
    hashing is what it costs, a few microseconds a row.
    """
    names = ", ".join(f'"{name}"' for name, _ in CHAINED[table])
    rows = database.execute_sql(f'SELECT {names}, hash FROM "{table}" WHERE id > ? ORDER BY id', (after[0],))
    sha256, quotes, join = hashlib.sha256, _QUOTES, ",".join
    last_id, previous = after
    for row in rows:
        text = join([quotes.get(type(value), _unquotable)(value) for value in row[:-1]])
        digest = sha256(f"{previous}\n{text}".encode()).hexdigest()
        if digest != row[-1]:
            return Break(table, row[0]), (last_id, previous)
        last_id, previous = row[0], digest
    return None, (last_id, previous)


def verify_from(since: Mapping[str, Position] | None = None) -> tuple[Break | None, dict[str, Position]]:
    """The first broken row after ``since`` (the ledger's, then the audit trail's) and how far each chain held.

    ``since`` gives, per table, a row verified earlier: the rows up to it are trusted, not
    hashed again. None (or a table missing from it) verifies from the first row.
    """
    reached: dict[str, Position] = {}
    for table in CHAINED:
        broken, reached[table] = first_break(table, (since or {}).get(table, START))
        if broken is not None:
            return broken, reached
    return None, reached


def verify() -> Break | None:
    """The first broken row of the ledger, then of the audit trail, from the first row; None when both hold."""
    return verify_from(None)[0]


def head_text(positions: Mapping[str, Position]) -> str:
    """A head in the one-line form ``head()`` writes."""
    return ";".join(f"{table}:{positions[table][0]}:{positions[table][1]}" for table in CHAINED)


def head() -> str:
    """Both chains' newest row and hash in one line, to record with a backup or a day-end report."""
    return head_text({table: newest(table) for table in CHAINED})


def parse_head(recorded: str) -> dict[str, Position]:
    """The rows a head written by ``head()`` names; ValueError for text that is not one."""
    positions: dict[str, Position] = {}
    for part in recorded.strip().split(";"):
        table, _, rest = part.partition(":")
        row_text, _, digest = rest.partition(":")
        if table not in CHAINED or not row_text.isdigit():
            raise ValueError(f"记录的链头无法识别：{part}")
        positions[table] = (int(row_text), digest)
    return positions


def head_mismatch(recorded: str) -> str | None:
    """Why the chain no longer contains a head recorded earlier, or None when it does.

    A recorded head names a row and its hash: that row must still be there with the same
    hash. Rows added since do not matter; a rewritten or removed row, or a chain
    recomputed after an edit, does.
    """
    try:
        positions = parse_head(recorded)
    except ValueError as error:
        return str(error)
    for table, (row_id, digest) in positions.items():
        if row_id == 0:
            continue
        row = database.execute_sql(f'SELECT hash FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
        if row is None:
            return f"{TABLE_LABELS[table]}第 {row_id} 行已不存在"
        if row[0] != digest:
            return f"{TABLE_LABELS[table]}第 {row_id} 行的哈希与记录的链头不同"
    return None
