"""FFT engines for floats and complex numbers: ``fft`` and ``overlap-add``.

* ``fft`` on Z, Z^d and N: real (or complex) FFTs of both operands zero-padded to fast
  lengths (``scipy.fft.next_fast_len``), one pointwise product, one inverse transform;
  on finite abelian groups -- ``Cyclic(n)``, products of cyclics (an N-D FFT in the
  product's N-D shape) and ``BooleanGroup(n)`` as ``(Z/2)^n`` -- the same with no padding,
  which is circular convolution.
* ``overlap-add`` on Z, Z^d and N: blocks of the larger operand each convolved by FFT
  (our own row-batched version in 1-D, ``scipy.signal.oaconvolve`` in N-D); the choice
  when one operand is much smaller.

Both round through floating point, so ``dispatch`` never picks them for exact values
(ints, Fractions, sympy); ``algconv.engines.exact`` covers those.  The cost constants
below were measured on the 2-core project machine (best of 5, see
``benchmarks/sweep_choose.py``, which also checks the choices against
``scipy.signal.choose_conv_method``).
"""

from __future__ import annotations

import math

import numpy as np
import scipy.fft

from .. import arith
from .._kernels import finite_shape, walsh_hadamard
from .._parallel import bands, kept_buffer, parallel_map, request_workers
from ..function import Function, trusted_dense
from ..structures.finite import BooleanGroup
from .base import (Engine, Problem, double_precision_only, float_work_dtype, lattice_result,
                   too_many_axes)

__all__ = [
    "FFTEngine", "OverlapAddEngine", "lattice_fft", "circular_fft", "boolean_fft",
    "overlap_add_1d", "overlap_add_2d", "tile_shape", "nlogn", "SECONDS_PER_FFT_POINT", "fft_workers", "lambert_w_minus1",
]

#: seconds per ``N log2 N`` of a real FFT convolution (two forward transforms, a product,
#: one inverse): 0.93e-9 at 1e5 x 1e5, 1.03e-9 at 1e4 x 1e4, 1.15e-9 at 2048^2 x 31^2
SECONDS_PER_FFT_POINT = 1.0e-9
#: seconds per ``N log2 N`` for the three length-2 butterfly passes on (Z/2)^n: 2^20
#: floats measured 0.17 s (numpy's strided in-place adds)
SECONDS_PER_BUTTERFLY = 8e-9
#: extra factor for N-D transforms and for complex values (N-D measured 0.5x to 1.15x of
#: the 1-D figure: 256^2 x 65^2 0.52e-9, 1024^2 x 33^2 0.8e-9, 2048^2 x 31^2 1.15e-9;
#: complex 1.9x)
ND_FACTOR = 1.0
COMPLEX_FACTOR = 1.9
#: N-D transforms past 2^20 points cost more per point: 2054^2 (a 2048^2 image padded for
#: a 7x7 kernel) measured 1.5e-9 s per N log2 N one-threaded (0.148 s), 1.5x ND_FACTOR
ND_CACHE_POINTS = 2.0**20
ND_CACHE_SLOPE = 0.25
#: fixed seconds per call: our own rfft path (~20 us 1-D: 512 x 256 took 32 us of which
#: 7 us transforms and 6 us dispatch; ~30 us N-D) and scipy.signal.oaconvolve (~60 us)
FFT_OVERHEAD = 2.0e-5
FFT_OVERHEAD_ND = 3.0e-5
OA_OVERHEAD = 6.0e-5
#: overlap-add pays per block on top of the FFT work (small batched transforms, reshaping,
#: adding the overlaps), more per point the smaller the blocks: 262144 x 3 (43690 blocks
#: of 8) took 18 ms, 262144 x 64 (584 blocks of 512) 4.4 ms, 1e6 x 1e3 (111 blocks of
#: 1e4) 15 ms, 1024^2 x 3^2 (29k blocks of 8x8) 95 ms; fitted as c x sqrt(block points)
#: per block, c = 0.14 us in 1-D and 0.4 us in N-D (benchmarks/calibrate_costs.py)
OA_SECONDS_PER_BLOCK_1D = 1.4e-7
OA_SECONDS_PER_BLOCK_ND = 4e-7
#: transforms of fewer points run on one thread: handing work to a thread costs 20-50 us,
#: an FFT of 2^15 points about 0.3 ms.  The costs above are single-threaded on purpose:
#: the engine a request gets must not depend on ``config.workers`` (nor its result)
PARALLEL_MIN_POINTS = 2**15


