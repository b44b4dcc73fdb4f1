"""``check`` and ``check --full`` on a large database, beside another checkout's, in the same run.

Each measurement runs in a process of its own (the page cache is the machine's, warm after
the first), and prints wall and CPU time (CPU time summed over the process's threads; on a
shared machine it is the one to compare), with the code of this checkout or of ``--against``
(another git checkout, e.g. ``git worktree add --detach /tmp/before <commit>``), taking turns:

- ``open``: ``open_database`` as every command and the app's start do (the first opening by
  newer code brings the file's schema up to date, and says so in its time);
- ``check``: ``check.examine(full=False)``, then, where the code records one, the
  checkpoint the command records; run twice, so the second starts from the first's
  checkpoint (``check, again``), as every check after the first does (code without
  checkpoints checks the same way every time);
- ``check --full``: ``check.examine(full=True)``;
- ``--one-core`` adds this checkout's ``check, again`` and ``check --full`` on one core of the
  machine (the process's CPU affinity), as on a till with a single core, where the checks
  run one after the other.

``--against-copy PATH``: the other checkout's own copy of the file, for code of an older schema
version (this checkout's first opening migrates its file, which the older code would refuse).
``--parts`` then times each piece of this checkout's plain check on its own: SQLite's quick
check, the guards, every invariant query, the chain from the checkpoint and from the first
row. The file is only appended to (checkpoints are audit rows), but opening it brings its
schema up to date, so point it at a copy you can spare.

Run from the repository root:
  python -m bench.bench_check PATH [--against CHECKOUT [--against-copy PATH]] [--repeat 1] [--parts]
                                   [--one-core] [--no-full | --only-full]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Runs in the child with the checkout's code; prints the open's and the check's wall and CPU
# seconds and the problems found. It closes the database as the command does.
CHILD = """
import os, sys, time
if sys.argv[3] == "one":
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
wall, cpu = time.perf_counter(), time.process_time()
from pharmacy_desk.core import check
from pharmacy_desk.core.db import close_database, open_database
open_database(sys.argv[1])
opened = time.perf_counter() - wall, time.process_time() - cpu
wall, cpu = time.perf_counter(), time.process_time()
full = sys.argv[2] == "full"
if hasattr(check, "examine"):
    from pharmacy_desk.core import chain_checkpoint, db
    report = check.examine(full=full)
    if report.chain.sound:
        chain_checkpoint.record(report.chain)
    if report.file_sound:
        db.note_checked()
    problems = report.problems
else:
    problems = check.run_checks(full=full)
checked = time.perf_counter() - wall, time.process_time() - cpu
close_database()
print(f"{opened[0]:.3f} {opened[1]:.3f} {checked[0]:.3f} {checked[1]:.3f} {len(problems)}")
"""


def run_child(checkout: Path, path: Path, mode: str, cores: str = "all") -> tuple[float, float, float, float, int]:
    """(open wall, open CPU, check wall, check CPU, problems) of one run in a fresh process (``cores``: all or one)."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), mode, cores], capture_output=True, text=True,
                          cwd=checkout, env={**os.environ, "PYTHONPATH": str(checkout)}, check=True)
    *seconds, problems = done.stdout.split()
    open_wall, open_cpu, wall, cpu = map(float, seconds)
    return open_wall, open_cpu, wall, cpu, int(problems)


def parts(path: Path) -> list[tuple[str, float, float, int]]:
    """(piece, wall seconds, CPU seconds, rows found) of this checkout's plain check, one at a time."""
    from pharmacy_desk.core import chain, chain_checkpoint, check, dialect
    from pharmacy_desk.core.db import close_database, database, open_database

    open_database(path)
    out = []

    def timed(name, action):
        start, cpu = time.perf_counter(), time.process_time()
        found = action()
        out.append((name, time.perf_counter() - start, time.process_time() - cpu, found))

    try:
        with dialect.bulk_reading(database):
            timed("quick_check", lambda: len(dialect.quick_check_errors(database)))
            timed("guards", lambda: len(check.trigger_problems()))
            for name, sql, _fmt in check.LEDGER_CHECKS:
                timed(name, lambda sql=sql: len(database.execute_sql(f"{sql} LIMIT 20").fetchall()))
            timed("chain from the checkpoint", lambda: len(chain_checkpoint.verify().checkpoint_problems))
            for table in chain.CHAINED:
                timed(f"chain {table} from the first row", lambda table=table: int(chain.first_break(table)[0] is not None))
    finally:
        close_database()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--against", type=Path, default=None, help="another checkout to run beside this one")
    parser.add_argument("--against-copy", type=Path, default=None, help="the other checkout's own copy of the file")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--parts", action="store_true", help="then time each piece of the plain check")
    parser.add_argument("--one-core", action="store_true", help="this checkout's runs again on one core")
    parser.add_argument("--no-full", action="store_true", help="leave check --full out")
    parser.add_argument("--only-full", action="store_true", help="run check --full alone")
    args = parser.parse_args()
    path = args.path.resolve()
    checkouts = {"this": (ROOT, path)}
    if args.against is not None:
        other = (args.against_copy or args.path).resolve()
        checkouts = {"before": (args.against.resolve(), other), "this": (ROOT, path)}
    import sqlite3

    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    members, sales = (raw.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("member", "sale"))
    raw.close()
    print(f"{path.name}: {members:,} members, {sales:,} sales", flush=True)
    for repeat in range(args.repeat):
        runs = [("quick", "check"), ("quick", "check, again"), ("full", "check --full")]
        runs = runs[2:] if args.only_full else runs[:2] if args.no_full else runs
        for mode, label in runs:
            order = [(name, checkout, file, "all") for name, (checkout, file) in checkouts.items()]
            if args.one_core and label != "check":  # the first check hashes every row; then the checkpoint is there
                order.append(("this", ROOT, path, "one"))
            if repeat % 2:
                order.reverse()
            for name, checkout, file, cores in order:
                open_wall, open_cpu, wall, cpu, problems = run_child(checkout, file, mode, cores)
                who = name if cores == "all" else f"{name}, 1 core"
                print(f"  {who:<13} {label:<13} open {open_wall:7.2f} s (CPU {open_cpu:6.2f})  "
                      f"check {wall:8.2f} s (CPU {cpu:7.2f})  ({problems} problems)", flush=True)
    if args.parts:
        for name, seconds, cpu, found in parts(path):
            print(f"  part  {name:<30} {seconds:8.2f} s (CPU {cpu:7.2f})  ({found})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
