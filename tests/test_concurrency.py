"""Two tills recording sales while a third process runs the housekeeping and then imports a member
list: no cashier sees an error.

The housekeeping is a first start on a database where a year of points has lapsed and the
monthly tier review is due, so it writes for a while beside the tills; the import then
writes its members and opening balances in chunks (smaller than a real one, for a list
this short) while the tills keep selling.
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


IMPORT_ROWS = 1500
IMPORT_CHUNK = 100


def _housekeeping_then_import(path, sheet, write_fd):
    code = 0
    try:
        from pharmacy_desk.core.housekeeping import run_due_jobs
        from pharmacy_desk.core.spreadsheet import commit
        from pharmacy_desk.core.spreadsheet.plan import read_plan

        open_database(path)
        result = run_due_jobs(TODAY)
        commit.CHUNK = IMPORT_CHUNK
        imported = commit.commit_import(read_plan(sheet, today=TODAY), Staff.get(Staff.role == "owner"))
        os.write(write_fd, f"{result.points_expired} {result.review.downgraded} {imported.created}\n".encode())
    except BaseException as error:  # noqa: BLE001 - the child reports and exits, never returns
        os.write(write_fd, f"error {error!r}\n".encode())
        code = 1
    finally:
        os._exit(code)


def test_two_tills_the_housekeeping_and_an_import_race_without_an_error_at_the_counter(tmp_path):
    from bench import bench_import

    path = tmp_path / "shop.sqlite3"
    generate_large.generate(path, members=3000, sales=12000, seed=5, until=UNTIL, years=1, quiet=True)
    sheet = tmp_path / "会员名单.xlsx"
    bench_import.generate(sheet, IMPORT_ROWS)
    open_database(path)
    Staff.create(name=till_harness.CLERK, role="cashier")
    lapsed = database.execute_sql("SELECT SUM(points) FROM ledger_entry WHERE points > 0").fetchone()[0]
    members_seen = till_harness._member_ids()  # what the tills plan their sales from
    members_before = len(members_seen)
    close_database()
    done = tmp_path / "housekeeping-done"

    def stop(n):
        return n >= MIN_SALES and done.exists()

    tills = [till_harness.start_till(path, prefix=prefix, stop=stop) for prefix in ("a", "b")]
    # Read as they sell: a till whose pipe is full stops selling, and the race would be over.
    acknowledgements = {prefix: till_harness.Acknowledgements(fd) for (_pid, fd), prefix in zip(tills, ("a", "b"))}
    read_fd, write_fd = os.pipe()
    keeper = os.fork()
    if keeper == 0:
        os.close(read_fd)
        _housekeeping_then_import(path, sheet, write_fd)
    os.close(write_fd)
    report = till_harness.read_all(read_fd)
    os.waitpid(keeper, 0)
    done.touch()
    lines = {prefix: reader.wait() for prefix, reader in acknowledgements.items()}
    for pid, _fd in tills:
        assert os.waitpid(pid, 0)[1] == 0

    assert report and not report[0].startswith("error"), report
    expired, downgraded, imported = map(int, report[0].split())
    assert expired == lapsed and downgraded > 0 and imported > IMPORT_ROWS * 0.9
    errors = [line for prefix in lines for line in lines[prefix] if line.startswith("error")]
    assert errors == []
    acknowledged = {prefix: {int(line.split()[0]) for line in lines[prefix][1:]} for prefix in lines}
    assert all(len(acks) >= MIN_SALES for acks in acknowledged.values())
    open_database(path)
    try:
        for prefix, acks in acknowledged.items():
            assert till_harness.incomplete_sales(acks, prefix, members_seen) == []
        assert database.execute_sql("SELECT COUNT(*) FROM member").fetchone()[0] == members_before + imported
        assert check.run_checks() == []
    finally:
        close_database()
