"""Infinite number structures: (Z, +), (Z^d, +), (N, +), (Z>0, x), (R, +) and (R^d, +)."""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any

from .. import config
from ..validation import check_int, is_integer
from .base import Group, Monoid

__all__ = ["Integers", "Lattice", "Naturals", "Multiplicative", "Reals", "is_real_number"]


class _AdditiveScalars:
    """Shared by the additive structures whose elements are numbers: ``e = 0``, ``a + b``."""

    def _params(self) -> tuple:
        return ()

    @property
    def identity(self) -> int:
        return 0

    def op(self, a: Any, b: Any) -> Any:
        """``a + b``."""
        return a + b


class Lattice(Group):
    """The lattice ``(Z^d, +)``: tuples of ``d`` ints, added coordinate-wise.

    Parameters
    ----------
    d : int
        The dimension, ``d >= 1`` (``Lattice(0)`` is rejected).

    Notes
    -----
    Dense Functions on ``Lattice(d)`` are ``d``-dimensional arrays with a ``start`` tuple;
    arrays passed to ``ac.convolve`` with ``over=None`` live here.

    Examples
    --------
    >>> import algconv as ac
    >>> Z2 = ac.Lattice(2)
    >>> Z2.op((1, 2), (3, -1)), Z2.inverse((1, 2)), Z2.identity
    ((4, 1), (-1, -2), (0, 0))
    """

    is_commutative = True
    dense_layout = "lattice"

    def __init__(self, d: int):
        self.d = check_int(d, "d", minimum=1, what="Lattice(d)")

    def _params(self) -> tuple:
        return (self.d,)

    @property
    def element_description(self) -> str:
        return f"a tuple of {self.d} ints"

    @property
    def identity(self) -> tuple:
        config.check_memory(config.tuple_bytes(self.d), f"the identity of {self!r}")
        return (0,) * self.d

    def op(self, a: tuple, b: tuple) -> tuple:
        """Coordinate-wise sum."""
        return tuple(x + y for x, y in zip(a, b))

    def inverse(self, a: tuple) -> tuple:
        """Coordinate-wise negation."""
        return tuple(-x for x in a)

    def contains(self, x: Any) -> bool:
        """A tuple of ``d`` ints (bools and floats are not ints)."""
        return isinstance(x, tuple) and len(x) == self.d and all(map(is_integer, x))

    def canonical(self, x: Any) -> tuple:
        return tuple(int(v) for v in x)


class Integers(_AdditiveScalars, Lattice):
    """The integers under addition, ``(Z, +)``; elements are Python or numpy ints.

    Examples
    --------
    >>> import algconv as ac
    >>> Z = ac.Integers()
    >>> Z.op(2, -5), Z.inverse(3), Z.contains(True), Z.contains(1.0)
    (-3, -3, False, False)
    """

    element_description = "an int"
    scalar_elements = True

    def __init__(self):
        self.d = 1

    def inverse(self, a: int) -> int:
        """``-a``."""
        return -a

    def contains(self, x: Any) -> bool:
        """Python and numpy ints, not bools."""
        return is_integer(x)

    def canonical(self, x: Any) -> int:
        return int(x)


class Naturals(_AdditiveScalars, Monoid):
    """The natural numbers under addition, ``(N, +)`` with ``N = {0, 1, 2, ...}``; a monoid.

    Convolution here is power-series multiplication.

    Examples
    --------
    >>> import algconv as ac
    >>> N = ac.Naturals()
    >>> N.op(2, 3), N.contains(-1), isinstance(N, ac.Group)
    (5, False, False)
    """

    is_commutative = True
    dense_layout = "lattice"
    element_description = "an int >= 0"
    scalar_elements = True
    d = 1

    def contains(self, x: Any) -> bool:
        """Ints ``>= 0``."""
        return is_integer(x) and x >= 0

    def canonical(self, x: Any) -> int:
        return int(x)


class Multiplicative(Monoid):
    """The positive integers under multiplication, ``(Z>0, x)``; convolution is Dirichlet's.

    Dense Functions here are 1-D arrays with ``start`` (default 1): ``array[i] = f(start + i)``.

    Examples
    --------
    >>> import algconv as ac
    >>> M = ac.Multiplicative()
    >>> M.op(4, 6), M.identity, M.contains(0)
    (24, 1, False)
    """

    is_commutative = True
    dense_layout = "offset"
    element_description = "an int >= 1"
    scalar_elements = True
    d = 1

    def _params(self) -> tuple:
        return ()

    @property
    def identity(self) -> int:
        return 1

    def op(self, a: int, b: int) -> int:
        """``a * b``."""
        return a * b

    def contains(self, x: Any) -> bool:
        """Ints ``>= 1``."""
        return is_integer(x) and x >= 1

    def canonical(self, x: Any) -> int:
        return int(x)


