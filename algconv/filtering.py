r"""``filter``: image-style convolution on Z^d with a boundary rule, as ``scipy.ndimage``.

The result has the image's shape; the kernel is centred as ``scipy.ndimage.convolve``
centres it (index ``len // 2`` on every axis, odd or even, shifted by ``origin``); with
``axes`` the kernel gets length-1 axes for the others; outside the image the values
follow ``boundary``, periodically however far the kernel reaches.  The image is padded by
the boundary rule (``numpy.pad``) and convolved by ``algconv.convolve`` in ``valid`` mode,
whose engines are exact for ints and Fractions (never wrapping as ndimage does with small
integer dtypes) and multiply every weight.  ``scipy.ndimage.convolve`` is used instead only
where it provably gives the same sum and is cheaper: float32/64 or complex64/128 values,
all finite, no kernel axis longer than the image's (ndimage reads past the image there),
and no weight it would drop (``0 < |w| <= 2.2e-16``).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from . import arith, boundaries, config, separable
from ._kernels import bool_operands
from ._parallel import bands, parallel_map, request_workers
from .boundaries import BOUNDARIES, NDIMAGE_NAMES, check_boundary, kernel_and_centres
from .dispatch import convolve
from .engines import ENGINES
from .engines.base import Problem, all_finite
from .errors import InvalidArgument
from .function import trusted_dense
from .semirings import Boolean, MaxPlus, MinPlus, Semiring, Tropical, check_semiring
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

#: scipy.ndimage.convolve: seconds per image entry, per image entry x kernel entry and
#: per call (2048^2, best of 5 on the 2-core machine: 3x3 34 ms, 5x5 57 ms, 7x7 120 ms,
#: 9x9 212 ms; fitted 3e-9 + 0.6e-9 k per entry)
SECONDS_PER_NDIMAGE_POINT = 3.0e-9
SECONDS_PER_NDIMAGE_TERM = 0.6e-9
NDIMAGE_OVERHEAD = 2.5e-5
#: scipy.ndimage.convolve1d, one pass of a separable kernel: seconds per image entry and
#: per entry x kernel tap (2048^2, best of 5: 38 ms a pass at 3 taps, 41 ms at 7, 47 ms
#: at 15 -- a pass costs about as much as 9 taps of the N-D filter)
SECONDS_PER_PASS_POINT = 8.5e-9
SECONDS_PER_PASS_TERM = 1.8e-10
#: images of fewer entries are filtered on one thread (a hand-off costs 20-50 us)
PARALLEL_MIN_ENTRIES = 2**16
#: scipy.ndimage skips every weight with ``|w| <= DBL_EPSILON`` (ni_filters.c)
NDIMAGE_DROPPED = np.finfo(np.float64).eps
_NDIMAGE_DTYPES = (np.float32, np.float64, np.complex64, np.complex128)


def _fft_cost(padded_shape: tuple, kernel: np.ndarray, kind: str) -> float:
    """The cheaper of the fft / overlap-add engines on the padded problem (estimate)."""
    over = Integers() if kernel.ndim == 1 else Lattice(kernel.ndim)
    start = (0,) * kernel.ndim
    shape_only = np.broadcast_to(np.float64(0), padded_shape)  # no memory: costs need shapes
    probe = Problem(trusted_dense(shape_only, over, start),
                    trusted_dense(kernel, over, start), over)
    probe._kind = kind  # skip scanning values: the kind is already known
    return min(ENGINES[name].cost(probe) for name in ("fft", "overlap-add"))


def filter(image: Any, kernel: Any, boundary: str = "fill", fillvalue: Any = None, *,
           origin: Any = 0, axes: Any = None, semiring: Semiring | None = None) -> np.ndarray:
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
    """
    if is_dask_array(image) or is_dask_array(kernel):  # lazy, chunked: algconv.daskarray
        return dask_front_end("filter")(image, kernel, boundary=boundary, fillvalue=fillvalue,
                                        origin=origin, axes=axes, semiring=semiring)
    S = check_semiring(semiring)
    if not S.is_standard:
        return _semiring_filter(image, kernel, boundary, fillvalue, origin, axes, S)
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
    out = _filter(image, kernel, centres, boundary, fillvalue)
    return out > 0 if boolean else out  # Boolean semiring: exact counts, True where one


