"""The separable engine: a rank-1 operand on Z^d as one direct pass per axis, checked
against the direct sum (exact values) and scipy.signal.convolve (floats)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import scipy.signal

import algconv as ac
from algconv.engines import ENGINES


def brute(a, b):
    """The full 2-D convolution by its definition, as Python numbers."""
    (m, n), (p, q) = a.shape, b.shape
    out = np.zeros((m + p - 1, n + q - 1), dtype=object)
    for i in range(m):
        for j in range(n):
            for k in range(p):
                for l in range(q):
                    out[i + k, j + l] += a[i, j] * b[k, l]
    return out


@pytest.mark.parametrize("seed", range(4))
def test_exact_ints_equal_the_defining_sum(seed):
    rng = np.random.default_rng(seed)
    a = rng.integers(-2**40, 2**40, (9, 7))
    kernel = np.outer(rng.integers(-50, 50, 4), rng.integers(-50, 50, 3))
    for x, y in ((a, kernel), (kernel, a)):
        ours = ac.convolve(x, y, method="separable")
        assert np.array_equal(ours.astype(object), brute(x.astype(object), y.astype(object)))


def test_big_ints_and_fractions_stay_exact():
    a = np.array([[2**62, -3], [5, 2**61]], dtype=object)
    kernel = np.array([[Fraction(1, 3), Fraction(2, 3)], [Fraction(1, 2), 1]], dtype=object)
    ours = ac.convolve(a, kernel, method="separable")
    assert np.array_equal(ours, brute(a, kernel))
    assert all(type(v) in (int, Fraction) for v in ours.flat)


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_floats_equal_scipy(mode):
    rng = np.random.default_rng(7)
    image = rng.standard_normal((60, 50))
    g = np.exp(-np.linspace(-2, 2, 7) ** 2)
    kernel = np.outer(g, g[:5])
    ours = ac.convolve(image, kernel, mode, method="separable")
    assert np.allclose(ours, scipy.signal.convolve(image, kernel, mode), rtol=1e-12, atol=1e-12)
    assert ours.dtype == np.float64


def test_three_dimensions():
    rng = np.random.default_rng(8)
    a = rng.integers(-9, 9, (5, 6, 4))
    kernel = np.multiply.outer(np.outer([1, 2, 1], [1, -1]), [3, 0, 2, 1])
    ours = ac.convolve(a, kernel, method="separable")
    assert np.array_equal(ours, ac.convolve(a, kernel, method="direct"))


def test_auto_takes_it_for_a_box_on_a_large_image():
    image = np.random.default_rng(9).standard_normal((512, 512))
    box = np.ones((5, 5)) / 25
    assert ac.choose_method(image, box, "same").method == "separable"
    assert np.allclose(ac.convolve(image, box, "same"), scipy.signal.convolve(image, box, "same"))


@pytest.mark.parametrize("a, b, match", [
    (np.eye(4), np.array([[1.0, 2.0], [3.0, 4.0]]), "rank 1"),
    (np.ones(8), np.ones(3), "Z\\^d with d >= 2"),
    (np.ones((4, 4)) + 1j, np.ones((2, 2)), "complex"),
])
def test_does_not_apply(a, b, match):
    with pytest.raises(ac.MethodNotApplicable, match=match):
        ac.convolve(a, b, method="separable")


def test_values_not_finite_go_to_the_direct_sum():
    a = np.ones((4, 4))
    a[1, 1] = np.inf
    kernel = np.outer([1.0, 0.0], [1.0, 1.0])
    with pytest.raises(ac.MethodNotApplicable, match="inf or NaN"):
        ac.convolve(a, kernel, method="separable")
    assert ac.choose_method(a, kernel).method != "separable"
    assert ENGINES["separable"].exact
