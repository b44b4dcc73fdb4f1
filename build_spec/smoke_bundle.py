"""Run the frozen program as a pharmacist would, on a data folder of its own, and check it ends well.

    python build_spec/smoke_bundle.py dist/pharmacy_desk

``--version``; the first window on a new database (开店设置) until it has painted; then the
first day through the real windows (``gui --smoke-walk``: the wizard, 载入演示数据, a card
scanned and a sale recorded at the counter, the charts drawn, 退出); ``check`` on what that
left; the members' cards to a PDF and the month's report with its charts (the frozen
barcode, Qt PDF, openpyxl and matplotlib); and the sign-in, the first window of the next
start, until it has painted. Every step runs offscreen, must exit 0 and leave no traceback
in its output or the log; the walk must print each of its steps. The printed lines are what
CI shows (on Windows the program is windowed and prints nothing, so there the exit codes and
the files written are the check). Nothing of the machine's own data folder is touched.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pharmacy_desk import APP_NAME, __version__  # noqa: E402
from pharmacy_desk.ui.smoke_walk import OWNER, PASSWORD  # noqa: E402 - whom the walk sets up

# What ``gui --smoke-walk`` prints, step by step (pharmacy_desk/ui/smoke_walk.py), then the program as it ends.
WALK_STEPS = ("开店设置", "店长账号", "收银台", "演示数据", "card", "sale", "经营图表", "退出", "the")
WINDOWED = sys.platform == "win32"  # a windowed program has no stdout to print on


def program(bundle: Path) -> Path:
    return bundle / (f"{APP_NAME}.exe" if sys.platform == "win32" else APP_NAME)


def run(exe: Path, home: Path, *args: str) -> tuple[str, float]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PHARMACY_DESK", "PYTHON"))}
    env.update(PHARMACY_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", PHARMACY_DESK_PASSWORD=PASSWORD)
    started = time.monotonic()
    done = subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=900)
    seconds = time.monotonic() - started
    if done.returncode != 0 or "Traceback" in done.stderr:
        raise SystemExit(f"{exe.name} {' '.join(args)}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout.strip(), seconds


def check_walk(out: str) -> str:
    """The walk's lines, each step present in order; the last line to show."""
    said = [line.removeprefix("smoke-walk: ") for line in out.splitlines() if line.startswith("smoke-walk: ")]
    if WINDOWED and not said:
        return "ok"
    steps = [line.split(" ")[0].rstrip(":") for line in said]
    if steps != list(WALK_STEPS):
        raise SystemExit(f"gui --smoke-walk: steps {steps}, expected {list(WALK_STEPS)}\n{out}")
    return "; ".join(said)


def check_log(home: Path) -> None:
    log = home / "logs" / "pharmacy_desk.log"
    if not log.is_file():
        raise SystemExit("the frozen program wrote no log file")
    text = log.read_text(encoding="utf-8", errors="replace")
    if "Traceback" in text or " ERROR " in text:
        raise SystemExit(f"the frozen program logged an error:\n{text[-4000:]}")


def check_pdf(path: Path) -> None:
    if not path.is_file() or not path.read_bytes().startswith(b"%PDF"):
        raise SystemExit(f"{path.name} was not written as a PDF")


def smoke(bundle: Path) -> list[str]:
    exe = program(bundle)
    lines = []
    with tempfile.TemporaryDirectory(prefix="pharmacy_desk-smoke-") as folder:
        home = Path(folder) / "data"
        version, _ = run(exe, home, "--version")
        if version != __version__ and not (WINDOWED and version == ""):
            raise SystemExit(f"--version says {version!r}, the package is {__version__}")
        lines.append(f"--version: {version}")
        out, seconds = run(exe, home, "gui", "--smoke-test")  # a new database: 开店设置
        lines.append(f"gui --smoke-test (开店设置): {out.splitlines()[-1] if out else 'ok'} ({seconds:.2f} s)")
        out, seconds = run(exe, home, "gui", "--smoke-walk")
        lines.append(f"gui --smoke-walk: {check_walk(out)} ({seconds:.2f} s)")
        cards, report = Path(folder) / "cards.pdf", Path(folder) / "report.xlsx"
        month = f"{dt.date.today():%Y-%m}"
        for args in (("check",), ("--as", OWNER, "cards", "--all", "--out", str(cards)),
                     ("--as", OWNER, "report", "--month", month, "--out", str(report), "--pdf"),
                     ("gui", "--smoke-test")):
            out, seconds = run(exe, home, *args)
            shown = " ".join(args).replace(folder, "…")
            lines.append(f"{shown}: {out.splitlines()[-1].replace(folder, '…') if out else 'ok'} ({seconds:.2f} s)")
        check_pdf(cards)
        check_pdf(report.with_suffix(".pdf"))
        if not report.is_file():
            raise SystemExit("the month's report was not written")
        check_log(home)
    return lines


def main() -> None:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/pharmacy_desk")
    lines = smoke(bundle)
    for line in lines:
        print(line)
    print(f"smoke: {len(lines)} passed, 0 failed")


if __name__ == "__main__":
    main()
