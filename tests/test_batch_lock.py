"""A chunk of a long batch asks for the write lock again while tills keep it busy; its work runs once."""

import sqlite3
import threading

import peewee
import pytest

from pharmacy_desk.core.db import batch_transaction, database, write_transaction
from pharmacy_desk.core.models import Staff


@pytest.fixture
def till_holding_the_lock(db, tmp_path):
    """Another connection holding the write lock, let go after 150 ms; the app's busy timeout 20 ms."""
    database.execute_sql("PRAGMA busy_timeout = 20")
    till = sqlite3.connect(tmp_path / "test.sqlite3", isolation_level=None, check_same_thread=False)
    till.execute("BEGIN IMMEDIATE")
    yield lambda: threading.Timer(0.15, lambda: till.execute("COMMIT")).start()
    till.close()


def test_a_plain_transaction_gives_up_after_the_busy_timeout(till_holding_the_lock):
    with pytest.raises(peewee.OperationalError, match="locked"):
        with write_transaction():
            pass


def test_a_batch_chunk_waits_for_the_till_and_then_writes(till_holding_the_lock):
    till_holding_the_lock()
    with batch_transaction():
        Staff.create(name="赵六", role="cashier")
    assert Staff.select().where(Staff.name == "赵六").count() == 1


def test_a_failure_inside_the_chunk_is_not_run_again(db):
    runs = []
    with pytest.raises(ValueError):
        with batch_transaction():
            runs.append(Staff.create(name="赵六", role="cashier"))
            raise ValueError("a mistake in the batch")
    assert len(runs) == 1 and Staff.select().where(Staff.name == "赵六").count() == 0
