"""The ``stencil`` engine: ``ac.filter(..., method='stencil')`` against the index-by-index
reference of tests/test_filtering.py, where scipy.ndimage may not run (zero weights
beside inf, kernels longer than the image, nonfinite fills), bitwise across workers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv import _stencil
from algconv.engines import ENGINES
from tests.test_filtering import BOUNDARIES, image_kernel, reference


@settings(max_examples=40, deadline=None)
@given(image_kernel(), st.sampled_from(sorted(BOUNDARIES)), st.integers(0, 2**32 - 1),
       st.sampled_from([np.float64, np.float32, np.complex128]))
def test_equals_the_reference_sum(shapes, boundary, seed, dtype):
    rng = np.random.default_rng(seed)
    image = rng.standard_normal(shapes[0]).astype(dtype)
    kernel = rng.standard_normal(shapes[1])
    origin = [int(rng.integers(-(k // 2), (k - 1) // 2 + 1)) for k in shapes[1]]
    got = ac.filter(image, kernel, boundary, 0.25, origin=origin, method="stencil")
    work = np.complex128 if dtype is np.complex128 else np.float64
    truth = np.array(reference(image.astype(work), kernel, boundary, 0.25, origin).tolist(),
                     dtype=work).reshape(image.shape)
    assert got.dtype == np.dtype(dtype) and got.shape == image.shape
    tol = 1e-5 if dtype is np.float32 else 1e-10
    np.testing.assert_allclose(got.astype(truth.dtype), truth, rtol=tol, atol=tol)


def test_applies_where_ndimage_may_not():
    """Zero weights beside inf, a kernel longer than the image, an inf fill: stencil
    multiplies every weight, as the direct sum does."""
    image = np.ones((6, 5))
    image[2, 2] = np.inf
    kernel = np.array([[0.0, 1.0, 2.0]] * 9)  # longer than the image, zero weights
    for fill in (0.5, np.inf):
        got = ac.filter(image, kernel, "fill", fill, method="stencil")
        truth = ac.filter(image, kernel, "fill", fill, method="direct")
        np.testing.assert_array_equal(np.isnan(got), np.isnan(truth))
        np.testing.assert_array_equal(got[np.isfinite(truth)], truth[np.isfinite(truth)])
        with pytest.raises(ac.MethodNotApplicable):
            ac.filter(image, kernel, "fill", fill, method="ndimage")


def test_bitwise_identical_for_any_worker_count():
    rng = np.random.default_rng(8)
    image = rng.standard_normal((600, 410)).astype(np.float32)
    outs = []
    for workers in (1, 2, 3):
        with ac.config.limit_workers(workers):
            outs.append(ac.filter(image, np.arange(49.0).reshape(7, 7) / 49, "reflect",
                                  method="stencil"))
    assert all(np.array_equal(outs[0], o) for o in outs[1:])


@pytest.mark.parametrize("image, kwargs, match", [
    (np.arange(12).reshape(3, 4), {}, "float32/64"),
    (np.ones((3, 4), dtype=np.float16), {}, "float32/64"),
    (np.ones((3, 4)), {"semiring": ac.semirings.MaxPlus()}, "ordinary sum and product"),
])
def test_refuses(image, kwargs, match):
    with pytest.raises(ac.MethodNotApplicable, match=match):  # an int kernel with ints
        ac.filter(image, np.ones((2, 2), dtype=image.dtype), method="stencil", **kwargs)
    with pytest.raises(ac.MethodNotApplicable, match="filters images"):
        ac.convolve(np.ones((3, 3)), np.ones((2, 2)), method="stencil")


def test_auto_picks_it_for_a_mid_sized_float_filter(monkeypatch):
    calls = []
    real = _stencil.stencil_filter
    monkeypatch.setattr("algconv.engines.stencil.stencil_filter",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    image = np.random.default_rng(9).standard_normal((512, 512))
    with ac.config.limit_workers(2):
        ac.filter(image, np.ones((7, 7)), "reflect")
    assert calls
    assert ENGINES["stencil"].windows and not ENGINES["stencil"].exact
