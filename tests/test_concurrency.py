"""Two tills recording sales while a third process runs the housekeeping: no cashier sees an error.

The housekeeping is a first start on a database where a year of points has lapsed and the
monthly tier review is due, so it writes for a while beside the tills. (A big import beside
them is not part of this race yet: the import still writes in one transaction.)
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import pytest

from bench import generate_large, till_harness
from pharmacy_desk.core import check
from pharmacy_desk.core.db import close_database, database, open_database
from pharmacy_desk.core.models import Staff

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork")

UNTIL = dt.date(2025, 6, 30)
TODAY = dt.date(2026, 8, 3)  # every generated lot has lapsed; August's tier review is due
MIN_SALES = 40


def _housekeeping(path, write_fd):
    code = 0
    try:
        from pharmacy_desk.core.housekeeping import run_due_jobs

        open_database(path)
        result = run_due_jobs(TODAY)
        os.write(write_fd, f"{result.points_expired} {result.review.downgraded}\n".encode())
    except BaseException as error:  # noqa: BLE001 - the child reports and exits, never returns
        os.write(write_fd, f"error {error!r}\n".encode())
        code = 1
    finally:
        os._exit(code)


def test_two_tills_and_the_housekeeping_race_without_an_error_at_the_counter(tmp_path):
    path = tmp_path / "shop.sqlite3"
    generate_large.generate(path, members=3000, sales=12000, seed=5, until=UNTIL, years=1, quiet=True)
    open_database(path)
    Staff.create(name=till_harness.CLERK, role="cashier")
    lapsed = database.execute_sql("SELECT SUM(points) FROM ledger_entry WHERE points > 0").fetchone()[0]
    close_database()
    done = tmp_path / "housekeeping-done"

    def stop(n):
        return n >= MIN_SALES and done.exists()

    tills = [till_harness.start_till(path, prefix=prefix, stop=stop) for prefix in ("a", "b")]
    read_fd, write_fd = os.pipe()
    keeper = os.fork()
    if keeper == 0:
        os.close(read_fd)
        _housekeeping(path, write_fd)
    os.close(write_fd)
    report = till_harness.read_all(read_fd)
    os.waitpid(keeper, 0)
    done.touch()
    lines = {prefix: till_harness.read_all(fd) for (pid, fd), prefix in zip(tills, ("a", "b"))}
    for pid, _fd in tills:
        assert os.waitpid(pid, 0)[1] == 0

    assert report and not report[0].startswith("error"), report
    expired, downgraded = map(int, report[0].split())
    assert expired == lapsed and downgraded > 0
    errors = [line for prefix in lines for line in lines[prefix] if line.startswith("error")]
    assert errors == []
    acknowledged = {prefix: {int(line.split()[0]) for line in lines[prefix][1:]} for prefix in lines}
    assert all(len(acks) >= MIN_SALES for acks in acknowledged.values())
    open_database(path)
    try:
        for prefix, acks in acknowledged.items():
            assert till_harness.incomplete_sales(acks, prefix) == []
        assert check.run_checks() == []
    finally:
        close_database()
