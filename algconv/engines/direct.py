"""The direct engine: the defining sum over pairs ``a . b = c``, for any monoid.

Two paths, both exact for exact values:

* dense arrays on Z, Z^d and N: the sum of shifted copies (``numpy.convolve`` in 1-D,
  ``scipy.signal.convolve(method='direct')`` in N-D, a shifted-add loop for object values),
  in ``int64`` only while a bound proves no overflow, else in Python ints;
* everything else: a loop over pairs of the two supports, accumulating ``f(a) g(b)`` at
  ``op(a, b)``; this is the reference every other engine is tested against.
"""

from __future__ import annotations

import numpy as np
import scipy.signal

from .. import arith
from ..function import Function
from .base import Engine, Problem, lattice_result

__all__ = ["DirectEngine", "lattice_direct", "pair_sum"]

#: seconds per multiply-add, measured by benchmarks/bench_direct.py on the 2-core machine
SECONDS_PER_NUMERIC_TERM = 1.5e-9
SECONDS_PER_OBJECT_TERM = 1.5e-7
SECONDS_PER_PAIR = 4e-7


def lattice_direct(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The full convolution of two same-ndim arrays, exact for exact values.

    >>> lattice_direct(np.array([1, 2]), np.array([1, 1]))
    array([1, 3, 2])
    """
    shape = tuple(m + n - 1 for m, n in zip(a.shape, b.shape))
    if a.size == 0 or b.size == 0:
        a, b = arith.exact_pair(a, b, terms=1)
        return np.zeros((0,) * a.ndim, dtype=np.result_type(a, b))
    a, b = arith.exact_pair(a, b, terms=min(a.size, b.size))
    if a.ndim == 1:
        return np.convolve(a, b)
    if a.dtype != object and b.dtype != object:
        return scipy.signal.convolve(a, b, method="direct")
    small, big = (a, b) if a.size <= b.size else (b, a)
    out = np.zeros(shape, dtype=object)
    for index in np.ndindex(small.shape):
        v = small[index]
        if v != 0:
            out[tuple(slice(i, i + n) for i, n in zip(index, big.shape))] += v * big
    return out


def pair_sum(f: Function, g: Function) -> dict:
    """``{c: sum of f(a) g(b) over a . b = c}`` over the two supports."""
    op = f.over.op
    g_items = list(g._items())
    h: dict = {}
    for a, fa in f._items():
        for b, gb in g_items:
            c = op(a, b)
            h[c] = h[c] + fa * gb if c in h else fa * gb
    return h


class DirectEngine(Engine):
    """``sum over a . b = c of f(a) g(b)``, literally; applies to every structure."""

    name = "direct"
    exact = True
    summary = "the a.b=c sum over pairs of supports (any monoid)"

    def _lattice(self, p: Problem) -> bool:
        return p.dense and p.over.dense_layout == "lattice"

    def cost(self, p: Problem) -> float:
        if self._lattice(p):
            per = SECONDS_PER_OBJECT_TERM if p.kind in ("rational", "object") else (
                SECONDS_PER_NUMERIC_TERM)
            return p.pairs * per
        return p.pairs * SECONDS_PER_PAIR

    def memory(self, p: Problem) -> float:
        if self._lattice(p):
            return 2.0 * p.full_size() * p.itemsize
        return 200.0 * min(p.pairs, 10**9)

    def run(self, p: Problem) -> Function:
        if self._lattice(p):
            return lattice_result(lattice_direct(p.f._array, p.g._array), p)
        return Function._from_dict(pair_sum(p.f, p.g), p.over)
