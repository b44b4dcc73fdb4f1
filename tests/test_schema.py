import datetime as dt
import re
import sqlite3
import sys
from importlib import resources

import peewee
import pytest

from pharmacy_desk.core import schema
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.errors import StorageError
from pharmacy_desk.core.schema_shape import schema_differences, schema_shape, snapshot_text

SCHEMA_SQL = resources.files("pharmacy_desk.core").joinpath("schema_sql")
SNAPSHOT_VERSIONS = sorted(int(m[1]) for f in SCHEMA_SQL.iterdir() if (m := re.fullmatch(r"v(\d+)\.sql", f.name)))
MIGRATION_VERSIONS = sorted(
    int(m[1]) for f in SCHEMA_SQL.iterdir() if (m := re.fullmatch(r"migrate_v(\d+)\.sql", f.name)))

# A database created new by v2 or v3 declares member's three health-file text columns
# without a default: the models of those versions lacked the DEFAULT '' that the v2
# migration's ALTER TABLE had to give them (SQLite adds no NOT NULL column without one).
# The models declare it from v4 on, so a new and a migrated database agree today, but a
# database born at v2 or v3 keeps the bare declaration through every later migration.
# Nothing inserts a member without those columns, so the difference changes nothing.
BORN_WITHOUT_HEALTH_DEFAULTS = {2, 3}
HEALTH_TEXT_COLUMNS = re.compile(
    r"""("(?:chronic_conditions|allergies|long_term_meds)" TEXT NOT NULL)(?: DEFAULT '')?""")


def snapshot_as_born(version, born):
    """vN.sql as a database created at version ``born`` and migrated to N has it."""
    sql = schema.snapshot_sql(version)
    if version < 2:
        return sql
    default = "" if born in BORN_WITHOUT_HEALTH_DEFAULTS else " DEFAULT ''"
    sql, found = HEALTH_TEXT_COLUMNS.subn(lambda m: m[1] + default, sql)
    assert found == 3
    return sql


def make_database(path, sql, version):
    con = sqlite3.connect(path)
    con.executescript(sql)
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()


def shape_of_sql(sql):
    con = sqlite3.connect(":memory:")
    try:
        con.executescript(sql)
        return schema_shape(con)
    finally:
        con.close()


def migrated_shape(path, version, target=None):
    """Migrate the database at ``path`` (at ``version``) to ``target`` and return its schema's shape."""
    open_database(path, migrate=False)
    try:
        assert schema.user_version() == version
        schema.ensure_current(target)
        assert schema.user_version() == (schema.CURRENT_VERSION if target is None else target)
        return schema_shape(database.connection())
    finally:
        close_database()


def fresh_shape(path):
    open_database(path, create=True)
    try:
        return schema_shape(database.connection())
    finally:
        close_database()


# -- the snapshots and migrations on file ------------------------------------------------------

def test_every_version_has_its_snapshot_and_migration():
    assert SNAPSHOT_VERSIONS == list(range(1, schema.CURRENT_VERSION + 1))
    assert MIGRATION_VERSIONS == sorted(schema.MIGRATIONS) == list(range(2, schema.CURRENT_VERSION + 1))


@pytest.mark.parametrize("version", SNAPSHOT_VERSIONS)
def test_a_snapshot_is_the_database_born_at_its_version(version):
    """The drift listed above is what the snapshot files hold, no more."""
    assert snapshot_as_born(version, born=version) == schema.snapshot_sql(version)
    con = sqlite3.connect(":memory:")
    con.executescript(schema.snapshot_sql(version))
    assert schema.snapshot_sql(version).split("\n", 1)[1] == snapshot_text(con)
    con.close()


def test_a_new_database_has_the_schema_of_the_newest_snapshot(tmp_path):
    expected = shape_of_sql(schema.snapshot_sql(schema.CURRENT_VERSION))
    assert schema_differences(fresh_shape(tmp_path / "fresh.sqlite3"), expected) == []


# -- each step, and every step from v1 ---------------------------------------------------------

@pytest.mark.parametrize("version", SNAPSHOT_VERSIONS[:-1])
def test_a_migration_turns_the_snapshot_of_its_version_into_the_next(tmp_path, version):
    path = tmp_path / f"v{version}.sqlite3"
    make_database(path, schema.snapshot_sql(version), version)
    migrated = migrated_shape(path, version, version + 1)
    assert schema_differences(migrated, shape_of_sql(snapshot_as_born(version + 1, born=version))) == []


