"""The numeric kernels every layer shares, each written once (private module, public names).

The engines, ``inverse``, ``fourier``, ``transforms``, ``linear``, the dask and filter
front ends, the benchmarks and the tour import these by their public names:

* butterflies on bitmask-indexed arrays: :func:`walsh_hadamard`, :func:`subset_zeta`
  (zeta / Moebius over subsets or supersets), :func:`halves`, :func:`popcounts`,
  :func:`divide_by_power_of_two`;
* :func:`finite_shape` / :func:`cyclic_shape`: the N-D shape of a product of cyclic groups;
* :func:`scaled_integers` / :func:`via_integers`: Fractions as integers over a common
  denominator;
* :data:`MODES` and :func:`check_valid_shapes`: the array modes and the ``valid``-mode
  containment check;
* :func:`left_regular_matrix`: ``M[c, b] = sum over a . b = c of f(a)``;
* :func:`is_zero` and :func:`nonzero_positions`: the zero test;
* :func:`bool_operands`: two bool arrays are values of the Boolean semiring;
* :func:`best_of` / :func:`once`: the timing helper of the benchmarks and the tour.

Nothing here validates user input beyond what it says; callers validate first.
"""

from __future__ import annotations

import math
import time
from fractions import Fraction
from typing import Any, Callable

import numpy as np

from . import arith, config
from .errors import InvalidArgument, InvalidType, StructureMismatch
from .structures.base import Group
from .structures.finite import BooleanGroup, Cyclic
from .validation import check_choice, check_kernel, describe, is_integer

__all__ = [
    "MODES", "check_valid_shapes", "convolution_matrix", "walsh_hadamard", "subset_zeta", "halves", "popcounts",
    "divide_by_power_of_two", "finite_shape", "cyclic_shape", "scaled_integers",
    "via_integers", "left_regular_matrix", "is_zero", "is_sympy", "identically_zero",
    "nonzero_positions", "conj_array", "bool_operands",
    "best_of", "once",
]

#: the array modes of ``convolve`` / ``correlate`` on Z^d (scipy.signal's)
MODES = ("full", "same", "valid")


# --- modes -------------------------------------------------------------------------------------


def check_valid_shapes(shape_f: tuple, shape_g: tuple) -> None:
    """Raise ``InvalidArgument`` unless one shape contains the other (``mode='valid'``).

    >>> check_valid_shapes((3, 4), (2, 2))
    >>> check_valid_shapes((3, 1), (2, 2))
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got shapes (3, 1) and (2, 2) with mode='valid', but one array must be at least as large as the other in every dimension
    """
    fits = all(m >= n for m, n in zip(shape_f, shape_g))
    fits_swapped = all(n >= m for m, n in zip(shape_f, shape_g))
    if not (fits or fits_swapped):
        raise InvalidArgument(
            f"Got shapes {tuple(shape_f)} and {tuple(shape_g)} with mode='valid', but one array "
            "must be at least as large as the other in every dimension"
        )


# --- butterflies (in place, on the last axis of a C-contiguous array) --------------------------


