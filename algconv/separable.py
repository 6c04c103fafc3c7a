r"""Separable kernels: a kernel of rank 1 is the outer product of 1-D factors.

A box, a Gaussian or Sobel's kernel is ``K = f_0 (x) f_1 (x) ... (x) f_{d-1}``; convolving
with it is convolving with each factor in turn along its axis, ``sum(k_i)`` terms per
point instead of ``prod(k_i)``.  ``factors(K)`` finds the factors cheaply: the line of
``K`` through its largest entry along every axis, normalised by that entry, and one
outer product to check them against ``K``.  Floats pass when the product reproduces
every entry to ``ULPS`` units in the last place of ``max|K|``; ints and Fractions only
when it reproduces them exactly (every 2x2 minor is zero), with integer factors for
integer kernels.

Examples
--------
>>> fs = factors(np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]]))  # Sobel
>>> [f.tolist() for f in fs]
[[1, 2, 1], [1, 0, -1]]
>>> factors(np.array([[1.0, 2.0], [3.0, 4.0]])) is None
True
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

__all__ = ["factors", "outer", "ULPS"]

#: a float kernel is taken as separable when the outer product of its factors is within
#: ``ULPS * eps * max|K|`` of every entry: the rounding of the product itself
ULPS = 8


def outer(fs: list[np.ndarray]) -> np.ndarray:
    """The outer product ``f_0 (x) f_1 (x) ...`` of 1-D arrays (object arrays stay exact).

    >>> outer([np.array([1, 2]), np.array([1, 0, -1])])
    array([[ 1,  0, -1],
           [ 2,  0, -2]])
    """
    out = fs[0]
    for f in fs[1:]:
        out = np.multiply.outer(out, f)
    return out


def factors(kernel: np.ndarray) -> list[np.ndarray] | None:
    """The 1-D factors of a rank-1 kernel with two or more axes longer than 1, else None.

    Float (real) kernels: factors in the kernel's dtype, the first holding the kernel's
    own line through its largest entry.  Int kernels (numpy or Python ints): int64
    factors, exact (None past 2**62).  Fraction kernels: exact factors as object arrays.  Complex, sympy and non-finite
    kernels are never split.

    Examples
    --------
    >>> g = np.array([1.0, 4.0, 6.0, 4.0, 1.0]) / 16
    >>> fs = factors(np.outer(g, g))  # a binomial (Gaussian-like) kernel
    >>> np.allclose(outer(fs), np.outer(g, g)), float(fs[1].max())  # the pivot's entry is 1
    (True, 1.0)
    """
    if kernel.ndim < 2 or sum(n > 1 for n in kernel.shape) < 2 or kernel.size == 0:
        return None
    kind = kernel.dtype.kind
    if kind == "f":
        return _float_factors(kernel)
    if kind in "iu":
        return _int_factors(kernel.astype(object)) if kernel.dtype.itemsize <= 8 else None
    values = kernel.ravel().tolist() if kind == "O" else []
    if kind == "O" and all(type(v) is int for v in values):
        return _int_factors(kernel)
    if kind == "O" and all(type(v) in (int, Fraction) for v in values):
        return _exact_factors(kernel)
    return None


def _pivot(kernel: np.ndarray) -> tuple:
    return np.unravel_index(int(np.argmax(np.abs(kernel))), kernel.shape)


def _lines(kernel: np.ndarray, pivot: tuple) -> list[np.ndarray]:
    """The line of ``kernel`` through ``pivot`` along every axis."""
    lines = []
    for ax in range(kernel.ndim):
        index = list(pivot)
        index[ax] = slice(None)
        lines.append(kernel[tuple(index)])
    return lines


def _float_factors(kernel: np.ndarray) -> list[np.ndarray] | None:
    with np.errstate(all="ignore"):
        peak = float(np.max(np.abs(kernel)))
    if not math.isfinite(peak) or peak == 0.0:
        return None
    pivot = _pivot(kernel)
    lines = _lines(kernel, pivot)
    top = kernel[pivot]
    fs = [lines[0]] + [line / top for line in lines[1:]]
    tolerance = ULPS * np.finfo(kernel.dtype).eps * peak
    if np.max(np.abs(outer(fs) - kernel)) > tolerance:
        return None
    return [np.ascontiguousarray(f) for f in fs]


def _exact_factors(kernel: np.ndarray) -> list[np.ndarray] | None:
    """Exact factors of an object kernel of ints and Fractions (all 2x2 minors zero)."""
    pivot = _pivot(kernel)
    top = kernel[pivot]
    if top == 0:
        return None
    lines = _lines(kernel, pivot)
    fs = [lines[0]] + [np.array([Fraction(v) / top for v in line], dtype=object)
                       for line in lines[1:]]
    fs = [np.array([v.numerator if isinstance(v, Fraction) and v.denominator == 1 else v
                    for v in f], dtype=object) for f in fs]
    return fs if bool(np.all(outer(fs) == kernel)) else None


def _int_factors(kernel: np.ndarray) -> list[np.ndarray] | None:
    """int64 factors of an integer kernel (an object array of ints) of rank 1, or None.

    Along axis 0 the factor is the pivot's line divided by the gcd of its entries (a
    primitive vector ``p``); the rest of the kernel is then the integer array
    ``K[i] / p[i]`` of one axis fewer, factored the same way.  One outer product checks
    the result exactly.
    """
    out, rest = [], kernel
    while rest.ndim > 1:
        pivot = _pivot(rest)
        line = _lines(rest, pivot)[0]
        g = math.gcd(*(int(v) for v in line))
        if g == 0:
            return None
        p = np.array([int(v) // g for v in line], dtype=object)
        out.append(p)
        rest = rest[pivot[0]] // p[pivot[0]]
    out.append(rest)
    if not bool(np.all(outer(out) == kernel)):
        return None
    if any(int(np.max(np.abs(f))) > 2**62 for f in out):
        return None
    return [f.astype(np.int64) for f in out]
