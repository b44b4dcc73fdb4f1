"""Storage errors as the user meets them: a full disk during a sale, an import, a rule change,
housekeeping and check; a read-only database; exports the disk refuses. Each is one sentence,
nothing is half written, and the same work succeeds once there is room again.

``PRAGMA max_page_count`` is a real full disk in SQLite's eyes: the file may not grow.
"""

import datetime as dt

import pytest

from pharmacy_desk.core import housekeeping, ledger, settings
from pharmacy_desk.core.check import run_checks
from pharmacy_desk.core.db import database
from pharmacy_desk.core.errors import STORAGE_MESSAGES, StorageError, expected_problem
from pharmacy_desk.core.models import Member, Operation, Sale, Setting
from tests.cli_helpers import run

DAY = dt.datetime(2026, 6, 10, 10, 0)
ATTEMPTS = 3000


def fill_the_disk() -> None:
    """No more pages: the next write that needs one fails with SQLITE_FULL."""
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")


def make_room() -> None:
    database.execute_sql("PRAGMA max_page_count = 1073741823")


def full_disk(error: BaseException) -> StorageError:
    explained = expected_problem(error)
    assert isinstance(explained, StorageError) and explained.kind == "full", error
    assert str(explained) == STORAGE_MESSAGES["full"]
    return explained


def until_full(attempt):
    """Repeat ``attempt(n)`` until the disk is full; returns (n, the error). Each attempt that
    succeeded is whole; the one that failed must have left nothing."""
    for n in range(ATTEMPTS):
        try:
            attempt(n)
        except Exception as error:  # noqa: BLE001 - the test looks at what came out
            return n, error
    raise AssertionError("the disk never filled up")


def test_a_sale_on_a_full_disk_is_one_sentence_leaves_nothing_and_goes_through_later(db, make_member, sell):
    member = make_member()
    fill_the_disk()
    n, error = until_full(lambda n: sell(member, {"household": 1000 + n}, uid=f"full-{n}"))
    full_disk(error)
    assert not Operation.select().where(Operation.key == f"sale:full-{n}").exists()
    assert Sale.select().count() == n and run_checks() == []
    make_room()
    sell(member, {"household": 1000 + n}, uid=f"full-{n}")
    assert Sale.select().count() == n + 1 and run_checks() == []


def test_a_rule_change_on_a_full_disk_stores_nothing(db, owner):
    fill_the_disk()
    values = (6, 7)
    n, error = until_full(lambda n: settings.change("points_validity_months", values[n % 2], owner))
    full_disk(error)
    changes = Operation.select().where(Operation.kind == "setting_change").count()
    assert changes == n  # the failed change left no record …
    stored = Setting.get_or_none(Setting.key == "points_validity_months")
    assert (stored.value if stored else "3") == str(values[(n - 1) % 2] if n else 3)  # … and no value
    make_room()
    settings.change("points_validity_months", values[n % 2], owner)
    assert settings.get("points_validity_months") == values[n % 2]


def test_housekeeping_on_a_full_disk_leaves_the_ledger_sound_and_finishes_later(db, make_member, sell):
    members = [make_member(at=dt.datetime(2025, 1, 5, 9)) for _ in range(60)]
    for member in members:
        sell(member, {"household": 60000}, at=dt.datetime(2025, 1, 5, 10))
    fill_the_disk()
    with pytest.raises(Exception) as caught:
        for day in range(1, 28):  # each day's run writes what fell due; one of them meets the full disk
            housekeeping.run_due_jobs(dt.date(2026, 3, day))
    full_disk(caught.value)
    assert run_checks() == []
    make_room()
    housekeeping.run_due_jobs(dt.date(2026, 3, 28))
    assert all(ledger.balance(m.id) == 0 for m in members) and run_checks() == []


