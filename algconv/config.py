"""Settings that guard resources, and the one way every request checks them.

``memory_limit`` (bytes, default 2 GiB) is the largest working memory any single
algconv request may plan to use (a Cayley table, a chunk of the table engine, a dense
result, a list of elements).  A request that would need more raises ``InvalidArgument``
naming the estimate and the limit, *before* it allocates: every entry point estimates its
peak with the helpers below (``value_bytes``, ``pair_value_bytes``, ``tuple_bytes``,
``check_npy``) and calls ``check_memory``.  ``time_limit`` (seconds, default 60) bounds
the *estimated* time of requests whose cost can explode from a small input (``f ** k``
with exact values, the candidates ``choose_method(measure=True)`` times); it is compared
with an estimate before the work starts (``check_time``), never with the clock.

``workers`` (default: every core this process may run on) is how many threads the FFT,
overlap-add, filter and exact engines may use for one request (``scipy.fft``'s
``workers``, row bands of a filter, the limbs of an exact product).  Results are bitwise
identical for every number of workers: the work is split into independent pieces, each
computed exactly as on one thread, and the engine a request gets never depends on it.

Assigning ``config.memory_limit = n`` (or ``time_limit``, ``workers``) changes the
process-wide default; ``with config.limit_memory(n):`` (``limit_time``, ``limit_workers``)
changes it for the current thread or asyncio task only, in a context variable, so
overlapping blocks in several threads never see each other's limit.

Examples
--------
>>> from algconv import config
>>> config.memory_limit == 2 * 1024**3, config.time_limit
(True, 60.0)
>>> with config.limit_memory(1024):
...     config.memory_limit
1024
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import os
import sys
import types
from typing import Any, Callable, Iterator

import numpy as np

from . import arith
from .errors import InvalidArgument, InvalidType
from .validation import check_int, check_real, describe, is_integer

__all__ = [
    "memory_limit",
    "limit_memory",
    "check_memory",
    "time_limit",
    "limit_time",
    "check_time",
    "workers",
    "limit_workers",
    "default_workers",
    "value_bytes",
    "pair_value_bytes",
    "tuple_bytes",
    "check_npy",
    "OBJECT_VALUE_BYTES",
]

#: bytes per value of an object array: the 8-byte pointer and the Python object (an int
#: of up to 60 bits is 28-32 bytes, a Fraction about 150 with its two ints), with room for
#: one temporary; measured (``benchmarks/calibrate_costs.py --memory``) at 100-400 bytes
#: per value of the transforms' object paths
OBJECT_VALUE_BYTES = 100
#: CPython caches the ints -5..256; a larger int in a tuple is its own 28-32 byte object
_SMALL_INT_MAX = 256
_INT_OBJECT_BYTES = 32


class _Limit:
    """One limit: a process-wide default and a per-context override (a context variable)."""

    def __init__(self, name: str, default: Any, validate: Callable[[Any, str], Any]):
        self.name, self.default, self.validate = name, default, validate
        self.override: contextvars.ContextVar = contextvars.ContextVar(
            f"algconv_{name}", default=None)

    def get(self) -> Any:
        value = self.override.get()
        return self.default if value is None else value

    def set_default(self, value: Any) -> None:
        self.default = self.validate(value, self.name)

    def within(self, value: Any, name: str) -> contextlib.AbstractContextManager[None]:
        return self._scoped(self.validate(value, name))  # validated now, not at ``with``

    @contextlib.contextmanager
    def _scoped(self, value: Any) -> Iterator[None]:
        token = self.override.set(value)
        try:
            yield
        finally:
            self.override.reset(token)


def _valid_bytes(nbytes: Any, name: str) -> int:
    return check_int(nbytes, name, minimum=0, what="a memory limit in bytes")


def _valid_seconds(seconds: Any, name: str) -> float:
    if not (is_integer(seconds) or isinstance(seconds, float)):
        raise InvalidType(f"Got {name}={describe(seconds)}, but a time limit needs a number "
                          "of seconds (int or float)")
    if not (math.isfinite(seconds) and seconds > 0):
        raise InvalidArgument(f"Got {name}={seconds!r}, but a time limit needs a finite "
                              "number of seconds > 0")
    return float(seconds)


def _valid_workers(workers: Any, name: str) -> int | None:
    if workers is None:
        return None
    return check_int(workers, name, minimum=1, what="a number of threads")


def default_workers() -> int:
    """The default of ``workers``: the cores this process may run on, capped by
    ``OMP_NUM_THREADS`` when that is set (the limit threadpoolctl and BLAS honour).

    ``os.sched_getaffinity`` counts the cores a ``taskset`` / cgroup CPU set allows (where
    the platform has it; ``os.cpu_count()`` elsewhere).

    >>> 1 <= default_workers() <= (os.cpu_count() or 1)
    True
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        cores = os.cpu_count() or 1
    omp = os.environ.get("OMP_NUM_THREADS", "").split(",")[0].strip()
    if omp.isdigit() and int(omp) >= 1:
        cores = min(cores, int(omp))
    return max(cores, 1)


