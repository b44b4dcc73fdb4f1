"""``check`` and ``check --full``: which engine checks each runs, and the connection left as it was."""

import sqlite3

import pytest

from pharmacy_desk.core import check, dialect
from pharmacy_desk.core.db import database


class Statements:
    """The statements the connection runs while the block is active."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection, self.seen = connection, []

    def __enter__(self):
        self.connection.set_trace_callback(self.seen.append)
        return self.seen

    def __exit__(self, *exc):
        self.connection.set_trace_callback(None)


@pytest.mark.parametrize("full, runs, skips", [
    (False, ["PRAGMA quick_check"], ["PRAGMA integrity_check", "PRAGMA foreign_key_check"]),
    (True, ["PRAGMA integrity_check", "PRAGMA foreign_key_check"], ["PRAGMA quick_check"]),
])
def test_quick_check_or_the_full_engine_checks(db, full, runs, skips):
    with Statements(db.connection()) as seen:
        assert check.run_checks(full=full) == []
    ran = lambda pragma: any(statement.startswith(pragma) for statement in seen)  # noqa: E731
    assert all(ran(pragma) for pragma in runs)
    assert not any(ran(pragma) for pragma in skips)


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
