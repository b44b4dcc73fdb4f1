"""In the windows, what an opening must put back and takes long (a lost index, the members' figures counted
again) runs in the background once the counter is open: the counter sells and signs members up meanwhile,
the status bar says what is under way and what the cashier may do, and every figure comes out exact."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt

from pharmacy_desk.core import activity, db, dialect_catalog, member_tally, repairs
from pharmacy_desk.core.errors import STORAGE_MESSAGES, StorageError
from pharmacy_desk.core.models import Member, Sale
from tests.counter_window import scan, shown_counter, type_amount
from tests.tamper_helpers import edit_outside
from tests.pacing_helpers import between_chunks

NOW = dt.datetime.now().replace(microsecond=0)
LOST = ("DROP TRIGGER sale_keeps_receipt_counter", "DROP TRIGGER sale_keeps_member_activity",
        "DROP TRIGGER member_insert_tallies", "DROP INDEX member_phone_tail")


def _open_as_the_windows_do(path) -> None:
    """Another program dropped triggers and an index; the app opens the file, then attaches after its first paint."""
    db.close_database()
    edit_outside(path, LOST, unguarded=())
    db.open_database(path, lazily=True, repair_later=True)
    db.attach()  # ``app.settle``, on the GUI thread (here already attached: the proxy was in use)


def _counted_tallies() -> tuple[dict, dict]:
    by_tier = {(t, o): n for t, o, n in db.database.execute_sql(
        "SELECT tier_id, COALESCE(owner_staff_id, 0), COUNT(*) FROM member GROUP BY 1, 2").fetchall()}
    by_birthday = {(g, b): n for g, b, n in db.database.execute_sql(
        "SELECT gender, COALESCE(birthday, ''), COUNT(*) FROM member GROUP BY 1, 2").fetchall()}
    return by_tier, by_birthday


@pytest.fixture
def path(db, tmp_path):
    return tmp_path / "test.sqlite3"


def test_the_counter_sells_while_the_lost_figures_are_counted_again_in_the_background(
        qtbot, path, make_member, sell, clerk, monkeypatch):
    regular = make_member(at=NOW - dt.timedelta(days=3))
    sell(regular, {"household": 1000}, at=NOW - dt.timedelta(days=2))
    _open_as_the_windows_do(path)
    # At once, on the GUI thread: what the next sale needs. The rest waits for the counter.
    assert "sale_keeps_receipt_counter" in dialect_catalog.trigger_names(db.database)
    assert sorted(repairs.waiting()) == ["member_insert_tallies", "member_phone_tail", "sale_keeps_member_activity"]

    counting = threading.Event()
    cashier_done = threading.Event()

    def between_ranges() -> None:  # the background count of the members, between two of its transactions
        if threading.current_thread() is not threading.main_thread() and member_tally.counted_through():
            counting.set()
            assert cashier_done.wait(30)

    between_chunks(monkeypatch, between_ranges)
    window = shown_counter(qtbot, clerk)
    task = window.start_repairs()
    assert task is not None and window.repair_status.isVisibleTo(window)
    qtbot.waitUntil(counting.is_set, timeout=30000)
    qtbot.waitUntil(lambda: "正在重算会员人数统计（100%）" in window.repair_status.text())
    assert "收银照常" in window.repair_status.text()

    # Meanwhile the cashier sells to the regular and signs a newcomer up, at the counter itself.
    scan(qtbot, window, regular.card_no)
    type_amount(qtbot, window, "household", "25")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert Sale.select().where(Sale.member_id == regular.id).count() == 2
    newcomer = make_member(phone="13900000077", gender="F", birthday=dt.date(1990, 3, 4))
    assert member_tally.counting()  # the month's report counts the members themselves meanwhile
    cashier_done.set()

    qtbot.waitUntil(lambda: window.repair_status.isHidden(), timeout=30000)
    assert "后台恢复完成" in window.statusBar().currentMessage()
    assert repairs.waiting() == [] and not member_tally.counting()
    assert member_tally.kept() == _counted_tallies()
    assert activity.figures()[regular.id][1:] == (2, 3500) and newcomer.id not in activity.figures()
    assert "member_phone_tail" in dialect_catalog.schema_objects(db.database, "index")
    assert Member.select().count() == 2


def test_an_opening_with_nothing_lost_starts_nothing_and_shows_no_note(qtbot, path, clerk):
    db.close_database()
    db.open_database(path, lazily=True, repair_later=True)
    db.attach()
    window = shown_counter(qtbot, clerk)
    assert window.start_repairs() is None and window.repair_status.isHidden()


def test_a_repair_that_fails_stays_in_red_and_the_counter_goes_on(qtbot, path, clerk, monkeypatch):
    _open_as_the_windows_do(path)

    def disk_full(_progress) -> list[str]:
        raise StorageError(STORAGE_MESSAGES["full"], kind="full")

    monkeypatch.setattr(repairs, "beside_tills", disk_full)
    window = shown_counter(qtbot, clerk)
    window.start_repairs()
    qtbot.waitUntil(lambda: "后台恢复没有完成：磁盘已满" in window.repair_status.text())
    assert window.repair_status.isVisibleTo(window) and "下次打开" in window.repair_status.toolTip()
    assert window.repair_status.task is None and window.counter.search.edit.hasFocus()
