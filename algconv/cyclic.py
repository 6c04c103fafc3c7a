r"""``convolve_cyclic``: circular convolution of two equal-length arrays, by name."""

from __future__ import annotations

from typing import Any

import numpy as np

from .dispatch import convolve
from .errors import InvalidArgument, StructureMismatch
from .structures.finite import Cyclic
from .structures.product import product
from .validation import as_value_array

__all__ = ["convolve_cyclic"]


def convolve_cyclic(f: Any, g: Any, *, method: str = "auto") -> np.ndarray:
    r"""Circular convolution of two arrays of equal length ``n``: convolution over ``Z/n``.

    Parameters
    ----------
    f, g : array_like, shape (n,)
        Values at ``0, 1, ..., n - 1``.  Two N-D arrays of one shape ``(n_1, ..., n_d)``
        are convolved circularly along every axis (over ``Cyclic(n_1) x ... x Cyclic(n_d)``).
    method : {'auto', 'fft', 'exact', 'direct', 'table'}
        As for :func:`convolve`.

    Returns
    -------
    ndarray, same shape as ``f``
        ``h[c] = sum(f[a] * g[b] for (a + b) % n == c)``; exact for int and Fraction input.

    Raises
    ------
    StructureMismatch
        If the shapes differ.
    InvalidArgument
        For empty or 0-dimensional arrays.

    See Also
    --------
    convolve : ``convolve(f, g, over=ac.Cyclic(n))`` is the same.

    Notes
    -----
    .. math:: h(c) = \sum_{a + b \equiv c \pmod n} f(a)\, g(b)

    Examples
    --------
    >>> ac.convolve_cyclic([1, 2, 3], [0, 1, 0])
    array([3, 1, 2])
    >>> ac.convolve_cyclic([1.0, 0, 0, 1], [1, 1, 0, 0])
    array([2., 1., 0., 1.])
    """
    a = as_value_array(f, "f")
    b = as_value_array(g, "g")
    if a.shape != b.shape:
        raise StructureMismatch(
            f"Got f with shape {a.shape} and g with shape {b.shape}, but convolve_cyclic "
            "needs equal shapes (equal lengths n)"
        )
    if a.ndim == 0 or a.size == 0:
        raise InvalidArgument(
            f"Got arrays of shape {a.shape}, but convolve_cyclic needs length n >= 1"
        )
    over = Cyclic(a.shape[0]) if a.ndim == 1 else product(*(Cyclic(n) for n in a.shape))
    return convolve(a, b, over=over, method=method)
