"""Shared timing for the benchmark scripts: best of ``repeat`` runs, tiny calls batched."""

from __future__ import annotations

import time
from typing import Callable


def best_of(fn: Callable[[], object], repeat: int = 3,
            clock: Callable[[], float] = time.perf_counter) -> float:
    """The fastest of ``repeat`` timings of ``fn()`` in seconds per call.

    Calls faster than 2 ms are batched (up to 1000 per timing) so the clock resolves them;
    the first batch doubles as a warm-up.
    """
    number = 1
    while True:
        t0 = clock()
        for _ in range(number):
            fn()
        if clock() - t0 > 2e-3 or number >= 1000:
            break
        number *= 10
    times = []
    for _ in range(repeat):
        t0 = clock()
        for _ in range(number):
            fn()
        times.append((clock() - t0) / number)
    return min(times)


def once(fn: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds for a single call (a cold first call: no warm-up)."""
    t0 = clock()
    fn()
    return clock() - t0
