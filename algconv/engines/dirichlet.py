r"""Dirichlet convolution on ``Multiplicative()`` by a divisor sieve.

``(f * g)(m) = sum over d k = m of f(d) g(k)``.  Arrays hold ``f(start + i)`` at index
``i`` (``start = 1`` for ``ac.convolve_dirichlet``, which lives in ``algconv.named`` and
hands off to :func:`dirichlet_prefix`).  The sieve adds, for one divisor ``d``
at a time, ``f(d) * g(k)`` for *all* ``k`` at once into the strided slice ``d*k``; the
hyperbola trick loops over ``d <= sqrt(N)`` with every ``k``, then over ``k <= sqrt(N)``
with the ``d > sqrt(N)`` — ``2 sqrt(N)`` numpy calls and ``O(N log N)`` additions for the
first ``N`` values.  Exact for integers (int64 under a proven bound, else Python ints),
Fractions (as integers over a common denominator) and sympy values; floats and complex
follow numpy.
"""

from __future__ import annotations

import math

import numpy as np

from .. import arith
from .._kernels import nonzero_positions, via_integers
from ..function import Function, View, trusted_dense, trusted_dict
from ..structures.numbers import Multiplicative
from .base import Engine, Problem

__all__ = ["DirichletEngine", "dirichlet_prefix", "full_product"]

#: seconds per numpy call and per strided multiply-add, measured with
#: algconv/benchmark/transforms.py (algconv bench) (N = 1e6 ints: 19 ms for ~1.3e7 terms, best of 3;
#: 1e4 Python ints: 13 ms), on the 2-core machine
SECONDS_PER_CALL = 2e-6
SECONDS_PER_TERM = 1.5e-9
SECONDS_PER_OBJECT_TERM = 1.3e-7
#: seconds per output entry (allocation and zero filling)
SECONDS_PER_ENTRY = 1e-9


def dirichlet_prefix(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """The first ``n`` values of ``f * g`` from ``a[i] = f(i + 1)``, ``b[i] = g(i + 1)``.

    Both arrays must have at least ``n`` entries; values are cast for exactness here.

    >>> dirichlet_prefix(np.ones(6, dtype=int), np.ones(6, dtype=int), 6)  # divisor counts
    array([1, 2, 2, 3, 2, 4])
    """
    a, b = a[:n], b[:n]
    rational = via_integers(lambda x, y: dirichlet_prefix(x, y, n), a, b)
    if rational is not None:
        return rational
    s = math.isqrt(n)
    # every m <= n has at most 2 sqrt(n) divisors, so 2 sqrt(n) products bound each entry
    a, b = arith.exact_pair(a, b, terms=2 * s)
    out = np.zeros(n, dtype=np.result_type(a, b))
    for i in nonzero_positions(a[:s]):  # d = i + 1 <= sqrt(n), every k
        d = i + 1
        out[i::d] += a[i] * b[: n // d]
    for j in nonzero_positions(b[:s]):  # k = j + 1 <= sqrt(n), d > sqrt(n)
        k = j + 1
        m = n // k
        if m > s:
            out[(s + 1) * k - 1 :: k] += b[j] * a[s:m]
    return out


# --- the engine on Functions -------------------------------------------------------------------


def _extent(h: View) -> tuple[int, int]:
    """``(first, last)`` element of the stored range (``last < first`` when empty)."""
    if h.is_dense:
        first = h.start[0]
        return first, first + len(h.array) - 1
    if not h.mapping:
        return 1, 0
    return min(h.mapping), max(h.mapping)


def _extents(p: Problem) -> tuple[int, int, int, int, int]:
    (sf, ef), (sg, eg) = _extent(p.fv), _extent(p.gv)
    return sf, ef, sg, eg, max(ef * eg - sf * sg + 1, 0) if ef >= sf and eg >= sg else 0


def full_product(a: np.ndarray, start_a: int, b: np.ndarray, start_b: int) -> np.ndarray:
    """Every value of ``f * g`` from ``start_a * start_b`` to the product of the last elements.

    >>> full_product(np.array([1, 1]), 1, np.array([1, 1]), 1)  # (1 + 2^-s)^2 on 1..4
    array([1, 2, 0, 1])
    """
    rational = via_integers(lambda x, y: full_product(x, start_a, y, start_b), a, b)
    if rational is not None:
        return rational
    if len(b) > len(a):
        a, start_a, b, start_b = b, start_b, a, start_a
    base = start_a * start_b
    length = (start_a + len(a) - 1) * (start_b + len(b) - 1) - base + 1
    a, b = arith.exact_pair(a, b, terms=len(b))
    out = np.zeros(length, dtype=np.result_type(a, b))
    for j in nonzero_positions(b):  # loop over the shorter operand
        k = start_b + j
        first = start_a * k - base
        out[first : first + k * (len(a) - 1) + 1 : k] += b[j] * a
    return out


class DirichletEngine(Engine):
    """Divisor sieve on ``Multiplicative()``: one strided numpy add per element of the
    shorter operand; the dense result runs from ``min f * min g`` to ``max f * max g``.

    Examples
    --------
    >>> import algconv as ac
    >>> one = ac.Function.from_array([1] * 6, over=ac.Multiplicative())
    >>> d = ac.convolve(one, one, method="dirichlet")
    >>> [d(n) for n in range(1, 7)]  # the number of divisors
    [1, 2, 2, 3, 2, 4]
    """

    name = "dirichlet"
    exact = True
    summary = "divisor sieve, one strided add per element (Multiplicative)"

    def applies(self, p: Problem) -> str | None:
        if not isinstance(p.over, Multiplicative):
            return f"it needs over=Multiplicative(), but over={p.over!r}"
        return None

    def cost(self, p: Problem) -> float:
        sf, ef, sg, eg, length = _extents(p)
        short, long = sorted((max(ef - sf + 1, 0), max(eg - sg + 1, 0)))
        per = SECONDS_PER_OBJECT_TERM if p.kind in ("rational", "object") else SECONDS_PER_TERM
        return short * SECONDS_PER_CALL + short * long * per + length * SECONDS_PER_ENTRY

    def memory(self, p: Problem) -> float:
        sf, ef, sg, eg, length = _extents(p)
        return (length + 2 * max(ef - sf + 1, 0) + 2 * max(eg - sg + 1, 0)) * p.itemsize

    def run(self, p: Problem) -> Function:
        if _extents(p)[4] == 0:
            return trusted_dict({}, p.over)
        a, (sa,) = p.fv.dense()
        b, (sb,) = p.gv.dense()
        return trusted_dense(full_product(a, sa, b, sb), p.over, (sa * sb,))
