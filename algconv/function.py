"""``Function``: a function on a structure, finitely supported or dense.

A Function stores either a dict ``element -> value`` (any structure) or a dense numpy
array: on ``Z``/``Z^d``/``N`` an array with a ``start`` offset, on ``Multiplicative()`` a
1-D array from ``start`` (default 1), on a finite structure an array in ``elements()``
order.  Both forms behave the same; values keep their exact type.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any, Callable, Mapping

import numpy as np

from . import arith
from ._kernels import conj_array, identically_zero, is_sympy, is_zero
from .errors import InvalidArgument, InvalidType, StructureMismatch
from .structures.base import Group, Monoid, check_structure
from .validation import as_value_array, check_int, check_real, check_value, describe, is_integer

__all__ = ["Function", "delta", "View", "view", "trusted_dense", "trusted_dict", "element_of",
           "finite_vector"]


def _coords(over: Monoid, x: Any) -> tuple:
    return (x,) if getattr(over, "scalar_elements", False) else x


def element_of(over: Monoid, coords: tuple) -> Any:
    """The element of a lattice or offset layout at integer ``coords`` (a tuple).

    >>> import algconv as ac
    >>> element_of(ac.Integers(), (3,)), element_of(ac.Lattice(2), (1, -1))
    (3, (1, -1))
    """
    return int(coords[0]) if getattr(over, "scalar_elements", False) else tuple(map(int, coords))


class Function:
    r"""A function ``f : M -> K`` on a structure ``M``; ``f * g`` is their convolution.

    Parameters
    ----------
    mapping : mapping
        ``element -> value``; values are ints, Fractions, floats, complex numbers, numpy
        scalars or sympy expressions.  Zero values are dropped from the support.  Keys that
        are one element in ``over``'s canonical form (``0.5`` and ``Rational(1, 2)`` on
        ``Reals()``) are one key, with the sum of their values.
    over : Monoid
        The structure (required, a structure object).

    Raises
    ------
    InvalidType
        If ``over`` is not a structure, ``mapping`` is not a mapping, or a value is not a number.
    NotInStructure
        If a key is not an element of ``over``.

    See Also
    --------
    Function.from_array, Function.from_callable, delta, convolve

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \cdot b = c} f(a)\, g(b)

    Examples
    --------
    >>> import algconv as ac
    >>> from fractions import Fraction
    >>> die = ac.Function({k: Fraction(1, 6) for k in range(1, 7)}, over=ac.Integers())
    >>> two = die * die
    >>> two(7), two(2), two.total()
    (Fraction(1, 6), Fraction(1, 36), Fraction(1, 1))
    >>> S3 = ac.SymmetricGroup(3)
    >>> f = ac.delta((1, 0, 2), over=S3)
    >>> g = ac.delta((0, 2, 1), over=S3)
    >>> f * g == g * f
    False
    """

    __slots__ = ("over", "_dict", "_array", "_start", "_view")
    __hash__ = None  # mutable-looking value type: compare with ==, do not hash
    __array_ufunc__ = None  # numpy defers to f's operators: np.float64(2) * f is a Function

    def __init__(self, mapping: Mapping, over: Monoid):
        over = check_structure(over)
        if not isinstance(mapping, Mapping):
            raise InvalidType(
                f"Got mapping={describe(mapping)}, but expected a dict element -> value "
                "(use Function.from_array for arrays)"
            )
        data = {}
        for key, v in mapping.items():
            x = over.check(key, "key")
            v = check_value(v, f"mapping[{key!r}]")
            data[x] = data[x] + v if x in data else v  # keys equal in over's canonical form
        data = {x: v for x, v in data.items() if not is_zero(v)}
        self._set(over, _one_inexact_dtype(data), None, None)

    def _set(self, over, data, array, start) -> None:
        self.over, self._dict, self._array, self._start = over, data, array, start
        self._view = None

    @classmethod
    def _from_dict(cls, data: dict, over: Monoid) -> "Function":
        """Trusted constructor: ``data`` has canonical keys; zeros are dropped here."""
        f = cls.__new__(cls)
        f._set(over, _one_inexact_dtype({x: v for x, v in data.items() if not is_zero(v)}),
               None, None)
        return f

    # --- other constructors -----------------------------------------------------------------

    @classmethod
    def from_array(cls, array: Any, over: Monoid, start: Any = None) -> "Function":
        """A dense Function from an array.

        Parameters
        ----------
        array : array_like
            On ``Integers()``, ``Naturals()``, ``Lattice(d)`` (``d`` dimensions) and
            ``Multiplicative()``: ``array[i] = f(start + i)``.  On a finite structure: a 1-D
            array in ``over.elements()`` order (a product of cyclics also takes its N-D shape).
            The values are copied: changing ``array`` later does not change the Function.
            Python ints stay exact whatever their size; a masked array is refused.
        over : Monoid
            A structure with a dense layout (not ``FreeMonoid`` or ``Reals``).
        start : int or tuple of int, optional
            The element at index 0: defaults to the identity (``0``, ``(0, ..., 0)``, or
            ``1`` on ``Multiplicative()``); not allowed on finite structures.

        Returns
        -------
        Function

        Examples
        --------
        >>> import algconv as ac
        >>> f = ac.Function.from_array([1, 2, 3], over=ac.Integers(), start=-1)
        >>> f(-1), f(1), f(5), sorted(f.support)
        (1, 3, 0, [-1, 0, 1])
        >>> g = ac.Function.from_array([[1, 2], [3, 4]], over=ac.product(ac.Cyclic(2), ac.Cyclic(2)))
        >>> g((1, 0))
        3
        """
        over = check_structure(over)
        values = as_value_array(array, "array")
        if isinstance(array, np.ndarray) and np.may_share_memory(values, array):
            values = values.copy()  # the Function owns its values: the caller may mutate array
        layout = over.dense_layout
        if layout is None:
            raise InvalidArgument(
                f"Got over={over!r}, but from_array needs a structure with a dense layout "
                "(Z, Z^d, N, Multiplicative or finite); use Function(dict, over=...)"
            )
        if layout == "finite":
            if start is not None:
                raise InvalidArgument(
                    f"Got start={start!r}, but a finite structure ({over!r}) takes arrays in "
                    "elements() order with no start"
                )
            return trusted_dense(finite_vector(values, over, "array"), over)
        d = over.d if layout == "lattice" else 1
        if values.ndim != d:
            raise StructureMismatch(
                f"Got array with {values.ndim} dimensions, but {over!r} needs {d}"
            )
        start = _check_start(start, over, d)
        return trusted_dense(values, over, start)

    @classmethod
    def from_callable(cls, fn: Callable[[Any], Any], over: Monoid) -> "Function":
        """A Function on a finite structure with values ``fn(x)`` for every element.

        Examples
        --------
        >>> import algconv as ac
        >>> f = ac.Function.from_callable(lambda x: x * x, over=ac.Cyclic(4))
        >>> f.to_array()
        array([0, 1, 4, 9])
        """
        over = check_structure(over)
        if not callable(fn):
            raise InvalidType(f"Got fn={describe(fn)}, but expected a callable")
        if not over.is_finite:
            raise InvalidArgument(
                f"Got over={over!r}, but from_callable needs a finite structure; "
                "use Function(dict, over=...) for finite support"
            )
        values = [check_value(fn(x), f"fn({x!r})") for x in over.elements()]
        return trusted_dense(arith.values_array(values), over)

    # --- reading ----------------------------------------------------------------------------

    @property
    def is_dense(self) -> bool:
        """Whether the values are stored as an array (else a dict)."""
        return self._array is not None

    def __call__(self, x: Any) -> Any:
        """The value at ``x`` (zero outside the support)."""
        x = self.over.check(x, "x")
        if self._array is None:
            return self._dict.get(x, 0)
        i = self._position(x)
        if i is None:
            return arith.zero_like(self._array)
        value = self._array[i]
        return value.item() if isinstance(value, np.generic) else value

    def _position(self, x: Any) -> Any:
        if self._start is None:
            return self.over.index(x)
        offset = tuple(c - s for c, s in zip(_coords(self.over, x), self._start))
        if all(0 <= o < n for o, n in zip(offset, self._array.shape)):
            return offset
        return None

    def _items(self):
        """``(element, value)`` pairs of the support, values as Python scalars."""
        if self._array is None:
            return self._dict.items()
        return self._dense_items()

    def _dense_items(self):
        array = self._array
        nonzero = np.argwhere(array != 0) if array.dtype != object else [
            i for i in np.ndindex(array.shape) if not is_zero(array[i])]
        if self._start is None:
            els = self.over.elements()
            index = (els[int(i[0])] for i in nonzero)
        else:
            index = (element_of(self.over, tuple(s + int(c) for s, c in zip(self._start, i)))
                     for i in nonzero)
        for x, i in zip(index, nonzero):
            value = array[tuple(i)]
            yield x, value.item() if isinstance(value, np.generic) else value

    @property
    def support(self) -> frozenset:
        """The elements where the value is not zero.

        Examples
        --------
        >>> import algconv as ac
        >>> sorted(ac.Function({1: 2, 3: 0}, over=ac.Integers()).support)
        [1]
        """
        return frozenset(x for x, _ in self._items())

    def to_dict(self) -> dict:
        """The non-zero values as a dict ``element -> value``.

        Examples
        --------
        >>> import algconv as ac
        >>> ac.Function.from_array([0, 5, 0], over=ac.Cyclic(3)).to_dict()
        {1: 5}
        """
        return dict(self._items())

    def total(self) -> Any:
        """The sum of all values, exactly (``sum over x of f(x)``).

        Examples
        --------
        >>> import algconv as ac
        >>> ac.Function.from_array([2**62, 2**62], over=ac.Integers()).total()
        9223372036854775808
        """
        if self._array is not None:
            return arith.safe_sum(self._array)
        return sum(self._dict.values(), 0)

    @property
    def start(self) -> Any:
        """The element at index 0 of ``to_array()`` on Z, Z^d, N and Multiplicative.

        Examples
        --------
        >>> import algconv as ac
        >>> ac.Function({-2: 1, 3: 1}, over=ac.Integers()).start
        -2
        """
        self._require_offset_layout("start")
        if self._array is None:
            return element_of(self.over, self._box()[0])
        return element_of(self.over, self._start)

    def _require_offset_layout(self, what: str) -> None:
        if self.over.dense_layout not in ("lattice", "offset"):
            raise InvalidArgument(
                f"{what} is defined on Z, Z^d, N and Multiplicative, but over={self.over!r}"
            )

    def _box(self) -> tuple[tuple, tuple]:
        """``(start, shape)`` of the bounding box of a sparse support on a lattice layout."""
        d = getattr(self.over, "d", 1)
        if not self._dict:
            return tuple(_coords(self.over, self.over.identity)), (0,) * d
        points = np.array([_coords(self.over, x) for x in self._dict], dtype=object)
        lo = tuple(int(v) for v in points.min(axis=0))
        hi = tuple(int(v) for v in points.max(axis=0))
        return lo, tuple(h - l + 1 for l, h in zip(lo, hi))

    def to_array(self) -> np.ndarray:
        """The values as a dense array.

        On a finite structure: a 1-D array in ``elements()`` order.  On Z, Z^d, N and
        Multiplicative: the stored values (for a dict, the bounding box of the support),
        whose index 0 is ``self.start``.  Always a new array: changing it does not change
        the Function (nor does changing the array given to ``from_array``, which is copied).

        Examples
        --------
        >>> import algconv as ac
        >>> f = ac.Function({2: 1, 4: 3}, over=ac.Integers())
        >>> f.to_array(), f.start
        (array([1, 0, 3]), 2)
        """
        if self._array is not None:
            return self._array.copy()  # never the internal buffer: Functions are values
        layout = self.over.dense_layout
        if layout == "finite":
            config_check = self.over.order
            from . import config

            config.check_memory(16.0 * config_check, f"a dense array on {self.over!r}")
            values = arith.values_array(list(self._dict.values()))
            out = np.zeros(self.over.order, dtype=values.dtype)
            for x, v in zip(self._dict, values):
                out[self.over.index(x)] = v
            return out
        if layout is None:
            raise InvalidArgument(
                f"to_array() needs a structure with a dense layout, but over={self.over!r}; "
                "use to_dict()"
            )
        lo, shape = self._box()
        from . import config

        config.check_memory(16.0 * np.prod(shape, dtype=float), "the bounding box of the support")
        values = arith.values_array(list(self._dict.values()))
        out = np.zeros(shape, dtype=values.dtype)
        for x, v in zip(self._dict, values):
            out[tuple(c - l for c, l in zip(_coords(self.over, x), lo))] = v
        return out

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray:
        """``np.asarray(f)``: the dense array of :meth:`to_array`, on structures that have one.

        Raises
        ------
        InvalidType
            If the structure has no dense layout (a free monoid, a product with an infinite
            factor): there is no array to give; use ``to_dict()``.

        Examples
        --------
        >>> import algconv as ac, numpy as np
        >>> np.asarray(ac.Function({1: 2, 3: 5}, over=ac.Cyclic(4)))
        array([0, 2, 0, 5])
        >>> np.asarray(ac.Function({(0, 1): 1.5}, over=ac.Lattice(2)), dtype=np.float32)
        array([[1.5]], dtype=float32)
        """
        if self.over.dense_layout is None:
            raise InvalidType(
                f"Got a Function over={self.over!r}, which has no dense layout, but "
                "np.asarray needs one (finite structures, Z, Z^d, N, Multiplicative); use "
                "to_dict()"
            )
        array = self.to_array()
        if copy is False:
            return array if dtype is None else array.astype(dtype, copy=False)
        return np.array(array, dtype=dtype, copy=True)  # f's own storage stays unshared

    def _dense_form(self) -> tuple[np.ndarray, tuple | None]:
        """``(array, start)`` in the structure's dense layout (start None when finite)."""
        if self._array is not None:
            return self._array, self._start
        array = self.to_array()
        return array, (None if self.over.dense_layout == "finite" else self._box()[0])

    # --- arithmetic -------------------------------------------------------------------------

    def _same_structure(self, other: Any, op: str) -> "Function":
        if not isinstance(other, Function):
            raise InvalidType(
                f"Got {describe(other)} in f {op} g, but expected a Function over {self.over!r}"
            )
        if other.over != self.over:
            raise StructureMismatch(
                f"Got Functions over {self.over!r} and {other.over!r}, but they must be over "
                "equal structures"
            )
        return other

    def _combine(self, other: "Function", op: Callable[[Any, Any], Any]) -> "Function":
        """Value-wise ``op`` over the union of supports (dense when both are on one grid)."""
        if self._array is not None and other._array is not None:
            a, b = arith.exact_pair(self._array, other._array, terms=2)
            if self._start is None:
                return trusted_dense(op(a, b), self.over)
            if a.ndim == b.ndim:  # lattice layouts: add on the union of the two boxes
                lo = tuple(map(min, self._start, other._start))
                hi = tuple(max(s + n, t + m) for s, n, t, m in
                           zip(self._start, a.shape, other._start, b.shape))
                out = np.zeros(tuple(h - l for h, l in zip(hi, lo)), dtype=np.result_type(a, b))
                box_a = tuple(slice(s - l, s - l + n) for s, l, n in zip(self._start, lo, a.shape))
                box_b = tuple(slice(s - l, s - l + n) for s, l, n in zip(other._start, lo, b.shape))
                out[box_a] = a
                out[box_b] = op(out[box_b], b)
                return trusted_dense(out, self.over, lo)
        result = dict(self._items())
        for x, v in other._items():
            result[x] = op(result[x], v) if x in result else op(0, v)
        return Function._from_dict(result, self.over)

    def __add__(self, other: "Function") -> "Function":
        other = self._same_structure(other, "+")
        return self._combine(other, lambda x, y: x + y)

    def __sub__(self, other: "Function") -> "Function":
        other = self._same_structure(other, "-")
        return self._combine(other, lambda x, y: x - y)

    def __neg__(self) -> "Function":
        return self._scale(-1)

    def _scale(self, c: Any) -> "Function":
        if self._array is not None:
            a, b = arith.exact_pair(self._array, arith.values_array([c]), terms=1)
            return trusted_dense(a * b[0], self.over, self._start)
        return Function._from_dict({x: c * v for x, v in self._dict.items()}, self.over)

    def __mul__(self, other: Any) -> "Function":
        """``f * g`` is convolution; ``f * c`` scales by a number ``c``."""
        if isinstance(other, Function):
            from .dispatch import convolve

            return convolve(self, other)
        if isinstance(other, np.ndarray):
            raise InvalidType(
                "Got f * ndarray, but a Function multiplies a Function (convolution) or a "
                "number (scaling); build Function.from_array first"
            )
        return self._scale(check_value(other, "c"))

    def __rmul__(self, other: Any) -> "Function":
        return self._scale(check_value(other, "c"))

    def __pow__(self, k: int) -> "Function":
        """The ``k``-fold convolution power, by repeated squaring (``f ** 0`` is the identity).

        Examples
        --------
        >>> import algconv as ac
        >>> coin = ac.Function({0: 1, 1: 1}, over=ac.Integers())
        >>> (coin ** 4).to_array()
        array([1, 4, 6, 4, 1])
        """
        k = check_int(k, "k", minimum=0, what="f ** k")
        if k > 1:
            _check_power(self, k)
        result, base = None, self
        while k:
            if k & 1:
                result = base if result is None else result * base
            k >>= 1
            if k:
                base = base * base
        return delta(over=self.over) if result is None else result

    def pointwise(self, other: "Function") -> "Function":
        """The value-wise product ``x -> f(x) g(x)`` (not convolution).

        Examples
        --------
        >>> import algconv as ac
        >>> f = ac.Function({0: 2, 1: 3}, over=ac.Cyclic(2))
        >>> f.pointwise(f).to_dict()
        {0: 4, 1: 9}
        """
        other = self._same_structure(other, ".pointwise")
        if self._array is not None and other._array is not None and self._start is None:
            a, b = arith.exact_pair(self._array, other._array, terms=1)
            return trusted_dense(a * b, self.over)
        mine = self.to_dict()
        return Function._from_dict(
            {x: mine[x] * v for x, v in other._items() if x in mine}, self.over)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Function):
            return NotImplemented
        if self.over != other.over:
            return False
        mine, theirs = self.to_dict(), other.to_dict()
        return mine.keys() == theirs.keys() and all(
            _values_equal(v, theirs[x]) for x, v in mine.items())

    def isclose(self, other: "Function", rtol: float = 1e-9, atol: float = 0.0) -> bool:
        """Whether all values agree within ``atol + rtol * |other(x)|`` (for float values).

        Examples
        --------
        >>> import algconv as ac
        >>> f = ac.Function({0: 0.1 + 0.2}, over=ac.Integers())
        >>> f == ac.Function({0: 0.3}, over=ac.Integers()), f.isclose(ac.Function({0: 0.3}, over=ac.Integers()))
        (False, True)
        """
        other = self._same_structure(other, ".isclose")
        rtol = check_real(rtol, "rtol", minimum=0, to_float=True)
        atol = check_real(atol, "atol", minimum=0, to_float=True)
        mine, theirs = self.to_dict(), other.to_dict()
        keys = list(mine.keys() | theirs.keys())
        try:
            a = np.array([complex(mine.get(x, 0)) for x in keys])
            b = np.array([complex(theirs.get(x, 0)) for x in keys])
        except TypeError as e:
            raise InvalidType(f"isclose needs numeric values: {e}") from e
        return bool(np.all(np.isclose(a, b, rtol=rtol, atol=atol, equal_nan=True)))

    def __repr__(self) -> str:
        items = list(itertools.islice(self._items(), 9))
        shown = ", ".join(f"{x!r}: {v!r}" for x, v in items[:8])
        if len(items) > 8:
            shown += ", ..."
        return f"Function({{{shown}}}, over={self.over!r})"

    # --- helpers for correlation ------------------------------------------------------------

    def reflected_conjugate(self) -> "Function":
        """``x -> conj(f(x^-1))`` on a group: the adjoint used by ``correlate``.

        Examples
        --------
        >>> import algconv as ac
        >>> ac.Function({1: 1j}, over=ac.Cyclic(4)).reflected_conjugate().to_dict()
        {3: -1j}
        """
        over = self.over
        if not isinstance(over, Group):
            raise InvalidArgument(f"reflection x -> x^-1 needs a group, but over={over!r}")
        if self._array is not None:
            array = conj_array(self._array)
            if self._start is None:
                return trusted_dense(array[over.inverse_indices()], over)
            flipped = array[(slice(None, None, -1),) * array.ndim]
            start = tuple(-(s + n - 1) for s, n in zip(self._start, array.shape))
            return trusted_dense(flipped, over, start)
        return Function._from_dict(
            {over.inverse(x): arith.conjugate(v) for x, v in self._dict.items()}, over)


