r"""Inversion engines: the ``h`` with ``f * h == h * f == delta``, registered in ``INVERTERS``.

``algconv.inverse`` validates its arguments into an :class:`InverseProblem` and asks the
one selection loop (``algconv.selection``) for the cheapest engine of ``INVERTERS`` that
applies, exactly as ``convolve`` asks it for one of ``ENGINES``; ``method=NAME`` forces one.

==============  ================================================================================
name            where, and how
==============  ================================================================================
``point-mass``  ``f = c delta_x`` with ``x`` a unit: ``(1/c) delta_{x^-1}``; on infinite
                structures (but the two series) it decides every ``f``: nothing else has an
                inverse algconv can prove
``dirichlet``   ``Multiplicative()``: ``g(m) = -g(1) sum_{d | m, d > 1} f(d) g(m/d)``, a
                doubling block at a time with the divisor sieve
``series``      ``Naturals()``: Newton's iteration ``g <- g (2 - f g)`` on truncated series
``transform``   ``BooleanGroup(n)`` (Walsh-Hadamard) and ``SubsetMonoid(n)`` (zeta /
                Moebius): divide the spectrum
``fft``         float values on ``Cyclic(n)`` and products of cyclic groups: divide the
                FFT spectrum
``euclid``      int or rational values on ``Cyclic(n)``: the extended Euclidean algorithm
                in ``Q[x] / (x^n - 1)``
``solve``       any finite monoid: the linear system ``L_f g = delta_e`` of the left-regular
                matrix, in floating point for floats, over Q (or sympy) for exact values
==============  ================================================================================

Costs are seconds measured on the project's 2-core machine (``best of 7`` of the old
``algconv.inverse`` paths, November 2026); they make the cheapest engine the one the old
per-structure dispatcher picked on every structure kind (``tests/engines/test_inverters.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .. import arith, config
from .._kernels import (
    cyclic_shape,
    divide_by_power_of_two,
    left_regular_matrix,
    subset_zeta,
    walsh_hadamard,
)
from ..errors import NotInvertible
from ..function import Function, trusted_dense, trusted_dict
from ..structures.base import Group, Monoid
from ..structures.finite import BooleanGroup, Cyclic, SubsetMonoid
from ..structures.numbers import Lattice, Multiplicative, Naturals, Reals
from ..structures.words import FreeMonoid
from ..validation import value_kind
from .base import Engine, Problem
from .dirichlet import dirichlet_prefix
from .fft import FFT_OVERHEAD, SECONDS_PER_FFT_POINT, nlogn

__all__ = [
    "INVERTER_CLASSES",
    "SERIES_STRUCTURES",
    "DirichletInverter",
    "EuclidInverter",
    "FFTInverter",
    "InverseProblem",
    "PointMassInverter",
    "SeriesInverter",
    "SolveInverter",
    "TransformInverter",
    "inverse_problem",
    "is_unit_point_mass",
    "reciprocal",
]

#: the structures whose inverses have infinite support, computed up to ``length``
SERIES_STRUCTURES = (Multiplicative, Naturals)

#: seconds of a point-mass inverse (one dict entry)
POINT_MASS_SECONDS = 3e-6
#: the series recursions: fixed seconds, per value of the result (float / exact)
SERIES_OVERHEAD = 2e-5
SECONDS_PER_SERIES_TERM = 2e-8
SECONDS_PER_EXACT_SERIES_TERM = 1e-6
#: bitmask transforms: fixed seconds, per butterfly (``n log2 n``, half for zeta); floats
#: run in numpy, exact values as Fractions
TRANSFORM_OVERHEAD = 1.5e-5
TRANSFORM_OVERHEAD_EXACT = 2.5e-5
SECONDS_PER_BUTTERFLY = 4e-9
SECONDS_PER_EXACT_BUTTERFLY = 2.5e-6
#: sympy's extended Euclid over QQ (python-flint's fmpq where installed): fixed, per ``n^2``
EUCLID_OVERHEAD = 3.5e-5
SECONDS_PER_EUCLID_TERM = 4e-7
#: the float solve (Cayley table gather, ``cond``, LU): fixed, per ``n^3``
SOLVE_OVERHEAD = 4e-5
SECONDS_PER_SOLVE_FLOP = 1.5e-9
#: the rational solve (sympy DomainMatrix over QQ): fixed, per ``n^2`` entry, per ``n^3``
EXACT_SOLVE_OVERHEAD = 4e-5
SECONDS_PER_EXACT_ENTRY = 1e-6
SECONDS_PER_EXACT_SOLVE_OP = 5e-9
#: sympy-valued (symbolic) arithmetic against Fractions, and ``sympy.simplify`` per entry
SYMBOLIC_FACTOR = 50.0
SECONDS_PER_SIMPLIFY = 5e-3
#: bytes per value a series recursion keeps (the values, the result, one block)
SERIES_BYTES_PER_TERM = 24.0


@dataclass
class InverseProblem(Problem):
    """An inversion to evaluate: the ``h`` with ``f * h == h * f == delta`` over ``over``.

    ``g`` is ``f`` itself, so what ``Problem`` says of its operands (value kind,
    finiteness, sizes, the read views) describes ``f``.  Build one with
    :func:`inverse_problem`.

    Examples
    --------
    >>> import algconv as ac
    >>> p = inverse_problem(ac.Function({0: 2, 1: 1}, over=ac.Cyclic(3)))
    >>> p.kind, p.length
    ('int', None)
    """

    #: ``Multiplicative()`` and ``Naturals()``: the result is exact at every element
    #: ``<= length`` (already validated by the caller); ``None`` elsewhere
    length: int | None = None
    #: the full convolution of two 1-D coefficient arrays on Z, with which the series
    #: engine multiplies truncated power series: ``algconv.inverse`` passes
    #: ``algconv.convolve``, which sits above the engines
    multiply: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None


def inverse_problem(f: Function, length: int | None = None,
                    multiply: Callable | None = None) -> InverseProblem:
    """The problem of inverting ``f`` (see :class:`InverseProblem`).

    >>> import algconv as ac
    >>> inverse_problem(ac.delta(over=ac.Naturals()), length=4).length
    4
    """
    return InverseProblem(f, f, f.over, length=length, multiply=multiply)


# --- exact scalars -----------------------------------------------------------------------------


def reciprocal(c: Any) -> Any:
    """``1 / c`` exactly: ints give an int (for +-1) or a Fraction; floats stay floats.

    >>> reciprocal(-1), reciprocal(4), reciprocal(Fraction(2, 3)), reciprocal(0.5)
    (-1, Fraction(1, 4), Fraction(3, 2), 2.0)
    """
    if isinstance(c, (int, np.integer)):
        c = int(c)
        return c if c in (1, -1) else Fraction(1, c)
    if isinstance(c, Fraction):
        return _normal(1 / c)
    if isinstance(c, (float, complex, np.floating, np.complexfloating)):
        return 1 / c
    import sympy

    return sympy.S.One / c


def _normal(v: Any) -> Any:
    """A Fraction with denominator 1 as an int; anything else unchanged."""
    return int(v.numerator) if isinstance(v, Fraction) and v.denominator == 1 else v


def _normalise(array: np.ndarray) -> np.ndarray:
    if array.dtype != object:
        return array
    out = np.empty(array.shape, dtype=object)
    out[...] = [_normal(v) for v in array.ravel().tolist()]
    return out.reshape(array.shape)


def _exact_working(values: np.ndarray, c: Any) -> np.ndarray:
    """Values ready for a recursion that divides by ``c``: integers stay integers only
    when ``c`` is +-1, other exact values become Fractions in an object array."""
    kind = value_kind(values)
    if kind in ("float", "complex"):
        return values.astype(arith.kind_dtype(kind))
    if kind == "int" and int(c) in (1, -1):
        return values
    out = np.empty(len(values), dtype=object)
    out[:] = [Fraction(int(v)) if isinstance(v, (int, np.integer)) else v
              for v in values.tolist()]
    return out


def _not_invertible(over: Monoid, why: str) -> NotInvertible:
    return NotInvertible(f"Got a function on {over!r} with no convolution inverse: {why}")


def _numeric(p: Problem) -> bool:
    return p.kind in ("float", "complex")


def _float_bytes(p: Problem) -> int:
    """Bytes of one float working value of ``p`` (float64 at least, complex if complex)."""
    a = p.fv.array
    dtype = np.result_type(a, np.float64) if a is not None else arith.kind_dtype(p.kind)
    return config.value_bytes(dtype)


def _symbolic(p: Problem) -> float:
    """How much slower than Fraction arithmetic ``p``'s exact arithmetic runs."""
    return SYMBOLIC_FACTOR if p.kind == "object" else 1.0


