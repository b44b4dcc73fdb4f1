"""Where the write lock goes: each write transaction's wait for the lock, time holding it, and COMMIT.

For the till benchmark (``bench/bench_till_latency.py --lock-log FILE``): ``install(path)`` in
a process (a till, the housekeeping, an import) wraps the database's BEGIN and COMMIT and
each statement, and appends one line per slow event to ``path``:

    <process> <what> <wait ms> <held ms> <commit ms> <where>
    <process> statement <ms> <sql>

``what`` is ``transaction`` for a write transaction one of whose phases took at least
``threshold_ms``; ``wait`` is how long BEGIN IMMEDIATE waited for the lock, ``held`` the time
from holding it to COMMIT, ``commit`` the COMMIT itself (the log's sync and, when the log
has grown past ``wal_autocheckpoint``, the checkpoint this connection then runs). ``where``
names the first function of the app's own code on the stack. A statement line is a single
statement that took at least ``threshold_ms`` while the lock was held.

Lines are written as they happen, so a process that ends with ``os._exit`` loses none.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

from pharmacy_desk.core import dialect

_SKIP = ("/core/db.py", "/core/dialect.py", "contextlib.py", "peewee.py", "/bench/lock_timing.py")


def _where() -> str:
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if ("pharmacy_desk" in name or "/bench/" in name) and not name.endswith(_SKIP):
            return f"{Path(name).stem}.{frame.f_code.co_name}:{frame.f_lineno}"
        frame = frame.f_back
    return "?"


_target: dict = {}


def install(path: str | os.PathLike[str], process: str, threshold_ms: float = 50.0) -> None:
    """Log this process's slow write transactions and statements to ``path`` from now on.

    Called again (a forked till, the next scenario), it only changes where the lines go.
    """
    if _target.get("log") is not None:
        _target["log"].close()
    _target.update(log=open(path, "a", buffering=1, encoding="utf-8"),  # noqa: SIM115 - kept open
                   process=process, threshold=threshold_ms / 1000)
    if _target.get("installed"):
        return
    _target["installed"] = True
    cls = dialect.WriterDatabase
    begin, commit, execute_sql = cls.begin, cls.commit, cls.execute_sql
    state: dict = {}

    def timed_begin(self, lock_type=None):
        started = time.perf_counter()
        begin(self, lock_type)
        if self.write_locked:
            state.update(started=started, held_from=time.perf_counter(), where=_where())

    def timed_commit(self):
        if "held_from" not in state:
            return commit(self)
        committing = time.perf_counter()
        try:
            return commit(self)
        finally:
            done = time.perf_counter()
            wait, held, sync = (state["held_from"] - state["started"], committing - state["held_from"],
                                done - committing)
            if max(wait, held, sync) >= _target["threshold"]:
                _target["log"].write(f"{_target['process']} transaction {wait * 1000:.1f} {held * 1000:.1f} {sync * 1000:.1f} "
                          f"{state['where']}\n")
            state.clear()

    def timed_execute(self, sql, params=None, *args, **kwargs):
        if not self.write_locked:
            return execute_sql(self, sql, params, *args, **kwargs)
        started = time.perf_counter()
        try:
            return execute_sql(self, sql, params, *args, **kwargs)
        finally:
            took = time.perf_counter() - started
            if took >= _target["threshold"]:
                _target["log"].write(f"{_target['process']} statement {took * 1000:.1f} {' '.join(str(sql).split())[:160]}\n")

    cls.begin, cls.commit, cls.execute_sql = timed_begin, timed_commit, timed_execute


def summary(path: str | os.PathLike[str], top: int = 12) -> str:
    """The slowest transactions and statements of a log, and how many of each kind passed the threshold."""
    lines = Path(path).read_text(encoding="utf-8").splitlines() if Path(path).exists() else []
    transactions = [line.split(" ", 5) for line in lines if line.split(" ", 2)[1:2] == ["transaction"]]
    statements = [line.split(" ", 3) for line in lines if line.split(" ", 2)[1:2] == ["statement"]]
    out = [f"  slow transactions: {len(transactions)}, slow statements: {len(statements)}"]
    counts = Counter((t[0], t[5].rsplit(":", 1)[0]) for t in transactions)
    for (process, where), count in counts.most_common(top):
        rows = [t for t in transactions if t[0] == process and t[5].rsplit(":", 1)[0] == where]
        out.append(f"  {process:12} {where:48} n={count:5}  max wait {max(float(t[2]) for t in rows):7.1f}"
                   f"  held {max(float(t[3]) for t in rows):7.1f}  commit {max(float(t[4]) for t in rows):7.1f} ms")
    for s in sorted(statements, key=lambda s: -float(s[2]))[:top]:
        out.append(f"  {s[0]:12} {float(s[2]):8.1f} ms  {s[3][:110]}")
    return "\n".join(out)