#: seconds per squared bit of the exact rational values ``f ** k`` creates: CPython
#: normalises every Fraction with a gcd quadratic in its bits (measured with
#: ``benchmarks/calibrate_costs.py --power``: a random walk of 10**6 steps of +-1 with
#: probability 1/2 on Cyclic(6) took 15 s, values of 2 * 10**6 bits)
POWER_SECONDS_PER_SQUARED_BIT = 6.4e-13
#: copies of the result a power holds at once (the result, the squared base, a product)
POWER_COPIES = 3


def _check_power(f: "Function", k: int) -> None:
    """Refuse ``f ** k`` up front when its size or the time to normalise it is too large.

    The support grows to ``k (m - 1) + 1`` points along every axis of a lattice (``m`` the
    extent of f), to at most ``order`` points on a finite structure and ``|supp f| ** k``
    elsewhere.  Exact values grow too: ``|f^k(x)| <= (sum |f|)^k``, and for Fractions over
    the common denominator ``D`` every value of ``f ** k`` is an integer over ``D^k``; floats
    stay 8 bytes.
    """
    from . import config

    support, kind, total, den = _value_sizes(f)
    shown_k = describe(k)
    k = min(k, 2**1000)  # every estimate saturates long before (and a float holds it)
    log_count = k * math.log2(support) if support > 1 else 0.0
    if f.over.is_finite:
        log_count = min(log_count, math.log2(f.over.order))
    elif f.over.dense_layout == "lattice" and support:
        shape = f._array.shape if f._array is not None else f._box()[1]
        log_count = sum(math.log2(k * (m - 1) + 1) for m in shape)
    bits = 0.0
    if kind in ("int", "rational"):
        bits = k * (math.log2(total) if total > 1 else 0.0) + k * math.log2(den)
        per = 8.0 if bits < 62 else (36 if kind == "int" else 100) + bits / 8
    else:
        per = float(config.value_bytes(arith.kind_dtype(kind)))
    count = 2.0 ** min(log_count, 1000.0)
    shown = f"values of about {bits:.3g} bits" if bits else f"{kind} values"
    what = f"f ** {shown_k} on {f.over!r} ({shown})"
    config.check_memory(POWER_COPIES * count * per, what)
    if kind == "rational":
        config.check_time(POWER_SECONDS_PER_SQUARED_BIT * count * bits**2, what)


