"""The weight matrix of a convolutional layer as a sympy Matrix (symbolic weights welcome)."""

from __future__ import annotations

from typing import Any

__all__ = ["conv_matrix"]


def conv_matrix(kernel: Any, n: int | tuple, mode: str = "valid") -> Any:
    r"""``ac.linear.conv_matrix`` as a ``sympy.Matrix``: shared weights, zeros elsewhere.

    Parameters
    ----------
    kernel : array_like
        Numbers or sympy expressions (e.g. ``sympy.symbols("w0:3")``).
    n : int or tuple of int
        The input length (or shape, one size per kernel axis).
    mode : {'valid', 'full', 'same'}
        As in ``ac.convolve`` with the input as the first argument.

    Returns
    -------
    sympy.Matrix
        ``M * x == ac.convolve(x, kernel, mode)`` for a column vector ``x`` of length
        ``prod(n)`` (C order).

    Raises
    ------
    InvalidArgument, InvalidType, StructureMismatch
        As ``ac.linear.conv_matrix``.

    See Also
    --------
    algconv.linear.conv_matrix : the same matrix as a numpy array.

    Examples
    --------
    >>> import sympy as sp
    >>> w = sp.symbols("w0:3")
    >>> M = ac.symbolic.conv_matrix(w, 4)
    >>> M
    Matrix([
    [w2, w1, w0,  0],
    [ 0, w2, w1, w0]])
    >>> x = sp.Matrix(sp.symbols("x0:4"))
    >>> list(M * x) == [sp.expand(v) for v in ac.convolve(list(x), list(w), mode="valid")]
    True
    """
    import sympy

    from .._kernels import convolution_matrix

    return sympy.Matrix(convolution_matrix(kernel, n, mode))
