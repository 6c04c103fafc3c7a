"""Image boundaries as scipy.ndimage defines them: their names, the padding each one
implies, and where a kernel is centred.

``algconv.filter``, its dask twin and the semiring filters share these, so the three
agree on every boundary, origin and axis.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .errors import InvalidArgument, InvalidType, StructureMismatch
from .validation import check_axes, check_choice, check_int, describe, is_integer

__all__ = ["BOUNDARIES", "NDIMAGE_NAMES", "check_boundary", "kernel_and_centres", "padded"]

#: boundary name -> (scipy.ndimage mode, numpy.pad mode)
BOUNDARIES = {
    "fill": ("constant", "constant"),
    "wrap": ("wrap", "wrap"),
    "reflect": ("reflect", "symmetric"),  # d c b a | a b c d | d c b a
    "mirror": ("mirror", "reflect"),  # d c b | a b c d | c b a
    "nearest": ("nearest", "edge"),  # a a a | a b c d | d d d
}
#: scipy.ndimage's names for boundaries, accepted as well
NDIMAGE_NAMES = {"constant": "fill"}


def check_boundary(boundary: Any) -> str:
    """``boundary`` as a key of ``BOUNDARIES`` (ndimage's ``constant`` is ``fill``)."""
    boundary = check_choice(boundary, "boundary", (*BOUNDARIES, *NDIMAGE_NAMES))
    return NDIMAGE_NAMES.get(boundary, boundary)


def kernel_and_centres(kernel: np.ndarray, ndim: int, origin: Any, axes: Any) -> tuple:
    """The kernel on all ``ndim`` axes and its centre on each, as scipy.ndimage places it.

    With ``axes``, ``kernel`` has one axis per entry (in increasing order of the axes, as
    ndimage's ``np.expand_dims``) and gets length 1 on the others; ``origin`` is an int or
    one per axis of ``axes`` (in the order of ``axes``; every axis when ``axes=None``).
    The centre on an axis of length ``k`` is ``k // 2 + origin``, which must lie in the
    kernel: ``-(k // 2) <= origin <= (k - 1) // 2``, ndimage's own range.
    """
    filtered = tuple(range(ndim)) if axes is None else check_axes(axes, ndim)
    if kernel.size == 0:
        raise InvalidArgument(f"Got kernel with shape {kernel.shape}, but expected a non-empty "
                              "kernel")
    if axes is None and kernel.ndim != ndim:
        raise StructureMismatch(
            f"Got image with {ndim} dimensions and kernel with {kernel.ndim}, but they must "
            "have the same number of dimensions"
        )
    if kernel.ndim != len(filtered):
        raise StructureMismatch(
            f"Got kernel with {kernel.ndim} dimensions and axes={describe(axes)}, but the "
            "kernel needs one dimension per axis, as in scipy.ndimage"
        )
    if isinstance(origin, np.ndarray) and origin.ndim == 0:
        origin = origin.item()
    if is_integer(origin):
        origins = [origin] * len(filtered)
    elif isinstance(origin, (list, tuple, np.ndarray)):
        origins = list(origin)
        if len(origins) != len(filtered):
            raise InvalidArgument(
                f"Got origin={describe(origin)}, but expected an int or a sequence of "
                f"{len(filtered)} ints (one per filtered axis)"
            )
    else:
        raise InvalidType(f"Got origin={describe(origin)}, but expected an int or a sequence "
                          "of ints (one per filtered axis)")
    origins = [check_int(o, "origin") for o in origins]
    if len(filtered) < ndim:
        kernel = np.expand_dims(kernel, tuple(ax for ax in range(ndim) if ax not in filtered))
    centres = [k // 2 for k in kernel.shape]
    for ax, o in zip(filtered, origins):
        k = kernel.shape[ax]
        if not -(k // 2) <= o <= (k - 1) // 2:
            raise InvalidArgument(
                f"Got origin={describe(origin)}, but on an axis where the kernel has length "
                f"{k} the origin must satisfy -(k // 2) <= origin <= (k - 1) // 2, as in "
                "scipy.ndimage"
            )
        centres[ax] += o
    return kernel, tuple(centres)



def padded(image: np.ndarray, kernel_shape: tuple, centres: tuple, boundary: str,
            fillvalue: Any) -> np.ndarray:
    """``image`` extended by ``n - 1 - c`` before and ``c`` after on every axis (a kernel of
    length ``n`` centred at ``c``)."""
    widths = [(n - 1 - c, c) for n, c in zip(kernel_shape, centres)]
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
