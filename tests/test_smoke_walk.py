"""``gui --smoke-walk``, what CI runs on the frozen program: the first run's windows, driven step by step."""

from __future__ import annotations

import pytest

from pharmacy_desk.core.models import Member, Sale, Staff
from pharmacy_desk.ui import smoke_walk
from pharmacy_desk.ui.app import Launcher


@pytest.fixture
def small_demo(monkeypatch):
    """载入演示数据 as the wizard asks for it, with fewer members and months: the walk is the same."""
    from pharmacy_desk.core import demo

    generate = demo.generate
    monkeypatch.setattr(demo, "generate", lambda **kw: generate(**{**kw, "members_count": 30, "months": 2}))


def start(qtbot, launcher: Launcher, on_failure=None):
    first = launcher.start()
    qtbot.addWidget(first)
    return smoke_walk.walk_first_day(launcher, on_failure)


def test_the_walk_sets_up_the_pharmacy_loads_the_demo_sells_draws_the_charts_and_quits(qtbot, db, small_demo,
                                                                                     capsys):
    launcher = Launcher("test.sqlite3")
    walk = start(qtbot, launcher)
    qtbot.waitUntil(lambda: walk.finished or launcher.window is not None, timeout=60_000)
    qtbot.addWidget(launcher.window)
    qtbot.waitUntil(lambda: walk.finished, timeout=120_000)
    out, err = capsys.readouterr()
    assert err == ""
    steps = [line.removeprefix("smoke-walk: ") for line in out.splitlines() if line.startswith("smoke-walk: ")]
    assert [step.split(" ")[0].rstrip(":") for step in steps] == [
        "开店设置", "店长账号", "收银台", "演示数据", "card", "sale", "经营图表", "退出"]
    assert steps[0] == f"开店设置: {smoke_walk.PHARMACY}" and f"signed in as {smoke_walk.OWNER}" in steps[2]
    owner = Staff.get(Staff.name == smoke_walk.OWNER)
    sale = Sale.select().order_by(Sale.id.desc()).first()
    first_member = Member.select().order_by(Member.id).first()
    assert (sale.staff_id, sale.member_id, sale.total_fen) == (owner.id, first_member.id, 2500)
    assert not launcher.window.isVisible()  # 退出 closed the counter: the program ends with it


def test_a_walk_that_does_not_start_at_the_wizard_fails_at_once_saying_why(qtbot, db, capsys):
    from pharmacy_desk.core import setup

    setup.set_up(setup.PharmacyInfo("康宁大药房"), "王芳", "owner-pass")  # the sign-in opens, not 开店设置
    failures = []
    walk = start(qtbot, Launcher("test.sqlite3"), on_failure=lambda: failures.append(True))
    qtbot.waitUntil(lambda: failures == [True])  # ``gui --smoke-walk`` ends the program with exit code 1 here
    assert not walk.finished
    assert capsys.readouterr().err.strip() == "smoke-walk FAILED: the first window is SignInDialog, not 开店设置"
