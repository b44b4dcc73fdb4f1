"""The one operation path: who acts, what the user reads, what the screens hear."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from pharmacy_desk.core import members
from pharmacy_desk.core.changes import NOTHING, Changes
from pharmacy_desk.core.errors import InvalidInput
from pharmacy_desk.ui import operations
from pharmacy_desk.ui.events import events
from pharmacy_desk.ui.messages import bug_message
from pharmacy_desk.ui.operations import NO_OPERATOR, Job, LatestOnly, Op, Read, provide_operator
from pharmacy_desk.ui.tasks import Cancelled



@pytest.fixture
def changed(qapp):
    heard: list[Changes] = []
    events().changed.connect(heard.append)
    yield heard
    events().changed.disconnect(heard.append)


@pytest.fixture
def boxes(monkeypatch):
    """Messages that would have been shown in a box (a modal box would stop the test)."""
    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(operations, "show_message", lambda parent, message, expected: shown.append((message, expected)))
    return shown


def test_success_runs_the_handler_then_broadcasts_one_change(changed, clerk, make_member):
    member = make_member()
    results = []
    ok = Op(None, lambda operator: members.confirm_profile(member.id, operator), operator=clerk) \
        .success(lambda result: results.append((result, list(changed)))).run()
    assert ok and changed == [Changes.of_member(member.id)]
    assert results == [(Changes.of_member(member.id), [])]  # the screen updates itself before the others hear


def test_a_result_carrying_changes_is_broadcast_and_nothing_changed_is_not(changed, clerk, make_member):
    member = make_member()
    Op(None, lambda operator: members.register(phone="13900000009", name="王五", operator=operator),
       operator=clerk).run()
    assert len(changed) == 1 and changed[0].coupons and not changed[0].touches_member(member.id)
    Op(None, lambda operator: NOTHING, operator=clerk).run()
    Op(None, lambda operator: 42, operator=clerk).run()  # an export's row count says nothing changed
    assert len(changed) == 1


def test_an_expected_refusal_is_shown_inline_unlogged_and_unannounced(changed, clerk, caplog, boxes):
    said = []

    def refuse(operator):
        raise InvalidInput("积分不足：需要 800 分，可用 600 分。")

    failed = []
    with caplog.at_level(logging.DEBUG, logger="pharmacy_desk"):
        ok = Op(None, refuse, operator=clerk).success(lambda _r: pytest.fail("no success")) \
            .failure(said.append).after_failure(failed.append).run()
    assert not ok and said == ["积分不足：需要 800 分，可用 600 分。"]
    assert isinstance(failed[0], InvalidInput)
    assert changed == [] and boxes == [] and caplog.records == []


def test_a_bug_is_logged_with_its_traceback_and_the_user_reads_the_generic_sentence(changed, clerk, caplog, boxes):
    def broken_core_call(operator):
        return {}["missing"]

    with caplog.at_level(logging.ERROR, logger="pharmacy_desk"):
        Op(None, broken_core_call, operator=clerk).run()
    assert boxes == [(bug_message(), False)]  # no inline line given: a box, marked as an error, not a warning
    assert changed == []
    [record] = caplog.records
    assert record.exc_info[0] is KeyError and "broken_core_call" in caplog.text


def test_without_an_operator_nothing_runs_and_the_user_is_told_whom_to_pick(changed, boxes):
    calls, said = [], []
    assert not Op(None, calls.append).failure(said.append).run()
    assert calls == [] and said == [NO_OPERATOR] == ["请先登录（输入姓名和 PIN 或密码）。"] and changed == []
    assert Op(None, calls.append).run_in_background("记账", show_dialog=False) is None
    assert boxes == [(NO_OPERATOR, True)] and calls == []


def test_the_operator_at_the_till_is_asked_when_the_window_names_none(clerk, owner):
    provide_operator(lambda: clerk)
    seen = []
    Op(None, seen.append).run()
    Op(None, seen.append, operator=owner).run()  # a window opened for the owner acts as the owner
    assert seen == [clerk, owner]


def test_a_background_operation_delivers_on_the_gui_thread(qtbot, changed, clerk, make_member):
    member = make_member()
    worker, delivered = [], []

    def work(operator, progress):
        worker.append(threading.current_thread())
        progress(1, 1, "")
        return members.confirm_profile(member.id, operator)

    task = Op(None, work, operator=clerk).success(lambda _r: delivered.append(threading.current_thread())) \
        .run_in_background("确认资料", show_dialog=False)
    with qtbot.waitSignal(task.done, timeout=5000):
        pass
    qtbot.waitUntil(lambda: bool(changed))
    assert worker and worker[0] is not threading.main_thread()
    assert delivered == [threading.main_thread()]
    assert changed == [Changes.of_member(member.id)]


def test_a_background_failure_is_worded_and_a_cancel_is_silent(qtbot, changed, boxes, clerk):
    def refuse(operator, progress):
        raise InvalidInput("文件含宏，不能导入。")

    def cancelled(operator, progress):
        raise Cancelled

    after = []
    task = Op(None, refuse, operator=clerk).after_failure(after.append).run_in_background("导入", show_dialog=False)
    qtbot.waitUntil(lambda: len(after) == 1, timeout=5000)
    assert boxes == [("文件含宏，不能导入。", True)]
    Op(None, cancelled, operator=clerk).after_failure(after.append).run_in_background("导入", show_dialog=False)
    qtbot.waitUntil(lambda: len(after) == 2, timeout=5000)
    assert isinstance(after[1], Cancelled) and len(boxes) == 1 and changed == []
    assert task is not None


def test_a_read_needs_no_operator_and_announces_nothing(changed):
    answers = []
    assert Read(None, lambda: Changes.of_member(3)).success(answers.append).run()
    assert answers == [Changes.of_member(3)] and changed == []


def test_the_programs_own_work_is_announced(changed):
    assert Job(None, lambda: Changes.of_member(3, ledger=True)).run()
    assert changed == [Changes.of_member(3, ledger=True)]


def test_only_the_latest_answer_is_current():
    latest = LatestOnly()
    first = latest.next()
    assert latest.is_current(first)
    second = latest.next()
    assert not latest.is_current(first) and latest.is_current(second)


UI = Path(__file__).resolve().parent.parent / "pharmacy_desk" / "ui"
# The one catch of the operation path and the worker thread's hand-over to the GUI thread; the
# smoke walk's, which reports a failed step of the frozen program's self-test as that step's failure.
CATCH_ALLS = {"operations.py": 1, "tasks.py": 1, "smoke_walk.py": 1}


def test_no_screen_catches_every_exception_itself():
    found = {}
    for path in sorted(UI.glob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        catches = [n for n, line in enumerate(lines, 1)
                   if line.strip().startswith(("except Exception", "except BaseException", "except:"))]
        if catches:
            found[path.name] = len(catches)
    assert found == CATCH_ALLS
