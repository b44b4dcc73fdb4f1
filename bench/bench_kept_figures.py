"""What putting back a lost trigger, index or view costs at opening: each dropped in turn, then the file opened.

For each figure of ``kept_figures.KEPT_FIGURES`` in turn its triggers are dropped from outside
(a plain sqlite3 connection, as another program would), and the file is opened as every command
does: the opening writes the triggers again and counts the figure again (``restore``, timed on
its own: the same opening also runs SQLite's quick check, since a file changed by another program
is not trusted as this program left it). Beside each, in the same run, ``restore`` with every
trigger in place (the baseline: reading the triggers' definitions). ``--only NAME`` picks one
figure by its tables, or an index or a view of the schema by its name (``member_phone_tail``,
``coupon_in_use``): that object is dropped and put back.

``--later`` opens as the windows do (``repair_later``): the opening itself (what the first
window's GUI thread waits for) puts back only what the next sale needs, and the rest
(``repairs.beside_tills``, the counter's background job) is timed apart.

Every write transaction of the opening and of the repair is timed from taking the write lock to
letting go of it: the longest is how long a till could have waited behind it.

The file is changed (triggers written again, figures recounted, audit rows added): point it at a
copy you can spare.

Run from the repository root:
  python -m bench.bench_kept_figures PATH [--rounds 1] [--only member_activity] [--later]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pharmacy_desk.core import db, kept_figures, repairs, schema_objects  # noqa: E402

# How long each write transaction held the write lock, in the order they ran.
lock_times: list[float] = []
_write_transaction = db.write_transaction


class _TimedLock:
    def __init__(self) -> None:
        self.inner = _write_transaction()

    def __enter__(self):
        entered = self.inner.__enter__()
        self.locked_at = time.perf_counter()
        return entered

    def __exit__(self, *exc):
        try:
            return self.inner.__exit__(*exc)
        finally:
            lock_times.append(time.perf_counter() - self.locked_at)


restore_times: list[tuple[float, float]] = []
_restore = kept_figures.restore


def _timed_restore(**options: bool) -> list[str]:
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        return _restore(**options)
    finally:
        restore_times.append((time.perf_counter() - wall, time.process_time() - cpu))


def _timed(call) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def _timed_open(path: Path, later: bool) -> tuple[float, ...]:
    """The opening's wall and CPU seconds, those of its ``restore``, and with ``later`` those of ``beside_tills``."""
    restore_times.clear()
    lock_times.clear()
    took = _timed(lambda: db.open_database(path, repair_later=later))
    beside = _timed(repairs.beside_tills) if later else ()
    db.close_database()
    return (*took, *restore_times[0], *beside)


def _locks() -> str:
    if not lock_times:
        return ""
    longest = sorted(range(len(lock_times)), key=lock_times.__getitem__, reverse=True)[:3]
    return f"  {len(lock_times)} (" + ", ".join(f"#{i + 1} {lock_times[i] * 1000:.0f} ms" for i in longest) + ")"


def _drop(path: Path, kind: str, names: list[str]) -> None:
    con = sqlite3.connect(path)
    for name in names:
        con.execute(f'DROP {kind} IF EXISTS "{name}"')
    con.commit()
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", help="the figure whose triggers are dropped, by its tables (member_activity …),"
                                       " or an index or view by its name")
    parser.add_argument("--later", action="store_true", help="open as the windows do, the slow part timed apart")
    args = parser.parse_args()
    lost = [(f.tables, "TRIGGER", list(f.triggers)) for f in kept_figures.KEPT_FIGURES]
    lost += [(o.name, o.kind.upper(), [o.name]) for o in schema_objects.declared().values()
             if args.only == o.name]  # every index and view only when named: there are 73
    lost = [case for case in lost if args.only in (None, case[0])]
    kept_figures.restore = _timed_restore  # type: ignore[assignment]  # as ``repairs.at_opening`` calls it
    db.write_transaction = _TimedLock  # type: ignore[assignment]
    print(f"{'dropped':<32} {'open wall':>10} {'open CPU':>10} {'restore wall':>13} {'restore CPU':>12}"
          + (f" {'beside wall':>12} {'beside CPU':>11}" if args.later else "") + "  transactions (longest lock)")
    for _ in range(args.rounds):
        for name, kind, names in lost:
            print(f"{'none (baseline)':<32} " + " ".join(f"{t:>10.2f}s" for t in _timed_open(args.path, args.later))
                  + _locks(), flush=True)
            _drop(args.path, kind, names)
            times = _timed_open(args.path, args.later)
            print(f"{name:<32} " + " ".join(f"{t:>10.2f}s" for t in times) + _locks(), flush=True)


if __name__ == "__main__":
    main()
