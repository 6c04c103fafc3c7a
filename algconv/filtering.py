r"""``filter``: image-style convolution on Z^d with a boundary rule, as ``scipy.ndimage``.

The result has the image's shape; the kernel is centred as ``scipy.ndimage.convolve``
centres it (index ``len // 2`` on every axis, odd or even, shifted by ``origin``); with
``axes`` the kernel gets length-1 axes for the others; outside the image the values
follow ``boundary``, periodically however far the kernel reaches.

``filter`` validates its arguments into a Problem with a ``window`` (``engines.base.Window``)
and hands it to the engine registry, as ``convolve`` does: engines with ``windows`` (``ndimage``,
and ``tropical`` for max-plus / min-plus) filter the image themselves; every other engine
convolves the image extended by the boundary rule (``numpy.pad``) in ``valid`` mode, exact for
ints and Fractions (never wrapping as ndimage does with small integer dtypes) and multiplying
every weight.  ``method=`` names the engine, as in ``convolve``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import arith, config
from ._kernels import bool_operands
from .boundaries import BOUNDARIES, NDIMAGE_NAMES, check_boundary, kernel_and_centres
from .selection import evaluate
from .engines.base import Problem, Window
from .errors import InvalidArgument
from .function import trusted_dense, view
from .semirings import STANDARD, Boolean, Semiring, Tropical, check_semiring
from .structures.numbers import Integers, Lattice
from .validation import (
    as_value_array,
    check_value,
    dask_front_end,
    describe,
    is_dask_array,
    is_integer,
    join_kinds,
    scalar_kind,
    value_kind,
)

__all__ = ["BOUNDARIES", "NDIMAGE_NAMES", "filter"]

def filter(image: Any, kernel: Any, boundary: str = "fill", fillvalue: Any = None, *,
           origin: Any = 0, axes: Any = None, semiring: Semiring | None = None,
           method: str = "auto") -> np.ndarray:
    r"""Convolve an image with a kernel, same shape out, with a boundary rule (N-D).

    Parameters
    ----------
    image : array_like, shape (n_1, ..., n_d)
        The values on a box of Z^d.
    kernel : array_like, d dimensions (``len(axes)`` with ``axes``)
        The filter, not empty; centred at index ``k // 2 + origin`` along an axis of length
        ``k``, as ``scipy.ndimage.convolve`` centres it.
    boundary : {'fill', 'wrap', 'reflect', 'mirror', 'nearest', 'constant'}
        How the image continues past its edges: ``fill`` with ``fillvalue``; ``wrap``
        periodically; ``reflect`` = ``d c b a | a b c d | d c b a``; ``mirror`` =
        ``d c b | a b c d | c b a``; ``nearest`` = ``a a a | a b c d | d d d``.  These are
        scipy.ndimage's ``constant``, ``wrap``, ``reflect``, ``mirror`` and ``nearest``;
        ndimage's name ``constant`` is accepted for ``fill``.
    fillvalue : number, optional
        The value outside the image when ``boundary='fill'``; ``None`` means the
        semiring's zero (0 for the standard numbers, ``-inf`` for ``MaxPlus()``).  It
        enters exactly, the image being widened to a dtype that holds it (as ``convolve``
        widens its operands).
    origin : int or sequence of int, default 0, keyword-only
        Shifts the kernel's centre, exactly as ``scipy.ndimage.convolve``'s ``origin``: one
        for every filtered axis, or one per axis (of ``axes`` when given, in its order),
        each in ``-(k // 2) .. (k - 1) // 2`` for a kernel axis of length ``k``.
    axes : int or sequence of int, optional, keyword-only
        Filter along these axes only, as ndimage's ``axes``: the kernel has one axis per
        entry (an RGB image ``(H, W, 3)``, a 2-D kernel, ``axes=(0, 1)``).
    semiring : Semiring, optional, keyword-only
        The values' algebra (``ac.semirings``): ``out[i] = add over j of mul(K[j], E[i - j
        + c])``.  ``MaxPlus()`` is grey dilation with a non-flat structuring element
        (for odd kernel sizes ``filter(image, K, boundary, semiring=MaxPlus())`` equals
        ``scipy.ndimage.grey_dilation(image, structure=K, mode=...)``); ``MinPlus()`` with
        the kernel negated and flipped is erosion (``grey_erosion(structure=K)`` is
        ``filter(image, -K[::-1, ::-1], semiring=MinPlus())``).  Integer images stay
        integers wherever every output is finite.
    method : str, default 'auto', keyword-only
        The engine, as in ``convolve``: ``'auto'`` picks the cheapest correct one
        (``'ndimage'``: scipy.ndimage in bands of rows, floats only; ``'tropical'``:
        max-plus / min-plus by scipy.ndimage's grey morphology where it agrees; any
        convolution engine, on the image extended by the boundary rule); a name forces it
        or raises ``MethodNotApplicable``.

    Returns
    -------
    ndarray
        Same shape as ``image``.  Floats as ``scipy.ndimage.convolve`` (same dtype for a
        float image, unless ``fillvalue`` needs a wider one; float16 summed in float32, long
        doubles in long double); int and Fraction input exact (int64 under a proven bound,
        else Python ints; Fractions).  A bool image and a bool kernel are values of the
        Boolean semiring (``fillvalue`` then 0 / 1 or False / True) and give bool, as
        ``scipy.ndimage.convolve`` does: True where some True weight meets a True value
        (count them with ``.astype(int)``).  A bool array beside numbers counts True as 1
        (ndimage instead casts the sums back to the image's dtype: algconv never narrows).

    Raises
    ------
    StructureMismatch
        If ``kernel`` has not as many dimensions as ``image`` (as ``axes`` with ``axes``).
    InvalidArgument
        Unknown ``boundary``, an empty kernel, 0-dimensional input, an ``origin`` outside
        the kernel, ``axes`` out of range or repeated.
    InvalidType
        Non-numeric values or ``fillvalue``, a non-int ``origin``.
    MethodNotApplicable
        ``method`` names an engine that cannot filter this input.

    See Also
    --------
    convolve : ``mode='same'`` zero-fills and centres at ``(k - 1) // 2`` like scipy.signal.

    Notes
    -----
    With :math:`E` the image extended by the boundary rule and :math:`c = k // 2 + origin`,

    .. math:: \mathrm{out}[i] = \sum_j K[j]\, E[i - j + c]

    The extension :math:`E` is periodic however far the kernel reaches (period ``2n`` for
    ``reflect``, ``2n - 2`` for ``mirror``, ``n`` for ``wrap``), and every weight is
    multiplied, however small.

    Examples
    --------
    >>> ac.filter([1, 2, 3, 4], [1, 1, 1])
    array([3, 6, 9, 7])
    >>> ac.filter([1, 2, 3, 4], [1, 1, 1], boundary="reflect")
    array([ 4,  6,  9, 11])
    >>> ac.filter([1, 2, 3, 4], [1, 1, 1], boundary="wrap")
    array([7, 6, 9, 8])
    >>> ac.filter(np.array([1, 2], dtype=np.uint8), [1, 1, 1], fillvalue=-1)
    array([2, 2])
    >>> ac.filter([[0, 0, 0], [0, 1, 0], [0, 0, 0]], [[1, 2], [3, 4]])
    array([[1, 2, 0],
           [3, 4, 0],
           [0, 0, 0]])
    >>> ac.filter([1, 2, 3, 4], [1, 1, 1], origin=1)  # centre one step right, as ndimage
    array([6, 9, 7, 4])
    >>> rgb = np.arange(12).reshape(2, 2, 3)
    >>> ac.filter(rgb, [[1, 1], [1, 1]], "constant", axes=(0, 1))[..., 0]  # per channel
    array([[18, 12],
           [15,  9]])
    >>> ac.filter([True, False, False, True], [True, True])
    array([ True, False,  True,  True])
    >>> ac.filter([0, 0, 5, 0, 0], [0, 0, 0], semiring=ac.semirings.MaxPlus())  # flat dilation
    array([0, 5, 5, 5, 0])
    >>> ac.filter([1.0, 2.0, 3.0, 4.0], [1, 1, 1], method="direct")  # any engine, by name
    array([3., 6., 9., 7.])
    """
    if is_dask_array(image) or is_dask_array(kernel):  # lazy, chunked: algconv.daskarray
        return dask_front_end("filter")(image, kernel, boundary=boundary, fillvalue=fillvalue,
                                        origin=origin, axes=axes, semiring=semiring,
                                        method=method)
    S = check_semiring(semiring)
    if not S.is_standard:
        return _semiring_filter(image, kernel, boundary, fillvalue, origin, axes, S, method)
    image = as_value_array(image, "image", bools=True)
    kernel = as_value_array(kernel, "kernel", bools=True)
    boundary = check_boundary(boundary)
    image, kernel, boolean = bool_operands(image, kernel)
    if fillvalue is None:
        fillvalue = 0
    fillvalue = boolean_fill(fillvalue) if boolean else check_value(fillvalue, "fillvalue")
    if image.ndim == 0:
        raise InvalidArgument("Got a 0-dimensional image, but expected an array of ndim >= 1")
    kernel, centres = kernel_and_centres(kernel, image.ndim, origin, axes)
    out = _filter(image, kernel, centres, boundary, fillvalue, method)
    return out > 0 if boolean else out  # Boolean semiring: exact counts, True where one


def _run(image: np.ndarray, kernel: np.ndarray, window: Window, S: Semiring,
         method: str) -> np.ndarray:
    """The filter request of validated arrays, through the engine registry."""
    over = Integers() if image.ndim == 1 else Lattice(image.ndim)
    start = (0,) * image.ndim
    p = Problem(trusted_dense(image, over, start, S), trusted_dense(kernel, over, start, S),
                over, window=window)
    return view(evaluate(p, method)).array


def _semiring_filter(image: Any, kernel: Any, boundary: str, fillvalue: Any, origin: Any,
                     axes: Any, S: Semiring, method: str) -> np.ndarray:
    """``filter`` with values in a semiring other than the standard numbers (``fill``: the
    semiring's zero by default)."""
    image = S.check_array(image, "image")
    kernel = S.check_array(kernel, "kernel")
    boundary = check_boundary(boundary)
    if fillvalue is None:
        fill = S.zero
    elif isinstance(S, Boolean):
        fill = bool(boolean_fill(fillvalue))
    else:
        fill = S.check(fillvalue, "fillvalue")
    if image.ndim == 0:
        raise InvalidArgument("Got a 0-dimensional image, but expected an array of ndim >= 1")
    kernel, centres = kernel_and_centres(kernel, image.ndim, origin, axes)
    if image.size == 0:
        return S.zeros(image.shape, image.dtype)
    ints = image.dtype.kind in "iu" and kernel.dtype.kind in "iu"
    if boundary == "fill" and image.dtype != object and not holds(image.dtype, fill):
        image = image.astype(np.float64) if ints and isinstance(S, Tropical) and max(
            arith.max_abs(image), arith.max_abs(kernel)) < 2**52 else arith.to_object(image)
    out = _run(image, kernel, Window(boundary, fill, centres), S, method)
    if ints and out.dtype.kind == "f" and np.isfinite(out).all():
        return out.astype(np.int64)  # int values below 2**53: exact in float64
    return out


def boolean_fill(fillvalue: Any) -> int:
    """A fill value among bools: False / True or 0 / 1, as the count 0 or 1."""
    if isinstance(fillvalue, (bool, np.bool_)) or (is_integer(fillvalue) and fillvalue in (0, 1)):
        return int(fillvalue)
    raise InvalidArgument(
        f"Got fillvalue={describe(fillvalue)} with a bool image and kernel, but expected a "
        "bool (or 0 / 1): their values are those of the Boolean semiring"
    )


def _filter(image: np.ndarray, kernel: np.ndarray, centres: tuple, boundary: str,
            fillvalue: Any, method: str) -> np.ndarray:
    """``filter`` on validated numeric arrays of equal ndim, the kernel centred at ``centres``."""
    kinds = [value_kind(image), value_kind(kernel)]
    if boundary == "fill":
        kinds.append(scalar_kind(fillvalue))
    kind = join_kinds(*kinds)
    if image.size == 0:
        return np.zeros(image.shape, dtype=arith.kind_dtype(kind))
    if boundary == "fill":
        image = _holding(image, fillvalue, kind)
    window = Window(boundary, fillvalue, centres)
    if kind not in ("float", "complex"):
        return _run(image, kernel, window, STANDARD, method)
    # the image cast to float, the output, and the engine's own copies: refused before any
    config.check_memory(4.0 * image.size * config.value_bytes(arith.kind_dtype(kind)),
                        f"filter of an image of shape {image.shape}")
    if kind == "complex" and image.dtype.kind != "c":
        image = image.astype(np.result_type(image.dtype, np.complex64)
                             if image.dtype.kind == "f" else np.complex128)
    elif image.dtype.kind not in "fc":
        image = image.astype(np.float64)
    if kernel.dtype == object:
        kernel = kernel.astype(arith.kind_dtype(kind))
    return _run(image, kernel, window, STANDARD, method).astype(image.dtype, copy=False)


def holds(dtype: np.dtype, value: Any) -> bool:
    """Whether ``dtype`` holds ``value`` exactly (NaN holds NaN).

    >>> holds(np.dtype(np.uint8), 300), holds(np.dtype(np.float32), 0.5)
    (False, True)
    >>> holds(np.dtype(np.float32), 0.1), holds(np.dtype(np.float64), 1j)
    (False, False)
    """
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return isinstance(value, (int, np.integer)) and int(info.min) <= value <= int(info.max)
    if dtype.kind != "c" and isinstance(value, (complex, np.complexfloating)):
        return False
    try:
        held = dtype.type(value).item()  # compared as Python numbers: numpy would round
    except OverflowError:  # ``value`` to ``dtype`` before comparing
        return False
    return bool(held == value) or (held != held and value != value)


def _holding(image: np.ndarray, fillvalue: Any, kind: str) -> np.ndarray:
    """``image`` in a dtype that holds its values and ``fillvalue`` exactly, as ``convolve``
    widens values: int64 or Python ints for ints, Fractions as objects; a float image keeps
    its precision where that holds the fill (float32 with 0.5, complex64 for 1j), else
    float64 / complex128."""
    if kind in ("rational", "object"):
        return arith.to_object(image)
    if image.dtype == object or holds(image.dtype, fillvalue):
        return image
    if kind == "int":
        fits = image.dtype.itemsize < 8 or image.dtype == np.int64
        return image.astype(np.int64) if fits and holds(np.dtype(np.int64), fillvalue) else (
            arith.to_object(image))
    target = image.dtype if image.dtype.kind in "fc" else np.dtype(arith.kind_dtype(kind))
    if kind == "complex":
        target = np.result_type(target, np.complex64)
    if not holds(target, fillvalue):
        target = np.result_type(target, arith.kind_dtype(kind))
    return image.astype(target)