# --- point masses ------------------------------------------------------------------------------

_TORSION_FREE = (Lattice, Reals)


def is_unit_point_mass(p: Problem) -> bool:
    """``f = c delta_x`` stored as one point, with ``x`` the identity or in a group: inverted
    without linear algebra.

    >>> import algconv as ac
    >>> is_unit_point_mass(inverse_problem(ac.Function({1: 3}, over=ac.Cyclic(4))))
    True
    """
    if p.fv.is_dense:
        return False
    items = list(p.fv.items())
    return len(items) == 1 and (isinstance(p.over, Group) or items[0][0] == p.over.identity)


class PointMassInverter(Engine):
    """``(1/c) delta_{x^-1}`` for ``f = c delta_x`` with ``x`` a unit.

    On a finite structure it takes only such ``f``; on an infinite one (but the series
    structures) it decides every ``f``, raising ``NotInvertible`` for anything else: on
    ``Z``, ``Z^d`` and ``R`` multiples of point masses are the only units (the group
    algebra of a torsion-free abelian group has no others), on a free monoid only
    ``c delta_''`` is one.

    >>> import algconv as ac
    >>> p = inverse_problem(ac.Function({2: 4}, over=ac.Integers()))
    >>> PointMassInverter().run(p).to_dict()
    {-2: Fraction(1, 4)}
    """

    name = "point-mass"
    summary = "(1/c) delta_{x^-1} for f = c delta_x, x a unit (no linear algebra)"
    keeps_nonfinite = True  # an inverse has no pairwise reference: every inverter runs them
    min_cost = POINT_MASS_SECONDS

    def applies(self, p: Problem) -> str | None:
        if isinstance(p.over, SERIES_STRUCTURES):
            return (f"it inverts point masses, but on {p.over!r} the inverse is a series "
                    "computed up to length (method='dirichlet' or 'series')")
        if p.over.is_finite and not is_unit_point_mass(p):
            return ("it needs f = c delta_x stored as one point with x a unit, but f on a "
                    "finite structure is not (the linear solve decides whether it has an inverse)")
        return None

    def cost(self, p: Problem) -> float:
        return POINT_MASS_SECONDS

    def run(self, p: Problem) -> Function:
        over = p.over
        items = list(p.fv.items())
        if len(items) == 1:
            x, c = items[0]
            if x == over.identity:
                return trusted_dict({x: reciprocal(c)}, over)
            if isinstance(over, Group):
                return trusted_dict({over.inverse(x): reciprocal(c)}, over)
            raise _not_invertible(over, f"{x!r} has no inverse in the monoid, so neither has "
                                        "a multiple of its point mass")
        if not items:
            raise _not_invertible(over, "it is zero")
        if isinstance(over, _TORSION_FREE):
            why = ("its support has more than one point, and the only units of the group "
                   "algebra of a torsion-free abelian group are multiples of point masses "
                   "(on Z: a Laurent polynomial with two terms has an infinite inverse series; "
                   "use Naturals() for power series)")
        elif isinstance(over, FreeMonoid):
            why = "only multiples of the empty word are units of a free monoid algebra"
        else:
            why = ("its support has more than one point; on an infinite structure algconv "
                   "inverts only multiples of a point mass")
        raise _not_invertible(over, why)


