"""Threads for one request: ``config.workers`` of them, in one shared pool.

numpy, scipy.fft and scipy.ndimage release the GIL in their loops, so independent pieces
of one convolution (row bands of a filter, the digit spectra of an exact product, the two
forward transforms of a 1-D FFT) run on separate cores from threads.  Every piece is
computed exactly as it would be on one thread, so results never depend on the number of
workers; pieces run in the caller's context (its ``config`` limits).

Examples
--------
>>> parallel_map(lambda x: x * x, [1, 2, 3], workers=2)
[1, 4, 9]
>>> bands(10, 3)
[(0, 3), (3, 6), (6, 10)]
"""

from __future__ import annotations

import contextvars
import itertools
import math
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from . import config

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

__all__ = ["bands", "kept_buffer", "parallel_map", "request_workers"]

T = TypeVar("T")
R = TypeVar("R")

_POOL: ThreadPoolExecutor | None = None
_POOL_SIZE = 0
_LOCK = threading.Lock()
#: set in the pool's threads: a piece never fans out again (no nested pools)
_INSIDE = threading.local()


def request_workers() -> int:
    """Threads this request may use: ``config.workers``, or 1 inside a worker thread."""
    return 1 if getattr(_INSIDE, "active", False) else config.workers


def _pool(size: int) -> ThreadPoolExecutor:
    global _POOL, _POOL_SIZE
    from concurrent.futures import ThreadPoolExecutor  # on first use: a lighter import

    with _LOCK:
        if _POOL is None or _POOL_SIZE < size:
            # a replaced pool is not shut down (another thread may still submit to it):
            # its idle threads exit once it is garbage
            _POOL = ThreadPoolExecutor(max_workers=size, thread_name_prefix="algconv",
                                       initializer=_mark_worker)
            _POOL_SIZE = size
        return _POOL


def _mark_worker() -> None:
    _INSIDE.active = True


def parallel_map(fn: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``[fn(x) for x in items]``, on up to ``workers`` threads, in the caller's context.

    The caller's thread and ``workers - 1`` pool threads take the next item as they become
    free, so more items than workers balance themselves (a thread the machine holds back
    leaves its share to the others) and each item is still computed as on one thread.
    With one worker (or one item), or when called from a worker thread, it runs inline.
    The first exception raised by ``fn`` is raised once every thread has stopped.
    """
    items = list(items)
    if workers <= 1 or len(items) <= 1 or getattr(_INSIDE, "active", False):
        return [fn(x) for x in items]
    helpers = min(workers, len(items)) - 1
    pool = _pool(helpers)
    results: list = [None] * len(items)
    taken = itertools.count()  # its next() is atomic: each item goes to one thread
    failed: list[BaseException] = []

    def drain() -> None:
        for i in iter(taken.__next__, None):
            if i >= len(items) or failed:
                return
            try:
                results[i] = fn(items[i])
            except BaseException as e:  # noqa: BLE001 - re-raised by the caller below
                failed.append(e)
                return

    context = contextvars.copy_context()
    futures = [pool.submit(context.copy().run, drain) for _ in range(helpers)]
    _INSIDE.active = True  # the caller's own pieces do not fan out either
    try:
        drain()
    finally:
        _INSIDE.active = False
        for f in futures:
            f.result()
    if failed:
        raise failed[0]
    return results


_THREAD = threading.local()


def kept_buffer(name: str, shape: tuple, dtype: Any) -> np.ndarray:
    """A work buffer of this thread, kept between calls (the last one of each ``name``, at
    most a few MiB per thread): a fresh buffer of a MiB or more is fresh pages from the
    kernel, and two threads faulting pages in and unmapping them (TLB shootdowns between
    the cores) cost more, and far less predictably, than the work itself (the stencil's
    blocks, the 2-D overlap-add's strips).  Its values are garbage, as ``numpy.empty``'s.

    >>> a = kept_buffer("doc", (2, 3), np.float64)
    >>> a.shape, kept_buffer("doc", (3,), np.float64).base is a.base
    ((2, 3), True)
    """
    kept = _THREAD.__dict__.setdefault("buffers", {})
    size, dtype = math.prod(shape), np.dtype(dtype)
    flat = kept.get(name)
    if flat is None or flat.dtype != dtype or flat.size < size:
        flat = kept[name] = np.empty(max(size, 1), dtype=dtype)
    return flat[:size].reshape(shape)


def bands(n: int, count: int) -> list[tuple[int, int]]:
    """``[lo, hi)`` ranges splitting ``range(n)`` into ``count`` near-equal non-empty bands."""
    count = max(1, min(count, n))
    edges = [n * i // count for i in range(count + 1)]
    return [(edges[i], edges[i + 1]) for i in range(count)]
