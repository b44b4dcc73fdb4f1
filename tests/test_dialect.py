"""The database seam: SQLite-only SQL lives in the dialect module, and the models reach the
engine only through the proxy."""

import re
from pathlib import Path

import pytest
from peewee import DatabaseProxy, SqliteDatabase

import pharmacy_desk
from pharmacy_desk.core import db as core_db
from pharmacy_desk.core import dialect, dialect_catalog, members
from pharmacy_desk.core.models import Member

PACKAGE = Path(pharmacy_desk.__file__).parent

# The modules allowed to speak SQLite: the connection, the dialect (the open database, its
# files and the triggers that keep derived figures), and the frozen migrations with the schema comparison that checks them (literal SQL
# of each version and each backend, by design).
ALLOWED = {"core/db.py", "core/dialect.py", "core/dialect_catalog.py", "core/dialect_files.py", "core/dialect_log.py",
           "core/dialect_sql.py", "core/dialect_triggers.py", "core/schema.py",
           "core/schema_shape.py"}

SQLITE_ONLY = {
    "PRAGMA": r"\bPRAGMA\b",
    "NOT INDEXED / INDEXED BY": r"\bNOT INDEXED\b|\bINDEXED BY\b",
    "sqlite_master and other sqlite_ names": r"\bsqlite_\w+",
    "strftime() in SQL": r"(?<![.\w])strftime\s*\(",
    "julianday()": r"\bjulianday\s*\(",
    "GLOB": r"\bGLOB\b",
    "substr() from the end": r"\bsubstr\s*\([^)]*,\s*-\d",
    "INSERT OR IGNORE / REPLACE": r"\bOR\s+(IGNORE|REPLACE)\b",
    "last_insert_rowid()": r"\blast_insert_rowid\b",
    "the sqlite3 driver": r"^\s*(import|from)\s+sqlite3\b",
    "SqliteDatabase": r"\bSqliteDatabase\b",
    "JSON functions": r"\bjson_\w+\s*\(",
}


def sqlite_tokens(text: str) -> list[str]:
    return [name for name, pattern in SQLITE_ONLY.items() if re.search(pattern, text, re.MULTILINE)]


def test_only_the_seam_modules_speak_sqlite():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in ALLOWED:
            continue
        found = sqlite_tokens(path.read_text(encoding="utf-8"))
        if found:
            offenders[relative] = found
    assert offenders == {}


def test_the_scan_sees_what_the_dialect_holds():
    # The patterns must match the real fragments, or the scan above proves nothing.
    held = sqlite_tokens("".join((PACKAGE / "core" / name).read_text(encoding="utf-8")
                                 for name in ("dialect.py", "dialect_files.py", "dialect_sql.py", "dialect_triggers.py")))
    assert set(held) >= {"PRAGMA", "NOT INDEXED / INDEXED BY", "sqlite_master and other sqlite_ names",
                         "strftime() in SQL", "julianday()", "GLOB", "substr() from the end",
                         "the sqlite3 driver", "SqliteDatabase", "JSON functions"}
    # Python's own date formatting is not SQL.
    assert sqlite_tokens('day.strftime("%m-%d")') == []


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
    core_db.open_database(tmp_path / "other.sqlite3", create=True)
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

    index_sql = dict(dialect_catalog.index_definitions(db, "member"))["member_phone_tail"]
    assert bare(dialect.PHONE_TAIL) in bare(index_sql)
    plan = db.execute_sql(f"EXPLAIN QUERY PLAN SELECT id FROM member WHERE {dialect.PHONE_TAIL} = ?", ("1234",))
    assert "member_phone_tail" in " ".join(row[-1] for row in plan)


def test_prefix_patterns_take_wildcards_literally(make_member):
    make_member(phone="13800000001", name="王*")
    make_member(phone="13800000002", name="王五")
    assert [m.name for m in members.lookup("王*").matches] == ["王*"]
    assert [m.name for m in members.lookup("王").matches] == ["王*", "王五"]


def test_count_where_counts_the_rows_that_meet_a_condition_and_zero_for_none(db):
    from pharmacy_desk.core import dialect

    db.execute_sql("CREATE TEMP TABLE n (v INTEGER)")
    db.execute_sql("INSERT INTO n VALUES (1), (5), (7), (NULL)")
    counted = db.execute_sql(f"SELECT {dialect.count_where('v > 4')}, {dialect.count_where('v > 9')} FROM n").fetchone()
    assert counted == (2, 0)
    assert db.execute_sql(f"SELECT {dialect.count_where('v > 4')} FROM n WHERE 0").fetchone() == (0,)


def test_not_via_index_keeps_the_planner_off_the_columns_index(db):
    from pharmacy_desk.core import dialect

    term = dialect.not_via_index("created_at")
    plan = " ".join(row[3] for row in db.execute_sql(
        f"EXPLAIN QUERY PLAN SELECT id FROM sale WHERE {term} >= '2026-01-01'").fetchall())
    assert "(created_at>?)" not in plan  # the index may still be scanned as a copy of the column, not searched
    indexed = " ".join(row[3] for row in db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM sale WHERE created_at >= '2026-01-01'").fetchall())
    assert "sale_created_at (created_at>?)" in indexed
