"""Where the write lock goes: each write transaction's wait for the lock, time holding it, and COMMIT.

For the till benchmark (``bench/bench_till_latency.py --lock-log FILE``): ``install(path)`` in
a process (a till, the housekeeping, an import) wraps the database's BEGIN and COMMIT and
each statement, and appends one line per slow event to ``path``:

    <process> <what> <wait ms> <held ms> <commit ms> <held cpu ms> <commit cpu ms> <copied> <where>
    <process> statement <ms> <sql>

``what`` is ``transaction`` for a write transaction one of whose phases took at least
``threshold_ms``; ``wait`` is how long BEGIN IMMEDIATE waited for the lock, ``held`` the time
from holding it to COMMIT, ``commit`` the COMMIT itself (the log's sync and, when the log
has grown past ``wal_autocheckpoint``, the checkpoint this connection then runs). The two CPU
times are the thread's own over ``held`` and ``commit``: far below the wall time, the phase
waited (for the disk, or for a core on a loaded machine). ``copied`` is how many pages of the
log were copied into the database file while the COMMIT ran (read from the log's index, the
``-shm`` file): a commit that ran a checkpoint copies hundreds; a checkpoint of another
connection or thread at the same moment counts too. ``where`` names the first function of the
app's own code on the stack. A statement line is a single statement that took at least
``threshold_ms`` while the lock was held.

Lines are written as they happen, so a process that ends with ``os._exit`` loses none.
"""

from __future__ import annotations

import os
import struct
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


# The log index files read, by path: opened once and NEVER closed. Closing any descriptor of a
# file drops every POSIX lock this process holds on it, SQLite's own included, and two writers
# could then write the log at once (a malformed database within seconds).
_index_files: dict[str, int] = {}


def _log_index(path: str) -> tuple[int, int] | None:
    """(last frame in the log, frames copied into the file) from the log's index header, or None.

    The header is SQLite's wal-index (https://sqlite.org/walformat.html): ``mxFrame`` at byte
    16, ``nBackfill`` at byte 96, in the machine's byte order.
    """
    name = f"{path}-shm"
    try:
        fd = _index_files.get(name)
        if fd is None or os.fstat(fd).st_nlink == 0:  # removed at a closing and made again: open the new one
            fd = _index_files[name] = os.open(name, os.O_RDONLY)
        header = os.pread(fd, 100, 0)
    except OSError:
        return None
    if len(header) < 100:
        return None
    return struct.unpack_from("=I", header, 16)[0], struct.unpack_from("=I", header, 96)[0]


def _copied(before: tuple[int, int] | None, after: tuple[int, int] | None) -> int:
    """Pages copied into the file between two readings of the log's index (0 when the log started over)."""
    if before is None or after is None or after[0] < before[0]:
        return 0
    return max(0, after[1] - before[1])


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
            state.update(started=started, held_from=time.perf_counter(), held_cpu=time.thread_time(),
                         where=_where())

    def timed_commit(self):
        if "held_from" not in state:
            return commit(self)
        committing, committing_cpu = time.perf_counter(), time.thread_time()
        index = _log_index(self.database)
        try:
            return commit(self)
        finally:
            done, done_cpu = time.perf_counter(), time.thread_time()
            wait, held, sync = (state["held_from"] - state["started"], committing - state["held_from"],
                                done - committing)
            if max(wait, held, sync) >= _target["threshold"]:
                cpu = (committing_cpu - state["held_cpu"], done_cpu - committing_cpu)
                _target["log"].write(
                    f"{_target['process']} transaction {wait * 1000:.1f} {held * 1000:.1f} {sync * 1000:.1f} "
                    f"{cpu[0] * 1000:.1f} {cpu[1] * 1000:.1f} {_copied(index, _log_index(self.database))} "
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
    transactions = [line.split(" ", 8) for line in lines if line.split(" ", 2)[1:2] == ["transaction"]]
    statements = [line.split(" ", 3) for line in lines if line.split(" ", 2)[1:2] == ["statement"]]
    out = [f"  slow transactions: {len(transactions)}, slow statements: {len(statements)}"]
    counts = Counter((t[0], t[8].rsplit(":", 1)[0]) for t in transactions)
    for (process, where), count in counts.most_common(top):
        rows = [t for t in transactions if t[0] == process and t[8].rsplit(":", 1)[0] == where]
        slowest = max(rows, key=lambda t: float(t[4]))
        out.append(f"  {process:12} {where:48} n={count:5}  max wait {max(float(t[2]) for t in rows):7.1f}"
                   f"  held {max(float(t[3]) for t in rows):7.1f}  commit {max(float(t[4]) for t in rows):7.1f} ms"
                   f" (its CPU {float(slowest[6]):.1f} ms, {slowest[7]} pages copied meanwhile)"
                   f"; commits copying pages: {sum(int(t[7]) > 0 for t in rows)}")
    for s in sorted(statements, key=lambda s: -float(s[2]))[:top]:
        out.append(f"  {s[0]:12} {float(s[2]):8.1f} ms  {s[3][:110]}")
    return "\n".join(out)
