"""Settings that guard resources, and the one way every request checks them.

``memory_limit`` (bytes, default 2 GiB) is the largest working memory any single
algconv request may plan to use (a Cayley table, a chunk of the table engine, a dense
result, a list of elements).  A request that would need more raises ``InvalidArgument``
naming the estimate and the limit, *before* it allocates: every entry point estimates its
peak with the helpers below (``value_bytes``, ``tuple_bytes``, ``check_npy``) and calls
``check_memory``.

Assigning ``config.memory_limit = n`` changes the process-wide default;
``with config.limit_memory(n):`` changes it for the current thread (or asyncio task) only,
in a context variable, so overlapping blocks in several threads never see each other's
limit.

Examples
--------
>>> from algconv import config
>>> config.memory_limit == 2 * 1024**3
True
>>> with config.limit_memory(1024):
...     config.memory_limit
1024
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
import types
from typing import Any, Iterator

import numpy as np

from . import arith
from .errors import InvalidArgument
from .validation import check_int, describe

__all__ = [
    "memory_limit",
    "limit_memory",
    "check_memory",
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

_default_limit: int = 2 * 1024**3
_override: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "algconv_memory_limit", default=None)


def _valid_limit(nbytes: Any, name: str) -> int:
    return check_int(nbytes, name, minimum=0, what="a memory limit in bytes")


def _current_limit() -> int:
    override = _override.get()
    return _default_limit if override is None else override


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
    return _limited(_valid_limit(nbytes, "nbytes"))  # validated now, not at ``with``


@contextlib.contextmanager
def _limited(nbytes: int) -> Iterator[None]:
    token = _override.set(nbytes)
    try:
        yield
    finally:
        _override.reset(token)


def format_bytes(nbytes: float) -> str:
    """``1536`` -> ``'1.5 KiB'``; past 1024 PiB a power of two (estimates can be astronomic).

    >>> format_bytes(1536), format_bytes(2**100)
    ('1.5 KiB', '2**100 B')
    """
    if nbytes >= 1024**6:
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
    limit = _current_limit()
    if nbytes > limit:
        raise InvalidArgument(
            f"{what} would need about {format_bytes(nbytes)}, more than "
            f"algconv.config.memory_limit={format_bytes(limit)}; "
            "raise the limit with algconv.config.limit_memory(...) or use a smaller input"
        )


def value_bytes(dtype: Any) -> int:
    """Bytes one value of ``dtype`` takes in a working array (object: ``OBJECT_VALUE_BYTES``).

    Examples
    --------
    >>> value_bytes(np.int64), value_bytes(np.complex128), value_bytes(object)
    (8, 16, 100)
    """
    dtype = np.dtype(dtype)
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
    return 56 + 8 * length + _INT_OBJECT_BYTES * large_ints


def distinct_ints(count: int) -> int:
    """How many of the ints ``0..count-1`` are objects of their own (beyond the small-int cache).

    >>> distinct_ints(10), distinct_ints(1000)
    (0, 743)
    """
    return max(0, count - _SMALL_INT_MAX - 1)


def check_npy(path: Any, what: str) -> None:
    """Refuse a ``.npy`` file whose header declares more values than fit, before loading it.

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
    try:
        with open(os.fspath(path), "rb") as fh:
            version = np.lib.format.read_magic(fh)
            reader = {(1, 0): np.lib.format.read_array_header_1_0,
                      (2, 0): np.lib.format.read_array_header_2_0}.get(version)
            if reader is None:
                raise ValueError(f"unsupported .npy version {version}")
            shape, _, dtype = reader(fh)
    except (ValueError, TypeError, SyntaxError) as e:
        raise InvalidArgument(f"Got {what}={describe(os.fspath(path))}, but its .npy header "
                              f"cannot be read: {e}") from e
    count = 1
    for n in shape:
        count *= int(n)
    check_memory(count * (dtype.itemsize + OBJECT_VALUE_BYTES),
                 f"{what} (shape {tuple(shape)}, {dtype})")


class _ConfigModule(types.ModuleType):
    """Gives the module a ``memory_limit`` attribute that reads the context variable."""

    @property
    def memory_limit(self) -> int:
        """The limit in force here: the innermost ``limit_memory`` block, else the default."""
        return _current_limit()

    @memory_limit.setter
    def memory_limit(self, nbytes: int) -> None:
        global _default_limit
        _default_limit = _valid_limit(nbytes, "memory_limit")


sys.modules[__name__].__class__ = _ConfigModule
