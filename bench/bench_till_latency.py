"""Benchmark: how long a till's sale takes alone, and while housekeeping or a big import runs beside it.

Run from the repository root::

    nice -n 10 python -m bench.bench_till_latency [--members 100000] [--sales 500000]
        [--before CHECKOUT] [--import-rows 100000] [--keep DIR]

It builds one database with ``bench.generate_large`` (sales up to yesterday: years of points
have lapsed and this month's tier review is due, as on the first start after an upgrade) and
copies it for each scenario, so each side job does a first start's work:

* ``alone``: one till records sales one after another;
* ``housekeeping``: the same till while another process runs ``run_due_jobs`` (points expiry
  catch-up and the monthly tier review) with this checkout's code;
* ``housekeeping (before)``: the same with the code of ``--before CHECKOUT`` (another git
  checkout, e.g. ``git worktree add --detach /tmp/before <commit>``): the baseline;
* ``import``: the same till while another process imports a generated list of
  ``--import-rows`` members (``bench.bench_import.generate``); ``import (before)`` the same
  with the code of ``--before``.

The till is ``bench.till_harness``'s: ``sales.record_sale`` through ``db.retry_when_busy``,
as the counter records a sale. It keeps selling until the side job has finished. Printed per
scenario: sales, errors a cashier would have seen, p50 / p99 / max latency, and how long
the side job took.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate_large, till_harness  # noqa: E402
from pharmacy_desk.core.db import close_database, open_database  # noqa: E402
from pharmacy_desk.core.models import Staff  # noqa: E402

HOUSEKEEPING = """
import sys, time
from pharmacy_desk.core.db import open_database
from pharmacy_desk.core.housekeeping import run_due_jobs
open_database(sys.argv[1])
started = time.perf_counter()
result = run_due_jobs()
print(f"{time.perf_counter() - started:.2f} expired={result.points_expired} "
      f"down={result.review.downgraded} up={result.review.upgraded}")
"""

IMPORT = """
import sys, time
from pharmacy_desk.core.db import open_database
from pharmacy_desk.core.models import Staff
from pharmacy_desk.core.spreadsheet.commit import commit_import
from pharmacy_desk.core.spreadsheet.plan import read_plan
open_database(sys.argv[1])
started = time.perf_counter()
result = commit_import(read_plan(sys.argv[2]), Staff.get(Staff.role == "owner"))
print(f"{time.perf_counter() - started:.2f} created={result.created}")
"""


def _copy(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run_scenario(path: Path, side: list[str] | None, checkout: Path, minimum: int, prefix: str) -> dict:
    """The till beside ``side`` (a command run with ``checkout`` on its path), until both are done."""
    flag = path.with_suffix(".side-done")
    flag.unlink(missing_ok=True)
    if side is None:
        flag.touch()

    def stop(n: int) -> bool:
        return n >= minimum and flag.exists()

    pid, fd = till_harness.start_till(path, prefix=prefix, stop=stop)
    till_harness.wait_ready(fd)
    side_text, side_seconds = "", 0.0
    if side is not None:
        started = time.perf_counter()
        done = subprocess.run(side, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(checkout)},
                              cwd=checkout, check=False)
        side_seconds = time.perf_counter() - started
        out = done.stdout.strip().splitlines()
        side_text = out[-1] if done.returncode == 0 and out else "failed: " + " ".join(
            done.stderr.strip().splitlines()[-1:])
        flag.touch()
    lines = till_harness.read_all(fd)
    os.waitpid(pid, 0)
    latencies = [float(line.split()[1]) for line in lines if line[:1].isdigit()]
    errors = [line for line in lines if line.startswith("error")]
    return {"sales": len(latencies), "errors": len(errors), "first_error": errors[0] if errors else "",
            "p50_ms": 1000 * statistics.median(latencies) if latencies else float("nan"),
            "p99_ms": 1000 * _percentile(latencies, 0.99) if latencies else float("nan"),
            "max_ms": 1000 * max(latencies) if latencies else float("nan"),
            "side_s": side_seconds, "side": side_text}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--sales", type=int, default=500_000)
    parser.add_argument("--probe-sales", type=int, default=300, help="sales the till records at least")
    parser.add_argument("--before", type=Path, default=None, help="a checkout of the code to compare with")
    parser.add_argument("--import-rows", type=int, default=100_000, help="0: no import scenario")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the files (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="till-latency-"))
    work.mkdir(parents=True, exist_ok=True)
    base = work / "base.sqlite3"
    if not base.exists():
        print(f"generating {args.members:,} members, {args.sales:,} sales …", flush=True)
        started = time.perf_counter()
        generate_large.generate(base, members=args.members, sales=args.sales, quiet=True)
        open_database(base)
        Staff.create(name=till_harness.CLERK, role="cashier")
        Staff.create(name="店长甲", role="owner")  # who imports
        close_database()
        print(f"  {time.perf_counter() - started:.0f} s", flush=True)
    scenarios: list[tuple[str, list[str] | None, Path]] = [("alone", None, ROOT)]
    python = sys.executable
    scenarios.append(("housekeeping", [python, "-c", HOUSEKEEPING], ROOT))
    if args.before is not None:
        scenarios.append(("housekeeping (before)", [python, "-c", HOUSEKEEPING], args.before.resolve()))
    if args.import_rows:
        from bench import bench_import

        workbook = work / "members.xlsx"
        if not workbook.exists():
            print(f"generating a {args.import_rows:,}-row member list …", flush=True)
            bench_import.generate(workbook, args.import_rows)
        scenarios.append(("import", [python, "-c", IMPORT], ROOT))
        if args.before is not None:
            scenarios.append(("import (before)", [python, "-c", IMPORT], args.before.resolve()))
    results = []
    for index, (name, side, checkout) in enumerate(scenarios):
        path = _copy(base, work / f"scenario{index}.sqlite3")
        command = None if side is None else [*side, str(path)] + (
            [str(work / "members.xlsx")] if name.startswith("import") else [])
        print(f"{name} …", flush=True)
        results.append((name, run_scenario(path, command, checkout, args.probe_sales, f"p{index}-")))
    print(f"\n{args.members:,} members, {args.sales:,} sales; till sale latency (ms)")
    print(f"{'scenario':24} {'sales':>6} {'errors':>6} {'p50':>8} {'p99':>8} {'max':>9} {'side job':>9}  result")
    for name, r in results:
        print(f"{name:24} {r['sales']:6} {r['errors']:6} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} {r['max_ms']:9.1f}"
              f" {r['side_s']:8.1f}s  {r['side']}{'  ' + r['first_error'] if r['first_error'] else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
