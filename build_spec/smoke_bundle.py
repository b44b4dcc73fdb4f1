"""Run the frozen program as a pharmacist would, on a data folder of its own, and check it ends well.

    python build_spec/smoke_bundle.py dist/pharmacy_desk

``--version``, ``init``, ``check``, the first window on the new database (the setup
wizard), the demo data, then the first window on the demo database (the sign-in), each
offscreen and quitting by itself after its first paint (``gui --smoke-test``). Every step
must exit 0 and leave no traceback; the printed lines are what CI shows (on Windows the
program is windowed and prints nothing, so there the exit codes are the check). Nothing of the
machine's own data folder is touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pharmacy_desk import APP_NAME, __version__  # noqa: E402


def program(bundle: Path) -> Path:
    return bundle / (f"{APP_NAME}.exe" if sys.platform == "win32" else APP_NAME)


def run(exe: Path, home: Path, *args: str) -> tuple[str, float]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PHARMACY_DESK", "PYTHON"))}
    env.update(PHARMACY_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    done = subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=300)
    seconds = time.monotonic() - started
    if done.returncode != 0 or "Traceback" in done.stderr:
        raise SystemExit(f"{exe.name} {' '.join(args)}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout.strip(), seconds


def smoke(bundle: Path) -> list[str]:
    exe = program(bundle)
    lines = []
    with tempfile.TemporaryDirectory(prefix="pharmacy_desk-smoke-") as folder:
        home = Path(folder) / "data"
        version, _ = run(exe, home, "--version")
        # A windowed Windows program has no stdout to print on: there only the exit codes speak.
        if version != __version__ and not (sys.platform == "win32" and version == ""):
            raise SystemExit(f"--version says {version!r}, the package is {__version__}")
        lines.append(f"--version: {version}")
        for args in (("init",), ("check",), ("gui", "--smoke-test"),
                     ("--demo", "demo", "--members", "100", "--months", "2"), ("--demo", "check"),
                     ("--demo", "gui", "--smoke-test")):
            out, seconds = run(exe, home, *args)
            lines.append(f"{' '.join(args)}: {out.splitlines()[-1] if out else 'ok'} ({seconds:.2f} s)")
        if not (home / "logs" / "pharmacy_desk.log").is_file():
            raise SystemExit("the frozen program wrote no log file")
    return lines


def main() -> None:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/pharmacy_desk")
    lines = smoke(bundle)
    for line in lines:
        print(line)
    print(f"smoke: {len(lines)} passed, 0 failed")


if __name__ == "__main__":
    main()
