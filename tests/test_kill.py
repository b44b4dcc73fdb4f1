"""SIGKILL at random moments in a stream of sales: every acknowledged sale is whole, ``check`` passes.

Each kill lands somewhere in a till's work: opening the database, inside a sale's write
transaction, in the middle of a commit's fsync, between a commit and its acknowledgement.
(1,000 kills: ``bench/bench_kill.py``.)
"""

from __future__ import annotations

import sys

import pytest

from bench import till_harness
from pharmacy_desk.core import chain, check, checkpointer
from pharmacy_desk.core.db import close_database, open_database
from pharmacy_desk.core.models import Sale

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")

KILLS = 120


def test_no_acknowledged_sale_is_lost_or_half_written_under_sigkill(tmp_path):
    _kill_and_check(tmp_path / "till.sqlite3", KILLS, seed=12)


def test_no_sale_is_lost_when_the_kills_land_among_the_log_being_copied_and_started_over(tmp_path, monkeypatch):
    """The tills' thread copies the log 5 ms after each commit and starts it over every few sales,
    so the kills land in copies and restarts too (the tills are forked: they inherit this)."""
    monkeypatch.setattr(checkpointer, "SETTLE_S", 0.005)
    monkeypatch.setattr(checkpointer, "RESTART_AFTER_PAGES", 16)
    _kill_and_check(tmp_path / "till.sqlite3", KILLS // 2, seed=13)


def _kill_and_check(path, kills: int, seed: int) -> None:
    till_harness.prepare(path)
    run = till_harness.kill_stream(path, kills, seed=seed)
    assert run.kills == kills and run.errors == []
    open_database(path)
    try:
        # enough sales went through for the kills to have landed among them
        assert len(run.acknowledged) >= kills
        assert till_harness.incomplete_sales(run.acknowledged) == []
        assert Sale.select().count() >= len(run.acknowledged)
        assert check.run_checks() == [] and chain.verify() is None
    finally:
        close_database()
