r"""The exact engine: integer and rational convolution on Z, Z^d, N and cyclic groups, fast.

Two back-ends, both exact; the engine runs whichever it estimates cheaper among those whose
memory estimate fits ``config.memory_limit``:

* **limb-split float FFT** (numpy + scipy.fft, always available).  Each integer is cut
  into ``L`` signed digits of ``w`` bits, ``x = sum_i x_i 2^(w i)``; the digit arrays are
  transformed once each, the products ``sum_{i+j=k} X_i Y_j`` are formed in the frequency
  domain and transformed back, one inverse per ``k``; every coefficient is then rounded to
  the nearest integer and the digits recombined exactly (int64 when a bound proves the
  result fits, else Python ints).  Rounding is correct because ``w`` is chosen so that
  the *worst-case* floating-point error, by Percival's bound for an FFT of length
  ``N = 2^k`` (C. Percival, "Rapid multiplication modulo the sum and difference of
  highly composite numbers", Math. Comp. 72 (2003), Theorem 5.1):

  .. math:: |z' - z|_\infty < \|x\|_2 \|y\|_2 \left((1+\epsilon)^{3k}
            (1+\epsilon\sqrt5)^{3k+1} (1+\beta)^{3k} - 1\right)

  summed over the ``min(La, Lb)`` digit products that share a ``k``, is at most 1/4 (half
  of what correct rounding needs).  We take ``epsilon = 2^-53``, twiddle error
  ``beta = 4 epsilon`` (pocketfft computes its twiddles to about one ulp), one extra level
  for the real-input packing, and power-of-two lengths only, as the theorem assumes.  As
  an alarm that costs one pass, every rounded coefficient must also lie within 1/4 of an
  integer; if one does not (never observed), the engine falls back to the direct sum.
  The digit spectra and the output digits are independent: they run on
  ``config.workers`` threads (bitwise the same result for any number).
* **python-flint** (extra ``fast``, imported lazily): ``fmpz_poly`` multiplication, N-D by
  Kronecker substitution; preferred for Python ints beyond int64, whose digits numpy would
  have to cut in Python.

Crossover, measured one-threaded on the 2-core machine (``benchmarks/sweep_scaling.py``):
for int64 inputs the limbs win at every width and size measured (limbs / flint 0.44 at
1e4 x 1e4 of 20 bits, 0.66 at 62 bits; 0.83 and 0.81 at 1e5 x 1e5), flint only for Python
ints beyond int64.  A multi-prime NTT in numpy was measured and not adopted: one radix-2
stage of 2^18 with ``(x * y) % p`` on uint64 takes 0.87 ms, so the five 30-bit primes that
62-bit inputs need (15 transforms of 18 stages) cost about 0.24 s, more than flint (0.17 s)
and the limbs (0.14 s on two threads) at 1e5 x 1e5.

Cyclic groups and products of cyclics: the exact linear convolution, folded.  Fractions:
numerators over a common denominator, divided at the end.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import scipy.fft

from .. import arith, config
from .._kernels import cyclic_shape, scaled_integers
from .._parallel import parallel_map, request_workers
from ..function import Function, trusted_dense
from . import direct
from .base import Engine, Problem, too_many_axes
from .fft import PARALLEL_MIN_POINTS, SECONDS_PER_FFT_POINT, nlogn

__all__ = ["ExactEngine", "exact_linear", "exact_circular", "limb_width", "percival", "use_flint"]

#: set to False to disable the python-flint back-end (tests and benchmarks do)
use_flint: bool = True

EPS = 2.0**-53
#: the largest per-coefficient error bound accepted before rounding (1/2 would be exact)
ERROR_BUDGET = 0.25
#: seconds per entry to split digits / recombine int64 results (numpy, measured 1e5 x 1e5)
SECONDS_PER_DIGIT = 4e-9
SECONDS_PER_OBJECT_DIGIT = 1.5e-7
#: seconds per complex pointwise multiply-add in the frequency domain
SECONDS_PER_SPECTRUM_POINT = 1.5e-9
#: python-flint, measured at 1e5 x 1e5 with 20-bit values (20 ms multiply, 23 ms to read
#: the 2e5 coefficients back, 2.5 ms to build the polynomials from lists)
FLINT_SECONDS_PER_BIT = 1.75e-9
FLINT_SECONDS_PER_OUTPUT = 1.15e-7
FLINT_SECONDS_PER_INPUT = 1.3e-8
EXACT_OVERHEAD = 3e-5
#: building Python ints for results beyond int64 (62-bit inputs, 1e5 x 1e5: 37 ms for 2e5
#: by shifting object arrays; from 64-bit words by ``int.from_bytes`` 0.57x of that)
SECONDS_PER_BIG_OUTPUT = 1.0e-7


def _flint():
    """The ``flint`` module if it is importable and not disabled, else ``None``."""
    if not use_flint:
        return None
    try:
        import flint
    except ImportError:  # pragma: no cover - the fast extra is optional
        return None
    return flint


def percival(k: int) -> float:
    """Relative error factor of an FFT convolution of length ``2^k`` (see module Notes).

    Percival's worst-case bound: ``||exact - computed||_2 <= factor * ||a||_2 ||b||_2``
    for a convolution by FFTs of length ``2^k`` in double precision.

    >>> 1e-15 < percival(18) < 1e-13
    True
    """
    beta = 4 * EPS
    exponent = (3 * k * math.log1p(EPS) + (3 * k + 1) * math.log1p(EPS * math.sqrt(5))
                + 3 * k * math.log1p(beta))
    return math.expm1(exponent)


def _pow2_shape(shape: tuple) -> tuple:
    return tuple(1 << max(n - 1, 0).bit_length() for n in shape)


def limb_width(bits_a: int, bits_b: int, size_a: int, size_b: int, fft_size: int) -> int:
    """The widest digit (in bits) whose worst-case FFT error keeps rounding exact, or 0.

    Digits of ``w`` bits are below ``2^w`` in absolute value, so each digit vector has
    ``||x_i||_2 < 2^w sqrt(size)``; ``min(La, Lb)`` products share an output digit.

    >>> limb_width(20, 20, 10**5, 10**5, 2**18)
    12
    """
    k = max(fft_size - 1, 1).bit_length() + 1  # one more level for the real packing
    factor = percival(k)
    for w in range(26, 0, -1):
        terms = min(-(-max(bits_a, 1) // w), -(-max(bits_b, 1) // w))
        if factor * terms * 4.0**w * math.sqrt(size_a * size_b) <= ERROR_BUDGET:
            return w
    return 0


def _digits(x: np.ndarray, w: int, count: int) -> list[np.ndarray]:
    """Signed base-``2^w`` digits of an integer array, as float64 arrays (exact)."""
    mask = (1 << w) - 1
    if x.dtype == object:
        mag = np.abs(x)
        neg = x < 0
        out = []
        for i in range(count):
            d = ((mag >> (w * i)) & mask).astype(np.float64)
            out.append(np.where(neg, -d, d))
        return out
    mag = np.abs(x.astype(np.int64, copy=False)).view(np.uint64)  # |-2^63| = 2^63 as uint64
    neg = x < 0
    out = []
    for i in range(count):
        d = ((mag >> np.uint64(w * i)) & np.uint64(mask)).astype(np.float64)
        out.append(np.where(neg, -d, d))
    return out


def _bits(x: np.ndarray) -> int:
    return int(arith.max_abs(x)).bit_length()


def _fits_int64(a: np.ndarray, b: np.ndarray) -> bool:
    return arith.max_abs(a) * arith.max_abs(b) * max(min(a.size, b.size), 1) <= 2**62


def _limb_fft(a: np.ndarray, b: np.ndarray, w: int) -> np.ndarray | None:
    """Exact full convolution by limb-split FFT (``None`` if the rounding alarm fires).

    The digit spectra, and then the output digits (a sum of spectrum products and one
    inverse transform each), are independent pieces: they run on ``config.workers``
    threads, each exactly as on one, so the result never depends on the worker count.
    """
    shape = tuple(m + n - 1 for m, n in zip(a.shape, b.shape))
    fshape = _pow2_shape(shape)
    axes = tuple(range(a.ndim))
    la, lb = -(-max(_bits(a), 1) // w), -(-max(_bits(b), 1) // w)
    workers = request_workers() if math.prod(fshape) >= PARALLEL_MIN_POINTS else 1
    spectra = parallel_map(lambda d: scipy.fft.rfftn(d, fshape, axes),
                                     [*_digits(a, w, la), *_digits(b, w, lb)], workers)
    fa, fb = spectra[:la], spectra[la:]
    crop = tuple(slice(0, n) for n in shape)

    def output_digit(k: int) -> np.ndarray | None:
        spectrum = None
        for i in range(max(0, k - lb + 1), min(k, la - 1) + 1):
            term = fa[i] * fb[k - i]
            spectrum = term if spectrum is None else spectrum + term
        c = scipy.fft.irfftn(spectrum, fshape, axes)[crop]
        rounded = np.rint(c)
        if c.size and float(np.max(np.abs(c - rounded))) > ERROR_BUDGET:
            return None  # pragma: no cover - excluded by the error bound
        return rounded.astype(np.int64)

    digits = parallel_map(output_digit, range(la + lb - 1), workers)
    if any(d is None for d in digits):
        return None  # pragma: no cover - excluded by the error bound
    if _fits_int64(a, b):
        out = digits[-1]
        for d in reversed(digits[:-1]):
            out = (out << w) + d
        return out
    return _recombine_big(digits, w)


def _recombine_big(digits: list[np.ndarray], w: int) -> np.ndarray:
    """``sum_k digits[k] 2^(w k)`` as Python ints, with one object made per value.

    Carries are propagated in int64 so every digit but the top lies in ``[0, 2^w)``; the
    digits are then OR-ed into 64-bit words (two's complement, the top digit
    sign-extended: no two digits share a bit) and each value's words become one Python
    int by ``int.from_bytes`` (2x faster than shifting and adding object arrays).

    >>> d = [np.array([5, 3]), np.array([-1, 2])]  # 5 - 1 * 2**4, 3 + 2 * 2**4
    >>> _recombine_big(d, 4)
    array([-11, 35], dtype=object)
    """
    digits = list(digits)
    for k in range(len(digits) - 1):
        carry = digits[k] >> w  # floor division: the remainder is in [0, 2^w)
        digits[k] = digits[k] - (carry << w)
        digits[k + 1] = digits[k + 1] + carry
    shape = digits[0].shape
    top = len(digits) - 1
    count = (w * top + 64) // 64 + 1  # the top digit is an int64 at bit w * top
    words = np.zeros((math.prod(shape), count), dtype=np.uint64)
    for k, d in enumerate(digits):
        j, s = divmod(w * k, 64)
        d = d.reshape(-1).astype(np.int64, copy=False)
        words[:, j] |= (d << np.int64(s)).view(np.uint64)
        if k < top:
            if s + w > 64:
                words[:, j + 1] |= d.view(np.uint64) >> np.uint64(64 - s)
            continue
        if s:  # the signed top digit: its high bits, then its sign in every word above
            words[:, j + 1] |= (d >> np.int64(64 - s)).view(np.uint64)
        for jj in range(j + (2 if s else 1), count):
            words[:, jj] |= (d >> np.int64(63)).view(np.uint64)
    out = np.empty(words.shape[0], dtype=object)
    from_bytes = int.from_bytes
    out[:] = [from_bytes(x, "little", signed=True)
              for x in words.view(f"V{8 * count}").ravel().tolist()]
    return out.reshape(shape)


def _kronecker(x: np.ndarray, shape: tuple) -> np.ndarray:
    """``x`` zero-padded to ``shape`` on every axis but the first, flattened (1-D as is).

    With every axis padded to the full result's length, ``x[i] -> flat index`` turns an
    N-D convolution into a 1-D one without carries between axes (Kronecker substitution).
    Object arrays are padded with Python ``0`` (``numpy.pad`` would insert numpy ints).
    """
    if x.ndim == 1:
        return x
    out = np.zeros((x.shape[0],) + shape[1:], dtype=x.dtype)
    out[tuple(slice(0, n) for n in x.shape)] = x
    return out.ravel()


def _flint_linear(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Exact full convolution by python-flint's ``fmpz_poly``, N-D by Kronecker substitution."""
    flint = _flint()
    shape = tuple(m + n - 1 for m, n in zip(a.shape, b.shape))
    pa, pb = _kronecker(a, shape), _kronecker(b, shape)
    product = flint.fmpz_poly(pa.tolist()) * flint.fmpz_poly(pb.tolist())
    size = math.prod(shape)
    coeffs = product.coeffs()
    if _fits_int64(a, b):
        out = np.zeros(size, dtype=np.int64)
        out[: len(coeffs)] = np.fromiter(map(int, coeffs), dtype=np.int64, count=len(coeffs))
    else:
        out = np.zeros(size, dtype=object)
        out[: len(coeffs)] = [int(c) for c in coeffs]
    return out.reshape(shape)


