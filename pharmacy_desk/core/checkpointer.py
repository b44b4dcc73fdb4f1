"""Copying the write-ahead log into the database file beside the sales, not inside one of them.

A commit only appends to the log (and syncs it: an acknowledged sale is on the disk). The log
is copied into the file itself by a checkpoint, and SQLite runs one inside the COMMIT of
whichever connection finds the log past ``wal_autocheckpoint`` pages: one sale in every few
dozen waited while the pages of all the sales before it were written into the file and the
file was synced, and on a loaded machine with a large file that sale took a second.

So the program's connections leave that number high (``dialect.WAL_BACKSTOP_PAGES``, only a
bound should this thread fall behind) and a thread of the process checkpoints on a connection
of its own: woken after each commit, it waits ``SETTLE_S`` (the till shows its sale, and a burst
of commits is copied at once), then runs a passive checkpoint. A passive checkpoint waits for
no lock and holds none a writer needs, so a till commits beside it. A crash loses nothing
either way: what a commit acknowledged is in the synced log, and SQLite replays the log at the
next opening whether or not it had been copied.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pharmacy_desk.core.dialect_log import CheckpointConnection

log = logging.getLogger(__name__)

# How long after a commit the log is copied: long enough that the committing till has shown its
# sale and a batch's commits are copied together, short enough that the log stays a few pages.
SETTLE_S = 0.05


class Checkpointer:
    """The background checkpoints of one open database file; started at the first commit."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = os.fspath(path)
        self.checkpoints = 0  # passive checkpoints run so far (they may have found nothing to copy)
        self._woken = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        # Held by each checkpoint of this process: a second passive checkpoint would find the log
        # being copied and give up at once, instead of copying what it was asked to.
        self.one_at_a_time = threading.Lock()

    def committed(self) -> None:
        """A connection of this process has just committed: copy the log soon."""
        if self._thread is None:
            with self._lock:
                if self._thread is None and not self._stopping.is_set():
                    self._thread = threading.Thread(target=self._run, name="wal-checkpointer", daemon=True)
                    self._thread.start()
        self._woken.set()

    def stop(self) -> None:
        """End the thread (after the checkpoint it may be running) and close its connection."""
        with self._lock:
            self._stopping.set()
            thread = self._thread
        self._woken.set()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        from pharmacy_desk.core import dialect_files, dialect_log

        connection: CheckpointConnection | None = None
        try:
            while not self._stopping.is_set():  # set before ``stop`` wakes the thread: never missed
                self._woken.wait()
                # Commits during the pause set the event again; the checkpoint below copies them too.
                # At closing, the last connection's close copies the log, so nothing is left undone.
                if self._stopping.wait(SETTLE_S):
                    return
                self._woken.clear()
                try:
                    if connection is None:
                        connection = dialect_log.checkpoint_connection(self.path)
                    with self.one_at_a_time:
                        dialect_log.passive_checkpoint(connection)
                    self.checkpoints += 1
                except dialect_files.DRIVER_ERRORS as error:
                    # A full or failing disk: the sales are in the log all the same. The next commit
                    # tries again, and a connection reaching the backstop checkpoints by itself.
                    log.warning("could not copy the write-ahead log into %s: %s", self.path, error)
        finally:
            if connection is not None:
                connection.close()
