"""A closed counter stops its idle timer and leaves the application's events; a test's windows and
background jobs end with the test (``conftest.settle_qt``), not in the next test's database.

The last two tests run in this order: the first leaves a window and a job that starts another job
behind, the second looks for them.
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLineEdit

from pharmacy_desk.core import audit
from pharmacy_desk.core.db import database_path
from pharmacy_desk.core.models import Operation
from pharmacy_desk.core.vocabulary import OperationKind
from pharmacy_desk.ui.operations import Job

LEFT_BEHIND: dict[str, object] = {}


def test_a_closed_counter_stops_its_idle_timer_and_no_longer_watches_other_windows(qtbot, window):
    assert window.idle.is_running()
    window.close()
    assert not window.idle.is_running()
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    qtbot.keyClicks(other, "12345678")  # typed elsewhere: the closed counter's idle time does not start again
    assert not window.idle.is_running() and window.counter.scans._burst is None
    window.idle.timeout_ms = lambda: 1
    qtbot.wait(20)
    assert not Operation.select().where(Operation.kind == OperationKind.LOCK).exists()  # nobody locked it


def _slow_audit(_progress=None) -> None:
    time.sleep(0.3)  # still at work when the test has ended
    audit.record(OperationKind.BACKUP, None, subject="left behind")


def test_a_window_leaves_a_job_whose_result_starts_another(qtbot, window):
    LEFT_BEHIND["path"] = database_path()
    LEFT_BEHIND["window"] = window
    window.show()

    def started_another(_result) -> None:
        LEFT_BEHIND["second"] = Job(window, _slow_audit).run_in_background("second", show_dialog=False)

    Job(window, _slow_audit).success(started_another).run_in_background("first", show_dialog=False)


def test_the_next_test_finds_neither_the_window_nor_its_jobs(db):
    assert database_path() != LEFT_BEHIND["path"]
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    assert not shiboken6.isValid(LEFT_BEHIND["window"])  # the closed window itself is deleted, not only hidden
    time.sleep(0.5)
    assert not Operation.select().where(Operation.subject == "left behind").exists()
    assert "second" in LEFT_BEHIND  # the first job's result was handed back, in its own test
