"""Run a program that prints the smoke line at its first paint (``gui --smoke-test``, ``hello_qt.py``) and end it there.

``python bench/until_first_paint.py -m pharmacy_desk ARGS…`` or ``… bench/hello_qt.py``: the process
ends (``os._exit``) the moment the line is written, so what a counter of the whole process sees
(``bench_start --instructions``: the instructions valgrind counts) is the start to the first paint,
not what the program goes on to do (the app attaches its engine after the paint).
"""

from __future__ import annotations

import os
import runpy
import sys

LINE = "smoke-test: first paint"


class _EndAtFirstPaint:
    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        written = self.stream.write(text)
        if text.startswith(LINE):
            self.stream.flush()
            os._exit(0)
        return written

    def __getattr__(self, name):
        return getattr(self.stream, name)


def main() -> None:
    sys.stdout = _EndAtFirstPaint(sys.stdout)
    if sys.argv[1] == "-m":
        module, sys.argv = sys.argv[2], [sys.argv[2], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    else:
        sys.argv = sys.argv[1:]
        runpy.run_path(sys.argv[0], run_name="__main__")
    raise SystemExit(f"{sys.argv[0]} ended without its first paint's line")


if __name__ == "__main__":
    main()
