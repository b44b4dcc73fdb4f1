"""Start to the first paint, from source: the app beside a hello-world PySide6 window, interleaved.

Each round spawns, in turn, ``bench/hello_qt.py`` and ``python -m pharmacy_desk gui --smoke-test``
on a database with an owner (the sign-in is the first window) and on the first run (开店设置),
and times spawn → the first paint's line on stdout, after one warm-up round (bytecode cached,
as an installed program has it). Rounds alternate the programs so a loaded machine slows each
alike; medians are compared, and each run's CPU time beside its wall time (CPU time is what a
busy machine distorts least). ``--against TREE`` adds the same starts from another checkout
(e.g. the main branch before a change), in the same rounds.

``--instructions`` also counts, once per program, the instructions it runs from spawn to its
first paint (valgrind's callgrind, through ``bench/until_first_paint.py``, hashes seeded alike):
a count that a machine shared with other work does not stretch, so its ratios can be judged at
any load (times only on a free machine, or at ``nice -n -10``).

Target: the app's first paint ≤ 1.5 × the hello world's.

Run from the repository root:  python -m bench.bench_start [--rounds N] [--against TREE] [--instructions] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.launch import time_to_first_paint  # noqa: E402

TARGET = 1.5


def first_paint(args: list[str], env: dict[str, str], tree: Path = ROOT) -> tuple[float, float]:
    """(spawn → first paint in seconds, CPU seconds used by then): CPU time is what a busy machine distorts least.

    The CPU time is the program's own at its first paint (its smoke line says it), not the whole
    run's: the app goes on loading the engine after the paint. A tree whose line does not say it
    is given the whole run's. The program starts in ``tree``: ``python -m pharmacy_desk`` imports the
    package of the folder it starts in before the one ``PYTHONPATH`` names.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    painted, _ended, cpu = time_to_first_paint([sys.executable, *args], env, cwd=str(tree))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return painted, cpu if cpu is not None else (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def instructions(args: list[str], env: dict[str, str], tree: Path) -> int:
    """The instructions the program runs from spawn to its first paint, as valgrind counts them."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                           str(ROOT / "bench" / "until_first_paint.py"), *args],
                          env=dict(env, PYTHONHASHSEED="0"), cwd=tree, capture_output=True, text=True, timeout=1800)
    counted = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or counted is None or not done.stdout.startswith("smoke-test: first paint"):
        raise SystemExit(f"valgrind {' '.join(args)}: exit {done.returncode}, said {done.stdout!r} {done.stderr[-400:]!r}")
    return int(counted.group(1))


def environment(tree: Path, home: Path) -> dict[str, str]:
    # Bytecode as an installed program has it: cached (outside the trees) after the warm-up round.
    env = dict(os.environ, PYTHONPATH=str(tree), PHARMACY_DESK_HOME=str(home),
               PYTHONPYCACHEPREFIX=str(home.parent / "pycache" / tree.name))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PHARMACY_DESK_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def database_with_owner(tree: Path, home: Path) -> Path:
    path = home / "pharmacy.sqlite3"
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from pharmacy_desk.core import setup
        from pharmacy_desk.core.db import open_database
        open_database({str(path)!r}, create=True)
        setup.set_up(setup.PharmacyInfo("康宁大药房"), "王芳", "owner-pass")
    """)], env=environment(tree, home), cwd=tree, check=True)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--against", type=Path, help="another checkout, started in the same rounds")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each program's instructions to its first paint (valgrind, once each)")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    trees = {"app": ROOT, **({"against": options.against.resolve()} if options.against else {})}
    with tempfile.TemporaryDirectory(prefix="bench-start-") as scratch:
        programs: dict[str, tuple[list[str], Path | None]] = {"hello world": ([str(ROOT / "bench" / "hello_qt.py")], None)}
        for name, tree in trees.items():
            home = Path(scratch) / name
            home.mkdir()
            db = database_with_owner(tree, home)
            programs[f"{name}: sign-in"] = (["-m", "pharmacy_desk", "--db", str(db), "gui", "--smoke-test"], tree)
            # No --db and a new home each run: the default database is created, 开店设置 opens.
            programs[f"{name}: 开店设置"] = (["-m", "pharmacy_desk", "gui", "--smoke-test"], tree)
        times: dict[str, list[float]] = {name: [] for name in programs}
        cpu: dict[str, list[float]] = {name: [] for name in programs}
        for name, (args, tree) in programs.items():  # warm-up, not counted: bytecode and page cache
            first_paint(args, environment(tree or ROOT, Path(scratch) / f"warm-{list(programs).index(name)}"),
                        tree or ROOT)
        for round_ in range(options.rounds):
            order = list(programs) if round_ % 2 == 0 else list(reversed(programs))
            for name in order:
                args, tree = programs[name]
                home = Path(scratch) / f"run-{round_}-{list(programs).index(name)}"  # logs, backups
                wall, spent = first_paint(args, environment(tree or ROOT, home), tree or ROOT)
                times[name].append(wall)
                cpu[name].append(spent)
        counts: dict[str, int] = {}
        for index, (name, (args, tree)) in enumerate(programs.items() if options.instructions else ()):
            home = Path(scratch) / f"counted-{index}"
            # Started once as usual first: the sign-in's file is vouched for again (the counted run ends
            # at its paint, without closing it), and the bytecode is cached.
            first_paint(args, environment(tree or ROOT, home), tree or ROOT)
            if "--db" not in args:
                shutil.rmtree(home, ignore_errors=True)  # 开店设置 again: a new default database
            counts[name] = instructions(args, environment(tree or ROOT, home), tree or ROOT)
    hello = statistics.median(times["hello world"])
    hello_cpu = statistics.median(cpu["hello world"])
    rows = [{"program": name, "median_s": round(statistics.median(values), 3), "min_s": round(min(values), 3),
             "max_s": round(max(values), 3), "ratio_to_hello": round(statistics.median(values) / hello, 2),
             "cpu_median_s": round(statistics.median(cpu[name]), 3),
             "cpu_ratio_to_hello": round(statistics.median(cpu[name]) / hello_cpu, 2)}
            for name, values in times.items()]
    for row in rows:
        if row["program"] in counts:
            row["instructions"] = counts[row["program"]]
            row["instructions_ratio_to_hello"] = round(counts[row["program"]] / counts["hello world"], 3)
    if options.json:
        print(json.dumps({"rounds": options.rounds, "target_ratio": TARGET, "rows": rows}, ensure_ascii=False))
        return 0
    print(f"spawn → first paint, {options.rounds} interleaved rounds: wall median (min–max) × hello world; "
          "CPU median × hello world")
    for row in rows:
        print(f"  {row['program']:<18} {row['median_s']:.3f} s ({row['min_s']:.3f}–{row['max_s']:.3f}) "
              f"×{row['ratio_to_hello']:.2f}   CPU {row['cpu_median_s']:.3f} s ×{row['cpu_ratio_to_hello']:.2f}"
              + (f"   {row['instructions'] / 1e6:,.0f} M instructions ×{row['instructions_ratio_to_hello']:.3f}"
                 if "instructions" in row else ""))
    print(f"target: the app ≤ ×{TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
