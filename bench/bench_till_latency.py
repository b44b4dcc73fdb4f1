"""Benchmark: how long a till's sale takes alone, and while housekeeping or a big import runs beside it.

Run from the repository root::

    nice -n 10 python -m bench.bench_till_latency [--members 100000] [--sales 500000]
        [--base FILE] [--last-housekeeping DAYS] [--only alone housekeeping import both]
        [--before CHECKOUT] [--import-rows 100000] [--lock-log] [--keep DIR]

It builds one database with ``bench.generate_large`` (sales up to yesterday: years of points
have lapsed and this month's tier review is due, as on the first start after an upgrade), or
takes ``--base`` (a copy of the 1,000,000-member file), optionally runs the housekeeping on it
as of ``--last-housekeeping`` days ago (the till was last started then), and copies it for each
scenario, so each side job does the same work:

* ``alone``: one till records sales one after another;
* ``housekeeping``: the same till while another process runs ``run_due_jobs`` (points expiry
  catch-up, the monthly tier review, closing the month that ended) with this checkout's code;
* ``import``: the same till while another process imports a generated list of
  ``--import-rows`` members (``bench.bench_import.generate``);
* ``both``: the housekeeping and the import at once, beside the same till;
* each scenario again ``(before)`` with the code of ``--before CHECKOUT`` (another git
  checkout, e.g. ``git worktree add --detach /tmp/before <commit>``), the till's as well as the
  side jobs': the baseline. Every process runs this benchmark's harness (``bench/``) over the
  ``pharmacy_desk`` of its checkout.

The till is ``bench.till_harness``'s, in a process of its own: ``sales.record_sale`` through
``db.retry_when_busy``, as the counter records a sale. It keeps selling until the side jobs
have finished. Each scenario's copy is synced to the disk before the till starts: a file just
copied is gigabytes of pages not yet written, and the first checkpoint's sync would write them
all inside some sale (half a second at a million members). Printed per
scenario: sales, errors a cashier would have seen, p50 / p99 / max latency, how many sales
took over 200 ms, the largest the write-ahead log's file grew, and how long the side jobs
took. ``--lock-log`` adds, per scenario, each process's slowest write transactions (waiting
for the lock, holding it, committing) and
statements under the lock (``bench/lock_timing.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate_large, till_harness  # noqa: E402
from pharmacy_desk.core import file_trust  # noqa: E402
from pharmacy_desk.core.db import close_database, open_database  # noqa: E402
from pharmacy_desk.core.models import Staff  # noqa: E402

# Each process runs the ``pharmacy_desk`` of its checkout (its working folder): once the package
# is imported its modules are found through it, and only then is this benchmark's ``bench``
# put first. It logs its slow write transactions when the benchmark asks (``--lock-log``).
LOCK_LOG = f"""
import os, sys
import pharmacy_desk
sys.path.insert(0, {str(ROOT)!r})
if os.environ.get("LOCK_LOG"):
    from bench import lock_timing, till_harness
    lock_timing.install(os.environ["LOCK_LOG"], os.environ["LOCK_LOG_AS"], float(os.environ["LOCK_LOG_MS"]))
    lock_timing.install_sale_timer(till_harness)
"""

TILL = LOCK_LOG + """
from pathlib import Path
from bench import till_harness
path, fd, prefix, minimum, flag = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), Path(sys.argv[5])
till_harness._till(path, 0, fd, prefix, lambda n: n >= minimum and flag.exists())
"""

HOUSEKEEPING = LOCK_LOG + """
import datetime as dt, sys, time
from pharmacy_desk.core.db import open_database
from pharmacy_desk.core.housekeeping import run_due_jobs
open_database(sys.argv[1])
started = time.perf_counter()
result = run_due_jobs(dt.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else None)
print(f"{time.perf_counter() - started:.2f} expired={result.points_expired} "
      f"down={result.review.downgraded} up={result.review.upgraded}")
"""

IMPORT = LOCK_LOG + """
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
    """A copy of the base for one scenario, vouched for as the base is.

    A copy is a new file to ``core/file_trust.py``, so the till and each side job would run
    SQLite's quick check at opening (a minute at a million members, beside the till); the
    base was checked and closed cleanly, and the copy is it byte for byte.
    """
    _remove(target)  # a log left beside an older copy would be replayed into this one
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
            with open(f"{target}{suffix}", "rb+") as copied:  # on the disk, as a shop's file is
                os.fsync(copied.fileno())
    checked = file_trust.checked_at(source)
    if checked is not None:
        file_trust.remember(target, checked)
    return target


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@dataclass(frozen=True)
class Side:
    """A job run beside the till: its name (for the lock log), command and the checkout it runs."""

    name: str
    command: list[str]
    checkout: Path


