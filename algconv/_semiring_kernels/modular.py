r"""Convolution modulo any integer m >= 2, exact."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import InvalidArgument, InvalidType
from ..validation import check_int, describe
from . import _fft
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
    ``algconv._semiring_kernels._fft``).  Then ``out = sum_k c_k 2^(w k) mod m`` by Horner's
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


def _balanced(x: np.ndarray, m: int) -> np.ndarray:
    """Residues in ``[0, m)`` moved to ``(-m/2, m/2]`` (one bit fewer)."""
    return np.where(x > m // 2, x - m, x)


def _digits(x: np.ndarray, w: int, count: int) -> list[np.ndarray]:
    """Balanced base-``2^w`` digits (``|d| <= 2^(w-1)``) of int64 ``x``, as float64."""
    half, mask = 1 << (w - 1), (1 << w) - 1
    out = []
    for _ in range(count):
        d = ((x + half) & mask) - half
        out.append(d.astype(np.float64))
        x = (x - d) >> w
    return out


def _choose(a: np.ndarray, b: np.ndarray, plan: tuple) -> tuple | None:
    """``(w, digits_a, digits_b)`` with the fewest digits whose error bound holds."""
    bits = max(int(np.abs(a).max()), int(np.abs(b).max()), 1).bit_length()
    for count in range(1, 64):
        w = -(-(bits + 1) // count)  # |x| < 2^bits <= 2^(w count - 1)
        if w > 26:
            continue
        da, db = _digits(a, w, count), _digits(b, w, count)
        norms_a, norms_b = [_fft.norm(x) for x in da], [_fft.norm(x) for x in db]
        if _fft.error_bound(norms_a, norms_b, plan[0], plan[3]) <= _fft.ERROR_BUDGET:
            return w, da, db
        if w == 1:
            return None
    return None  # pragma: no cover


def _limbs(a: np.ndarray, b: np.ndarray, m: int) -> np.ndarray | None:
    plan = _fft.fft_plan(a.shape, b.shape)
    chosen = _choose(_balanced(a, m), _balanced(b, m), plan)
    if chosen is None:  # pragma: no cover - needs ~1e24 pairs
        return None
    w, da, db = chosen
    c = _fft.digit_convolutions(da, db, plan)
    if c is None:  # pragma: no cover - excluded by the error bound
        return None
    return _horner(c, w, m)


def _horner(c: np.ndarray, w: int, m: int) -> np.ndarray:
    """``sum_k c[k] 2^(w k) mod m`` in ``[0, m)``, int64 (``c`` int64, ``|c| < 2^62``)."""
    r = c[-1] % m
    if m * (1 << w) < 2**62:  # r 2^w + c[k] stays within int64
        for k in range(len(c) - 2, -1, -1):
            r = ((r << w) + c[k]) % m
        return r
    if m < INT64_MODULUS:  # r 2^w mod m with a float estimate of the quotient
        scale = float(1 << w) / m
        for k in range(len(c) - 2, -1, -1):
            q = np.floor(r.astype(np.float64) * scale).astype(np.int64)
            # exact: r 2^w - q m lies in (-m, 2m), so wrapping int64 arithmetic is exact
            with np.errstate(over="ignore"):
                r = (r.view(np.uint64) * np.uint64(1 << w) - q.view(np.uint64) * np.uint64(m)
                     ).view(np.int64)
            r = np.where(r < 0, r + m, r)
            r = np.where(r >= m, r - m, r)
            r = (r + c[k] % m) % m
        return r
    total = python_ints(c[-1], "c")
    for k in range(len(c) - 2, -1, -1):
        total = ((total << w) + python_ints(c[k], "c")) % m
    return total.astype(np.int64)