# --- Dirichlet and power series ----------------------------------------------------------------


class _SeriesInverter(Engine):
    """The inverse on ``Multiplicative()`` or ``Naturals()``, exact up to ``p.length``."""

    structure: type = Naturals
    keeps_nonfinite = True
    min_cost = SERIES_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        if not isinstance(p.over, self.structure):
            return f"it needs over={self.structure.__name__}(), but over={p.over!r}"
        if getattr(p, "length", None) is None:
            return "it needs an inverse problem with a length (algconv.inverse gives one)"
        return None

    def _terms(self, p: Problem) -> int:
        return p.length - p.over.identity + 1

    def cost(self, p: Problem) -> float:
        n = self._terms(p)
        per = SECONDS_PER_SERIES_TERM if _numeric(p) else SECONDS_PER_EXACT_SERIES_TERM
        return SERIES_OVERHEAD + per * _symbolic(p) * nlogn(n)

    def memory(self, p: Problem) -> float:
        return self._terms(p) * SERIES_BYTES_PER_TERM

    def run(self, p: Problem) -> Function:
        over = p.over
        first = over.identity
        values = _series_values(p, first, p.length)
        c = values[0]
        if c == 0:
            raise NotInvertible(
                f"Got f({first})=0, but a function on {over!r} is invertible only when its "
                f"value at the identity {first} is non-zero"
            )
        c = c.item() if isinstance(c, np.generic) else c
        g = self.invert(p, _exact_working(values, c), reciprocal(c))
        return trusted_dense(_normalise(g), over, (first,))

    def invert(self, p: Problem, a: np.ndarray, r: Any) -> np.ndarray:
        """The first ``len(a)`` values of the inverse of ``a``, given ``r = 1 / a[0]``."""
        raise NotImplementedError


