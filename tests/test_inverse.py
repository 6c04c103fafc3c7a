"""inverse(f): f * inverse(f) == delta exactly; NotInvertible exactly when no inverse exists."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac

M = ac.Multiplicative()
N = ac.Naturals()


def brute_dirichlet(f, g, n):
    return [sum((f[d - 1] * g[m // d - 1] for d in range(1, m + 1) if m % d == 0), 0)
            for m in range(1, n + 1)]


def brute_series(f, g, n):
    return [sum((f[i] * g[k - i] for i in range(k + 1) if i < len(f) and k - i < len(g)), 0)
            for k in range(n)]


# --- Dirichlet ---------------------------------------------------------------------------------


def test_inverse_of_one_is_moebius():
    n = 2000
    mu = ac.inverse(ac.Function.from_array(np.ones(n, dtype=np.int64), over=M))
    assert mu.start == 1 and mu.to_array().tolist() == [int(sympy.mobius(m))
                                                       for m in range(1, n + 1)]


def test_inverse_of_identity_function_and_arrays():
    # the inverse of n -> n is n -> n mu(n)
    g = ac.inverse(np.arange(1, 101), over=M)
    assert g.tolist() == [m * int(sympy.mobius(m)) for m in range(1, 101)]
    assert len(ac.inverse([1, 1], over=M, length=7)) == 7


@settings(max_examples=40, deadline=None)
@given(head=st.sampled_from([1, -1, 2, -3]),
       tail=st.lists(st.integers(-(2**62), 2**62), max_size=40))
def test_dirichlet_inverse_is_exact(head, tail):
    f = [head] + tail
    g = ac.inverse(ac.Function.from_array(f, over=M), length=len(f))
    values = g.to_array().tolist()
    assert len(values) == len(f)
    assert all(isinstance(v, (int, Fraction)) for v in values)
    assert brute_dirichlet(f, values, len(f)) == [1] + [0] * (len(f) - 1)


def test_dirichlet_function_product_is_delta_up_to_length():
    f = ac.Function({1: 3, 2: -1, 6: 5}, over=M)
    g = ac.inverse(f, length=60)
    h = f * g
    assert all(h(m) == (m == 1) for m in range(1, 61))
    assert g(1) == Fraction(1, 3)


def test_dirichlet_floats():
    f = np.array([2.0, 0.5, -0.25, 1.0, 0.0, 3.0])
    g = ac.inverse(f, over=M)
    np.testing.assert_allclose(ac.convolve_dirichlet(f, g), [1, 0, 0, 0, 0, 0], atol=1e-12)


def test_dirichlet_not_invertible_when_f1_is_zero():
    with pytest.raises(ac.NotInvertible, match=r"f\(1\)=0"):
        ac.inverse(ac.Function({2: 1, 3: 1}, over=M))


# --- power series ------------------------------------------------------------------------------


def test_geometric_and_binomial_series():
    assert ac.inverse([1, -1], over=N, length=6).tolist() == [1] * 7
    assert ac.inverse([1, -2, 1], over=N, length=6).tolist() == list(range(1, 8))


@settings(max_examples=40, deadline=None)
@given(head=st.sampled_from([1, -1, 3, Fraction(2, 5)]),
       tail=st.lists(st.integers(-(2**40), 2**40), max_size=12),
       extra=st.integers(0, 20))
def test_series_inverse_is_exact(head, tail, extra):
    f = [head] + tail
    length = len(f) - 1 + extra
    g = ac.inverse(ac.Function.from_array(np.array(f, dtype=object), over=N), length=length)
    values = g.to_array().tolist()
    assert len(values) == length + 1
    assert brute_series(f, values, length + 1) == [1] + [0] * length


def test_series_against_sympy():
    x = sympy.Symbol("x")
    p = 3 + x - 2 * x**3
    expected = sympy.Poly(sympy.series(1 / p, x, 0, 12).removeO(), x).all_coeffs()[::-1]
    got = ac.inverse([3, 1, 0, -2], over=N, length=11)
    assert [sympy.Rational(v.numerator, v.denominator) for v in map(Fraction, got)] == expected


def test_series_default_length_and_floats():
    g = ac.inverse(ac.Function({0: 2.0, 3: 1.0}, over=N))
    np.testing.assert_allclose(g.to_array(), [0.5, 0, 0, -0.25])


def test_series_not_invertible_when_f0_is_zero():
    with pytest.raises(ac.NotInvertible, match=r"f\(0\)=0"):
        ac.inverse([0, 1], over=N)


# --- finite groups and monoids -----------------------------------------------------------------

FINITE = [
    ac.Cyclic(1),
    ac.Cyclic(5),
    ac.Cyclic(6),
    ac.BooleanGroup(3),
    ac.SubsetMonoid(2),
    ac.product(ac.Cyclic(2), ac.Cyclic(3)),
    ac.SymmetricGroup(3),
    ac.DihedralGroup(4),
    ac.Monoid.from_operation(max, 0, elements=range(3), commutative=True, name="max3"),
]


def regular_matrix(over, values):
    """Left multiplication by f, built from the structure's operation (independent truth)."""
    els = over.elements()
    m = sympy.zeros(over.order, over.order)
    for a, fa in zip(els, values):
        for j, b in enumerate(els):
            m[over.index(over.op(a, b)), j] += fa
    return m