def _is_lattice(p: Problem) -> bool:
    return p.over.dense_layout == "lattice"


def _fft_size(shape_f: tuple, shape_g: tuple) -> int:
    return math.prod(scipy.fft.next_fast_len(max(m + n - 1, 1), real=True)
                     for m, n in zip(shape_f, shape_g))


def nlogn(n: float) -> float:
    """``n log2 n`` (with ``log2`` at least 1): the work of an FFT of ``n`` points.

    >>> nlogn(8)
    24.0
    """
    return n * math.log2(max(n, 2.0))


def _per_point(p: Problem, ndim: int, n: float = 0.0) -> float:
    per = SECONDS_PER_FFT_POINT * (_nd_factor(n) if ndim > 1 else 1.0)
    return per * (COMPLEX_FACTOR if p.kind == "complex" else 1.0)


def _nd_factor(n: float) -> float:
    """``ND_FACTOR``, growing past ``ND_CACHE_POINTS`` transform points (N-D transforms
    stride through memory once the array leaves the caches)."""
    return ND_FACTOR * (1.0 + ND_CACHE_SLOPE * max(0.0, math.log2(max(n, 1.0) / ND_CACHE_POINTS)))


def _float_pair(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.dtype]:
    """Both operands in one working float dtype, and the result dtype.

    The result dtype is numpy's (float32 stays float32, float16 stays float16, ints and
    object arrays of floats become float64 / complex128); both operands are transformed in
    it (a float64 signal is not rounded through a float32 kernel's spectrum), float16 in
    float32 as scipy.fft does.
    """
    a, b = arith.exact_pair(a, b, terms=1)
    dtype = np.result_type(a, b)
    if dtype.kind not in "fc":
        dtype = np.result_type(dtype, np.float64)
    work = float_work_dtype(dtype)
    return a.astype(work, copy=False), b.astype(work, copy=False), dtype


def lattice_fft(a: np.ndarray, b: np.ndarray, axes: tuple | None = None) -> np.ndarray:
    """The full linear convolution of two same-ndim arrays by one zero-padded FFT.

    With ``axes``, only those axes are transformed (scipy.fft's ``axes``) and the others
    broadcast in the pointwise product, as ``scipy.signal.fftconvolve``'s ``axes``: equal
    lengths are batched, a length 1 meets every index of the other array.

    >>> lattice_fft(np.array([1.0, 2.0]), np.array([1.0, 1.0, 1.0]))
    array([1., 3., 3., 2.])
    >>> lattice_fft(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 1.0]]), axes=(1,))
    array([[1., 3., 2.],
           [3., 7., 4.]])
    """
    a, b, dtype = _float_pair(a, b)
    axes = tuple(range(a.ndim)) if axes is None else tuple(axes)
    shape = tuple(m + n - 1 if ax in axes else max(m, n)
                  for ax, (m, n) in enumerate(zip(a.shape, b.shape)))
    if a.size == 0 or b.size == 0:
        return np.zeros((0,) * a.ndim, dtype=dtype)
    fshape = [scipy.fft.next_fast_len(shape[ax], real=True) for ax in axes]
    workers = fft_workers(math.prod(fshape))
    if dtype.kind == "c":
        fa, fb = _forward(scipy.fft.fftn, (a, b), fshape, axes, workers)
        out = scipy.fft.ifftn(fa * fb, fshape, axes, workers=workers)
    elif a.ndim == 1:
        n = fshape[0]
        fa, fb = _forward(scipy.fft.rfft, (a, b), n, -1, workers)
        out = scipy.fft.irfft(fa * fb, n)
    else:
        fa, fb = (_pruned_rfftn(x, fshape, axes, workers) if 4 * x.size <= math.prod(fshape)
                  else scipy.fft.rfftn(x, fshape, axes, workers=workers) for x in (a, b))
        if fa.shape == fb.shape:
            fa *= fb  # in place: both spectra are ours (one allocation fewer)
        else:
            fa = fa * fb  # broadcast along axes outside ``axes``
        out = scipy.fft.irfftn(fa, fshape, axes, workers=workers, overwrite_x=True)
    return out[tuple(slice(0, n) for n in shape)].astype(dtype, copy=False)


