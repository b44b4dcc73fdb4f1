"""Schema creation and versioned migrations.

The version lives in SQLite's ``user_version``. A new database is created from the
models at the current version; an older one runs each migration in turn, each in
its own transaction, so a failure leaves it at the last good version.
"""

from __future__ import annotations

from typing import Callable

from pharmacy_desk.core.db import database, write_transaction
from pharmacy_desk.core.errors import StorageError

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

Migration = Callable[[], None]

# version -> the function that brings a database from version-1 to version.
MIGRATIONS: dict[int, Migration] = {}

CURRENT_VERSION = 4


def migration(version: int) -> Callable[[Migration], Migration]:
    def register(func: Migration) -> Migration:
        MIGRATIONS[version] = func
        return func
    return register


@migration(2)
def _add_health_file_and_contacts() -> None:
    """v2: the consent-gated health file, counter measurements and the call log.

    Plain ALTER TABLE: SQLite adds a NOT NULL column with a constant default in
    place, where a table rebuild would trip over the foreign keys pointing at member.
    """
    from pharmacy_desk.core.models import ContactLog, Measurement

    database.execute_sql('ALTER TABLE "member" ADD COLUMN "health_consent_on" DATE')
    for column in ("chronic_conditions", "allergies", "long_term_meds"):
        database.execute_sql(f'ALTER TABLE "member" ADD COLUMN "{column}" TEXT NOT NULL DEFAULT \'\'')
    database.create_tables([Measurement, ContactLog])


# v3 drops indexes no query uses (each costs every insert: a 100,000-member import
# or a sale pays for all of them) and widens the member/time index of sales so the
# per-member spend aggregates read the index alone; pinyin initials are indexed with
# the name so a lookup reads its first screenful in order.
UNUSED_INDEXES_V3 = (
    "member_tier_id", "member_joined_by_id", "sale_member_id", "sale_staff_id", "sale_owner_staff_id",
    "sale_member_id_created_at", "sale_line_category_id", "ledger_entry_staff_id",
    "ledger_entry_sale_return_id", "ledger_entry_redemption_id", "ledger_entry_corrects_id",
    "member_name_initials",
)


@migration(3)
def _tune_indexes() -> None:
    for name in UNUSED_INDEXES_V3:
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    database.execute_sql('CREATE INDEX IF NOT EXISTS "sale_member_id_created_at_paid_fen" '
                         'ON "sale" ("member_id", "created_at", "paid_fen")')
    database.execute_sql('CREATE INDEX IF NOT EXISTS "member_name_initials_name" '
                         'ON "member" ("name_initials", "name")')
    # Initials now read surnames as surnames (曾 → z); recompute the few affected members.
    from pharmacy_desk.core.normalize import SURNAME_INITIALS, name_initials

    marks = ", ".join("?" * len(SURNAME_INITIALS))
    rows = database.execute_sql(f'SELECT id, name FROM "member" WHERE substr(name, 1, 1) IN ({marks})',
                                tuple(SURNAME_INITIALS)).fetchall()
    for member_id, name in rows:
        database.execute_sql('UPDATE "member" SET name_initials = ? WHERE id = ?', (name_initials(name), member_id))


@migration(4)
def _operation_detail_and_sale_points_factor() -> None:
    """v4: an operation says what it changed (a setting's old → new value); a sale keeps the
    points factor it was priced with and the bonuses behind it, so "why 27 points?" has an answer.

    ``points_factor`` stays NULL on sales recorded before v4: what they used was not kept.
    """
    database.execute_sql('ALTER TABLE "operation" ADD COLUMN "detail" TEXT NOT NULL DEFAULT \'\'')
    database.execute_sql('ALTER TABLE "sale" ADD COLUMN "points_factor" TEXT')
    database.execute_sql('ALTER TABLE "sale" ADD COLUMN "points_bonuses" TEXT NOT NULL DEFAULT \'\'')


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
