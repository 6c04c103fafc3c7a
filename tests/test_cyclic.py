"""ac.convolve_cyclic against brute force over Z/n, and with period= against sympy's cycle=."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.discrete.convolutions import convolution as sympy_convolution

import algconv as ac


def brute(f, g):
    n = len(f)
    return [sum(f[a] * g[(c - a) % n] for a in range(n)) for c in range(n)]


@pytest.mark.parametrize("n", [1, 2, 3, 8, 17, 300])
def test_matches_brute_force(n):
    rng = np.random.default_rng(n)
    f, g = rng.integers(-50, 50, n), rng.integers(-50, 50, n)
    assert list(ac.convolve_cyclic(f, g)) == brute(f.tolist(), g.tolist())
    x, y = rng.standard_normal(n), rng.standard_normal(n)
    np.testing.assert_allclose(ac.convolve_cyclic(x, y), brute(x, y), atol=1e-9)
    np.testing.assert_allclose(ac.convolve_cyclic(x, y, method="fft"), brute(x, y), atol=1e-9)


def test_exact_big_and_fraction_values():
    f = [2**62, -(2**62), 3]
    g = [2**62, 1, Fraction(1, 3)]
    assert list(ac.convolve_cyclic(f, g)) == brute(f, g)
    big = np.arange(2000, dtype=np.int64) * 2**50
    assert list(ac.convolve_cyclic(big, big, method="exact")) == brute(big.tolist(),
                                                                      big.tolist())


def test_nd_is_circular_along_every_axis():
    rng = np.random.default_rng(0)
    f, g = rng.integers(-5, 5, (3, 4)), rng.integers(-5, 5, (3, 4))
    expected = np.zeros((3, 4), dtype=int)
    for i in np.ndindex(3, 4):
        for j in np.ndindex(3, 4):
            expected[(i[0] + j[0]) % 3, (i[1] + j[1]) % 4] += f[i] * g[j]
    assert np.array_equal(ac.convolve_cyclic(f, g), expected)


@pytest.mark.parametrize("f, g, error, match", [
    ([1, 2, 3], [1, 2], ac.StructureMismatch, "equal shapes"),
    ([], [], ac.InvalidArgument, "n >= 1"),
    (1, 2, ac.InvalidArgument, "n >= 1"),
    (["a"], [1], ac.InvalidType, "f"),
])
def test_bad_arguments(f, g, error, match):
    with pytest.raises(error, match=match):
        ac.convolve_cyclic(f, g)


# --- period=n: inputs of any lengths wrapped onto Z/n, as sympy's convolution(cycle=n) --------

_exact_values = st.integers(-(2**70), 2**70) | st.fractions(max_denominator=9)


@settings(max_examples=50, deadline=None, derandomize=True)
@given(f=st.lists(_exact_values, min_size=1, max_size=12),
       g=st.lists(_exact_values, min_size=1, max_size=12), n=st.integers(1, 30))
def test_period_equals_sympy_cycle(f, g, n):
    # n ranges past both lengths (sympy's sum over ls[i::n] is 0 there); sympy's exact path
    # wants Python ints and its own Rationals (Fractions and sympy Integers go through floats)
    rationals = [[int(v) if v.denominator == 1 else sympy.Rational(v.numerator, v.denominator)
                  for v in map(Fraction, x)] for x in (f, g)]
    want = sympy_convolution(*rationals, cycle=n)
    got = ac.convolve_cyclic(f, g, period=n)
    assert len(got) == n
    assert [sympy.Rational(v.numerator, v.denominator) for v in map(Fraction, got.tolist())] \
        == want
    assert not any(isinstance(v, float) for v in got.tolist())


@pytest.mark.parametrize("lf, lg, n", [(5, 3, 3), (3, 5, 2), (7, 7, 7), (2, 3, 10), (1, 1, 1),
                                       (40, 9, 4)])
def test_period_floats_and_methods_against_brute_force(lf, lg, n):
    rng = np.random.default_rng(lf * 100 + lg * 10 + n)
    f, g = rng.standard_normal(lf), rng.standard_normal(lg)
    want = np.zeros(n)
    for a in range(lf):
        for b in range(lg):
            want[(a + b) % n] += f[a] * g[b]
    for method in ("auto", "direct", "fft"):
        np.testing.assert_allclose(ac.convolve_cyclic(f, g, period=n, method=method), want,
                                   atol=1e-12)


def test_period_of_equal_lengths_is_the_plain_cyclic_convolution():
    f, g = [1, 2, 3, 4], [0, 1, 5, 2]
    assert ac.convolve_cyclic(f, g, period=4).tolist() == ac.convolve_cyclic(f, g).tolist()


def test_period_wrapping_never_overflows_int64():
    f = np.full(10, 2**62, dtype=np.int64)  # folds onto Z/2 as sums of 5 * 2**62
    got = ac.convolve_cyclic(f, [1], period=2)
    assert got.tolist() == [5 * 2**62, 5 * 2**62]


@pytest.mark.parametrize("period, error, match", [
    (0, ac.InvalidArgument, "period=0"),
    (-3, ac.InvalidArgument, "period=-3"),
    (2.0, ac.InvalidType, "period=2.0"),
    ("3", ac.InvalidType, "period='3'"),
    (True, ac.InvalidType, "period=True"),
])
def test_bad_period(period, error, match):
    with pytest.raises(error, match=match):
        ac.convolve_cyclic([1, 2], [3], period=period)


def test_period_with_nd_arrays_is_refused():
    with pytest.raises(ac.StructureMismatch, match=r"shape \(2, 2\)"):
        ac.convolve_cyclic(np.ones((2, 2)), np.ones((2, 2)), period=2)