_MEMORY = _Limit("memory_limit", 2 * 1024**3, _valid_bytes)
_TIME = _Limit("time_limit", 60.0, _valid_seconds)
_WORKERS = _Limit("workers", None, _valid_workers)  # None: ``default_workers()``


def limit_memory(nbytes: int) -> contextlib.AbstractContextManager[None]:
    """Set ``memory_limit`` to ``nbytes`` inside the ``with`` block, in this context only.

    The limit lives in a context variable: other threads (and asyncio tasks) keep theirs,
    and leaving the block restores exactly the value it replaced.

    Parameters
    ----------
    nbytes : int
        The limit in bytes, ``>= 0``.

    Raises
    ------
    InvalidType
        If ``nbytes`` is not an int (a str, float, None or bool).
    InvalidArgument
        If ``nbytes`` is negative.

    Examples
    --------
    >>> from algconv import config
    >>> with config.limit_memory(10):
    ...     config.memory_limit
    10
    >>> config.limit_memory(-1)
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got nbytes=-1, but a memory limit in bytes needs an int nbytes >= 0
    """
    return _MEMORY.within(nbytes, "nbytes")


def limit_time(seconds: float) -> contextlib.AbstractContextManager[None]:
    """Set ``time_limit`` to ``seconds`` inside the ``with`` block, in this context only.

    Raises
    ------
    InvalidType
        If ``seconds`` is not a number (a str, None or bool).
    InvalidArgument
        If ``seconds`` is not finite or not positive.

    Examples
    --------
    >>> from algconv import config
    >>> with config.limit_time(0.5):
    ...     config.time_limit
    0.5
    """
    return _TIME.within(seconds, "seconds")


def limit_workers(workers: int | None) -> contextlib.AbstractContextManager[None]:
    """Set ``workers`` (threads per request) inside the ``with`` block, in this context only.

    ``None`` means the default, every core (``default_workers()``).  Results do not depend
    on it: only the time does.

    Raises
    ------
    InvalidType
        If ``workers`` is not an int or None.
    InvalidArgument
        If ``workers < 1``.

    Examples
    --------
    >>> import algconv as ac
    >>> with ac.config.limit_workers(1):
    ...     ac.config.workers, ac.convolve([1.0, 2.0], [1.0, 1.0]).round(12)
    (1, array([1., 3., 2.]))
    >>> ac.config.limit_workers(0)
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got workers=0, but a number of threads needs an int workers >= 1
    """
    return _WORKERS.within(workers, "workers")


def check_time(seconds: float, what: str) -> None:
    """Raise ``InvalidArgument`` if ``what`` is estimated to take more than ``time_limit``.

    Examples
    --------
    >>> from algconv import config
    >>> with config.limit_time(1):
    ...     config.check_time(30, 'this power')
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: this power would take about 30 s by estimate, more than algconv.config.time_limit=1 s; raise the limit with algconv.config.limit_time(...) or use a smaller input
    """
    seconds = check_real(seconds, "seconds", what="an estimate in seconds")
    limit = _TIME.get()
    if seconds > limit:
        shown = f"{seconds:.3g}" if seconds < 1e300 else "more than 1e300"
        _refuse(f"{what} would take about {shown} s by estimate", f"time_limit={limit:g} s",
                "limit_time")


