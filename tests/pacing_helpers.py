"""Hooks into the pauses every batch leaves the tills between two of its chunks (``till_pacing.TillPacing``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from pharmacy_desk.core import dialect, till_pacing


def between_chunks(monkeypatch, hook: Callable[[], None]) -> None:
    """Call ``hook()`` where a batch pauses for the tills: before each chunk that follows another of this thread."""
    real = till_pacing.TillPacing.pause

    def pause(self, size=None):
        if self.released_at is not None:
            hook()
        real(self, size)

    monkeypatch.setattr(till_pacing.TillPacing, "pause", pause)


@dataclass
class LockTimeline:
    """When this thread's write transactions took the write lock and let it go, in order.

    ``hold`` keeps each one holding the lock that much longer, as a chunk of a big file does.
    """

    hold: float = 0.0
    spans: list[tuple[float, float]] = field(default_factory=list)

    def gaps(self) -> list[tuple[float, float]]:
        """(how long a transaction held the lock, how long the lock was left free before the next)."""
        return [(let_go - took, next_took - let_go)
                for (took, let_go), (next_took, _) in zip(self.spans, self.spans[1:])]


def lock_timeline(monkeypatch, hold: float = 0.0) -> LockTimeline:
    timeline = LockTimeline(hold)
    cls = dialect.WriterDatabase
    begin, commit = cls.begin, cls.commit
    taken: list[float] = []

    def timed_begin(self, lock_type=None):
        begin(self, lock_type)
        if self.write_locked:
            taken.append(time.perf_counter())

    def timed_commit(self):
        locked = self.write_locked
        if locked:
            time.sleep(timeline.hold)  # the chunk's work, under the lock
        done = commit(self)
        if locked and taken:
            timeline.spans.append((taken.pop(), time.perf_counter()))
        return done

    monkeypatch.setattr(cls, "begin", timed_begin)
    monkeypatch.setattr(cls, "commit", timed_commit)
    return timeline
