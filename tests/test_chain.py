"""The hash chain over the ledger and the audit trail catches edits made outside the app."""

import datetime as dt
import hashlib
import sqlite3

import pytest

from pharmacy_desk.core import chain, check, ledger, schema
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.models import LedgerEntry, Operation
from tests.tamper_helpers import edit_outside, reopen
from tests.test_schema import make_database

AT = dt.datetime(2026, 6, 10, 10, 0)
AWKWARD = ["", "'", "it's", "a''b", "换行\n与\t制表", "emoji 💊", "NULL", "12", "x,y", "\\", "'); DROP TABLE x; --"]


@pytest.mark.parametrize("text", AWKWARD)
def test_the_canonical_text_is_what_sqlite_quote_writes(db, text):
    assert chain.quote(text) == database.execute_sql("SELECT quote(?)", (text,)).fetchone()[0]


@pytest.mark.parametrize("value", [None, 0, -5, 2**62])
def test_numbers_and_null_are_quoted_as_sqlite_quotes_them(db, value):
    assert chain.quote(value) == database.execute_sql("SELECT quote(?)", (value,)).fetchone()[0]


def test_the_sql_hash_function_is_the_python_one(db):
    text = "积分\n1,'a'"
    assert database.execute_sql("SELECT sha256_hex(?)", (text,)).fetchone()[0] == hashlib.sha256(
        text.encode()).hexdigest()


def test_bulk_sealed_rows_hash_as_one_row_at_a_time_does(db, owner):
    """The bulk writer's fast path (ints and text as they are) and its slow path (dates, ids as text,
    a model for an id, NULLs) give each row the hash ``link`` gives its stored values."""
    columns = ("member_id", "kind", "points", "created_at", "expires_on", "key", "operation_id", "staff_id",
               "reason")
    rows = [(7, "import", 12, "2026-06-10 10:00:00", "2027-06-10", f"k{n}", 3, owner, text)
            for n, text in enumerate(AWKWARD)]
    rows += [("8", "adjust", -3, AT, dt.date(2027, 1, 1), "k'q", 3, owner.id, 42),
             (9, "earn", 1, AT, None, "k-none", 3, owner.id, "")]
    with database.atomic():
        names, sealed = chain.sealed_rows("ledger_entry", columns, rows)
    previous = chain.GENESIS
    for row, out in zip(rows, sealed):
        given = dict(zip(columns, row))
        values = [out[0] if name == "id" else chain.stored(given.get(name), storage)
                  for name, storage in chain.CHAINED["ledger_entry"]]
        previous = chain.link(previous, values)
        assert out == (out[0], *row, previous)
    assert names == ("id", *columns, "hash") and [out[0] for out in sealed] == list(range(1, len(rows) + 1))


@pytest.fixture
def trading(db, make_member, sell, owner):
    """Members, sales with points, an adjustment with an awkward reason: a few dozen chained rows."""
    member = make_member()
    ledger.adjust(member.id, 800, "老顾客's 补录\n第二行", owner, "seed", at=AT - dt.timedelta(days=1))
    for n in range(5):
        sell(member, {"household": 3000 + n * 1000}, at=AT + dt.timedelta(minutes=n), points_used=500 * (n == 2))
    return member


def test_every_way_in_leaves_an_unbroken_chain(trading):
    assert LedgerEntry.select().count() > 5 and Operation.select().count() > 5
    assert chain.verify() is None and check.run_checks() == []
    assert all(len(e.hash) == 64 for e in LedgerEntry.select())


def test_the_head_names_each_tables_newest_row(trading):
    newest_entry = LedgerEntry.select().order_by(LedgerEntry.id.desc()).first()
    newest_op = Operation.select().order_by(Operation.id.desc()).first()
    assert chain.head() == f"ledger_entry:{newest_entry.id}:{newest_entry.hash};operation:{newest_op.id}:{newest_op.hash}"
    assert chain.head_mismatch(chain.head()) is None


def _outside(path, *statements):
    """Change the file as another program would, the ledger's guards dropped first."""
    edit_outside(path, statements, unguarded=("ledger_entry_no_update", "ledger_entry_no_delete"))


