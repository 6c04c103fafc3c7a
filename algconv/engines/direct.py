"""The direct engine: the defining sum over pairs ``a . b = c``, for any monoid.

Two paths, both exact for exact values, and both multiplying *every* stored value (a
weight of 1e-17 is a weight, and ``inf * 0`` is ``nan``, as in
``scipy.signal.convolve(..., method='direct')``):

* dense arrays on Z, Z^d and N: the sum of shifted copies (``numpy.convolve`` in 1-D, one
  multiply-add of the larger array per entry of the smaller one in N-D), in ``int64`` only
  while a bound proves no overflow, else in Python ints; floats keep their dtype (long
  doubles stay long double; float16 is summed in float32 and returned as float16);
* everything else: a loop over pairs of the two supports, accumulating ``f(a) g(b)`` at
  ``op(a, b)``; dense inputs that hold inf or NaN loop over every stored entry, zeros
  included, so that ``inf * 0`` gives ``nan`` exactly where the dense sum does.  This is
  the reference every other engine is tested against.
"""

from __future__ import annotations

import math

import numpy as np

from .. import arith
from ..function import Function, trusted_dense, trusted_dict, view
from .base import Engine, Problem, float_work_dtype, lattice_result

__all__ = ["DirectEngine", "lattice_direct", "pair_sum"]

#: seconds per multiply-add, measured on the 2-core machine (best of 5, process CPU time):
#: numpy.convolve on float64 takes 0.84e-10 per term with a kernel of 256 or more, 1.3e-10
#: at 64, 3.5e-10 at 16 (per-output work dominates short kernels): fitted as
#: 0.85e-10 + 4e-9 / max(kernel, 16); on int64 4e-10.  The N-D shifted adds (float64, in
#: blocks of rows): 1.1e-9 per term at 128^2 x 31^2 and 512^2 x 15^2, 1.2e-9 at
#: 2048^2 x 3^2 and 50^3 x 3^3, 2e-9 at 64^2 x 64^2, plus ~2 us per shift and ~5 us per call
#: (2^2 x 1^2: 9 us over the 1-D call, 2^2 x 3^2: 17 us more, fft on 2^2: 75 us over it, all
#: under load 12, i.e. about twice the idle figures the fft constants were measured at)
SECONDS_PER_FLOAT_TERM_1D = 0.85e-10
SECONDS_PER_FLOAT_OUTPUT_1D = 4e-9
SECONDS_PER_INT_TERM_1D = 4.0e-10
SECONDS_PER_SHIFT_TERM = 1.3e-9
SECONDS_PER_SHIFT = 2e-6
SECONDS_PER_OBJECT_TERM = 1.5e-7
SECONDS_PER_PAIR = 4e-7
#: bytes of output rows the N-D shifted adds fill at a time (a block stays in cache)
BLOCK_BYTES = 1 << 20
#: fixed seconds per call (numpy.convolve ~1.3 us, the N-D shifted adds ~5 us)
DIRECT_OVERHEAD_1D = 1.5e-6
DIRECT_OVERHEAD_ND = 5e-6


