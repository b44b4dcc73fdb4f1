"""The pauses between the chunks of a batch, as short as the tills waiting for the write lock allow.

Every chunk of every batch (``db.batch_transaction``) is paced by its thread's ``TillPacing``:
how often a waiting till asks for the lock again (``till_gap``) and what the data version
(``dialect.data_version``) says of the other connections' writes.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from pharmacy_desk.core import db

if TYPE_CHECKING:
    from pharmacy_desk.core.db import ChunkSize

# A till waiting for the write lock asks again every ``dialect.LOCK_POLL_S`` (``WriterDatabase.begin``);
# woken from that sleep on a loaded machine it may be scheduled a few ms late. The lock is left
# free that long after a chunk: long enough for every waiting till to take it, and no longer.
WAKE_SLACK_S = 0.009
# While no other connection has committed for this long, the tills are idle: the chunks may then
# hold the lock longer (``IDLE_CHUNK_TARGET_S``), so the first sale to come waits at most one such
# chunk and one pause; the chunk after the batch sees that sale is short again.
IDLE_AFTER_S = 1.0
IDLE_CHUNK_TARGET_S = 0.08
# A pause is kept up while tills keep committing in it, at most this many times over.
MOST_PAUSES = 4
# A chunk that found the lock taken waits this long at most for its holder's commit before asking
# again; it looks every ``HOLDER_POLL_S``. A till commits within a few ms and another batch's chunk
# within its aim; a holder that moves no data version (the log's restart by another process, a
# transaction rolled back) would keep the chunk waiting on nobody: it asks again, and if the lock
# is still taken waits again.
HOLDER_WAIT_S = 0.1
HOLDER_POLL_S = 0.002


def till_gap() -> float:
    """How long the lock is left free after a chunk: every till waiting for it asks again within this."""
    from pharmacy_desk.core import dialect

    return dialect.LOCK_POLL_S + WAKE_SLACK_S


class TillPacing:
    """The pauses between one thread's batch chunks, as short as the waiting tills allow.

    No connection can see another waiting for the write lock: a till that asked while a chunk
    held it asks again every ``dialect.LOCK_POLL_S``. A pause of ``till_gap`` after the chunk's
    commit is the shortest in which every such till asks again and gets the lock; taking the
    lock again at once would keep it from a till that had not yet asked again, chunk after
    chunk. The data version (``dialect.data_version``) then says whether another connection
    committed meanwhile: a till that wrote may have another behind it, so the pause is kept up
    while they write. And it says when the tills are idle (nothing committed for
    ``IDLE_AFTER_S``): the chunks then aim at ``IDLE_CHUNK_TARGET_S`` instead of their
    ``busy_target``, so fewer pauses are spent on nobody; the first write of a till shortens
    them again.

    One per thread and open database (``till_pacing``), whatever the batch: the expiry's last
    chunk paces the tier review's first, as the chunks of one batch pace each other.
    """

    def __init__(self) -> None:
        from pharmacy_desk.core import dialect

        # How long the thread's last chunk held the lock, and when it let go.
        self.held = 0.0
        self.released_at: float | None = None
        self._version = dialect.data_version(db.database)
        self._written_at = time.monotonic()  # unknown at the start: taken as busy

    def let_go(self, held: float) -> None:
        """A chunk held the lock ``held`` seconds, until now."""
        self.held, self.released_at = held, time.perf_counter()

    def behind_another_writer(self, size: ChunkSize | None = None) -> None:
        """The lock was taken when this thread asked: wait for its holder's commit, then pause as after a chunk."""
        from pharmacy_desk.core import dialect

        found = time.perf_counter()
        checkpointer = db.checkpointer()
        while time.perf_counter() - found < HOLDER_WAIT_S:
            if checkpointer is not None and checkpointer.restarting:
                # This process's thread is starting the log over: it commits nothing, so its end is
                # the holder's commit (a till that asked meanwhile gets the lock in the pause below).
                checkpointer.before_writing()
                break
            version = dialect.data_version(db.database)
            if version != self._version:
                self._version, self._written_at = version, time.monotonic()
                break
            time.sleep(HOLDER_POLL_S)
        self.held, self.released_at = 0.0, time.perf_counter()
        self.pause(size)

    def pause(self, size: ChunkSize | None = None) -> None:
        """Before the next chunk: leave the lock free long enough for any waiting till; aim ``size`` by the tills.

        The time since the last chunk's commit counts: its checkpoint and preparing this chunk
        took some of it, while the tills could have the lock.
        """
        from pharmacy_desk.core import dialect

        released = self.released_at
        if released is None:
            return  # no chunk yet
        gap = till_gap()
        for _ in range(MOST_PAUSES):
            rest = released + gap - time.perf_counter()
            if rest > 0:
                time.sleep(rest)
            version = dialect.data_version(db.database)
            if version == self._version:
                break
            self._version, self._written_at = version, time.monotonic()
            released = time.perf_counter()  # a till wrote: another pause for the one behind it
        if size is not None:
            idle = time.monotonic() - self._written_at >= IDLE_AFTER_S
            size.aim(max(size.busy_target, IDLE_CHUNK_TARGET_S) if idle else size.busy_target)


_paced = threading.local()


def till_pacing() -> TillPacing:
    """This thread's pacing of batch chunks on the open database (each thread has its own connection)."""
    pacing = getattr(_paced, "pacing", None)
    if pacing is None or _paced.generation != db.generation:
        pacing = _paced.pacing = TillPacing()
        _paced.generation = db.generation
    return pacing
