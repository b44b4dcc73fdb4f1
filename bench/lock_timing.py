"""Where the write lock goes: each write transaction's wait for the lock, time holding it, and COMMIT.

For the till benchmark (``bench/bench_till_latency.py --lock-log FILE``): ``install(path)`` in
a process (a till, the housekeeping, an import) wraps the database's BEGIN and COMMIT and
each statement, and appends one line per slow event to ``path``:

    <process> <what> <wait ms> <held ms> <commit ms> <held cpu ms> <commit cpu ms> <copied> <runq ms>
        <disk reads> <locked at> <where>
    <process> statement <ms> <sql>

``what`` is ``transaction`` for a write transaction one of whose phases took at least
``threshold_ms``; ``wait`` is how long BEGIN IMMEDIATE waited for the lock, ``held`` the time
from holding it to COMMIT, ``commit`` the COMMIT itself (the log's sync and, when the log
has grown past ``wal_autocheckpoint``, the checkpoint this connection then runs). The two CPU
times are the thread's own over ``held`` and ``commit``: far below the wall time, the phase
waited (for the disk, or for a core on a loaded machine). ``copied`` is how many pages of the
log were copied into the database file while the COMMIT ran (read from the log's index, the
``-shm`` file): a commit that ran a checkpoint copies hundreds; a checkpoint of another
connection or thread at the same moment counts too. Over the whole time the lock was held
(``held`` and ``commit``): ``runq`` is how long the thread was ready but waited for a core
(``/proc/thread-self/schedstat``), so that the wall time splits into CPU, waiting for a core,
and the rest, blocked (on the disk: ``disk reads`` counts the 512-byte blocks the thread read
from the disk itself, not from the page cache, ``getrusage(RUSAGE_THREAD)``); ``locked at`` is
the wall clock (``time.time()``) when the lock was taken, so that a till's long wait can be
matched with the other process's transaction that held the lock then (``slow_sales``). ``where``
names the first function of the app's own code on the stack. A statement line is a single statement that took at least
``threshold_ms`` (and 50 ms) while the lock was held; a sale line (``install_sale_timer``) a
till's sale, from its start to its acknowledgement.

Lines are written as they happen, so a process that ends with ``os._exit`` loses none.
"""

from __future__ import annotations

import os
import resource
import struct
import sys
import time
from collections import Counter
from dataclasses import dataclass
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


def _runq() -> float:
    """Seconds this thread has spent ready to run but waiting for a core (0 where the kernel does not say)."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as stats:
            return int(stats.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def _disk_reads() -> int:
    return resource.getrusage(getattr(resource, "RUSAGE_THREAD", resource.RUSAGE_SELF)).ru_inblock


_target: dict = {}


def install(path: str | os.PathLike[str], process: str, threshold_ms: float = 50.0) -> None:
    """Log this process's slow write transactions and statements to ``path`` from now on.

    Called again (a forked till, the next scenario), it only changes where the lines go.
    ``threshold_ms`` 0 logs every write transaction (a side job's, to match with the tills' waits).
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
                         runq=_runq(), reads=_disk_reads(), locked_at=time.time(), where=_where())

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
                    f"{(_runq() - state['runq']) * 1000:.1f} {_disk_reads() - state['reads']} "
                    f"{state['locked_at']:.4f} {state['where']}\n")
            state.clear()

    def timed_execute(self, sql, params=None, *args, **kwargs):
        if not self.write_locked:
            # A long read keeps its snapshot of the log: no checkpoint copies past it meanwhile.
            started, at = time.perf_counter(), time.time()
            try:
                return execute_sql(self, sql, params, *args, **kwargs)
            finally:
                took = time.perf_counter() - started
                if took >= 0.2:
                    _target["log"].write(f"{_target['process']} read {took * 1000:.1f} {at:.4f} {_where()} "
                                         f"{' '.join(str(sql).split())[:120]}\n")
        started = time.perf_counter()
        try:
            return execute_sql(self, sql, params, *args, **kwargs)
        finally:
            took = time.perf_counter() - started
            if took >= max(_target["threshold"], 0.05):
                _target["log"].write(f"{_target['process']} statement {took * 1000:.1f} {' '.join(str(sql).split())[:160]}\n")

    cls.begin, cls.commit, cls.execute_sql = timed_begin, timed_commit, timed_execute
    _time_checkpoints()