def _series_values(p: Problem, first: int, last: int) -> np.ndarray:
    """``[f(first), ..., f(last)]`` as a value array (zeros outside the stored range)."""
    stored, (start,) = p.fv.dense()
    stored = arith.widen_ints(stored)  # the recursion must not wrap in uint8, int32, ...
    count = last - first + 1
    out = np.zeros(count, dtype=stored.dtype)
    lo, hi = max(start, first), min(start + len(stored) - 1, last)
    if hi >= lo:
        out[lo - first : hi - first + 1] = stored[lo - start : hi - start + 1]
    return out


class DirichletInverter(_SeriesInverter):
    """The Dirichlet inverse on ``Multiplicative()``: ``g(1) = 1 / f(1)``,
    ``g(m) = -g(1) sum_{d | m, d > 1} f(d) g(m / d)``.

    Values of ``g`` on ``(B, 2B]`` need only values on ``[1, B]``, so each block is one
    divisor sieve of the known part.

    >>> import algconv as ac
    >>> f = ac.Function.from_array([1] * 6, over=ac.Multiplicative())
    >>> DirichletInverter().run(inverse_problem(f, length=6)).to_array()  # Moebius
    array([ 1, -1, -1,  0, -1,  1])
    """

    name = "dirichlet"
    structure = Multiplicative
    summary = "block divisor sieve of g(m) = -g(1) sum_{d | m, d > 1} f(d) g(m/d)"

    def invert(self, p: Problem, a: np.ndarray, r: Any) -> np.ndarray:
        n = len(a)
        rest = a.copy()
        rest[0] = 0
        g = np.zeros(n, dtype=a.dtype)
        g[0] = r
        done = 1
        while done < n:
            end = min(2 * done, n)
            known = g[:end].copy()
            known[done:] = 0
            block = dirichlet_prefix(rest[:end], known, end)[done:end]
            if block.dtype == object and g.dtype != object:
                g = g.astype(object)
            g[done:end] = block * (-r)
            done = end
        return g


class SeriesInverter(_SeriesInverter):
    """The power-series inverse on ``Naturals()`` by Newton's iteration ``g <- g (2 - f g)``,
    which doubles the number of correct coefficients per step; the products are
    ``p.multiply``'s.

    >>> import algconv as ac
    >>> p = inverse_problem(ac.Function.from_array([1, -1], over=ac.Naturals()), length=4,
    ...                     multiply=ac.convolve)
    >>> SeriesInverter().run(p).to_array()  # 1 / (1 - x)
    array([1, 1, 1, 1, 1])
    """

    name = "series"
    structure = Naturals
    summary = "Newton's iteration g <- g (2 - f g) on truncated power series"

    def applies(self, p: Problem) -> str | None:
        reason = super().applies(p)
        if reason is None and p.multiply is None:
            return "it needs the problem's multiply (algconv.inverse passes algconv.convolve)"
        return reason

    def invert(self, p: Problem, a: np.ndarray, r: Any) -> np.ndarray:
        n = len(a)
        g = np.array([r], dtype=a.dtype)
        done = 1
        while done < n:
            end = min(2 * done, n)
            correction = -p.multiply(a[:end], g)[:end]  # 2 - a g, as a series mod x^end
            correction[0] += 2
            g = p.multiply(g, correction)[:end]
            done = end
        return g


