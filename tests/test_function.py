"""Function: construction, evaluation, exact arithmetic, powers, comparisons."""

from fractions import Fraction

import numpy as np
import pytest
import sympy

import algconv as ac
from tests.helpers import brute_convolve

Z, C6 = ac.Integers(), ac.Cyclic(6)


def test_dict_function_basics():
    f = ac.Function({0: 1, 2: Fraction(1, 2), 5: 0}, over=Z)
    assert f(0) == 1 and f(2) == Fraction(1, 2) and f(1) == 0 and f(5) == 0
    assert f.support == frozenset({0, 2})
    assert f.total() == Fraction(3, 2) and isinstance(f.total(), Fraction)
    assert f.to_dict() == {0: 1, 2: Fraction(1, 2)}
    assert f.start == 0 and list(f.to_array()) == [1, 0, Fraction(1, 2)]


def test_numpy_keys_are_canonical():
    f = ac.Function({np.int64(3): 2}, over=Z)
    assert list(f.to_dict()) == [3] and type(list(f.to_dict())[0]) is int


def test_from_array_layouts():
    f = ac.Function.from_array([[1, 2], [3, 4]], over=ac.Lattice(2), start=(-1, 5))
    assert f((-1, 5)) == 1 and f((0, 6)) == 4 and f((3, 3)) == 0
    assert f.start == (-1, 5)
    m = ac.Function.from_array([1, 1, 1], over=ac.Multiplicative())
    assert m.start == 1 and m(3) == 1 and m(4) == 0
    c = ac.Function.from_array(np.arange(6), over=ac.product(ac.Cyclic(2), ac.Cyclic(3)))
    assert c((1, 2)) == 5
    c2 = ac.Function.from_array(np.arange(6).reshape(2, 3), over=ac.product(ac.Cyclic(2), ac.Cyclic(3)))
    assert c == c2


def test_from_callable_and_delta():
    S3 = ac.SymmetricGroup(3)
    f = ac.Function.from_callable(lambda p: p[0], over=S3)
    assert f.to_array().tolist() == [0, 0, 1, 1, 2, 2]
    e = ac.delta(over=S3)
    assert e * f == f == f * e
    assert ac.delta((2, 1, 0), over=S3).to_dict() == {(2, 1, 0): 1}


def test_values_keep_their_type():
    x = sympy.Symbol("x")
    f = ac.Function({0: x, 1: 2}, over=Z)
    g = ac.Function({0: Fraction(1, 3), 1: 1}, over=Z)
    h = f * g
    assert h(0) == x / 3 and h(1) == x + Fraction(2, 3) and h(2) == 2
    assert isinstance(h(1), sympy.Expr)
    assert (g * g)(0) == Fraction(1, 9) and isinstance((g * g)(1), Fraction)


def test_dense_dense_exact_and_big():
    big = ac.Function.from_array(np.full(3000, 2**40, dtype=np.int64), over=Z)
    h = big * big
    assert h(2999) == 3000 * 2**80 and h.total() == (3000 * 2**40) ** 2


def test_arithmetic():
    f = ac.Function({0: 1, 1: 2}, over=C6)
    g = ac.Function({1: 3, 5: 1}, over=C6)
    assert (f + g).to_dict() == {0: 1, 1: 5, 5: 1}
    assert (f - f).support == frozenset()
    assert (3 * f).to_dict() == {0: 3, 1: 6} == (f * 3).to_dict()
    assert (-f)(1) == -2
    assert (Fraction(1, 2) * f)(1) == 1 and isinstance((Fraction(1, 2) * f)(0), Fraction)
    assert f.pointwise(g).to_dict() == {1: 6}
    dense = ac.Function.from_array(np.array([1, 2, 0, 0, 0, 0]), over=C6)
    assert dense == f and dense + g == f + g and dense.pointwise(g) == f.pointwise(g)


