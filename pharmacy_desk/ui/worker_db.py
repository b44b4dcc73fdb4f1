"""Database work in a ``run_task`` worker thread.

Peewee opens one SQLite connection per thread; a pool thread would keep its
connection open after the work is done. Wrapping the work closes it again.
"""

from __future__ import annotations

from typing import Any, Callable


def closing_connection(work: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args, **kwargs):
        from pharmacy_desk.core.db import database

        try:
            return work(*args, **kwargs)
        finally:
            if not database.is_closed():
                database.close()

    return run
