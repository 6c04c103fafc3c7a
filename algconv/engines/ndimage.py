"""The ``ndimage`` engine: filter requests (``ac.filter``) by ``scipy.ndimage``, on every core.

It takes a Problem with a ``window`` (see ``engines.base.Window``) only where
``scipy.ndimage.convolve`` provably gives the sum ``filter`` defines: float32/64 or
complex64/128 images, a finite fill, no kernel axis longer than the image's (ndimage
extends the image once, then reads past it), no weight ndimage drops (``0 < |w| <=
2.2e-16``), and no ``inf * 0`` it would skip.  A kernel of numerical rank 1 may run as one
``scipy.ndimage.convolve1d`` pass per factor when that is estimated cheaper.  Both split
the image into bands of rows over ``config.workers`` threads; every output is bitwise what
one call on the whole image gives.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .._parallel import bands, parallel_map, request_workers
from ..boundaries import BOUNDARIES
from ..function import Function, trusted_dense
from .base import Engine, Problem, all_finite, kernel_factors

__all__ = ["NdimageEngine"]

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


def _ndimage_differs(image: np.ndarray, kernel: np.ndarray, fill: Any) -> str | None:
    """Why scipy.ndimage.convolve would not compute exactly the extended sum, or None."""
    if image.dtype not in _NDIMAGE_DTYPES or kernel.dtype.kind not in "iufc":
        return (f"it needs a float32/64 or complex64/128 image and a numeric kernel, but they "
                f"are {image.dtype} and {kernel.dtype}")
    if any(n > m for m, n in zip(image.shape, kernel.shape)):
        return "it reads past the image where a kernel axis is longer than the image's"
    if isinstance(fill, (complex, np.complexfloating)) or not math.isfinite(fill):
        return f"it needs a finite real fill value, but it is {fill!r}"
    parts = (kernel.real, kernel.imag) if kernel.dtype.kind == "c" else (kernel,)
    if any(((part != 0) & (np.abs(part) <= NDIMAGE_DROPPED)).any() for part in parts):
        return "it drops weights of magnitude at most 2.2e-16, and the kernel has some"
    # ndimage skips zero weights, so inf * 0 must never happen: with no zero weight every
    # pair is summed as the direct sum sums it, and only then is the image's scan skipped
    if not (bool(np.all(kernel != 0)) or all_finite(image)):
        return "it skips zero weights, which the image's inf or NaN would turn into NaN"
    return None


def _float_factors(p: Problem) -> list | None:
    """The kernel's 1-D factors when it is separable and ndimage would use them as it
    uses the kernel (real floats, no weight ndimage would drop), else None."""
    if p.fv.array.dtype.kind != "f" or p.gv.array.dtype.kind not in "iuf":
        return None
    fs = kernel_factors(p)
    if fs is None or any(((f != 0) & (np.abs(f) <= NDIMAGE_DROPPED)).any() for f in fs):
        return None
    return fs


def _workers(image: np.ndarray) -> int:
    return request_workers() if image.size >= PARALLEL_MIN_ENTRIES else 1


def banded_ndimage(image: np.ndarray, kernel: np.ndarray, mode: str, cval: Any,
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


def separable_ndimage(image: np.ndarray, fs: list, mode: str, cval: Any,
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


class NdimageEngine(Engine):
    """Filter requests by ``scipy.ndimage.convolve`` (or ``convolve1d`` passes), in bands.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.filter(np.array([1.0, 2.0, 3.0]), [1, 1, 1], method="ndimage")
    array([3., 6., 5.])
    """

    name = "ndimage"
    exact = False
    keeps_nonfinite = True  # where it applies: every pair summed, as the direct sum does
    windows = True
    summary = "scipy.ndimage.convolve in bands of rows (filter only)"
    min_cost = NDIMAGE_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        if p.window is None:
            return "it filters images (ac.filter), but this is a full convolution"
        if not p.semiring.is_standard:
            return f"it needs the standard numbers, but the values are in {p.semiring!r}"
        if not p.dense or p.fv.array.dtype == object:
            return "it needs numeric arrays"
        return _ndimage_differs(p.fv.array, p.gv.array, p.window.fill)

    def _plan(self, p: Problem) -> tuple[float, list | None]:
        """(seconds, factors or None): the N-D filter or, when cheaper, the passes (kept
        on the problem: choosing and running ask twice)."""
        plan = p.__dict__.get("_ndimage_plan")
        if plan is None:
            plan = p._ndimage_plan = self._new_plan(p)
        return plan

    def _new_plan(self, p: Problem) -> tuple[float, list | None]:
        image, kernel = p.fv.array, p.gv.array
        whole = NDIMAGE_OVERHEAD + image.size * (SECONDS_PER_NDIMAGE_POINT
                                                 + SECONDS_PER_NDIMAGE_TERM * kernel.size)
        # the passes' cost needs only the factors' lengths (the kernel's shape): factorise
        # only a kernel whose passes would win (never a 3x3 one: its N-D filter is cheaper)
        passes = sum(NDIMAGE_OVERHEAD + image.size * (SECONDS_PER_PASS_POINT
                                                      + SECONDS_PER_PASS_TERM * k)
                     for k in kernel.shape)
        fs = _float_factors(p) if passes < whole else None
        return (passes, fs) if fs is not None else (whole, None)

    def cost(self, p: Problem) -> float:
        return self._plan(p)[0]

    def memory(self, p: Problem) -> float:
        # the output, ndimage's extended copy of the input, and the bands' own outputs (or a
        # separable filter's intermediate pass) before they are copied
        return 4.0 * p.fv.array.size * max(p.fv.array.dtype.itemsize, 8)

    def run(self, p: Problem) -> Function:
        image, kernel, w = p.fv.array, p.gv.array, p.window
        origin = [c - k // 2 for k, c in zip(kernel.shape, w.centres)]
        mode = BOUNDARIES[w.boundary][0]
        _, fs = self._plan(p)
        if fs is not None:
            out = separable_ndimage(image, fs, mode, w.fill, origin)
        else:
            out = banded_ndimage(image, kernel, mode, w.fill, origin, w.centres)
        return trusted_dense(out, p.over, p.fv.start, p.semiring)