# --- finite structures -------------------------------------------------------------------------


def _check_spectrum(spectrum: np.ndarray, over: Monoid, exact: bool) -> None:
    if exact:
        zero = next((i for i, v in enumerate(spectrum.tolist()) if v == 0), None)
        if zero is not None:
            raise _not_invertible(over, f"its transform vanishes at index {zero} (a zero divisor)")
        return
    size = np.abs(spectrum)
    if size.min() <= size.max() * len(spectrum) * np.finfo(float).eps:
        raise _not_invertible(
            over, f"its transform is numerically zero at index {int(size.argmin())} "
            f"(|F| = {size.min():.3g} against max {size.max():.3g})")


def _exact_reciprocals(spectrum: np.ndarray) -> np.ndarray:
    out = np.empty(len(spectrum), dtype=object)
    out[:] = [reciprocal(v) for v in spectrum.tolist()]
    return out


def _finite_values(p: Problem) -> np.ndarray:
    """``f``'s values in ``elements()`` order, integers widened (exact arithmetic never runs
    in ``uint8``, ``int32``, ...)."""
    return arith.widen_ints(p.fv.dense()[0])


class _FiniteInverter(Engine):
    keeps_nonfinite = True

    def run(self, p: Problem) -> Function:
        return trusted_dense(self.invert(_finite_values(p), p), p.over)

    def invert(self, a: np.ndarray, p: Problem) -> np.ndarray:
        """The inverse's values in ``elements()`` order, from ``f``'s."""
        raise NotImplementedError


class TransformInverter(_FiniteInverter):
    """The inverse through the bitmask transform that diagonalises ``over``: Walsh-Hadamard
    on ``BooleanGroup(n)`` (its inverse divides by ``2**n``), zeta on ``SubsetMonoid(n)``
    (inverted by Moebius).

    >>> import algconv as ac
    >>> f = ac.Function({0: 2, 1: 1}, over=ac.BooleanGroup(1))
    >>> TransformInverter().run(inverse_problem(f)).to_dict()
    {0: Fraction(2, 3), 1: Fraction(-1, 3)}
    """

    name = "transform"
    summary = "divide the Walsh-Hadamard (BooleanGroup) or zeta (SubsetMonoid) spectrum"
    min_cost = TRANSFORM_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        if not isinstance(p.over, (BooleanGroup, SubsetMonoid)):
            return f"it needs over=BooleanGroup(n) or SubsetMonoid(n), but over={p.over!r}"
        return None

    def cost(self, p: Problem) -> float:
        butterflies = nlogn(p.over.order) / (2 if isinstance(p.over, SubsetMonoid) else 1)
        if _numeric(p):
            return TRANSFORM_OVERHEAD + SECONDS_PER_BUTTERFLY * butterflies
        return TRANSFORM_OVERHEAD_EXACT + (
            SECONDS_PER_EXACT_BUTTERFLY * _symbolic(p) * butterflies)

    def memory(self, p: Problem) -> float:  # the input, work, spectrum, inverse
        per = _float_bytes(p) if _numeric(p) else config.value_bytes(object)
        return 4.0 * p.over.order * per

    def invert(self, a: np.ndarray, p: Problem) -> np.ndarray:
        over, numeric = p.over, _numeric(p)
        n = over.n
        if isinstance(over, BooleanGroup):
            forward = lambda x: walsh_hadamard(x, n)  # noqa: E731
            backward = lambda x: divide_by_power_of_two(walsh_hadamard(x, n), n)  # noqa: E731
        else:
            forward = lambda x: subset_zeta(x, n)  # noqa: E731
            backward = lambda x: subset_zeta(x, n, inverse=True)  # noqa: E731
        work = a.astype(np.result_type(a, np.float64)) if numeric else _exact_working(a, 2)
        spectrum = forward(work.copy())
        _check_spectrum(spectrum, over, exact=not numeric)
        inv = 1 / spectrum if numeric else _exact_reciprocals(spectrum)
        return _normalise(backward(inv))


