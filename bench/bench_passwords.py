"""Argon2id cost: how long one hash and one check take with the declared parameters.

The parameters in ``core/passwords.py`` are tuned so a hash takes 100–250 ms: long enough
that guessing PINs offline is slow, short enough that a cashier signing in does not wait.
Beside them it times the neighbouring costs (time_cost one less and one more), so a
retune on another machine can see where it stands.

Run from the repository root:  python -m bench.bench_passwords [--runs N]
The exit status is 1 when the declared parameters' median hash is outside 100–250 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pharmacy_desk.core import passwords  # noqa: E402

TARGET_SECONDS = (0.100, 0.250)


def _median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    declared = passwords._hasher()
    stored = declared.hash("demo1234")
    hash_s = _median_seconds(lambda: declared.hash("demo1234"), args.runs)
    verify_s = _median_seconds(lambda: declared.verify(stored, "demo1234"), args.runs)
    print(f"declared  t={passwords.TIME_COST} m={passwords.MEMORY_COST_KIB} KiB p={passwords.PARALLELISM}: "
          f"hash {hash_s * 1000:.0f} ms, verify {verify_s * 1000:.0f} ms (median of {args.runs})")
    for time_cost in (passwords.TIME_COST - 1, passwords.TIME_COST + 1):
        other = passwords._hasher(time_cost=time_cost)
        seconds = _median_seconds(lambda hasher=other: hasher.hash("demo1234"), args.runs)
        print(f"t={time_cost}: hash {seconds * 1000:.0f} ms")
    low, high = TARGET_SECONDS
    return 0 if low <= hash_s <= high else 1


if __name__ == "__main__":
    sys.exit(main())
