"""Copying the write-ahead log into the database file beside the sales, and starting it over.

A commit only appends to the log (and syncs it: an acknowledged sale is on the disk). The log
is copied into the file itself by a checkpoint. Left to itself, SQLite runs one inside the
COMMIT of whichever connection finds the log past ``wal_autocheckpoint`` pages: that sale
waits while the pages of all the sales before it are written into the file and the file is
synced (on a loaded machine with a large file, a second). So the program's connections never
checkpoint (``wal_autocheckpoint`` is off, ``dialect.PRAGMAS``): a thread of the process does,
on a connection of its own, and it is the only one that copies.

Woken after each commit, it waits ``SETTLE_S`` (the till shows its sale, and a burst of commits
is copied at once), then runs a *passive* checkpoint: it waits for no lock and holds none a
writer needs, so a till commits beside it.

Copied is not yet short. The log starts over from its beginning only when a writer begins with
every page of it copied and no reader still reading it; a till selling back to back, or a
batch's chunks, always commit more while a checkpoint copies, so the log would grow as long as
they kept on (it reached 413 MB beside one till). So once it holds ``RESTART_AFTER_PAGES``, the
thread starts it over itself with a *restarting* checkpoint, which needs the write lock:

- it first copies passively again what was committed during the last copy, so that little is
  left to copy (and sync) under the lock;
- the program's own writers of this process let it have the lock first: a transaction that
  takes the write lock while the restart is under way waits for it (``before_writing``, at most
  ``YIELD_S``), where SQLite's busy handler alone would let a till selling back to back take
  the lock again at every commit;
- it asks every ``RESTART_POLL_S`` (SQLite's busy handler would sleep 5 to 15 ms between two
  asks) for the lock and for no reader in the log (a till's window refreshing a list), up to
  ``RESTART_WAIT_S``: the tills wait that long at worst, once every ``RESTART_AFTER_PAGES``;
- a reader that reads for longer (a check, a backup, a month's report) keeps its snapshot of
  the log: no checkpoint can copy past it nor start the log over. After ``FAILURES_BEFORE_PAUSE``
  failed restarts in a row the thread waits ``RETRY_AFTER_S`` (doubled while they keep failing,
  up to ``RETRY_AT_MOST_S``) before it takes the lock again, so the tills wait ``RESTART_WAIT_S``
  for it a few times a second at first, then every two seconds.

So the log stays within ``RESTART_AFTER_PAGES`` and what is committed during one round of copies,
whoever writes (the writers of another process do not let the restart go first, but it asks
for the lock every millisecond and finds it between two of their transactions), except beside
a reader that reads for longer than ``RESTART_WAIT_S``: then it grows by what is committed
while that reader reads, and starts over once it is done.

A log that grew beside a long reader keeps its size on the disk after it started over: no commit
cuts its file back (``dialect.WAL_FILE_LIMIT_BYTES``), as freeing hundreds of MB of the file's
blocks inside a sale made it wait. The thread does it, once no commit of this process has come for
``IDLE_S`` and the file is over ``dialect.WAL_FILE_LIMIT_BYTES``: a *truncating* checkpoint, which
like the restart takes the lock only if it is free and no reader is in the log.

A crash loses nothing either way: what a commit acknowledged is in the synced log, the log
starts over only once every page of it is in the synced file, and SQLite replays the log at
the next opening whether or not it had been copied.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from pharmacy_desk.core import dialect, dialect_log
from pharmacy_desk.core.dialect_log import Checkpoint, CheckpointConnection

log = logging.getLogger(__name__)

# How long after a commit the log is copied: long enough that the committing till has shown its
# sale and a batch's commits are copied together, short enough that the log stays a few pages.
SETTLE_S = 0.05

# The log is started over once it holds this many pages (32 MB of 4 KiB pages). Each start takes
# the write lock from the tills for a moment and costs the next commit a second sync (of the log's
# new header): at 4 MB, beside an import and the housekeeping at a million members, the tills'
# process started it over eleven times a second.
RESTART_AFTER_PAGES = 8192
# How many passive copies at most before a restart, each of what was committed during the last.
CATCH_UP_COPIES = 3
# How long the restart keeps asking for the lock and for the readers to leave the log, how often,
# and how long the program's writers of this process wait for it (its asking, then the copy).
RESTART_WAIT_S = 0.05
RESTART_POLL_S = 0.001
YIELD_S = 0.1
# How long no commit of this process comes before a log's file over ``dialect.WAL_FILE_LIMIT_BYTES``
# is cut back: the tills are idle (between two customers), so a sale rarely meets the cut.
IDLE_S = 2.0
# After FAILURES_BEFORE_PAUSE restarts in a row failed (a reader kept reading), the next one
# takes the lock only after RETRY_AFTER_S, doubled at each failure after, up to RETRY_AT_MOST_S.
FAILURES_BEFORE_PAUSE = 2
RETRY_AFTER_S = 0.25
RETRY_AT_MOST_S = 2.0


class Checkpointer:
    """The background checkpoints of one open database file; started at the first commit."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = os.fspath(path)
        self.checkpoints = 0  # passive checkpoints run so far (they may have found nothing to copy)
        self.restarts = 0  # times the log was started over by this thread
        self.failed_restarts = 0  # times it took the lock to start the log over and could not
        self.cuts = 0  # times it cut the log's file back, the tills idle
        self._woken = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        # Clear while a restart is under way: the program's writers of this process wait for it.
        self._no_restart = threading.Event()
        self._no_restart.set()
        self._failures = 0  # restarts failed in a row
        self._retry_at = 0.0  # no restart before this (time.monotonic) after some failed

    def committed(self) -> None:
        """A connection of this process has just committed: copy the log soon."""
        if self._thread is None:
            with self._lock:
                if self._thread is None and not self._stopping.is_set():
                    self._thread = threading.Thread(target=self._run, name="wal-checkpointer", daemon=True)
                    self._thread.start()
        self._woken.set()

    def before_writing(self) -> None:
        """A connection of this process is about to take the write lock: after the restart under way, if any."""
        self._no_restart.wait(YIELD_S)

    @property
    def restarting(self) -> bool:
        """Whether this thread is starting the log over (it holds, or is asking for, the write lock)."""
        return not self._no_restart.is_set()

    def stop(self) -> None:
        """End the thread (after the checkpoint it may be running) and close its connection."""
        with self._lock:
            self._stopping.set()
            thread = self._thread
        self._woken.set()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        from pharmacy_desk.core import dialect_files

        connection: CheckpointConnection | None = None
        try:
            while not self._stopping.is_set():  # set before ``stop`` wakes the thread: never missed
                large = connection is not None and dialect_log.log_file_bytes(self.path) > dialect.WAL_FILE_LIMIT_BYTES
                if not self._woken.wait(IDLE_S if large else None):
                    if not self._stopping.is_set() and connection is not None:
                        self._cut_back(connection)
                    continue
                # Commits during the pause set the event again; the checkpoint below copies them too.
                # At closing, the last connection's close copies the log, so nothing is left undone.
                if self._stopping.wait(SETTLE_S):
                    return
                self._woken.clear()
                try:
                    if connection is None:
                        connection = dialect_log.checkpoint_connection(self.path)
                    self._copy(connection)
                except dialect_files.DRIVER_ERRORS as error:
                    # A full or failing disk: the sales are in the log all the same. The next commit
                    # tries again.
                    log.warning("could not copy the write-ahead log into %s: %s", self.path, error)
                except Exception:
                    # A bug, logged with its traceback; the thread carries on, or the log would grow unbounded.
                    log.exception("copying the write-ahead log into %s failed", self.path)
        finally:
            if connection is not None:
                connection.close()

    def _copy(self, connection: CheckpointConnection) -> None:
        """A passive checkpoint, and the log started over once it is long (module docstring)."""
        done = self._passive(connection)
        if done.logged < RESTART_AFTER_PAGES or time.monotonic() < self._retry_at:
            return
        for _ in range(CATCH_UP_COPIES - 1):
            if done.all_copied:
                break
            done = self._passive(connection)
        self._no_restart.clear()
        try:
            restarted = self._restart(connection)
        finally:
            self._no_restart.set()
        if restarted:
            self.restarts += 1
            self._failures = 0
            return
        self.failed_restarts += 1
        self._failures += 1
        if self._failures >= FAILURES_BEFORE_PAUSE:
            pause = RETRY_AFTER_S * 2 ** (self._failures - FAILURES_BEFORE_PAUSE)
            self._retry_at = time.monotonic() + min(RETRY_AT_MOST_S, pause)

    def _cut_back(self, connection: CheckpointConnection) -> None:
        """No commit for ``IDLE_S``: cut the log's file back, if no reader or writer is in the way (else later)."""
        from pharmacy_desk.core import dialect_files

        try:
            if not dialect_log.truncating_checkpoint(connection).busy:
                self.cuts += 1
        except dialect_files.DRIVER_ERRORS as error:
            log.warning("could not cut back the write-ahead log of %s: %s", self.path, error)

    def _restart(self, connection: CheckpointConnection) -> bool:
        deadline = time.monotonic() + RESTART_WAIT_S
        while dialect_log.restarting_checkpoint(connection).busy:
            if time.monotonic() >= deadline or self._stopping.wait(RESTART_POLL_S):
                return False
        return True

    def _passive(self, connection: CheckpointConnection) -> Checkpoint:
        self.checkpoints += 1
        return dialect_log.passive_checkpoint(connection)
