r"""``convolve_cyclic``: circular convolution by name, of equal lengths or wrapped onto ``Z/n``."""

from __future__ import annotations

from typing import Any

import numpy as np

from . import arith
from .dispatch import convolve
from .errors import InvalidArgument, StructureMismatch
from .structures.finite import Cyclic
from .structures.product import product
from .validation import as_value_array, check_int

__all__ = ["convolve_cyclic"]


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