def test_convolution_matches_brute_force_on_many_structures():
    cases = [
        (ac.Integers(), {0: 1, 3: -2, -1: 5}, {2: 1, -4: 3}),
        (ac.Lattice(2), {(0, 1): 2, (1, -1): 1}, {(2, 2): 3, (0, 0): 1}),
        (ac.Naturals(), {0: 1, 2: 3}, {1: 1, 5: 2}),
        (ac.Multiplicative(), {1: 1, 2: 1, 3: 2}, {2: 1, 6: 4}),
        (ac.FreeMonoid("ab"), {"a": 1, "ab": 2}, {"": 3, "b": 1}),
        (ac.SymmetricGroup(3), {(1, 0, 2): 1, (1, 2, 0): 2}, {(0, 2, 1): 3, (2, 1, 0): 1}),
        (ac.SubsetMonoid(2), {1: 1, 2: 2}, {2: 3, 3: 1}),
        (ac.product(ac.Cyclic(2), ac.FreeMonoid("x")), {(1, "x"): 1}, {(1, ""): 2, (0, "x"): 1}),
        (ac.Reals(), {Fraction(1, 2): 1, 1.5: 2}, {0: 1, -1: 1}),
    ]
    for M, f, g in cases:
        truth = {M.check(c): v for c, v in brute_convolve(M.op, f, g).items()}  # canonical keys
        assert (ac.Function(f, over=M) * ac.Function(g, over=M)).to_dict() == truth


def test_power_by_squaring():
    coin = ac.Function({0: Fraction(1, 2), 1: Fraction(1, 2)}, over=Z)
    assert (coin ** 10)(5) == Fraction(252, 1024)
    assert coin ** 0 == ac.delta(over=Z) and coin ** 1 == coin
    r = ac.Function({(1, 2, 0): 1}, over=ac.SymmetricGroup(3))
    assert r ** 3 == ac.delta(over=ac.SymmetricGroup(3))
    with pytest.raises(ac.InvalidArgument, match="k >= 0"):
        coin ** -1
    with pytest.raises(ac.InvalidType, match="k=0.5"):
        coin ** 0.5


def test_equality_and_isclose():
    f = ac.Function({0: 0.1 + 0.2}, over=Z)
    g = ac.Function({0: 0.3}, over=Z)
    assert f != g and f.isclose(g) and not f.isclose(ac.Function({0: 0.31}, over=Z))
    assert ac.Function({0: 1}, over=ac.Cyclic(2)) != ac.Function({0: 1}, over=ac.Cyclic(3))
    assert ac.Function({0: 1}, over=Z) != {0: 1}
    with pytest.raises(TypeError):
        hash(f)


def test_repr_is_readable():
    f = ac.Function({1: 2}, over=ac.Cyclic(6))
    assert repr(f) == "Function({1: 2}, over=Cyclic(6))"
    long = ac.Function.from_array(np.arange(1, 20), over=Z)
    assert repr(long).endswith(", ..., over=Integers())") or "..." in repr(long)


def test_reflected_conjugate():
    f = ac.Function.from_array(np.array([1, 2j, 3]), over=Z, start=2)
    r = f.reflected_conjugate()
    assert r(-2) == 1 and r(-3) == -2j and r(-4) == 3
    S3 = ac.SymmetricGroup(3)
    g = ac.Function({(1, 2, 0): 1j}, over=S3)
    assert g.reflected_conjugate().to_dict() == {(2, 0, 1): -1j}


def test_nan_and_inf_propagate_like_numpy():
    f = np.array([1.0, np.nan, 0.0])
    g = np.array([1.0, 1.0])
    assert np.array_equal(ac.convolve(f, g, method="direct"), np.convolve(f, g), equal_nan=True)
    h = ac.convolve(np.array([np.inf, 1.0]), np.array([1.0, 2.0]))
    assert np.array_equal(h, np.convolve([np.inf, 1.0], [1.0, 2.0]))


def test_dense_lattice_sums_align_their_boxes():
    f = ac.Function.from_array([1, 2, 3], over=Z, start=-1)
    g = ac.Function.from_array([10, 20], over=Z, start=3)
    h = f - g
    assert h.to_dict() == {-1: 1, 0: 2, 1: 3, 3: -10, 4: -20}
    assert h == ac.Function(f.to_dict(), over=Z) - ac.Function(g.to_dict(), over=Z)
    big = ac.Function.from_array(np.array([2**62], dtype=np.int64), over=Z)
    assert (big + big)(0) == 2**63
    q = ac.Function.from_array([[1, 2]], over=ac.Lattice(2), start=(0, 0))
    r = ac.Function.from_array([[Fraction(1, 2)], [1]], over=ac.Lattice(2), start=(0, 1))
    assert (q + r).to_dict() == {(0, 0): 1, (0, 1): Fraction(5, 2), (1, 1): 1}
