import datetime as dt
import sqlite3
from importlib import resources

import pytest

from pharmacy_desk.core import schema
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.errors import StorageError


def make_v1_database(path):
    """A database exactly as version 1 of the app created it, with a member, a sale and ledger rows."""
    sql = resources.files("pharmacy_desk.core").joinpath("schema_sql/v1.sql").read_text(encoding="utf-8")
    con = sqlite3.connect(path)
    con.executescript(sql)
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
        PRAGMA user_version = 1;
    """)
    con.commit()
    con.close()


def columns(table):
    return {c.name for c in database.get_columns(table)}


def shape(table):
    """Columns and indexes (by name and columns): what a migration must reproduce."""
    indexes = {(i.name, tuple(i.columns), i.unique) for i in database.get_indexes(table)}
    return columns(table), indexes


def test_version_1_database_migrates_with_its_data_intact(tmp_path):
    path = tmp_path / "v1.sqlite3"
    make_v1_database(path)
    open_database(path)
    try:
        from pharmacy_desk.core import ledger
        from pharmacy_desk.core.check import run_checks
        from pharmacy_desk.core.models import Member, Sale

        assert schema.user_version() == schema.CURRENT_VERSION
        member = Member.get_by_id(1)
        assert (member.name, member.phone, member.birthday, member.notes) == ("张三", "13812345678",
                                                                           dt.date(1965, 3, 8), "老会员")
        assert member.health_consent_on is None and member.allergies == ""
        assert Member.get_by_id(2).name_initials == "zxm"  # v3 reads 曾 as a surname
        assert Sale.get_by_id(1).paid_fen == 10000 and ledger.balance(1) == 5
        # v4: what an old sale was multiplied by was never kept; it says so rather than guessing.
        assert Sale.get_by_id(1).points_factor is None and Sale.get_by_id(1).points_bonuses == ""
        from pharmacy_desk.core.models import Operation

        assert Operation.get_by_id(1).detail == ""
        assert run_checks() == []
        migrated = {t: shape(t) for t in database.get_tables()}
    finally:
        close_database()
    open_database(tmp_path / "fresh.sqlite3")
    try:
        fresh = {t: shape(t) for t in database.get_tables()}
    finally:
        close_database()
    assert migrated == fresh


def test_a_failed_migration_leaves_the_last_good_version(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite3"
    make_v1_database(path)

    def broken():
        database.execute_sql("ALTER TABLE member ADD COLUMN half_done TEXT")
        raise RuntimeError("power cut")

    monkeypatch.setitem(schema.MIGRATIONS, 2, broken)
    with pytest.raises(RuntimeError):
        open_database(path)
    assert schema.user_version() == 1 and "half_done" not in columns("member")
    close_database()


def test_a_database_from_a_newer_app_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_database(path)
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
