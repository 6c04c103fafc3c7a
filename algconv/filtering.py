r"""``filter``: image-style convolution on Z^d with a boundary rule, as ``scipy.ndimage``.

The result has the image's shape; the kernel is centred as ``scipy.ndimage.convolve``
centres it (index ``len // 2`` on every axis, odd or even); outside the image the values
follow ``boundary``.  Floats take the fastest of ``scipy.ndimage.convolve`` (small kernels)
and padding + FFT / overlap-add (large kernels); ints and Fractions are padded and
convolved exactly by ``algconv.convolve`` (never wrapping as ndimage does with small
integer dtypes).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.ndimage

from . import arith, config
from .dispatch import convolve
from .engines import ENGINES
from .engines.base import Problem
from .engines.direct import DIRECT_OVERHEAD_ND, SECONDS_PER_NDIMAGE_TERM
from .errors import InvalidArgument, StructureMismatch
from .function import Function
from .structures.numbers import Integers, Lattice
from .validation import (
    as_value_array,
    check_choice,
    check_value,
    is_dask_array,
    join_kinds,
    scalar_kind,
    value_kind,
)

__all__ = ["filter", "BOUNDARIES"]

#: boundary name -> (scipy.ndimage mode, numpy.pad mode)
BOUNDARIES = {
    "fill": ("constant", "constant"),
    "wrap": ("wrap", "wrap"),
    "reflect": ("reflect", "symmetric"),  # d c b a | a b c d | d c b a
    "mirror": ("mirror", "reflect"),  # d c b | a b c d | c b a
    "nearest": ("nearest", "edge"),  # a a a | a b c d | d d d
}


def _padded(image: np.ndarray, kernel_shape: tuple, boundary: str, fillvalue: Any) -> np.ndarray:
    """``image`` extended by ``(n - 1) // 2`` before and ``n // 2`` after on every axis."""
    widths = [((n - 1) // 2, n // 2) for n in kernel_shape]
    mode = BOUNDARIES[boundary][1]
    if mode == "constant":
        if image.dtype == object:
            out = np.empty(tuple(m + n - 1 for m, n in zip(image.shape, kernel_shape)),
                           dtype=object)
            out[...] = fillvalue
            out[tuple(slice(lo, lo + m) for (lo, _), m in zip(widths, image.shape))] = image
            return out
        return np.pad(image, widths, mode="constant", constant_values=fillvalue)
    return np.pad(image, widths, mode=mode)


def _fft_cost(padded_shape: tuple, kernel: np.ndarray, kind: str) -> float:
    """The cheaper of the fft / overlap-add engines on the padded problem (estimate)."""
    over = Integers() if kernel.ndim == 1 else Lattice(kernel.ndim)
    start = (0,) * kernel.ndim
    shape_only = np.broadcast_to(np.float64(0), padded_shape)  # no memory: costs need shapes
    probe = Problem(Function._from_dense(shape_only, over, start),
                    Function._from_dense(kernel, over, start), over, hints={"mode": "valid"})
    probe._kind = kind  # skip scanning values: the kind is already known
    return min(ENGINES[name].cost(probe) for name in ("fft", "overlap-add"))


def filter(image: Any, kernel: Any, boundary: str = "fill", fillvalue: Any = 0) -> np.ndarray:
    r"""Convolve an image with a kernel, same shape out, with a boundary rule (N-D).

    Parameters
    ----------
    image : array_like, shape (n_1, ..., n_d)
        The values on a box of Z^d.
    kernel : array_like, d dimensions
        The filter, not empty; centred at index ``k // 2`` along an axis of length ``k``,
        as ``scipy.ndimage.convolve`` centres it.
    boundary : {'fill', 'wrap', 'reflect', 'mirror', 'nearest'}
        How the image continues past its edges: ``fill`` with ``fillvalue``; ``wrap``
        periodically; ``reflect`` = ``d c b a | a b c d | d c b a``; ``mirror`` =
        ``d c b | a b c d | c b a``; ``nearest`` = ``a a a | a b c d | d d d``.  These are
        scipy.ndimage's ``constant``, ``wrap``, ``reflect``, ``mirror`` and ``nearest``.
    fillvalue : number, default 0
        The value outside the image when ``boundary='fill'``.

    Returns
    -------
    ndarray
        Same shape as ``image``.  Floats as ``scipy.ndimage.convolve`` (same dtype for a
        float image); int and Fraction input exact (int64 under a proven bound, else Python
        ints; Fractions).

    Raises
    ------
    StructureMismatch
        If ``image`` and ``kernel`` differ in their number of dimensions.
    InvalidArgument
        Unknown ``boundary``, an empty kernel, or 0-dimensional input.
    InvalidType
        Non-numeric values or ``fillvalue``.

    See Also
    --------
    convolve : ``mode='same'`` zero-fills and centres at ``(k - 1) // 2`` like scipy.signal.

    Notes
    -----
    With :math:`E` the image extended by the boundary rule and :math:`c = k // 2`,

    .. math:: \mathrm{out}[i] = \sum_j K[j]\, E[i - j + c]

    Examples
    --------
    >>> ac.filter([1, 2, 3, 4], [1, 1, 1])
    array([3, 6, 9, 7])
    >>> ac.filter([1, 2, 3, 4], [1, 1, 1], boundary="reflect")
    array([ 4,  6,  9, 11])
    >>> ac.filter([1, 2, 3, 4], [1, 1, 1], boundary="wrap")
    array([7, 6, 9, 8])
    >>> ac.filter([[0, 0, 0], [0, 1, 0], [0, 0, 0]], [[1, 2], [3, 4]])
    array([[1, 2, 0],
           [3, 4, 0],
           [0, 0, 0]])
    """
    if is_dask_array(image) or is_dask_array(kernel):  # lazy, chunked: algconv.daskarray
        from .daskarray import filter as filter_dask

        return filter_dask(image, kernel, boundary=boundary, fillvalue=fillvalue)
    image = as_value_array(image, "image")
    kernel = as_value_array(kernel, "kernel")
    boundary = check_choice(boundary, "boundary", BOUNDARIES)
    fillvalue = check_value(fillvalue, "fillvalue")
    if image.ndim == 0:
        raise InvalidArgument("Got a 0-dimensional image, but expected an array of ndim >= 1")
    if kernel.ndim != image.ndim:
        raise StructureMismatch(
            f"Got image with {image.ndim} dimensions and kernel with {kernel.ndim}, but they "
            "must have the same number of dimensions"
        )
    if kernel.size == 0:
        raise InvalidArgument(f"Got kernel with shape {kernel.shape}, but expected a non-empty "
                              "kernel")
    kinds = [value_kind(image), value_kind(kernel)]
    if boundary == "fill":
        kinds.append(scalar_kind(fillvalue))
    kind = join_kinds(*kinds)
    if image.size == 0:
        return np.zeros(image.shape, dtype=arith.kind_dtype(kind))
    if kind in ("float", "complex"):
        return _float_filter(image, kernel, boundary, fillvalue, kind)
    padded = _padded(image, kernel.shape, boundary, fillvalue)
    return convolve(padded, kernel, mode="valid")


def _float_filter(image: np.ndarray, kernel: np.ndarray, boundary: str, fillvalue: Any,
                  kind: str) -> np.ndarray:
    # the image cast to float, the output, and ndimage's padded copy of the input
    config.check_memory(3.0 * image.size * config.value_bytes(arith.kind_dtype(kind)),
                        f"filter of an image of shape {image.shape}")
    if kind == "complex" and image.dtype.kind != "c":
        image = image.astype(np.complex128)
    elif image.dtype.kind not in "fc":
        image = image.astype(np.float64)
    if kernel.dtype == object:
        kernel = kernel.astype(arith.kind_dtype(kind))
    padded_shape = tuple(m + n - 1 for m, n in zip(image.shape, kernel.shape))
    direct = DIRECT_OVERHEAD_ND + SECONDS_PER_NDIMAGE_TERM * image.size * kernel.size
    complex_fill = isinstance(fillvalue, (complex, np.complexfloating))
    if not complex_fill and direct <= _fft_cost(padded_shape, kernel, kind):
        return scipy.ndimage.convolve(image, kernel, mode=BOUNDARIES[boundary][0],
                                      cval=fillvalue)
    padded = _padded(image, kernel.shape, boundary, fillvalue)
    return convolve(padded, kernel, mode="valid").astype(image.dtype, copy=False)
