"""Starting the program as a cashier would and timing it to its first paint (``gui --smoke-test``)."""

from __future__ import annotations

import re
import subprocess
import time

# ``smoke-test: first paint after 0.21 s (CPU 0.190 s)``: the program's own CPU time at its first paint.
_CPU = re.compile(r"\(CPU (\d+\.\d+) s\)")


def time_to_first_paint(command: list[str], env: dict[str, str],
                        cwd: str | None = None) -> tuple[float, float, float | None]:
    """(spawn → the first paint's line on stdout, spawn → exit, the CPU seconds the program had used at its
    first paint) in seconds: the window is usable at the first. The CPU time is None when the line does not
    say it (a program built before it did).

    ``cwd``: where the program starts; ``python -m`` finds the package there before ``PYTHONPATH``.
    A run that fails, or never says it painted, ends the benchmark: a figure from it would mean nothing.
    """
    started = time.monotonic()
    with subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        painted = time.monotonic() - started
        process.communicate(timeout=120)
    if process.returncode != 0 or not line.startswith("smoke-test: first paint"):
        raise SystemExit(f"{' '.join(command)}: exit {process.returncode}, said {line!r}")
    cpu = _CPU.search(line)
    return painted, time.monotonic() - started, float(cpu.group(1)) if cpu else None
