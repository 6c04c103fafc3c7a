"""The table engine: vectorised convolution over the Cayley table of a finite structure.

On a group, ``h[c] = sum_a f[a] g[index(a^-1 . c)]``: rows of ``g`` gathered through the
Cayley table and combined with one matrix product per chunk of non-zero entries of the
sparser operand.  On a monoid, the products ``f[i] g[j]`` are scattered onto
``table[i, j]``.  Chunks keep working memory near ``CHUNK_BYTES`` and under a quarter of
``config.memory_limit``; ``memory()`` counts the table too, so dispatch refuses (or a
forced ``method='table'`` raises ``InvalidArgument`` naming the estimate) when a request
would exceed the limit.  Exact for exact values: int64 under a proven bound, otherwise
Python ints; Fractions as integers over a common denominator; sympy in object arrays.
"""

from __future__ import annotations

import numpy as np

from .. import arith, config
from .._kernels import conj_array, nonzero_positions, via_integers
from ..caches import AMORTISED_CALLS
from ..function import Function, trusted_dense
from ..structures.base import Group, Monoid
from .base import Engine, Problem, all_finite, float_work_dtype
from .semiring_sum import run_table
from .semiring_sum import table_correlate as semiring_table_correlate

__all__ = ["TableEngine", "table_convolve", "table_correlate"]

#: working memory per chunk (gathered rows of the table and of the values); the chunk also
#: stays below a quarter of ``config.memory_limit``
CHUNK_BYTES = 64 * 1024**2
#: seconds per table entry touched (numeric / object), from algconv/benchmark/transforms.py (algconv bench)
#: (S_6, 720 x 720 entries, int64: 0.8 ms best of 5 on the 2-core machine); past
#: ``CACHE_ORDER`` the gathers miss the cache: 8-12 ns per entry measured on
#: BooleanGroup(10), Cyclic(1024) and SymmetricGroup(7)
SECONDS_PER_ENTRY = 2e-9
SECONDS_PER_UNCACHED_ENTRY = 8e-9
CACHE_ORDER = 800
SECONDS_PER_OBJECT_ENTRY = 1e-7
#: seconds per entry to build a Cayley table the first time (S_6: 28-49 ms, 518k entries)
SECONDS_PER_TABLE_ENTRY = 7e-8
#: fixed seconds per call on Fractions and other objects (common denominators, object
#: casts): Cyclic(6) with a warm table took 40 us on Fractions, 19 us on floats (2-core
#: machine); the numeric overhead is left out of the estimate, as it always was
TABLE_OVERHEAD_OBJECT = 3e-5