@pytest.mark.parametrize("over", FINITE, ids=repr)
@settings(max_examples=12, deadline=None)
@given(data=st.data())
def test_finite_inverse_exact_or_singular(over, data):
    values = data.draw(st.lists(st.integers(-3, 3), min_size=over.order, max_size=over.order))
    f = ac.Function.from_array(values, over=over)
    singular = regular_matrix(over, values).det() == 0
    if singular:
        with pytest.raises(ac.NotInvertible):
            ac.inverse(f)
        return
    g = ac.inverse(f)
    e = ac.delta(over=over)
    assert f * g == e and g * f == e
    assert all(isinstance(v, (int, Fraction)) for v in g.to_dict().values())


@pytest.mark.parametrize("over", FINITE, ids=repr)
def test_finite_inverse_floats(over):
    rng = np.random.default_rng(11)
    values = rng.normal(size=over.order)
    values[over.index(over.identity)] += 4 * over.order  # diagonally dominant: invertible
    f = ac.Function.from_array(values, over=over)
    g = ac.inverse(f)
    e = ac.delta(over=over) * 1.0
    assert (f * g).isclose(e, atol=1e-9) and (g * f).isclose(e, atol=1e-9)
    complex_f = f * (1 + 0.5j)
    assert (complex_f * ac.inverse(complex_f)).isclose(e, atol=1e-9)


@pytest.mark.parametrize(
    "over, f",
    [
        (ac.Cyclic(2), {0: 1, 1: 1}),
        (ac.Cyclic(4), {0: 1, 2: -1}),
        (ac.BooleanGroup(2), {0: 1, 3: 1}),
        (ac.SubsetMonoid(2), {1: 1}),
        (ac.SymmetricGroup(3), {(0, 1, 2): 1, (1, 0, 2): 1}),
        (ac.Cyclic(3), {}),
    ],
)
def test_zero_divisors_are_not_invertible(over, f):
    with pytest.raises(ac.NotInvertible, match="no convolution inverse"):
        ac.inverse(ac.Function(f, over=over))
    with pytest.raises(ac.NotInvertible):
        ac.inverse(ac.Function({x: float(v) for x, v in f.items()}, over=over))


def test_nonabelian_exact_example():
    S3 = ac.SymmetricGroup(3)
    f = ac.Function({(0, 1, 2): 2, (1, 2, 0): 1, (1, 0, 2): Fraction(1, 3)}, over=S3)
    g = ac.inverse(f)
    assert f * g == ac.delta(over=S3) == g * f


def test_symbolic_values():
    a, b = sympy.symbols("a b", positive=True)
    S3 = ac.SymmetricGroup(3)
    e, t = (0, 1, 2), (1, 0, 2)
    for over, f in ((S3, ac.Function({e: a, t: b}, over=S3)),
                    (ac.Cyclic(2), ac.Function({0: a, 1: b}, over=ac.Cyclic(2)))):
        g = ac.inverse(f)
        h = f * g
        assert all(sympy.simplify(h(x) - int(x == over.identity)) == 0 for x in over.elements())


def test_array_on_finite_structure():
    g = ac.inverse([2, 1, 0], over=ac.Cyclic(3))
    assert g.tolist() == [Fraction(4, 9), Fraction(-2, 9), Fraction(1, 9)]
    assert ac.inverse(np.array([3, 0, 0]), over=ac.Cyclic(3)).tolist() == [Fraction(1, 3), 0, 0]


def test_point_mass_on_a_large_finite_group_needs_no_matrix():
    S10 = ac.SymmetricGroup(10)
    x = (1, 2, 0, 3, 4, 5, 6, 7, 9, 8)
    g = ac.inverse(ac.Function({x: 4}, over=S10))
    assert g.to_dict() == {S10.inverse(x): Fraction(1, 4)}


# --- infinite structures -----------------------------------------------------------------------


def test_point_masses_on_infinite_groups():
    Z = ac.Integers()
    assert ac.inverse(ac.Function({2: 3}, over=Z)).to_dict() == {-2: Fraction(1, 3)}
    assert ac.inverse(ac.Function({(1, -1): -1}, over=ac.Lattice(2))).to_dict() == {(-1, 1): -1}
    W = ac.FreeMonoid("ab")
    assert ac.inverse(ac.Function({"": 2.0}, over=W)).to_dict() == {"": 0.5}


@pytest.mark.parametrize(
    "f, match",
    [
        (ac.Function({0: 1, 1: 1}, over=ac.Integers()), "torsion-free"),
        (ac.Function({"a": 1}, over=ac.FreeMonoid("ab")), "no inverse in the monoid"),
        (ac.Function({"": 1, "a": 1}, over=ac.FreeMonoid("ab")), "empty word"),
        (ac.Function({}, over=ac.Integers()), "zero"),
    ],
)
def test_infinite_not_invertible(f, match):
    with pytest.raises(ac.NotInvertible, match=match):
        ac.inverse(f)


# --- bad arguments -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda: ac.inverse(ac.delta(over=ac.Cyclic(3)), length=4), ac.InvalidArgument,
         "length applies only"),
        (lambda: ac.inverse(ac.delta(over=M), length=0), ac.InvalidArgument, "length=0"),
        (lambda: ac.inverse(ac.delta(over=N), length="3"), ac.InvalidType, "length='3'"),
        (lambda: ac.inverse([1, 2]), ac.InvalidType, "without over="),
        (lambda: ac.inverse(ac.delta(over=N), over=N), ac.InvalidArgument, "carries"),
        (lambda: ac.inverse([1, 2], over=ac.Integers()), ac.InvalidArgument, "arrays are"),
        (lambda: ac.inverse([1, 2, 3], over=ac.Cyclic(2)), ac.StructureMismatch, "shape"),
        (lambda: ac.inverse([[1, 2]], over=N), ac.InvalidArgument, "1-D"),
    ],
)
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()