def _time_checkpoints() -> None:
    """Log each checkpoint of this process's copying thread that took 20 ms or more, and every restart:

        <process> checkpoint <passive|restart> <ms> <pages logged> <pages copied> <started at>
    """
    try:
        from pharmacy_desk.core.checkpointer import Checkpointer
    except ImportError:  # an older checkout: the connections checkpoint themselves
        return

    def timed(kind, real):
        def run(self, connection):
            started, at = time.perf_counter(), time.time()
            done = real(self, connection)
            took = time.perf_counter() - started
            if kind == "restart" or took >= 0.02:
                logged, copied = (done.logged, done.copied) if kind == "passive" else (-1, -1)
                outcome = "" if kind == "passive" else (" ok" if done else " failed")
                _target["log"].write(f"{_target['process']} checkpoint {kind}{outcome} {took * 1000:.1f} {logged} "
                                     f"{copied} {at:.4f}\n")
            return done
        return run

    Checkpointer._passive = timed("passive", Checkpointer._passive)
    Checkpointer._restart = timed("restart", Checkpointer._restart)


@dataclass(frozen=True)
class Transaction:
    """One line of the log: a write transaction."""

    process: str
    wait: float  # ms
    held: float
    commit: float
    held_cpu: float
    commit_cpu: float
    copied: int
    runq: float
    disk_reads: int
    locked_at: float  # s, wall clock
    where: str

    @property
    def lock_ms(self) -> float:
        return self.held + self.commit

    @property
    def blocked(self) -> float:
        """ms of the lock's time neither on a core nor waiting for one: waiting for the disk (or asleep)."""
        return max(0.0, self.lock_ms - self.held_cpu - self.commit_cpu - self.runq)

    @property
    def let_go_at(self) -> float:
        return self.locked_at + self.lock_ms / 1000

    def describe(self) -> str:
        return (f"{self.process} {self.where}: held {self.held:.0f} + commit {self.commit:.0f} ms = CPU "
                f"{self.held_cpu + self.commit_cpu:.0f} + waiting for a core {self.runq:.0f} + blocked "
                f"{self.blocked:.0f} ms, {self.disk_reads} blocks read from the disk")


def transactions(path: str | os.PathLike[str]) -> list[Transaction]:
    lines = Path(path).read_text(encoding="utf-8").splitlines() if Path(path).exists() else []
    found = []
    for line in lines:
        words = line.split(" ", 11)
        if words[1:2] == ["transaction"] and len(words) == 12:
            found.append(Transaction(words[0], *map(float, words[2:7]), int(words[7]), float(words[8]),
                                     int(words[9]), float(words[10]), words[11]))
    return found


def install_sale_timer(harness) -> None:
    """Log each of a till's sales (``harness.record``, ``bench/till_harness.py``) that took the threshold or longer:

        <process> sale <ms> <started at>
    """
    record = harness.record

    def timed_record(*args, **kwargs):
        started, at = time.perf_counter(), time.time()
        try:
            return record(*args, **kwargs)
        finally:
            took = time.perf_counter() - started
            if took >= _target["threshold"]:
                _target["log"].write(f"{_target['process']} sale {took * 1000:.1f} {at:.4f}\n")

    harness.record = timed_record


def slow_sales(path: str | os.PathLike[str], over_ms: float = 200.0) -> list[str]:
    """Each sale that took over ``over_ms``, its own write transactions then and what held the lock
    while it waited: the other processes' transactions, each split into CPU, waiting for a core and blocked."""
    lines = Path(path).read_text(encoding="utf-8").splitlines() if Path(path).exists() else []
    every = transactions(path)
    out = []
    for words in (line.split(" ") for line in lines):
        if len(words) != 4 or words[1] != "sale" or float(words[2]) <= over_ms:
            continue
        process, took, started = words[0], float(words[2]), float(words[3])
        own = [t for t in every if t.process == process and started <= t.locked_at - t.wait / 1000
               and t.let_go_at <= started + took / 1000 + 0.001]
        outside = took - sum(t.wait + t.lock_ms for t in own)
        out.append(f"  sale of {took:.0f} ms: " + "; ".join(
            f"waited {t.wait:.0f} ms for the lock, held it {t.held:.0f}, committed in {t.commit:.0f} "
            f"(CPU {t.held_cpu + t.commit_cpu:.1f}, waiting for a core {t.runq:.0f}, {t.disk_reads} blocks read)"
            for t in own) + f"; {outside:.0f} ms outside its write transactions")
        for mine in own:
            asked = mine.locked_at - mine.wait / 1000
            out.extend(f"    behind {t.describe()}" for t in every
                       if t.process != process and t.locked_at < mine.locked_at and t.let_go_at > asked)
        out.extend(f"    checkpoint meanwhile: {c}" for c in checkpoints(lines, started, started + took / 1000))
    return out


