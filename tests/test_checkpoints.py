"""The write-ahead log is copied into the database file beside the sales, never inside a sale's COMMIT.

What the file itself holds is read with ``immutable=1``: that connection does not read the log,
so it sees only what a checkpoint has copied.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from bench import till_harness
from pharmacy_desk.core import checkpointer, db, dialect, dialect_log
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.models import Sale, Staff

OLD_THRESHOLD_PAGES = 1000  # SQLite's default wal_autocheckpoint, which the tills used to commit with


def _sales_in_file(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)) as raw:
        return raw.execute("SELECT COUNT(*) FROM sale").fetchone()[0]


def _log_pages(path: Path) -> int:
    """Pages written to the log since it last started again from its beginning (its header says so)."""
    return max(0, (Path(f"{path}-wal").stat().st_size - 32) // (4096 + 24))


def _wait_for(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.fixture
def shop(tmp_path):
    """A file with a cashier and 40 members, opened as a till opens it; closed after."""
    path = tmp_path / "till.sqlite3"
    till_harness.prepare(path)
    open_database(path)
    yield path, Staff.get(Staff.name == till_harness.CLERK), till_harness._member_ids()
    close_database()


def _sell(clerk, members, first: int, count: int) -> None:
    for n in range(first, first + count):
        till_harness.record(till_harness.planned(n, members), clerk)


def test_no_sale_commit_copies_the_log_into_the_file(shop):
    """With the background copy held back, sales take the log past SQLite's default threshold,
    and still none of them copied it: the file holds none of their rows. The log stays bounded
    by the backstop all the same."""
    path, clerk, members = shop
    db.database.obj.when_committed = None  # no background copy
    assert _sales_in_file(path) == 0
    sold = 0
    while _log_pages(path) <= OLD_THRESHOLD_PAGES + 50 and sold < 2000:
        _sell(clerk, members, sold, 10)
        sold += 10
    assert Sale.select().count() == sold
    assert _sales_in_file(path) == 0
    assert _log_pages(path) > OLD_THRESHOLD_PAGES + 50
    assert database.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == dialect.WAL_BACKSTOP_PAGES
    assert OLD_THRESHOLD_PAGES < dialect.WAL_BACKSTOP_PAGES <= 16384  # at most 64 MB of log


def test_the_log_is_copied_into_the_file_soon_after_the_sales(shop):
    path, clerk, members = shop
    _sell(clerk, members, 0, 5)
    assert _wait_for(lambda: _sales_in_file(path) == 5)
    copier = db._checkpointer
    assert copier is not None and _wait_for(lambda: copier.checkpoints >= 1)  # the thread copied them
    _sell(clerk, members, 5, 3)  # and again after the log started over
    assert _wait_for(lambda: _sales_in_file(path) == 8)


def test_closing_stops_the_copy_and_leaves_no_log(shop):
    path, clerk, members = shop
    _sell(clerk, members, 0, 3)
    assert any(thread.name == "wal-checkpointer" for thread in threading.enumerate())
    close_database()
    assert not any(thread.name == "wal-checkpointer" for thread in threading.enumerate())
    assert not Path(f"{path}-wal").exists()  # the last connection copied the log and removed it
    assert _sales_in_file(path) == 3
    open_database(path)  # for the fixture to close


def test_a_failed_copy_is_logged_and_the_next_commit_tries_again(shop, monkeypatch, caplog):
    path, clerk, members = shop
    real = dialect_log.passive_checkpoint
    failures = []

    def failing_once(connection):
        if not failures:
            failures.append(1)
            raise sqlite3.OperationalError("disk I/O error")
        return real(connection)

    monkeypatch.setattr(dialect_log, "passive_checkpoint", failing_once)
    with caplog.at_level(logging.WARNING, logger=checkpointer.__name__):
        _sell(clerk, members, 0, 2)
        assert _wait_for(lambda: failures != [])
        time.sleep(checkpointer.SETTLE_S * 3)
    assert "could not copy the write-ahead log" in caplog.text
    assert _sales_in_file(path) == 0
    _sell(clerk, members, 2, 1)
    assert _wait_for(lambda: _sales_in_file(path) == 3)


def test_a_database_in_memory_gets_no_copy():
    open_database(":memory:", create=True)
    try:
        assert db._checkpointer is None and db.database.obj.when_committed is None
    finally:
        close_database()
