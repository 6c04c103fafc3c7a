"""overlap_add_2d: two real 2-D arrays in cache-sized tiles, against scipy's direct sum,
bitwise the same for any number of workers."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv import config
from algconv.engines import fft
from algconv.engines.fft import overlap_add_2d, tile_shape


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(1, 700), cols=st.integers(1, 300), k0=st.integers(1, 90),
       k1=st.integers(1, 40), seed=st.integers(0, 2**16))
def test_tiles_give_the_direct_sum_and_never_depend_on_workers(rows, cols, k0, k1, seed):
    rng = np.random.default_rng(seed)
    a, b = rng.standard_normal((rows, cols)), rng.standard_normal((k0, k1))
    outs = [overlap_add_2d(a, b, workers) for workers in (1, 2, 3)]
    assert all(np.array_equal(outs[0], other) for other in outs[1:])
    truth = scipy.signal.convolve(a, b, method="direct")
    assert outs[0].shape == truth.shape
    scale = np.abs(a).sum() * np.abs(b).max()
    np.testing.assert_allclose(outs[0], truth, rtol=0, atol=1e-12 * scale)


def test_the_smaller_operand_is_the_kernel_either_way():
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((300, 260)), rng.standard_normal((9, 12))
    assert np.array_equal(overlap_add_2d(a, b), overlap_add_2d(b, a))


def test_tiles_two_steps_apart_never_overlap():
    for big, small in (((2048, 2048), (31, 31)), ((5000, 40), (257, 3)), ((10, 10), (10, 10))):
        lengths, steps = tile_shape(big, small)
        for length, step, n, k in zip(lengths, steps, big, small):
            assert length >= step + k - 1  # a tile holds its step's full convolution
            assert length <= 2 * step or n <= step  # strips two apart are disjoint


def test_float32_stays_float32_and_auto_uses_the_tiles(monkeypatch):
    rng = np.random.default_rng(5)
    a, b = rng.standard_normal((600, 500)).astype(np.float32), np.ones((31, 31), np.float32)
    got = ac.convolve(a, b, method="overlap-add")
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, scipy.signal.fftconvolve(a, b), rtol=1e-4, atol=1e-3)
    calls = []
    real = fft.overlap_add_2d
    monkeypatch.setattr(fft, "overlap_add_2d", lambda *x: calls.append(1) or real(*x))
    big = rng.standard_normal((2048, 2048))
    assert ac.choose_method(big, rng.standard_normal((31, 31))).method == "overlap-add"
    ac.convolve(a.astype(np.float64), rng.standard_normal((31, 31)), method="overlap-add")
    assert calls


def test_complex_and_3d_keep_oaconvolve():
    rng = np.random.default_rng(6)
    a = rng.standard_normal((40, 30)) + 1j * rng.standard_normal((40, 30))
    b = rng.standard_normal((5, 5))
    np.testing.assert_allclose(ac.convolve(a, b, method="overlap-add"),
                               scipy.signal.convolve(a, b, method="direct"), atol=1e-10)
    c = rng.standard_normal((20, 20, 20))
    np.testing.assert_allclose(ac.convolve(c, np.ones((3, 3, 3)), method="overlap-add"),
                               scipy.signal.convolve(c, np.ones((3, 3, 3)), method="direct"),
                               atol=1e-10)


@pytest.mark.parametrize("workers", [1, 2])
def test_convolve_with_forced_overlap_add_under_each_worker_count(workers):
    rng = np.random.default_rng(7)
    a, b = rng.standard_normal((513, 257)), rng.standard_normal((17, 33))
    with config.limit_workers(workers):
        got = ac.convolve(a, b, method="overlap-add")
    assert np.array_equal(got, overlap_add_2d(a, b, 1))
