"""Starting the program as a cashier would and timing it to its first paint (``gui --smoke-test``)."""

from __future__ import annotations

import subprocess
import time


def time_to_first_paint(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(spawn → the first paint's line on stdout, spawn → exit) in seconds: the window is usable at the first.

    A run that fails, or never says it painted, ends the benchmark: a figure from it would mean nothing.
    """
    started = time.monotonic()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        painted = time.monotonic() - started
        process.communicate(timeout=120)
    if process.returncode != 0 or not line.startswith("smoke-test: first paint"):
        raise SystemExit(f"{' '.join(command)}: exit {process.returncode}, said {line!r}")
    return painted, time.monotonic() - started
