"""The frozen app beside a frozen hello-world PySide6 window: size on disk and start-up time.

Both are frozen by the same spec (build_spec/pharmacy_desk.spec, the same exclusions, the
same stripping and ICU slimming; the app's numpy built without OpenBLAS as ``.ci/dev package``
builds it), so the difference is what the app itself brings: its
Python, matplotlib with numpy, Pillow, the shipped font, the database. Start-up is measured
from spawning the program to its first paint (``gui --smoke-test`` on a demo database;
the hello world quits after its first paint the same way), with the page cache dropped
before each run where the machine allows it (cold), else as it is (stated in the output).

Targets: the app ≤ 150 MB on disk, start to a usable window ≤ 2 s.

Run from the repository root:  python -m bench.bench_bundle [--runs N] [--reuse] [--json]
(`--reuse` keeps bench/out/bundle/ from an earlier run instead of freezing again.)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.launch import time_to_first_paint  # noqa: E402

OUT = ROOT / "bench" / "out" / "bundle"
SPEC = ROOT / "build_spec" / "pharmacy_desk.spec"


def freeze(name: str, entry: Path | None) -> Path:
    env = dict(os.environ)
    if entry is None:  # the app, frozen as `.ci/dev package` freezes it: numpy without OpenBLAS
        site = subprocess.run([sys.executable, str(ROOT / "build_spec" / "numpy_without_blas.py")],
                              capture_output=True, text=True)
        if site.returncode == 0:
            env["PYTHONPATH"] = site.stdout.strip()
        else:
            print(site.stderr.strip(), file=sys.stderr)
    if entry is not None:
        env.update(PHARMACY_DESK_SPEC_ENTRY=str(entry), PHARMACY_DESK_SPEC_NAME=name)
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    subprocess.run([str(pyinstaller), "--noconfirm", "--clean", "--log-level", "ERROR", "--distpath", str(OUT),
                    "--workpath", str(OUT / "work" / name), str(SPEC)], env=env, check=True)
    bundle = OUT / name
    if sys.platform.startswith("linux"):
        subprocess.run([sys.executable, str(ROOT / "build_spec" / "slim_icu.py"), str(bundle)], check=True,
                       stdout=subprocess.DEVNULL)
    return bundle


def size_on_disk(folder: Path) -> tuple[int, int]:
    """(bytes, files): every regular file once, links not followed."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def start_seconds(program: Path, args: list[str], home: Path) -> tuple[float, float]:
    """(spawn → the first paint's line on stdout, spawn → exit): the window is usable at the first."""
    env = dict(os.environ, PHARMACY_DESK_HOME=str(home))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return time_to_first_paint([str(program), *args], env)[:2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.reuse or not (OUT / "pharmacy_desk").is_dir():
        freeze("pharmacy_desk", None)
        freeze("hello_qt", ROOT / "bench" / "hello_qt.py")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        app = OUT / "pharmacy_desk" / "pharmacy_desk"
        subprocess.run([str(app), "--demo", "demo", "--members", "300", "--months", "12"], check=True,
                       env=dict(os.environ, PHARMACY_DESK_HOME=str(home)), stdout=subprocess.DEVNULL)
        cold = drop_caches()
        for name, program, program_args in (("app", app, ["--demo", "gui", "--smoke-test"]),
                                            ("hello_world", OUT / "hello_qt" / "hello_qt", [])):
            paints, exits = [], []
            for _ in range(args.runs):
                if cold:
                    drop_caches()
                painted, ended = start_seconds(program, program_args, home)
                paints.append(painted)
                exits.append(ended)
            size, files = size_on_disk(program.parent)
            results[name] = {"size_mb": round(size / 1e6, 1), "files": files,
                             "first_paint_s": {"median": round(statistics.median(paints), 2),
                                               "max": round(max(paints), 2)},
                             "exit_s": round(statistics.median(exits), 2)}
    results["cache"] = "cold (page cache dropped before each run)" if cold else "warm (page cache could not be dropped)"
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(f"start-up measured {results['cache']}, {args.runs} runs each")
        for name in ("app", "hello_world"):
            r = results[name]
            print(f"{name:12} {r['size_mb']:7.1f} MB  {r['files']:4d} files  spawn→first paint median "
                  f"{r['first_paint_s']['median']:.2f} s (max {r['first_paint_s']['max']:.2f} s), "
                  f"→ exit {r['exit_s']:.2f} s")
    ok = results["app"]["size_mb"] <= 150 and results["app"]["first_paint_s"]["median"] <= 2.0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