def _environment(checkout: Path, lock_log: Path | None, name: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    if lock_log is not None:
        # The till's slow transactions; every one of a side job's, to match with the till's waits.
        env |= {"LOCK_LOG": str(lock_log), "LOCK_LOG_AS": name, "LOCK_LOG_MS": "50" if name == "till" else "0"}
    return env


def run_scenario(path: Path, checkout: Path, sides: list[Side], minimum: int, prefix: str,
                 lock_log: Path | None) -> dict:
    """The till of ``checkout`` beside ``sides`` (all started together), until the till's minimum and every side are done."""
    flag = path.with_suffix(".side-done")
    flag.unlink(missing_ok=True)
    if not sides:
        flag.touch()
    fd, till_fd = os.pipe()
    till = subprocess.Popen([sys.executable, "-c", TILL, str(path), str(till_fd), prefix, str(minimum), str(flag)],
                            pass_fds=(till_fd,), env=_environment(checkout, lock_log, "till"), cwd=checkout)
    os.close(till_fd)
    till_harness.wait_ready(fd)
    acknowledgements = till_harness.Acknowledgements(fd)
    log_peak = LogPeak(path)
    started = time.perf_counter()
    running = []
    for side in sides:
        running.append((side, subprocess.Popen(side.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                               text=True, env=_environment(side.checkout, lock_log, side.name),
                                               cwd=side.checkout)))
    texts = []
    for side, process in running:
        out, err = process.communicate()
        lines = out.strip().splitlines()
        texts.append(f"{side.name}: " + (lines[-1] if process.returncode == 0 and lines else
                                          "failed: " + " ".join(err.strip().splitlines()[-1:])))
    side_seconds = time.perf_counter() - started if sides else 0.0
    flag.touch()
    lines = acknowledgements.wait()
    till.wait()
    log_mb = log_peak.stop()
    for start, end, most in log_peak.spans_over(64):
        print(f"  the log's file over 64 MB from {start:.1f} s to {end:.1f} s (at most {most:.0f} MB)", flush=True)
    latencies = till_harness.latencies(lines)
    errors = [line for line in lines if line.startswith("error")]
    return {"sales": len(latencies), "errors": len(errors), "first_error": errors[0] if errors else "",
            "p50_ms": 1000 * statistics.median(latencies) if latencies else float("nan"),
            "p99_ms": 1000 * _percentile(latencies, 0.99) if latencies else float("nan"),
            "max_ms": 1000 * max(latencies) if latencies else float("nan"),
            "over_200": sum(latency > 0.2 for latency in latencies),
            "side_s": side_seconds, "side": "; ".join(texts), "log_mb": log_mb}


class LogPeak:
    """The largest the file's write-ahead log grew, looked at every 20 ms on a thread of its own."""

    def __init__(self, path: Path):
        import threading

        self.log, self.most = Path(f"{path}-wal"), 0
        self.samples: list[tuple[float, int]] = []  # (seconds since the start, size) every 20 ms
        self.started = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.02):
            try:
                size = self.log.stat().st_size
            except FileNotFoundError:
                continue
            self.most = max(self.most, size)
            self.samples.append((time.perf_counter() - self.started, size))

    def spans_over(self, megabytes: float) -> list[tuple[float, float, float]]:
        """When the log's file was over ``megabytes``: (from, to in seconds since the start, its largest MB)."""
        spans: list[tuple[float, float, float]] = []
        start = None
        most = 0
        for at, size in self.samples:
            if size > megabytes * 1e6:
                start = at if start is None else start
                most = max(most, size)
            elif start is not None:
                spans.append((start, at, most / 1e6))
                start, most = None, 0
        if start is not None:
            spans.append((start, self.samples[-1][0], most / 1e6))
        return spans

    def stop(self) -> float:
        """Stop looking; the peak in MB."""
        self._stop.set()
        self._thread.join()
        return self.most / 1e6


def _add_staff(path: Path) -> None:
    """The benchmark's cashier and the owner who imports, unless the database has them."""
    open_database(path)
    try:
        if Staff.get_or_none(Staff.name == till_harness.CLERK) is None:
            Staff.create(name=till_harness.CLERK, role="cashier")
        if Staff.get_or_none(Staff.role == "owner") is None:
            Staff.create(name="店长甲", role="owner")
    finally:
        close_database()


