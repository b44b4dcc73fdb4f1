"""Long batches that build hundreds of thousands of objects, without Python's cycle collector.

Reading and cleaning a 100,000-row list makes a few hundred thousand lists and
records that live until the import ends; the cycle collector, triggered by their
count, walks all of them again and again (about a third of the cleaning's time)
and finds nothing to free, as they form no cycles. It is switched off while such a
batch runs, from any thread, and on again when the last one ends; what it would
have collected is collected then.

The windows' start is such a batch too: Qt's modules, the program's and the first
window make tens of thousands of objects that live as long as the program, and the
collector walked them a dozen times before the first paint. ``pause`` switches it off
until a later call, made once the first window is on screen.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    global _running
    with _lock:
        owned = _running > 0 or gc.isenabled()  # off by someone else's choice: left as it is
        if owned:
            _running += 1
            gc.disable()
    try:
        yield
    finally:
        if owned:
            with _lock:
                _running -= 1
                if _running == 0:
                    gc.enable()


def pause() -> Callable[[], None]:
    """The collector off from now until the returned call (a second call does nothing): a pause that ends elsewhere."""
    pausing = without_cycle_collection()
    pausing.__enter__()
    ended = False

    def resume() -> None:
        nonlocal ended
        if not ended:
            ended = True
            pausing.__exit__(None, None, None)

    return resume
