"""ac.filter against scipy.ndimage.convolve and an index-by-index reference."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
import scipy.ndimage
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.filtering import BOUNDARIES

NDIMAGE_MODE = {"fill": "constant", "wrap": "wrap", "reflect": "reflect", "mirror": "mirror",
                "nearest": "nearest"}


def extend(i: int, n: int, boundary: str):
    """Where index ``i`` of a length-``n`` axis reads from (None: the fill value)."""
    if 0 <= i < n:
        return i
    if boundary == "fill":
        return None
    if boundary == "wrap":
        return i % n
    if boundary == "nearest":
        return min(max(i, 0), n - 1)
    if boundary == "reflect":  # d c b a | a b c d | d c b a: period 2n
        j = i % (2 * n)
        return j if j < n else 2 * n - 1 - j
    if n == 1:  # mirror of one sample
        return 0
    j = i % (2 * n - 2)  # d c b | a b c d | c b a: period 2n - 2
    return j if j < n else 2 * n - 2 - j


def reference(image, kernel, boundary, fill, origin=None):
    """out[i] = sum_j K[j] E[i - j + k // 2 + origin], with Python arithmetic."""
    image, kernel = np.asarray(image, dtype=object), np.asarray(kernel, dtype=object)
    origin = origin or (0,) * image.ndim
    out = np.zeros(image.shape, dtype=object)
    for i in np.ndindex(image.shape):
        total = 0
        for j in np.ndindex(kernel.shape):
            src = [extend(a - b + k // 2 + o, n, boundary)
                   for a, b, k, n, o in zip(i, j, kernel.shape, image.shape, origin)]
            value = fill if None in src else image[tuple(src)]
            total += kernel[j] * value
        out[i] = total
    return out


@st.composite
def image_kernel(draw):
    ndim = draw(st.integers(1, 3))
    top = 7 if ndim < 3 else 4
    image = tuple(draw(st.integers(1, top)) for _ in range(ndim))
    kernel = tuple(draw(st.integers(1, top)) for _ in range(ndim))
    return image, kernel


@settings(max_examples=50, deadline=None)
@given(image_kernel(), st.sampled_from(sorted(BOUNDARIES)), st.integers(0, 2**32 - 1))
def test_floats_equal_ndimage(shapes, boundary, seed):
    rng = np.random.default_rng(seed)
    image, kernel = rng.standard_normal(shapes[0]), rng.standard_normal(shapes[1])
    expected = scipy.ndimage.convolve(image, kernel, mode=NDIMAGE_MODE[boundary], cval=0.25)
    got = ac.filter(image, kernel, boundary=boundary, fillvalue=0.25)
    assert got.shape == image.shape and got.dtype == expected.dtype
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)


@settings(max_examples=40, deadline=None)
@given(image_kernel(), st.sampled_from(sorted(BOUNDARIES)), st.integers(0, 2**32 - 1))
def test_integers_exact_against_reference(shapes, boundary, seed):
    rng = np.random.default_rng(seed)
    image = rng.integers(-(2**62), 2**62, size=shapes[0], dtype=np.int64)
    kernel = rng.integers(-(2**40), 2**40, size=shapes[1], dtype=np.int64)
    got = ac.filter(image, kernel, boundary=boundary, fillvalue=3)
    assert list(got.flat) == list(reference(image, kernel, boundary, 3).flat)


@pytest.mark.parametrize("boundary", sorted(BOUNDARIES))
@pytest.mark.parametrize("shapes", [((9,), (4,)), ((5, 6), (3, 2)), ((4, 3, 5), (2, 3, 2)),
                                    ((3,), (8,)), ((2, 2), (5, 4)), ((1,), (3,))])
def test_reference_agrees_with_ndimage(boundary, shapes):
    """The test's own index arithmetic is scipy.ndimage's: the centring and boundaries."""
    rng = np.random.default_rng(3)
    image, kernel = rng.integers(-9, 9, shapes[0]), rng.integers(-9, 9, shapes[1])
    expected = scipy.ndimage.convolve(image.astype(float), kernel.astype(float),
                                      mode=NDIMAGE_MODE[boundary], cval=2.0)
    assert np.array_equal(reference(image, kernel, boundary, 2).astype(float), expected)
    assert np.array_equal(ac.filter(image, kernel, boundary, fillvalue=2), expected)


def test_small_int_dtypes_do_not_wrap():
    image = np.full((4, 4), 100, dtype=np.int8)
    kernel = np.ones((3, 3), dtype=np.int8)
    got = ac.filter(image, kernel, boundary="nearest")
    assert (got == 900).all()
    assert (scipy.ndimage.convolve(image, kernel, mode="nearest") != 900).all()  # it wraps


def test_fractions_and_complex():
    image = np.array([Fraction(1, 2), Fraction(1, 3), 1], dtype=object)
    kernel = np.array([Fraction(1, 4), Fraction(1, 2), Fraction(1, 4)], dtype=object)
    for boundary in BOUNDARIES:
        got = ac.filter(image, kernel, boundary, fillvalue=Fraction(1, 7))
        assert list(got) == list(reference(image, kernel, boundary, Fraction(1, 7)))
    z = np.array([1 + 2j, 3, -1j, 0.5])
    k = np.array([1j, 2, 0.5])
    got = ac.filter(z, k, "fill", fillvalue=1 - 1j)
    np.testing.assert_allclose(got, reference(z, k, "fill", 1 - 1j).astype(complex))
    np.testing.assert_allclose(ac.filter(z, k, "mirror"),
                               scipy.ndimage.convolve(z, k, mode="mirror"))


@pytest.mark.parametrize("boundary", sorted(BOUNDARIES))
def test_large_kernels_take_the_fft_path_and_agree(boundary):
    rng = np.random.default_rng(4)
    image, kernel = rng.standard_normal((120, 90)), rng.standard_normal((31, 30))
    expected = scipy.ndimage.convolve(image, kernel, mode=NDIMAGE_MODE[boundary], cval=-1.5)
    got = ac.filter(image, kernel, boundary, fillvalue=-1.5)
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-9)
    f32 = ac.filter(image.astype(np.float32), kernel, boundary)
    assert f32.dtype == np.float32