def _value_sizes(f: "Function") -> tuple[int, str, Any, int]:
    """(support size, value kind, ``D * sum |f|``, common denominator ``D``) of ``f``."""
    from .validation import value_kind

    a = f._array
    if a is not None and a.dtype != object:  # numeric: no Python loop over the values
        nonzero = a[a != 0]
        total = float(np.abs(nonzero).sum(dtype=np.float64)) if nonzero.size else 0.0
        return nonzero.size, value_kind(nonzero), total, 1
    values = [v for _, v in f._items()]
    kind = value_kind(arith.values_array(values))
    if kind not in ("int", "rational"):
        return len(values), kind, 0, 1
    den = math.lcm(*(v.denominator for v in values if isinstance(v, Fraction)))
    return len(values), kind, sum(abs(v) for v in values) * den, den


def _one_inexact_dtype(data: dict) -> dict:
    """``data`` with its float and complex values cast to one numpy dtype when numpy
    scalars of several dtypes mix (float32 with float64 gives float64 throughout)."""
    dtypes = {np.asarray(v).dtype for v in data.values()
              if isinstance(v, (float, complex, np.inexact))}
    if len(dtypes) < 2 or not any(isinstance(v, np.inexact) for v in data.values()):
        return data
    common = np.result_type(*dtypes)
    return {x: common.type(v) if isinstance(v, (float, complex, np.inexact)) else v
            for x, v in data.items()}


