r"""A stencil kernel: ``filter`` on float and complex images as flat shifted multiply-adds.

The image, extended by its boundary rule (``boundaries.padded``), is cut into blocks of
rows along axis 0 (a fixed number of rows, set by the shape only).  Each block is padded
into a small buffer that stays in the core's L2 cache and read *flat*: with ``s`` the
padded strides (C order), the correlation with the flipped kernel ``Kf`` is, at every flat
position ``n`` of the padded grid,

.. math:: o[n] = \sum_t Kf[t]\, p[n + \mathrm{off}_t], \qquad \mathrm{off}_t = t \cdot s

one vectorised ``numpy.multiply`` and one in-place add per tap; positions whose inner
coordinates fall in the padding are computed too and cropped away.  A separable kernel
(``separable.factors``) is applied as one such pass per factor when the cost model says so;
a block whose separable result holds inf or NaN is recomputed with every tap, so ``inf * 0``
gives NaN exactly where the direct sum does.  The blocks are shared out over
``config.workers`` threads (numpy releases the GIL in its loops): padding, sums and the
crop all happen inside the threads.  Every output is computed by the same operations in
the same order whatever the number of workers, so results are bitwise identical.

Sums are in float64 (complex128), as ``scipy.ndimage`` sums in double; every weight is
multiplied (zero and tiny ones too); a real weight scales the real and imaginary parts of
a complex value (as ndimage does), a complex weight multiplies as numpy's complex product.

Examples
--------
>>> stencil_filter(np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0, 1.0, 1.0]), (1,), "fill", 0)
array([3., 6., 9., 7.])
>>> stencil_filter(np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0, 1.0, 1.0]), (1,), "wrap", 0)
array([7., 6., 9., 8.])
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from . import config
from ._parallel import kept_buffer, parallel_map, request_workers
from .boundaries import BOUNDARIES
from .errors import InvalidArgument, InvalidType

__all__ = ["BLOCK_ELEMENTS", "IMAGE_DTYPES", "stencil_bytes", "stencil_filter", "stencil_seconds"]

#: the image dtypes summed in double without losing precision (float16 and long double
#: images are not: ``convolve`` keeps their own precision)
IMAGE_DTYPES = tuple(np.dtype(t) for t in (np.float32, np.float64, np.complex64,
                                           np.complex128))
#: float64 values of output a block holds (rows of the padded width; 1 MiB, in L2 / L3).
#: One thread is as fast with 2^15 as with 2^17, but two threads need long numpy calls:
#: each call hands the GIL over, which costs more than a 2^15-value call (two processes
#: scaled 2x where two threads of the same 2^15 loop did not scale at all).  2048^2, best
#: of 5 wall, load ~0.8, ratios to scipy.ndimage.convolve on one / two threads: 3x3 box
#: 0.55 / 0.65 at 2^15, 0.68 / 0.50 at 2^17, 0.70 / 0.69 at 2^18; 7x7 0.46 / 0.81,
#: 0.49 / 0.32, 0.48 / 0.38
BLOCK_ELEMENTS = 1 << 17
#: output rows per banded matrix product (``_banded``): 2048^2 x 7^2 took 38 ms at 4
#: rows, 40 at 8, 48 at 16, 75 at 32 (3x3: 24, 23, 37, 53), one thread, CPU time
BAND_ROWS = 4
#: leading axes of length below this with a kernel length 1 are split into independent
#: slices (so that their inner axes are cut into blocks and shared over the workers)
SLICE_BELOW = 8
#: cost model, fitted on float64 images 2048^2, 512^2 and 256^2 with dense k x k kernels,
#: k = 1 .. 15, one thread, best of 5 in process CPU time (2-core AMD EPYC Zen4, under
#: load 3.5): 0.45 ns per padded-grid value per tap at 2048^2 (0.36 ns of arithmetic, the
#: rest the 2 ufunc calls of ~1.5 us per tap and chunk of BLOCK_ELEMENTS), 11 ms at k = 1
#: (padding, crop and fresh output pages: ~2.2 ns per image value); 256^2 x 15^2 9.2 ms
#: (model 7.8), 2048^2 x 3^2 27 ms (28.5), 7^2 95 ms (103), 15^2 435 ms (448)
SECONDS_PER_TAP = 0.32e-9
SECONDS_PER_POINT = 2.2e-9
SECONDS_PER_UFUNC = 1.5e-6
SECONDS_PER_BLOCK = 1.0e-5
STENCIL_OVERHEAD = 3.0e-5
#: the banded matrix products (``_banded``), fitted on 2048^2 x 3^2, 7^2, 15^2 (25, 54,
#: 140 ms, CPU time, one thread, load 4) and checked at 256^2 x 7^2 (2.6 ms, model 2.8):
#: seconds per flop of the products (~35 GFlop/s), per value of an add, per product call
SECONDS_PER_BAND_FLOP = 2.9e-11
SECONDS_PER_ADD = 0.3e-9
SECONDS_PER_PRODUCT = 2.6e-6
#: a complex image against a float64 one (real weights on interleaved parts, or numpy's
#: SIMD complex product: both measured 2.1-2.3x)
COMPLEX_FACTOR = 2.2
#: what each further worker adds (an estimate: the bands share nothing but L3 and memory
#: bandwidth, and two processes of the same numpy loop scale as two threads do; while
#: these constants were fitted the machine was busy with other work, so it could not be
#: measured: re-measure on an idle machine, best of 5 wall times)
PARALLEL_EFFICIENCY = 0.9


def stencil_filter(image: np.ndarray, kernel: np.ndarray, centres: tuple, boundary: str,
                   fillvalue: Any = 0, workers: int | None = None,
                   factors: list | None = None) -> np.ndarray:
    r"""``out[i] = sum_j K[j] E[i - j + c]``: ``filter``'s sum on a float or complex image.

    Parameters
    ----------
    image : ndarray, float32/64 or complex64/128 (``IMAGE_DTYPES``), ndim >= 1
        The values on a box of Z^d.
    kernel : ndarray, same ndim, not empty
        Real (bool, int, float: used as float64) or complex (complex128) weights.
    centres : tuple of int
        The kernel's centre on every axis, ``0 <= c < k``.
    boundary : {'fill', 'wrap', 'reflect', 'mirror', 'nearest'}
        How the image continues past its edges (``boundaries.BOUNDARIES``).
    fillvalue : number, default 0
        The value outside the image with ``boundary='fill'``, first cast to the image's
        dtype (as ``boundaries.padded`` pads).
    workers : int, optional
        Threads; default ``config.workers`` (1 inside a worker thread).
    factors : list of 1-D arrays, optional
        The kernel's factors (``separable.factors``): applied as one pass each when
        ``stencil_seconds`` says that is cheaper.

    Returns
    -------
    ndarray
        A fresh C-contiguous array of the image's shape and dtype (complex64 / complex128
        for a real image with a complex kernel or fill value), summed in double.

    Raises
    ------
    InvalidType
        An image that is not float or complex, a kernel that is not numeric.
    InvalidArgument
        Mismatched dimensions, an empty kernel, a centre outside the kernel, an unknown
        boundary.

    Examples
    --------
    >>> image = np.arange(12.0).reshape(3, 4)
    >>> stencil_filter(image, np.ones((3, 3)), (1, 1), "nearest")
    array([[15., 21., 30., 36.],
           [39., 45., 54., 60.],
           [63., 69., 78., 84.]])
    """
    image, kernel, fill = _operands(image, kernel, centres, boundary, fillvalue)
    workers = request_workers() if workers is None else max(1, int(workers))
    out = np.empty(image.shape, dtype=image.dtype)
    if image.size == 0:
        return out
    if factors is not None:
        factors = [np.asarray(f, dtype=np.float64).ravel() for f in factors]
        if kernel.dtype.kind == "c" or [len(f) for f in factors] != list(kernel.shape):
            factors = None
    config.check_memory(stencil_bytes(image.shape, kernel.shape, image.dtype, workers),
                        f"filter of an image of shape {image.shape}")
    estimates = _estimates(image.shape, kernel.shape, factors)  # shapes only: the same
    way = min(estimates, key=estimates.get)  # way for any number of workers
    plan = _Plan(image, kernel, centres, boundary, fill, factors if way == "passes" else None,
                 way == "banded")
    plan.run(out, workers)
    return out


def stencil_seconds(image_shape: tuple, kernel_shape: tuple, factors: list | None,
                    workers: int, kind: str = "float") -> float:
    """Estimated seconds of ``stencil_filter`` (a pure function of the shapes).

    ``factors``: the kernel's 1-D factors (only their lengths count) for the separable
    passes, or None for every tap of the kernel.  ``kind``: ``'complex'`` for a complex
    image (twice the values; real or complex weights cost the same: 2.1-2.3x a float64
    image at 512^2 and 1024^2 x 7^2, float32 0.95x).

    >>> one = stencil_seconds((2048, 2048), (7, 7), None, 1)
    >>> two = stencil_seconds((2048, 2048), (7, 7), None, 2)
    >>> 0.04 < one < 0.2 and 1.5 < one / two < 2.0
    True
    >>> stencil_seconds((2048, 2048), (15, 15), [[1] * 15] * 2, 1) < stencil_seconds(
    ...     (2048, 2048), (15, 15), None, 1)
    True
    """
    size = math.prod(int(n) for n in image_shape)
    if size == 0:
        return STENCIL_OVERHEAD
    work = min(_estimates(image_shape, kernel_shape, factors).values())
    blocks = _blocking(image_shape, kernel_shape)[5]
    used = min(max(1, int(workers)), blocks)
    speedup = blocks / -(-blocks // used)  # the bands hold whole blocks
    work *= COMPLEX_FACTOR if kind == "complex" else 1.0
    return STENCIL_OVERHEAD + work / (1 + (speedup - 1) * PARALLEL_EFFICIENCY)


def _estimates(image_shape: tuple, kernel_shape: tuple, factors: list | None) -> dict:
    """Seconds on one thread of each way to sum the blocks: ``'taps'`` (one multiply and
    add per tap), ``'passes'`` (the same per factor, with ``factors``), ``'banded'`` (band
    matrix products, for 2 or more axes and a kernel longer than 1 on axis 0)."""
    size = math.prod(int(n) for n in image_shape)
    _, shape, kshape, rows, _, blocks, slab = _blocking(image_shape, kernel_shape)
    padded = [n + k - 1 for n, k in zip(shape, kshape)]
    cells = size // shape[-1] * padded[-1]  # the padded-width grid of outputs
    chunks = blocks * max(1, -(-rows * slab // BLOCK_ELEMENTS))
    fixed = size * SECONDS_PER_POINT + blocks * SECONDS_PER_BLOCK
    taps = math.prod(kshape)
    out = {"taps": fixed + cells * taps * SECONDS_PER_TAP + chunks * 2 * taps * SECONDS_PER_UFUNC}
    if factors is not None:
        lengths = [len(f) for f in factors if len(f) > 1]
        longer = 1 + 0.1 * (len(lengths) - 1)  # earlier passes: longer grids
        out["passes"] = fixed + sum(lengths) * (cells * longer * SECONDS_PER_TAP
                                                + chunks * 2 * SECONDS_PER_UFUNC)
    if len(shape) > 1 and kshape[0] > 1:
        inner = math.prod(kshape[1:])
        groups = size // math.prod(shape[1:]) // BAND_ROWS  # BLAS calls per inner tap
        flops = 2 * inner * (BAND_ROWS + kshape[0] - 1)
        out["banded"] = fixed + cells * (flops * SECONDS_PER_BAND_FLOP + (inner - 1)
                                         * SECONDS_PER_ADD) + inner * (
            groups * SECONDS_PER_PRODUCT + 2 * blocks * 2 * SECONDS_PER_UFUNC)
    return out


def _blocking(image_shape: tuple, kernel_shape: tuple, view: int = 1) -> tuple:
    """How ``stencil_filter`` cuts a problem: ``(slices, shape, kshape, rows, per_slice,
    blocks, slab)`` -- the short leading batch axes (kernel length 1, fewer than
    ``SLICE_BELOW``) taken one slice at a time, the shapes left, the output rows per block,
    the blocks per slice and in all, and the padded values per row of axis 0."""
    shape, kshape, slices = tuple(image_shape), tuple(kernel_shape), ()
    while len(shape) > 1 and kshape[0] == 1 and shape[0] < SLICE_BELOW:
        slices, shape, kshape = (*slices, shape[0]), shape[1:], kshape[1:]
    slab = math.prod(n + k - 1 for n, k in zip(shape[1:], kshape[1:]))
    rows = max(1, min(shape[0], BLOCK_ELEMENTS // (slab * view)))
    per_slice = -(-shape[0] // rows)
    return slices, shape, kshape, rows, per_slice, per_slice * math.prod(slices), slab


def stencil_bytes(image_shape: tuple, kernel_shape: tuple, dtype: Any, workers: int) -> float:
    """Bytes ``stencil_filter`` allocates: the output, and per thread a padded block and
    two buffers of its size (the sums, a separable pass) in float64 / complex128.

    >>> round(stencil_bytes((2048, 2048), (7, 7), np.float32, 2) / 2**20, 1)  # MiB: 16 out
    22.5
    """
    dtype = np.dtype(dtype)
    size = math.prod(image_shape)
    if size == 0:
        return 0.0
    _, _, kshape, rows, _, blocks, slab = _blocking(image_shape, kernel_shape)
    block = (rows + kshape[0] - 1) * slab * (16 if dtype.kind == "c" else 8)
    return float(size * dtype.itemsize + 3 * min(max(1, int(workers)), blocks) * block)


def _operands(image: Any, kernel: Any, centres: Any, boundary: str, fillvalue: Any) -> tuple:
    """Checked operands: the image (complex when the kernel or fill is), float64 or
    complex128 weights, and the fill value in the image's dtype."""
    if not isinstance(image, np.ndarray) or image.dtype not in IMAGE_DTYPES or (
            image.ndim == 0):
        raise InvalidType(f"Got image of type {type(image).__name__} "
                          f"{getattr(image, 'dtype', '')}, but expected a float32/64 or "
                          "complex64/128 ndarray of ndim >= 1 (sums in double)")
    kernel = np.asarray(kernel)
    if kernel.dtype == object:
        complex_ = any(isinstance(v, (complex, np.complexfloating)) for v in kernel.flat)
        kernel = kernel.astype(np.complex128 if complex_ else np.float64)
    if kernel.dtype.kind not in "biufc":
        raise InvalidType(f"Got kernel of dtype {kernel.dtype}, but expected numbers")
    if kernel.ndim != image.ndim or kernel.size == 0:
        raise InvalidArgument(f"Got kernel with shape {kernel.shape} for an image with shape "
                              f"{image.shape}, but expected a non-empty kernel of "
                              f"{image.ndim} dimensions")
    centres = tuple(int(c) for c in centres)
    if len(centres) != kernel.ndim or not all(0 <= c < k for c, k in zip(centres,
                                                                          kernel.shape)):
        raise InvalidArgument(f"Got centres={centres!r}, but expected one index inside the "
                              f"kernel of shape {kernel.shape} per axis")
    if boundary not in BOUNDARIES:
        raise InvalidArgument(f"Got boundary={boundary!r}, but expected one of "
                              f"{sorted(BOUNDARIES)}")
    complex_fill = boundary == "fill" and isinstance(fillvalue, (complex, np.complexfloating))
    if image.dtype.kind == "f" and (kernel.dtype.kind == "c" or complex_fill):
        image = image.astype(np.result_type(image.dtype, np.complex64))
    kernel = kernel.astype(np.complex128 if kernel.dtype.kind == "c" else np.float64)
    try:
        fill = image.dtype.type(fillvalue if boundary == "fill" else 0)
    except (TypeError, ValueError, OverflowError) as e:
        raise InvalidArgument(f"Got fillvalue={fillvalue!r}, but expected a number an image "
                              f"of dtype {image.dtype} holds") from e
    return image, kernel, fill


