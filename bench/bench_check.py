"""``check`` and ``check --full`` on a large database, beside the check as it was before.

"before" is what ``check`` ran until it learned a quick mode: SQLite's full
integrity check, the foreign-key check and every invariant, at the connection's
usual cache, with the negative-balance query read through the member index. "check"
is ``run_checks(full=False)`` (quick check + invariants), "check --full" is
``run_checks(full=True)``. Each is run once per repeat, in rotating order, on the same
file; the file is only read, but opening it brings its schema up to date, so point it
at a copy you can spare.

Run from the repository root:
  python -m bench.bench_check PATH [--repeat 1]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pharmacy_desk.core import check, dialect  # noqa: E402
from pharmacy_desk.core.db import database, open_database  # noqa: E402

OLD_NEGATIVE_BALANCE = ("SELECT member_id, SUM(points) FROM ledger_entry GROUP BY member_id "
                        "HAVING SUM(points) < 0")


def before() -> int:
    problems = len(dialect.integrity_errors(database)) + len(dialect.foreign_key_violations(database))
    for name, sql, _ in check.LEDGER_CHECKS:
        if name == "会员积分余额为负":
            sql = OLD_NEGATIVE_BALANCE
        problems += len(database.execute_sql(f"{sql} LIMIT 20").fetchall())
    return problems


RUNS = {
    "before": before,
    "check": lambda: len(check.run_checks(full=False)),
    "check --full": lambda: len(check.run_checks(full=True)),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    open_database(args.path)
    members = database.execute_sql("SELECT COUNT(*) FROM member").fetchone()[0]
    sales = database.execute_sql("SELECT COUNT(*) FROM sale").fetchone()[0]
    print(f"{args.path.name}: {members:,} members, {sales:,} sales")
    names = list(RUNS)
    times: dict[str, list[float]] = {name: [] for name in names}
    for repeat in range(args.repeat):
        for name in names[repeat % len(names):] + names[:repeat % len(names)]:
            start = time.perf_counter()
            found = RUNS[name]()
            times[name].append(time.perf_counter() - start)
            print(f"  {name:<13} {times[name][-1]:8.2f} s  ({found} problems)", flush=True)
    print("best of", args.repeat, ":", ", ".join(f"{name} {min(values):.2f} s" for name, values in times.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