def _pruned_rfftn(x: np.ndarray, fshape: list, axes: tuple, workers: int) -> np.ndarray:
    """``scipy.fft.rfftn(x, fshape, axes)`` without transforming the zero padding: the
    real transform along the last axis runs on ``x``'s own lines only, then each other
    axis (last to first) on the lines that are not all zero yet.  A small kernel padded
    to an image's size costs about half a full transform (2048^2 x 31^2: 31 rows, not
    2078)."""
    y = scipy.fft.rfft(x, fshape[-1], axis=axes[-1], workers=workers)
    for ax, n in zip(reversed(axes[:-1]), reversed(fshape[:-1])):
        y = scipy.fft.fft(y, n, axis=ax, workers=workers, overwrite_x=True)
    return y


#: bands of overlap-add blocks per worker: a thread the machine holds back leaves the
#: bands it has not started to the others
BANDS_PER_WORKER = 4


def fft_workers(points: int) -> int:
    """Threads for transforms of ``points`` values: ``config.workers`` from
    ``PARALLEL_MIN_POINTS`` on, one below (a thread hand-off costs more than it saves).

    >>> from algconv import config
    >>> with config.limit_workers(2):
    ...     fft_workers(2**20), fft_workers(100)
    (2, 1)
    """
    return request_workers() if points >= PARALLEL_MIN_POINTS else 1


def _forward(transform, operands: tuple, fshape, axes, workers: int) -> list:
    """The spectra of both operands: on two threads when a transform cannot split (a 1-D
    array is one transform for scipy.fft; an N-D one splits along its other axes)."""
    if workers > 1 and all(x.ndim == 1 for x in operands):
        return parallel_map(lambda x: transform(x, fshape, axes), operands, 2)
    return [transform(x, fshape, axes, workers=workers) for x in operands]