def _semiring_filter(image: Any, kernel: Any, boundary: str, fillvalue: Any, origin: Any,
                     axes: Any, S: Semiring) -> np.ndarray:
    """``filter`` with values in a semiring other than the standard numbers: the image padded
    by the boundary rule (``fill``: the semiring's zero by default) and convolved in
    ``valid`` mode with ``semiring=S``."""
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
    source = kernel
    kernel, centres = kernel_and_centres(kernel, image.ndim, origin, axes)
    if image.size == 0:
        return S.zeros(image.shape, image.dtype)
    if type(S) in (MaxPlus, MinPlus) and axes is None and not S.zero_mask(kernel).all():
        from ._semiring_kernels import tropical_filter  # scipy.ndimage: on first use

        # grey dilation / erosion: scipy.ndimage where its conventions provably agree
        return tropical_filter(image, source, maximize=isinstance(S, MaxPlus),
                               boundary=boundary, fillvalue=fill, origin=origin)
    ints = image.dtype.kind in "iu" and kernel.dtype.kind in "iu"
    if boundary == "fill" and image.dtype != object and not holds(image.dtype, fill):
        image = image.astype(np.float64) if ints and isinstance(S, Tropical) and max(
            arith.max_abs(image), arith.max_abs(kernel)) < 2**52 else arith.to_object(image)
    padded = boundaries.padded(image, kernel.shape, centres, boundary, fill)
    out = convolve(padded, kernel, mode="valid", semiring=S)
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
            fillvalue: Any) -> np.ndarray:
    """``filter`` on validated numeric arrays of equal ndim, the kernel centred at ``centres``."""
    kinds = [value_kind(image), value_kind(kernel)]
    if boundary == "fill":
        kinds.append(scalar_kind(fillvalue))
    kind = join_kinds(*kinds)
    if image.size == 0:
        return np.zeros(image.shape, dtype=arith.kind_dtype(kind))
    if boundary == "fill":
        image = _holding(image, fillvalue, kind)
    if kind in ("float", "complex"):
        return _float_filter(image, kernel, centres, boundary, fillvalue, kind)
    padded = boundaries.padded(image, kernel.shape, centres, boundary, fillvalue)
    fs = separable.factors(kernel)
    if fs is not None and _passes_cheaper(padded, kernel, fs):
        for ax, f in enumerate(fs):  # exact factors: the passes give the same values
            shape = [1] * padded.ndim
            shape[ax] = len(f)
            padded = convolve(padded, f.reshape(shape), mode="valid")
        return padded
    return convolve(padded, kernel, mode="valid")


def _passes_cheaper(padded: np.ndarray, kernel: np.ndarray, fs: list) -> bool:
    """Whether one ``valid`` convolution per factor is estimated cheaper than one with the
    whole kernel (``choose_method``'s costs; every pass priced on the padded image)."""
    from .dispatch import choose_method

    def cost(k: np.ndarray) -> float:
        return min(c for _, c, _ in choose_method(padded, k, "valid").candidates if c is not None)

    passes = 0.0
    for ax, f in enumerate(fs):
        shape = [1] * padded.ndim
        shape[ax] = len(f)
        passes += cost(f.reshape(shape))
    return passes < cost(kernel)


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


def _ndimage_equal(image: np.ndarray, kernel: np.ndarray, fillvalue: Any) -> bool:
    """Whether scipy.ndimage.convolve computes exactly the padded sum here (see module doc)."""
    if image.dtype not in _NDIMAGE_DTYPES or kernel.dtype.kind not in "iufc":
        return False
    if any(n > m for m, n in zip(image.shape, kernel.shape)):
        return False  # ndimage extends once, then reads past the image
    if isinstance(fillvalue, (complex, np.complexfloating)) or not math.isfinite(fillvalue):
        return False
    parts = (kernel.real, kernel.imag) if kernel.dtype.kind == "c" else (kernel,)
    if any(((part != 0) & (np.abs(part) <= NDIMAGE_DROPPED)).any() for part in parts):
        return False  # ndimage would drop these weights
    # ndimage skips zero weights, so inf * 0 must never happen: with no zero weight every
    # pair is summed as the direct sum sums it, and only then is the image's scan skipped
    return bool(np.all(kernel != 0)) or all_finite(image)


def _float_factors(image: np.ndarray, kernel: np.ndarray) -> list | None:
    """The kernel's 1-D factors when it is separable and ndimage would use them as it
    uses the kernel (real floats, no weight ndimage would drop), else None."""
    if image.dtype.kind != "f" or kernel.dtype.kind not in "iuf":
        return None
    fs = separable.factors(kernel.astype(np.float64, copy=False))
    if fs is None or any(((f != 0) & (np.abs(f) <= NDIMAGE_DROPPED)).any() for f in fs):
        return None
    return fs


def _workers(image: np.ndarray) -> int:
    return request_workers() if image.size >= PARALLEL_MIN_ENTRIES else 1