def test_empty_image():
    assert ac.filter(np.zeros((0, 3)), np.ones((2, 2))).shape == (0, 3)


@pytest.mark.parametrize("args, error, match", [
    (([1, 2], [1], "zero"), ac.InvalidArgument, "boundary='zero'"),
    (([1, 2], [[1]]), ac.StructureMismatch, "same number of dimensions"),
    (([1, 2], []), ac.InvalidArgument, "non-empty kernel"),
    ((3, 4), ac.InvalidArgument, "0-dimensional"),
    (([True, False], [True], "fill", 2), ac.InvalidArgument, "fillvalue=2"),
    (([1, 2], [1], "fill", "x"), ac.InvalidType, "fillvalue"),
    (([1, 2, 3], [1, 1, 1], "fill", 0, 2), ac.InvalidArgument, "origin=2"),
    (([1, 2], [1], 3), ac.InvalidType, "boundary"),
])
def test_bad_arguments(args, error, match):
    with pytest.raises(error, match=match):
        if len(args) == 5:
            ac.filter(*args[:4], origin=args[4])
        else:
            ac.filter(*args)


def test_boundary_examples_from_the_design():
    x = [1, 2, 3, 4]  # a b c d
    k = [0, 0, 0, 0, 0, 0, 1]  # picks E[i - 3]: three samples to the left
    assert list(ac.filter(x, k, "reflect")) == [3, 2, 1, 1]  # d c b a | a b c d
    assert list(ac.filter(x, k, "mirror")) == [4, 3, 2, 1]  # d c b | a b c d
    assert list(ac.filter(x, k, "wrap")) == [2, 3, 4, 1]
    assert list(ac.filter(x, k, "nearest")) == [1, 1, 1, 1]
    assert list(ac.filter(x, k, "fill", fillvalue=9)) == [9, 9, 9, 1]
    assert list(itertools.islice(ac.filter(x, [1, 0, 0], "fill"), 4)) == [2, 3, 4, 0]


# --- origin, axes, ndimage's names, bools (issue 15.3, 15.2, 15.4) ------------------------------