def _nonzero(a: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Positions of ``a`` that can contribute: its non-zero entries, or every entry when
    ``other`` holds inf or NaN (``0 * inf`` is NaN, as in the direct sum)."""
    if a.dtype.kind in "fc" and other.dtype.kind in "fc" and not all_finite(other):
        return np.arange(a.size)
    return nonzero_positions(a)


def chunk_rows(n: int, itemsize: int) -> int:
    """How many length-``n`` rows of values and of table indices fit in one chunk."""
    budget = min(CHUNK_BYTES, config.memory_limit // 4)
    return max(1, int(budget // (n * (8 + max(itemsize, 8)))))


def table_convolve(over, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The convolution of two vectors in ``over.elements()`` order, by the Cayley table.

    Works through chunks of the non-zero entries of the sparser operand, so the working
    memory stays near ``chunk_rows`` rows whatever the order.

    >>> import algconv as ac
    >>> table_convolve(ac.Cyclic(3), np.array([1, 1, 0]), np.array([0, 1, 0]))
    array([0, 1, 1])
    """
    rational = via_integers(lambda x, y: table_convolve(over, x, y), a, b)
    if rational is not None:
        return rational
    n = over.order
    a, b = arith.exact_pair(a, b, terms=n)
    out_dtype = np.result_type(a, b)
    dtype = float_work_dtype(out_dtype)
    a, b = a.astype(dtype, copy=False), b.astype(dtype, copy=False)
    h = np.zeros(n, dtype=dtype)
    chunk = chunk_rows(n, dtype.itemsize)
    rows, cols = _nonzero(a, b), _nonzero(b, a)
    with np.errstate(invalid="ignore"):  # inf * 0 is NaN, as in the direct sum
        _accumulate(over, a, b, h, rows, cols, chunk)
    return h.astype(out_dtype, copy=False)


def _accumulate(over, a: np.ndarray, b: np.ndarray, h: np.ndarray, rows: np.ndarray,
                cols: np.ndarray, chunk: int) -> None:
    """Add ``a * b`` into ``h`` through the Cayley table, ``chunk`` rows at a time."""
    table = over.cayley_table()
    if isinstance(over, Group):
        inverse = over.inverse_indices()
        if len(rows) <= len(cols):  # h[c] = sum_i a[i] b[i^-1 c]
            for lo in range(0, len(rows), chunk):
                r = rows[lo : lo + chunk]
                h += a[r] @ b[table[inverse[r]]]
        else:  # h[c] = sum_j a[c j^-1] b[j]
            for lo in range(0, len(cols), chunk):
                r = cols[lo : lo + chunk]
                h += a[table[:, inverse[r]]] @ b[r]
        return
    for lo in range(0, len(rows), chunk):
        r = rows[lo : lo + chunk]
        products = (a[r, None] * b[None, :]).ravel()
        targets = table[r].ravel()
        if h.dtype.kind == "f" and h.dtype.itemsize == 8:
            h += np.bincount(targets, weights=products, minlength=len(h))
        else:
            np.add.at(h, targets, products)


class TableEngine(Engine):
    """Vectorised sum over the Cayley table of a finite structure.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.convolve([1, 2, 0], [0, 1, 0], over=ac.Cyclic(3), method="table")
    array([0, 1, 2])
    """

    name = "table"
    exact = True
    keeps_nonfinite = True
    semirings = True
    witnesses = True
    summary = "vectorised numpy over the Cayley table (finite structures)"

    correlates = True

    def applies(self, p: Problem) -> str | None:
        if not p.over.is_finite:
            return f"it needs a finite structure, but over={p.over!r} is infinite"
        if not p.dense and p.semiring.is_standard and not p.finite and not p.correlation:
            return ("it multiplies every entry of the dense form, but a Function stored as a "
                    "dict holds only its support, and the values are not all finite")
        return None

    def cost(self, p: Problem) -> float:
        n = p.over.order
        if p.kind in ("rational", "object"):
            per, fixed = SECONDS_PER_OBJECT_ENTRY, TABLE_OVERHEAD_OBJECT
        else:
            per = SECONDS_PER_ENTRY if n <= CACHE_ORDER else SECONDS_PER_UNCACHED_ENTRY
            fixed = 0.0
        build = 0.0 if p.over.own_table is not None else (
            SECONDS_PER_TABLE_ENTRY * n * n / AMORTISED_CALLS)  # built once, kept (caches)
        return fixed + min(p.size("f"), p.size("g"), n) * n * per + build

    def memory(self, p: Problem) -> float:
        n = p.over.order
        table = 0.0 if p.over.own_table is not None else 8.0 * n * n
        rows = min(chunk_rows(n, p.itemsize), n)
        return table + rows * n * (8.0 + max(p.itemsize, 8)) + 4.0 * n * p.itemsize

    def run_witness(self, p: Problem) -> tuple:
        return run_table(p, witness=True)

    def run(self, p: Problem) -> Function:
        a, _ = p.fv.dense()
        b, _ = p.gv.dense()
        if p.correlation:
            if p.semiring.is_standard:
                return trusted_dense(table_correlate(p.over, a, b), p.over)
            h = semiring_table_correlate(p.over, a, b, p.semiring)
            return trusted_dense(h, p.over, None, p.semiring)
        if not p.semiring.is_standard:
            return run_table(p)
        return trusted_dense(table_convolve(p.over, a, b), p.over)


def table_correlate(over: Monoid, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``h[c] = sum over x of a[x . c] conj(b[x])`` through the Cayley table, exactly for
    exact values (finite monoids; on a group it is a convolution with ``b`` reflected).

    >>> import algconv as ac
    >>> table_correlate(ac.SubsetMonoid(1), np.array([1, 2]), np.array([3, 4]))
    array([11, 14])
    """
    a, b = arith.exact_pair(a, conj_array(b), terms=over.order)
    dtype = np.result_type(a, b)
    work = float_work_dtype(dtype)  # float16 summed in float32
    table = over.cayley_table()
    with np.errstate(invalid="ignore"):  # inf * 0 is NaN, as in the direct sum
        h = b.astype(work, copy=False) @ a.astype(work, copy=False)[table]
    return h.astype(dtype, copy=False)