def _values_equal(a: Any, b: Any) -> bool:
    if is_sympy(a) or is_sympy(b):
        return a == b or identically_zero(a - b)
    return bool(a == b)


def _check_start(start: Any, over: Monoid, d: int) -> tuple:
    if start is None:
        return tuple(_coords(over, over.identity))
    if d == 1 and is_integer(start):
        coords = (int(start),)
    elif isinstance(start, tuple) and len(start) == d and all(map(is_integer, start)):
        coords = tuple(int(s) for s in start)
    else:
        raise InvalidType(
            f"Got start={describe(start)}, but {over!r} needs "
            + ("an int" if d == 1 else f"a tuple of {d} ints")
        )
    first = element_of(over, coords)
    over.check(first, "start")
    return coords


def finite_vector(values: np.ndarray, over: Monoid, name: str) -> np.ndarray:
    """A value array in ``over``'s element order, accepting the N-D shape of cyclic products.

    >>> import algconv as ac
    >>> finite_vector(np.arange(6).reshape(2, 3), ac.product(ac.Cyclic(2), ac.Cyclic(3)), "f")
    array([0, 1, 2, 3, 4, 5])
    """
    shape = getattr(over, "shape", None) if getattr(over, "is_cyclic_product", False) else None
    if values.ndim == 1 and len(values) == over.order:
        return values
    if shape is not None and values.shape == shape:
        return values.reshape(-1)
    expected = f"({over.order},)" + (f" or {shape}" if shape else "")
    raise StructureMismatch(
        f"Got {name} with shape {values.shape}, but {over!r} needs shape {expected} "
        "(values in elements() order)"
    )