def test_an_edit_outside_the_app_is_reported_at_the_row_it_changed(tmp_path, trading):
    path = tmp_path / "test.sqlite3"
    target = LedgerEntry.select().order_by(LedgerEntry.id).limit(1).offset(3).get()
    _outside(path, f"UPDATE ledger_entry SET points = points + 1000 WHERE id = {target.id}")
    reopen(path)
    assert chain.verify() == chain.Break("ledger_entry", target.id)
    assert f"积分流水编号 {target.id} " in str([p.detail for p in check.run_checks()])


def test_a_fabricated_credit_appended_outside_the_app_breaks_the_chain(tmp_path, trading):
    path = tmp_path / "test.sqlite3"
    _outside(path, f"""INSERT INTO ledger_entry (member_id, kind, points, created_at, expires_on, key, operation_id,
                       staff_id, reason) VALUES ({trading.id}, 'adjust', 50000, '2026-06-10 12:00:00', '2027-06-10',
                       'forged', 1, 1, '')""")
    reopen(path)
    forged = LedgerEntry.get(LedgerEntry.key == "forged")
    assert chain.verify() == chain.Break("ledger_entry", forged.id)


def test_replace_on_an_existing_id_outside_the_app_breaks_the_chain(tmp_path, trading):
    path = tmp_path / "test.sqlite3"
    first = LedgerEntry.select().order_by(LedgerEntry.id).first()
    _outside(path, f"""INSERT OR REPLACE INTO ledger_entry (id, member_id, kind, points, created_at, expires_on, key,
                       operation_id, staff_id, reason, hash) SELECT id, member_id, kind, points * 10, created_at,
                       expires_on, key, operation_id, staff_id, reason, hash FROM ledger_entry WHERE id = {first.id}""")
    reopen(path)
    assert chain.verify() == chain.Break("ledger_entry", first.id)


def test_an_operation_edited_outside_the_app_breaks_the_audit_chain(tmp_path, trading):
    path = tmp_path / "test.sqlite3"
    op = Operation.select().order_by(Operation.id).limit(1).offset(2).get()
    _outside(path, "DROP TRIGGER operation_no_update",
             f"UPDATE operation SET staff_id = NULL WHERE id = {op.id}")
    reopen(path)
    assert chain.verify() == chain.Break("operation", op.id)


def _rechain(path):
    """What a careful attacker does after an edit: recompute every hash so the chain holds again."""
    con = sqlite3.connect(path)
    for table, columns in chain.CHAINED.items():
        con.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        previous = chain.GENESIS
        names = ", ".join(f'"{name}"' for name, _ in columns)
        for row in con.execute(f"SELECT {names} FROM {table} ORDER BY id").fetchall():
            previous = chain.link(previous, row)
            con.execute(f"UPDATE {table} SET hash = ? WHERE id = ?", (previous, row[0]))
    con.commit()
    con.close()


def test_an_edit_with_the_chain_recomputed_is_caught_against_an_earlier_head(tmp_path, trading, sell):
    path = tmp_path / "test.sqlite3"
    recorded = chain.head()  # written down with last night's backup
    sell(trading, {"household": 2000}, uid="after-backup", at=AT + dt.timedelta(hours=5))
    assert chain.head_mismatch(recorded) is None  # trading since then does not matter
    first = LedgerEntry.select().order_by(LedgerEntry.id).first()
    _outside(path, f"UPDATE ledger_entry SET points = points + 1000 WHERE id = {first.id}")
    _rechain(path)
    reopen(path)
    assert chain.verify() is None  # the chain alone now holds …
    problems = check.run_checks(recorded_head=recorded)
    assert [p.check for p in problems if p.check.startswith("记录与")] == ["记录与先前的链头不符"]
    assert "积分流水第" in chain.head_mismatch(recorded)


def test_removing_the_newest_rows_is_caught_against_an_earlier_head(tmp_path, trading):
    path = tmp_path / "test.sqlite3"
    recorded = chain.head()
    newest = LedgerEntry.select().order_by(LedgerEntry.id.desc()).first()
    _outside(path, "PRAGMA foreign_keys = OFF", "DROP TRIGGER ledger_allocation_no_delete",
             f"DELETE FROM ledger_allocation WHERE debit_id = {newest.id} OR lot_id = {newest.id}",
             f"DELETE FROM ledger_entry WHERE id = {newest.id}")
    reopen(path)
    assert chain.verify() is None
    assert chain.head_mismatch(recorded) == f"积分流水第 {newest.id} 行已不存在"


