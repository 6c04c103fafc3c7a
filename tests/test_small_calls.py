"""The fast path for small 1-D float calls (issue 17.4): the same result as the engine
``method='auto'`` picks, and the same validation."""

from __future__ import annotations

import numpy as np
import pytest

import algconv as ac
from algconv import dispatch


@pytest.mark.parametrize("m, n", [(1, 1), (10, 10), (3, 17), (64, 64), (4096, 1), (1, 4096)])
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("dtype", [np.float64, np.complex128])
def test_fast_path_equals_the_general_path(m, n, mode, dtype):
    rng = np.random.default_rng(m * n)
    a = rng.standard_normal(m).astype(dtype)
    b = rng.standard_normal(n).astype(dtype)
    assert dispatch._small_direct(a, b, mode) is not None  # the fast path is taken
    assert ac.choose_method(a, b, mode).method == "direct"  # and auto would pick direct
    fast = ac.convolve(a, b, mode)
    general = ac.convolve(a, b, mode, method="direct")
    assert fast.dtype == general.dtype and np.array_equal(fast, general)
    assert np.allclose(fast, np.convolve(a, b, mode) if mode != "same" or m >= n else fast)


def test_largest_fast_call_is_still_direct_for_auto():
    a, b = np.ones(64), np.ones(dispatch.SMALL_DIRECT_TERMS // 64)
    assert ac.choose_method(a, b).method == "direct"


def test_inf_and_nan_as_the_direct_sum():
    a = np.array([np.inf, 0.0, 1.0])
    out = ac.convolve(a, np.array([1.0, 0.0]))
    assert np.array_equal(out, ac.convolve(a, np.array([1.0, 0.0]), method="direct"),
                          equal_nan=True)


@pytest.mark.parametrize("args, error, match", [
    ((np.ones(3), np.ones(3), "middle"), ac.InvalidArgument, "mode='middle'"),
    ((np.ones(3), np.ones(3), ["full"]), ac.InvalidType, "mode"),
    ((np.ones(3), np.ones(3), "full", "nope"), ac.InvalidArgument, "method='nope'"),
    ((np.ones(3), np.ones((3, 1))), ac.StructureMismatch, "dimensions"),
    ((np.ones(3), np.ones(3), "full", 3), ac.InvalidType, "method"),
])
def test_bad_arguments_still_refused(args, error, match):
    with pytest.raises(error, match=match):
        ac.convolve(*args)


def test_other_inputs_take_the_general_path():
    assert dispatch._small_direct([1.0, 2.0], np.ones(2), "full") is None  # a list
    assert dispatch._small_direct(np.ones(2, np.float32), np.ones(2, np.float32), "full") is None
    assert dispatch._small_direct(np.ones(2), np.ones(2, complex), "full") is None
    assert dispatch._small_direct(np.ones(100), np.ones(100), "full") is None  # 1e4 products
    assert ac.convolve(np.ones(2, np.float32), np.ones(2, np.float32)).dtype == np.float32
