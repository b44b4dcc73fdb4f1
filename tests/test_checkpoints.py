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

OLD_BACKSTOP_PAGES = 8192  # the log length past which a till's own COMMIT used to copy the log


def _sales_in_file(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)) as raw:
        return raw.execute("SELECT COUNT(*) FROM sale").fetchone()[0]


def _log_pages(path: Path) -> int:
    """Pages the log's file holds room for: at least as many as were written since it last started over."""
    return dialect_log.log_file_pages(path)


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


def _fill_log(pages: int) -> None:
    """Commits of ``pages`` pages of filler through the program's own connection, 512 pages a commit."""
    database.execute_sql("CREATE TABLE IF NOT EXISTS filler (b BLOB)")
    for _ in range(max(1, pages // 512)):
        with db.write_transaction():
            database.execute_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 512)"
                                 " INSERT INTO filler SELECT randomblob(4000) FROM n")


def test_no_commit_of_the_program_copies_the_log_into_the_file(shop):
    """With the background copy held back, commits take the log far past SQLite's default
    threshold and past the 8,192 pages the tills used to copy at, and sales after them still
    copy none of it: the file holds neither their rows nor the filler."""
    path, clerk, members = shop
    db._checkpointer.stop()  # no background copy
    assert _sales_in_file(path) == 0
    _fill_log(OLD_BACKSTOP_PAGES + 1024)
    _sell(clerk, members, 0, 20)
    assert Sale.select().count() == 20
    assert _log_pages(path) > OLD_BACKSTOP_PAGES + 1024
    assert _sales_in_file(path) == 0
    with contextlib.closing(sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)) as raw:
        assert raw.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'filler'").fetchone()[0] == 0
    assert database.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 0


def test_every_connection_of_the_program_leaves_the_copy_to_the_thread(shop):
    """The batch's connection settings and another thread's connection too."""
    values = []

    def other_thread():
        values.append(database.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0])
        database.close()  # this thread's connection only

    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join()
    with dialect.bulk_writing(database):
        values.append(database.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0])
    values.append(database.execute_sql("PRAGMA journal_size_limit").fetchone()[0])
    assert values == [0, 0, -1]  # and no commit cuts the log's file back: the thread does, the tills idle


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


class _Readers:
    """Threads reading the file on connections of their own, each holding its snapshot ``hold_s``
    at a time, one after another; ``overlapping``: two of them, so that one is always reading."""

    def __init__(self, path: Path, hold_s: float, overlapping: bool = False):
        self.path, self.hold_s, self.reads = path, hold_s, 0
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._read, args=(n * hold_s / 2,))
                         for n in range(2 if overlapping else 1)]

    def _read(self, offset: float) -> None:
        time.sleep(offset)
        with contextlib.closing(sqlite3.connect(self.path, isolation_level=None)) as raw:
            while not self._stop.is_set():
                raw.execute("BEGIN")
                raw.execute("SELECT COUNT(*) FROM sale").fetchone()  # the snapshot is taken here
                time.sleep(self.hold_s)
                raw.execute("COMMIT")
                self.reads += 1
                time.sleep(0.001)

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join()


def _sell_watching_the_log(path: Path, clerk, members, count: int) -> int:
    """Sell ``count`` sales back to back from a thread of its own (a connection of its own);
    the most pages the log's file held meanwhile."""
    most = [0]

    def till():
        try:
            _sell(clerk, members, 0, count)
        finally:
            database.close()  # this thread's connection

    seller = threading.Thread(target=till)
    seller.start()
    while seller.is_alive():
        most[0] = max(most[0], _log_pages(path))
        time.sleep(0.002)
    seller.join()
    assert Sale.select().count() == count
    return max(most[0], _log_pages(path))


@pytest.fixture
def short_log(monkeypatch):
    """A log started over after 48 pages: a few hundred sales show it, not tens of thousands."""
    monkeypatch.setattr(checkpointer, "RESTART_AFTER_PAGES", 48)
    return 48


