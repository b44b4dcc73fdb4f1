"""The rules a sale reads (settings, tiers, categories), kept until they change.

Every change to a setting, tier or category bumps ``rule_version`` (a trigger, schema
v9), whichever connection or process makes it, so a cache of the rules checks that one
number instead of reading the rules again. The number is read once per transaction that
holds the write lock (no other connection can commit meanwhile), once per ``pinned``
block (a preview prices with one set of rules), and at every call otherwise. A sale
recorded by another till changes no rule and keeps every cache.

A value is also read again after this process rolled back a transaction or savepoint
(it may have been read from a change that is gone) and after the database was opened
again. A cached value is shared: callers read it and never change it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from pharmacy_desk.core import db, dialect

T = TypeVar("T")

# (database opened, rule version, rollbacks so far); None when the version cannot be read.
Stamp = tuple[int, int, int]

_pins = threading.local()
_caches: list[Cached] = []


def _read_version() -> int | None:
    row = db.database.execute_sql("SELECT version FROM rule_version WHERE id = 1").fetchone()
    return None if row is None else row[0]


_LOCKED_NAME = "rule_version"


def known_version(version: int | None) -> None:
    """The stamp was read together with other things: no read of its own.

    Under the write lock it holds for the transaction; otherwise for the innermost
    ``pinned`` block, if any (outside both, the next reader asks again).
    """
    if dialect.holds_write_lock(db.database):
        dialect.known_for_write_transaction(db.database, _LOCKED_NAME, version)
        return
    pins = getattr(_pins, "stack", None)
    if pins:
        pins[-1]["version"] = version


def _version() -> int | None:
    if dialect.holds_write_lock(db.database):
        return dialect.once_per_write_transaction(db.database, _LOCKED_NAME, _read_version)
    pins = getattr(_pins, "stack", None)
    if pins:
        if "version" not in pins[-1]:
            pins[-1]["version"] = _read_version()
        return pins[-1]["version"]
    return _read_version()


def stamp() -> Stamp | None:
    """What the cached rules are valid for; None (never cached) on a database without the stamp."""
    version = _version()
    if version is None:
        return None
    return db.generation, version, dialect.rollbacks(db.database)


@contextmanager
def pinned() -> Iterator[None]:
    """Read the rules' stamp at most once in the block (outside the write lock; under it, once anyway)."""
    stack = getattr(_pins, "stack", None)
    if stack is None:
        stack = _pins.stack = []
    stack.append({})
    try:
        yield
    finally:
        stack.pop()


class Cached(Generic[T]):
    """``load()``'s answer, kept while the rules' stamp stays the same."""

    def __init__(self, load: Callable[[], T]):
        self._load = load
        self._held: tuple[Stamp, T] | None = None
        _caches.append(self)

    def get(self) -> T:
        current = stamp()
        held = self._held  # one read: another thread may replace it meanwhile
        if held is not None and current is not None and held[0] == current:
            return held[1]
        value = self._load()
        if current is not None:
            self._held = (current, value)
        return value

    def held(self) -> T | None:
        """The value kept, without checking it is still current (None when nothing is kept)."""
        held = self._held
        return None if held is None else held[1]

    def forget(self) -> None:
        self._held = None


def invalidate() -> None:
    """This connection changed the rules: read them, and their stamp, again."""
    dialect.forget_write_transaction_values(db.database)
    for cache in _caches:
        cache.forget()
