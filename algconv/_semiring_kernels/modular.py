r"""Convolution modulo any integer m >= 2, exact."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import InvalidType
from ..validation import check_int, describe
from . import fft_digits
from ._common import INT64_MAX, operands, python_ints

__all__ = ["modular_convolve"]

#: pairs below which the direct integer sum (Python-free, int64 or objects) is used
DIRECT_PAIRS = 4096
#: moduli below 2^62 reduce in int64 (a float quotient estimate keeps products in range)
INT64_MODULUS = 2**62


def _residues(x: np.ndarray, m: int, name: str) -> np.ndarray:
    """``x mod m``: int64 for ``m <= 2^63``, else Python ints (object)."""
    if x.dtype.kind == "b" or x.dtype.kind not in "iuO":
        raise InvalidType(f"Got {name} of dtype {x.dtype}, but values mod {m} must be ints")
    if x.dtype == object:
        ints = python_ints(x, name)
        if ints is None or any(isinstance(v, (bool, np.bool_)) for v in x.flat):
            bad = next(v for v in x.flat if not isinstance(v, (int, np.integer))
                       or isinstance(v, (bool, np.bool_)))
            raise InvalidType(f"Got the value {describe(bad)} in {name}, but values mod {m} "
                              "must be ints")
        x = ints % m
        return x.astype(np.int64) if m <= INT64_MAX else x
    if x.dtype.kind == "u" and m > INT64_MAX:
        x = python_ints(x, name) % m
        return x.astype(np.int64) if m <= INT64_MAX else x
    if x.dtype.kind == "u":
        return (x % np.uint64(m)).astype(np.int64)
    if m > INT64_MAX:
        return python_ints(x, name) % m
    x = x.astype(np.int64, copy=False)
    if x.size and (int(x.min()) < 0 or int(x.max()) >= m):
        x = x % m
    return x


def modular_convolve(a: Any, b: Any, m: int) -> np.ndarray:
    r"""Full convolution modulo ``m``: ``out[c] = (sum over i + j = c of a[i] b[j]) mod m``.

    Parameters
    ----------
    a, b : array_like of int, one ndim, not empty
        Ints (any dtype, or Python ints in an object array); values outside ``range(m)``
        are reduced mod ``m``.
    m : int
        Any modulus ``>= 2``: primes of the NTT kind or not, composites, past ``2**64``.

    Returns
    -------
    ndarray, shape ``a.shape + b.shape - 1``
        Values in ``range(m)``: int64 for ``m < 2**63``, else Python ints (object).

    Raises
    ------
    InvalidType
        ``m`` not an int (floats, strings and bools are refused), values not ints.
    InvalidArgument
        ``m < 2``, empty arrays.
    StructureMismatch
        If the arrays have different ndim.

    Notes
    -----
    Values are taken in ``(-m/2, m/2]`` and cut into ``L`` balanced digits of ``w`` bits,
    ``x = sum_s x_s 2^(w s)`` with ``|x_s| <= 2^(w-1)``; the digit convolutions
    ``c_k = sum_{s+t=k} x_s * y_t`` are computed by float FFTs (blocked for long 1-D inputs)
    and rounded, exact because ``w`` is chosen so that Percival's worst-case error bound,
    computed from the digit vectors' actual 2-norms, is at most 1/4 (see
    ``algconv._semiring_kernels.fft_digits``).  Then ``out = sum_k c_k 2^(w k) mod m`` by Horner's
    rule in int64.  For ``m >= 2^62`` the recombination uses Python ints; for ``m >= 2^63``
    the values are Python ints throughout and the exact integer convolution of
    ``algconv.engines.exact`` is reduced mod ``m``.

    Examples
    --------
    >>> modular_convolve([1, 2, 3], [4, 5], 7)
    array([4, 6, 1, 1])
    >>> p = 998244353
    >>> modular_convolve([p - 1, p - 1], [p - 1], p).tolist()  # (-1)(-1) = 1
    [1, 1]
    >>> modular_convolve([2**64], [2**64 + 1], 2**65 + 1).tolist()  # 2**65 = -1: 2**128 = -2**63
    [9223372036854775808]
    """
    if isinstance(m, (bool, np.bool_)) or not isinstance(m, (int, np.integer)):
        raise InvalidType(f"Got m={describe(m)}, but the modulus must be an int >= 2")
    m = check_int(m, "m", minimum=2)
    a, b = operands(a, b, f"convolution mod {m}")
    a, b = _residues(a, m, "a"), _residues(b, m, "b")
    if m > INT64_MAX or a.size * b.size <= DIRECT_PAIRS:
        return _exact_then_reduce(a, b, m)
    out = _limbs(a, b, m)
    return _exact_then_reduce(a, b, m) if out is None else out


def _exact_then_reduce(a: np.ndarray, b: np.ndarray, m: int) -> np.ndarray:
    """The exact integer convolution (``algconv.engines.exact``), reduced mod ``m``."""
    from ..engines.exact import exact_linear

    full = exact_linear(a, b)
    if m > INT64_MAX and full.dtype != object:
        full = python_ints(full, "out")
    full = full % m
    if m <= INT64_MAX and full.dtype == object:
        return full.astype(np.int64)
    return full


def _digits(x: np.ndarray, m: int, w: int, count: int) -> np.ndarray:
    """Balanced base-``2^w`` digits (``|d| <= 2^(w-1)``) of the residues ``x`` taken in
    ``(-m/2, m/2]``, as float64, shape ``(count,) + x.shape``; computed in cache-sized
    chunks (fresh full-size temporaries cost more than the arithmetic)."""
    half, mask = 1 << (w - 1), (1 << w) - 1
    out = np.empty((count,) + x.shape)
    flat, rows = x.reshape(-1), out.reshape(count, -1)
    for lo in range(0, flat.size, CHUNK):
        v = flat[lo:lo + CHUNK].copy()
        v[v > m // 2] -= m  # balanced residues: one bit fewer
        for s in range(count):
            d = ((v + half) & mask) - half
            rows[s, lo:lo + CHUNK] = d
            v -= d
            v >>= w
        if v.any():  # pragma: no cover - excluded by the choice of w and count
            raise AssertionError("a residue did not fit its digits")
    return out


def _estimate(x: np.ndarray, m: int, w: int, count: int) -> list[float]:
    """The digits' 2-norms estimated from a sample (only to skip hopeless widths)."""
    flat = x.reshape(-1)
    step = max(flat.size // 4096, 1)
    sample = _digits(flat[::step], m, w, count)
    return [fft_digits.norm(d) * math.sqrt(flat.size / sample.shape[1]) for d in sample]


def _choose(a: np.ndarray, b: np.ndarray, m: int, plan: tuple) -> tuple | None:
    """``(w, digits_a, digits_b, bound)`` with the fewest digits whose error bound holds;
    ``bound`` exceeds every ``|c_k|`` (Cauchy-Schwarz: ``sum ||a_s|| ||b_t||``)."""
    bits = max(min(m // 2, int(max(a.max(), b.max()))), 1).bit_length()  # balanced
    for count in range(1, 64):
        # balanced digits reach (2^(w-1) - 1)(2^(w count) - 1) / (2^w - 1) >= 2^(w count - 2)
        w = -(-(bits + 2) // count)  # so |x| < 2^bits <= 2^(w count - 2) is representable
        if w > 26:
            continue
        fast = fft_digits.karatsuba(plan, count, count)
        if w > 1 and fft_digits.error_bound(_estimate(a, m, w, count), _estimate(b, m, w, count),
                                      plan[0], plan[3], fast) > 2 * fft_digits.ERROR_BUDGET:
            continue  # hopeless: the sample says the bound is twice over
        da, db = _digits(a, m, w, count), _digits(b, m, w, count)
        norms_a, norms_b = [fft_digits.norm(x) for x in da], [fft_digits.norm(x) for x in db]
        if fft_digits.error_bound(norms_a, norms_b, plan[0], plan[3], fast) <= fft_digits.ERROR_BUDGET:
            bound = max(sum(norms_a[s] * norms_b[k - s] for s in range(count)
                            if 0 <= k - s < count) for k in range(2 * count - 1))
            return w, da, db, int(bound * (1 + 1e-9)) + 1
        if w == 1:
            return None
    return None  # pragma: no cover


def _limbs(a: np.ndarray, b: np.ndarray, m: int) -> np.ndarray | None:
    bits = min(m // 2, int(max(a.max(), b.max()))).bit_length() + 1
    plan = fft_digits.fft_plan(a.shape, b.shape, digits=-(-bits // 11))  # ~11-bit digits
    chosen = _choose(a, b, m, plan)
    if chosen is None:  # pragma: no cover - needs ~1e24 pairs
        return None
    w, da, db, bound = chosen
    c = fft_digits.digit_convolutions(da, db, plan)
    if c is None:  # pragma: no cover - excluded by the error bound
        return None
    return _recombine(c, w, m, bound)


#: outputs recombined at a time: the temporaries stay in cache (and are not page-faulted
#: in afresh for every operation)
CHUNK = 1 << 14


def _recombine(c: np.ndarray, w: int, m: int, bound: int) -> np.ndarray:
    """``sum_k c[k] 2^(w k) mod m`` in ``[0, m)``, int64 (``|c[k]| < bound``)."""
    shape = c.shape[1:]
    c = c.reshape(len(c), -1)
    if m >= INT64_MODULUS:
        total = python_ints(c[-1], "c")
        for k in range(len(c) - 2, -1, -1):
            total = ((total << w) + python_ints(c[k], "c")) % m
        return total.astype(np.int64).reshape(shape)
    # digits grouped g at a time into int64 "super-digits" of s = g w bits, |C| < 2^62
    g = 1
    while (g + 1) * w <= 40 and bound * (1 << (w * g)) * 2 < 2**62:
        g += 1
    s = g * w
    # the quotient estimate of _step needs |digit| / m below 2^40: else reduce first
    reduce_first = bound * (1 << (w * (g - 1))) * 2 > m * 2**40
    groups = [c[k:k + g] for k in range(0, len(c), g)]
    out = np.empty(c.shape[1], dtype=np.int64)
    for lo in range(0, c.shape[1], CHUNK):
        part = slice(lo, lo + CHUNK)
        r = None
        for group in reversed(groups):
            digit = group[-1, part].copy()
            for t in range(len(group) - 2, -1, -1):
                digit <<= w
                digit += group[t, part]
            if r is None or reduce_first:
                digit %= m
            r = digit if r is None else _step(r, digit, s, m)
        out[part] = r
    return out.reshape(shape)


def _step(r: np.ndarray, digit: np.ndarray, s: int, m: int) -> np.ndarray:
    """``(r 2^s + digit) mod m`` for ``0 <= r < m < 2^62``, ``|digit| < min(2^62, 2^40 m)``,
    ``s <= 40``.

    The quotient is estimated in float64 within 1 of the truth (its error is a few ulps of
    a number below ``2^41``), so ``r 2^s + digit - q m`` lies in ``[-m, 2m)``, inside
    int64: computed with wrapping uint64 arithmetic, it is exact.
    """
    q = np.floor(r * (float(1 << s) / m) + digit * (1.0 / m)).astype(np.int64)
    with np.errstate(over="ignore"):
        x = ((r.view(np.uint64) << np.uint64(s)) + digit.view(np.uint64)
             - q.view(np.uint64) * np.uint64(m)).view(np.int64)
    x[x < 0] += m
    x[x >= m] -= m
    return x
