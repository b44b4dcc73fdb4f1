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

A migration that rebuilds a table (create the new one, copy, drop the old, rename) puts
the line ``-- rebuilds tables`` in its file: it then runs with foreign keys off, as
SQLite's rebuild procedure requires, and is rolled back if it leaves a reference
dangling. A migration may call ``sha256_hex(text)``, which every connection registers
(``dialect.new_database``).

The append-only guards (``APPEND_ONLY``) are put back at every opening when missing or
altered (``restore_guards``), and the restore is recorded in the audit trail. So are the
triggers that keep derived figures, each with the figure it keeps counted again
(``core/kept_figures.py``), and the indexes and views (``core/schema_objects.py``); which is
put back when is ``core/repairs.py``.

The tests find the new version by itself: vN-1.sql migrated to N must match vN.sql, a v1
database migrated to N must match a new one, and its data must survive.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable

from pharmacy_desk.core import db, dialect_triggers
from pharmacy_desk.core.errors import StorageError
from pharmacy_desk.core.schema_shape import sql_tokens
from pharmacy_desk.core.sentences import QT_TRANSLATE_NOOP

LEDGER_GUARD_MESSAGE = "积分流水只能追加，不能修改或删除"
RECORD_GUARD_MESSAGE = "营业记录和操作日志只能追加，不能修改或删除"

# Tables whose rows are never changed: corrections are new rows. Triggers refuse UPDATE
# and DELETE (and, with recursive triggers on, the delete inside INSERT OR REPLACE).
APPEND_ONLY: dict[str, str] = {
    "ledger_entry": LEDGER_GUARD_MESSAGE,
    "ledger_allocation": LEDGER_GUARD_MESSAGE,
    "sale": RECORD_GUARD_MESSAGE,
    "sale_line": RECORD_GUARD_MESSAGE,
    "payment": RECORD_GUARD_MESSAGE,
    "sale_return": RECORD_GUARD_MESSAGE,
    "sale_return_line": RECORD_GUARD_MESSAGE,
    "sale_return_payment": RECORD_GUARD_MESSAGE,
    "redemption": RECORD_GUARD_MESSAGE,
    "tier_change": RECORD_GUARD_MESSAGE,
    "coupon_use": RECORD_GUARD_MESSAGE,
    "coupon_service_use": RECORD_GUARD_MESSAGE,
    "operation": RECORD_GUARD_MESSAGE,
    "month_report": RECORD_GUARD_MESSAGE,
}
APPEND_ONLY_TABLES = tuple(APPEND_ONLY)
GUARDED_VERBS = ("UPDATE", "DELETE")


def guard_name(table: str, verb: str) -> str:
    return f"{table}_no_{verb.lower()}"


def guard_sql(table: str, verb: str) -> str:
    """The trigger that refuses ``verb`` on ``table``, as the schema has always written it."""
    return f"""CREATE TRIGGER IF NOT EXISTS {guard_name(table, verb)} BEFORE {verb} ON {table}
            BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY[table]}'); END"""


GUARDS = {guard_name(table, verb): guard_sql(table, verb) for table in APPEND_ONLY for verb in GUARDED_VERBS}

COUPON_IN_USE_VIEW = """CREATE VIEW IF NOT EXISTS coupon_in_use AS
    SELECT u.coupon_id, u.sale_id, u.used_at FROM coupon_use u
    WHERE NOT EXISTS (SELECT 1 FROM sale_return r WHERE r.sale_id = u.sale_id AND r.coupon_restored)
    UNION ALL SELECT s.coupon_id, NULL, s.used_at FROM coupon_service_use s"""

# Things peewee's create_tables does not express: an expression index for "last four
# digits of the phone", the append-only guards, the view of coupons in use, and the triggers
# that keep figures derived from the business rows (``core/dialect_triggers.py``): the rules'
# stamp, the members' counts and the sale's bookkeeping.
EXTRA_SQL = [
    "CREATE INDEX IF NOT EXISTS member_phone_tail ON member (substr(phone, -4))",
    *GUARDS.values(),
    COUPON_IN_USE_VIEW,
    *dialect_triggers.RULE_VERSION_TRIGGERS.values(),
    *dialect_triggers.MEMBER_TALLY_TRIGGERS.values(),
    *dialect_triggers.SALE_TRIGGERS.values(),
]


CURRENT_VERSION = 16


def schema_sql():
    """The folder of frozen SQL, read through the package's resources (so a frozen program finds it too).

    Found when a migration or a snapshot is read, not at import: the windows read ``CURRENT_VERSION``
    before their first paint, and ``importlib.resources`` would cost it some milliseconds.
    """
    from importlib import resources

    return resources.files("pharmacy_desk.core").joinpath("schema_sql")


Migration = Callable[[], None]


def migration_sql(version: int) -> str:
    """The frozen SQL that brings a database from ``version - 1`` to ``version``."""
    return schema_sql().joinpath(f"migrate_v{version}.sql").read_text(encoding="utf-8")


def snapshot_sql(version: int) -> str:
    """The schema a new database of ``version`` had, as SQL."""
    return schema_sql().joinpath(f"v{version}.sql").read_text(encoding="utf-8")


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