def _banded_ndimage(image: np.ndarray, kernel: np.ndarray, mode: str, cval: Any,
                    origin: list, centres: tuple) -> np.ndarray:
    """``scipy.ndimage.convolve`` on bands of rows (axis 0), one per worker, written in place.

    Each band is filtered on its own rows straight into its rows of the output.  An output
    row's sum reads input rows ``i - (k - 1 - c) .. i + c`` (kernel length ``k``, centre
    ``c`` on axis 0), so only the ``k - 1`` rows around each cut (and, for ``wrap``, the
    rows at the image's edges, whose halo is the other edge) read past their band: those
    are computed again from a slab with its halo and overwritten.  Every row is then what
    one call on the whole image gives, bitwise; bands have at least ``4 k`` rows, so
    reflections at the image's edges stay inside the edge bands.
    """
    import scipy.ndimage  # on first use: ``import algconv`` stays light

    rows, k, c = image.shape[0], kernel.shape[0], centres[0]
    count = min(_workers(image), rows // max(4 * k, 64))
    if count <= 1:
        return scipy.ndimage.convolve(image, kernel, mode=mode, cval=cval, origin=origin)
    out = np.empty(image.shape, dtype=image.dtype)  # ndimage's output dtype: the input's

    def band(lohi: tuple) -> None:
        lo, hi = lohi
        scipy.ndimage.convolve(image[lo:hi], kernel, output=out[lo:hi], mode=mode, cval=cval,
                               origin=origin)

    cuts = bands(rows, count)
    parallel_map(band, cuts, count)
    before, after = k - 1 - c, c  # rows read before and after an output row
    fix = [(hi - after, hi + before) for _, hi in cuts[:-1]]  # rows whose sums cross a cut
    if mode == "wrap":
        fix += [(0, before), (rows - after, rows)]
    for lo, hi in fix:
        lo, hi = max(lo, 0), min(hi, rows)
        if lo >= hi:
            continue
        first, last = lo - before, hi + after
        if mode == "wrap":
            slab = image.take(range(first, last), axis=0, mode="wrap")
        else:  # at the image's edges ndimage extends the slab as it extends the image
            first, last = max(first, 0), min(last, rows)
            slab = image[first:last]
        done = scipy.ndimage.convolve(slab, kernel, mode=mode, cval=cval, origin=origin)
        out[lo:hi] = done[lo - first: hi - first]
    return out


def _separable_ndimage(image: np.ndarray, fs: list, mode: str, cval: Any,
                       origin: list) -> np.ndarray:
    """One ``scipy.ndimage.convolve1d`` pass per factor, in float64 (the N-D filter also
    sums in double), each split into bands along another axis (no halo needed).

    With ``mode='constant'`` a later pass sees the fill value already filtered by the
    earlier factors: ``cval * sum(f)`` per earlier factor ``f``.
    """
    import scipy.ndimage  # on first use: ``import algconv`` stays light

    x = image.astype(np.float64, copy=False)
    workers = _workers(image)
    for ax, f in enumerate(fs):
        if len(f) == 1:
            x = x * f[0]
            cval = cval * f[0]
            continue
        split = 1 if ax == 0 else 0
        count = min(workers, x.shape[split] // 16) if x.ndim > 1 else 1
        out = np.empty(x.shape, dtype=np.float64)

        def piece(lohi: tuple, x=x, out=out, ax=ax, f=f, cval=cval, split=split) -> None:
            index = [slice(None)] * x.ndim
            index[split] = slice(*lohi)
            scipy.ndimage.convolve1d(x[tuple(index)], f, axis=ax, output=out[tuple(index)],
                                     mode=mode, cval=cval, origin=origin[ax])

        count = max(count, 1)
        parallel_map(piece, bands(x.shape[split], count), count)
        x = out
        if mode == "constant":
            cval = cval * float(np.sum(f))
    return x.astype(image.dtype, copy=False)


def _float_filter(image: np.ndarray, kernel: np.ndarray, centres: tuple, boundary: str,
                  fillvalue: Any, kind: str) -> np.ndarray:
    # the image cast to float, the output, ndimage's padded copy of the input, and the
    # bands' own outputs (or a separable filter's intermediate pass) before they are copied
    config.check_memory(4.0 * image.size * config.value_bytes(arith.kind_dtype(kind)),
                        f"filter of an image of shape {image.shape}")
    if kind == "complex" and image.dtype.kind != "c":
        image = image.astype(np.result_type(image.dtype, np.complex64)
                             if image.dtype.kind == "f" else np.complex128)
    elif image.dtype.kind not in "fc":
        image = image.astype(np.float64)
    if kernel.dtype == object:
        kernel = kernel.astype(arith.kind_dtype(kind))
    if _ndimage_equal(image, kernel, fillvalue):
        padded_shape = tuple(m + n - 1 for m, n in zip(image.shape, kernel.shape))
        ndimage = NDIMAGE_OVERHEAD + image.size * (SECONDS_PER_NDIMAGE_POINT
                                                   + SECONDS_PER_NDIMAGE_TERM * kernel.size)
        fs = _float_factors(image, kernel)
        passes = math.inf if fs is None else sum(
            NDIMAGE_OVERHEAD + image.size * (SECONDS_PER_PASS_POINT
                                             + SECONDS_PER_PASS_TERM * len(f)) for f in fs)
        if min(ndimage, passes) <= _fft_cost(padded_shape, kernel, kind):
            origin = [c - k // 2 for k, c in zip(kernel.shape, centres)]
            mode = BOUNDARIES[boundary][0]
            if passes < ndimage:
                return _separable_ndimage(image, fs, mode, fillvalue, origin)
            return _banded_ndimage(image, kernel, mode, fillvalue, origin, centres)
    padded = boundaries.padded(image, kernel.shape, centres, boundary, fillvalue)
    return convolve(padded, kernel, mode="valid").astype(image.dtype, copy=False)