class _Plan:
    """The blocks of one ``stencil_filter`` call and how each is computed."""

    def __init__(self, image: np.ndarray, kernel: np.ndarray, centres: tuple, boundary: str,
                 fill: Any, factors: list | None, banded: bool = False):
        self.image, self.kernel, self.boundary, self.fill = image, kernel, boundary, fill
        self.factors = factors
        # a complex image with real weights is read as interleaved float64 (real, imag)
        self.dtype = np.dtype(np.complex128 if image.dtype.kind == "c" else np.float64)
        self.view = 2 if (image.dtype.kind == "c" and kernel.dtype.kind != "c") else 1
        (self.slices, shape, kshape, self.rows, self.per_slice, self.blocks,
         self.slab) = _blocking(image.shape, kernel.shape, self.view)
        centres = centres[len(self.slices):]  # a short batch axis: one problem per slice
        self.kernel = kernel.reshape(kshape)
        self.shape, self.kshape = shape, kshape
        self.before = [k - 1 - c for k, c in zip(kshape, centres)]
        self.padded = [n + k - 1 for n, k in zip(shape, kshape)]
        mode = BOUNDARIES[boundary][1]
        self.maps = [np.pad(np.arange(n), (b, k - 1 - b), mode=mode) if mode != "constant"
                     else np.pad(np.arange(n), (b, k - 1 - b), constant_values=-1)
                     for n, k, b in zip(shape, kshape, self.before)]
        strides = [math.prod(self.padded[a + 1:]) for a in range(len(shape))]
        flipped = self.kernel[(slice(None, None, -1),) * len(shape)]
        self.taps = [(sum(t * s for t, s in zip(idx, strides)) * self.view, flipped[idx])
                     for idx in np.ndindex(*kshape)]
        self.passes = None if factors is None else _passes(factors, strides, self.view)
        self.bands = _bands(flipped, strides, self.view) if (
            banded and len(shape) > 1 and kshape[0] > 1 and bool(np.isfinite(flipped).all())
        ) else None

    def run(self, out: np.ndarray, workers: int) -> None:
        """Every block into ``out``, on up to ``workers`` threads, each taking the next
        block as it becomes free (``parallel_map``); a block is computed the same way by
        any thread, so the result never depends on the split."""
        parallel_map(lambda b: self._blocks(out, b, b + 1), range(self.blocks),
                     min(workers, self.blocks))

    def _blocks(self, out: np.ndarray, first: int, last: int) -> None:
        """Blocks ``first .. last - 1`` (in order: slices, then row ranges), with buffers
        of this thread."""
        rows_in = self.rows + self.kshape[0] - 1
        buffer = kept_buffer("block", (rows_in, *self.padded[1:]), self.dtype)
        work_dtype = np.float64 if self.view == 2 else self.dtype
        work = kept_buffer("work", (buffer.size * self.view,), work_dtype)
        spare = (kept_buffer("spare", (buffer.size * self.view,), work_dtype)
                 if self.passes is not None or self.bands is not None else None)
        for b in range(first, last):
            where, row = divmod(b, self.per_slice)
            index = np.unravel_index(where, self.slices) if self.slices else ()
            lo = row * self.rows
            hi = min(lo + self.rows, self.shape[0])
            image, target = self.image[index], out[index][lo:hi]
            block = buffer[:hi - lo + self.kshape[0] - 1]
            self._pad(block, image, lo)
            flat = block.reshape(-1)
            flat = flat.view(np.float64) if self.view == 2 else flat
            length = ((hi - lo - 1) * self.slab + sum(
                (n - 1) * s for n, s in zip(self.shape[1:], self._strides()[1:])) + 1) * self.view
            done = None
            if self.passes is not None:
                done = self._separable(flat, work, spare, length)
                crop = self._crop(done, hi - lo)
                if not np.isfinite(_quiet_sum(crop)):  # as the direct sum: inf * 0 is NaN (a
                    # finite sum proves every value finite; an overflowing one re-sums)
                    self._pad(block, image, lo)
                    done = None
                else:
                    target[...] = crop
            if done is None and self.bands is not None and bool(np.isfinite(_quiet_sum(flat))):
                # finite values only: the band matrices' zeros never meet an inf
                _banded(flat.reshape(len(block), -1), self.bands, work, hi - lo, length,
                        spare)
                done = work
                target[...] = self._crop(work, hi - lo)
            if done is None:
                _taps(flat, self.taps, work, length)
                target[...] = self._crop(work, hi - lo)

    def _strides(self) -> list:
        return [math.prod(self.padded[a + 1:]) for a in range(len(self.shape))]

    def _crop(self, flat: np.ndarray, rows: int) -> np.ndarray:
        """The outputs of ``rows`` rows in the flat padded-grid result ``flat``."""
        values = flat[:rows * self.slab * self.view]
        if self.view == 2:
            values = values.view(np.complex128)
        grid = values.reshape(rows, *self.padded[1:])
        return grid[(slice(None), *(slice(0, n) for n in self.shape[1:]))]

    def _separable(self, flat: np.ndarray, work: np.ndarray, spare: np.ndarray,
                   length: int) -> np.ndarray:
        """One pass per factor: ``flat`` -> ``work`` -> ``spare`` -> ...; the last result."""
        source, size = flat, flat.size
        targets = (work, spare)
        for i, taps in enumerate(self.passes):
            size -= taps[-1][0]
            target = targets[i % 2]
            _taps(source, taps, target, size, grouped=True)
            source = target
        assert size == length
        return source

    def _pad(self, block: np.ndarray, image: np.ndarray, lo: int) -> None:
        """Padded rows ``lo .. lo + len(block) - 1`` of the image, cast, into ``block``."""
        before, rows = self.before[0], self.shape[0]
        inner = tuple(slice(b, b + n) for b, n in zip(self.before[1:], self.shape[1:]))
        r0, r1 = max(lo, before), min(lo + len(block), before + rows)
        if r0 < r1:
            block[(slice(r0 - lo, r1 - lo), *inner)] = image[r0 - before:r1 - before]
        rowmap = self.maps[0]
        for r in (*range(lo, min(r0, lo + len(block))), *range(max(r1, lo), lo + len(block))):
            if rowmap[r] < 0:
                block[r - lo] = self.fill
            else:
                block[(r - lo, *inner)] = image[rowmap[r]]
        for a in range(1, block.ndim):
            b, n = self.before[a], self.shape[a]
            head = (slice(None),) * a
            if self.boundary == "fill":
                block[(*head, slice(0, b))] = self.fill
                block[(*head, slice(b + n, None))] = self.fill
            elif self.padded[a] > n:
                edge = np.r_[0:b, b + n:self.padded[a]]
                block[(*head, edge)] = block[(*head, b + self.maps[a][edge])]


