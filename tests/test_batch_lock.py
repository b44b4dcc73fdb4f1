"""A chunk of a long batch asks for the write lock again while tills keep it busy; its work runs once."""

import sqlite3
import threading
import time
from contextlib import contextmanager

import peewee
import pytest

from pharmacy_desk.core.db import CHUNK_TARGET_S, ChunkSize, batch_transaction, database, write_transaction
from pharmacy_desk.core.till_pacing import TillPacing
from pharmacy_desk.core.models import Staff


@pytest.fixture
def till_holding_the_lock(db, tmp_path):
    """Another connection taking the write lock when called and letting go after 150 ms; the app's busy timeout 20 ms."""
    database.execute_sql("PRAGMA busy_timeout = 20")
    till = sqlite3.connect(tmp_path / "test.sqlite3", isolation_level=None, check_same_thread=False)
    timers = []

    def hold():
        till.execute("BEGIN IMMEDIATE")
        timers.append(threading.Timer(0.15, lambda: till.execute("COMMIT")))
        timers[-1].start()

    yield hold
    for timer in timers:
        timer.join()
    till.close()


def test_a_plain_transaction_gives_up_after_the_busy_timeout(till_holding_the_lock):
    till_holding_the_lock()
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


def test_a_chunk_size_follows_the_time_its_chunks_held_the_lock():
    size = ChunkSize(1000, start=100, target=0.04)
    assert size.rows == 100
    size.took(0.01)  # fast: grows, at most twofold
    assert size.rows == 200
    size.took(0.4)  # ten times the target: a tenth the rows
    assert size.rows == 20
    size.took(4.0)  # never below the least
    assert size.rows == 20
    for _ in range(10):
        size.took(0.001)
    assert size.rows == 1000  # nor above the most
    assert ChunkSize(7, start=100).rows == 7 and ChunkSize(7).least == 7  # a small batch keeps its size


def test_an_import_whose_rows_are_slow_writes_shorter_chunks(db, tmp_path, monkeypatch):
    """At a million members a row costs several times what it does in a small file: the chunk
    follows the time it takes under the lock, not a fixed count (one chunk of 400 rows held it 0.4 s)."""
    from pharmacy_desk.core.spreadsheet import commit
    from pharmacy_desk.core.spreadsheet.plan import read_plan
    from tests.spreadsheet_helpers import write_xlsx

    owner = Staff.create(name="店长", role="owner")
    sheet = write_xlsx(tmp_path / "会员.xlsx", {"会员": [["姓名", "手机"]] + [
        [f"会员{n}", f"139{n:08d}"] for n in range(1, 401)]})
    real_execute, chunks = commit._execute, []

    def slow_execute(statements):
        for sql, _ in statements:
            if sql.startswith('INSERT INTO "member"'):
                rows = sql.count("), (") + 1
                time.sleep(0.001 * rows)  # 1 ms a member
                chunks[-1] += rows
        real_execute(statements)

    real_transaction = commit.batch_transaction

    @contextmanager
    def counted(size=None):
        chunks.append(0)
        with real_transaction(size):
            yield

    monkeypatch.setattr(commit, "_execute", slow_execute)
    monkeypatch.setattr(commit, "batch_transaction", counted)
    monkeypatch.setattr(TillPacing, "pause", lambda self, size=None: None)  # no aim for idle tills here
    result = commit.commit_import(read_plan(sheet), owner)
    assert result.created == 400
    members = [rows for rows in chunks if rows]
    # A chunk of n members held the lock at least n ms, so the next one is sized at most
    # CHUNK_TARGET_S / 1 ms: a bound in rows that a loaded machine only makes smaller.
    most = int(CHUNK_TARGET_S / 0.001)
    assert members[0] == commit.FIRST_CHUNK and len(members) >= 5 and max(members[1:]) <= most


@pytest.mark.parametrize("job", ["expiry", "tier review", "import"])
def test_the_single_writes_of_a_batch_job_also_wait_for_busy_tills(till_holding_the_lock, tmp_path, job):
    """Beside busy tills the housekeeping failed with "database is locked" in its one-off writes
    (how far the expiry got, the month's review done, the import's operation): only the chunks
    asked for the lock again."""
    import datetime as dt

    from pharmacy_desk.core import expiry, tiers
    from pharmacy_desk.core.defaults import system_staff
    from pharmacy_desk.core.operations import find
    from pharmacy_desk.core.spreadsheet import commit
    from pharmacy_desk.core.spreadsheet.plan import read_plan
    from tests.spreadsheet_helpers import write_xlsx

    today = dt.date(2026, 12, 2)
    if job == "import":
        sheet = write_xlsx(tmp_path / "会员.xlsx", {"会员": [["姓名", "手机"], ["会员1", "13900000001"]]})
        plan, owner = read_plan(sheet, today=today), Staff.create(name="店长", role="owner")
    till_holding_the_lock()
    if job == "expiry":
        expiry.catch_up(today, system_staff())
        assert expiry.last_watermark() == expiry.Watermark(today, 0)
    elif job == "tier review":
        tiers.monthly_review(today.replace(day=1), system_staff())
        assert find("tier_review:2026-12") is not None
    else:
        assert commit.commit_import(plan, owner).created == 1
