r"""Exact convolution of small-integer digit arrays by float FFT, with a proven error bound.

``digit_convolutions(da, db)`` takes the digits ``da[s]`` of ``a`` and ``db[t]`` of ``b``
(small integers held in float64) and returns the int64 arrays
``c[k] = sum over s + t = k of (da[s] conv db[t])``, exact.  Every coefficient is computed
in floating point and rounded to the nearest integer; the rounding is correct because the
caller has checked ``error_bound(...) <= ERROR_BUDGET`` (1/4, half of what rounding needs).

The bound is Percival's for a length ``2^k`` FFT convolution (C. Percival, Math. Comp. 72
(2003), Theorem 5.1; see ``algconv.engines.exact``), with one more level for the real
packing of ``rfft``: ``|z' - z|_inf < ||x||_2 ||y||_2 * percival(k)``.  Sums of ``T``
spectrum products share one inverse transform; their additions add at most ``T eps`` to
the relative factor, and by Cauchy-Schwarz the sum of the block-pair norms is at most the
product of the whole digit vectors' norms, so

.. math:: \mathrm{err}_k \le \bigl(\mathrm{percival}(k_F + 1) + (T + 1)\epsilon\bigr)
          \sum_{s + t = k} \|d^a_s\|_2 \|d^b_t\|_2 .

Long 1-D inputs are cut into blocks (FFT length ``2^16 .. 2^18``, chosen by a cost model),
transformed once each; the products of block pairs landing on one output block are summed
in the frequency domain and inverted once (with three digits a side, Karatsuba's six
products of digit sums replace the nine, their bound taken with the sums' norms).  Short FFTs stay in cache: up to 4x cheaper per
point than one FFT of ``2^21``, which pays for the ``(n / L) (m / L)`` spectrum products.  As an alarm
that costs one pass, every coefficient must also lie within the budget of an integer;
if one does not (never observed), ``None`` is returned and the caller falls back.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.fft

from ..engines.exact import EPS, percival

__all__ = ["ERROR_BUDGET", "digit_convolutions", "error_bound", "fft_plan", "karatsuba"]

#: the largest per-coefficient error bound accepted before rounding (1/2 would be exact)
ERROR_BUDGET = 0.25
#: seconds per point of a real FFT of length 2^k, batched, and per complex multiply-add of
#: two spectra (with the loop's overhead); measured on the 2-core machine under load, best
#: of 3: below 2^18 the FFTs stay in cache (shorter ones were no cheaper per point in whole
#: convolutions), 2^21 and beyond cost ~40 ns.  With these, 1-D convolutions up to ~2^18
#: outputs take one FFT, longer ones blocks of 2^18 (1e6 x 1e6: 0.09 s blocked, 0.39 s one
#: FFT of 2^21, 0.10-0.27 s with blocks of 2^15..2^17).
SECONDS_PER_POINT = {18: 11e-9, 19: 20e-9, 20: 27e-9}
SECONDS_PER_POINT_SMALL = 11e-9
SECONDS_PER_POINT_BIG = 40e-9
SECONDS_PER_MAC = 3e-9
#: FFT lengths the blocked 1-D scheme chooses among
BLOCK_SIZES = (2**16, 2**17, 2**18)
__all__ += ["BLOCK_SIZES"]


def _pow2(n: int) -> int:
    return 1 << max(n - 1, 0).bit_length()


def _per_point(size: int) -> float:
    k = size.bit_length() - 1
    return SECONDS_PER_POINT_SMALL if k < 18 else SECONDS_PER_POINT.get(k, SECONDS_PER_POINT_BIG)


def fft_plan(shape_a: tuple, shape_b: tuple, digits: int = 1) -> tuple:
    """``(fft_shape, block_a, block_b, terms)``: one FFT over everything (``block_* = None``)
    or, for 1-D inputs, blocks of ``block_a`` and ``block_b`` entries transformed at length
    ``fft_shape[0]``; ``terms`` bounds the block pairs summed into one output block.  The
    cheapest by the cost model above, for ``digits`` digits a side."""
    full = tuple(m + n - 1 for m, n in zip(shape_a, shape_b))
    single = tuple(_pow2(n) for n in full)
    if len(full) != 1:
        return single, None, None, 1
    n, m = shape_a[0], shape_b[0]
    size = single[0]
    outputs = 2 * digits - 1
    best = ((2 * digits + outputs) * size * _per_point(size)
            + digits * digits * size / 2 * SECONDS_PER_MAC, (single, None, None, 1))
    for size in BLOCK_SIZES:
        if size >= single[0]:
            break
        short = min(n, m)
        if short <= size // 2:  # the short one is a single block
            long_block = size - short + 1
            blocks = (long_block, m) if n > m else (n, long_block)
            pairs, terms = -(-max(n, m) // long_block), 1
            plan = ((size,), blocks[0], blocks[1], 1)
        else:
            half = size // 2
            na, nb = -(-n // half), -(-m // half)
            pairs, terms = na * nb, min(na, nb)
            plan = ((size,), half, half, terms)
        inputs = -(-n // plan[1]) + -(-m // plan[2])
        seconds = ((digits * inputs + outputs * (inputs - 1)) * size * _per_point(size)
                   + digits * digits * pairs * size / 2 * SECONDS_PER_MAC)
        best = min(best, (seconds, plan), key=lambda x: x[0])
    return best[1]


def karatsuba(plan: tuple, la: int, lb: int) -> bool:
    """Whether the digit products use Karatsuba's 6 instead of 9 (three digits a side,
    blocked: there the spectrum products dominate)."""
    return plan[1] is not None and la == lb == 3


#: the products Karatsuba forms from three digits a side: pairs of digit sums (s, t) -> the
#: output digits they enter with their signs (A_01 = A_0 + A_1, ...)
KARATSUBA = {
    ((0,), (0,)): {0: 1, 1: -1, 2: -1},
    ((1,), (1,)): {1: -1, 2: 1, 3: -1},
    ((2,), (2,)): {2: -1, 3: -1, 4: 1},
    ((0, 1), (0, 1)): {1: 1},
    ((0, 2), (0, 2)): {2: 1},
    ((1, 2), (1, 2)): {3: 1},
}


def error_bound(norms_a: list, norms_b: list, fft_shape: tuple, terms: int,
                karatsuba: bool = False) -> float:
    """The largest error bound over output digits ``k`` (see the module's Notes).

    With ``karatsuba``, an output digit is a signed sum of products of digit sums
    (``KARATSUBA``): each product's error is bounded with the norms of its sums (triangle
    inequality), and the additions and subtractions of spectra add a few ``eps``.
    """
    k = max(math.prod(fft_shape) - 1, 1).bit_length() + 1
    factor = percival(k) + (terms * min(len(norms_a), len(norms_b)) + 8) * EPS
    totals = [0.0] * (len(norms_a) + len(norms_b) - 1)
    if karatsuba:
        for (sa, sb), outputs in KARATSUBA.items():
            size = sum(norms_a[s] for s in sa) * sum(norms_b[t] for t in sb)
            for k in outputs:
                totals[k] += size
    else:
        for s, x in enumerate(norms_a):
            for t, y in enumerate(norms_b):
                totals[s + t] += x * y
    return max(totals) * factor * (1 + 1e-9)  # the norms' own rounding


def norm(x: np.ndarray) -> float:
    """``||x||_2`` of an integer-valued float array (the sum of squares is exact below 2^53,
    in any order of summation)."""
    flat = x.ravel()
    return math.sqrt(float(np.einsum("i,i->", flat, flat)))


def digit_convolutions(da: list, db: list, plan: tuple,
                       positive: bool = False) -> np.ndarray | None:
    """int64 ``c[k] = sum_{s+t=k} da[s] conv db[t]``, shape ``(len(da) + len(db) - 1,)`` +
    the full shape; ``None`` if the rounding alarm fires.  With ``positive``, only whether
    each ``c[k]`` is positive (bool; nonnegative digits, compared with 1/2)."""
    fshape, block_a, block_b, _ = plan
    shape = tuple(m + n - 1 for m, n in zip(da[0].shape, db[0].shape))
    count = len(da) + len(db) - 1
    if block_a is not None:
        return _blocked(da, db, fshape[0], block_a, block_b, shape[0], count, positive)
    axes = tuple(range(1, len(shape) + 1))
    # digits zero-padded into one buffer and transformed together: scipy.fft pads (and
    # allocates) once per call otherwise, which costs as much as the transform
    fa = scipy.fft.rfftn(_stack(da, fshape), axes=axes)
    fb = scipy.fft.rfftn(_stack(db, fshape), axes=axes)
    spectra = np.empty((count,) + fa.shape[1:], dtype=complex)
    term = np.empty(fa.shape[1:], dtype=complex)
    for k in range(count):
        _sum_products(fa, fb, k, len(da), len(db), spectra[k], term)
    del fa, fb
    c = scipy.fft.irfftn(spectra, fshape, axes=axes)
    c = c[(slice(None),) + tuple(slice(0, n) for n in shape)]
    out = np.empty((count,) + shape, dtype=bool if positive else np.int64)
    if positive:
        np.greater(c, 0.5, out=out)
    elif not _round_into(c, out):
        return None
    return out


def _stack(digits: list, fshape: tuple) -> np.ndarray:
    buffer = np.zeros((len(digits),) + fshape)
    for s, x in enumerate(digits):
        buffer[(s,) + tuple(slice(0, n) for n in x.shape)] = x
    return buffer


def _sum_products(fa, fb, k: int, la: int, lb: int, out: np.ndarray, term: np.ndarray,
                  pairs: tuple | None = None) -> None:
    """``out = sum over s + t = k of fa[s] fb[t]`` (with ``pairs`` of blocks ``(i, j)``:
    ``fa[s, i] fb[t, j]``), in place."""
    first = True
    for s in range(max(0, k - lb + 1), min(k, la - 1) + 1):
        for i, j in ((None, None),) if pairs is None else pairs:
            x, y = (fa[s], fb[k - s]) if pairs is None else (fa[s, i], fb[k - s, j])
            if first:
                np.multiply(x, y, out=out)
                first = False
            else:
                np.multiply(x, y, out=term)
                np.add(out, term, out=out)


def _accumulate(x: np.ndarray, y: np.ndarray, pairs: tuple, out: np.ndarray,
                term: np.ndarray) -> None:
    """``out = sum over (i, j) in pairs of x[i] y[j]``, in place."""
    (i, j), rest = pairs[0], pairs[1:]
    np.multiply(x[i], y[j], out=out)
    for i, j in rest:
        np.multiply(x[i], y[j], out=term)
        np.add(out, term, out=out)


def _round_into(c: np.ndarray, out: np.ndarray) -> bool:
    """``out[...] = rint(c)``; False if a value is farther than the budget from an integer.
    ``c`` is overwritten; one row at a time, so the temporaries stay small."""
    if c.size == 0:
        return True
    rows, dest = c.reshape(-1, c.shape[-1]), out.reshape(-1, out.shape[-1])
    rounded = np.empty(rows.shape[1])
    for row, target in zip(rows, dest):
        np.rint(row, out=rounded)
        target[...] = rounded
        np.subtract(row, rounded, out=row)
        if max(float(row.max()), -float(row.min())) > ERROR_BUDGET:
            return False  # pragma: no cover - excluded by the error bound
    return True


def _blocks(digits: list, block: int, size: int) -> np.ndarray:
    """Spectra ``(len(digits), blocks, size // 2 + 1)`` of the digit arrays cut in blocks."""
    n = digits[0].shape[0]
    count, full = -(-n // block), n // block
    padded = np.zeros((len(digits), count, size))
    for s, x in enumerate(digits):
        padded[s, :full, :block] = x[: full * block].reshape(full, block)
        if full < count:
            padded[s, full, : n - full * block] = x[full * block:]
    return scipy.fft.rfft(padded, axis=-1)


def _blocked(da: list, db: list, size: int, block_a: int, block_b: int, length: int,
             count: int, positive: bool) -> np.ndarray | None:
    fa, fb = _blocks(da, block_a, size), _blocks(db, block_b, size)
    na, nb = fa.shape[1], fb.shape[1]
    dtype = bool if positive else np.int64
    out = np.zeros((count, length), dtype=dtype)
    span = block_a + block_b - 1  # the valid part of one block pair's product
    piece = np.empty((count, span), dtype=dtype)
    spectra = np.empty((count, fa.shape[2]), dtype=complex)
    term = np.empty(fa.shape[2], dtype=complex)  # no allocation per product (page faults)
    fast = karatsuba(((size,), block_a, block_b, None), len(da), len(db))
    if fast:  # the digit sums' spectra, and one accumulator per product
        fa = np.concatenate([fa, fa[[0, 0, 1]] + fa[[1, 2, 2]]])
        fb = np.concatenate([fb, fb[[0, 0, 1]] + fb[[1, 2, 2]]])
        sums = {(0,): 0, (1,): 1, (2,): 2, (0, 1): 3, (0, 2): 4, (1, 2): 5}
        products = np.empty((len(KARATSUBA), fa.shape[2]), dtype=complex)
    for q in range(na + nb - 1):
        lo, hi = max(0, q - nb + 1), min(q, na - 1)
        pairs = tuple((i, q - i) for i in range(lo, hi + 1))
        if fast:
            for p, (sa, sb) in enumerate(KARATSUBA):
                _accumulate(fa[sums[sa]], fb[sums[sb]], pairs, products[p], term)
            spectra[...] = 0
            for p, outputs in enumerate(KARATSUBA.values()):
                for k, sign in outputs.items():
                    (np.add if sign > 0 else np.subtract)(spectra[k], products[p],
                                                          out=spectra[k])
        else:
            for k in range(count):
                _sum_products(fa, fb, k, len(da), len(db), spectra[k], term, pairs)
        values = scipy.fft.irfft(spectra, size, axis=-1)[:, :span]
        if positive:
            np.greater(values, 0.5, out=piece)
        elif not _round_into(values, piece):
            return None
        offset = lo * block_a + (q - lo) * block_b
        end = min(offset + span, length)
        if positive:
            out[:, offset:end] |= piece[:, : end - offset]
        else:
            out[:, offset:end] += piece[:, : end - offset]
    return out
