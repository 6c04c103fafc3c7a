"""``filter`` asks the engine registry: ``method=`` names any engine that can filter the
input (engines with windows natively, the others on the extended image) or raises
``MethodNotApplicable``; ``'auto'`` picks among the same engines."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import scipy.ndimage
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.engines import ENGINES
from tests.test_filtering import BOUNDARIES, image_kernel, reference

#: engines that can filter float images on Z^d (2-D): natively or on the extended image
FLOAT_2D = ("direct", "fft", "overlap-add", "ndimage", "stencil")
#: engines that filter int images exactly
EXACT_2D = ("direct", "exact")


@settings(max_examples=40, deadline=None)
@given(shapes=image_kernel(), boundary=st.sampled_from(sorted(BOUNDARIES)),
       seed=st.integers(0, 2**16))
def test_every_named_engine_gives_the_brute_force_sum_on_ints(shapes, boundary, seed):
    image_shape, kernel_shape = shapes
    rng = np.random.default_rng(seed)
    image = rng.integers(-50, 50, image_shape)
    kernel = rng.integers(-5, 5, kernel_shape)
    truth = reference(image, kernel, boundary, 3)
    for method in ("direct", "exact", "auto"):
        got = ac.filter(image, kernel, boundary, 3, method=method)
        assert got.dtype == np.int64
        assert got.tolist() == truth.tolist(), method


@pytest.mark.parametrize("method", FLOAT_2D)
@pytest.mark.parametrize("boundary", ["fill", "reflect", "mirror", "wrap", "nearest"])
def test_float_engines_agree_with_ndimage(method, boundary):
    rng = np.random.default_rng(len(method) + len(boundary))
    image = rng.standard_normal((40, 33))
    kernel = rng.standard_normal((5, 4))
    mode = "constant" if boundary == "fill" else boundary
    peer = scipy.ndimage.convolve(image, kernel, mode=mode, cval=0.5)
    got = ac.filter(image, kernel, boundary, 0.5, method=method)
    assert got.dtype == image.dtype and got.shape == image.shape
    np.testing.assert_allclose(got, peer, rtol=1e-12, atol=1e-12)


def test_float32_image_keeps_its_dtype_with_every_engine():
    image = np.random.default_rng(3).standard_normal((30, 20)).astype(np.float32)
    kernel = np.ones((3, 3)) / 9
    outs = {m: ac.filter(image, kernel, method=m) for m in FLOAT_2D}
    assert {o.dtype for o in outs.values()} == {np.dtype(np.float32)}
    for out in outs.values():
        np.testing.assert_allclose(out, outs["direct"], rtol=1e-6)


def test_fractions_stay_exact_through_a_named_engine():
    image = np.array([[Fraction(1, 3), 2], [3, Fraction(-1, 7)]], dtype=object)
    kernel = np.array([[1, Fraction(1, 2)]], dtype=object)
    got = ac.filter(image, kernel, "nearest", method="direct")
    assert got.tolist() == reference(image, kernel, "nearest", 0).tolist()
    assert all(isinstance(v, (int, Fraction)) for v in got.flat)


@pytest.mark.parametrize("method, image, match", [
    ("ndimage", np.arange(6).reshape(2, 3), "float32/64"),  # ints: exact engines only
    ("fft", np.arange(6).reshape(2, 3), "exact"),
    ("exact", np.ones((2, 3)), "int or Fraction"),
    ("table", np.ones((2, 3)), "finite"),
    ("xor", np.ones((2, 3)), "Boolean"),
])
def test_an_engine_that_cannot_filter_the_input_is_refused(method, image, match):
    kernel = np.ones((2, 2), dtype=image.dtype)
    with pytest.raises(ac.MethodNotApplicable, match=match):
        ac.filter(image, kernel, method=method)


def test_ndimage_refuses_where_its_sums_would_differ():
    image = np.ones((4, 4))
    with pytest.raises(ac.MethodNotApplicable, match="longer than the image"):
        ac.filter(image, np.ones((5, 1)), method="ndimage")
    with pytest.raises(ac.MethodNotApplicable, match="drops weights"):
        ac.filter(image, np.array([[1e-17, 1.0]]), method="ndimage")
    with pytest.raises(ac.MethodNotApplicable, match="finite real fill"):
        ac.filter(image, np.ones((2, 2)), fillvalue=np.inf, method="ndimage")
    # auto still answers, by an engine that multiplies every weight
    got = ac.filter(image, np.array([[1e-17, 1.0]]))
    assert got[0, 0] == 1.0 + 1e-17 * 1.0 or got[0, 0] == pytest.approx(1.0)


def test_ndimage_is_only_for_filters():
    with pytest.raises(ac.MethodNotApplicable, match="filters images"):
        ac.convolve(np.ones((3, 3)), np.ones((2, 2)), method="ndimage")


def test_unknown_and_ill_typed_methods():
    with pytest.raises(ac.InvalidArgument, match="'ndimage'"):  # the valid names are listed
        ac.filter(np.ones(4), np.ones(2), method="nope")
    with pytest.raises(ac.InvalidType):
        ac.filter(np.ones(4), np.ones(2), method=3)


def test_tropical_filters_natively_and_the_others_on_the_extended_image():
    S = ac.semirings.MaxPlus()
    rng = np.random.default_rng(5)
    image = rng.integers(-20, 20, (12, 9))
    kernel = rng.integers(-3, 3, (3, 3))
    native = ac.filter(image, kernel, "reflect", semiring=S, method="tropical")
    extended = ac.filter(image, kernel, "reflect", semiring=S, method="direct")
    assert native.tolist() == extended.tolist()
    peer = scipy.ndimage.grey_dilation(image, structure=kernel, mode="reflect")
    assert native.tolist() == peer.tolist()
    with pytest.raises(ac.MethodNotApplicable):
        ac.filter(image, kernel, semiring=S, method="fft")


def test_every_method_name_is_a_registered_engine_or_auto():
    for name in ENGINES:
        try:
            ac.filter(np.ones((3, 3)), np.ones((2, 2)), method=name)
        except ac.MethodNotApplicable:
            pass


def test_dask_filter_passes_method_to_each_chunk():
    da = pytest.importorskip("dask.array")
    image = np.random.default_rng(2).standard_normal((20, 20))
    x = da.from_array(image, chunks=7)
    got = ac.filter(x, np.ones((3, 3)), "reflect", method="direct").compute()
    np.testing.assert_allclose(got, ac.filter(image, np.ones((3, 3)), "reflect"), rtol=1e-12)
    with pytest.raises(ac.MethodNotApplicable):
        ac.filter(da.from_array(np.arange(20).reshape(4, 5), chunks=2), np.ones((2, 2), int),
                  method="fft")
