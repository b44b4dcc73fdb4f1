"""A big import writes in short chunks so the tills keep selling: each transaction holds a few members
with their balances, an import stopped half-way has written whole members only, and running it again
finishes it without a duplicate."""

import contextlib
import itertools
import datetime as dt
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest

from pharmacy_desk.core import check, checkpointer, dialect, dialect_log, ledger, members, sales
from pharmacy_desk.core import db as db_module
from pharmacy_desk.core.db import database
from pharmacy_desk.core.models import LedgerEntry, Member, Operation
from pharmacy_desk.core.spreadsheet import commit
from pharmacy_desk.core.spreadsheet.plan import read_plan
from tests.spreadsheet_helpers import ImportStopped, stop_after, write_xlsx

TODAY = dt.date(2026, 6, 10)
AT = dt.datetime(2026, 6, 10, 9, 30)
ROWS = [["姓名", "手机号", "性别", "积分"]] + [
    [f"会员{n}", f"139{n:08d}", "女" if n % 2 else "男", str(n * 10)] for n in range(1, 41)]
POINTS = sum(n * 10 for n in range(1, 41))


@pytest.fixture
def sheet(tmp_path):
    return write_xlsx(tmp_path / "会员.xlsx", {"会员": ROWS})


@pytest.fixture
def small_chunks(monkeypatch):
    """A real chunk is up to five thousand members; this list has forty."""
    monkeypatch.setattr(commit, "CHUNK", 7)


def test_imported_members_are_found_through_the_indexes(db, owner, sheet, small_chunks):
    result = commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT)
    assert (result.created, result.balances, result.points) == (40, 40, POINTS)
    plan = database.execute_sql("EXPLAIN QUERY PLAN SELECT id FROM member WHERE phone = ?",
                                ("13900000007",)).fetchall()
    assert "member_phone" in plan[-1][-1]
    assert members.lookup("13900000007").exact.name == "会员7"
    assert [m.name for m in members.lookup("hy").matches][:1] == ["会员1"]
    assert check.run_checks() == []


def test_each_transaction_writes_one_chunk_of_members_with_their_balances(db, owner, sheet, small_chunks,
                                                                         monkeypatch):
    real = commit.batch_transaction
    written = []

    @contextmanager
    def counted(size=None):
        before = (Member.select().count(), LedgerEntry.select().count())
        with real(size):
            yield
            written.append((Member.select().count() - before[0], LedgerEntry.select().count() - before[1]))

    monkeypatch.setattr(commit, "batch_transaction", counted)  # the operation's and each chunk's
    commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT)
    assert written[0] == (0, 0)  # the operation
    assert written[1:] == [(7, 7)] * 5 + [(5, 5)]  # every member with their balance, 7 at a time
    assert check.run_checks() == []


def test_an_import_stopped_half_way_is_whole_members_and_finishes_when_run_again(db, owner, sheet, small_chunks):
    with pytest.raises(ImportStopped):
        commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT, progress=stop_after(14))
    assert Member.select().count() == 14 and LedgerEntry.select().count() == 14
    assert check.run_checks() == []
    again = commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT + dt.timedelta(minutes=5))
    assert (again.created, again.balances) == (26, 26) and not again.already_imported
    assert Member.select().count() == 40 and Operation.select().where(Operation.kind == "import").count() == 1
    assert sum(ledger.balance(m.id) for m in Member.select()) == POINTS
    assert check.run_checks() == []
    finished = commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT + dt.timedelta(minutes=9))
    assert finished.already_imported and (finished.created, finished.balances) == (0, 0)


def test_a_member_signed_up_at_a_till_during_the_import_is_not_duplicated(db, owner, clerk, sheet, small_chunks):
    def progress(done, total, text=""):
        if done == 7:  # between two chunks, the till signs up 会员20
            members.register(phone="13900000020", name="会员20", operator=clerk, at=AT, welcome_coupon=False)

    commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT, progress=progress)
    twenty = list(Member.select().where(Member.phone == "13900000020"))
    assert len(twenty) == 1 and Member.select().count() == 40
    assert ledger.balance(twenty[0].id) == 0
    # Running the file again merges the list's 会员20 into the member the till made, balance and all.
    commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT)
    assert ledger.balance(twenty[0].id) == 200 and Member.select().count() == 40
    assert check.run_checks() == []


