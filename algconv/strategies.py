"""Hypothesis strategies for structures, their elements and Functions on them.

Every strategy shrinks toward a small, readable example: integers toward 0, permutations
toward the identity, strings toward ``""``, Functions toward fewer support points with
smaller values, and groups toward ``Cyclic(1)``.

A structure of your own is supported when it is finite (its ``elements()`` are sampled)
or when it provides the *generator hook*: a method ``hypothesis_elements()`` returning a
hypothesis strategy for its elements.  The hook wins over everything else, so it may also
replace the default strategy of a finite structure.  ``Monoid.from_operation`` structures
are instances, so attach the hook to the instance::

    M = ac.Monoid.from_operation(lambda a, b: a + b, 0, contains=lambda x: isinstance(x, int))
    M.hypothesis_elements = lambda: st.integers(-10, 10)

Examples
--------
>>> import algconv as ac
>>> from hypothesis import given
>>> @given(ac.strategies.elements(ac.SymmetricGroup(4)))
... def test_in_group(x):
...     assert ac.SymmetricGroup(4).contains(x)
>>> test_in_group()
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from hypothesis import strategies as st

from .arith import values_array
from .errors import InvalidArgument, InvalidType
from .function import Function
from .structures.base import FiniteGroup, Monoid, check_structure
from .structures.finite import BooleanGroup, Cyclic, SubsetMonoid
from .structures.numbers import Integers, Lattice, Multiplicative, Naturals, Reals
from .structures.permutations import (
    AlternatingGroup,
    DihedralGroup,
    SymmetricGroup,
    SympyPermutationGroup,
    compose_trusted,
)
from .structures.product import Product, product
from .structures.words import FreeMonoid
from .validation import check_choice, check_int, describe

__all__ = ["elements", "functions", "values", "finite_groups", "finite_monoids", "HOOK"]

#: the name of the optional method a structure provides to supply its own element strategy
HOOK = "hypothesis_elements"

#: integers drawn for infinite number structures lie in [-BOUND, BOUND]
BOUND = 100
#: finite structures of at most this order are sampled from ``elements()``; larger
#: permutation groups are drawn without enumerating them
SAMPLE_ORDER = 5040

VALUE_KINDS = ("int", "rational", "float", "complex", "sympy")


# --- elements ----------------------------------------------------------------------------------


def elements(M: Monoid) -> st.SearchStrategy:
    """A strategy for elements of ``M`` that shrinks toward the identity or small values.

    Parameters
    ----------
    M : Monoid
        A built-in structure, a finite structure, or any structure with the hook method
        ``hypothesis_elements()`` (see the module docstring).

    Returns
    -------
    hypothesis.strategies.SearchStrategy

    Raises
    ------
    InvalidType
        If ``M`` is not a structure.
    InvalidArgument
        For an infinite user structure without the ``hypothesis_elements()`` hook, or a hook
        that does not return a strategy.

    Notes
    -----
    Integers lie in ``[-100, 100]`` (``Naturals``: ``[0, 100]``, ``Multiplicative``:
    ``[1, 100]``); ``Reals`` draws ints and small Fractions (exact, so laws hold exactly);
    ``FreeMonoid`` draws words of at most 6 letters.  Permutation groups of order above
    5040 are drawn without enumeration (``SymmetricGroup(20)`` works).

    Examples
    --------
    >>> import algconv as ac
    >>> from hypothesis import find
    >>> find(ac.strategies.elements(ac.Cyclic(6)), lambda x: x >= 4)
    4
    >>> find(ac.strategies.elements(ac.SymmetricGroup(4)), lambda p: p[0] == 3)
    (3, 1, 2, 0)
    >>> p = find(ac.strategies.elements(ac.SymmetricGroup(20)), lambda p: p[0] == 19)
    >>> ac.SymmetricGroup(20).contains(p)
    True
    """
    M = check_structure(M, "M")
    hook = getattr(M, HOOK, None)
    if hook is not None:
        strategy = hook()
        if not isinstance(strategy, st.SearchStrategy):
            raise InvalidArgument(
                f"Got {M!r}.{HOOK}() = {describe(strategy)}, but expected a hypothesis strategy"
            )
        return strategy
    M.identity  # noqa: B018 - built-ins refuse elements too large to build (huge degree or d)
    builder = _builtin_strategy(M)
    if builder is not None:
        return builder
    if M.is_finite:
        return st.sampled_from(M.elements())
    raise InvalidArgument(
        f"Got M={M!r}, an infinite structure without elements(), but ac.strategies needs "
        f"finitely many elements or a method {HOOK}() returning a hypothesis strategy"
    )


def _builtin_strategy(M: Monoid) -> st.SearchStrategy | None:
    kind = type(M)
    if kind is Integers:
        return st.integers(-BOUND, BOUND)
    if kind is Lattice:
        return st.tuples(*[st.integers(-BOUND, BOUND)] * M.d)
    if kind is Naturals:
        return st.integers(0, BOUND)
    if kind is Multiplicative:
        return st.integers(1, BOUND)
    if kind is Reals:
        real = st.one_of(st.integers(-BOUND, BOUND),
                         st.fractions(-BOUND, BOUND, max_denominator=12))
        return real if M.d == 1 else st.tuples(*[real] * M.d)
    if kind is FreeMonoid:
        return st.text(alphabet=M.alphabet, max_size=6)
    if kind in (Cyclic, BooleanGroup, SubsetMonoid):
        return st.integers(0, M.order - 1)
    if isinstance(M, Product):
        return st.tuples(*(elements(f) for f in M.factors))
    if kind is SymmetricGroup:
        return _permutations(M.degree)
    if kind is AlternatingGroup:
        return _permutations(M.degree).map(_make_even)
    if kind is DihedralGroup and M.n >= 3:
        n = M.n
        return st.tuples(st.booleans(), st.integers(0, n - 1)).map(
            lambda fk: tuple((fk[1] - i if fk[0] else fk[1] + i) % n for i in range(n)))
    if kind is SympyPermutationGroup and M.order > SAMPLE_ORDER:
        gens, e = M._generators, M.identity
        words = st.lists(st.sampled_from(gens), max_size=3 * M.degree)
        return words.map(lambda w: _word(w, e))
    return None


def _permutations(n: int) -> st.SearchStrategy:
    """Permutations of ``range(n)`` that shrink toward the identity."""
    return st.permutations(range(n)).map(tuple)


def _make_even(p: tuple) -> tuple:
    from .structures.permutations import is_even

    if is_even(p) or len(p) < 2:
        return p
    q = list(p)
    q[-2], q[-1] = q[-1], q[-2]
    return tuple(q)


def _word(word: list, identity: tuple) -> tuple:
    x = identity
    for g in word:
        x = compose_trusted(x, g)
    return x


# --- values and Functions ----------------------------------------------------------------------


def values(kind: str = "int") -> st.SearchStrategy:
    """A strategy for Function values of one kind, small so that laws hold exactly.

    Parameters
    ----------
    kind : {'int', 'rational', 'float', 'complex', 'sympy'}
        ``int``: integers in ``[-5, 5]``; ``rational``: Fractions with denominators up to
        6; ``float`` and ``complex``: finite and of modest size (compare with a tolerance);
        ``sympy``: ``a*x + b`` with a sympy symbol ``x`` and small integers ``a, b``.

    Returns
    -------
    hypothesis.strategies.SearchStrategy

    Examples
    --------
    >>> import algconv as ac
    >>> from hypothesis import find
    >>> find(ac.strategies.values("rational"), lambda v: v.denominator > 1)
    Fraction(1, 2)
    """
    kind = check_choice(kind, "kind", VALUE_KINDS)
    small = st.integers(-5, 5)
    if kind == "int":
        return small
    if kind == "rational":
        return st.fractions(-5, 5, max_denominator=6)
    floats = st.floats(-10, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)
    if kind == "float":
        return floats
    if kind == "complex":
        return st.builds(complex, floats, floats)
    import sympy

    x = sympy.Symbol("x")
    return st.builds(lambda a, b: a * x + b, small, small.map(sympy.Integer))


def functions(M: Monoid, values: st.SearchStrategy | None = None, max_support: int = 4,
              *, min_support: int = 0, dense: bool = False) -> st.SearchStrategy:
    """A strategy for finitely supported Functions on ``M``.

    Parameters
    ----------
    M : Monoid
        Any structure :func:`elements` supports.
    values : hypothesis strategy, optional
        For the values; by default integers in ``[-5, 5]`` (see :func:`values` for
        Fractions, floats, complex numbers and sympy expressions).
    max_support, min_support : int
        Bounds on the number of support points drawn (zeros drawn as values are dropped,
        so the support may be smaller than ``min_support``).
    dense : bool, default False
        Draw array-backed Functions (``Function.from_array``), the form numeric engines
        see: on a finite structure a vector of length ``order`` (keep the order modest); on
        ``Z``, ``Z^d``, ``N`` and ``Multiplicative`` an array with ``min_support`` to
        ``max_support`` entries along each axis and a drawn ``start``.

    Returns
    -------
    hypothesis.strategies.SearchStrategy
        Of ``ac.Function``; shrinks toward the zero Function.

    Examples
    --------
    >>> import algconv as ac
    >>> from hypothesis import find
    >>> find(ac.strategies.functions(ac.Cyclic(5)), lambda f: len(f.support) >= 2)
    Function({0: 1, 1: 1}, over=Cyclic(5))
    """
    M = check_structure(M, "M")
    max_support = check_int(max_support, "max_support", minimum=0)
    min_support = check_int(min_support, "min_support", minimum=0)
    if min_support > max_support:
        raise InvalidArgument(
            f"Got min_support={min_support}, but expected at most max_support={max_support}"
        )
    if values is None:
        values = globals()["values"]("int")
    elif not isinstance(values, st.SearchStrategy):
        raise InvalidType(f"Got values={describe(values)}, but expected a hypothesis strategy")
    if dense:
        return _dense_functions(M, values, min_support, max_support)
    mappings = st.dictionaries(elements(M), values, min_size=min_support, max_size=max_support)
    return mappings.map(lambda d: Function(d, over=M))


def _array(flat: list, shape: tuple) -> np.ndarray:
    array = values_array(flat)
    return array.reshape(shape)


@st.composite
def _dense_functions(draw, M: Monoid, values: st.SearchStrategy, lo: int, hi: int) -> Function:
    layout = M.dense_layout
    if layout == "finite":
        flat = draw(st.lists(values, min_size=M.order, max_size=M.order))
        return Function.from_array(_array(flat, (M.order,)), over=M)
    if layout not in ("lattice", "offset"):
        raise InvalidArgument(
            f"Got dense=True with M={M!r}, but only Z, Z^d, N, Multiplicative and finite "
            "structures hold dense Functions"
        )
    d = getattr(M, "d", 1)
    shape = draw(st.tuples(*[st.integers(max(lo, 1), max(hi, 1))] * d))
    size = int(np.prod(shape))
    flat = draw(st.lists(values, min_size=size, max_size=size))
    return Function.from_array(_array(flat, shape), over=M, start=draw(elements(M)))


# --- structures --------------------------------------------------------------------------------


def _relabelled(base: FiniteGroup, permutation: list) -> FiniteGroup:
    """``base``'s Cayley table with index ``i`` renamed ``permutation[i]``."""
    table = base.cayley_table()
    p = np.asarray(permutation, dtype=np.intp)
    new = np.empty_like(table)
    new[p[:, None], p[None, :]] = p[table]
    return FiniteGroup.from_cayley_table(new)


