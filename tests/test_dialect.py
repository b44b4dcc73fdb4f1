"""The database seam: the models reach the engine only through the proxy; SQLite-only
SQL comes from the dialect module."""

import pytest
from peewee import DatabaseProxy, SqliteDatabase

from pharmacy_desk.core import db as core_db
from pharmacy_desk.core import dialect, members
from pharmacy_desk.core.models import Member


def test_models_are_bound_through_the_proxy(db):
    assert isinstance(core_db.database, DatabaseProxy)
    assert Member._meta.database is core_db.database
    assert isinstance(core_db.database.obj, SqliteDatabase) and db is core_db.database.obj


def test_every_pragma_is_applied_on_open(db):
    for name, value in dialect.PRAGMAS:
        assert db.execute_sql(f"PRAGMA {name}").fetchone()[0] == value


def test_reopening_points_the_proxy_at_the_new_file(tmp_path, make_member):
    make_member(phone="13800000001")
    first = core_db.database.obj
    core_db.open_database(tmp_path / "other.sqlite3")
    try:
        assert core_db.database.obj is not first and first.is_closed()
        assert Member.select().count() == 0
    finally:
        core_db.close_database()


def test_write_transaction_takes_the_write_lock_up_front(db, tmp_path):
    import sqlite3

    other = sqlite3.connect(tmp_path / "test.sqlite3", timeout=0)
    try:
        with core_db.write_transaction():
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.rollback()
    finally:
        other.close()


def test_the_phone_tail_is_the_index_expression(db):
    # The lookup is fast only while its text repeats the index's expression word for word.
    def bare(sql):
        return sql.replace('"', "").replace(" ", "")

    index_sql = dict(dialect.index_definitions(db, "member"))["member_phone_tail"]
    assert bare(dialect.PHONE_TAIL) in bare(index_sql)
    plan = db.execute_sql(f"EXPLAIN QUERY PLAN SELECT id FROM member WHERE {dialect.PHONE_TAIL} = ?", ("1234",))
    assert "member_phone_tail" in " ".join(row[-1] for row in plan)


def test_prefix_patterns_take_wildcards_literally(make_member):
    make_member(phone="13800000001", name="王*")
    make_member(phone="13800000002", name="王五")
    assert [m.name for m in members.lookup("王*").matches] == ["王*"]
    assert [m.name for m in members.lookup("王").matches] == ["王*", "王五"]
