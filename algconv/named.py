r"""The named array entry points: each validates its arrays and hands off.

* ``convolve_xor``, ``convolve_or``, ``convolve_and``, ``convolve_subset``: arrays of
  length ``2**n`` indexed by bitmask, handed to the transform cores of
  ``algconv.engines.transforms`` (exact for ints, Fractions and sympy values);
* ``convolve_cyclic``: circular convolution, handed to :func:`algconv.convolve` over
  ``Cyclic(n)`` (or a product of cyclics);
* ``convolve_dirichlet``: the first values of two arithmetic functions, handed to the
  divisor sieve of ``algconv.engines.dirichlet``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from . import arith, config
from .dispatch import convolve
from .engines.dirichlet import dirichlet_prefix
from .engines.transforms import subset_core, xor_core, zeta_core
from .errors import InvalidArgument, StructureMismatch
from .structures.finite import Cyclic
from .structures.product import product
from .validation import as_value_array, as_value_vector, check_int

__all__ = [
    "convolve_xor",
    "convolve_or",
    "convolve_and",
    "convolve_subset",
    "convolve_cyclic",
    "convolve_dirichlet",
]


# --- validation --------------------------------------------------------------------------------


def _log2_length(length: int, name: str) -> int:
    n = length.bit_length() - 1
    if length < 1 or length != 1 << n:
        raise StructureMismatch(
            f"Got {name} of length {length}, but expected a length 2**n (1, 2, 4, 8, ...): "
            "index i is the subset of {0..n-1} with the bits of i"
        )
    return n


def _operands(f: Any, g: Any, what: str) -> tuple[np.ndarray, np.ndarray, int]:
    expected = f"{what} takes 1-D arrays of length 2**n"
    a, b = as_value_vector(f, "f", expected), as_value_vector(g, "g", expected)
    n = _log2_length(len(a), "f")
    _log2_length(len(b), "g")
    if len(a) != len(b):
        raise StructureMismatch(
            f"Got f of length {len(a)} and g of length {len(b)}, but {what} needs equal "
            "lengths 2**n"
        )
    return a, b, n


#: working arrays of the length of the input, counted by ``_check_memory``: the inputs,
#: their cast copies, the transform temporaries and the result (numpy peak measured at
#: 5 arrays for XOR / OR of 2**20 int64, ``benchmarks/calibrate_costs.py --memory``); the
#: subset convolution holds two ranked transforms of ``n + 1`` rows each on top
TRANSFORM_COPIES = 6


def _subset_copies(n: int) -> int:
    return 2 * (n + 2) + TRANSFORM_COPIES


def _check_memory(a: np.ndarray, b: np.ndarray, n: int, what: str, copies: int) -> None:
    """Refuse before transforming when ``copies`` working arrays would exceed the limit."""
    per = config.pair_value_bytes(a, b, terms=1 << n)
    config.check_memory(float(1 << n) * copies * per, f"{what} on 2**{n} values")



# --- bitmask convolutions ------------------------------------------------------------------------


def convolve_xor(f: Any, g: Any) -> np.ndarray:
    r"""Convolve over the Boolean group ``({0,1}^n, XOR)``.

    Parameters
    ----------
    f, g : array_like, shape (2**n,)
        Values indexed by bitmask.

    Returns
    -------
    ndarray, shape (2**n,)
        ``h[c] = sum(f[a] * g[b] for a ^ b == c)``; exact for integer input (int64 when a
        bound proves it fits, else Python ints), Fractions and sympy values.

    Raises
    ------
    StructureMismatch
        If ``len(f) != len(g)``, an array is not 1-D, or the length is not a power of two.

    See Also
    --------
    convolve_or, convolve_and, convolve_subset, algconv.BooleanGroup

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \oplus b = c} f(a)\, g(b)

    Computed with the Walsh-Hadamard transform :math:`\hat f(s) = \sum_a (-1)^{|a \wedge s|}
    f(a)` in :math:`O(n 2^n)`: :math:`h = 2^{-n} H(\hat f \hat g)`.

    Examples
    --------
    >>> ac.convolve_xor([1, 2, 0, 0], [0, 1, 0, 0])
    array([2, 1, 0, 0])
    >>> from fractions import Fraction
    >>> ac.convolve_xor([Fraction(1, 2), 0], [1, 3])
    array([Fraction(1, 2), Fraction(3, 2)], dtype=object)
    """
    a, b, n = _operands(f, g, "convolve_xor")
    _check_memory(a, b, n, "convolve_xor", TRANSFORM_COPIES)
    return xor_core(a, b, n)


def convolve_or(f: Any, g: Any) -> np.ndarray:
    r"""Convolve over subsets under union: ``h[c] = sum(f[a] * g[b] for a | b == c)``.

    This is convolution on ``SubsetMonoid(n)`` (sympy calls it the covering product).

    Parameters
    ----------
    f, g : array_like, shape (2**n,)
        Values indexed by bitmask.

    Returns
    -------
    ndarray, shape (2**n,)
        Exact for integer, Fraction and sympy input.

    Raises
    ------
    StructureMismatch
        If ``len(f) != len(g)``, an array is not 1-D, or the length is not a power of two.

    See Also
    --------
    convolve_and, convolve_subset, convolve_xor, algconv.SubsetMonoid

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \cup b = c} f(a)\, g(b)

    The zeta transform :math:`\hat f(s) = \sum_{a \subseteq s} f(a)` turns it into a
    pointwise product; Moebius inversion gives :math:`h`.  :math:`O(n 2^n)`.

    Examples
    --------
    >>> ac.convolve_or([1, 1, 0, 0], [0, 0, 1, 1])
    array([0, 0, 1, 3])
    """
    a, b, n = _operands(f, g, "convolve_or")
    _check_memory(a, b, n, "convolve_or", TRANSFORM_COPIES)
    return zeta_core(a, b, n, supersets=False)


def convolve_and(f: Any, g: Any) -> np.ndarray:
    r"""Convolve over subsets under intersection: ``h[c] = sum(f[a] * g[b] for a & b == c)``.

    Parameters
    ----------
    f, g : array_like, shape (2**n,)
        Values indexed by bitmask.

    Returns
    -------
    ndarray, shape (2**n,)
        Exact for integer, Fraction and sympy input.

    Raises
    ------
    StructureMismatch
        If ``len(f) != len(g)``, an array is not 1-D, or the length is not a power of two.

    See Also
    --------
    convolve_or, convolve_subset, convolve_xor

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \cap b = c} f(a)\, g(b)

    By the zeta transform over supersets :math:`\hat f(s) = \sum_{a \supseteq s} f(a)` and
    its Moebius inversion; sympy calls it the intersecting product.  :math:`O(n 2^n)`.

    Examples
    --------
    >>> ac.convolve_and([0, 1, 0, 2], [0, 0, 1, 1])
    array([1, 1, 2, 2])
    """
    a, b, n = _operands(f, g, "convolve_and")
    _check_memory(a, b, n, "convolve_and", TRANSFORM_COPIES)
    return zeta_core(a, b, n, supersets=True)


def convolve_subset(f: Any, g: Any) -> np.ndarray:
    r"""Subset convolution: the union of *disjoint* sets, ``h[c] = sum(f[a] * g[c ^ a])``.

    The sum runs over the subsets ``a`` of ``c`` (``a & b == 0`` and ``a | b == c``).

    Parameters
    ----------
    f, g : array_like, shape (2**n,)
        Values indexed by bitmask.

    Returns
    -------
    ndarray, shape (2**n,)
        Exact for integer, Fraction and sympy input.

    Raises
    ------
    StructureMismatch
        If ``len(f) != len(g)``, an array is not 1-D, or the length is not a power of two.

    See Also
    --------
    convolve_or, convolve_and, convolve_xor

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \subseteq c} f(a)\, g(c \setminus a)

    By the ranked zeta transform (Bjorklund, Husfeldt, Kaski, Koivisto 2007): the zeta
    transforms of ``f`` and ``g`` split by the size of the set are multiplied as
    polynomials in the rank, and the rank-``|c|`` part is Moebius-inverted, in
    :math:`O(n^2 2^n)` instead of the :math:`O(3^n)` of the direct sum.

    Examples
    --------
    >>> ac.convolve_subset([1, 1, 1, 1], [1, 1, 1, 1])
    array([1, 2, 2, 4])
    """
    a, b, n = _operands(f, g, "convolve_subset")
    _check_memory(a, b, n, "convolve_subset", _subset_copies(n))
    return subset_core(a, b, n)


# --- circular convolution ---------------------------------------------------------------------


def convolve_cyclic(f: Any, g: Any, *, period: int | None = None,
                    method: str = "auto") -> np.ndarray:
    r"""Circular convolution: convolution over ``Z/n``.

    Parameters
    ----------
    f, g : array_like, shape (n,), or 1-D of any lengths with ``period``
        Values at ``0, 1, ..., n - 1``.  Without ``period`` both must have one shape; two
        N-D arrays of one shape ``(n_1, ..., n_d)`` are convolved circularly along every
        axis (over ``Cyclic(n_1) x ... x Cyclic(n_d)``).
    period : int, optional
        Wrap 1-D inputs of any lengths onto ``Z/period`` first (``f[i]`` is added at
        ``i % period``), as sympy's ``convolution(f, g, cycle=period)``; ``period`` may
        exceed both lengths.
    method : {'auto', 'fft', 'exact', 'direct', 'table'}
        As for :func:`convolve`.

    Returns
    -------
    ndarray, shape ``(period,)`` or the shape of ``f``
        ``h[c] = sum(f[a] * g[b] for (a + b) % n == c)``; exact for int and Fraction input.

    Raises
    ------
    StructureMismatch
        If the shapes differ and no ``period`` is given, or ``period`` comes with N-D arrays.
    InvalidArgument
        For empty or 0-dimensional arrays without ``period``, or ``period < 1``.
    InvalidType
        A ``period`` that is not an int.

    See Also
    --------
    convolve : ``convolve(f, g, over=ac.Cyclic(n))`` is the same for equal lengths ``n``.

    Notes
    -----
    .. math:: h(c) = \sum_{a + b \equiv c \pmod n} f(a)\, g(b)

    Wrapping first and convolving on ``Z/n`` equals the linear convolution folded modulo
    ``n``, because reduction mod ``n`` is a homomorphism ``Z -> Z/n``.

    Examples
    --------
    >>> ac.convolve_cyclic([1, 2, 3], [0, 1, 0])
    array([3, 1, 2])
    >>> ac.convolve_cyclic([1.0, 0, 0, 1], [1, 1, 0, 0])
    array([2., 1., 0., 1.])
    >>> ac.convolve_cyclic([1, 2, 3], [4, 5, 6], period=3)  # sympy: convolution(..., cycle=3)
    array([31, 31, 28])
    >>> ac.convolve_cyclic([1, 2], [1, 1, 1], period=5)  # longer than both: no wrap-around
    array([1, 3, 3, 2, 0])
    """
    a = as_value_array(f, "f")
    b = as_value_array(g, "g")
    if period is not None:
        n = check_int(period, "period", minimum=1)
        return convolve(_wrapped(a, n, "f"), _wrapped(b, n, "g"), over=Cyclic(n),
                        method=method)
    if a.shape != b.shape:
        raise StructureMismatch(
            f"Got f with shape {a.shape} and g with shape {b.shape}, but convolve_cyclic "
            "needs equal shapes (equal lengths n), or period=n to wrap them onto Z/n"
        )
    if a.ndim == 0 or a.size == 0:
        raise InvalidArgument(
            f"Got arrays of shape {a.shape}, but convolve_cyclic needs length n >= 1"
        )
    over = Cyclic(a.shape[0]) if a.ndim == 1 else product(*(Cyclic(n) for n in a.shape))
    return convolve(a, b, over=over, method=method)


def _wrapped(x: np.ndarray, n: int, name: str) -> np.ndarray:
    """A 1-D ``x`` of any length folded onto ``Z/n``: entry ``i`` is ``sum(x[i::n])``, exactly."""
    if x.ndim != 1:
        raise StructureMismatch(
            f"Got {name} with shape {x.shape}, but period= wraps 1-D arrays onto Z/period"
        )
    rows = -(-len(x) // n) or 1
    if x.dtype.kind in "iu" and arith.max_abs(x) * rows > arith.INT64_MAX:
        x = arith.to_object(x)  # the folded sums would overflow int64
    padded = np.zeros(rows * n, dtype=x.dtype)
    padded[: len(x)] = x
    return padded.reshape(rows, n).sum(axis=0)


# --- Dirichlet convolution --------------------------------------------------------------------

#: working arrays of length N in ``dirichlet_prefix``: both inputs and their casts, the result and
#: one product temporary
DIRICHLET_COPIES = 5


def convolve_dirichlet(f: Any, g: Any) -> np.ndarray:
    r"""Dirichlet convolution of two arithmetic functions given by their first values.

    Parameters
    ----------
    f, g : array_like, 1-D
        ``f[i]`` holds ``f(i + 1)`` (as ``Function.from_array(..., start=1)`` does on
        ``Multiplicative()``).

    Returns
    -------
    ndarray, shape (min(len(f), len(g)),)
        ``h[m - 1] = sum(f(d) g(m // d) for d dividing m)``: every entry is complete, because
        the divisors of ``m`` never exceed ``m``.  Exact for integers (int64 when a bound
        proves it fits, else Python ints), Fractions and sympy values.

    Raises
    ------
    StructureMismatch
        If an array is not 1-D.
    InvalidType
        If the values are not numbers.

    See Also
    --------
    algconv.Multiplicative, algconv.inverse

    Notes
    -----
    .. math:: (f * g)(m) = \sum_{d k = m} f(d)\, g(k)

    A divisor sieve, vectorised per divisor: for ``d <= sqrt(N)`` the values ``f(d) g(k)``
    for every ``k`` go into the strided slice of indices ``d k``, then the same for
    ``k <= sqrt(N)`` and ``d > sqrt(N)``: ``O(N log N)`` work in ``2 sqrt(N)`` numpy calls.

    Examples
    --------
    Summing the constant 1 against itself counts divisors; against the Moebius function
    it gives the identity:

    >>> ac.convolve_dirichlet([1] * 8, [1] * 8)
    array([1, 2, 2, 3, 2, 4, 2, 4])
    >>> ac.convolve_dirichlet([1] * 8, [1, -1, -1, 0, -1, 1, -1, 0])
    array([1, 0, 0, 0, 0, 0, 0, 0])
    """
    a = as_value_vector(f, "f", "convolve_dirichlet takes 1-D arrays with f[i] = f(i + 1)")
    b = as_value_vector(g, "g", "convolve_dirichlet takes 1-D arrays with g[i] = g(i + 1)")
    n = min(len(a), len(b))
    config.check_memory(float(n) * DIRICHLET_COPIES * config.pair_value_bytes(
        a[:n], b[:n], terms=2 * math.isqrt(n)), f"convolve_dirichlet of {n} values")
    if n == 0:
        a, b = arith.exact_pair(a, b, terms=1)
        return np.zeros(0, dtype=np.result_type(a, b))
    return dirichlet_prefix(a, b, n)