@settings(max_examples=40, deadline=None)
@given(image_kernel(), st.sampled_from(sorted(BOUNDARIES)), st.integers(0, 2**32 - 1),
       st.data())
def test_origin_exact_against_reference(shapes, boundary, seed, data):
    rng = np.random.default_rng(seed)
    image = rng.integers(-(2**62), 2**62, size=shapes[0], dtype=np.int64)
    kernel = rng.integers(-(2**40), 2**40, size=shapes[1], dtype=np.int64)
    origin = tuple(data.draw(st.integers(-(k // 2), (k - 1) // 2)) for k in shapes[1])
    got = ac.filter(image, kernel, boundary, fillvalue=-7, origin=origin)
    assert got.tolist() == reference(image, kernel, boundary, -7, origin).tolist()


@settings(max_examples=40, deadline=None)
@given(image_kernel(), st.sampled_from(sorted(BOUNDARIES)), st.integers(0, 2**32 - 1),
       st.data())
def test_origin_floats_equal_ndimage(shapes, boundary, seed, data):
    rng = np.random.default_rng(seed)
    image, kernel = rng.standard_normal(shapes[0]), rng.standard_normal(shapes[1])
    origin = [data.draw(st.integers(-(k // 2), (k - 1) // 2)) for k in shapes[1]]
    one = origin[0] if len(set(origin)) == 1 else origin  # an int applies to every axis
    expected = scipy.ndimage.convolve(image, kernel, mode=NDIMAGE_MODE[boundary], cval=0.25,
                                      origin=one)
    got = ac.filter(image, kernel, boundary, 0.25, origin=one)
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_origin_range_is_ndimage_range(k):
    image, kernel = np.arange(6.0), np.arange(1.0, k + 1)
    for origin in range(-4, 5):
        try:
            scipy.ndimage.convolve(image, kernel, origin=origin)
            ndimage_accepts = True
        except ValueError:
            ndimage_accepts = False
        if ndimage_accepts:
            ac.filter(image, kernel, origin=origin)
        else:
            with pytest.raises(ac.InvalidArgument, match=f"origin={origin}"):
                ac.filter(image, kernel, origin=origin)


def test_origin_arguments_refused():
    with pytest.raises(ac.InvalidType, match="origin=1.0"):
        ac.filter([1, 2, 3], [1, 1], origin=1.0)
    with pytest.raises(ac.InvalidArgument, match=r"origin=\[0, 0\]"):
        ac.filter([1, 2, 3], [1, 1], origin=[0, 0])
    with pytest.raises(ac.InvalidType, match="origin=True"):
        ac.filter([1, 2, 3], [1, 1], origin=[True])


def test_axes_rgb_image_filters_each_channel():
    rng = np.random.default_rng(5)
    rgb = rng.integers(-50, 50, size=(6, 7, 3))
    kernel = rng.integers(-3, 4, size=(3, 2))
    got = ac.filter(rgb, kernel, "reflect", axes=(0, 1))
    for c in range(3):  # each channel alone, by the index-by-index reference
        assert got[..., c].tolist() == reference(rgb[..., c], kernel, "reflect", 0).tolist()
    expected = scipy.ndimage.convolve(rgb.astype(float), kernel.astype(float), mode="reflect",
                                      axes=(0, 1))
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("axes, kshape, origin", [
    ((1, 0), (3, 2), (0, -1)), ((2, 0), (2, 4), [1, 0]), ((-1,), (3,), 1), (1, (4,), -2),
    ((0, 1, 2), (2, 3, 2), (-1, 1, 0)),
])
@pytest.mark.parametrize("boundary", sorted(BOUNDARIES))
def test_axes_and_origin_equal_ndimage(axes, kshape, origin, boundary):
    # ndimage puts the kernel's axes on the sorted axes and the origins in the order of axes
    rng = np.random.default_rng(6)
    image, kernel = rng.standard_normal((5, 6, 4)), rng.standard_normal(kshape)
    expected = scipy.ndimage.convolve(image, kernel, mode=NDIMAGE_MODE[boundary], cval=0.5,
                                      origin=origin, axes=axes)
    got = ac.filter(image, kernel, boundary, 0.5, origin=origin, axes=axes)
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)


def test_axes_refused():
    with pytest.raises(ac.StructureMismatch, match="one dimension per axis"):
        ac.filter(np.ones((3, 3, 3)), np.ones((2, 2)), axes=0)
    with pytest.raises(ac.InvalidArgument, match="out of range"):
        ac.filter(np.ones((3, 3)), np.ones(2), axes=2)
    with pytest.raises(ac.InvalidArgument, match="distinct"):
        ac.filter(np.ones((3, 3)), np.ones((2, 2)), axes=(1, -1))


def test_constant_is_fill():
    x, k = [3, 1, 4, 1, 5], [1, 2, 3]
    assert ac.filter(x, k, "constant", 2).tolist() == ac.filter(x, k, "fill", 2).tolist()
    assert ac.filter(x, k, "constant", 2).tolist() == reference(x, k, "fill", 2).tolist()


@settings(max_examples=40, deadline=None)
@given(image_kernel(), st.sampled_from(sorted(BOUNDARIES)), st.booleans(),
       st.integers(0, 2**32 - 1))
def test_bools_are_the_boolean_semiring(shapes, boundary, fill, seed):
    rng = np.random.default_rng(seed)
    image, kernel = rng.random(shapes[0]) < 0.3, rng.random(shapes[1]) < 0.4
    got = ac.filter(image, kernel, boundary, fill)
    assert got.dtype == bool
    counts = reference(image.astype(int), kernel.astype(int), boundary, int(fill))
    np.testing.assert_array_equal(got, counts > 0)  # or of ands: some True pair meets
    expected = scipy.ndimage.convolve(image, kernel, mode=NDIMAGE_MODE[boundary], cval=fill)
    np.testing.assert_array_equal(got, expected)


def test_bool_beside_numbers_counts_true_as_one():
    got = ac.filter(np.array([True, False, True]), [1, -1, 2])
    assert got.tolist() == reference([1, 0, 1], [1, -1, 2], "fill", 0).tolist()


def test_inf_and_nan_where_the_direct_sum_puts_them_with_and_without_zero_weights(monkeypatch):
    """ndimage skips zero weights: it may be used on values that are not finite only when
    the kernel has none (then every pair is summed as the direct sum sums it); the same
    for the 1-D passes of a separable kernel."""
    from algconv.engines import ndimage as engine

    passes = []
    real = engine.separable_ndimage
    monkeypatch.setattr(engine, "separable_ndimage", lambda *a: passes.append(1) or real(*a))
    rng = np.random.default_rng(17)
    size = 300
    image = rng.random((size, size))
    image[10, 10], image[11, 11], image[20, 20], image[30, 30] = np.inf, -np.inf, -np.inf, np.nan
    g = np.hanning(11)[1:-1]
    for kernel in (np.ones((3, 3)), np.array([[1.0, 0, 1], [1, 1, 1], [1, 1, 1]]),
                   rng.random((5, 5)) + 0.1, np.outer(g, g)):
        n = kernel.shape[0]
        padded = np.pad(image, n // 2)
        truth = np.zeros_like(image)
        with np.errstate(invalid="ignore"):  # every product, summed: the direct sum
            for a in range(n):
                for b in range(n):
                    truth += kernel[n - 1 - a, n - 1 - b] * padded[a:a + size, b:b + size]
        zero_weight = not np.all(kernel != 0)
        for method in ("auto", "ndimage"):
            if method == "ndimage" and zero_weight:  # ndimage would skip the inf * 0
                with pytest.raises(ac.MethodNotApplicable, match="skips zero weights"):
                    ac.filter(image, kernel, method=method)
                continue
            ours = ac.filter(image, kernel, method=method)
            assert np.array_equal(np.isnan(ours), np.isnan(truth))
            assert np.array_equal(np.isinf(ours), np.isinf(truth))
            assert np.array_equal(ours[np.isinf(ours)], truth[np.isinf(ours)])
            finite = np.isfinite(ours)
            assert np.allclose(ours[finite], truth[finite])
    assert passes  # the Hann kernel went through the 1-D passes
