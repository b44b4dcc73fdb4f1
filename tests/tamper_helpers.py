"""A database file changed as another program would change it: a plain sqlite3 connection, guards dropped."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def edit_outside(path, statements: Iterable[str], *, unguarded: Iterable[str]) -> None:
    """Run ``statements`` on the file at ``path``, the triggers named in ``unguarded`` dropped first."""
    con = sqlite3.connect(path)
    try:
        for trigger in unguarded:
            con.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def no_update_guards(tables: Iterable[str]) -> tuple[str, ...]:
    """The append-only triggers that refuse an UPDATE on each of ``tables``."""
    return tuple(f"{table}_no_update" for table in tables)


def reopen(path) -> None:
    """The app's connection closed and opened again, so it reads what was changed outside it."""
    from pharmacy_desk.core.db import close_database, open_database

    close_database()
    open_database(path)
