"""The cycle collector is off while any long batch runs, and as it was once the last one ends."""

import gc
import threading

from pharmacy_desk.core.gc_pause import pause, without_cycle_collection


def test_nested_and_parallel_batches_switch_it_back_on_once_all_are_done():
    assert gc.isenabled()
    entered, leave = threading.Event(), threading.Event()

    def other_batch():
        with without_cycle_collection():
            entered.set()
            leave.wait(5)

    worker = threading.Thread(target=other_batch)
    with without_cycle_collection():
        assert not gc.isenabled()
        worker.start()
        entered.wait(5)
        with without_cycle_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other batch is still running
    leave.set()
    worker.join(5)
    assert gc.isenabled()


def test_left_off_when_someone_else_switched_it_off():
    gc.disable()
    try:
        with without_cycle_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_pause_ends_at_its_call_once_even_inside_a_batch():
    resume = pause()
    assert not gc.isenabled()
    with without_cycle_collection():
        resume()
        assert not gc.isenabled()  # the batch still runs
        resume()  # a second call is not a second end
    assert gc.isenabled()