class FFTInverter(_FiniteInverter):
    """Float values on ``Cyclic(n)`` or a product of cyclic groups: ``ifftn(1 / fftn(f))``.

    >>> import algconv as ac
    >>> f = ac.Function.from_array([2.0, 1.0, 0.0], over=ac.Cyclic(3))
    >>> FFTInverter().run(inverse_problem(f)).to_array().round(6)
    array([ 0.444444, -0.222222,  0.111111])
    """

    name = "fft"
    exact = False
    summary = "divide the FFT spectrum (float values on products of cyclic groups)"
    min_cost = FFT_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        if cyclic_shape(p.over) is None:
            return f"it needs Cyclic(n) or a product of cyclic groups, but over={p.over!r}"
        return None

    def cost(self, p: Problem) -> float:  # forward, divide, inverse
        return FFT_OVERHEAD + 3 * SECONDS_PER_FFT_POINT * nlogn(p.over.order)

    def memory(self, p: Problem) -> float:  # the input, spectrum, reciprocals, inverse
        return 4.0 * p.over.order * 16

    def invert(self, a: np.ndarray, p: Problem) -> np.ndarray:
        spectrum = np.fft.fftn(a.reshape(cyclic_shape(p.over)))
        _check_spectrum(spectrum.ravel(), p.over, exact=False)
        g = np.fft.ifftn(1 / spectrum).ravel()
        return g.real.copy() if a.dtype.kind != "c" else g


class EuclidInverter(_FiniteInverter):
    """Int or rational values on ``Cyclic(n)``: the exact inverse in ``Q[x] / (x^n - 1)``
    by the extended Euclidean algorithm (sympy's, over ``QQ``).

    >>> import algconv as ac
    >>> f = ac.Function.from_array([2, 1, 0], over=ac.Cyclic(3))
    >>> EuclidInverter().run(inverse_problem(f)).to_dict()
    {0: Fraction(4, 9), 1: Fraction(-2, 9), 2: Fraction(1, 9)}
    """

    name = "euclid"
    summary = "extended Euclid in Q[x] / (x^n - 1) (exact values on Cyclic(n))"
    min_cost = EUCLID_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        if not isinstance(p.over, Cyclic):
            return f"it needs over=Cyclic(n), but over={p.over!r}"
        if p.kind not in ("int", "rational"):
            return f"it needs int or rational values (polynomials over Q), but they are {p.kind}"
        return None

    def cost(self, p: Problem) -> float:
        return EUCLID_OVERHEAD + SECONDS_PER_EUCLID_TERM * p.over.order ** 2

    def memory(self, p: Problem) -> float:  # the polynomial, the modulus, the remainders
        return 6.0 * p.over.order * config.value_bytes(object)

    def invert(self, a: np.ndarray, p: Problem) -> np.ndarray:
        import sympy
        from sympy import QQ
        from sympy.polys.polyerrors import NotInvertible as SympyNotInvertible

        n = p.over.order
        x = sympy.Symbol("x")
        coeffs = [QQ(v.numerator, v.denominator) if isinstance(v, Fraction) else QQ(int(v))
                  for v in a.tolist()]
        poly = sympy.Poly.from_list(coeffs[::-1], x, domain=QQ)
        modulus = sympy.Poly.from_list([QQ(1)] + [QQ(0)] * (n - 1) + [QQ(-1)], x, domain=QQ)
        try:
            inv = poly.invert(modulus)
        except SympyNotInvertible as e:
            raise _not_invertible(
                p.over, "its polynomial shares a factor with x^n - 1 (a zero divisor)") from e
        out = np.zeros(n, dtype=object)
        for (power,), v in inv.terms():
            out[power] = _normal(Fraction(int(v.numerator), int(v.denominator)))
        return out