def _housekeep_as_of(path: Path, day: dt.date) -> None:
    """Run the housekeeping as it would have run on ``day`` (the base's last start, weeks ago)."""
    done = subprocess.run([sys.executable, "-c", HOUSEKEEPING, str(path), day.isoformat()], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"housekeeping as of {day} failed: {done.stderr.strip().splitlines()[-1:]}")
    print(f"  housekeeping as of {day}: {done.stdout.strip()}", flush=True)


DB = "{database}"  # in a side's command: the scenario's copy
SCENARIOS = ("alone", "housekeeping", "import", "both")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--sales", type=int, default=500_000)
    parser.add_argument("--base", type=Path, default=None,
                        help="an existing database to copy per scenario (e.g. a copy of the 1M file); it gains the "
                             "benchmark's cashier and owner, and the housekeeping of --last-housekeeping")
    parser.add_argument("--last-housekeeping", type=int, default=None, metavar="DAYS",
                        help="first run the housekeeping on the base as of DAYS days ago (default: never run, "
                             "a first start)")
    parser.add_argument("--probe-sales", type=int, default=300, help="sales the till records at least")
    parser.add_argument("--before", type=Path, default=None, help="a checkout of the code to compare with")
    parser.add_argument("--import-rows", type=int, default=100_000, help="0: no import scenarios")
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument("--lock-log", action="store_true",
                        help="log each process's slow write transactions (bench/lock_timing.py) per scenario")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the files (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="till-latency-"))
    work.mkdir(parents=True, exist_ok=True)
    base = args.base or work / "base.sqlite3"
    if not base.exists():
        print(f"generating {args.members:,} members, {args.sales:,} sales …", flush=True)
        started = time.perf_counter()
        generate_large.generate(base, members=args.members, sales=args.sales, quiet=True)
        print(f"  {time.perf_counter() - started:.0f} s", flush=True)
    _add_staff(base)
    if args.last_housekeeping is not None:
        _housekeep_as_of(base, dt.date.today() - dt.timedelta(days=args.last_housekeeping))
    python = sys.executable
    checkouts = [("", ROOT)] + ([(" (before)", args.before.resolve())] if args.before is not None else [])
    workbook = work / "members.xlsx"
    if args.import_rows and {"import", "both"} & set(args.only) and not workbook.exists():
        from bench import bench_import

        print(f"generating a {args.import_rows:,}-row member list …", flush=True)
        bench_import.generate(workbook, args.import_rows)
    scenarios: list[tuple[str, Path, list[Side]]] = []
    for name in args.only:
        if name in ("import", "both") and not args.import_rows:
            continue
        for suffix, checkout in checkouts:
            sides = []
            if name in ("housekeeping", "both"):
                sides.append(Side("housekeeping", [python, "-c", HOUSEKEEPING, DB], checkout))
            if name in ("import", "both"):
                sides.append(Side("import", [python, "-c", IMPORT, DB, str(workbook)], checkout))
            scenarios.append((name + suffix, checkout, sides))
    results = []
    for index, (name, checkout, sides) in enumerate(scenarios):
        path = _copy(base, work / f"scenario{index}.sqlite3")
        sides = [Side(side.name, [str(path) if word == DB else word for word in side.command], side.checkout)
                 for side in sides]
        lock_log = work / f"locks{index}.log" if args.lock_log else None
        if lock_log is not None:
            lock_log.unlink(missing_ok=True)
        print(f"{name} …", flush=True)
        try:
            results.append((name, run_scenario(path, checkout, sides, args.probe_sales, f"p{index}-", lock_log)))
        finally:
            _remove(path)
        if lock_log is not None:
            from bench import lock_timing

            print(lock_timing.summary(lock_log), flush=True)
    print(f"\n{base.name}; till sale latency (ms), nice {os.nice(0)}")
    print(f"{'scenario':24} {'sales':>6} {'errors':>6} {'p50':>8} {'p99':>8} {'max':>9} {'>200':>5} {'log MB':>7}"
          f" {'side job':>9}  result")
    for name, r in results:
        print(f"{name:24} {r['sales']:6} {r['errors']:6} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} {r['max_ms']:9.1f}"
              f" {r['over_200']:5} {r['log_mb']:7.1f} {r['side_s']:8.1f}s  {r['side']}"
              f"{'  ' + r['first_error'] if r['first_error'] else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
