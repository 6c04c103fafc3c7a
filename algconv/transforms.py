r"""Public bitmask transforms: Walsh-Hadamard, zeta and Moebius, as ``sympy.discrete`` has them.

``fwht`` / ``ifwht`` and ``zeta`` / ``mobius`` take a sequence indexed by bitmask (index
``i`` is the subset of ``{0..n-1}`` with the bits of ``i``) and return the transformed
sequence.  They give the values of sympy's ``fwht``, ``ifwht``, ``mobius_transform`` and
``inverse_mobius_transform``, including sympy's padding: a length that is not a power of
two is padded on the right with zeros to the next one.  They run on the same in-place
numpy butterflies as the bitmask convolutions (``algconv._kernels``), so integers
stay exact (``int64`` while a bound proves it safe, Python ints beyond), Fractions stay
Fractions and sympy values stay sympy values.

Examples
--------
>>> import algconv as ac
>>> ac.transforms.fwht([4, 2, 2, 0, 0, 2, -2, 0])
array([8, 0, 8, 0, 8, 8, 0, 0])
>>> ac.transforms.mobius(ac.transforms.zeta([1, 2, 3, 4]))
array([1, 2, 3, 4])
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

import numpy as np

from . import arith
from ._kernels import scaled_integers, subset_zeta, walsh_hadamard
from .errors import InvalidType
from .validation import as_value_array, as_value_vector, describe, value_kind

__all__ = ["fwht", "ifwht", "zeta", "mobius"]


# --- the one private core ----------------------------------------------------------------------


def _padded(x: Any, name: str) -> tuple[np.ndarray, int]:
    """``x`` as a 1-D value array, zero-padded to length ``2**n`` as sympy pads; and ``n``."""
    if isinstance(x, Iterator):  # sympy takes any iterable
        x = list(x)
    a = as_value_array(x, "x")
    if a.ndim == 0:
        raise InvalidType(f"Got x={describe(x)}, but {name} takes a 1-D sequence of values")
    a = as_value_vector(a, "x", f"{name} takes a 1-D sequence of values")
    if len(a) < 2:  # sympy returns lengths 0 and 1 unchanged
        return a.copy(), 0
    n = (len(a) - 1).bit_length()
    out = np.zeros(1 << n, dtype=a.dtype)
    out[: len(a)] = a
    return out, n


def _integer_form(a: np.ndarray) -> tuple[np.ndarray, int] | None:
    """``(ints, d)`` with ``a == ints / d`` and ``ints`` safe to transform in int64 or Python ints.

    Every transform here keeps ``|y| <= sum |x|``, so int64 is exact when that sum fits
    (wrap-around modulo ``2**64`` cancels); otherwise the ints become Python ints.
    """
    scaled = scaled_integers(a)
    if scaled is None:
        return None
    ints, d = scaled
    if ints.dtype.kind in "iu" and arith.max_abs(ints) * max(len(ints), 1) <= arith.INT64_MAX:
        return ints.astype(np.int64), d
    return arith.to_object(ints).copy(), d


def _exact_divide(y: np.ndarray, d: int) -> np.ndarray:
    """``y / d`` for exact ``y`` (ints -> ints when every entry divides, else Fractions)."""
    if d == 1:
        return y
    if y.dtype.kind in "fc":
        return y / d
    values = y.tolist()
    if all(isinstance(v, int) for v in values) and all(v % d == 0 for v in values):
        return arith.values_array([v // d for v in values])
    return arith.values_array([Fraction(v, d) if isinstance(v, int) else v / d for v in values])


def _transform(x: Any, name: str, butterflies: Callable[[np.ndarray, int], Any],
               inverse_scale: bool = False) -> np.ndarray:
    """Apply in-place ``butterflies(array, n)`` to ``x`` padded to ``2**n``, keeping values exact.

    ``inverse_scale`` divides the result by ``2**n`` (the inverse Walsh-Hadamard transform).
    """
    a, n = _padded(x, name)
    integer = _integer_form(a)
    if integer is not None:
        ints, d = integer
        y = butterflies(ints, n)
        return _exact_divide(y, d << n if inverse_scale else d)
    if a.dtype == object and value_kind(a) in ("float", "complex"):
        a = a.astype(arith.kind_dtype(value_kind(a)))
    y = butterflies(a, n)
    return _exact_divide(y, 1 << n) if inverse_scale else y


# --- public functions --------------------------------------------------------------------------


def fwht(x: Any) -> np.ndarray:
    r"""Walsh-Hadamard transform, in Hadamard order (sympy's ``fwht``).

    Parameters
    ----------
    x : array_like, shape (m,)
        Values indexed by bitmask.  A length that is not a power of two is padded on the
        right with zeros to the next power of two, as sympy pads.

    Returns
    -------
    ndarray, shape (2**n,)
        ``y[s] = sum((-1)**popcount(a & s) * x[a] for a in range(2**n))``; exact for int
        (int64 when a bound proves it safe, else Python ints), Fraction and sympy values.
        Lengths 0 and 1 come back unchanged.

    Raises
    ------
    InvalidType
        A scalar, strings, bools or other non-numbers.
    StructureMismatch
        An array that is not 1-D.

    See Also
    --------
    ifwht, algconv.convolve_xor

    Notes
    -----
    .. math:: \hat x(s) = \sum_a (-1)^{|a \wedge s|} x(a)

    ``n`` in-place radix-4 butterfly passes, :math:`O(n 2^n)`.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.transforms.fwht([4, 2, 2, 0, 0, 2, -2, 0])
    array([8, 0, 8, 0, 8, 8, 0, 0])
    >>> ac.transforms.ifwht(_)
    array([ 4,  2,  2,  0,  0,  2, -2,  0])
    >>> ac.transforms.fwht([1, 2, 3])  # padded to [1, 2, 3, 0]
    array([ 6,  2,  0, -4])
    """
    return _transform(x, "fwht", walsh_hadamard)


def ifwht(x: Any) -> np.ndarray:
    r"""Inverse Walsh-Hadamard transform (sympy's ``ifwht``): ``fwht`` divided by ``2**n``.

    Parameters
    ----------
    x : array_like, shape (m,)
        Padded like :func:`fwht`.

    Returns
    -------
    ndarray, shape (2**n,)
        Exact: integer input gives integers when every entry divides by ``2**n``, else
        ``Fraction`` values in an object array; sympy values stay sympy; floats follow numpy.

    Raises
    ------
    InvalidType
        A scalar, strings, bools or other non-numbers.
    StructureMismatch
        An array that is not 1-D.

    See Also
    --------
    fwht

    Examples
    --------
    >>> import algconv as ac
    >>> ac.transforms.ifwht([19, -1, 11, -9, -7, 13, -15, 5])
    array([ 2,  0,  4,  0,  3, 10,  0,  0])
    >>> ac.transforms.ifwht([1, 0])
    array([Fraction(1, 2), Fraction(1, 2)], dtype=object)
    """
    return _transform(x, "ifwht", walsh_hadamard, inverse_scale=True)


def _check_subset(subset: Any) -> bool:
    if not isinstance(subset, (bool, np.bool_)):
        raise InvalidType(f"Got subset={describe(subset)}, but expected True or False")
    return bool(subset)


def zeta(x: Any, subset: bool = True) -> np.ndarray:
    r"""Zeta transform: sums over subsets, or supersets (sympy's ``mobius_transform``).

    Parameters
    ----------
    x : array_like, shape (m,)
        Values indexed by bitmask, padded like :func:`fwht`.
    subset : bool, default True
        ``True`` sums over the subsets of each index, ``False`` over its supersets.

    Returns
    -------
    ndarray, shape (2**n,)
        ``y[s] = sum(x[a] for a if a & s == a)`` (``subset=True``) or
        ``sum(x[a] for a if a & s == s)``; exact for int, Fraction and sympy values.

    Raises
    ------
    InvalidType
        Non-numbers, or a ``subset`` that is not a bool.
    StructureMismatch
        An array that is not 1-D.

    See Also
    --------
    mobius, algconv.convolve_or, algconv.convolve_and

    Notes
    -----
    .. math:: \hat x(s) = \sum_{a \subseteq s} x(a) \quad\text{or}\quad
              \sum_{a \supseteq s} x(a)

    sympy names this the Moebius transform; it is the zeta transform of the subset lattice,
    and :func:`mobius` is its inverse.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.transforms.zeta([1, 2, 3, 4])
    array([ 1,  3,  4, 10])
    >>> ac.transforms.zeta([1, 2, 3, 4], subset=False)
    array([10,  6,  7,  4])
    >>> ac.transforms.mobius(_, subset=False)
    array([1, 2, 3, 4])
    """
    supersets = not _check_subset(subset)
    return _transform(x, "zeta", lambda a, n: subset_zeta(a, n, supersets=supersets))


def mobius(x: Any, subset: bool = True) -> np.ndarray:
    r"""Moebius transform, the inverse of :func:`zeta` (sympy's ``inverse_mobius_transform``).

    Parameters
    ----------
    x : array_like, shape (m,)
        Values indexed by bitmask, padded like :func:`fwht`.
    subset : bool, default True
        Inverts the sum over subsets (``True``) or over supersets (``False``).

    Returns
    -------
    ndarray, shape (2**n,)
        ``y[s] = sum((-1)**popcount(s ^ a) * x[a] for a if a & s == a)`` for
        ``subset=True``; exact for int, Fraction and sympy values.

    Raises
    ------
    InvalidType
        Non-numbers, or a ``subset`` that is not a bool.
    StructureMismatch
        An array that is not 1-D.

    See Also
    --------
    zeta

    Notes
    -----
    .. math:: x(s) = \sum_{a \subseteq s} (-1)^{|s \setminus a|}\, \hat x(a)

    Examples
    --------
    >>> import algconv as ac
    >>> ac.transforms.mobius([1, 3, 4, 10])
    array([1, 2, 3, 4])
    >>> import sympy
    >>> a, b = sympy.symbols("a b")
    >>> ac.transforms.mobius([a, a + b])
    array([a, b], dtype=object)
    """
    supersets = not _check_subset(subset)
    return _transform(x, "mobius",
                      lambda a, n: subset_zeta(a, n, supersets=supersets, inverse=True))