def _quiet_sum(values: np.ndarray) -> Any:
    """``values.sum()`` without numpy's warnings: inf and NaN (and an overflow to inf) only
    say that a value is not finite, which the caller asks."""
    with np.errstate(over="ignore", invalid="ignore"):
        return values.sum()


def _passes(factors: list, strides: list, view: int) -> list:
    """The taps of one pass per factor longer than 1 (the last ``len(strides)`` factors;
    the weights of length-1 factors scale the first pass), each factor flipped."""
    scale = math.prod(float(f[0]) for f in factors if len(f) == 1)
    factors = factors[len(factors) - len(strides):]  # leading slices have length 1
    passes = []
    for a, f in enumerate(factors):
        if len(f) > 1:
            f = f * scale if not passes else f
            passes.append([(t * strides[a] * view, w) for t, w in enumerate(f[::-1])])
    return passes


def _bands(flipped: np.ndarray, strides: list, view: int) -> tuple:
    """``(offsets, matrices)`` of the banded products: per tap ``t`` of the inner axes (its
    flat offset in a row of axis 0), the ``BAND_ROWS x (BAND_ROWS + k0 - 1)`` band matrix
    whose row ``r`` holds the flipped kernel's column ``flipped[:, t]`` from column ``r``."""
    k0, rows = flipped.shape[0], BAND_ROWS
    offsets, matrices = [], []
    for t in np.ndindex(*flipped.shape[1:]):
        band = np.zeros((rows, rows + k0 - 1), dtype=flipped.dtype)
        for r in range(rows):
            band[r, r:r + k0] = flipped[(slice(None), *t)]
        offsets.append(sum(i * s for i, s in zip(t, strides[1:])) * view)
        matrices.append(band)
    return offsets, matrices


