"""``check`` and ``check --full``: which engine checks each runs, and the connection left as it was."""

import sqlite3
import threading

import pytest

from pharmacy_desk.core import check, dialect
from pharmacy_desk.core.db import database


@pytest.fixture
def statements(db, monkeypatch):
    """(thread, statement) of everything any connection of the database runs from now on."""
    seen = []

    def trace(connection: sqlite3.Connection) -> None:
        thread = threading.current_thread().name
        connection.set_trace_callback(lambda statement: seen.append((thread, statement)))

    trace(db.connection())
    hooks = db._add_conn_hooks  # how peewee prepares each new connection, one a thread
    monkeypatch.setattr(db, "_add_conn_hooks", lambda connection: (hooks(connection), trace(connection)))
    yield seen
    db.connection().set_trace_callback(None)


@pytest.fixture(params=[1, 2], ids=["one core", "two cores"])
def cores(request, monkeypatch):
    monkeypatch.setattr(check, "usable_cores", lambda: request.param)
    return request.param


@pytest.mark.parametrize("full, runs, skips", [
    (False, ["PRAGMA quick_check"], ["PRAGMA integrity_check", "PRAGMA foreign_key_check"]),
    (True, ["PRAGMA integrity_check", "PRAGMA foreign_key_check"], ["PRAGMA quick_check"]),
])
def test_quick_check_or_the_full_engine_checks(statements, cores, full, runs, skips):
    assert check.run_checks(full=full) == []
    ran = lambda pragma: any(statement.startswith(pragma) for _thread, statement in statements)  # noqa: E731
    assert all(ran(pragma) for pragma in runs)
    assert not any(ran(pragma) for pragma in skips)


@pytest.mark.parametrize("full, engine", [(False, "PRAGMA quick_check"), (True, "PRAGMA integrity_check")])
def test_on_two_cores_the_engine_check_reads_on_a_second_connection_beside_the_invariants(
        statements, cores, full, engine):
    main = threading.current_thread().name
    assert check.run_checks(full=full) == []
    threads = lambda start: {thread for thread, statement in statements if statement.startswith(start)}  # noqa: E731
    assert all(threads(sql) == {main} for _name, sql, _fmt in check.LEDGER_CHECKS)
    assert threads("PRAGMA foreign_key_check") <= {main}
    assert (threads(engine) != {main}) is (cores == 2) and len(threads(engine)) == 1
    if cores == 2:  # the second connection reads with the bulk settings and is closed after
        second = threads(engine)
        assert {statement for thread, statement in statements if thread in second} >= {
            f"PRAGMA {name} = {value}" for name, value in dialect.BULK_READ_PRAGMAS}
        assert not [thread for thread in threading.enumerate() if thread.name in second]


def test_a_database_in_memory_is_checked_on_its_own_connection(monkeypatch):
    from pharmacy_desk.core.db import close_database, open_database

    monkeypatch.setattr(check, "usable_cores", lambda: 2)
    open_database(":memory:", create=True)
    try:
        assert not check.side_by_side() and check.run_checks(full=False) == []
    finally:
        close_database()


def test_the_check_reads_with_a_large_cache_and_gives_the_connection_its_own_back(db):
    usual = dialect.PRAGMAS
    inside = []
    with dialect.bulk_reading(database):
        inside.append(database.execute_sql("PRAGMA cache_size").fetchone()[0])
    assert inside == [dict(dialect.BULK_READ_PRAGMAS)["cache_size"]]
    assert database.execute_sql("PRAGMA cache_size").fetchone()[0] == dict(usual)["cache_size"]


def test_check_without_full_still_finds_a_negative_balance(db):
    from pharmacy_desk.core import members
    from pharmacy_desk.core.models import Operation, Staff

    member = members.register(phone="13812345678", name="张三",
                              operator=Staff.create(name="李娜", role="owner")).member
    # Written past the services, as a program editing the file would.
    operation = Operation.select().first()
    db.execute_sql("INSERT INTO ledger_entry (member_id, kind, points, created_at, key, operation_id, staff_id, reason) "
                   "VALUES (?, 'adjust', -50, '2026-01-01 10:00:00', 'tamper:1', ?, ?, '')",
                   (member.id, operation.id, operation.staff_id))
    names = {problem.check for problem in check.run_checks(full=False)}
    assert "会员积分余额为负" in names
