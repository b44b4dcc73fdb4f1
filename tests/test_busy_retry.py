"""A busy database is waited out by the operation path itself; cheap refusals never take the lock."""

import sqlite3
import threading

import peewee
import pytest

from pharmacy_desk.core import ledger, sales
from pharmacy_desk.core.db import database, retry_when_busy
from pharmacy_desk.core.errors import PointsError, StorageError, explain_storage_error
from pharmacy_desk.core.models import Sale
from tests.conftest import DAY


class WriteLocks:
    """Counts BEGIN IMMEDIATE on the app's connection."""

    def __init__(self):
        self.count = 0
        database.connection().set_trace_callback(self._saw)

    def _saw(self, statement):
        self.count += statement.upper().startswith("BEGIN IMMEDIATE")

    def stop(self):
        database.connection().set_trace_callback(None)


def order(member, **fields):
    return sales.SaleInput(lines=[sales.LineInput("household", 5000)], member_id=member.id,
                           payments={"cash": 5000}, **fields)


@pytest.mark.parametrize("points", [10**7, 600, 500])
def test_points_over_the_balance_are_refused_before_the_write_lock(db, make_member, clerk, owner, points):
    member = make_member()
    ledger.adjust(member.id, 400, "开户", owner, "seed", at=DAY)
    locks = WriteLocks()
    with pytest.raises(PointsError, match="积分不足"):
        sales.record_sale(order(member, points_used=points), operator=clerk, uid=f"big{points}", at=DAY)
    locks.stop()
    assert locks.count == 0 and Sale.select().count() == 0


def test_a_replayed_sale_is_answered_even_when_its_coupon_is_now_used(db, make_member, sell, clerk):
    from pharmacy_desk.core.models import Coupon

    member = make_member()
    welcome = Coupon.get(Coupon.member == member)
    first = sell(member, {"household": 5000}, coupon_id=welcome.id, uid="once")
    again = sell(member, {"household": 5000}, coupon_id=welcome.id, uid="once", payments={"cash": 4700})
    assert again.replayed and again.sale.id == first.sale.id


def _hold_the_write_lock(path, seconds):
    """Another till: holds the write lock for ``seconds``, then lets go."""
    other = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(seconds, lambda: (other.execute("COMMIT"), other.close()))
    timer.start()
    return timer


def test_a_sale_behind_a_long_write_lock_is_recorded_by_trying_again(db, tmp_path, make_member, clerk):
    member = make_member()
    database.execute_sql("PRAGMA busy_timeout = 50")
    timer = _hold_the_write_lock(tmp_path / "test.sqlite3", 0.25)
    try:
        with pytest.raises(peewee.OperationalError) as refused:
            sales.record_sale(order(member), operator=clerk, uid="plain", at=DAY)
        assert explain_storage_error(refused.value).kind == "busy"  # what the cashier was shown before
        result = retry_when_busy(lambda: sales.record_sale(order(member), operator=clerk, uid="u1", at=DAY),
                                 attempts=10, pause=0.05)
    finally:
        timer.join()
    assert not result.replayed and Sale.select().count() == 1


def test_only_a_busy_database_is_tried_again():
    calls = []

    def wrong():
        calls.append(1)
        raise ValueError("a bug")

    with pytest.raises(ValueError):
        retry_when_busy(wrong, pause=0)
    assert calls == [1]


def test_trying_again_is_bounded():
    calls = []

    def always_busy():
        calls.append(1)
        raise StorageError("busy", "busy", "SQLITE_BUSY")

    with pytest.raises(StorageError):
        retry_when_busy(always_busy, attempts=3, pause=0)
    assert len(calls) == 3


def test_the_screen_operation_tries_a_busy_call_again_without_a_message(qtbot, monkeypatch):
    from pharmacy_desk.ui.operations import Job

    shown, attempts = [], []
    monkeypatch.setattr("pharmacy_desk.ui.operations.show_message", lambda *args: shown.append(args))

    def busy_once():
        attempts.append(1)
        if len(attempts) == 1:
            raise StorageError("busy", "busy", "SQLITE_BUSY")
        return "done"

    results = []
    assert Job(None, busy_once).success(results.append).run()
    assert results == ["done"] and len(attempts) == 2 and shown == []
