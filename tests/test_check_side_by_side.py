"""On two cores SQLite's own check reads on a second connection beside the invariants: a damaged page and a
broken invariant are still both reported, in the report the checks give one after the other."""

import datetime as dt
import sqlite3

import pytest

from pharmacy_desk.core import check, file_trust
from pharmacy_desk.core.db import close_database, open_database
from tests.test_safe_open import made_with_app

NEGATIVE = ("INSERT INTO ledger_entry (member_id, kind, points, created_at, key, operation_id, staff_id, reason) "
            "SELECT m.id, 'adjust', -50, '2026-01-01 10:00:00', 'tamper:1', o.id, o.staff_id, '' "
            "FROM member m, operation o LIMIT 1")


def _rot_member_pages(path):
    """Overwrite the member table's root page past its header, as a failing disk would, the file's fingerprint
    still vouched for.

    The invariants never read the member table, so only SQLite's own check meets the damage.
    """
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'member'").fetchone()[0]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(path, "r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xab" * (page_size - 96))
    file_trust.remember(path, dt.datetime.now())  # damage that changes no byte the fingerprint reads


@pytest.fixture
def damaged(tmp_path):
    """A file with one member whose points are negative (written past the services), then a rotten page."""
    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=1)
    con = sqlite3.connect(path)
    con.execute(NEGATIVE)
    con.commit()
    con.close()
    open_database(path)  # record the file as the program closed it, then let the page rot
    close_database()
    _rot_member_pages(path)
    assert file_trust.checked_at(path) is not None
    open_database(path)  # the quick check is not run at this opening: it is the check's to find
    yield path
    close_database()


def _report(monkeypatch, cores, full):
    monkeypatch.setattr(check, "usable_cores", lambda: cores)
    assert check.side_by_side() is (cores > 1)
    report = check.examine(full=full)
    return report.problems, report.file_sound


@pytest.mark.parametrize("full, engine", [(False, "SQLite 快速检查"), (True, "SQLite 完整性检查")])
def test_a_damaged_page_and_a_negative_balance_are_both_reported_side_by_side(damaged, monkeypatch, full, engine):
    problems, sound = _report(monkeypatch, 2, full)
    found = {problem.check for problem in problems}
    assert engine in found and "会员积分余额为负" in found and not sound
    assert "外键指向不存在的记录" not in found  # the damaged rows were not read for their keys
    assert problems[0].check == engine  # the engine's findings first, as ever


@pytest.mark.parametrize("full", [False, True], ids=["check", "check --full"])
def test_side_by_side_gives_the_report_of_one_check_after_the_other(damaged, monkeypatch, full):
    assert _report(monkeypatch, 2, full) == _report(monkeypatch, 1, full)


def test_a_foreign_key_broken_on_a_sound_file_is_found_side_by_side(tmp_path, monkeypatch):
    path = made_with_app(tmp_path / "shop" / "shop.sqlite3", members=1)
    con = sqlite3.connect(path)  # foreign keys are off on a plain connection, as in any editor
    con.execute("UPDATE member SET tier_id = 999")
    con.commit()
    con.close()
    open_database(path)
    try:
        for cores in (2, 1):
            problems, sound = _report(monkeypatch, cores, True)
            assert [problem.check for problem in problems] == ["外键指向不存在的记录"] and not sound
    finally:
        close_database()


def test_the_foreign_key_checks_error_on_a_damaged_file_is_not_the_report(damaged, monkeypatch):
    """Beside the integrity check the foreign-key check may meet the rotten page; its error must not end the check."""
    from pharmacy_desk.core import dialect

    def unreadable(_database):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(dialect, "foreign_key_violations", unreadable)
    problems, _sound = _report(monkeypatch, 2, True)
    assert problems[0].check == "SQLite 完整性检查"


def test_an_error_of_the_foreign_key_check_on_a_sound_file_is_raised(tmp_path, monkeypatch):
    from pharmacy_desk.core import dialect

    path = made_with_app(tmp_path / "shop" / "shop.sqlite3")
    open_database(path)

    def unreadable(_database):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(dialect, "foreign_key_violations", unreadable)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            _report(monkeypatch, 2, True)
    finally:
        close_database()