def _banded(grid: np.ndarray, bands: tuple, out: np.ndarray, rows: int, length: int,
            scratch: np.ndarray) -> None:
    """``_taps`` by matrix products: ``rows`` output rows of the padded-grid result into
    ``out`` (rows of ``grid.shape[1]`` values).  Per inner tap, one stacked product (BLAS,
    numpy's loop over the stack without the GIL) of its band matrix with every group of
    ``BAND_ROWS`` rows of the grid shifted by the tap, then one for the rows left over;
    the taps' products are summed in tap order (``scratch``: a buffer of ``out``'s size)."""
    width, step = grid.shape[1], grid.strides[0]
    inner = length - (rows - 1) * width  # values of the last row that are needed
    offsets, matrices = bands
    k0 = matrices[0].shape[1] - BAND_ROWS + 1
    groups, left = divmod(rows, BAND_ROWS)
    pieces = []  # (band rows, first output row, stacked source, stacked output, scratch)
    if groups:
        acc = out[:groups * BAND_ROWS * width].reshape(groups, BAND_ROWS, width)[..., :inner]
        tmp = scratch[:groups * BAND_ROWS * inner].reshape(groups, BAND_ROWS, inner)
        pieces.append((BAND_ROWS, 0, (groups, BAND_ROWS + k0 - 1), acc, tmp))
    if left:
        r0 = groups * BAND_ROWS
        acc = out[r0 * width:rows * width].reshape(1, left, width)[..., :inner]
        tmp = scratch[r0 * inner:rows * inner].reshape(1, left, inner)
        pieces.append((left, r0, (1, left + k0 - 1), acc, tmp))
    for n, r0, (count, height), acc, tmp in pieces:
        for i, (off, band) in enumerate(zip(offsets, matrices)):
            source = np.lib.stride_tricks.as_strided(
                grid[r0:, off:], shape=(count, height, inner),
                strides=(BAND_ROWS * step, step, grid.strides[1]), writeable=False)
            np.matmul(band[:n, :height], source, out=acc if i == 0 else tmp)
            if i:
                acc += tmp


