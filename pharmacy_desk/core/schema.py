"""Schema creation and versioned migrations.

The version lives in SQLite's ``user_version``. A new database is created from the
models at the current version; an older one runs each migration in turn, each in
its own transaction, so a failure leaves it at the last good version.

Migrations are frozen. Migration vN is the literal SQL of ``schema_sql/migrate_vN.sql``,
never today's models or functions: those change with every later version, and a
database still at vN-1 must be brought to vN exactly as vN was released. The SQL is
SQLite's; another backend would get migrations of its own. ``schema_sql/vN.sql`` is the
schema a new database of version N had, kept to test the migrations
(``tests/test_schema.py``).

Adding version N:

1. Write ``schema_sql/migrate_vN.sql``: the statements that bring a vN-1 database to vN,
   as literal SQL. Data that must be recomputed is recomputed in SQL, with any rule it
   needs (a table of values, say) written into the file, not imported.
2. Change the models (or ``EXTRA_SQL``) so that a new database gets the same schema. A
   NOT NULL column added with ``ALTER TABLE … DEFAULT x`` needs the same default on its
   field: ``constraints=[SQL("DEFAULT x")]``.
3. Bump ``CURRENT_VERSION``.
4. Add ``schema_sql/vN.sql``, the schema of a new database of the new version::

       python -c "from pharmacy_desk.core import db, schema_shape; \\
           print(schema_shape.snapshot_text(db.open_database(':memory:').connection()), end='')"

   with a first line saying what it is, as the other snapshots have.

The tests find the new version by itself: vN-1.sql migrated to N must match vN.sql, a v1
database migrated to N must match a new one, and its data must survive.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from importlib import resources

from pharmacy_desk.core.db import database, write_transaction
from pharmacy_desk.core.errors import StorageError
from pharmacy_desk.core.schema_shape import sql_tokens

# Things peewee's create_tables does not express: an expression index for
# "last four digits of the phone" and the triggers that make the ledger append-only.
APPEND_ONLY_TABLES = ("ledger_entry", "ledger_allocation")

EXTRA_SQL = [
    "CREATE INDEX IF NOT EXISTS member_phone_tail ON member (substr(phone, -4))",
    *(
        f"""CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table}
            BEGIN SELECT RAISE(ABORT, '积分流水只能追加，不能修改或删除'); END"""
        for table in APPEND_ONLY_TABLES
        for verb in ("UPDATE", "DELETE")
    ),
]

CURRENT_VERSION = 5

SCHEMA_SQL = resources.files("pharmacy_desk.core").joinpath("schema_sql")

Migration = Callable[[], None]


def migration_sql(version: int) -> str:
    """The frozen SQL that brings a database from ``version - 1`` to ``version``."""
    return SCHEMA_SQL.joinpath(f"migrate_v{version}.sql").read_text(encoding="utf-8")


def snapshot_sql(version: int) -> str:
    """The schema a new database of ``version`` had, as SQL."""
    return SCHEMA_SQL.joinpath(f"v{version}.sql").read_text(encoding="utf-8")


def sql_statements(script: str) -> list[str]:
    """``script``'s statements one by one, split where SQLite itself sees a complete statement.

    ``executescript`` would commit the migration's transaction first; splitting at every
    semicolon would cut a trigger body in two.
    """
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if sql_tokens(pending):
        raise ValueError(f"incomplete SQL statement at the end of the script: {pending.strip()[:80]}")
    return statements


def _run_migration(version: int) -> None:
    for statement in sql_statements(migration_sql(version)):
        database.execute_sql(statement)


# version -> what brings a database from version-1 to version.
MIGRATIONS: dict[int, Migration] = {
    version: functools.partial(_run_migration, version) for version in range(2, CURRENT_VERSION + 1)
}


def user_version() -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def _set_user_version(version: int) -> None:
    database.execute_sql(f"PRAGMA user_version = {int(version)}")


def create_fresh() -> None:
    from pharmacy_desk.core.defaults import seed_defaults
    from pharmacy_desk.core.models import MODELS

    with write_transaction():
        database.create_tables(MODELS)
        for sql in EXTRA_SQL:
            database.execute_sql(sql)
        seed_defaults()
        _set_user_version(CURRENT_VERSION)


def ensure_current(target: int | None = None) -> int:
    """Create or migrate the open database to ``target`` (default: current). Returns the version."""
    target = CURRENT_VERSION if target is None else target
    version = user_version()
    if version == 0 and not database.get_tables():
        create_fresh()
        return CURRENT_VERSION
    if version > target:
        raise StorageError(f"这个数据库来自更新版本的程序（结构版本 {version}），请升级本程序后再打开。")
    for step in range(version + 1, target + 1):
        with write_transaction():
            MIGRATIONS[step]()
            _set_user_version(step)
    return target
