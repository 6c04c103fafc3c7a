"""ac.convolve_cyclic against brute force over Z/n."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

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
