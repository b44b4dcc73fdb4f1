"""The pause between two chunks of a batch: as long as a waiting till needs to get the lock, no longer,
kept up while tills write in it, and fewer of them while the tills are idle."""

import sqlite3
import threading
import time

import pytest
from peewee import OperationalError

from pharmacy_desk.core import till_pacing as pacing_module
from pharmacy_desk.core.db import CHUNK_TARGET_S, ChunkSize, batch_transaction
from pharmacy_desk.core import dialect
from pharmacy_desk.core.till_pacing import TillPacing, till_gap
from pharmacy_desk.core.models import Staff


def test_the_pause_is_a_waiting_tills_next_ask_and_a_little():
    assert till_gap() == dialect.LOCK_POLL_S + pacing_module.WAKE_SLACK_S
    assert till_gap() <= 0.01  # SQLite's busy handler asked again up to 25 ms after a chunk of 80 ms


class Clock:
    """``time.sleep`` and ``time.monotonic`` of ``db``, with what another connection commits while asleep."""

    def __init__(self, monkeypatch, path):
        self.now, self.slept, self.writes_during_sleep = 1000.0, [], 0
        self.other = sqlite3.connect(path, isolation_level=None)
        self.other.execute("CREATE TABLE IF NOT EXISTS till_scratch (n INTEGER)")
        monkeypatch.setattr(pacing_module.time, "sleep", self.sleep)
        monkeypatch.setattr(pacing_module.time, "monotonic", lambda: self.now)

    def sleep(self, seconds):
        self.slept.append(round(seconds, 3))
        self.now += seconds
        if self.writes_during_sleep:
            self.writes_during_sleep -= 1
            self.other.execute("INSERT INTO till_scratch VALUES (1)")


@pytest.fixture
def clock(db, tmp_path, monkeypatch):
    clock = Clock(monkeypatch, tmp_path / "test.sqlite3")
    yield clock
    clock.other.close()


def chunk(size, pacing, held):
    pacing.pause(size)
    pacing.let_go(held)
    size.took(held)


def test_after_a_chunk_the_lock_is_left_free_a_tills_next_ask_and_a_little(clock):
    pacing = TillPacing()
    pacing.pause()  # before the first chunk: nothing to wait for
    assert clock.slept == []
    pacing.let_go(0.04)
    pacing.pause()
    assert len(clock.slept) == 1 and 0 < clock.slept[0] <= till_gap() + 1e-9


def test_the_pause_is_kept_up_while_tills_commit_in_it(clock):
    size = ChunkSize(5000, start=100)
    pacing = TillPacing()
    pacing.let_go(0.04)
    clock.writes_during_sleep = 2  # two tills, one after the other
    pacing.pause()
    assert len(clock.slept) == 3  # a pause for each till that wrote, and one in which nobody did
    clock.slept.clear()
    clock.writes_during_sleep = 100  # tills selling without end: the import still goes on
    chunk(size, pacing, 0.04)
    assert len(clock.slept) == pacing_module.MOST_PAUSES


def test_idle_tills_let_the_chunks_hold_the_lock_longer_and_a_tills_write_shortens_them_again(clock):
    size = ChunkSize(5000, start=1000)
    pacing = TillPacing()
    chunk(size, pacing, 0.04)
    assert size.target == CHUNK_TARGET_S  # a till may have written just before the import began
    clock.now += pacing_module.IDLE_AFTER_S
    chunk(size, pacing, 0.04)
    assert size.target == pacing_module.IDLE_CHUNK_TARGET_S
    pacing.let_go(pacing_module.IDLE_CHUNK_TARGET_S)
    size.took(pacing_module.IDLE_CHUNK_TARGET_S)
    idle_rows = size.rows
    clock.writes_during_sleep = 1
    pacing.pause(size)
    assert size.target == CHUNK_TARGET_S and size.rows == idle_rows // 2  # the very next chunk is short


def test_a_till_that_asks_during_a_chunk_gets_the_lock_in_the_pause_after_it(db, tmp_path):
    """With no pause the batch takes the lock again at once, and the till asking again every ms
    waits until the batch ends; with a fixed 60 ms pause it got in, at several times the cost."""
    till = dialect.new_database(tmp_path / "test.sqlite3")  # a till's connection, as the app opens it
    till.execute_sql("CREATE TABLE IF NOT EXISTS till_scratch (n INTEGER)")
    started, waited = threading.Event(), []

    def sell():
        started.wait()
        asked = time.perf_counter()
        with till.atomic("IMMEDIATE"):
            waited.append(time.perf_counter() - asked)
            till.execute_sql("INSERT INTO till_scratch VALUES (1)")
        till.close()

    seller = threading.Thread(target=sell)
    seller.start()
    size = ChunkSize(100, start=10)
    for number in range(8):
        with batch_transaction(size):  # paced by this thread's pacing
            Staff.create(name=f"批量{number}", role="cashier")
            if number == 1:
                started.set()  # the till asks while this chunk holds the lock
            time.sleep(0.04)
    seller.join()
    assert waited and waited[0] < 0.15  # this chunk's rest and one pause; six more chunks would be 0.3 s