@pytest.mark.parametrize("version", SNAPSHOT_VERSIONS[1:])
def test_a_version_1_database_migrated_to_each_version_matches_its_snapshot(tmp_path, version):
    path = tmp_path / "v1.sqlite3"
    make_database(path, schema.snapshot_sql(1), 1)
    migrated = migrated_shape(path, 1, version)
    assert schema_differences(migrated, shape_of_sql(snapshot_as_born(version, born=1))) == []


def test_a_version_1_database_migrated_to_current_matches_a_new_one(tmp_path):
    path = tmp_path / "v1.sqlite3"
    make_database(path, schema.snapshot_sql(1), 1)
    migrated = migrated_shape(path, 1)
    assert schema_differences(migrated, fresh_shape(tmp_path / "fresh.sqlite3")) == []


def test_migrations_use_neither_the_models_nor_the_normalising_rules(tmp_path, monkeypatch):
    """Both change with later versions; a migration is the SQL of its own version."""
    path = tmp_path / "v1.sqlite3"
    make_database(path, schema.snapshot_sql(1), 1)
    for module in ("pharmacy_desk.core.models", "pharmacy_desk.core.normalize", "pypinyin"):
        monkeypatch.setitem(sys.modules, module, None)  # importing it now raises ImportError
    migrated = migrated_shape(path, 1)
    monkeypatch.undo()
    assert schema_differences(migrated, fresh_shape(tmp_path / "fresh.sqlite3")) == []


# -- the data survives -------------------------------------------------------------------------

# Names and their initials as v1 and v2 computed them (every character read plainly), and as
# v3 reads them: the surname first. Every entry of v3's surname table is here.
INITIALS_V2_V3 = {
    "曾小明": ("cxm", "zxm"), "单田芳": ("dtf", "stf"), "解晓东": ("jxd", "xxd"), "仇红": ("ch", "qh"),
    "区志强": ("qzq", "ozq"), "查良镛": ("cly", "zly"), "乐嘉": ("lj", "yj"), "翟天临": ("dtl", "ztl"),
    "覃小玲": ("txl", "qxl"), "员外": ("yw", "yw"), "句芒": ("jm", "gm"), "禚大": ("zd", "zd"),
    "召南": ("zn", "sn"), "曾Tom": ("ctom", "ztom"), "曾": ("c", "z"),
    "张三": ("zs", "zs"), "李曾": ("lc", "lc"),  # no surname from the table in front: untouched
}


def add_members(con, names, *, health_file=False):
    # A database born at v2 has no default for the health columns: the app always writes them.
    columns, values = (", chronic_conditions, allergies, long_term_meds", ", '', '', ''") if health_file else ("", "")
    con.executemany(
        "INSERT INTO member (card_no, phone, name, name_initials, gender, address, joined_on, tier_id,"
        f" marketing_opt_out, notes, created_at{columns}) VALUES (?, ?, ?, ?, '', '', '2026-01-02', 1, 0, '',"
        f" '2026-01-02 09:00:00'{values})",
        [(f"29{i:011d}", f"1370000{i:04d}", name, initials) for i, (name, initials) in enumerate(names, 100)])


