"""A big import into a small database rebuilds the filled tables' indexes once instead of
growing them row by row. Nobody may notice: same schema after, same answers, and a
failed or cancelled import leaves the indexes as they were."""

import datetime as dt

import pytest

from pharmacy_desk.core import check, members
from pharmacy_desk.core.db import database
from pharmacy_desk.core.models import LedgerEntry, Member
from pharmacy_desk.core.spreadsheet import commit
from pharmacy_desk.core.spreadsheet.plan import read_plan
from tests.spreadsheet_helpers import write_xlsx

TODAY = dt.date(2026, 6, 10)
AT = dt.datetime(2026, 6, 10, 9, 30)
ROWS = [["姓名", "手机号", "性别", "积分"]] + [
    [f"会员{n}", f"139{n:08d}", "女" if n % 2 else "男", str(n * 10)] for n in range(1, 41)]


@pytest.fixture
def rebuild_always(monkeypatch):
    """The threshold of a real import is thousands of rows; these files are small."""
    monkeypatch.setattr(commit, "REBUILD_MIN_ROWS", 0)


@pytest.fixture
def sheet(tmp_path):
    return write_xlsx(tmp_path / "会员.xlsx", {"会员": ROWS})


def indexes() -> list[tuple[str, str]]:
    return sorted(database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall())


def test_imported_members_are_found_through_rebuilt_indexes(db, owner, sheet, rebuild_always):
    before = indexes()
    result = commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT)
    assert result.created == 40 and result.balances == 40
    assert indexes() == before
    plan = database.execute_sql("EXPLAIN QUERY PLAN SELECT id FROM member WHERE phone = ?",
                                ("13900000007",)).fetchall()
    assert "member_phone" in plan[-1][-1]
    assert members.lookup("13900000007").exact.name == "会员7"
    assert [m.name for m in members.lookup("hy").matches][:1] == ["会员1"]
    assert check.run_checks() == []


def test_a_failed_import_leaves_every_index_and_no_member(db, owner, sheet, rebuild_always, monkeypatch):
    before = indexes()

    def broken(_day, _months):
        raise RuntimeError("disk went away")

    # Fails after the members (and their indexes) are written, before the opening balances.
    monkeypatch.setattr(commit, "opening_expiry", broken)
    with pytest.raises(RuntimeError):
        commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT)
    assert indexes() == before
    assert Member.select().count() == 0 and LedgerEntry.select().count() == 0


def test_a_duplicate_the_plan_missed_fails_the_unique_index_and_rolls_back(db, owner, sheet, rebuild_always,
                                                                            monkeypatch):
    plan = read_plan(sheet, today=TODAY)
    original = commit.match_database

    def doubled(file_plan):
        matched = original(file_plan)
        matched.new[0].card_no = "8800000000001"
        matched.new.append(matched.new[0])  # the same card twice: the rebuilt unique index refuses it
        return matched

    monkeypatch.setattr(commit, "match_database", doubled)
    before = indexes()
    with pytest.raises(Exception, match="UNIQUE"):
        commit.commit_import(plan, owner, at=AT)
    assert indexes() == before and Member.select().count() == 0


def test_a_small_import_into_a_big_table_keeps_its_indexes(db, owner, sheet, monkeypatch):
    dropped = []
    real = database.execute_sql

    def watch(sql, *args, **kwargs):
        if sql.startswith("DROP INDEX"):
            dropped.append(sql)
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(database.obj, "execute_sql", watch)
    commit.commit_import(read_plan(sheet, today=TODAY), owner, at=AT)
    assert dropped == []  # 40 rows are below the threshold