def test_a_writer_asks_again_for_the_lock_every_millisecond_while_another_holds_it(db, tmp_path):
    """SQLite's busy handler asked again 100 ms apart after a quarter second: a till behind two
    batches, each pausing a few ms after its chunks, missed every gap and waited 0.9 s."""
    holder = sqlite3.connect(tmp_path / "test.sqlite3", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    till = dialect.new_database(tmp_path / "test.sqlite3")
    threading.Timer(0.3, holder.execute, ("COMMIT",)).start()
    till.connect()
    with dialect.sent(till) as statements, till.atomic("IMMEDIATE"):
        pass
    holder.close()
    asks = [sql for sql in statements if sql.startswith("BEGIN")]
    assert len(asks) >= 30  # SQLite's handler asks 13 times in 0.3 s, in the driver, unseen: one BEGIN here
    assert till.execute_sql("PRAGMA busy_timeout").fetchone()[0] == dialect.BUSY_TIMEOUT_MS  # as it was
    till.close()


def test_a_writer_gives_up_after_its_busy_timeout_and_a_chunk_asks_once(db, tmp_path):
    holder = sqlite3.connect(tmp_path / "test.sqlite3", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    till = dialect.new_database(tmp_path / "test.sqlite3")
    till.connect()
    with dialect.busy_timeout(till, 30), dialect.sent(till) as statements, pytest.raises(OperationalError):
        with till.atomic("IMMEDIATE"):
            pass
    assert len([sql for sql in statements if sql.startswith("BEGIN")]) >= 3
    with dialect.busy_timeout(till, 0), dialect.sent(till) as statements, pytest.raises(OperationalError):
        with till.atomic("IMMEDIATE"):
            pass
    assert [sql for sql in statements if sql.startswith("BEGIN")] == ["BEGIN IMMEDIATE"]
    holder.execute("ROLLBACK")
    holder.close()
    till.close()


def test_a_chunk_that_finds_the_lock_taken_leaves_it_free_after_the_holders_commit(db, tmp_path):
    """Queued in SQLite's busy handler, the chunk took the lock a few ms after the holder's commit,
    before a till that had waited longer (its handler sleeps longer): two batches side by side handed
    the lock to each other, chunk after chunk, and a sale waited 340 ms behind eight of them."""
    released, taken = _chunk_behind_a_holder(tmp_path, 0.1, "INSERT INTO till_scratch VALUES (1)", "COMMIT")
    # At least the pause in which a till that waited behind the holder asks again, never the
    # 1 ms of a connection asking again.
    assert taken - released >= till_gap()


def test_a_chunk_behind_a_holder_that_never_commits_asks_again_soon(db, tmp_path):
    """The log's restart (another process's checkpoint) and a transaction rolled back move no data
    version: the chunk waited its full half second for a commit that never came, 0.57 s of an
    import's 7.2 s with no till beside it."""
    released, taken = _chunk_behind_a_holder(tmp_path, 0.05, "ROLLBACK")
    assert taken - released < pacing_module.HOLDER_WAIT_S  # asked again, not waited the full patience
    assert taken - released < 0.2


def _chunk_behind_a_holder(tmp_path, hold: float, *then: str) -> tuple[float, float]:
    """A chunk asks while another connection holds the lock ``hold`` seconds, then runs ``then``:
    (when the holder let go, when the chunk had the lock)."""
    holder = sqlite3.connect(tmp_path / "test.sqlite3", isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE IF NOT EXISTS till_scratch (n INTEGER)")
    holder.execute("BEGIN IMMEDIATE")
    released = []

    def let_go_later():
        time.sleep(hold)
        for sql in then:
            holder.execute(sql)
        released.append(time.perf_counter())

    other = threading.Thread(target=let_go_later)
    other.start()
    with batch_transaction():
        taken = time.perf_counter()
        Staff.create(name="批量", role="cashier")
    other.join()
    holder.close()
    return released[0], taken


def test_a_chunk_behind_this_processs_restart_of_the_log_goes_on_when_it_ends(db, monkeypatch):
    """The restart of the log by this process's checkpoint thread holds the lock without a commit."""
    from pharmacy_desk.core import db as db_module

    checkpointer = db_module.checkpointer()
    assert checkpointer is not None
    ends = []

    def restart_under_way():
        checkpointer._no_restart.clear()
        time.sleep(0.03)
        ends.append(time.perf_counter())
        checkpointer._no_restart.set()

    monkeypatch.setattr(pacing_module, "HOLDER_WAIT_S", 5.0)  # only the restart's end lets the chunk go on
    thread = threading.Thread(target=restart_under_way)
    thread.start()
    time.sleep(0.005)
    pacing = pacing_module.till_pacing()
    started = time.perf_counter()
    pacing.behind_another_writer()
    thread.join()
    assert ends and time.perf_counter() - started < 0.5