def _refuse(need: str, limit: str, setter: str) -> None:
    raise InvalidArgument(f"{need}, more than algconv.config.{limit}; raise the limit with "
                          f"algconv.config.{setter}(...) or use a smaller input")


def format_bytes(nbytes: float) -> str:
    """``1536`` -> ``'1.5 KiB'``; past 1024 PiB a power of two (estimates can be astronomic).

    >>> format_bytes(1536), format_bytes(2**100), format_bytes(float("inf"))
    ('1.5 KiB', '2**100 B', '2**1024 B or more')
    """
    if nbytes >= 1024**6:
        if nbytes == math.inf:  # an estimate past the float range
            return "2**1024 B or more"
        return f"2**{int(nbytes).bit_length() - 1} B"
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(nbytes) < 1024:
            return f"{nbytes:.1f} {unit}" if unit != "B" else f"{int(nbytes)} B"
        nbytes /= 1024
    return f"{nbytes:.1f} PiB"


def check_memory(nbytes: float, what: str) -> None:
    """Raise ``InvalidArgument`` if ``what`` would need more than ``memory_limit`` bytes.

    Examples
    --------
    >>> from algconv import config
    >>> with config.limit_memory(100):
    ...     config.check_memory(1000, 'this table')
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: this table would need about 1000 B, more than algconv.config.memory_limit=100 B; raise the limit with algconv.config.limit_memory(...) or use a smaller input
    """
    nbytes = check_real(nbytes, "nbytes", what="an estimate in bytes")
    limit = _MEMORY.get()
    if nbytes > limit:
        _refuse(f"{what} would need about {format_bytes(nbytes)}",
                f"memory_limit={format_bytes(limit)}", "limit_memory")


def value_bytes(dtype: Any) -> int:
    """Bytes one value of ``dtype`` takes in a working array (object: ``OBJECT_VALUE_BYTES``).

    Examples
    --------
    >>> value_bytes(np.int64), value_bytes(np.complex128), value_bytes(object)
    (8, 16, 100)
    """
    try:
        dtype = np.dtype(dtype)
    except (TypeError, ValueError) as e:
        raise InvalidType(f"Got dtype={describe(dtype)}, but expected a numpy dtype") from e
    return OBJECT_VALUE_BYTES if dtype == object else max(dtype.itemsize, 1)


def pair_value_bytes(a: np.ndarray, b: np.ndarray, terms: int) -> int:
    """Bytes per value of ``a, b`` once cast for exact sums of ``terms`` products.

    Mirrors ``arith.exact_pair``: integers stay int64 (8 bytes) while
    ``max|a| max|b| terms`` fits, else become Python ints (``OBJECT_VALUE_BYTES``); object
    values count ``OBJECT_VALUE_BYTES``; floats and complex their itemsize (at least 8).

    Examples
    --------
    >>> pair_value_bytes(np.ones(4, int), np.ones(4, int), terms=4)
    8
    >>> pair_value_bytes(np.array([2**40]), np.array([2**40]), terms=1)
    100
    """
    for name, array in (("a", a), ("b", b)):
        if not isinstance(array, np.ndarray):
            raise InvalidType(f"Got {name}={describe(array)}, but expected a numpy array")
    terms = check_int(terms, "terms", minimum=0)
    if a.dtype == object or b.dtype == object:
        return OBJECT_VALUE_BYTES
    if a.dtype.kind in "iu" and b.dtype.kind in "iu":
        bound = int(arith.max_abs(a)) * int(arith.max_abs(b)) * max(int(terms), 1)
        return 8 if bound <= arith.INT64_MAX else OBJECT_VALUE_BYTES
    return max(np.result_type(a, b).itemsize, 8)