# --- the one read view, and the trusted constructors, for the rest of the package -------------


class View:
    """The one internal read view of a Function: its structure and its stored values.

    The rest of the package reads a Function only through ``view(f)`` (cached on the
    Function, which is a value and never changes).  Exactly one of ``array`` (dense, in
    ``over``'s layout, index 0 at ``start``; ``start`` is ``None`` on a finite structure)
    and ``mapping`` (a dict of the support) is set.  Read-only: never write into ``array``.

    Examples
    --------
    >>> import algconv as ac
    >>> v = view(ac.Function.from_array([1, 2], over=ac.Integers(), start=-1))
    >>> v.array, v.start, v.mapping, v.kind, v.size
    (array([1, 2]), (-1,), None, 'int', 2)
    >>> w = view(ac.Function({2: 1.5, 4: 1.0}, over=ac.Integers()))
    >>> w.is_dense, w.dense(), w.box()
    (False, (array([1.5, 0. , 1. ]), (2,)), ((2,), (3,)))
    """

    __slots__ = ("over", "array", "start", "mapping", "_f", "_dense", "_kind")

    def __init__(self, f: Function):
        self.over, self.array, self.start, self.mapping = f.over, f._array, f._start, f._dict
        self._f, self._dense, self._kind = f, None, None

    @property
    def is_dense(self) -> bool:
        """Whether the values are stored as an array."""
        return self.array is not None

    @property
    def size(self) -> int:
        """Stored entries: the array's size, or the support's for a dict."""
        return self.array.size if self.array is not None else len(self.mapping)

    @property
    def kind(self) -> str:
        """The value kind: 'int', 'rational', 'float', 'complex' or 'object' (cached)."""
        if self._kind is None:
            from .validation import join_kinds, scalar_kind, value_kind

            if self.array is not None:
                self._kind = value_kind(self.array)
            else:
                self._kind = join_kinds(*(scalar_kind(v) for v in self.mapping.values())) \
                    if self.mapping else "int"
        return self._kind

    def dense(self) -> tuple[np.ndarray, tuple | None]:
        """``(array, start)`` in the structure's dense layout (start ``None`` when finite);
        a dict is laid out once (its bounding box) and kept."""
        if self.array is not None:
            return self.array, self.start
        if self._dense is None:
            self._dense = self._f._dense_form()
        return self._dense

    def box(self) -> tuple[tuple, tuple]:
        """``(start, shape)`` of the stored values on a lattice or offset layout."""
        if self.array is not None:
            return self.start, self.array.shape
        return self._f._box()

    @property
    def shape(self) -> tuple:
        """The shape of the stored array (of the bounding box for a dict)."""
        return self.array.shape if self.array is not None else self._f._box()[1]

    def items(self):
        """``(element, value)`` pairs of the support, values as Python scalars."""
        return self._f._items()

    def stored_items(self) -> list:
        """``(element, value)`` for every stored entry, zeros of an array included (the
        dense sum's rule, which matters for ``inf * 0``); the support for a dict."""
        if self.array is None:
            return list(self.mapping.items())
        if self.start is None:
            elements = self.over.elements()
            return [(elements[i], v) for i, v in enumerate(self.array.tolist())]
        return [(element_of(self.over, tuple(s + c for s, c in zip(self.start, i))),
                 self.array[i].item()) for i in np.ndindex(self.array.shape)]


