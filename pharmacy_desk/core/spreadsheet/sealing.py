"""导入: an import's members with their ids and their opening balances sealed into the ledger's chain, as INSERTs.

A member's row gets its id, and its opening balance an id and a hash chained after the ledger's
newest entry (``core/chain.py``), only for a database whose next member id and newest ledger entry
are known. The import makes them in the thread that makes its rows (``made_ahead.RowsAhead``)
for the database as its chunks before will leave it, while SQLite writes those, and a chunk uses
them if no other writer moved either meanwhile (``Sealer.seal``, ``Sealed``); the ones a till's
write made wrong are made again for the database as it is. Sealing is some 3 µs a balance and the
values of a chunk's statements 2 µs a member, Python's time that the write lock would otherwise
wait for.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from pharmacy_desk.core import chain, dialect
from pharmacy_desk.core.db import database
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP
from pharmacy_desk.core.vocabulary import LedgerKind

MEMBER_COLUMNS = ("card_no", "phone", "name", "name_initials", "gender", "birthday", "address",
                  "joined_on", "joined_by_id", "owner_staff_id", "tier_id", "marketing_opt_out",
                  "notes", "created_at", "chronic_conditions", "allergies", "long_term_meds",
                  "migrated", "health_to_confirm", "id_number")
LEDGER_COLUMNS = ("member_id", "kind", "points", "created_at", "expires_on", "key", "operation_id",
                  "staff_id", "reason")
# Rows one INSERT writes at most (``statements``). Its prepared program binds every value of its rows
# (a 56-byte cell each, 21 a member) with an opcode or two each and stays in the connection's
# statement cache, and its journal holds each page the rows touch (up to some 30 MB for 1,024
# members of a list of a million): at 1,024 rows SQLite's memory peaked at 71 MB over a 20 MB
# list's commit, at 256 at 53 MB, for the same time (``tests/test_import_memory.py``).
ROWS_PER_STATEMENT = 256
OPENING_REASON = QT_TRANSLATE_NOOP("core", "期初积分导入")

Head = tuple[int, str]  # the ledger's newest entry: (id, hash)


@dataclass
class Sealed:
    """Members with their ids from ``first_id`` and their opening balances chained after ``head``.

    ``rows`` are as made (each with its opening points last); ``members`` the same with the id first
    and without the points; ``credits`` each row's sealed balance, or None for a row without points.
    """

    rows: list[tuple]
    first_id: int
    head: Head
    members: list[tuple]
    credits: list[tuple | None]

    @property
    def head_after(self) -> Head:
        """The ledger's newest entry once these are written."""
        for credit in reversed(self.credits):
            if credit is not None:
                return credit[0], credit[-1]
        return self.head

    def balances(self) -> list[tuple]:
        return [credit for credit in self.credits if credit is not None]

    def statements(self) -> list[tuple[str, list]]:
        return (statements("member", ("id", *MEMBER_COLUMNS), self.members)
                + statements("ledger_entry", ("id", *LEDGER_COLUMNS, "hash"), self.balances()))

    def fits(self, rows: list[tuple], first_id: int, head: Head) -> bool:
        """Whether they write ``rows`` as they are: the same rows, for the same next id and ledger head."""
        return ((first_id, head) == (self.first_id, self.head) and len(rows) == len(self.rows)
                and all(now is before for now, before in zip(rows, self.rows)))

    @classmethod
    def joined(cls, pieces: Sequence[tuple[tuple, tuple, tuple | None]], first_id: int, head: Head) -> Sealed:
        """The pieces (row, member, credit) of consecutive members, sealed from ``first_id`` after ``head``."""
        return cls([row for row, _, _ in pieces], first_id, head,
                   [member for _, member, _ in pieces], [credit for _, _, credit in pieces])

    def pieces(self) -> list[tuple[tuple, tuple, tuple | None]]:
        """Each member's (row, member, credit), to be taken apart into chunks and ``joined`` again."""
        return list(zip(self.rows, self.members, self.credits))