def tuple_bytes(length: int, large_ints: int = 0) -> int:
    """Bytes of a tuple of ``length`` ints, ``large_ints`` of them beyond CPython's small-int cache.

    Examples
    --------
    >>> tuple_bytes(3), tuple_bytes(1000, large_ints=1000 - 257)
    (80, 31832)
    """
    length = check_int(length, "length", minimum=0)
    large_ints = check_int(large_ints, "large_ints", minimum=0)
    return 56 + 8 * length + _INT_OBJECT_BYTES * large_ints


def distinct_ints(count: int) -> int:
    """How many of the ints ``0..count-1`` are objects of their own (beyond the small-int cache).

    >>> distinct_ints(10), distinct_ints(1000)
    (0, 743)
    """
    return max(0, count - _SMALL_INT_MAX - 1)


def check_npy(path: Any, what: str) -> tuple[tuple[int, ...], np.dtype]:
    """Refuse a ``.npy`` file whose header declares more values than fit, before loading it.

    Returns the header's shape and dtype.  A header that claims more data than the file
    holds is refused too.

    The estimate is the array and one Python object per value (``OBJECT_VALUE_BYTES``), as
    a reader that turns the array into Python numbers holds both; only the header is read.

    Raises
    ------
    InvalidArgument
        If the header cannot be read, or the declared shape needs more than
        ``memory_limit`` bytes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.npy"
    >>> np.save(path, np.zeros(10**6))
    >>> with limit_memory(10**6):
    ...     check_npy(path, "f")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: f (shape (1000000,), float64) would need about 103.0 MiB, ...
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidType(f"Got {what}={describe(path)}, but expected a .npy file name (str or "
                          "pathlib.Path)")
    try:
        with open(os.fspath(path), "rb") as fh:
            version = np.lib.format.read_magic(fh)
            reader = {(1, 0): np.lib.format.read_array_header_1_0,
                      (2, 0): np.lib.format.read_array_header_2_0}.get(version)
            if reader is None:
                raise ValueError(f"unsupported .npy version {version}")
            shape, _, dtype = reader(fh)
            data_bytes = os.fstat(fh.fileno()).st_size - fh.tell()
    except (ValueError, TypeError, SyntaxError, OSError) as e:
        raise InvalidArgument(f"Got {what}={describe(os.fspath(path))}, but its .npy header "
                              f"cannot be read: {e}") from e
    count = 1
    for n in shape:
        count *= int(n)
    check_memory(count * (dtype.itemsize + OBJECT_VALUE_BYTES),
                 f"{what} (shape {tuple(shape)}, {dtype})")
    if count * dtype.itemsize > data_bytes:
        raise InvalidArgument(f"Got {what}={describe(os.fspath(path))} whose header claims shape "
                              f"{tuple(shape)} of {dtype}, but the file holds only {data_bytes} "
                              "bytes of data")
    return tuple(int(n) for n in shape), dtype


class _ConfigModule(types.ModuleType):
    """Gives the module ``memory_limit`` and ``time_limit`` attributes read from context."""

    @property
    def memory_limit(self) -> int:
        """The memory limit in force here: the innermost ``limit_memory``, else the default."""
        return _MEMORY.get()

    @memory_limit.setter
    def memory_limit(self, nbytes: int) -> None:
        _MEMORY.set_default(nbytes)

    @property
    def time_limit(self) -> float:
        """The time limit in force here: the innermost ``limit_time``, else the default."""
        return _TIME.get()

    @time_limit.setter
    def time_limit(self, seconds: float) -> None:
        _TIME.set_default(seconds)


    @property
    def workers(self) -> int:
        """Threads per request in force here: the innermost ``limit_workers``, else the
        default (``default_workers()`` unless assigned)."""
        value = _WORKERS.get()
        return default_workers() if value is None else value

    @workers.setter
    def workers(self, workers: int | None) -> None:
        _WORKERS.set_default(workers)


sys.modules[__name__].__class__ = _ConfigModule
