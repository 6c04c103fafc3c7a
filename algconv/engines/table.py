"""The table engine: vectorised convolution over the Cayley table of a finite structure.

On a group, ``h[c] = sum_a f[a] g[index(a^-1 . c)]``: rows of ``g`` gathered through the
Cayley table and combined with one matrix product per chunk of non-zero ``f`` entries.
On a monoid, the products ``f[i] g[j]`` are scattered onto ``table[i, j]``.  Chunks keep
working memory near ``CHUNK_BYTES``.  Exact for exact values (int64 under a proven bound,
otherwise Python ints / Fractions / sympy in object arrays).
"""

from __future__ import annotations

import numpy as np

from .. import arith
from ..function import Function
from ..structures.base import Group
from .base import Engine, Problem

__all__ = ["TableEngine", "table_convolve"]

CHUNK_BYTES = 64 * 1024**2
#: seconds per table entry touched (numeric / object), from benchmarks/bench_direct.py
SECONDS_PER_ENTRY = 2e-9
SECONDS_PER_OBJECT_ENTRY = 1e-7
#: seconds per entry to build a Cayley table the first time
SECONDS_PER_TABLE_ENTRY = 5e-8


def _nonzero(a: np.ndarray) -> np.ndarray:
    if a.dtype == object:
        return np.array([i for i, v in enumerate(a) if v != 0], dtype=np.intp)
    return np.flatnonzero(a)


def table_convolve(over, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The convolution of two vectors in ``over.elements()`` order, by the Cayley table.

    >>> import algconv as ac
    >>> table_convolve(ac.Cyclic(3), np.array([1, 1, 0]), np.array([0, 1, 0]))
    array([0, 1, 1])
    """
    n = over.order
    a, b = arith.exact_pair(a, b, terms=n)
    table = over.cayley_table()
    rows = _nonzero(a)
    dtype = np.result_type(a, b)
    h = np.zeros(n, dtype=dtype)
    chunk = max(1, CHUNK_BYTES // max(1, n * max(dtype.itemsize, 8)))
    if isinstance(over, Group):
        inverse = over.inverse_indices()
        for lo in range(0, len(rows), chunk):
            r = rows[lo : lo + chunk]
            h = h + a[r] @ b[table[inverse[r]]]
        return h
    for lo in range(0, len(rows), chunk):
        r = rows[lo : lo + chunk]
        products = (a[r, None] * b[None, :]).ravel()
        targets = table[r].ravel()
        if dtype.kind == "f" and dtype.itemsize == 8:
            h += np.bincount(targets, weights=products, minlength=n)
        else:
            np.add.at(h, targets, products)
    return h


class TableEngine(Engine):
    """Vectorised sum over the Cayley table of a finite structure."""

    name = "table"
    exact = True
    summary = "vectorised numpy over the Cayley table (finite structures)"

    def applies(self, p: Problem) -> str | None:
        if not p.over.is_finite:
            return f"it needs a finite structure, but over={p.over!r} is infinite"
        return None

    def _table_missing(self, p: Problem) -> bool:
        return "_table" not in p.over.__dict__

    def cost(self, p: Problem) -> float:
        n = p.over.order
        per = SECONDS_PER_OBJECT_ENTRY if p.kind in ("rational", "object") else SECONDS_PER_ENTRY
        build = SECONDS_PER_TABLE_ENTRY * n * n if self._table_missing(p) else 0.0
        return min(p.size("f"), n) * n * per + build

    def memory(self, p: Problem) -> float:
        n = p.over.order
        table = 8.0 * n * n if self._table_missing(p) else 0.0
        return table + min(CHUNK_BYTES, 8.0 * n * n) + 3 * n * p.itemsize

    def run(self, p: Problem) -> Function:
        a, _ = p.f._dense_form()
        b, _ = p.g._dense_form()
        return Function._from_dense(table_convolve(p.over, a, b), p.over)