def make_v1_database(path):
    """A database exactly as version 1 of the app created it, with members, a sale and ledger rows."""
    make_database(path, schema.snapshot_sql(1), 1)
    con = sqlite3.connect(path)
    con.executescript("""
        INSERT INTO staff (id, name, role, active, created_at) VALUES (1, '系统', 'system', 1, '2026-01-01 08:00:00');
        INSERT INTO tier (id, code, name, rank, min_spend_fen, min_visits, multiplier, monthly_cap_fen, privileges)
            VALUES (1, 'normal', '普通会员', 0, 0, 0, '1', 5000, '');
        INSERT INTO category (id, code, name, hotkey, points_per_block, block_fen, is_prescription, sort_order)
            VALUES (1, 'household', '常备药', '1', 1, 2000, 0, 0);
        INSERT INTO member (id, card_no, phone, name, name_initials, gender, birthday, address, joined_on,
            joined_by_id, owner_staff_id, tier_id, marketing_opt_out, profile_confirmed_on, notes, created_at)
            VALUES (1, '2000000000015', '13812345678', '张三', 'zs', 'M', '1965-03-08', '', '2026-01-02',
                    NULL, NULL, 1, 0, '2026-01-02', '老会员', '2026-01-02 09:00:00'),
                   (2, '2000000000022', '13912345678', '曾小明', 'cxm', 'M', NULL, '', '2026-01-02',
                    NULL, NULL, 1, 0, '2026-01-02', '', '2026-01-02 09:00:00');
        INSERT INTO operation (id, key, kind, staff_id, created_at, subject)
            VALUES (1, 'sale:u1', 'sale', 1, '2026-01-03 10:00:00', 'sale:1');
        INSERT INTO sale (id, uid, receipt_no, member_id, staff_id, owner_staff_id, created_at, total_fen,
            coupon_id, coupon_discount_fen, points_used, points_cash_fen, paid_fen, insurance_fen, points_earned)
            VALUES (1, 'u1', '20260103-0001', 1, 1, NULL, '2026-01-03 10:00:00', 10000, NULL, 0, 0, 0, 10000, 0, 5);
        INSERT INTO sale_line (id, sale_id, category_id, description, quantity, days_supply, amount_fen,
            coupon_share_fen, points_cash_share_fen, paid_fen, insurance_share_fen, points_base)
            VALUES (1, 1, 1, '', 1, NULL, 10000, 0, 0, 10000, 0, 5);
        INSERT INTO payment (sale_id, method, amount_fen) VALUES (1, 'cash', 10000);
        INSERT INTO ledger_entry (id, member_id, kind, points, created_at, expires_on, key, operation_id,
            staff_id, reason, sale_id) VALUES (1, 1, 'earn', 5, '2026-01-03 10:00:00', '2026-04-03',
            'sale:u1/earn', 1, 1, '', 1);
    """)
    add_members(con, [(name, v2) for name, (v2, _v3) in INITIALS_V2_V3.items() if name not in ("张三", "曾小明")])
    con.commit()
    con.close()


def test_version_1_database_migrates_with_its_data_intact(tmp_path):
    path = tmp_path / "v1.sqlite3"
    make_v1_database(path)
    open_database(path)
    try:
        from pharmacy_desk.core import ledger
        from pharmacy_desk.core.check import run_checks
        from pharmacy_desk.core.models import Member, Operation, Sale
        from pharmacy_desk.core.normalize import name_initials

        assert schema.user_version() == schema.CURRENT_VERSION
        member = Member.get_by_id(1)
        assert (member.name, member.phone, member.birthday, member.notes) == ("张三", "13812345678",
                                                                           dt.date(1965, 3, 8), "老会员")
        assert member.health_consent_on is None and member.allergies == ""
        assert Member.get_by_id(2).name_initials == "zxm"  # v3 reads 曾 as a surname
        # The lookup finds every migrated member by the initials the cashier types today.
        assert all(m.name_initials == name_initials(m.name) for m in Member.select())
        assert Member.select().count() == len(INITIALS_V2_V3)
        assert Sale.get_by_id(1).paid_fen == 10000 and ledger.balance(1) == 5
        # v4: what an old sale was multiplied by was never kept; it says so rather than guessing.
        assert Sale.get_by_id(1).points_factor is None and Sale.get_by_id(1).points_bonuses == ""
        assert Operation.get_by_id(1).detail == ""
        assert run_checks() == []
        migrated = schema_shape(database.connection())
    finally:
        close_database()
    assert schema_differences(migrated, fresh_shape(tmp_path / "fresh.sqlite3")) == []


def test_v3_reads_the_surnames_of_its_own_table(tmp_path):
    path = tmp_path / "v2.sqlite3"
    make_database(path, schema.snapshot_sql(2), 2)
    con = sqlite3.connect(path)
    add_members(con, [(name, v2) for name, (v2, _v3) in INITIALS_V2_V3.items()], health_file=True)
    con.commit()
    con.close()
    migrated_shape(path, 2, 3)
    con = sqlite3.connect(path)
    assert dict(con.execute("SELECT name, name_initials FROM member")) == {
        name: v3 for name, (_v2, v3) in INITIALS_V2_V3.items()}
    con.close()