def test_an_import_on_a_full_disk_is_one_sentence_and_can_be_run_again(db, owner, tmp_path):
    from pharmacy_desk.core.spreadsheet.commit import commit_import
    from pharmacy_desk.core.spreadsheet.plan import read_plan
    from tests.spreadsheet_helpers import HEADER, write_xlsx

    rows = [HEADER] + [["", "张三", f"1391234{n:04d}", "男", "1965-03-08", "100"] for n in range(400)]
    source = write_xlsx(tmp_path / "list.xlsx", {"Sheet1": rows})
    fill_the_disk()
    with pytest.raises(Exception) as caught:
        commit_import(read_plan(source, today=DAY.date()), owner, at=DAY)
    full_disk(caught.value)
    assert run_checks() == []
    make_room()
    commit_import(read_plan(source, today=DAY.date()), owner, at=DAY)
    assert Member.select().count() == 400 and run_checks() == []


def test_check_works_on_a_full_disk(db, make_member, sell):
    sell(make_member(), {"household": 5000})
    fill_the_disk()
    assert run_checks() == []


def test_a_read_only_database_is_one_sentence(db, make_member, clerk):
    from pharmacy_desk.core import members

    database.execute_sql("PRAGMA query_only = 1")  # what a read-only file or medium does (root ignores chmod)
    with pytest.raises(Exception) as caught:
        members.register(phone="13800000001", name="张三", operator=clerk, at=DAY)
    explained = expected_problem(caught.value)
    assert explained.kind == "readonly" and "只读" in str(explained)
    database.execute_sql("PRAGMA query_only = 0")
    assert Member.select().count() == 0


# --- the command line -----------------------------------------------------------------------------

@pytest.mark.parametrize("folder", ["/proc", "/sys", "/proc/self"])
def test_an_export_into_a_system_folder_is_one_sentence(tmp_path, capsys, folder, monkeypatch):
    from tests.cli_helpers import as_owner, set_up_shop

    path = tmp_path / "shop.sqlite3"
    set_up_shop(path, monkeypatch)
    for argv in (("export", "members", "--out", f"{folder}/会员.xlsx"),
                 ("report", "--month", "2026-05", "--out", f"{folder}/报表.xlsx")):
        code, out, err = run(capsys, *as_owner(["--db", path, *argv]))
        assert code == 1 and err.startswith(f"错误：无法写入 {folder}/") and err.count("\n") == 1, argv
        assert "Traceback" not in err and "内部错误" not in err


def test_a_sale_at_the_counter_on_a_full_disk_keeps_the_till_working(qtbot, window, make_member, monkeypatch):
    import sqlite3

    import peewee

    from pharmacy_desk.core import sales
    from tests.counter_window import scan, type_amount

    member = make_member(phone="13800000001")
    record = sales.record_sale

    def full(*args, **kwargs):
        driver = sqlite3.OperationalError("database or disk is full")
        driver.sqlite_errorcode, driver.sqlite_errorname = 13, "SQLITE_FULL"
        try:
            raise driver
        except sqlite3.OperationalError:  # what peewee meets when it then rolls back
            raise peewee.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    scan(qtbot, window, member.phone)
    type_amount(qtbot, window, "household", "50")
    monkeypatch.setattr(sales, "record_sale", full)
    window.counter.entry.submit()
    assert STORAGE_MESSAGES["full"] in window.counter.entry.message.text()
    assert Sale.select().count() == 0
    monkeypatch.setattr(sales, "record_sale", record)
    window.counter.entry.submit()
    assert Sale.select().count() == 1


def test_a_folder_that_is_there_but_takes_no_new_file_is_not_said_to_be_missing(tmp_path):
    import errno

    from pharmacy_desk.core import errors

    refused = FileNotFoundError(errno.ENOENT, "No such file or directory")  # what /proc answers to a new file
    there = errors.file_problem(refused, tmp_path / "会员.xlsx", errors.WRITE)
    assert str(there) == f"无法写入 {tmp_path / '会员.xlsx'}：这个文件夹里不能新建文件。刚才的文件没有保存。"
    gone = errors.file_problem(refused, tmp_path / "gone" / "会员.xlsx", errors.WRITE)
    assert str(gone) == f"无法写入 {tmp_path / 'gone' / '会员.xlsx'}：所在的文件夹不存在。刚才的文件没有保存。"
    read = errors.file_problem(refused, tmp_path / "会员.xlsx", errors.READ)
    assert "找不到这个文件" in str(read)
