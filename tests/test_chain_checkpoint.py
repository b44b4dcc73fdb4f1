"""A plain ``check`` hashes only the chained rows after the newest checkpoint; ``--full`` hashes them all.

Each edit is made as another program would: a plain sqlite3 connection, the guards dropped.
"""

import datetime as dt
import sqlite3

import pytest

from pharmacy_desk.core import chain, chain_checkpoint, check
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.models import LedgerEntry, Operation
from pharmacy_desk.core.vocabulary import OperationKind
from tests.tamper_helpers import edit_outside, no_update_guards, reopen

AT = dt.datetime(2026, 6, 10, 10, 0)


def _outside(path, *statements):
    edit_outside(path, statements, unguarded=no_update_guards(chain.CHAINED))


def _verified_again(path, *, full=False):
    """What the chain check finds once the app opens the file again after an edit outside it."""
    reopen(path)
    return chain_checkpoint.verify(full=full)


def _broken_past_an_unrecognised(path, checkpoint):
    """Where the chain check finds the chain broken, once it has refused ``checkpoint`` as unrecognised."""
    verification = _verified_again(path)
    assert verification.checkpoint_problems == (f"操作日志编号 {checkpoint.id} 的校验点无法识别",)
    return verification.broken


def _checkpoint():
    """What ``check`` does after a sound chain: record how far it got."""
    verification = chain_checkpoint.verify()
    assert verification.sound
    chain_checkpoint.record(verification)
    return Operation.select().order_by(Operation.id.desc()).first()


def _chain_checks(full=False):
    return [p for p in check.run_checks(full=full) if p.check.startswith(("记录被改动", "哈希链校验点"))]


@pytest.fixture
def path(tmp_path):
    return tmp_path / "test.sqlite3"


@pytest.fixture
def checked(db, make_member, sell):
    """A few sales, a checkpoint after them, then more sales: old rows below it, new rows above."""
    member = make_member()
    for n in range(3):
        sell(member, {"household": 3000 + n * 1000}, at=AT + dt.timedelta(minutes=n))
    point = _checkpoint()
    for n in range(3):
        sell(member, {"household": 2000 + n * 1000}, at=AT + dt.timedelta(hours=1, minutes=n))
    return point


def _ledger_rows(point):
    below = chain.parse_head(point.detail)["ledger_entry"][0]
    rows = list(LedgerEntry.select().order_by(LedgerEntry.id))
    return [row for row in rows if row.id <= below], [row for row in rows if row.id > below]


def test_the_first_check_hashes_from_the_first_row_and_the_next_from_the_checkpoint(checked):
    assert checked.kind == OperationKind.CHAIN_VERIFIED
    verification = chain_checkpoint.verify()
    assert verification.sound and verification.since.operation_id == checked.id
    assert verification.reached == {table: chain.newest(table) for table in chain.CHAINED}
    assert chain_checkpoint.verify(full=True).since is None


def test_a_tampered_new_row_is_caught_by_the_plain_check(path, checked):
    _old, new = _ledger_rows(checked)
    _outside(path, f"UPDATE ledger_entry SET points = points + 1000 WHERE id = {new[1].id}")
    assert _verified_again(path).broken == chain.Break("ledger_entry", new[1].id)
    assert [p.check for p in _chain_checks()] == ["记录被改动（哈希链断开）"]


def test_a_tampered_old_row_is_caught_by_the_full_check(path, checked):
    """Below the checkpoint the plain check trusts what it verified; only ``--full`` hashes those rows again."""
    old, _new = _ledger_rows(checked)
    _outside(path, f"UPDATE ledger_entry SET reason = '补录' WHERE id = {old[0].id}")
    reopen(path)
    assert _chain_checks(full=False) == []
    full = _chain_checks(full=True)
    assert [p.check for p in full] == ["记录被改动（哈希链断开）"]
    assert f"积分流水编号 {old[0].id} " in full[0].detail


def test_a_chain_recomputed_after_an_old_edit_is_caught_by_the_plain_check(path, checked):
    old, _new = _ledger_rows(checked)
    _outside(path, f"UPDATE ledger_entry SET points = points + 1000 WHERE id = {old[0].id}")
    _rechain(path, "ledger_entry")
    reopen(path)
    problems = _chain_checks()
    assert [p.check for p in problems] == ["哈希链校验点被改动"]
    assert "积分流水第" in problems[0].detail and "哈希与记录的链头不同" in problems[0].detail


def test_a_checkpoint_moved_past_a_tampered_row_by_a_plain_update_is_caught(path, checked):
    """The checkpoint is a row of the audit chain after the rows it names: editing it breaks the chain there."""
    _old, new = _ledger_rows(checked)
    tampered = new[1]
    _outside(path, f"UPDATE ledger_entry SET points = points + 1000 WHERE id = {tampered.id}")
    before = Operation.get_by_id(checked.id - 1)
    forged = chain.head_text({"ledger_entry": (tampered.id, tampered.hash), "operation": (before.id, before.hash)})
    _outside(path, f"UPDATE operation SET detail = '{forged}' WHERE id = {checked.id}")
    verification = _verified_again(path)
    assert verification.since is None  # the forged point was not trusted: everything was hashed again
    assert verification.broken == chain.Break("ledger_entry", tampered.id)