def test_only_the_last_chunk_waits_for_the_disk_and_the_connection_is_set_back(db, owner, sheet, small_chunks,
                                                                              monkeypatch):
    """The chunks commit without a sync of their own (each is still whole after a power cut); the
    last commit syncs, and with it every chunk before; the tills' setting (FULL) comes back."""
    real = commit.batch_transaction
    synchronous = []

    @contextmanager
    def watched(size=None):
        with real(size):
            yield
            synchronous.append(database.execute_sql("PRAGMA synchronous").fetchone()[0])

    usual = [database.execute_sql(f"PRAGMA {name}").fetchone()[0] for name in ("synchronous", "wal_autocheckpoint")]
    monkeypatch.setattr(commit, "batch_transaction", watched)  # the operation's and each chunk's
    commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT)
    assert synchronous == [2] + [1] * 5 + [2]  # the operation, five chunks of seven, the last five members
    assert [database.execute_sql(f"PRAGMA {name}").fetchone()[0]
            for name in ("synchronous", "wal_autocheckpoint")] == usual == [2, dialect.WAL_AUTOCHECKPOINT_PAGES]


def test_no_chunk_checkpoints_and_none_is_copied_by_a_till_commit(db, owner, sheet, small_chunks, monkeypatch):
    """The chunks leave the copy to the thread that copies every commit's, without waiting for it,
    and no commit after them copies their pages either: with that thread held back, the file
    holds none of the imported members after the import and a till's sale."""
    db_module._checkpointer.stop()  # no background copy (it may have been woken by the owner's commit)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # the tables and the owner are in the file
    path = Path(database.execute_sql("PRAGMA database_list").fetchone()[2])
    real = commit.batch_transaction
    checkpoints = []

    @contextmanager
    def watched(size=None):
        with dialect.sent(database) as statements:
            with real(size):
                yield
        checkpoints.extend(sql for sql in statements if "checkpoint" in sql.lower())

    monkeypatch.setattr(commit, "batch_transaction", watched)
    commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT)
    member = Member.select().order_by(Member.id).first()
    sales.record_sale(sales.SaleInput(lines=[sales.LineInput("household", 1000)], member_id=member.id,
                                      payments={"cash": 1000}), operator=owner, uid="after-import")
    assert checkpoints == []
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)) as raw:
        assert raw.execute("SELECT COUNT(*) FROM member").fetchone()[0] == 0


def test_the_log_starts_over_during_a_long_import(db, owner, tmp_path, monkeypatch):
    """Each chunk's commit wakes the thread that copies the log; it starts the log over while the
    import goes on, so the log stays a few chunks long however long the list."""
    monkeypatch.setattr(commit, "CHUNK", 40)
    monkeypatch.setattr(checkpointer, "RESTART_AFTER_PAGES", 48)
    rows = [["姓名", "手机号", "积分"]] + [[f"会员{n}", f"137{n:08d}", str(n)] for n in range(1, 2001)]
    long_sheet = write_xlsx(tmp_path / "长名单.xlsx", {"会员": rows})
    path = Path(database.execute_sql("PRAGMA database_list").fetchone()[2])
    most = []

    def progress(done, total, text=""):
        most.append(dialect_log.log_file_pages(path))

    result = commit.commit_import(read_plan(long_sheet, today=TODAY), owner, at=AT, progress=progress)
    assert result.created == 2000
    copier = db_module._checkpointer
    assert copier is not None and copier.restarts >= 1
    assert max(most) < 1000, most


def test_a_chunk_writes_its_members_and_balances_with_a_few_statements(db, owner, tmp_path, monkeypatch):
    """SQLite runs a handful of INSERTs per chunk, not one per member (each of which journalled every
    page the row touched); the triggers still count every member. Counted by SQLite's own trace,
    which reports each run of a statement with its values, and reports it again, word for word,
    at each trigger it fires: a run of the same text is one statement."""
    monkeypatch.setattr(db_module, "CHUNK_TARGET_S", 60.0)  # one chunk of all 600, however slow the machine
    monkeypatch.setattr(commit, "FIRST_CHUNK", 600)
    rows = [["姓名", "手机号", "性别", "积分"]] + [
        [f"会员{n}", f"137{n:08d}", "女" if n % 3 else "男", str(n)] for n in range(1, 601)]
    plan = read_plan(write_xlsx(tmp_path / "六百.xlsx", {"会员": rows}), today=TODAY)
    ran: list[str] = []
    database.connection().set_trace_callback(ran.append)
    try:
        result = commit.commit_import(plan, owner, at=AT)
    finally:
        database.connection().set_trace_callback(None)
    assert (result.created, result.balances) == (600, 600)
    ran = [sql for sql, _ in itertools.groupby(ran)]

    def rows_inserted(table: str) -> list[int]:
        return [sql.count("), (") + 1 for sql in ran if sql.startswith(f'INSERT INTO "{table}"')]

    assert rows_inserted("member") == rows_inserted("ledger_entry") == [256, 256, 64, 16, 8]
    assert len(ran) <= 60  # every statement of the whole import of 600 members
    assert dict(database.execute_sql("SELECT gender, SUM(members) FROM birthday_tally GROUP BY gender")
                .fetchall()) == {"M": 200, "F": 400}
    assert check.run_checks() == []
