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
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from . import arith, config
from ._kernels import (cyclic_shape, divide_by_power_of_two, left_regular_matrix, subset_zeta,
                       walsh_hadamard)
from .engines.dirichlet import dirichlet_prefix
from .errors import InvalidArgument, InvalidType, NotInvertible
from .function import Function, finite_vector, trusted_dense, trusted_dict, view
from .structures.base import Group, Monoid, check_structure
from .structures.finite import BooleanGroup, Cyclic, SubsetMonoid
from .structures.numbers import Lattice, Multiplicative, Naturals, Reals
from .structures.words import FreeMonoid
from .validation import as_value_array, check_int, describe, value_kind

__all__ = ["inverse"]


def inverse(f: Any, length: int | None = None, *, over: Monoid | None = None) -> Any:
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
    over : Monoid, optional
        The structure of an array ``f`` (not allowed with a Function).

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
        ``length`` on a structure where it has no meaning, or a length below the identity.
    InvalidType
        An array without ``over``, or non-numeric values.

    See Also
    --------
    algconv.convolve, algconv.convolve_dirichlet

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
    """
    if isinstance(f, Function):
        if over is not None:
            raise InvalidArgument(
                f"Got over={over!r} with a Function, but a Function carries its structure "
                f"({f.over!r}); pass over only with an array"
            )
        return _invert_function(f, length)
    if over is None:
        raise InvalidType(
            f"Got f={describe(f)} without over=, but an array needs its structure: "
            "over=ac.Naturals(), ac.Multiplicative() or a finite structure"
        )
    over = check_structure(over)
    values = as_value_array(f, "f")
    if over.dense_layout == "finite":
        return _invert_function(trusted_dense(finite_vector(values, over, "f"), over),
                                length).to_array()
    if isinstance(over, (Naturals, Multiplicative)):
        if values.ndim != 1:
            raise InvalidArgument(
                f"Got f with shape {values.shape}, but {over!r} takes 1-D arrays")
        first = over.identity
        if length is None:
            length = first + len(values) - 1
        g = trusted_dense(values, over, (first,))
        return view(_invert_function(g, length)).dense()[0]
    raise InvalidArgument(
        f"Got an array with over={over!r}, but arrays are accepted on finite structures, "
        "Naturals() and Multiplicative(); use a Function"
    )


def _invert_function(f: Function, length: int | None) -> Function:
    over = f.over
    if isinstance(over, (Multiplicative, Naturals)):
        return _invert_series(f, length)
    if length is not None:
        raise InvalidArgument(
            f"Got length={length!r}, but length applies only to Multiplicative() and "
            f"Naturals(), whose inverses have infinite support; over={over!r} does not take it"
        )
    if over.is_finite and not _is_unit_point_mass(f):
        return _invert_finite(f)
    return _invert_point_mass(f)


def _is_unit_point_mass(f: Function) -> bool:
    """``f = c delta_x`` with ``x`` the identity or in a group: inverted without linear algebra."""
    if f.is_dense:
        return False
    items = list(view(f).items())
    return len(items) == 1 and (isinstance(f.over, Group) or items[0][0] == f.over.identity)


# --- exact scalars -----------------------------------------------------------------------------


def _reciprocal(c: Any) -> Any:
    """``1 / c`` exactly: ints give an int (for +-1) or a Fraction; floats stay floats."""
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


# --- Dirichlet and power series ----------------------------------------------------------------


def _series_values(f: Function, first: int, last: int) -> np.ndarray:
    """``[f(first), ..., f(last)]`` as a value array (zeros outside the stored range)."""
    stored, (start,) = view(f).dense()
    stored = arith.widen_ints(stored)  # the recursion must not wrap in uint8, int32, ...
    count = last - first + 1
    config.check_memory(count * 24.0, f"the first {count} values of the inverse")
    out = np.zeros(count, dtype=stored.dtype)
    lo, hi = max(start, first), min(start + len(stored) - 1, last)
    if hi >= lo:
        out[lo - first : hi - first + 1] = stored[lo - start : hi - start + 1]
    return out


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


def _invert_series(f: Function, length: int | None) -> Function:
    over = f.over
    first = over.identity
    if length is None:
        support = f.support
        length = max(support) if support else first
    length = check_int(length, "length", minimum=first, what=f"inverse on {over!r}")
    values = _series_values(f, first, length)
    c = values[0]
    if c == 0:
        raise NotInvertible(
            f"Got f({first})=0, but a function on {over!r} is invertible only when its value "
            f"at the identity {first} is non-zero"
        )
    c = c.item() if isinstance(c, np.generic) else c
    work = _exact_working(values, c)
    r = _reciprocal(c)
    g = _dirichlet_inverse(work, r) if isinstance(over, Multiplicative) else (
        _newton_inverse(work, r))
    return trusted_dense(_normalise(g), over, (first,))


def _dirichlet_inverse(a: np.ndarray, r: Any) -> np.ndarray:
    """``g`` with ``(a * g)(m) = [m == 1]`` for ``m = 1..len(a)``, given ``r = 1 / a[0]``.

    Values of ``g`` on ``(B, 2B]`` need only values on ``[1, B]``, so each block is one
    divisor sieve of the known part.
    """
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


def _poly_product(a: np.ndarray, b: np.ndarray, terms: int) -> np.ndarray:
    from .dispatch import convolve

    return convolve(a, b)[:terms]


def _newton_inverse(a: np.ndarray, r: Any) -> np.ndarray:
    """The first ``len(a)`` power-series coefficients of ``1 / a``, given ``r = 1 / a[0]``."""
    n = len(a)
    g = np.array([r], dtype=a.dtype)
    done = 1
    while done < n:
        end = min(2 * done, n)
        correction = -_poly_product(a[:end], g, end)  # 2 - a g, as a series mod x^end
        correction[0] += 2
        g = _poly_product(g, correction, end)
        done = end
    return g


# --- finite structures -------------------------------------------------------------------------


def _not_invertible(over: Monoid, why: str) -> NotInvertible:
    return NotInvertible(f"Got a function on {over!r} with no convolution inverse: {why}")


def _invert_finite(f: Function) -> Function:
    over = f.over
    a = arith.widen_ints(view(f).dense()[0])  # exact arithmetic, never in uint8, int32, ...
    kind = value_kind(a)
    numeric = kind in ("float", "complex")
    if isinstance(over, (BooleanGroup, SubsetMonoid)):  # the input, work, spectrum, inverse
        config.check_memory(4.0 * over.order * config.value_bytes(
            np.result_type(a, np.float64) if numeric else object), f"the inverse on {over!r}")
    if isinstance(over, (BooleanGroup, SubsetMonoid)):
        return trusted_dense(_invert_by_transform(a, over, numeric), over)
    shape = cyclic_shape(over)
    if numeric and shape is not None:
        return trusted_dense(_invert_by_fft(a, shape, over), over)
    if isinstance(over, Cyclic) and kind in ("int", "rational"):
        return trusted_dense(_invert_cyclic_exact(a, over), over)
    return trusted_dense(_invert_by_solve(a, over, kind), over)


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
    out[:] = [_reciprocal(v) for v in spectrum.tolist()]
    return out


def _invert_by_transform(a: np.ndarray, over: Monoid, numeric: bool) -> np.ndarray:
    """The inverse through the bitmask transform that diagonalises ``over``: Walsh-Hadamard
    on ``BooleanGroup(n)`` (its inverse divides by ``2**n``), zeta on ``SubsetMonoid(n)``
    (inverted by Moebius)."""
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


def _invert_by_fft(a: np.ndarray, shape: tuple, over: Monoid) -> np.ndarray:
    spectrum = np.fft.fftn(a.reshape(shape))
    _check_spectrum(spectrum.ravel(), over, exact=False)
    g = np.fft.ifftn(1 / spectrum).ravel()
    return g.real.copy() if a.dtype.kind != "c" else g


def _invert_cyclic_exact(a: np.ndarray, over: Cyclic) -> np.ndarray:
    """Exact inverse in ``Q[x] / (x^n - 1)`` by the extended Euclidean algorithm."""
    import sympy
    from sympy.polys.polyerrors import NotInvertible as SympyNotInvertible

    n = over.order
    x = sympy.Symbol("x")
    coeffs = [sympy.Rational(v.numerator, v.denominator) if isinstance(v, Fraction)
              else int(v) for v in a.tolist()]
    p = sympy.Poly(coeffs[::-1], x, domain=sympy.QQ)
    try:
        inv = p.invert(sympy.Poly(x**n - 1, x, domain=sympy.QQ))
    except SympyNotInvertible as e:
        raise _not_invertible(
            over, "its polynomial shares a factor with x^n - 1 (a zero divisor)") from e
    out = np.zeros(n, dtype=object)
    for (power,), v in inv.terms():
        out[power] = _normal(Fraction(int(v.numerator), int(v.denominator)))
    return out


def _invert_by_solve(a: np.ndarray, over: Monoid, kind: str) -> np.ndarray:
    n = over.order
    e = over._identity_index()
    m = left_regular_matrix(a, over)
    if kind in ("float", "complex"):
        if np.linalg.cond(m) * n * np.finfo(float).eps > 1:
            raise _not_invertible(over, "its left-multiplication matrix is numerically singular")
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


# --- infinite structures -----------------------------------------------------------------------

_TORSION_FREE = (Lattice, Reals)


def _invert_point_mass(f: Function) -> Function:
    over = f.over
    items = list(view(f).items())
    if len(items) == 1:
        x, c = items[0]
        if x == over.identity:
            return trusted_dict({x: _reciprocal(c)}, over)
        if isinstance(over, Group):
            return trusted_dict({over.inverse(x): _reciprocal(c)}, over)
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