def _taps(flat: np.ndarray, taps: list, out: np.ndarray, length: int,
          grouped: bool = False) -> None:
    """``out[n] = sum_t w_t flat[n + off_t]`` for ``n < length``, taps in order, in chunks
    of ``BLOCK_ELEMENTS`` (the tap's products go through a scratch buffer).

    ``grouped``: taps of equal weight are added first and multiplied once (a box's pass
    is two adds and one multiply instead of three of each; a symmetric kernel's pairs
    share one multiply), which rounds differently from the direct sum, so only the
    separable passes use it (their blocks are checked for inf and NaN afterwards).
    """
    scratch = kept_buffer("taps", (min(length, BLOCK_ELEMENTS),), out.dtype)
    with np.errstate(all="ignore"):  # inf * 0 is NaN, overflow is inf: as the direct sum
        if grouped:
            _grouped_chunks(flat, _by_weight(taps), out, length, scratch)
        else:
            _chunks(flat, taps, out, length, scratch)


def _by_weight(taps: list) -> list:
    """``[(w, [offsets])]``: the taps grouped by weight, in order of first appearance."""
    groups: dict = {}
    for off, w in taps:
        groups.setdefault(w, []).append(off)
    return list(groups.items())


def _grouped_chunks(flat: np.ndarray, groups: list, out: np.ndarray, length: int,
                    scratch: np.ndarray) -> None:
    for s in range(0, length, BLOCK_ELEMENTS):
        e = min(length, s + BLOCK_ELEMENTS)
        for i, (w, offsets) in enumerate(groups):
            acc = out[s:e] if i == 0 else scratch[:e - s]
            if len(offsets) == 1:
                np.multiply(flat[s + offsets[0]:e + offsets[0]], w, out=acc)
            else:
                a, b = offsets[0], offsets[1]
                np.add(flat[s + a:e + a], flat[s + b:e + b], out=acc)
                for off in offsets[2:]:
                    acc += flat[s + off:e + off]
                if w != 1:
                    acc *= w
            if i:
                out[s:e] += acc


def _chunks(flat: np.ndarray, taps: list, out: np.ndarray, length: int,
            scratch: np.ndarray) -> None:
    for s in range(0, length, BLOCK_ELEMENTS):
        e = min(length, s + BLOCK_ELEMENTS)
        acc, tmp = out[s:e], scratch[:e - s]
        (off, w), rest = taps[0], taps[1:]
        np.multiply(flat[s + off:e + off], w, out=acc)
        for off, w in rest:
            np.multiply(flat[s + off:e + off], w, out=tmp)
            acc += tmp