def lattice_direct(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The full convolution of two same-ndim arrays, exact for exact values.

    Every entry of both arrays is multiplied, however small (``scipy.ndimage`` would drop
    weights below 2.2e-16).

    >>> lattice_direct(np.array([1, 2]), np.array([1, 1]))
    array([1, 3, 2])
    >>> lattice_direct(np.ones((1, 2)), np.full((1, 1), 1e-17))
    array([[1.e-17, 1.e-17]])
    """
    if a.size == 0 or b.size == 0:
        a, b = arith.exact_pair(a, b, terms=1)
        return np.zeros((0,) * a.ndim, dtype=np.result_type(a, b))
    a, b = arith.exact_pair(a, b, terms=min(a.size, b.size))
    dtype = np.result_type(a, b)
    work = float_work_dtype(dtype)
    if work != dtype:
        a, b = a.astype(work), b.astype(work)
    if a.ndim == 1:
        with np.errstate(invalid="ignore"):
            out = np.convolve(a, b)
    else:
        out = _shifted_adds(a, b, work)
    return out.astype(dtype, copy=False)


def _shifted_adds(a: np.ndarray, b: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """``sum_j b[j] a[. - j]``: one multiply-add of the larger array per entry of the smaller.

    Exact values skip zero entries (nothing to add); floats multiply every entry, so that
    inf and NaN meet zeros as in the dense sum.  Numeric outputs are built in blocks of
    rows of about ``BLOCK_BYTES``, every shift added to a block while it is in cache (2x
    faster than whole-array passes at 2048^2 x 3^2).
    """
    small, big = (a, b) if a.size <= b.size else (b, a)
    shape = tuple(m + n - 1 for m, n in zip(a.shape, b.shape))
    out = np.zeros(shape, dtype=dtype)
    if dtype == object:
        for index in np.ndindex(small.shape):
            v = small[index]
            if v != 0:
                out[tuple(slice(i, i + n) for i, n in zip(index, big.shape))] += v * big
        return out
    rows = max(BLOCK_BYTES // max(math.prod(big.shape[1:]) * dtype.itemsize, 1), 1)
    tmp = np.empty((min(rows, big.shape[0]),) + big.shape[1:], dtype=dtype)
    shifts = [(index, small[index]) for index in np.ndindex(small.shape)]
    with np.errstate(invalid="ignore"):  # inf * 0 is NaN, as in the dense sum
        for top in range(0, shape[0], rows):
            bottom = min(top + rows, shape[0])
            for (first, *rest), v in shifts:
                lo, hi = max(top - first, 0), min(bottom - first, big.shape[0])
                if lo < hi:
                    t = np.multiply(big[lo:hi], v, out=tmp[: hi - lo])
                    out[(slice(lo + first, hi + first), *(slice(i, i + n) for i, n in
                                                          zip(rest, big.shape[1:])))] += t
    return out


def pair_sum(f: Function, g: Function, every: bool = False) -> dict:
    """``{c: sum of f(a) g(b) over a . b = c}`` over the two supports.

    With ``every=True`` a dense Function contributes every stored entry, zeros included
    (a dict-stored one its support): the dense sum's rule, which matters only for inf and
    NaN (``inf * 0``).

    Examples
    --------
    >>> import algconv as ac
    >>> f = ac.Function({1: 2, 2: 1}, over=ac.Multiplicative())
    >>> pair_sum(f, f)
    {1: 4, 2: 4, 4: 1}
    """
    op = f.over.op
    fv, gv = view(f), view(g)
    g_items = gv.stored_items() if every else list(gv.items())
    h: dict = {}
    for a, fa in (fv.stored_items() if every else fv.items()):
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
    keeps_nonfinite = True
    summary = "the a.b=c sum over pairs of supports (any monoid)"

    def _lattice(self, p: Problem) -> bool:
        return p.dense and p.over.dense_layout == "lattice"

    def cost(self, p: Problem) -> float:
        if not self._lattice(p):
            return p.pairs * SECONDS_PER_PAIR
        kind, pairs = p.kind, p.pairs
        a, b = p.fv.array, p.gv.array
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
        return DIRECT_OVERHEAD_ND + min(a.size, b.size) * SECONDS_PER_SHIFT + (
            pairs * SECONDS_PER_SHIFT_TERM * (2 if kind == "complex" else 1))

    def memory(self, p: Problem) -> float:
        if p.fv.array is not None and p.gv.array is not None and (
                p.over.dense_layout == "lattice"):
            return 2.0 * p.full_size() * p.itemsize
        return 200.0 * min(p.pairs, 10**9)

    def run(self, p: Problem) -> Function:
        if self._lattice(p):
            return lattice_result(lattice_direct(p.fv.array, p.gv.array), p)
        h = trusted_dict(pair_sum(p.f, p.g, every=not p.finite), p.over)
        if p.dense and p.kind in ("float", "complex"):  # the dtype every engine gives
            dtype = np.result_type(p.fv.array, p.gv.array)
            array, start = view(h).dense()
            return trusted_dense(array.astype(dtype), p.over, start)
        return h
