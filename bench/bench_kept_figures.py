"""What putting back a lost trigger costs at opening: each kept figure's triggers dropped, then the file opened.

For each figure of ``kept_figures.KEPT_FIGURES`` in turn its triggers are dropped from outside
(a plain sqlite3 connection, as another program would), and the file is opened as every command
and the app's start do: the opening writes the triggers again and counts the figure again in one
transaction, which is how long it holds the write lock. Beside each, in the same run, the same
opening with every trigger in place (the baseline). The first opening of a file this data folder
has not seen runs SQLite's quick check; it is made once before the rounds and not counted.

The file is changed (triggers written again, figures recounted, audit rows added): point it at a
copy you can spare.

Run from the repository root:
  python -m bench.bench_kept_figures PATH [--rounds 1]
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


def _timed_open(path: Path) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    db.open_database(path)
    took = time.perf_counter() - wall, time.process_time() - cpu
    db.close_database()
    return took


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
    args = parser.parse_args()
    db.open_database(args.path)  # the first opening: the quick check, and anything left to restore
    db.close_database()
    print(f"{'triggers dropped':<32} {'open wall':>10} {'open CPU':>10}")
    for _ in range(args.rounds):
        for figure in kept_figures.KEPT_FIGURES:
            wall, cpu = _timed_open(args.path)
            print(f"{'none (baseline)':<32} {wall:>9.2f}s {cpu:>9.2f}s", flush=True)
            _drop(args.path, list(figure.triggers))
            wall, cpu = _timed_open(args.path)
            print(f"{figure.tables:<32} {wall:>9.2f}s {cpu:>9.2f}s", flush=True)


if __name__ == "__main__":
    main()