@st.composite
def _relabelled_group(draw, bases: st.SearchStrategy) -> FiniteGroup:
    base = draw(bases)
    permutation = draw(st.permutations(range(base.order)))
    return _relabelled(base, permutation)


#: the largest ``max_order`` of :func:`finite_groups` and :func:`finite_monoids`: the
#: strategies list the sizes of each family up to it, and laws are checked by enumerating
#: the drawn structure's elements
MAX_ORDER = 10**6


def finite_groups(max_order: int = 24) -> st.SearchStrategy:
    """A strategy for finite groups of order at most ``max_order``; shrinks toward ``Cyclic(1)``.

    Draws cyclic groups, products of two cyclics, ``SymmetricGroup(n)``,
    ``AlternatingGroup(n)``, ``DihedralGroup(n)``, ``BooleanGroup(n)``, and Cayley-table
    groups: one of those with its elements renamed by a random permutation of indices.

    Parameters
    ----------
    max_order : int, default 24
        Largest order drawn (at least 1, at most ``MAX_ORDER``).

    Returns
    -------
    hypothesis.strategies.SearchStrategy
        Of ``ac.FiniteGroup``.

    Examples
    --------
    >>> import algconv as ac
    >>> from hypothesis import find
    >>> find(ac.strategies.finite_groups(), lambda G: not G.is_commutative)
    SymmetricGroup(3)
    """
    max_order = check_int(max_order, "max_order", minimum=1, maximum=MAX_ORDER)
    options = [st.integers(1, max_order).map(Cyclic)]
    if max_order >= 4:  # Cyclic(m) x Cyclic(n) with 2 <= m <= n and m * n <= max_order
        options.append(st.integers(2, math.isqrt(max_order)).flatmap(
            lambda m: st.integers(m, max_order // m).map(
                lambda n: product(Cyclic(m), Cyclic(n)))))
    for cls, order in ((SymmetricGroup, math.factorial),
                       (AlternatingGroup, lambda n: max(1, math.factorial(n) // 2)),
                       (DihedralGroup, lambda n: 2 * n),
                       (BooleanGroup, lambda n: 2**n)):
        ns = list(itertools.takewhile(lambda n, order=order: order(n) <= max_order,
                                      itertools.count(1)))
        if ns:
            options.append(st.sampled_from(ns).map(cls))
    builtins = st.one_of(options)
    return st.one_of(builtins, _relabelled_group(builtins))


def _transformation_monoid(n: int) -> Monoid:
    """All maps ``range(n) -> range(n)`` under composition (first a, then b): order ``n**n``."""
    els = list(itertools.product(range(n), repeat=n))
    return Monoid.from_operation(compose_trusted, tuple(range(n)), elements=els,
                                 commutative=n <= 1, name=f"transformations({n})")


def _max_monoid(n: int) -> Monoid:
    return Monoid.from_operation(max, 0, elements=range(n), commutative=True,
                                 name=f"max-monoid({n})")


def finite_monoids(max_order: int = 27) -> st.SearchStrategy:
    """A strategy for finite monoids (groups included); shrinks toward ``Cyclic(1)``.

    Draws :func:`finite_groups`, ``SubsetMonoid(n)``, the commutative ``max`` monoid on
    ``range(n)``, the non-commutative monoid of all maps ``range(n) -> range(n)`` under
    composition (order ``n**n``), and products of a group with a subset monoid.
    ``max_order`` (default 27) is the largest order drawn, at most ``MAX_ORDER``.

    Examples
    --------
    >>> import algconv as ac
    >>> from hypothesis import find
    >>> find(ac.strategies.finite_monoids(),
    ...      lambda M: not isinstance(M, ac.Group) and not M.is_commutative)
    transformations(2)
    """
    max_order = check_int(max_order, "max_order", minimum=1, maximum=MAX_ORDER)
    options = [finite_groups(max_order), st.integers(1, max_order).map(_max_monoid)]
    subset_ns = [n for n in range(1, 8) if 2**n <= max_order]
    if subset_ns:
        options.append(st.sampled_from(subset_ns).map(SubsetMonoid))
    transform_ns = [n for n in range(1, 5) if n**n <= max_order]
    options.append(st.sampled_from(transform_ns).map(_transformation_monoid))
    if max_order >= 4:
        options.append(st.integers(1, max_order // 2).map(
            lambda n: product(Cyclic(n), SubsetMonoid(1))))
    return st.one_of(options)
