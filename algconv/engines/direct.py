"""The direct engine: the defining sum over pairs ``a . b = c``, for any monoid.

Two paths, both exact for exact values:

* dense arrays on Z, Z^d and N: the sum of shifted copies (``numpy.convolve`` in 1-D,
  ``scipy.ndimage.correlate`` of the zero-padded array in N-D for floats, complex numbers
  and ints whose sums a bound keeps below 2**53, ``scipy.signal.convolve(method='direct')``
  for other int64, a shifted-add loop for object values), in ``int64`` only while a bound
  proves no overflow, else in Python ints;
* everything else: a loop over pairs of the two supports, accumulating ``f(a) g(b)`` at
  ``op(a, b)``; this is the reference every other engine is tested against.
"""

from __future__ import annotations

import numpy as np
import scipy.ndimage
import scipy.signal

from .. import arith
from ..function import Function
from .base import Engine, Problem, lattice_result

__all__ = ["DirectEngine", "lattice_direct", "pair_sum"]

#: seconds per multiply-add, measured on the 2-core machine (best of 5; the 1-D and N-D
#: numeric figures at benchmarks/sweep_choose.py's sizes, process CPU time): numpy.convolve
#: on float64 takes 0.84e-10 per term with a kernel of 256 or more, 1.3e-10 at 64,
#: 3.5e-10 at 16 (per-output work dominates short kernels): fitted as
#: 0.85e-10 + 4e-9 / max(kernel, 16); on int64 4e-10; ndimage.correlate 5e-10 to 7e-10
#: (1.3e-9 for 3x3 on 512^2); scipy.signal's N-D direct path 1e-8
SECONDS_PER_FLOAT_TERM_1D = 0.85e-10
SECONDS_PER_FLOAT_OUTPUT_1D = 4e-9
SECONDS_PER_INT_TERM_1D = 4.0e-10
SECONDS_PER_NDIMAGE_TERM = 7.0e-10
SECONDS_PER_SIGNAL_TERM = 1.0e-8
SECONDS_PER_OBJECT_TERM = 1.5e-7
SECONDS_PER_PAIR = 4e-7
#: fixed seconds per call (numpy.convolve ~1.3 us, the padded ndimage path ~25 us)
DIRECT_OVERHEAD_1D = 1.5e-6
DIRECT_OVERHEAD_ND = 2.5e-5
#: ints whose every partial sum stays below this are exact in float64 (ndimage sums in double)
FLOAT_EXACT_INT = 2**53