def view(f: Function) -> View:
    """The read view of ``f`` (built once per Function).

    >>> import algconv as ac
    >>> view(ac.delta(over=ac.Cyclic(3))).mapping
    {0: 1}
    """
    v = f._view
    if v is None:
        v = f._view = View(f)
    return v


def trusted_dense(array: np.ndarray, over: Monoid, start: tuple | None = None) -> Function:
    """A Function on an array already validated for ``over``'s dense layout (no copy, no
    checks: for engines and the package's own front ends, never for user input).

    >>> import algconv as ac
    >>> trusted_dense(np.array([0, 5]), ac.Cyclic(2)).to_dict()
    {1: 5}
    """
    f = Function.__new__(Function)
    f.over, f._dict, f._array, f._start, f._view = over, None, array, start, None  # hot path
    return f


def trusted_dict(mapping: dict, over: Monoid) -> Function:
    """A Function from a dict with canonical keys of ``over`` (zeros are dropped; no other
    checks: for engines and the package's own code, never for user input).

    >>> import algconv as ac
    >>> trusted_dict({1: 2, 3: 0}, ac.Integers()).to_dict()
    {1: 2}
    """
    return Function._from_dict(mapping, over)


def delta(x: Any = None, over: Monoid = None) -> Function:
    """The indicator of one element (the identity by default): the unit of convolution.

    Parameters
    ----------
    x : element, optional
        Where the value is 1; defaults to ``over.identity``.
    over : Monoid
        The structure (required).

    Examples
    --------
    >>> import algconv as ac
    >>> e = ac.delta(over=ac.Cyclic(5))
    >>> f = ac.Function({1: 2, 3: 4}, over=ac.Cyclic(5))
    >>> e * f == f
    True
    >>> ac.delta(2, over=ac.Cyclic(5)).to_dict()
    {2: 1}
    """
    over = check_structure(over)
    x = over.identity if x is None else over.check(x, "x")
    return Function._from_dict({x: 1}, over)
