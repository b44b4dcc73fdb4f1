"""The data stamp: read once while this connection holds the write lock, at every call otherwise.

Under the write lock no other connection can commit, so the settings' cache is checked
with one ``PRAGMA data_version`` per write transaction; outside it, or in a transaction
without the lock, another connection's commit is seen at the next call.
"""

import sqlite3

from pharmacy_desk.core import settings
from pharmacy_desk.core.db import data_stamp, database, write_transaction


def data_version_reads(connection: sqlite3.Connection, action) -> int:
    seen: list[str] = []
    connection.set_trace_callback(seen.append)
    try:
        action()
    finally:
        connection.set_trace_callback(None)
    return sum(sql == "PRAGMA data_version" for sql in seen)


def another_connection_stores(path, key: str, value: str) -> None:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES (?, ?, '2026-06-01 09:00:00')",
                  (key, value))
    other.close()


def test_a_write_transaction_reads_the_data_version_once(db):
    def three_stamps_under_the_lock():
        with write_transaction():
            assert len({data_stamp() for _ in range(3)}) == 1

    assert data_version_reads(db.connection(), three_stamps_under_the_lock) == 1
    assert data_version_reads(db.connection(), lambda: [data_stamp() for _ in range(3)]) == 3

    def three_stamps_in_a_read_transaction():
        with database.atomic():  # no write lock: another connection may still commit
            [data_stamp() for _ in range(3)]

    assert data_version_reads(db.connection(), three_stamps_in_a_read_transaction) == 3


def test_another_connections_commit_is_seen_by_the_next_write_transaction(db, tmp_path):
    months = settings.get("points_validity_months")
    with write_transaction():
        before = data_stamp()
        assert settings.get("points_validity_months") == months
    another_connection_stores(tmp_path / "test.sqlite3", "points_validity_months", str(months + 1))
    with write_transaction():
        assert data_stamp() != before
        assert settings.get("points_validity_months") == months + 1
    assert settings.get("points_validity_months") == months + 1


def test_the_stamp_read_under_one_threads_lock_is_not_another_threads(db):
    import threading

    months = settings.get("points_validity_months")
    reading, locked = threading.Event(), threading.Event()
    reads: list[int] = []

    def a_reader_in_another_thread() -> None:
        def stamp_in_a_read_transaction() -> None:
            with database.atomic():  # its own connection, its own transaction, without the lock
                database.execute_sql("SELECT 1 FROM setting LIMIT 1")
                reading.set()
                locked.wait(10)
                data_stamp()

        try:
            reads.append(data_version_reads(database.connection(), stamp_in_a_read_transaction))
        finally:
            database.close()

    reader = threading.Thread(target=a_reader_in_another_thread)
    reader.start()
    assert reading.wait(10)
    with write_transaction():
        data_stamp()  # this connection's version, read under the lock
        locked.set()
        reader.join(10)
    assert reads == [1]  # the other connection read its own
    assert settings.get("points_validity_months") == months
