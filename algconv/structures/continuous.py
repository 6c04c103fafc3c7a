"""Continuous groups for symbolic convolution: ``(R>0, x)`` and the circle ``R / period Z``.

``(R, +)`` and ``(R^d, +)`` are ``Reals`` (in ``numbers.py``).  Convolution over these
structures is an integral against Haar measure; ``ac.symbolic.convolve`` computes it.
Finitely supported Functions on them are sums of point masses, so ``ac.convolve`` and
``ac.laws.check`` work with them too (elements drawn exactly: Fractions, or rational
multiples of a symbolic period).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..errors import InvalidArgument, InvalidType
from ..validation import describe, is_integer
from .base import Group
from .numbers import canonical_real, is_real_number

__all__ = ["Circle", "PositiveReals"]


class PositiveReals(Group):
    """The positive reals under multiplication, ``(R>0, x)``; convolution is Mellin's.

    Notes
    -----
    With Haar measure ``dy / y`` the convolution is
    ``(f * g)(x) = int_0^oo f(x / y) g(y) dy / y``.  Inverses of ints are Fractions (exact in,
    exact out).

    Examples
    --------
    >>> import algconv as ac
    >>> P = ac.PositiveReals()
    >>> P.op(2, 3), P.inverse(4), P.identity, P.contains(0), P.contains(0.5)
    (6, Fraction(1, 4), 1, False, True)
    """

    is_commutative = True
    element_description = "a finite real number > 0 or a positive sympy expression"

    def _params(self) -> tuple:
        return ()

    @property
    def identity(self) -> int:
        return 1

    def op(self, a: Any, b: Any) -> Any:
        """``a * b``."""
        return a * b

    def inverse(self, a: Any) -> Any:
        """``1 / a`` (a Fraction for an int)."""
        return Fraction(1, int(a)) if is_integer(a) else 1 / a

    def canonical(self, x: Any) -> Any:
        """As ``Reals``: a sympy ``Rational`` for a number, so equal reals are one key."""
        return canonical_real(x)

    def contains(self, x: Any) -> bool:
        """Real numbers ``> 0`` and sympy expressions whose ``is_positive`` is not False."""
        if not is_real_number(x):
            return False
        import sympy

        if isinstance(x, sympy.Expr):
            return x.is_positive is not False
        return x > 0

    def hypothesis_elements(self):
        """Positive Fractions with small numerators and denominators (exact products)."""
        from hypothesis import strategies as st

        return st.fractions(Fraction(1, 12), 12, max_denominator=12).filter(lambda q: q > 0)


def _check_period(period: Any) -> Any:
    import sympy

    if isinstance(period, bool) or not (isinstance(period, (int, float, Fraction, sympy.Expr))
                                        or is_integer(period)):
        raise InvalidType(f"Got period={describe(period)}, but expected a positive number or a "
                          "positive sympy expression such as 2*pi")
    positive = (period.is_positive and period.is_finite if isinstance(period, sympy.Expr)
                else is_real_number(period) and period > 0)
    if not positive:
        raise InvalidArgument(f"Got period={describe(period)}, but expected a finite period "
                              "> 0 (a sympy expression must be known to be positive)")
    return int(period) if is_integer(period) else period


class Circle(Group):
    """The circle group ``R / period Z``: reals added modulo ``period``.

    Parameters
    ----------
    period : int, Fraction, float or sympy.Expr
        A finite positive number, or a sympy expression known to be positive (``2*pi``).

    Notes
    -----
    Every real number is an element (it stands for its class); ``canonical`` reduces it to
    ``[0, period)`` and writes it as a sympy number (as ``Reals`` does), so equal classes are
    one key of a Function.  Convolution is ``(f * g)(x) = int_0^period f(y) g(x - y) dy``.

    Examples
    --------
    >>> import algconv as ac, sympy as sp
    >>> from fractions import Fraction
    >>> T = ac.Circle(1)
    >>> T.op(Fraction(3, 4), Fraction(1, 2)), T.inverse(Fraction(1, 4)), T.identity
    (1/4, 3/4, 0)
    >>> ac.Circle(2 * sp.pi).op(3 * sp.pi / 2, sp.pi)
    pi/2
    """

    is_commutative = True

    def __init__(self, period: Any):
        self.period = _check_period(period)

    def _params(self) -> tuple:
        return (self.period,)

    @property
    def element_description(self) -> str:
        return f"a finite real number (taken modulo {self.period})"

    @property
    def identity(self) -> int:
        return 0

    def canonical(self, x: Any) -> Any:
        """The representative of ``x`` in ``[0, period)``, a sympy number as in ``Reals``."""
        import sympy

        if isinstance(x, sympy.Expr) or isinstance(self.period, sympy.Expr):
            return sympy.Mod(canonical_real(x), self.period)
        return canonical_real(x % self.period)

    def op(self, a: Any, b: Any) -> Any:
        """``(a + b) mod period``."""
        return self.canonical(a + b)

    def inverse(self, a: Any) -> Any:
        """``(-a) mod period``."""
        return self.canonical(-a)

    def contains(self, x: Any) -> bool:
        """Every finite real number (it stands for its class modulo ``period``)."""
        return is_real_number(x)

    def hypothesis_elements(self):
        """``q * period`` for Fractions ``0 <= q < 1`` of denominator at most 12."""
        from hypothesis import strategies as st

        return st.fractions(0, 1, max_denominator=12).filter(lambda q: q < 1).map(
            lambda q: self.canonical(self.period * q))
