"""What putting back a lost trigger costs at opening: each kept figure's triggers dropped, then the file opened.

For each figure of ``kept_figures.KEPT_FIGURES`` in turn its triggers are dropped from outside
(a plain sqlite3 connection, as another program would), and the file is opened as every command
and the app's start do: the opening writes the triggers again and counts the figure again in one
transaction, which is how long it holds the write lock (``restore``, timed on its own: the same
opening also runs SQLite's quick check, since a file changed by another program is not trusted
as this program left it). Beside each, in the same run, ``restore`` with every trigger in place
(the baseline: reading the triggers' definitions).

The file is changed (triggers written again, figures recounted, audit rows added): point it at a
copy you can spare.

A rebuild made in short transactions (each member's running figures) also prints how many
chunks it took and the longest time one held the write lock.

Run from the repository root:
  python -m bench.bench_kept_figures PATH [--rounds 1] [--only member_activity]
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

from pharmacy_desk.core import db, kept_figures  # noqa: E402

# How long each chunk of a rebuild made in short transactions held the write lock.
chunk_times: list[float] = []
_took = db.ChunkSize.took


def _noted_took(self: db.ChunkSize, seconds: float) -> None:
    chunk_times.append(seconds)
    _took(self, seconds)


restore_times: list[tuple[float, float]] = []
_restore = kept_figures.restore


def _timed_restore(**options: bool) -> list[str]:
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        return _restore(**options)
    finally:
        restore_times.append((time.perf_counter() - wall, time.process_time() - cpu))


def _timed_open(path: Path) -> tuple[float, float, float, float]:
    """The opening's wall and CPU seconds, and those of its ``restore``."""
    restore_times.clear()
    chunk_times.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    db.open_database(path)
    took = time.perf_counter() - wall, time.process_time() - cpu
    db.close_database()
    return (*took, *restore_times[0])


def _drop(path: Path, names: list[str]) -> None:
    con = sqlite3.connect(path)
    for name in names:
        con.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    con.commit()
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", help="the figure whose triggers are dropped, by its tables (member_activity …)")
    args = parser.parse_args()
    figures = [f for f in kept_figures.KEPT_FIGURES if args.only in (None, f.tables)]
    kept_figures.restore = _timed_restore  # as ``schema.ensure_current`` calls it
    db.ChunkSize.took = _noted_took  # type: ignore[method-assign]
    print(f"{'triggers dropped':<32} {'open wall':>10} {'open CPU':>10} {'restore wall':>13} {'restore CPU':>12}"
          "  chunks (longest lock)")
    for _ in range(args.rounds):
        for figure in figures:
            print(f"{'none (baseline)':<32} " + " ".join(f"{t:>10.2f}s" for t in _timed_open(args.path)), flush=True)
            _drop(args.path, list(figure.triggers))
            times = _timed_open(args.path)
            chunks = f"  {len(chunk_times)} ({max(chunk_times) * 1000:.0f} ms)" if chunk_times else ""
            print(f"{figure.tables:<32} " + " ".join(f"{t:>10.2f}s" for t in times) + chunks, flush=True)


if __name__ == "__main__":
    main()
