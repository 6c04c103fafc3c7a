"""Dirichlet convolution: the divisor sieve against brute force, sympy and the direct engine."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.engines.dirichlet import full_product
from algconv.named import convolve_dirichlet

M = ac.Multiplicative()


def brute(f, g, n):
    """h(m) for m = 1..n from f[i] = f(i + 1), by the divisor definition."""
    return [sum((f[d - 1] * g[m // d - 1] for d in range(1, m + 1) if m % d == 0), 0)
            for m in range(1, n + 1)]


@settings(max_examples=40, deadline=None)
@given(f=st.lists(st.integers(-(2**31), 2**31), min_size=1, max_size=60),
       g=st.lists(st.integers(-(2**31), 2**31), min_size=1, max_size=60))
def test_against_brute_force(f, g):
    out = convolve_dirichlet(f, g)
    assert len(out) == min(len(f), len(g))
    assert out.tolist() == brute(f, g, len(out))


@settings(max_examples=20, deadline=None)
@given(f=st.lists(st.integers(-(2**62), 2**62), min_size=1, max_size=40),
       g=st.lists(st.integers(-(2**62), 2**62), min_size=1, max_size=40))
def test_values_near_2_62_are_exact(f, g):
    assert [int(v) for v in convolve_dirichlet(f, g)] == brute(f, g, min(len(f), len(g)))


def test_classical_identities_against_sympy():
    n = 500
    one = np.ones(n, dtype=np.int64)
    ident = np.arange(1, n + 1)
    mu = [int(sympy.mobius(m)) for m in range(1, n + 1)]
    assert convolve_dirichlet(one, one).tolist() == [sympy.divisor_count(m) for m in ident]
    assert convolve_dirichlet(ident, one).tolist() == [sympy.divisor_sigma(m) for m in ident]
    assert convolve_dirichlet(mu, ident).tolist() == [sympy.totient(m) for m in ident]
    assert convolve_dirichlet(mu, one).tolist() == [1] + [0] * (n - 1)


def test_large_n_matches_per_divisor_loop():
    rng = np.random.default_rng(3)
    n = 20_000
    f, g = rng.integers(-1000, 1000, n), rng.integers(-1000, 1000, n + 7)
    expected = np.zeros(n, dtype=np.int64)
    for d in range(1, n + 1):
        expected[d - 1 :: d] += f[d - 1] * g[: n // d]
    assert np.array_equal(convolve_dirichlet(f, g), expected)


def test_fractions_floats_and_sympy():
    f = [Fraction(1, 2), Fraction(1, 3), Fraction(-1, 5), 2]
    g = [1, Fraction(2, 7), 3, Fraction(1, 9)]
    out = convolve_dirichlet(f, g)
    assert out.dtype == object and out.tolist() == brute(f, g, 4)
    floats = convolve_dirichlet([0.5, 1.5, 2.0], [2.0, 1.0, 0.25])
    np.testing.assert_allclose(floats, brute([0.5, 1.5, 2.0], [2.0, 1.0, 0.25], 3))
    x = sympy.Symbol("x")
    assert sympy.expand(convolve_dirichlet([x, x], [1, x])[1] - (x**2 + x)) == 0


def test_empty_and_length_one():
    assert convolve_dirichlet([], [1, 2]).tolist() == []
    assert convolve_dirichlet([3], [4, 5]).tolist() == [12]


@pytest.mark.parametrize(
    "f, g, error, match",
    [
        ([[1, 2]], [1, 2], ac.StructureMismatch, r"shape \(1, 2\)"),
        ([1, 2], "ab", ac.InvalidType, "g="),
        ([True, False], [1, 2], ac.InvalidType, "bool"),
    ],
)
def test_bad_arguments(f, g, error, match):
    with pytest.raises(error, match=match):
        convolve_dirichlet(f, g)


@st.composite
def multiplicative_functions(draw):
    if draw(st.booleans()):
        start = draw(st.integers(1, 6))
        values = draw(st.lists(st.integers(-50, 50), min_size=0, max_size=12))
        return ac.Function.from_array(values, over=M, start=start)
    keys = draw(st.lists(st.integers(1, 40), max_size=6, unique=True))
    return ac.Function({k: draw(st.integers(-50, 50)) for k in keys}, over=M)


@settings(max_examples=40, deadline=None)
@given(f=multiplicative_functions(), g=multiplicative_functions(),
       scale=st.sampled_from([1, Fraction(1, 3), 0.5, 1 - 2j]))
def test_engine_agrees_with_direct(f, g, scale):
    f = scale * f
    fast, direct = ac.convolve(f, g, method="dirichlet"), ac.convolve(f, g, method="direct")
    assert fast.isclose(direct) if isinstance(scale, (float, complex)) else fast == direct


def test_engine_chosen_for_long_dense_functions():
    f = ac.Function.from_array(np.arange(1, 301), over=M)
    assert ac.choose_method(f, f).method == "dirichlet"
    h = f * f
    assert h(12) == sum(d * (12 // d) for d in range(1, 13) if 12 % d == 0)
    assert h(300 * 300) == 300 * 300 and h.start == 1


def test_full_product_offsets():
    # f = delta_2 + 3 delta_3, g = delta_5 - delta_6: products 10, 12, 15, 18
    out = full_product(np.array([1, 3]), 2, np.array([1, -1]), 5)
    assert out.tolist() == [1, 0, -1, 0, 0, 3, 0, 0, -3]


def test_huge_function_product_refused_by_memory_guard():
    one = ac.Function.from_array(np.ones(10**5, dtype=np.int64), over=M)
    with pytest.raises(ac.InvalidArgument, match=r"dirichlet: it would need about .*GiB"):
        one * one
    with ac.config.limit_memory(1024):
        small = ac.Function.from_array(np.ones(30, dtype=np.int64), over=M)
        with pytest.raises(ac.InvalidArgument, match="memory_limit"):
            ac.convolve(small, small, method="dirichlet")