def _int_bytes(bits: int) -> float:
    """Bytes of a Python int (or flint fmpz) of ``bits`` bits: header, digits, a pointer."""
    return 36.0 + bits / 8


def _integer_plan(a: np.ndarray, b: np.ndarray) -> tuple[str, float, int, float]:
    """(back-end, estimated seconds, limb width, estimated bytes) for an integer convolution.

    The cheapest back-end whose memory fits ``config.memory_limit`` wins (the one needing
    least memory when none fits): big integers make limb-split FFTs need one spectrum per
    limb, while python-flint's memory grows only with the numbers' bits.
    """
    shape = tuple(m + n - 1 for m, n in zip(a.shape, b.shape))
    n = math.prod(_pow2_shape(shape))
    out = math.prod(shape)
    bits_a, bits_b = _bits(a), _bits(b)
    bits = bits_a + bits_b + max(min(a.size, b.size), 1).bit_length()
    big = not _fits_int64(a, b)
    # the exact result as Python ints when it leaves int64
    result_bytes = out * _int_bytes(bits) if big else 8.0 * out
    w = limb_width(bits_a, bits_b, a.size, b.size, n)
    options = []
    if w:
        la, lb = -(-max(bits_a, 1) // w), -(-max(bits_b, 1) // w)
        per_digit = SECONDS_PER_OBJECT_DIGIT if object in (a.dtype, b.dtype) else (
            SECONDS_PER_DIGIT)
        seconds = (SECONDS_PER_FFT_POINT / 3 * nlogn(n) * (2 * (la + lb) - 1)
                   + SECONDS_PER_SPECTRUM_POINT * n / 2 * la * lb
                   + per_digit * (la * a.size + lb * b.size) + SECONDS_PER_DIGIT * n * (la + lb))
        # one spectrum (n / 2 complex = 8n bytes) per digit array, the running sum and
        # inverse of an output digit (two at once: the estimate must not depend on
        # config.workers, so it counts the two-core default), the padded float input and
        # the int64 digits
        memory = 8.0 * n * (la + lb + 4) + 24.0 * n + result_bytes
        options.append(("limbs", seconds, memory))
    if _flint() is not None:
        seconds = (FLINT_SECONDS_PER_BIT * out * bits + FLINT_SECONDS_PER_OUTPUT * out
                   + FLINT_SECONDS_PER_INPUT * (a.size + b.size))
        # the input lists and polynomials, the product polynomial and its coefficients
        memory = (2 * (a.size * _int_bytes(bits_a) + b.size * _int_bytes(bits_b))
                  + 2 * out * _int_bytes(bits) + result_bytes)
        options.append(("flint", seconds, memory))
    if not options:  # pragma: no cover - needs an FFT longer than 2**40
        return ("direct", direct.SECONDS_PER_OBJECT_TERM * a.size * b.size, 0,
                result_bytes)
    fitting = [o for o in options if o[2] <= config.memory_limit]
    name, seconds, memory = (min(fitting, key=lambda o: o[1]) if fitting
                             else min(options, key=lambda o: o[2]))
    if big:
        seconds += SECONDS_PER_BIG_OUTPUT * out
    return name, EXACT_OVERHEAD + seconds, w, memory


def _integer_linear(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if a.size == 0 or b.size == 0:
        return direct.lattice_direct(a, b)
    name, _, w, _ = _integer_plan(a, b)
    if name == "flint":
        return _flint_linear(a, b)
    out = _limb_fft(a, b, w) if name == "limbs" else None
    return direct.lattice_direct(a, b) if out is None else out


def _as_integers(x: np.ndarray) -> tuple[np.ndarray, int]:
    """(integer array, common denominator) of an int or Fraction array."""
    if x.dtype.kind == "u":  # uint64 above 2**63 must not wrap into int64
        return (x.astype(object) if arith.max_abs(x) > arith.INT64_MAX else
                x.astype(np.int64)), 1
    return scaled_integers(x)


def exact_linear(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The exact full linear convolution of two int or Fraction arrays of one ndim.

    Integers give int64 where a bound proves it fits, else Python ints in an object array;
    Fractions give Fractions.

    >>> exact_linear(np.array([2**40, 1]), np.array([2**40, -1]))
    array([1208925819614629174706176, 0, -1], dtype=object)
    >>> from fractions import Fraction
    >>> exact_linear(np.array([Fraction(1, 2), 1], dtype=object), np.array([2, 3]))
    array([Fraction(1, 1), Fraction(7, 2), Fraction(3, 1)], dtype=object)
    """
    na, da = _as_integers(a)
    nb, db = _as_integers(b)
    out = _integer_linear(na, nb)
    if da * db == 1:
        return out
    result = np.empty(out.shape, dtype=object)
    result.flat[:] = [Fraction(int(v), da * db) for v in out.flat]
    return result


def _fold(full: np.ndarray, shape: tuple) -> np.ndarray:
    """Wrap a linear convolution of two ``shape`` arrays onto ``shape`` (circular)."""
    for axis, n in enumerate(shape):
        m = full.shape[axis]
        head = full.take(range(n), axis=axis)
        if m > n:
            index = [slice(None)] * full.ndim
            index[axis] = slice(0, m - n)
            head[tuple(index)] += full.take(range(n, m), axis=axis)
        full = head
    return full


def exact_circular(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The exact circular convolution of two int or Fraction arrays of one shape.

    >>> exact_circular(np.array([1, 2, 3]), np.array([0, 1, 0]))
    array([3, 1, 2])
    """
    return _fold(exact_linear(a, b), a.shape)


class ExactEngine(Engine):
    """Exact integer / rational convolution at FFT speed (Z, Z^d, N, cyclic groups).

    Examples
    --------
    >>> import algconv as ac
    >>> ac.convolve([2**62, 1], [2**62, -1], method="exact").tolist()
    [21267647932558653966460912964485513216, 0, -1]
    """

    name = "exact"
    exact = True
    summary = "exact ints/Fractions by limb-split FFT with an error bound, or python-flint"
    min_cost = EXACT_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        shape = cyclic_shape(p.over)
        if p.over.dense_layout != "lattice" and shape is None:
            return (f"it needs Z, Z^d, N, a cyclic group or a product of cyclics, but "
                    f"over={p.over!r}")
        axes = too_many_axes(getattr(p.over, "d", 1) if shape is None else len(shape))
        if axes:
            return axes
        if p.kind not in ("int", "rational"):
            return f"it needs int or Fraction values, but the values are {p.kind}"
        return None

    def _operands(self, p: Problem) -> tuple[np.ndarray, np.ndarray]:
        a, b = p.fv.dense()[0], p.gv.dense()[0]
        shape = cyclic_shape(p.over)
        if shape is not None:
            return a.reshape(shape), b.reshape(shape)
        return a, b

    def cost(self, p: Problem) -> float:
        if p.over.dense_layout == "lattice":
            shape_f, shape_g = p.shapes()
        else:
            shape_f = shape_g = cyclic_shape(p.over)
        if p.kind == "rational" or not p.dense:
            a, b = self._operands(p)
            extra = direct.SECONDS_PER_OBJECT_TERM * (a.size + b.size + 2 * math.prod(
                m + n - 1 for m, n in zip(shape_f, shape_g)))
            if p.kind == "rational":
                return extra + _integer_plan(_as_integers(a)[0], _as_integers(b)[0])[1]
            return extra + _integer_plan(a, b)[1]
        a, b = self._operands(p)
        return _integer_plan(a, b)[1]

    def memory(self, p: Problem) -> float:
        if p.over.dense_layout == "lattice":
            shape_f, shape_g = p.shapes()
        else:
            shape_f = shape_g = cyclic_shape(p.over)
        n = math.prod(_pow2_shape(tuple(m + n - 1 for m, n in zip(shape_f, shape_g))))
        if p.kind != "int" or not p.dense:
            return 16.0 * 8 * n
        a, b = self._operands(p)
        return _integer_plan(a, b)[3]

    def run(self, p: Problem) -> Function:
        a, b = self._operands(p)
        if p.over.dense_layout == "lattice":
            start = tuple(x + y for x, y in zip(p.fv.dense()[1], p.gv.dense()[1]))
            return trusted_dense(exact_linear(a, b), p.over, start)
        return trusted_dense(exact_circular(a, b).reshape(-1), p.over)