class Sealer:
    """Seals the rows of one import: its time, its balances' expiry, its operation and its operator."""

    def __init__(self, stamp: str, expires: str, op_key: str, op_id: int, staff_id: int | None) -> None:
        self.stamp, self.expires, self.op_key, self.op_id, self.staff_id = stamp, expires, op_key, op_id, staff_id
        quote = chain.quote
        # The canonical text (``chain.canonical``) of a balance, spelt out column by column in the
        # chain's order as ``expiry`` does, because every value's type is known; ``check`` verifies these
        # rows with the general ``chain.canonical`` like every other. Each key is this prefix and the
        # member's id, which quoting leaves as it is: the quoted prefix (without its closing quote) is
        # made once, as is every text around the points.
        self.prefix = f"{op_key}/import/m"
        self.kind = quote(LedgerKind.IMPORT.value)
        self.after_points = f",{quote(stamp)},{quote(expires)},{quote(self.prefix)[:-1]}"
        self.tail = f"',{op_id},{quote(staff_id)},{quote(OPENING_REASON)},NULL,NULL,NULL,NULL"

    def seal(self, rows: list[tuple], first_id: int, head: Head) -> Sealed:
        """``rows`` (each with its opening points last) as members from ``first_id``, their balances after ``head``."""
        members = [(member_id, *row[:-1]) for member_id, row in enumerate(rows, first_id)]
        return Sealed(rows, first_id, head, members,
                      self._chained(zip(itertools.count(first_id), map(itemgetter(-1), rows)), head))

    def credits(self, given: Iterable[tuple[int, int]], head: Head) -> list[tuple]:
        """The balances of members (id, points) given points, chained after ``head``."""
        return [credit for credit in self._chained(given, head) if credit is not None]

    def _chained(self, given: Iterable[tuple[int, int]], head: Head) -> list[tuple | None]:
        """Each (member id, points)'s balance chained after ``head`` and the ones before it; None for no points."""
        last_id, last_hash = head
        link_text, imported, stamp, expires, op_id, staff_id = (
            chain.link_text, LedgerKind.IMPORT.value, self.stamp, self.expires, self.op_id, self.staff_id)
        kind, after_points, prefix, tail = self.kind, self.after_points, self.prefix, self.tail
        credits: list[tuple | None] = []
        append = credits.append
        for member_id, points in given:
            if points <= 0:
                append(None)
                continue
            last_id += 1
            last_hash = link_text(last_hash, f"{last_id},{member_id},{kind},{points}{after_points}{member_id}{tail}")
            append((last_id, member_id, imported, points, stamp, expires, f"{prefix}{member_id}", op_id, staff_id,
                    OPENING_REASON, last_hash))
        return credits


def statements(table: str, columns: Sequence[str], rows: list[tuple]) -> list[tuple[str, list]]:
    """The INSERTs of ``rows`` into ``table``, with their values: a few multi-row ones, at most one of each power-of-two size.

    One statement per row (``executemany``) made SQLite journal every page each row touches for
    that statement alone, as a statement that fires triggers may have to be undone by itself:
    a member's row touches a page in each of seven indexes and two counts, about 40 kB a row.
    A statement of many rows journals each page once. The sizes repeat from chunk to chunk, so
    each statement is prepared once (the driver's statement cache); every trigger still fires
    for every row.
    """
    names = ", ".join('"' + column + '"' for column in columns)
    one = f"({', '.join('?' * len(columns))})"
    made = []
    start, size = 0, _rows_per_statement(len(columns))
    while start < len(rows):
        while size > len(rows) - start:
            size //= 2
        piece = rows[start:start + size]
        made.append((f'INSERT INTO "{table}" ({names}) VALUES {", ".join([one] * size)}',
                     list(itertools.chain.from_iterable(piece))))
        start += size
    return made


def _rows_per_statement(columns: int) -> int:
    """The largest power of two of rows whose values one statement can bind, at most ``ROWS_PER_STATEMENT``."""
    most = min(ROWS_PER_STATEMENT, dialect.parameters_per_statement(database) // columns)
    size = 1
    while size * 2 <= most:
        size *= 2
    return size
