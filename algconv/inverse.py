r"""``inverse(f)``: the convolution inverse ``g`` with ``f * g = g * f = delta``, where it exists.

Which structures, and how:

* ``Multiplicative()`` (Dirichlet series): needs ``f(1) != 0``; ``g(1) = 1 / f(1)`` and
  ``g(m) = -g(1) sum_{d | m, d > 1} f(d) g(m / d)``, computed a doubling block at a time
  with the divisor sieve.  The inverse of the constant 1 is the Moebius function.
* ``Naturals()`` (power series): needs ``f(0) != 0``; Newton's iteration
  ``g <- g (2 - f g)`` doubles the number of correct coefficients per step.
* Both have infinitely supported inverses: the result is exact at every element up to
  ``length`` (default: the largest element of f's support).
* Finite groups and monoids: ``f`` is invertible exactly when left multiplication by ``f``
  is a bijection of the algebra; solved exactly (over the rationals) for exact values, in
  floating point for floats.  Fast paths: the Walsh-Hadamard transform on
  ``BooleanGroup``, the zeta transform on ``SubsetMonoid``, the FFT on products of cyclic
  groups (floats), polynomial inversion modulo ``x^n - 1`` on ``Cyclic(n)`` (exact).
* Infinite groups and monoids: only multiples of a point mass ``c delta_x`` with ``x``
  invertible have inverses algconv can prove; on ``Z``, ``Z^d`` and ``R`` these are the
  only units (the group rings of torsion-free abelian groups have no others), and on a
  free monoid only ``c delta_''`` is a unit.  Anything else raises ``NotInvertible``.

This module validates and hands off: each of these solvers is an inversion engine of
``algconv.engines.INVERTERS`` (``algconv/engines/inverters.py``), chosen by the same
selection loop as the convolution engines (``method='auto'``) or named by ``method=``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .dispatch import convolve
from .selection import MethodChoice, evaluate, explain_choice
from .engines import INVERTERS
from .engines.inverters import SERIES_STRUCTURES, InverseProblem, inverse_problem
from .errors import InvalidArgument, InvalidType
from .function import Function, finite_vector, trusted_dense, view
from .structures.base import Monoid, check_structure
from .validation import as_value_array, check_int, describe

__all__ = ["choose_inverse", "inverse"]


def inverse(f: Any, length: int | None = None, *, over: Monoid | None = None,
            method: str = "auto") -> Any:
    r"""The convolution inverse of ``f``: the ``g`` with ``f * g == g * f == delta``.

    Parameters
    ----------
    f : Function or array_like
        The function to invert.  An array needs ``over``: a finite structure (values in
        ``elements()`` order), ``Naturals()`` (``f[i] = f(i)``, power-series coefficients)
        or ``Multiplicative()`` (``f[i] = f(i + 1)``).
    length : int, optional
        ``Multiplicative()`` and ``Naturals()`` only: the result is exact at every element
        ``<= length``.  Defaults to the largest element of f's support (for an array, its
        last element).
    over : Monoid, optional, keyword-only
        The structure of an array ``f`` (not allowed with a Function).
    method : str, default 'auto', keyword-only
        ``'auto'``, or the name of an inversion engine (``algconv.engines.INVERTERS``):
        ``'point-mass'``, ``'dirichlet'``, ``'series'``, ``'transform'``, ``'fft'``,
        ``'euclid'`` or ``'solve'``.  ``'auto'`` picks the
        cheapest that applies (see :func:`choose_inverse`): ``dirichlet`` on
        ``Multiplicative()``, ``series`` (Newton) on ``Naturals()``, ``transform``
        (Walsh-Hadamard, zeta) on ``BooleanGroup`` and ``SubsetMonoid``, ``fft`` for floats
        and ``euclid`` for exact values on ``Cyclic(n)`` (``fft`` on products of cyclics
        too), ``solve`` (the left-regular matrix) on other finite structures, and
        ``point-mass`` for ``c delta_x`` with ``x`` a unit and on infinite structures.  A
        name forces that engine.

    Returns
    -------
    Function or ndarray
        A Function for a Function, an array in the same layout for an array.  Exact for
        exact values: an integer where the value is an integer, else a ``Fraction`` (sympy
        values stay sympy); floats for floats.  Integer dtypes of any width (``uint8``,
        ``int32``, ...) are widened first, so the inverse never wraps around.

    Raises
    ------
    NotInvertible
        ``f(1) == 0`` on Multiplicative, ``f(0) == 0`` on Naturals, a zero divisor (or a
        numerically singular float ``f``) on a finite structure, anything but a multiple of
        a point mass on an infinite group or monoid.
    InvalidArgument
        ``length`` on a structure where it has no meaning, a length below the identity, or
        an unknown ``method``.
    MethodNotApplicable
        ``method`` names an engine that cannot invert ``f`` (the message says why).
    InvalidType
        An array without ``over``, non-numeric values, or a ``method`` that is not a str.

    See Also
    --------
    choose_inverse, algconv.convolve, algconv.convolve_dirichlet

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \cdot b = c} f(a)\, g(b) = \delta_e(c)

    On a finite structure this is the linear system :math:`L_f g = \delta_e` with the
    left-regular matrix :math:`(L_f)_{c,b} = \sum_{a \cdot b = c} f(a)`; in a finite
    algebra a right inverse is also a left inverse.  Dirichlet inverses use
    :math:`g(1) = 1/f(1)`, :math:`g(m) = -g(1) \sum_{d \mid m,\, d > 1} f(d)\, g(m/d)`.

    Examples
    --------
    The Moebius function is the Dirichlet inverse of the constant 1:

    >>> M = ac.Multiplicative()
    >>> ac.inverse(ac.Function.from_array([1] * 10, over=M)).to_array()
    array([ 1, -1, -1,  0, -1,  1, -1,  0,  0,  1])

    Power series: ``1 / (1 - x) = 1 + x + x^2 + ...``, exact up to ``x^5``:

    >>> ac.inverse([1, -1], over=ac.Naturals(), length=5)
    array([1, 1, 1, 1, 1, 1])

    A group algebra, exactly:

    >>> C3 = ac.Cyclic(3)
    >>> f = ac.Function({0: 2, 1: 1}, over=C3)
    >>> g = ac.inverse(f)
    >>> g.to_dict()
    {0: Fraction(4, 9), 1: Fraction(-2, 9), 2: Fraction(1, 9)}
    >>> f * g == ac.delta(over=C3)
    True

    ``auto`` took ``euclid`` there; the linear solve gives the same inverse, and the FFT
    refuses exact values:

    >>> ac.inverse(f, method="solve") == g
    True
    >>> ac.inverse(f, method="fft")
    Traceback (most recent call last):
    ...
    algconv.errors.MethodNotApplicable: method='fft' does not apply: it rounds through floating point, but the values are exact (int); use method='auto'
    """
    p, finish = _problem(f, length, over)
    return finish(evaluate(p, method, INVERTERS))


def choose_inverse(f: Any, length: int | None = None, *,
                   over: Monoid | None = None) -> MethodChoice:
    """Which engine ``inverse(f, length, over=over)`` would use, and why.

    The same selection loop as :func:`algconv.choose_method`, over the inversion engines
    (``algconv.engines.INVERTERS``): the hard guards first (the engine applies, keeps
    exact values exact, fits ``config.memory_limit``), then the lowest estimated cost.

    Parameters
    ----------
    f, length, over
        As for :func:`inverse`.

    Returns
    -------
    MethodChoice
        ``.method`` is the engine name; ``str()`` explains every candidate.

    Examples
    --------
    >>> choice = ac.choose_inverse([2.0, 1.0, 0.0, 0.0], over=ac.Cyclic(4))
    >>> choice.method
    'fft'
    >>> print(choice)  # doctest: +ELLIPSIS
    method='fft': lowest estimated cost of 2 applicable engines
      point-mass   not applicable   it needs f = c delta_x stored as one point ...
      ...
      solve        ~... s ...
    """
    return explain_choice(_problem(f, length, over)[0], INVERTERS)


def _problem(f: Any, length: int | None, over: Any) -> tuple[InverseProblem, Callable]:
    """The validated inverse problem, and how to turn the inverse into the caller's form."""
    if isinstance(f, Function):
        if over is not None:
            raise InvalidArgument(
                f"Got over={over!r} with a Function, but a Function carries its structure "
                f"({f.over!r}); pass over only with an array"
            )
        if not f.semiring.is_standard:
            raise InvalidArgument(
                f"Got a Function with values in {f.semiring!r}, but inverse solves f * h = "
                "delta with the standard sum and product (a ring with division)"
            )
        return _function_problem(f, length), _same
    if over is None:
        raise InvalidType(
            f"Got f={describe(f)} without over=, but an array needs its structure: "
            "over=ac.Naturals(), ac.Multiplicative() or a finite structure"
        )
    over = check_structure(over)
    values = as_value_array(f, "f")
    if over.dense_layout == "finite":
        g = trusted_dense(finite_vector(values, over, "f"), over)
        return _function_problem(g, length), _finite_array
    if isinstance(over, SERIES_STRUCTURES):
        if values.ndim != 1:
            raise InvalidArgument(
                f"Got f with shape {values.shape}, but {over!r} takes 1-D arrays")
        first = over.identity
        if length is None:
            length = first + len(values) - 1
        g = trusted_dense(values, over, (first,))
        return _function_problem(g, length), _series_array
    raise InvalidArgument(
        f"Got an array with over={over!r}, but arrays are accepted on finite structures, "
        "Naturals() and Multiplicative(); use a Function"
    )


def _same(h: Function) -> Function:
    return h


def _finite_array(h: Function) -> Any:
    return h.to_array()


def _series_array(h: Function) -> Any:
    return view(h).dense()[0]


def _function_problem(f: Function, length: int | None) -> InverseProblem:
    over = f.over
    if isinstance(over, SERIES_STRUCTURES):
        first = over.identity
        if length is None:
            support = f.support
            length = max(support) if support else first
        length = check_int(length, "length", minimum=first, what=f"inverse on {over!r}")
        return inverse_problem(f, length, convolve)
    if length is not None:
        raise InvalidArgument(
            f"Got length={length!r}, but length applies only to Multiplicative() and "
            f"Naturals(), whose inverses have infinite support; over={over!r} does not take it"
        )
    return inverse_problem(f)