class SolveInverter(_FiniteInverter):
    """Any finite monoid: solve ``L_f g = delta_e`` with the left-regular matrix
    ``(L_f)_{c,b} = sum_{a . b = c} f(a)`` (a right inverse is also a left inverse in a
    finite algebra); numpy for floats, sympy's DomainMatrix over Q for int and rational
    values, sympy matrices for symbolic ones.

    >>> import algconv as ac
    >>> S3 = ac.SymmetricGroup(3)
    >>> f = ac.Function({(0, 1, 2): 2, (1, 2, 0): 1}, over=S3)
    >>> g = SolveInverter().run(inverse_problem(f))
    >>> f * g == ac.delta(over=S3)
    True
    """

    name = "solve"
    summary = "solve L_f g = delta_e with the left-regular matrix of f"
    min_cost = SOLVE_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        if not p.over.is_finite:
            return f"it needs a finite structure (an n x n matrix), but over={p.over!r} is infinite"
        return None

    def cost(self, p: Problem) -> float:
        n = p.over.order
        if _numeric(p):
            return SOLVE_OVERHEAD + SECONDS_PER_SOLVE_FLOP * n ** 3
        symbolic = _symbolic(p)
        simplify = SECONDS_PER_SIMPLIFY * n if p.kind == "object" else 0.0
        return EXACT_SOLVE_OVERHEAD + simplify + symbolic * (
            SECONDS_PER_EXACT_ENTRY * n ** 2 + SECONDS_PER_EXACT_SOLVE_OP * n ** 3)

    def memory(self, p: Problem) -> float:  # the matrix, its LU (and cond's) copies
        per = _float_bytes(p) if _numeric(p) else config.value_bytes(object)
        return 3.0 * p.over.order ** 2 * per

    def invert(self, a: np.ndarray, p: Problem) -> np.ndarray:
        over = p.over
        n = over.order
        e = over.index(over.identity)
        m = left_regular_matrix(a, over)
        kind = p.kind
        if kind in ("float", "complex"):
            if not np.isfinite(m).all():  # numpy's cond would fail in LAPACK (LinAlgError)
                raise _not_invertible(over, "its values are not all finite (inf or NaN), so "
                                            "its left-multiplication matrix has no inverse")
            if np.linalg.cond(m) * n * np.finfo(float).eps > 1:
                raise _not_invertible(over,
                                      "its left-multiplication matrix is numerically singular")
            rhs = np.zeros(n)
            rhs[e] = 1
            return np.linalg.solve(m, rhs)
        if kind in ("int", "rational"):
            return _solve_rational(m, e, over)
        return _solve_symbolic(m, e, over)


def _solve_rational(m: np.ndarray, e: int, over: Monoid) -> np.ndarray:
    from sympy import QQ
    from sympy.polys.matrices import DomainMatrix
    from sympy.polys.matrices.exceptions import DMNonInvertibleMatrixError

    n = len(m)

    def q(v: Any) -> Any:
        return QQ(v.numerator, v.denominator) if isinstance(v, Fraction) else QQ(int(v))

    matrix = DomainMatrix([[q(v) for v in row] for row in m.tolist()], (n, n), QQ)
    rhs = DomainMatrix([[QQ(int(i == e))] for i in range(n)], (n, 1), QQ)
    try:
        solution = matrix.lu_solve(rhs).to_list_flat()
    except DMNonInvertibleMatrixError as err:
        raise _not_invertible(over, "its left-multiplication matrix is singular "
                                    "(f is a zero divisor)") from err
    out = np.empty(n, dtype=object)
    out[:] = [_normal(Fraction(int(v.numerator), int(v.denominator))) for v in solution]
    return out


def _solve_symbolic(m: np.ndarray, e: int, over: Monoid) -> np.ndarray:
    import sympy

    n = len(m)
    matrix = sympy.Matrix(n, n, [sympy.sympify(v) for v in m.ravel().tolist()])
    if matrix.rank() < n:
        raise _not_invertible(over, "its left-multiplication matrix is singular")
    solution = matrix.LUsolve(sympy.Matrix([int(i == e) for i in range(n)]))
    out = np.empty(n, dtype=object)
    out[:] = [sympy.simplify(v) for v in solution]
    return out


#: the inverters in tie-break order (``algconv.engines.INVERTERS`` registers one of each)
INVERTER_CLASSES = (PointMassInverter, DirichletInverter, SeriesInverter, TransformInverter,
                    FFTInverter, EuclidInverter, SolveInverter)
