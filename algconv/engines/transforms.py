r"""The bitmask engines: XOR, OR, AND and subset convolution by fast transforms.

Arrays have length ``2**n``; index ``i`` is the subset of ``{0..n-1}`` whose bits are set
in ``i``.  Every product here is a pointwise product after a transform that is computed
by ``n`` in-place butterfly passes (``O(n 2^n)``): for bit ``k`` the array is viewed as
``(-1, 2, 2**k)`` so that ``[:, 0, :]`` and ``[:, 1, :]`` are the halves without and with
bit ``k``.

* ``xor_core``: Walsh-Hadamard transform (the characters of ``(Z/2)^n``);
* ``zeta_core``: zeta transform over subsets (union, ``SubsetMonoid``) or supersets
  (intersection), then Moebius;
* ``subset_core``: union of *disjoint* sets, by the ranked zeta transform
  (``O(n^2 2^n)``).

The public array entry points (``ac.convolve_xor`` and the others) live in
``algconv.named``, which validates and hands off to these cores; the engines ``xor`` and
``zeta`` run them on Functions.

Exactness: integer input is computed in ``int64`` arithmetic, which is exact modulo
``2**64``; the result is exact whenever a bound on its true size (from the inputs' sums
and maxima) fits in ``int64``, and the transforms then run at numpy speed.  Larger int64
inputs are split into signed limbs of ``s`` bits (the products are bilinear), each limb
product runs in int64 and the weighted sum is taken in Python ints; anything larger
still uses Python ints in object arrays throughout.  Fractions are brought to a common
denominator and computed as integers (``via_integers``); sympy values use object
arrays; floats and complex numbers use numpy's float64 / complex128.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .. import arith
from .._kernels import (divide_by_power_of_two, popcounts, subset_zeta, via_integers,
                       walsh_hadamard)
from ..function import Function, trusted_dense
from ..structures.finite import BooleanGroup, SubsetMonoid
from .base import Engine, Problem

__all__ = ["XorEngine", "ZetaEngine", "xor_core", "zeta_core", "subset_core"]

#: seconds per element per butterfly pass (int64 / float64, in place), measured with
#: algconv/benchmark/transforms.py (algconv bench) on the 2-core machine (XOR of 2^20 ints: 65 ms for
#: 3 transforms of 20 passes, best of 3)
SECONDS_PER_BUTTERFLY = 1.0e-9
#: the same on object arrays of Python ints, measured at 2^12 (7.6 ms)
SECONDS_PER_OBJECT_BUTTERFLY = 5e-8
SECONDS_PER_CALL = 2e-5


# --- exact planning ----------------------------------------------------------------------------


def _abs_sum(x: np.ndarray, biggest: int) -> int:
    """``sum |x|`` as a Python int, or an upper bound when an int64 sum could overflow."""
    if biggest * max(x.size, 1) <= arith.INT64_MAX:
        return int(np.abs(x.astype(np.int64, copy=False)).sum())
    return biggest * x.size


def _plan(a: np.ndarray, b: np.ndarray, bound: Callable[[int, int, int, int], int]):
    """Cast ``a, b`` for an exact-or-numpy transform product.

    ``bound(ma, mb, sa, sb)`` bounds the true size of every value that must be stored
    exactly (maxima and absolute sums of the inputs).  Integer pairs become int64 when it
    fits in int64 (the transforms only add, subtract and multiply, so wrap-around modulo
    2**64 cancels), else object arrays of Python ints.
    """
    if a.dtype.kind in "iu" and b.dtype.kind in "iu":
        ma, mb = arith.max_abs(a), arith.max_abs(b)
        if bound(ma, mb, _abs_sum(a, ma), _abs_sum(b, mb)) <= arith.INT64_MAX:
            return a.astype(np.int64), b.astype(np.int64)
        return _object_copy(a), _object_copy(b)
    a, b = arith.exact_pair(a, b, terms=1)
    if a.dtype == object or b.dtype == object:
        return _object_copy(a), _object_copy(b)
    dtype = np.result_type(a, b, np.float64)
    return a.astype(dtype), b.astype(dtype)


def _object_copy(x: np.ndarray) -> np.ndarray:
    """A fresh 1-D object array of Python scalars (numpy ints become exact ints)."""
    out = np.empty(len(x), dtype=object)
    out[:] = [int(v) if isinstance(v, np.integer) else v for v in x.tolist()]
    return out


#: below this length, Python ints in object arrays beat splitting into limbs
LIMB_MIN_LENGTH = 64


def _limb_split(a: np.ndarray, b: np.ndarray, bound: Callable) -> tuple | None:
    """Split int64 operands too large for one int64 transform into signed ``s``-bit limbs.

    Returns ``(limbs_a, limbs_b, s)`` with ``a = sum_i limbs_a[i] 2^(s i)``, where ``s`` is
    the largest width for which every limb product, summed over the at most ``64 / s``
    pairs of one weight, provably fits in int64; ``None`` when one int64 transform is
    already exact, the inputs are not int64-sized, or they are too short to gain.
    """
    if a.dtype.kind != "i" or b.dtype.kind != "i" or len(a) < LIMB_MIN_LENGTH:
        return None
    ma, mb = arith.max_abs(a), arith.max_abs(b)
    if bound(ma, mb, _abs_sum(a, ma), _abs_sum(b, mb)) <= arith.INT64_MAX:
        return None
    length = len(a)
    for width in range(31, 7, -1):
        top = (1 << width) - 1
        if bound(top, top, length * top, length * top) * -(-64 // width) <= arith.INT64_MAX:
            break
    else:
        return None
    return _limbs(a, ma, width), _limbs(b, mb, width), width


def _limbs(x: np.ndarray, biggest: int, width: int) -> list[np.ndarray]:
    x = x.astype(np.int64, copy=False)
    magnitude = np.abs(x).view(np.uint64)  # |INT64_MIN| = 2**63 is right as uint64
    sign = np.sign(x)
    mask = np.uint64((1 << width) - 1)
    count = -(-max(biggest.bit_length(), 1) // width)
    return [((magnitude >> np.uint64(width * i)) & mask).astype(np.int64) * sign
            for i in range(count)]


def _by_limbs(core: Callable, split: tuple, n: int, **options) -> np.ndarray:
    """``sum_k 2^(s k) sum_{i + j = k} core(a_i, b_j)`` for a bilinear ``core``, in Python ints."""
    limbs_a, limbs_b, width = split
    weights: dict[int, np.ndarray] = {}
    for i, x in enumerate(limbs_a):
        for j, y in enumerate(limbs_b):
            if x.any() and y.any():
                part = core(x, y, n, **options)
                weights[i + j] = part if i + j not in weights else weights[i + j] + part
    out = np.zeros(len(limbs_a[0]), dtype=object)
    for k, part in weights.items():
        out += part.astype(object) * (1 << (width * k))
    return out


# --- cores -------------------------------------------------------------------------------------


def _xor_bound(length: int) -> Callable:
    # |h| <= min(sum|f| max|g|, max|f| sum|g|); the unnormalised result is length * h
    return lambda ma, mb, sa, sb: length * min(sa * mb, ma * sb)


def _pairs_bound(ma: int, mb: int, sa: int, sb: int) -> int:
    return sa * sb


def _disjoint_bound(ma: int, mb: int, sa: int, sb: int) -> int:
    return min(sa * mb, ma * sb)


def xor_core(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """XOR convolution of two value vectors of length ``2**n``, exact for exact values.

    >>> xor_core(np.array([1, 2, 0, 0]), np.array([0, 1, 0, 0]), 2)
    array([2, 1, 0, 0])
    """
    rational = via_integers(lambda x, y: xor_core(x, y, n), a, b)
    if rational is not None:
        return rational
    split = _limb_split(a, b, _xor_bound(len(a)))
    if split is not None:
        return _by_limbs(xor_core, split, n)
    a, b = _plan(a, b, _xor_bound(len(a)))
    fa = walsh_hadamard(a, n)
    fa *= walsh_hadamard(b, n)
    return divide_by_power_of_two(walsh_hadamard(fa, n), n)


def zeta_core(a: np.ndarray, b: np.ndarray, n: int, supersets: bool) -> np.ndarray:
    """OR (``supersets=False``) or AND convolution of two vectors of length ``2**n``.

    >>> zeta_core(np.array([1, 1, 0, 0]), np.array([0, 0, 1, 1]), 2, supersets=False)
    array([0, 0, 1, 3])
    """
    rational = via_integers(lambda x, y: zeta_core(x, y, n, supersets), a, b)
    if rational is not None:
        return rational
    split = _limb_split(a, b, _pairs_bound)
    if split is not None:
        return _by_limbs(zeta_core, split, n, supersets=supersets)
    a, b = _plan(a, b, _pairs_bound)
    fa = subset_zeta(a, n, supersets=supersets)
    fa *= subset_zeta(b, n, supersets=supersets)
    return subset_zeta(fa, n, supersets=supersets, inverse=True)


def subset_core(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """Subset convolution (union of disjoint sets) of two vectors of length ``2**n``.

    >>> subset_core(np.array([1, 1, 1, 1]), np.array([1, 1, 1, 1]), 2)
    array([1, 2, 2, 4])
    """
    rational = via_integers(lambda x, y: subset_core(x, y, n), a, b)
    if rational is not None:
        return rational
    split = _limb_split(a, b, _disjoint_bound)
    if split is not None:
        return _by_limbs(subset_core, split, n)
    a, b = _plan(a, b, _disjoint_bound)
    size, rank = len(a), popcounts(n)
    columns = np.arange(size)
    ranked = []
    for x in (a, b):
        r = np.zeros((n + 1, size), dtype=x.dtype)
        r[rank, columns] = x
        ranked.append(subset_zeta(r, n))
    fa, fb = ranked
    out = np.zeros(size, dtype=a.dtype)
    for k in range(n + 1):
        acc = fa[0] * fb[k]
        for i in range(1, k + 1):
            acc += fa[i] * fb[k - i]
        subset_zeta(acc, n, inverse=True)
        mask = rank == k
        out[mask] = acc[mask]
    return out


# --- engines -----------------------------------------------------------------------------------


def _transform_cost(p: Problem, passes: int) -> float:
    n = p.over.n
    per = SECONDS_PER_OBJECT_BUTTERFLY if p.kind in ("rational", "object") else (
        SECONDS_PER_BUTTERFLY)
    return SECONDS_PER_CALL + passes * max(n, 1) * (1 << n) * per


class _BitmaskEngine(Engine):
    """Shared by the transform engines on the ``2**n`` bitmasks of one structure type."""

    exact = True
    structure: type

    def applies(self, p: Problem) -> str | None:
        if not isinstance(p.over, self.structure):
            return f"it needs over={self.structure.__name__}(n), but over={p.over!r}"
        return None

    def cost(self, p: Problem) -> float:
        return _transform_cost(p, 3)

    def memory(self, p: Problem) -> float:
        return 4.0 * (1 << p.over.n) * p.itemsize

    def run(self, p: Problem) -> Function:
        a, _ = p.fv.dense()
        b, _ = p.gv.dense()
        out = self.core(a, b, p.over.n)
        if out.dtype.kind in "fc":  # float16/32, complex64 come back as they went in
            out = out.astype(np.result_type(a, b), copy=False)
        return trusted_dense(out, p.over)

    def core(self, a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
        """The convolution of two value vectors of length ``2**n``."""
        raise NotImplementedError


class XorEngine(_BitmaskEngine):
    """Walsh-Hadamard transform on ``BooleanGroup(n)``: ``O(n 2^n)``, exact for integers.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.convolve([1, 2, 0, 0], [0, 1, 0, 0], over=ac.BooleanGroup(2), method="xor")
    array([2, 1, 0, 0])
    """

    name = "xor"
    summary = "Walsh-Hadamard transform (BooleanGroup), O(n 2^n)"
    structure = BooleanGroup

    def core(self, a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
        return xor_core(a, b, n)


class ZetaEngine(_BitmaskEngine):
    """Zeta / Moebius transform on ``SubsetMonoid(n)`` (union): ``O(n 2^n)``, exact.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.convolve([1, 1, 0, 0], [0, 0, 1, 1], over=ac.SubsetMonoid(2), method="zeta")
    array([0, 0, 1, 3])
    """

    name = "zeta"
    summary = "zeta/Moebius transform over subsets (SubsetMonoid), O(n 2^n)"
    structure = SubsetMonoid

    def core(self, a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
        return zeta_core(a, b, n, supersets=False)