def lattice_direct(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The full convolution of two same-ndim arrays, exact for exact values.

    >>> lattice_direct(np.array([1, 2]), np.array([1, 1]))
    array([1, 3, 2])
    """
    if a.size == 0 or b.size == 0:
        a, b = arith.exact_pair(a, b, terms=1)
        return np.zeros((0,) * a.ndim, dtype=np.result_type(a, b))
    terms = min(a.size, b.size)
    a, b = arith.exact_pair(a, b, terms=terms)
    if a.ndim == 1:
        return np.convolve(a, b)
    if a.dtype.kind in "fc" or b.dtype.kind in "fc":
        return _ndimage_full(a, b)
    if a.dtype != object and b.dtype != object:
        if arith.max_abs(a) * arith.max_abs(b) * terms < FLOAT_EXACT_INT:
            return np.rint(_ndimage_full(a.astype(np.float64), b.astype(np.float64))).astype(
                np.int64)
        return scipy.signal.convolve(a, b, method="direct")
    small, big = (a, b) if a.size <= b.size else (b, a)
    out = np.zeros(tuple(m + n - 1 for m, n in zip(a.shape, b.shape)), dtype=object)
    for index in np.ndindex(small.shape):
        v = small[index]
        if v != 0:
            out[tuple(slice(i, i + n) for i, n in zip(index, big.shape))] += v * big
    return out


def _ndimage_full(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The full convolution of numeric arrays by ``scipy.ndimage.correlate``, N-D.

    ``a`` is zero-padded at the end of every axis by ``len(b) - 1``; correlating with the
    flipped ``b`` at the largest origin puts ``full[i] = sum_j a[i - j] b[j]`` at ``i``.
    ndimage conjugates complex weights, so a complex kernel is conjugated first.
    """
    if a.size < b.size:
        a, b = b, a
    dtype = np.result_type(a, b)
    padded = np.pad(a.astype(dtype, copy=False), [(0, n - 1) for n in b.shape])
    w = b[(slice(None, None, -1),) * b.ndim]
    if w.dtype.kind == "c":
        w = w.conj()
    return scipy.ndimage.correlate(padded, w.astype(dtype, copy=False), mode="constant",
                                   origin=[(n - 1) // 2 for n in b.shape])


def pair_sum(f: Function, g: Function) -> dict:
    """``{c: sum of f(a) g(b) over a . b = c}`` over the two supports.

    Examples
    --------
    >>> import algconv as ac
    >>> f = ac.Function({1: 2, 2: 1}, over=ac.Multiplicative())
    >>> pair_sum(f, f)
    {1: 4, 2: 4, 4: 1}
    """
    op = f.over.op
    g_items = list(g._items())
    h: dict = {}
    for a, fa in f._items():
        for b, gb in g_items:
            c = op(a, b)
            h[c] = h[c] + fa * gb if c in h else fa * gb
    return h


class DirectEngine(Engine):
    """``sum over a . b = c of f(a) g(b)``, literally; applies to every structure.

    Examples
    --------
    >>> import algconv as ac
    >>> W = ac.FreeMonoid("ab")
    >>> f = ac.Function({"a": 1, "b": 2}, over=W)
    >>> ac.convolve(f, f, method="direct").to_dict()
    {'aa': 1, 'ab': 2, 'ba': 2, 'bb': 4}
    """

    name = "direct"
    exact = True
    summary = "the a.b=c sum over pairs of supports (any monoid)"

    def _lattice(self, p: Problem) -> bool:
        return p.dense and p.over.dense_layout == "lattice"

    def cost(self, p: Problem) -> float:
        if not self._lattice(p):
            return p.pairs * SECONDS_PER_PAIR
        kind, pairs = p.kind, p.pairs
        a, b = p.f._array, p.g._array
        bound = arith.max_abs(a) * arith.max_abs(b) * min(a.size, b.size) if (
            kind == "int") else 0
        if kind in ("rational", "object") or a.dtype.kind == "O" or b.dtype.kind == "O" or (
                bound > arith.INT64_MAX):
            return pairs * SECONDS_PER_OBJECT_TERM
        if a.ndim == 1:
            if kind == "int":
                return DIRECT_OVERHEAD_1D + pairs * SECONDS_PER_INT_TERM_1D
            per = SECONDS_PER_FLOAT_TERM_1D + SECONDS_PER_FLOAT_OUTPUT_1D / max(
                min(a.size, b.size), 16)
            return DIRECT_OVERHEAD_1D + pairs * per
        if bound >= FLOAT_EXACT_INT:
            return DIRECT_OVERHEAD_ND + pairs * SECONDS_PER_SIGNAL_TERM
        # ndimage visits every entry of the padded full output once per kernel entry
        terms = p.full_size() * min(a.size, b.size)
        return DIRECT_OVERHEAD_ND + terms * SECONDS_PER_NDIMAGE_TERM * (
            2 if kind == "complex" else 1)

    def memory(self, p: Problem) -> float:
        if p.f._array is not None and p.g._array is not None and (
                p.over.dense_layout == "lattice"):
            return 2.0 * p.full_size() * p.itemsize
        return 200.0 * min(p.pairs, 10**9)

    def run(self, p: Problem) -> Function:
        if self._lattice(p):
            return lattice_result(lattice_direct(p.f._array, p.g._array), p)
        return Function._from_dict(pair_sum(p.f, p.g), p.over)
