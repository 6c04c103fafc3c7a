r"""Convolution as linear algebra: Toeplitz, circulant and block matrices, and a conv layer.

Convolving with a fixed kernel is linear in the input, so it is a matrix:

* on ``Z`` (arrays, any mode): :func:`conv_matrix`, Toeplitz in 1-D and doubly block
  Toeplitz in 2-D, with ``conv_matrix(k, x.shape, mode) @ x.ravel() ==
  ac.convolve(x, k, mode=mode).ravel()``;
* on ``Z/n``: :func:`circulant`;
* on any finite group or monoid: :func:`regular_representation`, ``L(f) @ g == f * g``;
* a convolutional layer of a neural network, :func:`conv_layer` (channels, bias, stride,
  zero padding), and its matrix, :func:`layer_matrix`;
* group-equivariant layers (Cohen & Welling's p4 and p4m): :func:`lifting_convolution`,
  :func:`group_convolution`, :class:`LiftingConv`, :class:`GroupConv` (from
  ``algconv.equivariant``).

Values keep their kind: integer kernels give integer matrices, Fractions and sympy
symbols give object arrays (so the matrix of a layer with symbolic weights is exact).

Examples
--------
>>> import algconv as ac
>>> M = ac.linear.conv_matrix([1, 2], 3, mode="full")
>>> M
array([[1, 0, 0],
       [2, 1, 0],
       [0, 2, 1],
       [0, 0, 2]])
>>> M @ np.array([1, 0, -1]), ac.convolve([1, 0, -1], [1, 2])
(array([ 1,  2, -1, -2]), array([ 1,  2, -1, -2]))
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from . import arith, config
from ._kernels import convolution_matrix, left_regular_matrix
from .equivariant import GroupConv, LiftingConv, group_convolution, lifting_convolution
from .errors import InvalidArgument, InvalidType, StructureMismatch
from .function import Function
from .validation import as_value_array, check_kernel, describe, is_integer

__all__ = [
    "conv_matrix",
    "circulant",
    "regular_representation",
    "conv_layer",
    "layer_matrix",
    # group-equivariant layers (p4, p4m), defined in algconv.equivariant
    "lifting_convolution",
    "group_convolution",
    "LiftingConv",
    "GroupConv",
]



def conv_matrix(kernel: Any, n: int | tuple, mode: str = "valid") -> np.ndarray:
    r"""The matrix of ``x -> ac.convolve(x, kernel, mode=mode)`` on arrays of shape ``n``.

    Parameters
    ----------
    kernel : array_like, N-D
        Numbers, Fractions or sympy expressions (symbolic kernels give object matrices).
    n : int or tuple of int
        The input shape (an int for 1-D); one size per kernel axis.
    mode : {'valid', 'full', 'same'}
        As in ``ac.convolve`` / ``scipy.signal.convolve``, with the input ``x`` as the
        *first* argument (``same`` keeps ``x``'s shape).

    Returns
    -------
    ndarray, shape (output size, prod(n))
        ``M @ x.ravel() == ac.convolve(x, kernel, mode=mode).ravel()`` (C order).  In 1-D
        a Toeplitz matrix; in 2-D doubly block Toeplitz (Toeplitz blocks in a Toeplitz
        pattern).

    Raises
    ------
    InvalidArgument
        Unknown ``mode``, sizes below 1, an empty kernel, or a ``valid`` mode in which
        neither shape contains the other.
    StructureMismatch
        If ``n`` has a different number of axes than ``kernel``.

    See Also
    --------
    circulant, layer_matrix

    Notes
    -----
    Entry ``M[i, j] = kernel[i + s - j]`` (zero outside the kernel), where ``s`` is the
    offset of the ``mode`` window in the full convolution:
    :math:`(x * k)[i] = \sum_j k[i - j]\, x[j]`.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.linear.conv_matrix([1, 2, 3], 4)
    array([[3, 2, 1, 0],
           [0, 3, 2, 1]])
    >>> import sympy
    >>> a, b = sympy.symbols("a b")
    >>> ac.linear.conv_matrix([a, b], 3)
    array([[b, a, 0],
           [0, b, a]], dtype=object)
    >>> ac.linear.conv_matrix([[1, 2]], (2, 2), mode="full")
    array([[1, 0, 0, 0],
           [2, 1, 0, 0],
           [0, 2, 0, 0],
           [0, 0, 1, 0],
           [0, 0, 2, 1],
           [0, 0, 0, 2]])
    """
    return convolution_matrix(kernel, n, mode)


def circulant(kernel: Any) -> np.ndarray:
    r"""The circulant matrix of circular convolution on ``Z/n``: ``C[i, j] = kernel[(i - j) % n]``.

    ``circulant(k) @ x == ac.convolve(x, k, over=ac.Cyclic(n))``; the same matrix as
    ``scipy.linalg.circulant(k)`` for numbers, exact for Fractions and sympy values.

    Examples
    --------
    >>> import algconv as ac
    >>> C = ac.linear.circulant([1, 2, 0])
    >>> C
    array([[1, 0, 2],
           [2, 1, 0],
           [0, 2, 1]])
    >>> C @ np.array([1, 1, 0]), ac.convolve([1, 1, 0], [1, 2, 0], over=ac.Cyclic(3))
    (array([1, 3, 2]), array([1, 3, 2]))
    """
    k = check_kernel(kernel)
    if k.ndim != 1:
        raise StructureMismatch(f"Got kernel with shape {k.shape}, but circulant needs 1-D")
    n = len(k)
    config.check_memory(float(n) * n * max(k.itemsize, 8), "circulant")
    r = np.arange(n)
    return k[(r[:, None] - r[None, :]) % n]


def regular_representation(f: Function) -> np.ndarray:
    r"""The left-regular matrix of ``f`` on a finite group or monoid: ``L(f) @ g == f * g``.

    Parameters
    ----------
    f : Function
        On a finite structure; vectors are in ``f.over.elements()`` order.

    Returns
    -------
    ndarray, shape (order, order)
        :math:`L(f)[c, b] = \sum_{a \cdot b = c} f(a)`; on a group ``f(c b^{-1})``.  It is
        an algebra homomorphism: ``L(f * g) == L(f) @ L(g)``.

    Examples
    --------
    >>> import algconv as ac
    >>> S3 = ac.SymmetricGroup(3)
    >>> f = ac.Function({(1, 0, 2): 1, (1, 2, 0): 2}, over=S3)
    >>> g = ac.Function({(0, 2, 1): 5}, over=S3)
    >>> L = ac.linear.regular_representation(f)
    >>> bool((L @ g.to_array() == (f * g).to_array()).all())
    True
    """
    if not isinstance(f, Function):
        raise InvalidType(f"Got f={describe(f)}, but expected a Function on a finite structure")
    G = f.over
    if not G.is_finite:
        raise InvalidArgument(f"Got f over {G!r}, but regular_representation needs a finite "
                              "structure")
    return left_regular_matrix(f.to_array(), G)


# --- convolutional layers ----------------------------------------------------------------------


def _per_axis(value: Any, d: int, name: str, minimum: int) -> tuple:
    if is_integer(value):
        value = (int(value),) * d
    if not isinstance(value, tuple) or len(value) != d or not all(map(is_integer, value)):
        raise InvalidType(f"Got {name}={describe(value)}, but expected an int or a tuple of "
                          f"{d} ints")
    if any(v < minimum for v in value):
        raise InvalidArgument(f"Got {name}={value!r}, but every entry must be >= {minimum}")
    return tuple(int(v) for v in value)


def _layer_shapes(in_shape: tuple, weight: np.ndarray, stride: tuple, padding: tuple) -> tuple:
    kernel = weight.shape[2:]
    out = tuple((n + 2 * p - k) // s + 1 for n, k, s, p in zip(in_shape, kernel, stride, padding))
    if any(n + 2 * p < k for n, k, p in zip(in_shape, kernel, padding)):
        raise InvalidArgument(
            f"Got input size {in_shape} with padding {padding}, but the kernel {kernel} does "
            "not fit inside it")
    return out


def _layer_args(weight: Any, stride: Any, padding: Any) -> tuple:
    w = as_value_array(weight, "weight")
    if w.ndim < 3:
        raise InvalidArgument(f"Got weight with shape {w.shape}, but expected (C_out, C_in, "
                              "k_1, ..., k_d) with d >= 1 spatial axes")
    d = w.ndim - 2
    return w, d, _per_axis(stride, d, "stride", 1), _per_axis(padding, d, "padding", 0)


def conv_layer(x: Any, weight: Any, bias: Any = None, *, stride: int | tuple = 1,
               padding: int | tuple = 0) -> np.ndarray:
    r"""The forward pass of a convolutional layer, as deep-learning frameworks define it.

    Parameters
    ----------
    x : array_like, shape (N, C_in, n_1, ..., n_d) or (C_in, n_1, ..., n_d)
        A batch of inputs (or one input) with ``C_in`` channels and ``d`` spatial axes.
    weight : array_like, shape (C_out, C_in, k_1, ..., k_d)
    bias : array_like, shape (C_out,), optional
    stride : int or tuple of d ints, default 1
    padding : int or tuple of d ints, default 0
        Zeros added on both sides of every spatial axis.

    Returns
    -------
    ndarray, shape (N, C_out, o_1, ..., o_d) (or without N)
        ``o_i = (n_i + 2 padding_i - k_i) // stride_i + 1``.

    Notes
    -----
    Like PyTorch's ``conv1d``/``conv2d`` and TensorFlow's ``conv``, the layer is a
    *cross-correlation* (the kernel is not flipped) summed over input channels:

    .. math:: y[o, i] = b[o] + \sum_c \sum_k w[o, c, k]\, \tilde x[c, s\,i + k]

    with :math:`\tilde x` the zero-padded input.  So ``y[o]`` is ``sum over c of
    ac.correlate(x_padded[c], w[o, c], mode='valid')[::stride] + b[o]`` for real
    weights (``ac.correlate`` conjugates complex ones, the layer does not), and the
    convolution with the flipped kernel; :func:`layer_matrix` gives the matrix.  Exact
    for integers (int64 under a proven bound), Fractions and sympy values.

    Examples
    --------
    >>> import algconv as ac
    >>> x = np.array([[1, 2, 3, 4]])            # one channel, 4 samples
    >>> w = np.array([[[1, -1]]])               # one output channel: differences
    >>> ac.linear.conv_layer(x, w, bias=[10])
    array([[9, 9, 9]])
    >>> ac.correlate([1, 2, 3, 4], [1, -1], mode="valid") + 10
    array([9, 9, 9])
    >>> ac.linear.conv_layer(x, w, stride=2, padding=1)
    array([[-1, -1,  4]])
    """
    w, d, stride, padding = _layer_args(weight, stride, padding)
    a = as_value_array(x, "x")
    batched = a.ndim == d + 2
    if not batched:
        if a.ndim != d + 1:
            raise StructureMismatch(f"Got x with shape {a.shape}, but weight {w.shape} needs "
                                    f"(N, {w.shape[1]}, {d} spatial axes) or without N")
        a = a[None]
    if a.shape[1] != w.shape[1]:
        raise StructureMismatch(f"Got x with {a.shape[1]} channels, but weight {w.shape} "
                                f"expects {w.shape[1]}")
    out_shape = _layer_shapes(a.shape[2:], w, stride, padding)
    a, w = arith.exact_pair(a, w, terms=int(np.prod(w.shape[1:])) + 1)
    # tensordot copies the windows (N, o..., C_in, k...), then the output (N, C_out, o...)
    config.check_memory(float(a.shape[0]) * math.prod(out_shape) * (w[0].size + w.shape[0])
                        * config.value_bytes(np.result_type(a, w)), "conv_layer")
    padded = np.pad(a, [(0, 0), (0, 0)] + [(p, p) for p in padding])
    spatial = tuple(range(2, 2 + d))
    windows = np.lib.stride_tricks.sliding_window_view(padded, w.shape[2:], axis=spatial)
    windows = windows[(slice(None), slice(None)) + tuple(slice(None, o * s, s)
                                                         for o, s in zip(out_shape, stride))]
    # windows: (N, C_in, o..., k...) ; contract C_in and k... with weight (C_out, C_in, k...)
    y = np.tensordot(windows, w, axes=([1, *range(2 + d, 2 + 2 * d)], list(range(1, 2 + d))))
    y = np.moveaxis(y, -1, 1)  # (N, C_out, o...)
    if bias is not None:
        b = as_value_array(bias, "bias")
        if b.shape != (w.shape[0],):
            raise StructureMismatch(f"Got bias with shape {b.shape}, but expected "
                                    f"({w.shape[0]},)")
        y, b = arith.exact_pair(y, b, terms=2)
        y = y + b.reshape((1, -1) + (1,) * d)
    return y if batched else y[0]


def layer_matrix(weight: Any, input_shape: tuple, *, stride: int | tuple = 1,
                 padding: int | tuple = 0) -> np.ndarray:
    r"""The matrix of :func:`conv_layer` without bias, built from :func:`conv_matrix` blocks.

    Parameters
    ----------
    weight : array_like, shape (C_out, C_in, k_1, ..., k_d)
    input_shape : tuple
        ``(C_in, n_1, ..., n_d)``, one input without the batch axis.
    stride, padding
        As for :func:`conv_layer`.

    Returns
    -------
    ndarray, shape (C_out * prod(o), C_in * prod(n))
        ``conv_layer(x, weight, bias).ravel() == M @ x.ravel() + np.repeat(bias, prod(o))``.
        Block ``(o, c)`` is ``conv_matrix(flip(weight[o, c]), padded shape, 'valid')``
        with the strided rows and the unpadded columns kept.

    Examples
    --------
    >>> import algconv as ac
    >>> w = np.array([[[1, -1]], [[1, 1]]])     # two output channels, one input channel
    >>> M = ac.linear.layer_matrix(w, (1, 3))
    >>> M
    array([[ 1, -1,  0],
           [ 0,  1, -1],
           [ 1,  1,  0],
           [ 0,  1,  1]])
    >>> x = np.array([[5, 7, 2]])
    >>> M @ x.ravel(), ac.linear.conv_layer(x, w).ravel()
    (array([-2,  5, 12,  9]), array([-2,  5, 12,  9]))
    """
    w, d, stride, padding = _layer_args(weight, stride, padding)
    if not isinstance(input_shape, tuple) or len(input_shape) != d + 1 or not all(
            map(is_integer, input_shape)):
        raise InvalidType(f"Got input_shape={describe(input_shape)}, but expected a tuple "
                          f"(C_in, n_1, ..., n_{d})")
    c_in, n = input_shape[0], tuple(input_shape[1:])
    if c_in != w.shape[1]:
        raise StructureMismatch(f"Got input_shape with {c_in} channels, but weight {w.shape} "
                                f"expects {w.shape[1]}")
    out_shape = _layer_shapes(n, w, stride, padding)
    padded = tuple(v + 2 * p for v, p in zip(n, padding))
    full_valid = tuple(p - k + 1 for p, k in zip(padded, w.shape[2:]))
    rows = np.ravel_multi_index(tuple(np.indices(out_shape).reshape(d, -1) * np.array(
        stride)[:, None]), full_valid)
    cols = np.ravel_multi_index(tuple(np.indices(n).reshape(d, -1) + np.array(
        padding)[:, None]), padded)
    flip = (slice(None, None, -1),) * d
    blocks = [[conv_matrix(w[o, c][flip], padded, "valid")[np.ix_(rows, cols)]
               for c in range(c_in)] for o in range(w.shape[0])]
    return np.block(blocks)