def is_real_number(x: Any) -> bool:
    """A finite real number: int, Fraction, finite float, or a sympy expression not known to
    be non-real or infinite (bools are not numbers).

    Examples
    --------
    >>> is_real_number(1.5), is_real_number(float("inf")), is_real_number(True)
    (True, False, False)
    """
    if isinstance(x, bool):
        return False
    if is_integer(x) or isinstance(x, Fraction):
        return True
    if isinstance(x, numbers.Real):
        return math.isfinite(x)
    import sympy

    if isinstance(x, sympy.Expr):
        return x.is_real is not False and x.is_finite is not False
    return False


class Reals(Group):
    """The real line ``(R, +)``, or the space ``(R^d, +)``, for symbolic convolution.

    Parameters
    ----------
    d : int, default 1
        The dimension, ``d >= 1``; ``Reals(1) == Reals()``.

    Notes
    -----
    Elements of ``Reals()`` are real numbers: ints, Fractions, finite floats, and sympy
    expressions not known to be non-real; elements of ``Reals(d)``, ``d >= 2``, are tuples of
    ``d`` of them, added coordinate-wise.  Finitely supported Functions here are sums of point
    masses; ``ac.symbolic.convolve(..., over=ac.Reals(d))`` integrates (Lebesgue measure).

    Elements are kept in one canonical form, so that equal reals are one key: every exact
    number (int, Fraction, numpy int, sympy number) becomes a sympy ``Rational``, and so
    does a float, as the binary fraction it stores (``0.5`` is ``1/2``; ``0.1`` is
    ``3602879701896397/36028797018963968``, not ``1/10``); other sympy expressions
    (``pi``, ``sqrt(2)``, symbols) are kept as they are.

    Examples
    --------
    >>> import algconv as ac
    >>> from fractions import Fraction
    >>> R = ac.Reals()
    >>> R.op(0.5, 2), R.contains(float("inf")), R.contains(1j)
    (2.5, False, False)
    >>> R.check(0.5), R.check(Fraction(1, 2)), R.check(2)
    (1/2, 1/2, 2)
    >>> import sympy
    >>> ac.Function({0.5: 1, sympy.Rational(1, 2): 2}, over=R).to_dict()
    {1/2: 3}
    >>> R2 = ac.Reals(2)
    >>> R2.op((0.5, 1), (2, -1)), R2.inverse((1, 2)), R2.identity, R2.contains(1.5)
    ((2.5, 0), (-1, -2), (0, 0), False)
    """

    is_commutative = True

    def __init__(self, d: int = 1):
        self.d = check_int(d, "d", minimum=1, what="Reals(d)")

    def _params(self) -> tuple:
        return () if self.d == 1 else (self.d,)

    @property
    def element_description(self) -> str:
        one = "a finite real number or a real sympy expression"
        return one if self.d == 1 else f"a tuple of {self.d} finite real numbers"

    @property
    def identity(self) -> Any:
        return 0 if self.d == 1 else (0,) * self.d

    def op(self, a: Any, b: Any) -> Any:
        """``a + b`` (coordinate-wise for ``d >= 2``)."""
        return a + b if self.d == 1 else tuple(x + y for x, y in zip(a, b))

    def inverse(self, a: Any) -> Any:
        """``-a`` (coordinate-wise for ``d >= 2``)."""
        return -a if self.d == 1 else tuple(-x for x in a)

    def contains(self, x: Any) -> bool:
        """Real numbers (``d = 1``) or tuples of ``d`` of them."""
        if self.d == 1:
            return is_real_number(x)
        return isinstance(x, tuple) and len(x) == self.d and all(map(is_real_number, x))

    def canonical(self, x: Any) -> Any:
        """A sympy ``Rational`` for a number (a float exactly as stored); expressions as given;
        coordinate-wise for ``d >= 2``."""
        if self.d != 1:
            return tuple(map(canonical_real, x))
        return canonical_real(x)


def canonical_real(x: Any) -> Any:
    """One real number's canonical form (see ``Reals``)."""
    import sympy

    if isinstance(x, sympy.Basic):  # before numbers.Real: sympy registers its numbers there
        return sympy.Rational(x) if isinstance(x, sympy.Float) else x
    if is_integer(x):
        return sympy.Integer(int(x))
    if isinstance(x, Fraction):
        return sympy.Rational(x.numerator, x.denominator)
    return sympy.Rational(float(x))