def test_an_unreadable_head_is_reported_not_ignored(trading):
    assert chain.head_mismatch("nonsense") is not None


def test_the_cli_check_prints_the_head_and_checks_one_given(tmp_path, capsys):
    from pharmacy_desk import cli

    path = str(tmp_path / "shop.sqlite3")
    assert cli.main(["--db", path, "demo", "--members", "5", "--months", "1"]) == 0
    assert cli.main(["--db", path, "check"]) == 0
    head = capsys.readouterr().out.split("链头：")[1].strip()
    assert cli.main(["--db", path, "check", "--head", head]) == 0
    _outside(path, "UPDATE ledger_entry SET reason = 'x' WHERE id = 1")
    _rechain(path)
    assert cli.main(["--db", path, "check", "--head", head]) == 2
    assert "记录与先前的链头不符" in capsys.readouterr().out


def test_the_migration_chains_the_rows_it_finds(tmp_path):
    """A v4 database's ledger and operations get the hashes the app would have given them."""
    from tests.test_schema import make_v1_database

    path = tmp_path / "v1.sqlite3"
    make_v1_database(path)
    open_database(path)
    try:
        assert LedgerEntry.get_by_id(1).hash == chain.link(chain.GENESIS, [
            1, 1, "earn", 5, "2026-01-03 10:00:00", "2026-04-03", "sale:u1/earn", 1, 1, "", 1, None, None, None])
        assert chain.verify() is None
    finally:
        close_database()


def test_the_migration_carries_every_coupon_use_over(tmp_path):
    path = tmp_path / "v4.sqlite3"
    make_database(path, schema.snapshot_sql(4), 4)
    con = sqlite3.connect(path)
    con.executescript("""
        INSERT INTO staff (id, name, role, active, created_at) VALUES (1, '系统', 'system', 1, '2026-01-01 08:00:00');
        INSERT INTO coupon (id, code, issue_key, member_id, kind, title, value_fen, percent_off, min_spend_fen,
            valid_from, valid_until, reason, issued_at, issued_by_id, used_at, used_sale_id) VALUES
            (1, 'C1', 'k1', NULL, 'fixed', '券', 300, 0, 0, '2026-01-01', '2026-12-31', 'r', '2026-01-01 08:00:00', 1,
             '2026-01-03 10:00:00', 2),
            (2, 'C2', 'k2', NULL, 'fixed', '券', 300, 0, 0, '2026-01-01', '2026-12-31', 'r', '2026-01-01 08:00:00', 1,
             NULL, NULL);
        INSERT INTO sale (id, uid, receipt_no, member_id, staff_id, owner_staff_id, created_at, total_fen, coupon_id,
            coupon_discount_fen, points_used, points_cash_fen, paid_fen, insurance_fen, points_earned) VALUES
            (1, 'u1', 'r1', NULL, 1, NULL, '2026-01-02 10:00:00', 1000, 2, 300, 0, 0, 700, 0, 0),
            (2, 'u2', 'r2', NULL, 1, NULL, '2026-01-03 10:00:00', 1000, 1, 300, 0, 0, 700, 0, 0);
        INSERT INTO sale_return (id, uid, sale_id, created_at, staff_id, refund_fen, points_clawed, points_shortfall,
            points_refunded, coupon_restored, reason) VALUES (1, 'ret1', 1, '2026-01-02 11:00:00', 1, 700, 0, 0, 0, 1, '');
    """)
    con.commit()
    con.close()
    open_database(path)
    try:
        from pharmacy_desk.core import coupons

        assert coupons.in_use(1).sale_id == 2 and str(coupons.in_use(1).used_at) == "2026-01-03 10:00:00"
        assert coupons.in_use(2) is None  # its only sale was returned and gave it back
        assert database.execute_sql("SELECT coupon_id, sale_id FROM coupon_use ORDER BY id").fetchall() == [
            (2, 1), (1, 2)]
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        close_database()