def test_a_checkpoint_that_names_itself_is_not_trusted(path, checked):
    """Naming its own row would let an edited checkpoint skip its own hash: such a point is refused."""
    _old, new = _ledger_rows(checked)
    tampered = new[-1]
    _outside(path, f"UPDATE ledger_entry SET points = points + 1000 WHERE id = {tampered.id}")
    forged = chain.head_text({"ledger_entry": (tampered.id, tampered.hash), "operation": (checked.id, checked.hash)})
    _outside(path, f"UPDATE operation SET detail = '{forged}' WHERE id = {checked.id}")
    assert _broken_past_an_unrecognised(path, checked) == chain.Break("ledger_entry", tampered.id)


def test_a_checkpoint_inserted_by_a_plain_insert_is_caught(path, checked):
    _old, new = _ledger_rows(checked)
    _outside(path, f"UPDATE ledger_entry SET points = points + 1000 WHERE id = {new[0].id}")
    head = chain.head()
    _outside(path, f"""INSERT INTO operation (key, kind, staff_id, created_at, subject, detail, hash)
                       VALUES ('forged', 'chain_verified', 1, '2026-06-10 12:00:00', '', '{head}', '')""")
    assert _verified_again(path).broken == chain.Break("ledger_entry", new[0].id)


def test_a_checkpoint_that_names_no_head_is_reported(path, checked):
    _outside(path, f"UPDATE operation SET detail = 'nonsense' WHERE id = {checked.id}")
    assert _broken_past_an_unrecognised(path, checked) == chain.Break("operation", checked.id)


def test_the_full_check_reports_every_checkpoint_its_rows_no_longer_match(path, checked):
    old, _new = _ledger_rows(checked)
    _outside(path, f"UPDATE ledger_entry SET points = points + 1 WHERE id = {old[-1].id}")
    _rechain(path, "ledger_entry")
    full = _verified_again(path, full=True)
    assert full.broken is None
    assert full.checkpoint_problems == (f"操作日志编号 {checked.id} 的校验点：积分流水第 {old[-1].id} 行的哈希与记录的链头不同",)


def test_the_cli_records_a_checkpoint_each_time_and_says_where_it_started(tmp_path, capsys):
    from pharmacy_desk import cli

    shop = str(tmp_path / "shop.sqlite3")
    assert cli.main(["--db", shop, "demo", "--members", "5", "--months", "1"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", shop, "check"]) == 0
    assert "从第一行起全部校验" in capsys.readouterr().out
    assert cli.main(["--db", shop, "check"]) == 0
    out = capsys.readouterr().out
    assert "校验了校验点（操作日志编号" in out
    open_database(shop)
    try:
        assert Operation.select().where(Operation.kind == OperationKind.CHAIN_VERIFIED).count() == 2
    finally:
        close_database()


def test_hashing_is_the_chain_link_of_every_stored_type(db):
    values = [7, None, "it's", "", -3, "换行\n"]
    expected = chain.link("prev", values)
    assert chain.canonical(values) == database.execute_sql(
        "SELECT quote(?) || ',' || quote(?) || ',' || quote(?) || ',' || quote(?) || ',' || quote(?) || ',' || quote(?)",
        values).fetchone()[0]
    assert expected == chain.link_text("prev", chain.canonical(values))
    assert chain.canonical([1.0]) != chain.canonical([1]) and chain.canonical([b"1"]) != chain.canonical(["1"])


def _rechain(path, table):
    """Recompute every hash of ``table`` after an edit, the way the program computes them."""
    con = sqlite3.connect(path)
    previous = chain.GENESIS
    names = ", ".join(f'"{name}"' for name, _ in chain.CHAINED[table])
    for row in con.execute(f"SELECT {names} FROM {table} ORDER BY id").fetchall():
        previous = chain.link(previous, row)
        con.execute(f"UPDATE {table} SET hash = ? WHERE id = ?", (previous, row[0]))
    con.commit()
    con.close()


def test_the_head_recorded_with_a_backup_catches_a_recomputed_chain(tmp_path, capsys):
    """Recomputing every hash, checkpoints included, makes a chain that holds; the backup's record still knows."""
    from pharmacy_desk import cli
    from pharmacy_desk.core import backup

    shop = tmp_path / "shop.sqlite3"
    assert cli.main(["--db", str(shop), "demo", "--members", "5", "--months", "1"]) == 0
    assert cli.main(["--db", str(shop), "check"]) == 0
    open_database(shop)
    made = backup.make_backup(tmp_path / "backups").path
    close_database()
    assert cli.main(["--db", str(shop), "check", "--head", str(made)]) == 0
    _outside(shop, "UPDATE ledger_entry SET reason = '补录' WHERE id = 1")
    for table in chain.CHAINED:
        _rechain(shop, table)
    capsys.readouterr()
    assert cli.main(["--db", str(shop), "check", "--head", str(made)]) == 2
    out = capsys.readouterr().out
    assert "记录与先前的链头不符：积分流水第" in out and "记录被改动（哈希链断开）" not in out
    assert cli.main(["--db", str(shop), "check", "--head", str(tmp_path / "shop.sqlite3")]) == 1
