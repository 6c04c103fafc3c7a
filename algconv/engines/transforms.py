r"""Fast transforms on bitmask-indexed arrays: XOR, OR, AND and subset convolution.

Arrays have length ``2**n``; index ``i`` is the subset of ``{0..n-1}`` whose bits are set
in ``i``.  Every product here is a pointwise product after a transform that is computed
by ``n`` in-place butterfly passes (``O(n 2^n)``): for bit ``k`` the array is viewed as
``(-1, 2, 2**k)`` so that ``[:, 0, :]`` and ``[:, 1, :]`` are the halves without and with
bit ``k``.

* ``convolve_xor``: Walsh-Hadamard transform (the characters of ``(Z/2)^n``);
* ``convolve_or``: zeta transform over subsets, then Moebius (union, ``SubsetMonoid``);
* ``convolve_and``: zeta transform over supersets, then Moebius (intersection);
* ``convolve_subset``: union of *disjoint* sets, by the ranked zeta transform
  (``O(n^2 2^n)``).

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
from typing import Any

import numpy as np

from .. import arith, config
from .._kernels import (divide_by_power_of_two, popcounts, subset_zeta, via_integers,
                       walsh_hadamard)
from ..errors import StructureMismatch
from ..function import Function, trusted_dense
from ..structures.finite import BooleanGroup, SubsetMonoid
from ..validation import as_value_vector
from .base import Engine, Problem

__all__ = [
    "convolve_xor",
    "convolve_or",
    "convolve_and",
    "convolve_subset",
    "XorEngine",
    "ZetaEngine",
]

#: seconds per element per butterfly pass (int64 / float64, in place), measured with
#: algconv/benchmark/transforms.py (algconv bench) on the 2-core machine (XOR of 2^20 ints: 65 ms for
#: 3 transforms of 20 passes, best of 3)
SECONDS_PER_BUTTERFLY = 1.0e-9
#: the same on object arrays of Python ints, measured at 2^12 (7.6 ms)
SECONDS_PER_OBJECT_BUTTERFLY = 5e-8
SECONDS_PER_CALL = 2e-5


# --- validation --------------------------------------------------------------------------------


def _log2_length(length: int, name: str) -> int:
    n = length.bit_length() - 1
    if length < 1 or length != 1 << n:
        raise StructureMismatch(
            f"Got {name} of length {length}, but expected a length 2**n (1, 2, 4, 8, ...): "
            "index i is the subset of {0..n-1} with the bits of i"
        )
    return n


def _operands(f: Any, g: Any, what: str) -> tuple[np.ndarray, np.ndarray, int]:
    expected = f"{what} takes 1-D arrays of length 2**n"
    a, b = as_value_vector(f, "f", expected), as_value_vector(g, "g", expected)
    n = _log2_length(len(a), "f")
    _log2_length(len(b), "g")
    if len(a) != len(b):
        raise StructureMismatch(
            f"Got f of length {len(a)} and g of length {len(b)}, but {what} needs equal "
            "lengths 2**n"
        )
    return a, b, n


#: working arrays of the length of the input, counted by ``_check_memory``: the inputs,
#: their cast copies, the transform temporaries and the result (numpy peak measured at
#: 5 arrays for XOR / OR of 2**20 int64, ``benchmarks/calibrate_costs.py --memory``); the
#: subset convolution holds two ranked transforms of ``n + 1`` rows each on top
TRANSFORM_COPIES = 6


def _subset_copies(n: int) -> int:
    return 2 * (n + 2) + TRANSFORM_COPIES


def _check_memory(a: np.ndarray, b: np.ndarray, n: int, what: str, copies: int) -> None:
    """Refuse before transforming when ``copies`` working arrays would exceed the limit."""
    per = config.pair_value_bytes(a, b, terms=1 << n)
    config.check_memory(float(1 << n) * copies * per, f"{what} on 2**{n} values")


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


def _xor_core(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    rational = via_integers(lambda x, y: _xor_core(x, y, n), a, b)
    if rational is not None:
        return rational
    split = _limb_split(a, b, _xor_bound(len(a)))
    if split is not None:
        return _by_limbs(_xor_core, split, n)
    a, b = _plan(a, b, _xor_bound(len(a)))
    fa = walsh_hadamard(a, n)
    fa *= walsh_hadamard(b, n)
    return divide_by_power_of_two(walsh_hadamard(fa, n), n)


def _zeta_core(a: np.ndarray, b: np.ndarray, n: int, supersets: bool) -> np.ndarray:
    rational = via_integers(lambda x, y: _zeta_core(x, y, n, supersets), a, b)
    if rational is not None:
        return rational
    split = _limb_split(a, b, _pairs_bound)
    if split is not None:
        return _by_limbs(_zeta_core, split, n, supersets=supersets)
    a, b = _plan(a, b, _pairs_bound)
    fa = subset_zeta(a, n, supersets=supersets)
    fa *= subset_zeta(b, n, supersets=supersets)
    return subset_zeta(fa, n, supersets=supersets, inverse=True)


def _subset_core(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    rational = via_integers(lambda x, y: _subset_core(x, y, n), a, b)
    if rational is not None:
        return rational
    split = _limb_split(a, b, _disjoint_bound)
    if split is not None:
        return _by_limbs(_subset_core, split, n)
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


# --- public functions --------------------------------------------------------------------------


def convolve_xor(f: Any, g: Any) -> np.ndarray:
    r"""Convolve over the Boolean group ``({0,1}^n, XOR)``.

    Parameters
    ----------
    f, g : array_like, shape (2**n,)
        Values indexed by bitmask.

    Returns
    -------
    ndarray, shape (2**n,)
        ``h[c] = sum(f[a] * g[b] for a ^ b == c)``; exact for integer input (int64 when a
        bound proves it fits, else Python ints), Fractions and sympy values.

    Raises
    ------
    StructureMismatch
        If ``len(f) != len(g)``, an array is not 1-D, or the length is not a power of two.

    See Also
    --------
    convolve_or, convolve_and, convolve_subset, algconv.BooleanGroup

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \oplus b = c} f(a)\, g(b)

    Computed with the Walsh-Hadamard transform :math:`\hat f(s) = \sum_a (-1)^{|a \wedge s|}
    f(a)` in :math:`O(n 2^n)`: :math:`h = 2^{-n} H(\hat f \hat g)`.

    Examples
    --------
    >>> ac.convolve_xor([1, 2, 0, 0], [0, 1, 0, 0])
    array([2, 1, 0, 0])
    >>> from fractions import Fraction
    >>> ac.convolve_xor([Fraction(1, 2), 0], [1, 3])
    array([Fraction(1, 2), Fraction(3, 2)], dtype=object)
    """
    a, b, n = _operands(f, g, "convolve_xor")
    _check_memory(a, b, n, "convolve_xor", TRANSFORM_COPIES)
    return _xor_core(a, b, n)


def convolve_or(f: Any, g: Any) -> np.ndarray:
    r"""Convolve over subsets under union: ``h[c] = sum(f[a] * g[b] for a | b == c)``.

    This is convolution on ``SubsetMonoid(n)`` (sympy calls it the covering product).

    Parameters
    ----------
    f, g : array_like, shape (2**n,)
        Values indexed by bitmask.

    Returns
    -------
    ndarray, shape (2**n,)
        Exact for integer, Fraction and sympy input.

    Raises
    ------
    StructureMismatch
        If ``len(f) != len(g)``, an array is not 1-D, or the length is not a power of two.

    See Also
    --------
    convolve_and, convolve_subset, convolve_xor, algconv.SubsetMonoid

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \cup b = c} f(a)\, g(b)

    The zeta transform :math:`\hat f(s) = \sum_{a \subseteq s} f(a)` turns it into a
    pointwise product; Moebius inversion gives :math:`h`.  :math:`O(n 2^n)`.

    Examples
    --------
    >>> ac.convolve_or([1, 1, 0, 0], [0, 0, 1, 1])
    array([0, 0, 1, 3])
    """
    a, b, n = _operands(f, g, "convolve_or")
    _check_memory(a, b, n, "convolve_or", TRANSFORM_COPIES)
    return _zeta_core(a, b, n, supersets=False)


def convolve_and(f: Any, g: Any) -> np.ndarray:
    r"""Convolve over subsets under intersection: ``h[c] = sum(f[a] * g[b] for a & b == c)``.

    Parameters
    ----------
    f, g : array_like, shape (2**n,)
        Values indexed by bitmask.

    Returns
    -------
    ndarray, shape (2**n,)
        Exact for integer, Fraction and sympy input.

    Raises
    ------
    StructureMismatch
        If ``len(f) != len(g)``, an array is not 1-D, or the length is not a power of two.

    See Also
    --------
    convolve_or, convolve_subset, convolve_xor

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \cap b = c} f(a)\, g(b)

    By the zeta transform over supersets :math:`\hat f(s) = \sum_{a \supseteq s} f(a)` and
    its Moebius inversion; sympy calls it the intersecting product.  :math:`O(n 2^n)`.

    Examples
    --------
    >>> ac.convolve_and([0, 1, 0, 2], [0, 0, 1, 1])
    array([1, 1, 2, 2])
    """
    a, b, n = _operands(f, g, "convolve_and")
    _check_memory(a, b, n, "convolve_and", TRANSFORM_COPIES)
    return _zeta_core(a, b, n, supersets=True)


def convolve_subset(f: Any, g: Any) -> np.ndarray:
    r"""Subset convolution: the union of *disjoint* sets, ``h[c] = sum(f[a] * g[c ^ a])``.

    The sum runs over the subsets ``a`` of ``c`` (``a & b == 0`` and ``a | b == c``).

    Parameters
    ----------
    f, g : array_like, shape (2**n,)
        Values indexed by bitmask.

    Returns
    -------
    ndarray, shape (2**n,)
        Exact for integer, Fraction and sympy input.

    Raises
    ------
    StructureMismatch
        If ``len(f) != len(g)``, an array is not 1-D, or the length is not a power of two.

    See Also
    --------
    convolve_or, convolve_and, convolve_xor

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \subseteq c} f(a)\, g(c \setminus a)

    By the ranked zeta transform (Bjorklund, Husfeldt, Kaski, Koivisto 2007): the zeta
    transforms of ``f`` and ``g`` split by the size of the set are multiplied as
    polynomials in the rank, and the rank-``|c|`` part is Moebius-inverted, in
    :math:`O(n^2 2^n)` instead of the :math:`O(3^n)` of the direct sum.

    Examples
    --------
    >>> ac.convolve_subset([1, 1, 1, 1], [1, 1, 1, 1])
    array([1, 2, 2, 4])
    """
    a, b, n = _operands(f, g, "convolve_subset")
    _check_memory(a, b, n, "convolve_subset", _subset_copies(n))
    return _subset_core(a, b, n)


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
        return _xor_core(a, b, n)


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
        return _zeta_core(a, b, n, supersets=False)
