"""Backup of a large database beside a plain file copy of the same file, in the same run.

Opens the file the way the app does (``open_database``), then, ``--repeat`` times each,
alternating which goes first:

- ``file copy``: ``shutil.copyfile`` of the closed, checkpointed file (what a person
  copying the file by hand gets; not consistent while the app writes);
- ``online copy``: SQLite's online backup of the open database into a new file
  (``dialect_files.copy_database``, one read transaction: the tills keep writing);
- ``integrity check``: the full ``PRAGMA integrity_check`` of that copy;
- ``make_backup``: the whole backup the app makes (copy, check, rename, record, rotation),
  written to a scratch folder, audited like any backup;
- ``safe open``: what opening the file costs before the connection (``database_file.examine``:
  header, catalogue and SQLite's quick check), paid at an opening the file's record does not
  vouch for (``core/file_trust.py``);
- ``open as left``: ``open_database`` and its close on the file as the program closed it
  (header, catalogue and schema checks, no quick check), what every later start pays.

While each online copy runs, a second connection records a row every 20 ms in a write
transaction of its own (a till's sale, in a scratch table made for it in a copy of the
database); the slowest of those writes shows whether the copy held the tills up, beside
the slowest of the same writes for as long with nothing else running.

Run from the repository root:
    python -m bench.bench_backup [PATH] [--repeat N] [--json]
The database is copied to the scratch folder first, so the benchmark file is not changed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pharmacy_desk.core import backup, database_file, dialect_files  # noqa: E402
from pharmacy_desk.core.db import close_database, database, open_database  # noqa: E402

DEFAULT_PATH = ROOT / "bench" / "out" / "large.sqlite3"
WRITE_EVERY_S = 0.02


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


class TillWrites:
    """Writes from another connection while something runs; ``slowest`` is the longest wait, in ms."""

    def __init__(self, path: Path):
        self.path, self.waits = path, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        till = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        till.execute("PRAGMA busy_timeout = 30000")
        while not self._stop.is_set():
            start = time.perf_counter()
            till.execute("BEGIN IMMEDIATE")
            till.execute("INSERT INTO bench_till_write (at) VALUES (?)", (time.time(),))
            till.execute("COMMIT")
            self.waits.append((time.perf_counter() - start) * 1000)
            self._stop.wait(WRITE_EVERY_S)
        till.close()

    def __enter__(self) -> TillWrites:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def slowest(self) -> float:
        return max(self.waits, default=0.0)


def one_round(n: int, work: Path, scratch: Path, times: dict[str, list[float]], till_waits: list[float]) -> None:
    """One of each measurement; the file copy and the online copy take turns going first."""
    target = scratch / f"copy-{n}.sqlite3"
    online = scratch / f"online-{n}.sqlite3"

    def plain() -> None:
        times["file copy"].append(timed(lambda: shutil.copyfile(work, target)))

    def through_sqlite() -> None:
        with TillWrites(work) as till:
            times["online copy"].append(timed(lambda: dialect_files.copy_database(database, online)))
        till_waits.append(till.slowest)

    for step in ((plain, through_sqlite) if n % 2 == 0 else (through_sqlite, plain)):
        step()
    times["integrity check"].append(timed(lambda: dialect_files.file_integrity_errors(online)))
    for leftover in (target, online):
        leftover.unlink()
    folder = scratch / f"backups-{n}"
    folder.mkdir()
    times["make_backup"].append(timed(lambda: backup.make_backup(folder)))
    shutil.rmtree(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"no database at {args.path}: build one with python -m bench.generate_large", file=sys.stderr)
        return 2

    scratch = Path(tempfile.mkdtemp(prefix="bench-backup-", dir=args.path.parent))
    os.environ["PHARMACY_DESK_HOME"] = str(scratch / "home")
    work = scratch / args.path.name
    shutil.copyfile(args.path, work)
    raw = sqlite3.connect(work)
    raw.execute("CREATE TABLE IF NOT EXISTS bench_till_write (id INTEGER PRIMARY KEY, at REAL)")
    raw.commit()
    raw.close()
    size = work.stat().st_size
    times: dict[str, list[float]] = {"file copy": [], "online copy": [], "integrity check": [], "make_backup": [],
                                     "safe open": [], "open as left": []}
    till_waits: list[float] = []
    try:
        for _ in range(args.repeat):
            times["safe open"].append(timed(lambda: database_file.examine(work)))
        open_database(work)
        close_database()  # closed cleanly: recorded as the program left it
        for _ in range(args.repeat):
            times["open as left"].append(timed(lambda: (open_database(work), close_database())))
        open_database(work)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with TillWrites(work) as alone:
            time.sleep(3)
        for n in range(args.repeat):
            one_round(n, work, scratch, times, till_waits)
    finally:
        close_database()
        shutil.rmtree(scratch, ignore_errors=True)

    result = {
        "database": str(args.path), "bytes": size, "repeat": args.repeat,
        "seconds_median": {name: round(statistics.median(values), 2) for name, values in times.items()},
        "mb_per_s_median": {name: round(size / 1e6 / statistics.median(values), 1) for name, values in times.items()},
        "till_write_slowest_ms_during_online_copy": round(max(till_waits, default=0.0), 1),
        "till_write_slowest_ms_alone": round(alone.slowest, 1),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"{args.path}: {size / 1e6:,.0f} MB, {args.repeat} runs each (median)")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<16} {median:7.2f} s  {size / 1e6 / median:8.1f} MB/s   (runs: "
              + ", ".join(f"{v:.2f}" for v in values) + ")")
    print(f"  slowest till write while the online copy ran: {result['till_write_slowest_ms_during_online_copy']} ms"
          f" (alone, for 3 s: {result['till_write_slowest_ms_alone']} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