def halves(x: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Views of ``x[..., i]`` for ``i`` without / with bit ``k`` (``x`` C-contiguous).

    >>> lo, hi = halves(np.arange(4), 1)
    >>> lo.ravel().tolist(), hi.ravel().tolist()
    ([0, 1], [2, 3])
    """
    v = x.reshape(x.shape[:-1] + (-1, 2, 1 << k))
    return v[..., 0, :], v[..., 1, :]


def walsh_hadamard(x: np.ndarray, n: int) -> np.ndarray:
    """Unnormalised Walsh-Hadamard transform of the last axis (length ``2**n``), in place.

    ``x`` must be C-contiguous (its reshapes are views).  Two bits per pass (radix 4: a
    third fewer sweeps over memory than radix 2), then one radix-2 pass when ``n`` is odd.

    >>> walsh_hadamard(np.array([1, 0, 0, 0]), 2).tolist(), walsh_hadamard(np.array([0, 1]), 1)
    ([1, 1, 1, 1], array([ 1, -1]))
    """
    k = 0
    while k + 2 <= n:
        v = x.reshape(x.shape[:-1] + (-1, 4, 1 << k))
        a, b, c, d = (v[..., j, :] for j in range(4))
        s1, d1, s2, d2 = a + b, a - b, c + d, c - d
        np.add(s1, s2, out=a)
        np.add(d1, d2, out=b)
        np.subtract(s1, s2, out=c)
        np.subtract(d1, d2, out=d)
        k += 2
    if k < n:
        lo, hi = halves(x, k)
        diff = lo - hi
        lo += hi
        hi[...] = diff
    return x


def subset_zeta(x: np.ndarray, n: int, *, supersets: bool = False,
                inverse: bool = False) -> np.ndarray:
    """Sum (or Moebius-invert, ``inverse=True``) over subsets or supersets, in place.

    >>> subset_zeta(np.array([1, 2, 3, 4]), 2).tolist()
    [1, 3, 4, 10]
    >>> subset_zeta(np.array([1, 3, 4, 10]), 2, inverse=True).tolist()
    [1, 2, 3, 4]
    """
    for k in range(n):
        lo, hi = halves(x, k)
        target, source = (lo, hi) if supersets else (hi, lo)
        if inverse:
            target -= source
        else:
            target += source
    return x


def popcounts(n: int) -> np.ndarray:
    """The number of set bits of every index below ``2**n``.

    >>> popcounts(3).tolist()
    [0, 1, 1, 2, 1, 2, 2, 3]
    """
    counts = np.zeros(1 << n, dtype=np.intp)
    for k in range(n):
        _, hi = halves(counts, k)
        hi += 1
    return counts


def divide_by_power_of_two(x: np.ndarray, n: int) -> np.ndarray:
    """``x / 2**n`` for values known to be multiples of ``2**n`` in exact arithmetic
    (ints shift, Python ints shift, anything else divides).

    >>> divide_by_power_of_two(np.array([8, -4]), 2).tolist()
    [2, -1]
    """
    if n == 0:
        return x
    if x.dtype.kind == "i":
        return x >> n
    if x.dtype == object:
        size = 1 << n
        return np.array([v >> n if isinstance(v, int) else v / size for v in x.tolist()],
                        dtype=object).reshape(x.shape)
    return x / (1 << n)


# --- shapes of finite abelian groups -----------------------------------------------------------


def cyclic_shape(over: Any) -> tuple | None:
    """The N-D shape of ``Cyclic(n)`` (``(n,)``) or of a product of cyclics, else ``None``.

    >>> import algconv as ac
    >>> cyclic_shape(ac.Cyclic(5)), cyclic_shape(ac.product(ac.Cyclic(2), ac.Cyclic(3)))
    ((5,), (2, 3))
    >>> cyclic_shape(ac.BooleanGroup(2)) is None
    True
    """
    if type(over) is Cyclic:
        return (over.n,)
    if getattr(over, "is_cyclic_product", False):
        return over.shape
    return None


def finite_shape(over: Any) -> tuple | None:
    """The N-D shape in which an abelian group's FFT runs, or ``None`` if there is none:
    :func:`cyclic_shape`, and ``(2,) * n`` for ``BooleanGroup(n)``.

    >>> import algconv as ac
    >>> finite_shape(ac.product(ac.Cyclic(2), ac.Cyclic(3))), finite_shape(ac.BooleanGroup(3))
    ((2, 3), (2, 2, 2))
    >>> finite_shape(ac.SymmetricGroup(3)) is None
    True
    """
    if type(over) is BooleanGroup:
        return (2,) * over.n
    return cyclic_shape(over)


# --- Fractions as integers ---------------------------------------------------------------------


def scaled_integers(array: np.ndarray) -> tuple[np.ndarray, int] | None:
    """``(ints, d)`` with ``array == ints / d`` when every value is an int or a Fraction.

    ``d`` is the least common denominator; ``ints`` is int64 when it fits, else Python
    ints.  ``None`` for floats, complex or sympy values.

    >>> ints, d = scaled_integers(np.array([Fraction(1, 2), 3, Fraction(-1, 3)], dtype=object))
    >>> ints, d
    (array([ 3, 18, -2]), 6)
    """
    if array.dtype.kind in "iu":
        return array, 1
    if array.dtype != object:
        return None
    values = array.ravel().tolist()
    d = 1
    for v in values:
        if isinstance(v, Fraction):
            d = math.lcm(d, v.denominator)
        elif not (isinstance(v, (int, np.integer)) and not isinstance(v, bool)):
            return None
    ints = [v.numerator * (d // v.denominator) if isinstance(v, Fraction) else int(v) * d
            for v in values]
    return arith.values_array(ints).reshape(array.shape), d


def via_integers(fn: Callable[[np.ndarray, np.ndarray], np.ndarray], a: np.ndarray,
                 b: np.ndarray) -> np.ndarray | None:
    """``fn(a, b)`` for a bilinear ``fn``, computed on integers by common denominators.

    When ``a`` and ``b`` hold only ints and Fractions and at least one Fraction, ``fn``
    runs on ``a * da`` and ``b * db`` (integers, so int64 engines apply) and the result is
    divided by ``da * db`` into Fractions.  Returns ``None`` when that does not apply.

    >>> half = np.array([Fraction(1, 2), Fraction(1, 2)], dtype=object)
    >>> via_integers(np.convolve, half, half)
    array([Fraction(1, 4), Fraction(1, 2), Fraction(1, 4)], dtype=object)
    """
    sa, sb = scaled_integers(a), scaled_integers(b)
    if sa is None or sb is None or sa[1] * sb[1] == 1:
        return None
    h = fn(sa[0], sb[0])
    d = sa[1] * sb[1]
    out = np.empty(h.shape, dtype=object)
    out.ravel()[:] = [Fraction(int(v), d) for v in h.ravel().tolist()]
    return out


# --- the left-regular matrix -------------------------------------------------------------------


def left_regular_matrix(values: np.ndarray, over: Any) -> np.ndarray:
    """``M[c, b] = sum over a . b = c of f(a)`` for ``values`` in ``over.elements()`` order:
    left multiplication by ``f``, so ``M @ g == f * g`` (on a group ``M[c, b] = f(c b^-1)``).

    >>> import algconv as ac
    >>> left_regular_matrix(np.array([0, 1, 0]), ac.Cyclic(3)).tolist()
    [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
    """
    n = over.order
    config.check_memory(8.0 * n * n * (3 if values.dtype == object else 1),
                        f"the {n} x {n} regular representation of {over!r}")
    table = over.cayley_table()
    if isinstance(over, Group):
        return values[table[:, over.inverse_indices()]]
    values = arith.widen_ints(values, terms=n)  # an entry sums up to n values of f
    m = np.zeros((n, n), dtype=values.dtype)
    np.add.at(m, (table, np.broadcast_to(np.arange(n), (n, n))), values[:, None])
    return m


# --- zeros -------------------------------------------------------------------------------------


def is_zero(v: Any) -> bool:
    """Whether a value is zero; a symbolic value counts when it is identically 0 by
    expansion (polynomial and rational identities; undecided counts as non-zero).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> is_zero(0.0), is_zero(Fraction(0)), is_zero(x * (x + 1) - x**2 - x), is_zero(x)
    (True, True, True, False)
    """
    try:
        if v == 0:
            return True
    except TypeError:  # pragma: no cover - exotic values without ==
        return False
    return is_sympy(v) and bool(v.free_symbols) and identically_zero(v)


def is_sympy(v: Any) -> bool:
    """Whether ``v`` is a sympy object.

    >>> import sympy
    >>> is_sympy(sympy.Rational(1, 2)), is_sympy(0.5)
    (True, False)
    """
    return type(v).__module__.startswith("sympy")


def identically_zero(v: Any) -> bool:
    """Whether a symbolic value is identically 0, decided by expansion (polynomial and
    rational identities; anything it cannot decide counts as non-zero).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> identically_zero((x + 1)**2 - x**2 - 2*x - 1), identically_zero(x - 1)
    (True, False)
    """
    import sympy

    return sympy.expand(sympy.together(v)) == 0


def nonzero_positions(x: np.ndarray) -> np.ndarray:
    """Indices of the entries of a 1-D array that are not ``== 0`` (object arrays too).

    >>> nonzero_positions(np.array([0, 2, 0, 1])).tolist()
    [1, 3]
    >>> nonzero_positions(np.array([Fraction(0), Fraction(1, 2)], dtype=object)).tolist()
    [1]
    """
    if x.dtype == object:
        return np.array([i for i, v in enumerate(x.tolist()) if v != 0], dtype=np.intp)
    return np.flatnonzero(x)


# --- convolution as a matrix -------------------------------------------------------------------


def _shape(n: Any, ndim: int, name: str) -> tuple:
    if is_integer(n):
        n = (int(n),)
    if not isinstance(n, tuple) or not all(map(is_integer, n)):
        raise InvalidType(f"Got {name}={describe(n)}, but expected an int or a tuple of ints")
    if len(n) != ndim:
        raise StructureMismatch(
            f"Got {name}={n!r}, but the kernel has {ndim} dimensions; give one size per axis")
    if any(v < 1 for v in n):
        raise InvalidArgument(f"Got {name}={n!r}, but every size must be >= 1")
    return tuple(int(v) for v in n)


def _window(n: tuple, m: tuple, mode: str) -> tuple[tuple, tuple]:
    """``(start, shape)`` of the ``mode`` output inside the full convolution, per axis."""
    full = tuple(a + b - 1 for a, b in zip(n, m))
    if mode == "full":
        return (0,) * len(n), full
    if mode == "same":
        shape = n
    else:
        check_valid_shapes(n, m)
        shape = tuple(abs(a - b) + 1 for a, b in zip(n, m))
    return tuple((f - s) // 2 for f, s in zip(full, shape)), shape


def convolution_matrix(kernel: Any, n: Any, mode: str = "valid") -> np.ndarray:
    """The matrix of ``x -> convolve(x, kernel, mode)`` on arrays of shape ``n`` (C order),
    exact for exact values: ``ac.linear.conv_matrix`` and ``ac.symbolic.conv_matrix``.

    >>> convolution_matrix([1, 2], 3).tolist()
    [[2, 1, 0], [0, 2, 1]]
    """
    k = check_kernel(kernel)
    n = _shape(n, k.ndim, "n")
    mode = check_choice(mode, "mode", MODES)
    start, out_shape = _window(n, k.shape, mode)
    rows, cols = int(np.prod(out_shape)), int(np.prod(n))
    config.check_memory(float(rows) * cols * max(k.itemsize, 8), "conv_matrix")
    matrix = np.zeros((rows, cols), dtype=k.dtype)
    inputs = np.indices(n).reshape(k.ndim, -1)  # coordinates of column j
    for a in np.ndindex(k.shape):
        value = k[a]
        if is_zero(value):
            continue
        out = inputs + (np.array(a) - np.array(start))[:, None]  # output coordinates
        inside = np.all((out >= 0) & (out < np.array(out_shape)[:, None]), axis=0)
        r = np.ravel_multi_index(tuple(out[:, inside]), out_shape)
        matrix[r, np.flatnonzero(inside)] = value
    return matrix


# --- conjugates -------------------------------------------------------------------------------


def conj_array(array: np.ndarray) -> np.ndarray:
    """The complex conjugate of a value array (real and exact-real arrays as they are).

    >>> conj_array(np.array([1 + 2j])), conj_array(np.array([1, 2]))
    (array([1.-2.j]), array([1, 2]))
    """
    if array.dtype.kind == "c":
        return array.conj()
    if array.dtype == object:
        return np.frompyfunc(arith.conjugate, 1, 1)(array).astype(object)
    return array


# --- bools -------------------------------------------------------------------------------------


def bool_operands(a: Any, b: Any) -> tuple[Any, Any, bool]:
    """``(a, b, boolean)``: bool arrays as 0/1 counts (uint8), and whether both were bool.

    Two bool arrays are values of the Boolean semiring (or adds, and multiplies): convolved
    as exact counts, the result is ``counts > 0``; a bool array beside numbers is 0/1, as
    numpy promotes it.  Works on anything with ``dtype`` and ``astype`` (dask arrays too).

    >>> a, b, boolean = bool_operands(np.array([True, False]), np.array([True]))
    >>> a.dtype, boolean
    (dtype('uint8'), True)
    """
    boolean = a.dtype == bool and b.dtype == bool
    if a.dtype == bool:
        a = a.astype(np.uint8)
    if b.dtype == bool:
        b = b.astype(np.uint8)
    return a, b, boolean


# --- timing ------------------------------------------------------------------------------------


def best_of(fn: Callable[[], object], repeat: int = 3,
            clock: Callable[[], float] = time.perf_counter, batch: bool = True) -> float:
    """The fastest of ``repeat`` timings of ``fn()`` in seconds per call.

    With ``batch`` (the default), calls faster than 2 ms are batched (up to 1000 per
    timing) so the clock resolves them, and the first batch doubles as a warm-up; without
    it every timing is one call and there is no warm-up.

    >>> best_of(lambda: None, repeat=2) >= 0, best_of(lambda: None, 1, batch=False) >= 0
    (True, True)
    """
    number = 1
    while batch:
        t0 = clock()
        for _ in range(number):
            fn()
        if clock() - t0 > 2e-3 or number >= 1000:
            break
        number *= 10
    times = []
    for _ in range(repeat):
        t0 = clock()
        for _ in range(number):
            fn()
        times.append((clock() - t0) / number)
    return min(times)


def once(fn: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds for a single call (a cold first call: no warm-up).

    >>> once(lambda: None) >= 0
    True
    """
    t0 = clock()
    fn()
    return clock() - t0
