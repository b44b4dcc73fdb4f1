"""导入: the rows of the chunks to come, made in a thread of their own while the chunks before are written.

SQLite runs a statement without Python's global lock, so while a chunk's INSERTs hold the write
lock, the rows of the chunks after it (pinyin initials, card numbers, tiers, dates as text:
Python only, about 10 µs a member) are made beside them on another core instead of between
them. The writing thread takes exactly as many rows as its next chunk's size says when it
comes (``db.ChunkSize``, from the chunk before), so a slow chunk still makes the next one
short. It gets Python's lock back from the making thread only at a switch interval, 5 ms by
default, which every statement of a chunk would pay on its return from SQLite, and a till
waiting for the write lock with it: the interval is ``SWITCH_S`` meanwhile.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

SWITCH_S = 0.0001
# Items made at a time: the making thread is never more than this behind what is asked for.
PIECE = 500

Item = TypeVar("Item")
Row = TypeVar("Row")


class RowsAhead(Generic[Item, Row]):
    """``make(items)`` of ``items`` in order, a piece at a time in a second thread; ``take(n)`` the next n rows."""

    def __init__(self, items: Sequence[Item], make: Callable[[list[Item]], list[Row]], piece: int = PIECE) -> None:
        self.items, self.make, self.piece = items, make, piece
        self.asked = 0  # items handed to the making thread so far
        self.making: deque[tuple[int, Future[list[Row]]]] = deque()  # (items, their rows to come)
        self.left: list[Row] = []  # made and not yet taken

    def __enter__(self) -> RowsAhead[Item, Row]:
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="import-rows")
        self.usual_switch = sys.getswitchinterval()
        sys.setswitchinterval(min(SWITCH_S, self.usual_switch))
        return self

    def __exit__(self, *exc) -> None:
        for _, job in self.making:
            job.cancel()
        self.pool.shutdown(wait=True)
        sys.setswitchinterval(self.usual_switch)

    def take(self, count: int) -> list[Row]:
        """The next ``count`` rows (fewer at the end), and as many again set to be made behind them."""
        self._ask(count - len(self.left))
        rows = self.left
        while len(rows) < count and self.making:
            rows += self.making.popleft()[1].result()
        taken, self.left = rows[:count], rows[count:]
        self._ask(count - len(self.left))  # the next chunk's, if it is as long
        return taken

    def _ask(self, wanted: int) -> None:
        """Have at least ``wanted`` more rows than those already made in the making."""
        coming = sum(size for size, _ in self.making)
        while coming < wanted and self.asked < len(self.items):
            piece = list(self.items[self.asked:self.asked + self.piece])
            self.asked += len(piece)
            self.making.append((len(piece), self.pool.submit(self.make, piece)))
            coming += len(piece)