# A migration that rebuilds a table says so on a line of its own; it runs with foreign
# keys off (SQLite's procedure for a table rebuild: dropping the old table would otherwise
# delete through every reference to it) and is refused if it left a dangling reference.
REBUILD_MARKER = "-- rebuilds tables"


def rebuilds_tables(version: int) -> bool:
    return any(line.strip() == REBUILD_MARKER for line in migration_sql(version).splitlines())


def _run_migration(version: int) -> None:
    for statement in sql_statements(migration_sql(version)):
        db.database.execute_sql(statement)


# version -> what brings a database from version-1 to version.
MIGRATIONS: dict[int, Migration] = {
    version: functools.partial(_run_migration, version) for version in range(2, CURRENT_VERSION + 1)
}


def user_version() -> int:
    return db.database.execute_sql("PRAGMA user_version").fetchone()[0]


def _set_user_version(version: int) -> None:
    db.database.execute_sql(f"PRAGMA user_version = {int(version)}")


def create_fresh() -> None:
    from pharmacy_desk.core.bookkeeping_models import BOOKKEEPING_MODELS
    from pharmacy_desk.core.defaults import seed_defaults
    from pharmacy_desk.core.models import MODELS

    with db.write_transaction():
        db.database.create_tables(MODELS + BOOKKEEPING_MODELS)
        for sql in EXTRA_SQL:
            db.database.execute_sql(sql)
        seed_defaults()
        _set_user_version(CURRENT_VERSION)


def newer_version(version: int, path: object = None) -> StorageError:
    """The refusal of a database written by a newer version of the program."""
    if path is not None:
        return StorageError(QT_TRANSLATE_NOOP(
            "core", "数据库文件 {path} 来自更新版本的程序（结构版本 {version}），请升级本程序后再打开。文件没有被改动。"),
            path=path, version=version)
    return StorageError(QT_TRANSLATE_NOOP(
        "core", "这个数据库来自更新版本的程序（结构版本 {version}），请升级本程序后再打开。文件没有被改动。"), version=version)


def ensure_current(target: int | None = None, *, repair_later: bool = False) -> int:
    """Create or migrate the open database to ``target`` (default: current). Returns the version.

    At the current version, what another program dropped or altered is put back
    (``repairs.at_opening``); ``repair_later`` leaves what takes long to ``repairs.beside_tills``.
    """
    global restored_at_open
    from pharmacy_desk.core import kept_figures, repairs

    restored_at_open, kept_figures.restored_at_open, repairs.restored_at_open = [], [], []  # this database's
    target = CURRENT_VERSION if target is None else target
    version = user_version()
    if version == 0 and not db.database.get_tables():
        create_fresh()
        return CURRENT_VERSION
    if version > target:
        raise newer_version(version)
    for step in range(version + 1, target + 1):
        _migrate(step)
    if target == CURRENT_VERSION:
        repairs.at_opening(later=repair_later)
    return target


def _migrate(step: int) -> None:
    from pharmacy_desk.core import dialect

    rebuild = step in MIGRATIONS and rebuilds_tables(step)
    if rebuild:
        db.database.execute_sql("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
    try:
        with db.write_transaction():
            MIGRATIONS[step]()
            if rebuild and dialect.foreign_key_violations(db.database):
                raise StorageError(QT_TRANSLATE_NOOP("core", "结构升级到版本 {step} 后有记录指向不存在的数据，已撤销这次升级。"), step=step)
            _set_user_version(step)
    finally:
        if rebuild:
            db.database.execute_sql("PRAGMA foreign_keys = ON")


# The guards the last opening found missing or altered and put back, for ``check`` to report.
restored_at_open: list[str] = []


def changed_triggers(declared: dict[str, str]) -> list[str]:
    """The triggers of ``declared`` (name → CREATE statement) that are missing or no longer say what it says."""
    from pharmacy_desk.core import dialect_catalog

    present = dialect_catalog.trigger_definitions(db.database)
    return [name for name, sql in declared.items()
            if name not in present or sql_tokens(present[name]) != sql_tokens(sql)]


def put_back(declared: dict[str, str], names: list[str]) -> None:
    """Write triggers ``names`` of ``declared`` again as declared, inside the caller's transaction."""
    from pharmacy_desk.core import dialect_catalog

    for name in names:
        dialect_catalog.drop_trigger(db.database, name)
        db.database.execute_sql(declared[name])


def missing_guards() -> list[str]:
    """The append-only guards that are missing or no longer say what the schema wrote."""
    return changed_triggers(GUARDS)


def restore_guards() -> list[str]:
    """Put back every missing or altered append-only guard; returns their names.

    Run at every start and by ``init``. A restore is recorded in the audit trail, so the
    gap it closes stays visible. The triggers that keep derived figures are put back beside
    them, each with its figure rebuilt (``kept_figures.restore``).
    """
    global restored_at_open
    names = missing_guards()
    restored_at_open = names
    if not names:
        return []
    from pharmacy_desk.core import audit
    from pharmacy_desk.core.vocabulary import OperationKind

    with db.write_transaction():
        put_back(GUARDS, names)
        audit.record(OperationKind.GUARDS_RESTORED, None, subject="schema", detail="、".join(names))
    return names