def test_a_database_born_at_v2_takes_new_members_after_migrating(tmp_path):
    """Its health columns have no default (see above); the app writes them anyway."""
    path = tmp_path / "v2.sqlite3"
    make_database(path, schema.snapshot_sql(2), 2)
    open_database(path)
    try:
        from pharmacy_desk.core import members
        from pharmacy_desk.core.check import run_checks
        from pharmacy_desk.core.defaults import seed_defaults
        from pharmacy_desk.core.models import Staff

        seed_defaults()
        clerk = Staff.create(name="李娜", role="cashier")
        member = members.register(phone="13800001111", name="曾小明", operator=clerk).member
        assert (member.name_initials, member.allergies) == ("zxm", "")
        assert run_checks() == []
    finally:
        close_database()


def test_a_failed_migration_leaves_the_last_good_version(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite3"
    make_v1_database(path)

    def broken():
        database.execute_sql("ALTER TABLE member ADD COLUMN half_done TEXT")
        raise RuntimeError("power cut")

    monkeypatch.setitem(schema.MIGRATIONS, 2, broken)
    with pytest.raises(RuntimeError):
        open_database(path)
    assert schema.user_version() == 1 and "half_done" not in {c.name for c in database.get_columns("member")}
    close_database()


def test_a_failed_statement_in_a_migration_leaves_the_last_good_version(tmp_path, monkeypatch):
    path = tmp_path / "v3.sqlite3"
    make_database(path, schema.snapshot_sql(3), 3)
    monkeypatch.setattr(schema, "migration_sql", lambda version: (
        'ALTER TABLE "sale" ADD COLUMN "half_done" TEXT;\nALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;\n'))
    with pytest.raises(peewee.OperationalError, match="no_such_table"):
        open_database(path)
    assert schema.user_version() == 3 and "half_done" not in {c.name for c in database.get_columns("sale")}
    close_database()


def test_a_database_from_a_newer_app_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_database(path, create=True)
    database.execute_sql(f"PRAGMA user_version = {schema.CURRENT_VERSION + 1}")
    close_database()
    with pytest.raises(StorageError, match="更新版本"):
        open_database(path)
    close_database()


def test_pragmas_protect_an_acknowledged_sale(db):
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000


# -- a migration script is split where SQLite sees a statement end ----------------------------

def test_a_script_splits_into_statements_keeping_trigger_bodies_whole():
    script = """-- a comment; with a semicolon
        CREATE TABLE t (a TEXT DEFAULT ';');
        CREATE TRIGGER t_no_delete BEFORE DELETE ON t
            BEGIN SELECT RAISE(ABORT, 'no; never'); END;
        UPDATE t SET a = 'x;y';
        -- the end
    """
    statements = schema.sql_statements(script)
    assert len(statements) == 3
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


def test_a_script_ending_in_half_a_statement_is_refused():
    with pytest.raises(ValueError, match="incomplete"):
        schema.sql_statements("ALTER TABLE t ADD COLUMN a TEXT;\nALTER TABLE t ADD COLUMN b TEXT\n")


# -- the comparison is strict where it matters and blind where it must be ---------------------

def mutated(old, new, count=1):
    sql = schema.snapshot_sql(schema.CURRENT_VERSION)
    assert sql.count(old) == count, old
    return sql.replace(old, new)


MUTATIONS = {
    "a drifted CHECK": ("CHECK (percent_off BETWEEN 0 AND 100)", "CHECK (percent_off BETWEEN 0 AND 99)"),
    "a CHECK dropped": ('"block_fen" INTEGER NOT NULL CHECK (block_fen > 0)', '"block_fen" INTEGER NOT NULL'),
    "a different DEFAULT": ('"detail" TEXT NOT NULL DEFAULT \'\'', '"detail" TEXT NOT NULL DEFAULT \'-\''),
    "a DEFAULT missing": ('"points_bonuses" TEXT NOT NULL DEFAULT \'\'', '"points_bonuses" TEXT NOT NULL'),
    "a different type": ('"glucose" TEXT', '"glucose" REAL'),
    "NOT NULL dropped": ('"outcome" VARCHAR(255) NOT NULL', '"outcome" VARCHAR(255)'),
    "a collation added": ('"name" VARCHAR(255) NOT NULL, "name_initials"',
                          '"name" VARCHAR(255) NOT NULL COLLATE NOCASE, "name_initials"'),
    "a column added": ('"notes" TEXT NOT NULL, "created_at"', '"notes" TEXT NOT NULL, "remark" TEXT, "created_at"'),
    "a foreign key retargeted": ('FOREIGN KEY ("from_tier_id") REFERENCES "tier" ("id")',
                                 'FOREIGN KEY ("from_tier_id") REFERENCES "staff" ("id")'),
    "a table constraint added": ('FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"));\nCREATE TABLE "receipt_counter"',
                                 'FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), UNIQUE ("sale_id", "method"));\n'
                                 'CREATE TABLE "receipt_counter"'),
    "a missing index": ('CREATE INDEX "sale_created_at" ON "sale" ("created_at");\n', ""),
    "an index no longer unique": ('CREATE UNIQUE INDEX "member_card_no"', 'CREATE INDEX "member_card_no"'),
    "index columns reordered": ('("member_id", "created_at", "paid_fen")', '("member_id", "paid_fen", "created_at")'),
    "an index descending": ('ON "sale" ("created_at")', 'ON "sale" ("created_at" DESC)'),
    "an expression index changed": ("substr(phone, -4)", "substr(phone, -3)"),
    "an index made partial": ("ON member (substr(phone, -4))", "ON member (substr(phone, -4)) WHERE phone <> ''"),
    "a missing trigger": ("CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry\n"
                          "            BEGIN SELECT RAISE(ABORT, '积分流水只能追加，不能修改或删除'); END;\n", ""),
    "a different trigger": ("BEFORE DELETE ON ledger_entry", "AFTER DELETE ON ledger_entry"),
    "a trigger with a different message": (
        "ON ledger_allocation\n            BEGIN SELECT RAISE(ABORT, '积分流水只能追加，不能修改或删除'); END",
        "ON ledger_allocation\n            BEGIN SELECT RAISE(ABORT, '积分流水只能追加'); END", 2),
}


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_the_comparison_reports_a_drifted_schema(mutation):
    expected = shape_of_sql(schema.snapshot_sql(schema.CURRENT_VERSION))
    assert schema_differences(shape_of_sql(mutated(*mutation)), expected) != []


def test_the_comparison_names_what_drifted():
    expected = shape_of_sql(schema.snapshot_sql(schema.CURRENT_VERSION))
    differences = schema_differences(shape_of_sql(mutated(*MUTATIONS["a different DEFAULT"])), expected)
    assert differences == [
        "table operation column detail: \"detail text not null default '-'\", "
        "expected \"detail text not null default ''\"",
        "table_info operation detail: ('TEXT', 1, \"'-'\", 0, 0), expected ('TEXT', 1, \"''\", 0, 0)",
    ]


def test_quoting_spacing_case_and_the_order_of_columns_do_not_count():
    expected = shape_of_sql(schema.snapshot_sql(schema.CURRENT_VERSION))
    sql = mutated('"card_no" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL,',
                  'card_no  varchar(255)\n    not null,\n [phone] VARCHAR(255) NOT NULL,')
    sql = sql.replace('CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry\n            BEGIN',
                      'CREATE TRIGGER "ledger_entry_no_update" before update on "ledger_entry" begin')
    # A column appended by ALTER TABLE, where a new table declares it in the middle.
    sql = sql.replace('"marketing_opt_out" INTEGER NOT NULL, "profile_confirmed_on" DATE, "notes"',
                      '"marketing_opt_out" INTEGER NOT NULL, "notes"')
    sql += 'ALTER TABLE "member" ADD COLUMN "profile_confirmed_on" DATE;\n'
    assert schema_differences(shape_of_sql(sql), expected) == []


def test_v5_keeps_a_shared_staff_name_on_its_oldest_row_and_locks_nobody(tmp_path):
    """A demo generated twice before v5 left two 王芳; sign-in needs one per name."""
    path = tmp_path / "v4.sqlite3"
    make_database(path, schema.snapshot_sql(4), 4)
    con = sqlite3.connect(path)
    con.executemany("INSERT INTO staff (id, name, role, active, created_at) VALUES (?, ?, ?, 1, '2026-01-01')",
                    [(1, "系统", "system"), (2, "王芳", "owner"), (3, "李娜", "cashier"), (4, "王芳", "owner")])
    con.commit()
    con.close()
    migrated_shape(path, 4, 5)
    con = sqlite3.connect(path)
    assert con.execute("SELECT id, name, failed_signins, locked_until, lock_level FROM staff ORDER BY id").fetchall() == [
        (1, "系统", 0, None, 0), (2, "王芳", 0, None, 0), (3, "李娜", 0, None, 0), (4, "王芳（4）", 0, None, 0)]
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO staff (name, role, active, created_at) VALUES ('李娜', 'cashier', 1, '2026-01-01')")
    con.close()
