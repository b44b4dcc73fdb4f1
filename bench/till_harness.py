"""Tills in child processes: a stream of sales that can be killed, raced and timed.

Used by the kill and concurrency tests (``tests/test_kill.py``, ``tests/test_concurrency.py``)
and by the benchmarks (``bench/bench_kill.py``, ``bench/bench_till_latency.py``). A till is a
forked child of a process that has already imported the app, so starting one costs
milliseconds; it opens the database itself, records sale after sale through
``sales.record_sale`` as the counter does (busy retries included), and writes one line per
acknowledged sale to a pipe: ``<n> <seconds the call took>``. Sale ``n`` is always the same
sale (member, amount, uid), so whoever reads the acknowledgements can check each one.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pharmacy_desk.core.db import close_database, open_database, retry_when_busy
from pharmacy_desk.core.models import LedgerEntry, Member, Payment, Sale, SaleLine, Staff

CLERK = "收银员甲"


def prepare(path: Path, members: int = 40) -> None:
    """A new database with one cashier and ``members`` members (a fifth of the sales are walk-ins)."""
    from pharmacy_desk.core import members as member_service

    open_database(path, create=True)
    try:
        clerk = Staff.create(name=CLERK, role="cashier")
        for i in range(members):
            member_service.register(phone=f"1390000{i:04d}", name=f"会员{i}", operator=clerk, welcome_coupon=False)
    finally:
        close_database()


@dataclass(frozen=True)
class PlannedSale:
    uid: str
    member_id: int | None
    amount_fen: int


def planned(n: int, member_ids: list[int], prefix: str = "k") -> PlannedSale:
    """Sale ``n`` of a stream: always the same one."""
    member = None if n % 5 == 4 or not member_ids else member_ids[n % len(member_ids)]
    return PlannedSale(f"{prefix}{n}", member, 1000 + (n * 7919) % 30000)


def _member_ids() -> list[int]:
    return [row[0] for row in Member.select(Member.id).order_by(Member.id).tuples()]


def record(sale: PlannedSale, clerk: Staff, at: dt.datetime | None = None):
    from pharmacy_desk.core import sales

    order = sales.SaleInput(lines=[sales.LineInput("household", sale.amount_fen)], member_id=sale.member_id,
                            payments={"cash": sale.amount_fen})
    return retry_when_busy(lambda: sales.record_sale(order, operator=clerk, uid=sale.uid, at=at))


def _till(path: Path, first: int, write_fd: int, prefix: str, stop: Callable[[int], bool]) -> None:
    """The child's body: record sales from ``first`` on, acknowledging each; never returns."""
    code = 0
    try:
        open_database(path)
        clerk = Staff.get(Staff.name == CLERK)
        member_ids = _member_ids()
        os.write(write_fd, b"ready\n")
        n = first
        while not stop(n):
            started = time.perf_counter()
            try:
                record(planned(n, member_ids, prefix), clerk)
            except Exception as error:  # noqa: BLE001 - what a cashier would have been shown
                os.write(write_fd, f"error {type(error).__name__}: {error}\n".encode())
            else:
                os.write(write_fd, f"{n} {time.perf_counter() - started:.6f}\n".encode())
            n += 1
    except BaseException:  # noqa: BLE001 - a child must never return into the parent's code
        traceback.print_exc()  # on the inherited stderr: why this till stopped
        code = 1
    finally:
        os._exit(code)


def start_till(path: Path, first: int = 0, *, prefix: str = "k",
               stop: Callable[[int], bool] = lambda n: False) -> tuple[int, int]:
    """Fork a till; returns (pid, read end of its acknowledgement pipe). The caller's database must be closed."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _till(path, first, write_fd, prefix, stop)
    os.close(write_fd)
    return pid, read_fd


def read_all(fd: int) -> list[str]:
    """Every complete line the child wrote (a line cut off by a kill was never acknowledged)."""
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    text = b"".join(chunks).decode(errors="replace")
    return text.split("\n")[:-1]


class Acknowledgements:
    """A till's pipe read on a thread of its own as the lines come.

    A till writes a line per sale; left unread, its pipe fills after a few thousand sales
    and the till stops selling until someone reads, which would leave the database to the
    side jobs it is meant to race.
    """

    def __init__(self, fd: int):
        self.lines: list[str] = []
        self._thread = threading.Thread(target=lambda: self.lines.extend(read_all(fd)), daemon=True)
        self._thread.start()

    def wait(self) -> list[str]:
        """Every line, once the till has closed its end (it has exited)."""
        self._thread.join()
        return self.lines


def latencies(lines: list[str]) -> list[float]:
    """The seconds each acknowledged sale took, from a till's lines."""
    return [float(line.split()[1]) for line in lines if line[:1].isdigit() and len(line.split()) == 2]


def wait_ready(fd: int) -> list[str]:
    """Block until the child has opened the database; returns any lines read past ``ready``."""
    buffer = b""
    while b"ready\n" not in buffer:
        chunk = os.read(fd, 4096)
        if not chunk:
            raise RuntimeError("the till died before it was ready")
        buffer += chunk
    rest = buffer.split(b"ready\n", 1)[1].decode()
    return rest.split("\n")


@dataclass
class KillRun:
    kills: int = 0
    acknowledged: set[int] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


def kill_stream(path: Path, kills: int, *, seed: int = 1, longest_s: float = 0.25) -> KillRun:
    """Start a till, SIGKILL it at a random moment after it is ready, start the next; ``kills`` times."""
    rng = random.Random(seed)
    run = KillRun()
    next_n = 0
    for _ in range(kills):
        pid, fd = start_till(path, next_n)
        early = wait_ready(fd)
        time.sleep(rng.uniform(0, longest_s))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        run.kills += 1
        lines = [line for line in early if line] + read_all(fd)
        for line in lines:
            if line.startswith("error"):
                run.errors.append(line)
            elif line and line[0].isdigit() and " " in line:
                run.acknowledged.add(int(line.split()[0]))
        # The next till starts after the highest sale seen, acknowledged or not: a sale written
        # but killed before its acknowledgement is then never sent again under its uid.
        next_n = max([next_n, *run.acknowledged]) + 2
    return run


def incomplete_sales(acknowledged: set[int], prefix: str = "k", member_ids: list[int] | None = None) -> list[str]:
    """Acknowledged sales that are missing or not whole (lines, payment, points); empty when all are.

    ``member_ids``: the members the tills saw when they started (default: every member now),
    for a race in which members were added beside the tills.
    """
    member_ids = _member_ids() if member_ids is None else member_ids
    wrong = []
    for n in sorted(acknowledged):
        want = planned(n, member_ids, prefix)
        sale = Sale.get_or_none(Sale.uid == want.uid)
        if sale is None:
            wrong.append(f"{want.uid} missing")
            continue
        lines = [line.amount_fen for line in SaleLine.select().where(SaleLine.sale == sale)]
        paid = sum(p.amount_fen for p in Payment.select().where(Payment.sale == sale))
        earned = sum(e.points for e in LedgerEntry.select().where(
            (LedgerEntry.sale == sale) & (LedgerEntry.kind == "earn")))
        if (sale.member_id, sale.total_fen, lines, paid) != (want.member_id, want.amount_fen, [want.amount_fen],
                                                              want.amount_fen) or earned != sale.points_earned:
            wrong.append(f"{want.uid} incomplete")
    return wrong
