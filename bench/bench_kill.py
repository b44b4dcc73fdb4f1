"""Benchmark: 1,000 SIGKILLs at random moments in a stream of sales, then every acknowledged sale checked.

Run from the repository root::

    nice -n 10 python -m bench.bench_kill [--kills 1000] [--seed 1] [--keep DIR]

The suite runs the same with 120 kills (``tests/test_kill.py``). A till (``bench.till_harness``)
records sales one after another and acknowledges each; it is killed with SIGKILL a random
0–250 ms after it has opened the database, and the next one starts. At the end every
acknowledged sale must be in the database whole (its line, payment and points) and
``check`` (integrity, guards, hash chains, every ledger invariant) must pass.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import till_harness  # noqa: E402
from pharmacy_desk.core import check  # noqa: E402
from pharmacy_desk.core.db import close_database, open_database  # noqa: E402
from pharmacy_desk.core.models import Sale  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="folder for the database (default: temporary)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="kill-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / "till.sqlite3"
    till_harness.prepare(path)
    started = time.perf_counter()
    run = till_harness.kill_stream(path, args.kills, seed=args.seed)
    seconds = time.perf_counter() - started
    open_database(path)
    try:
        wrong = till_harness.incomplete_sales(run.acknowledged)
        problems = check.run_checks()
        recorded = Sale.select().count()
    finally:
        close_database()
    print(f"{run.kills} kills in {seconds:.0f} s: {len(run.acknowledged)} sales acknowledged, {recorded} recorded "
          f"(a sale written but killed before its acknowledgement counts as recorded only)")
    print(f"acknowledged but missing or incomplete: {len(wrong)}; errors at the till: {len(run.errors)}; "
          f"check: {'passed' if not problems else problems}")
    return 0 if not wrong and not problems and not run.errors else 1


if __name__ == "__main__":
    sys.exit(main())