def circular_fft(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Circular convolution of two arrays of one shape (every axis wraps around).

    >>> circular_fft(np.array([1.0, 0, 1, 0]), np.array([1.0, 1, 0, 0]))
    array([1., 1., 1., 1.])
    """
    a, b, dtype = _float_pair(a, b)
    shape, axes = a.shape, tuple(range(a.ndim))
    workers = fft_workers(a.size)
    if dtype.kind == "c":
        fa, fb = _forward(scipy.fft.fftn, (a, b), list(shape), axes, workers)
        return scipy.fft.ifftn(fa * fb, shape, axes, workers=workers).astype(dtype, copy=False)
    fa, fb = _forward(scipy.fft.rfftn, (a, b), list(shape), axes, workers)
    return scipy.fft.irfftn(fa * fb, shape, axes, workers=workers).astype(dtype, copy=False)


def boolean_fft(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Convolution over ``(Z/2)^n`` of two vectors of length ``2^n`` (XOR of indices).

    >>> boolean_fft(np.array([1.0, 2, 0, 0]), np.array([0.0, 1, 0, 0]))
    array([2., 1., 0., 0.])
    """
    a, b, dtype = _float_pair(a, b)
    n = a.size.bit_length() - 1
    work = np.result_type(a, np.float64)
    spectrum = walsh_hadamard(a.astype(work), n)
    spectrum *= walsh_hadamard(b.astype(work), n)
    out = walsh_hadamard(spectrum, n) / a.size
    return out.astype(dtype, copy=False)


def _lattice_operands(p: Problem) -> tuple[np.ndarray, np.ndarray]:
    return p.fv.dense()[0], p.gv.dense()[0]


def _lattice_start(p: Problem) -> tuple:
    return tuple(a + b for a, b in zip(p.fv.dense()[1], p.gv.dense()[1]))


def _float_result(full: np.ndarray, p: Problem) -> Function:
    if p.dense:
        return lattice_result(full, p)
    return trusted_dense(full, p.over, _lattice_start(p))


class FFTEngine(Engine):
    """One zero-padded FFT on Z, Z^d, N; an unpadded (circular) FFT on finite abelian groups.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.convolve([1.0, 2.0], [1.0, 1.0], method="fft").round(12)
    array([1., 3., 2.])
    """

    name = "fft"
    exact = False
    transforms = True
    summary = "zero-padded real FFT at fast lengths (Z, Z^d, N, cyclic, (Z/2)^n)"
    min_cost = FFT_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        shape = finite_shape(p.over)
        if _is_lattice(p) or shape is not None:
            return too_many_axes(getattr(p.over, "d", 1) if shape is None else len(shape)) \
                or double_precision_only(p)
        return (f"it needs Z, Z^d, N, a cyclic group, a product of cyclics or a BooleanGroup, "
                f"but over={p.over!r}")

    def _sizes(self, p: Problem) -> tuple[int, int]:
        """(transform size, ndim)."""
        if _is_lattice(p):
            shape_f, shape_g = p.shapes()
            return _fft_size(shape_f, shape_g), len(shape_f)
        shape = finite_shape(p.over)
        return math.prod(shape), len(shape)

    def cost(self, p: Problem) -> float:
        n, ndim = self._sizes(p)
        if type(p.over) is BooleanGroup:
            return FFT_OVERHEAD + SECONDS_PER_BUTTERFLY * nlogn(n)
        overhead = FFT_OVERHEAD if ndim == 1 else FFT_OVERHEAD_ND
        return overhead + _per_point(p, ndim, n) * nlogn(n)

    def memory(self, p: Problem) -> float:
        n, _ = self._sizes(p)
        return 4.0 * 16 * n  # two spectra, their product and the padded inputs

    def run(self, p: Problem) -> Function:
        if _is_lattice(p):
            return _float_result(lattice_fft(*_lattice_operands(p)), p)
        if type(p.over) is BooleanGroup:
            return trusted_dense(boolean_fft(p.fv.dense()[0], p.gv.dense()[0]),
                                        p.over)
        shape = finite_shape(p.over)
        a, b = (h.dense()[0].reshape(shape) for h in (p.fv, p.gv))
        return trusted_dense(circular_fft(a, b).reshape(-1), p.over)


def lambert_w_minus1(x: float) -> float:
    """The lower real branch ``W_{-1}(x)`` for ``-1/e <= x < 0``, as ``scipy.special.lambertw(x, -1)``.

    Halley's iteration from the series at the branch point (``x`` near ``-1/e``) or the
    asymptotic ``log(-x) - log(-log(-x))`` (``x`` near 0); a few steps reach full precision,
    without importing scipy.special.

    >>> w = lambert_w_minus1(-0.1)
    >>> round(w, 12), round(w * math.exp(w), 15)
    (-3.577152063957, -0.1)
    """
    if x < -1 / math.e or x >= 0:
        raise ValueError(f"W_-1 needs -1/e <= x < 0, got {x!r}")
    p = -math.sqrt(max(2 * (math.e * x + 1), 0.0))
    if p > -1.0:
        w = -1 + p - p * p / 3 + 11 / 72 * p**3
    else:
        lx = math.log(-x)
        w = lx - math.log(-lx)
    for _ in range(50):
        ew = math.exp(w)
        f = w * ew - x
        if f == 0 or w == -1:
            break
        step = f / (ew * (w + 1) - (w + 2) * f / (2 * w + 2))
        w -= step
        if abs(step) <= 1e-15 * abs(w):
            break
    return w


def _oa_blocks(m: int, n: int) -> tuple[int, int]:
    """(FFT block length, number of blocks) scipy.signal.oaconvolve uses along one axis."""
    if m == n or m <= 1 or n <= 1 or min(m, n) >= max(m, n) / 2:
        return scipy.fft.next_fast_len(max(m + n - 1, 1), real=True), 1
    big, overlap = max(m, n), min(m, n) - 1
    if overlap == 0:
        return scipy.fft.next_fast_len(big, real=True), 1
    opt = -overlap * lambert_w_minus1(-1 / (2 * math.e * overlap))
    block = scipy.fft.next_fast_len(math.ceil(opt))
    if block >= big:
        return scipy.fft.next_fast_len(m + n - 1, real=True), 1
    return block, math.ceil(big / (block - overlap))


def overlap_add_1d(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Full 1-D convolution by overlap-add: FFTs of blocks of the longer operand.

    Blocks have scipy.signal.oaconvolve's length (Lambert-W optimum, fast length); the
    blocks are transformed as the rows of one matrix and their tails added in two
    strided passes (20-25 % faster than oaconvolve at 1e6 x 1e3, measured).  With
    ``config.workers`` threads each transforms, multiplies and places a band of blocks;
    every block is computed as on one thread, so the sum is bitwise the same.

    >>> np.round(overlap_add_1d(np.arange(10.0), np.array([1.0, 1.0])), 9) + 0.0
    array([ 0.,  1.,  3.,  5.,  7.,  9., 11., 13., 15., 17.,  9.])
    """
    a, b, dtype = _float_pair(a, b)
    if len(a) < len(b):
        a, b = b, a
    m, n = len(a), len(b)
    block = _oa_blocks(m, n)[0]
    step = block - n + 1
    if n <= 1 or step < n - 1:  # one block, or overlaps longer than a step: plain FFT
        return lattice_fft(a, b).astype(dtype, copy=False)
    count = -(-m // step)
    forward, inverse = ((scipy.fft.fft, scipy.fft.ifft) if dtype.kind == "c"
                        else (scipy.fft.rfft, scipy.fft.irfft))
    kernel = forward(b, block)
    out = np.zeros((count + 1) * step, dtype=a.dtype)
    heads = out[: count * step].reshape(count, step)

    def rows(lohi: tuple) -> np.ndarray:
        """Blocks ``lo..hi-1``: their heads written in place, their tails returned."""
        lo, hi = lohi
        chunk = np.zeros((hi - lo) * step, dtype=a.dtype)
        part = a[lo * step: hi * step]
        chunk[: len(part)] = part
        pieces = inverse(forward(chunk.reshape(hi - lo, step), block, axis=1) * kernel,
                         block, axis=1)
        heads[lo:hi] = pieces[:, :step]
        return pieces[:, step:]

    workers = fft_workers(count * block)  # independent blocks: bands of them, a few per
    # thread, taken by whichever thread is free
    pieces = workers * BANDS_PER_WORKER if workers > 1 else 1
    tails = parallel_map(rows, bands(count, pieces), workers)
    out[step:].reshape(count, step)[:, : n - 1] += np.concatenate(tails)
    return out[: m + n - 1].astype(dtype, copy=False)


#: the FFT length of a tile of ``overlap_add_2d`` along an axis, at least (and at least
#: ``4 (k - 1) + 1`` for a kernel of length ``k``): 256 x 256 real transforms stay in a
#: core's L2 cache, where one transform of the whole padded image does not (2048^2 x 31^2,
#: one thread: 118-132 ms in tiles of 256^2 against 158 ms for scipy.signal.fftconvolve)
TILE_LENGTH = 256


def tile_shape(big: tuple, small: tuple) -> tuple[list, list]:
    """``(lengths, steps)`` of ``overlap_add_2d``'s tiles: the FFT length and the stride of
    the tiles along each axis, ``step = length - k + 1``, so that tiles two steps apart
    never overlap.

    >>> tile_shape((2048, 2048), (31, 31))
    ([256, 256], [226, 226])
    >>> tile_shape((40, 2048), (3, 3))  # an axis shorter than a tile: one tile along it
    ([45, 256], [40, 254])
    """
    lengths = [scipy.fft.next_fast_len(min(max(TILE_LENGTH, 4 * (k - 1) + 1), n + k - 1),
                                       real=True) for n, k in zip(big, small)]
    steps = [min(length - k + 1, n) for length, n, k in zip(lengths, big, small)]
    return lengths, steps


def _tiles(p: Problem) -> bool:
    """Whether ``overlap_add_2d`` runs ``p`` (two real arrays on Z^2), not oaconvolve."""
    return (p.dense and p.kind == "float" and len(p.shapes()[0]) == 2
            and all(x.array.dtype.kind != "c" for x in (p.fv, p.gv)))


def overlap_add_2d(a: np.ndarray, b: np.ndarray, workers: int = 1) -> np.ndarray:
    """The full 2-D convolution of two real arrays in tiles of the larger, each one real
    FFT of ``tile_shape``'s lengths (cache-sized), and the tiles' results added.

    A strip of tiles (one band of rows) is transformed as one batch; the strips run on
    ``workers`` threads that take the next strip as they become free, even strips first,
    then odd ones (two strips apart never overlap), so every output adds its pieces in
    the same order whatever the number of workers: the result is bitwise the same.

    >>> overlap_add_2d(np.ones((2, 3)), np.ones((2, 2)))
    array([[1., 2., 2., 1.],
           [2., 4., 4., 2.],
           [1., 2., 2., 1.]])
    """
    if a.size < b.size:
        a, b = b, a
    (rows, cols), (k0, k1) = a.shape, b.shape
    (l0, l1), (s0, s1) = tile_shape(a.shape, b.shape)
    strips, per_strip = -(-rows // s0), -(-cols // s1)
    kernel = scipy.fft.rfft2(b, (l0, l1))
    dtype = np.result_type(a.dtype, b.dtype, np.float32)
    out = np.zeros(((strips - 1) * s0 + l0, (per_strip - 1) * s1 + l1), dtype=dtype)

    def strip(i: int) -> None:
        part = a[i * s0:(i + 1) * s0]
        padded = kept_buffer("tiles", (s0, per_strip * s1), dtype)  # this thread's, reused
        padded[:len(part), :cols] = part
        padded[len(part):] = 0
        padded[:len(part), cols:] = 0
        tiles = padded.reshape(s0, per_strip, s1).transpose(1, 0, 2)
        spectra = scipy.fft.rfft2(tiles, (l0, l1), axes=(1, 2))
        spectra *= kernel
        pieces = scipy.fft.irfft2(spectra, (l0, l1), axes=(1, 2), overwrite_x=True)
        target = out[i * s0:i * s0 + l0]
        for j in range(per_strip):
            target[:, j * s1:j * s1 + l1] += pieces[j]

    parallel_map(strip, range(0, strips, 2), workers)
    parallel_map(strip, range(1, strips, 2), workers)
    return out[:rows + k0 - 1, :cols + k1 - 1]


class OverlapAddEngine(Engine):
    """Overlap-add: FFTs of blocks of the larger operand (Z, Z^d, N).

    Examples
    --------
    >>> import algconv as ac
    >>> x = np.arange(10.0)
    >>> np.allclose(ac.convolve(x, [1.0, -1.0], method="overlap-add"), np.convolve(x, [1, -1]))
    True
    """

    name = "overlap-add"
    exact = False
    transforms = True
    summary = ("overlap-add FFT blocks (as scipy.signal.oaconvolve; 2-D real: cache-sized "
               "tiles on every core), for lopsided sizes")
    min_cost = OA_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        if _is_lattice(p):
            return too_many_axes(getattr(p.over, "d", 1)) or double_precision_only(p)
        return f"it needs Z, Z^d or N, but over={p.over!r}"

    def _blocks(self, p: Problem) -> tuple[int, int]:
        shape_f, shape_g = p.shapes()
        if _tiles(p):
            lengths, steps = tile_shape(*sorted((shape_f, shape_g), key=math.prod,
                                                reverse=True))
            big = max(shape_f, shape_g, key=math.prod)
            count = math.prod(-(-n // s) for n, s in zip(big, steps))
            return math.prod(lengths), count
        blocks = [_oa_blocks(m, n) for m, n in zip(shape_f, shape_g)]
        return math.prod(b for b, _ in blocks), math.prod(k for _, k in blocks)

    def cost(self, p: Problem) -> float:
        block, count = self._blocks(p)
        ndim = len(p.shapes()[0])
        per_block = math.sqrt(block) * (OA_SECONDS_PER_BLOCK_1D if ndim == 1 else
                                        OA_SECONDS_PER_BLOCK_ND)
        # oaconvolve transforms the blocks as one array: its size sets the N-D cache
        # factor; overlap_add_2d's tiles are transformed a strip at a time, each in cache
        per_point = _per_point(p, ndim, block if _tiles(p) else block * count)
        return OA_OVERHEAD + count * (per_block + per_point * nlogn(block))

    def memory(self, p: Problem) -> float:
        block, count = self._blocks(p)
        return 6.0 * 16 * block * count

    def run(self, p: Problem) -> Function:
        a, b, dtype = _float_pair(*_lattice_operands(p))
        if a.size == 0 or b.size == 0:
            full = lattice_fft(a, b)
        elif a.ndim == 1:
            full = overlap_add_1d(a, b)
        elif _tiles(p):
            full = overlap_add_2d(a, b, fft_workers(a.size + b.size))
        else:
            import scipy.signal  # on first use: ``import algconv`` stays light

            with scipy.fft.set_workers(fft_workers(a.size + b.size)):  # oaconvolve's FFTs
                full = scipy.signal.oaconvolve(a, b)
        return _float_result(full.astype(dtype, copy=False), p)
