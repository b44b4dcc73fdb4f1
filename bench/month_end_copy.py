"""A closed benchmark file put back to the evening of an earlier day, for the current month at its fullest.

The generated history ends on the last day of a month, and the months are closed at the first
start after it: the current month then has no sales yet. To time the current month with a whole
month of its own sales, take a COPY of the closed file and put it back to that last evening:

- the stored figures of the day's month and of any month after it are removed, so that month is
  the one under way again (on this copy only: the append-only guard on ``month_report`` is lifted
  for the DELETE and put back by the next opening, which records it in the audit trail);
- the members' running figures are rebuilt from the sales for the day's window
  (``activity.rebuild``).

Then ``python -m bench.bench_reports COPY --current-only --today DAY`` opens the report on that day.

Run from the repository root, on a copy (the file is changed):
  python -m bench.month_end_copy COPY [--day 2026-11-30]
The day defaults to the day of the last sale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pharmacy_desk.core import activity, schema  # noqa: E402
from pharmacy_desk.core.db import open_database  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--day", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    raw = sqlite3.connect(args.path)
    day = args.day or dt.date.fromisoformat(raw.execute("SELECT MAX(created_at) FROM sale").fetchone()[0][:10])
    first = day.replace(day=1).isoformat()[:7]
    guard = schema.guard_name("month_report", "DELETE")
    with raw:
        raw.execute(f'DROP TRIGGER IF EXISTS "{guard}"')
        removed = raw.execute("DELETE FROM month_report WHERE month >= ?", (first,)).rowcount
    raw.close()
    open_database(args.path)  # puts the guard back
    began = time.perf_counter()
    activity.rebuild(day)
    print(f"{args.path}: stored months from {first} on removed ({removed} rows); the members' running figures"
          f" rebuilt for {day} in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