# A sale writes about 20 pages of log; 600 sales back to back write 12,000.
STREAM = 600
BOUND_PAGES = 5000


def test_the_log_starts_over_beside_sales_back_to_back_and_readers(shop, short_log):
    """Passive checkpoints alone never start the log over while sales keep coming and a reader
    keeps taking snapshots: it grew by every page of every sale (9,000 pages for 400 sales).
    The thread starts it over, the till letting it have the lock first."""
    path, clerk, members = shop
    with _Readers(path, hold_s=0.004) as readers:
        most = _sell_watching_the_log(path, clerk, members, STREAM)
    assert readers.reads > 20
    copier = db._checkpointer
    assert copier is not None and copier.restarts >= 3
    assert most < BOUND_PAGES


def test_the_log_starts_over_when_a_reader_is_always_in_it(shop, short_log):
    """Two readers taking turns, one always reading: the restart waits for those of the moment to
    finish, while readers that begin after the log is all copied read the database file only."""
    path, clerk, members = shop
    with _Readers(path, hold_s=0.01, overlapping=True):
        most = _sell_watching_the_log(path, clerk, members, STREAM)
    copier = db._checkpointer
    assert copier is not None and copier.restarts >= 3
    assert most < BOUND_PAGES


def test_a_reader_longer_than_the_restart_may_wait_keeps_the_log_until_it_ends(shop, short_log):
    """No checkpoint can pass a reader's snapshot: beside one reading for a whole second the log
    cannot start over, and the tries that make the tills wait for it grow further apart; once
    it is done, the log starts over at a later commit's copy."""
    path, clerk, members = shop
    copier = db._checkpointer
    with _Readers(path, hold_s=1.0):
        time.sleep(0.05)  # the reader has its snapshot
        _sell(clerk, members, 0, 40)
        assert _wait_for(lambda: copier.checkpoints >= 2)
        time.sleep(0.3)
        # two tries, then one after RETRY_AFTER_S, perhaps one more after twice that
        assert copier.restarts == 0 and copier.failed_restarts <= checkpointer.FAILURES_BEFORE_PAUSE + 2
        tried = copier.checkpoints
    _sell(clerk, members, 40, 5)
    assert _wait_for(lambda: copier.restarts >= 1)
    assert copier.checkpoints > tried


def test_the_thread_cuts_a_grown_logs_file_back_once_the_tills_are_idle_and_no_commit_does(shop, short_log,
                                                                                           monkeypatch):
    """The first commit after the log started over cut its file back: a till's sale after a log grown
    to 580 MB beside the month's reports spent 37 ms of CPU freeing its blocks and 140 ms more syncing."""
    path, clerk, members = shop
    monkeypatch.setattr(dialect, "WAL_FILE_LIMIT_BYTES", 64 * 1024)
    monkeypatch.setattr(checkpointer, "IDLE_S", 0.3)
    copier = db._checkpointer
    with _Readers(path, hold_s=1.0):  # the log cannot start over: it grows
        time.sleep(0.05)
        _sell(clerk, members, 0, 40)
    grown = dialect_log.log_file_bytes(path)
    assert grown > dialect.WAL_FILE_LIMIT_BYTES
    sold = 40
    while copier.restarts == 0 and sold < 300:  # sales keep coming, closer than IDLE_S: the file keeps its size
        _sell(clerk, members, sold, 1)
        sold += 1
        time.sleep(0.02)
    assert copier.restarts >= 1
    assert copier.cuts == 0 and dialect_log.log_file_bytes(path) >= grown
    assert _wait_for(lambda: copier.cuts == 1)  # the tills idle
    assert dialect_log.log_file_bytes(path) <= dialect.WAL_FILE_LIMIT_BYTES
    _sell(clerk, members, sold, 3)  # and sales go on
    assert _wait_for(lambda: _sales_in_file(path) == sold + 3)