def checkpoints(lines: list[str], start: float, end: float) -> list[str]:
    """The checkpoints logged (``_time_checkpoints``) that ran between ``start`` and ``end`` (wall clock)."""
    found = []
    for words in (line.split(" ") for line in lines):
        if words[1:2] != ["checkpoint"]:
            continue
        at, took = float(words[-1]), float(words[-4])
        if at < end and at + took / 1000 > start:
            found.append(f"{words[0]} {' '.join(words[2:-4])} {took:.0f} ms ({words[-3]} pages logged, "
                         f"{words[-2]} copied), from {at - start:+.3f} s")
    return found


def summary(path: str | os.PathLike[str], top: int = 12) -> str:
    """Per process and place: the transactions logged, their longest wait, hold and commit, what the
    longest hold spent its time on; the slowest statements; then each slow wait of a till and what held the lock."""
    lines = Path(path).read_text(encoding="utf-8").splitlines() if Path(path).exists() else []
    logged = transactions(path)
    statements = [line.split(" ", 3) for line in lines if line.split(" ", 2)[1:2] == ["statement"]]
    out = [f"  transactions logged: {len(logged)}, slow statements: {len(statements)}"]
    counts = Counter((t.process, t.where.rsplit(":", 1)[0]) for t in logged)
    for (process, where), count in counts.most_common(top):
        rows = [t for t in logged if t.process == process and t.where.rsplit(":", 1)[0] == where]
        longest = max(rows, key=lambda t: t.lock_ms)
        out.append(f"  {process:12} {where:44} n={count:5}  max wait {max(t.wait for t in rows):7.1f}"
                   f"  held {max(t.held for t in rows):7.1f}  commit {max(t.commit for t in rows):7.1f} ms;"
                   f" > 100 ms of lock: {sum(t.lock_ms > 100 for t in rows)}; the longest: CPU "
                   f"{longest.held_cpu + longest.commit_cpu:.1f}, waiting for a core {longest.runq:.1f}, blocked "
                   f"{longest.blocked:.1f} ms, {longest.disk_reads} blocks read, {longest.copied} pages copied")
    for s in sorted(statements, key=lambda s: -float(s[2]))[:top]:
        out.append(f"  {s[0]:12} {float(s[2]):8.1f} ms  {s[3][:110]}")
    reads = [line.split(" ", 5) for line in lines if line.split(" ", 2)[1:2] == ["read"]]
    for r in sorted(reads, key=lambda r: -float(r[2]))[:top]:
        out.append(f"  {r[0]:12} read of {float(r[2]):7.0f} ms at {r[4]}: {r[5][:100]}")
    copies = [line.split(" ") for line in lines if line.split(" ", 2)[1:2] == ["checkpoint"]]
    for process in sorted({c[0] for c in copies}):
        mine = [c for c in copies if c[0] == process]
        passive = [float(c[-4]) for c in mine if c[2] == "passive"]
        restarts = [c for c in mine if c[2] == "restart"]
        out.append(f"  {process:12} checkpoints of 20 ms or more: {len(passive)} passive (longest "
                   f"{max(passive, default=0):.0f} ms, most pages logged {max((int(c[-3]) for c in mine if c[2] == 'passive'), default=0)}); "
                   f"{len(restarts)} restarts, {sum(c[3] == 'failed' for c in restarts)} failed")
    sales = slow_sales(path)
    if sales:
        out.append("  the sales over 200 ms, and what held the lock meanwhile:")
        out.extend(sales)
    return "\n".join(out)
