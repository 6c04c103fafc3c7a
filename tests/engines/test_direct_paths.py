"""The direct engine's N-D shifted adds (float, complex, int64, Python int) against brute force."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.engines.direct import lattice_direct


def brute(a, b):
    a, b = np.asarray(a), np.asarray(b)
    dtype = object if object in (a.dtype, b.dtype) or a.dtype.kind in "iu" else complex
    out = np.zeros(tuple(m + n - 1 for m, n in zip(a.shape, b.shape)), dtype=dtype)
    for i in np.ndindex(a.shape):
        for j in np.ndindex(b.shape):
            out[tuple(x + y for x, y in zip(i, j))] += (int(a[i]) * int(b[j]) if dtype is object
                                                        else a[i] * b[j])
    return out


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 3), st.integers(0, 2**32 - 1), st.sampled_from(["float", "complex"]))
def test_nd_floats_and_complex(ndim, seed, kind):
    rng = np.random.default_rng(seed)
    sa = tuple(rng.integers(1, 6, ndim))
    sb = tuple(rng.integers(1, 6, ndim))
    a = rng.standard_normal(sa)
    b = rng.standard_normal(sb) + (1j * rng.standard_normal(sb) if kind == "complex" else 0)
    np.testing.assert_allclose(lattice_direct(a, b), brute(a, b), atol=1e-12)
    np.testing.assert_allclose(lattice_direct(b, a), brute(a, b), atol=1e-12)


@pytest.mark.parametrize("top", [3, 2**20, 2**25, 2**26, 2**40, 2**62])
def test_nd_ints_exact_on_both_sides_of_the_float_bound(top):
    rng = np.random.default_rng(top % 1000)
    a = rng.integers(-top, top, size=(4, 3), dtype=np.int64)
    b = rng.integers(-top, top, size=(2, 3), dtype=np.int64)
    a[0, 0], b[0, 0] = top - 1, top - 1
    got = ac.convolve(a, b, method="direct")
    assert [int(x) for x in got.flat] == list(brute(a, b).flat)
    bound = (top - 1) ** 2 * 6  # max|a| max|b| min(size): what exact_pair checks
    assert got.dtype == (np.int64 if bound <= 2**63 - 1 else object)
