"""algconv._stencil: the flat shifted multiply-adds against the direct sum on the padded
image (``boundaries.padded`` + one vectorised product per tap, written here), against
scipy.ndimage.convolve where its conventions agree, bitwise across worker counts."""

from __future__ import annotations

from unittest import mock

import numpy as np
import pytest
import scipy.ndimage
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv import _stencil, boundaries, separable
from algconv.errors import InvalidArgument, InvalidType

BOUNDARY_NAMES = ("fill", "wrap", "reflect", "mirror", "nearest")
NDIMAGE_MODE = {"fill": "constant", "wrap": "wrap", "reflect": "reflect", "mirror": "mirror",
                "nearest": "nearest"}
DTYPES = (np.float32, np.float64, np.complex64, np.complex128)


def direct_sum(image, kernel, centres, boundary, fill):
    """``out[i] = sum_t Kf[t] P[i + t]`` on the padded image ``P``, taps in C order of the
    flipped kernel ``Kf``, in float64 / complex128; a real weight scales the real and
    imaginary parts apart (ndimage's convention), then cast to the result dtype."""
    kernel = np.asarray(kernel)
    if image.dtype.kind == "f" and (kernel.dtype.kind == "c" or isinstance(fill, complex)):
        image = image.astype(np.result_type(image.dtype, np.complex64))
    padded = boundaries.padded(image, kernel.shape, centres, boundary,
                               image.dtype.type(fill))
    flipped = kernel[(slice(None, None, -1),) * kernel.ndim]
    work = np.complex128 if image.dtype.kind == "c" else np.float64
    out = np.zeros(image.shape, dtype=work)
    with np.errstate(all="ignore"):
        for t in np.ndindex(kernel.shape):
            x = padded[tuple(slice(a, a + n) for a, n in zip(t, image.shape))].astype(work)
            w = flipped[t]
            if work is np.complex128 and kernel.dtype.kind != "c":
                out.real += float(w) * x.real
                out.imag += float(w) * x.imag
            else:
                out += (complex(w) if kernel.dtype.kind == "c" else float(w)) * x
    return out.astype(image.dtype)


def forced(way):
    """Patch the cost model so that every block is summed ``way``: ``'taps'`` (the direct
    sum's order: equal to it bitwise), ``'banded'`` or ``'passes'`` (equal to rounding)."""
    return mock.patch.object(_stencil, "_estimates", lambda shape, kshape, fs: {way: 0.0})


@pytest.fixture(autouse=True)
def taps_unless_told(request):
    if "cost_model" in request.node.name:  # the model itself
        yield
        return
    with forced("taps"):
        yield


def random_image(rng, shape, dtype):
    x = rng.standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


def assert_same_values(got, want, complex_weights=False):
    """Equal dtype, shape, values (NaN where NaN); -0.0 equals 0.0.  numpy's complex
    product rounds differently in its SIMD body and its tail (a fused multiply-add):
    with complex weights the values agree to rounding, and NaN and inf exactly."""
    assert got.dtype == want.dtype and got.shape == want.shape
    if not complex_weights:
        np.testing.assert_array_equal(got, want)
        return
    np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    finite = np.isfinite(want)
    np.testing.assert_array_equal(got[~finite & ~np.isnan(want)], want[~finite & ~np.isnan(want)])
    tol = 1e-5 if got.dtype == np.complex64 else 1e-13
    np.testing.assert_allclose(got[finite], want[finite], rtol=tol, atol=tol)


@st.composite
def problems(draw, max_side=9, max_kernel=7):
    d = draw(st.integers(1, 3))
    shape = tuple(draw(st.lists(st.integers(1, max_side), min_size=d, max_size=d)))
    kshape = tuple(draw(st.lists(st.integers(1, max_kernel), min_size=d, max_size=d)))
    centres = tuple(draw(st.integers(0, k - 1)) for k in kshape)
    boundary = draw(st.sampled_from(BOUNDARY_NAMES))
    dtype = draw(st.sampled_from(DTYPES))
    seed = draw(st.integers(0, 2**32 - 1))
    complex_kernel = draw(st.booleans()) and draw(st.booleans())
    fill = draw(st.sampled_from([0.0, 1.5, -2.25]))
    rng = np.random.default_rng(seed)
    image = random_image(rng, shape, dtype)
    kernel = random_image(rng, kshape, np.complex128 if complex_kernel else np.float64)
    zeros = draw(st.booleans())
    if zeros:
        kernel[rng.random(kshape) < 0.3] = 0
    return image, kernel, centres, boundary, fill


@settings(max_examples=150, deadline=None)
@given(problems(), st.sampled_from([7, 40, _stencil.BLOCK_ELEMENTS]))
def test_equals_the_direct_sum_on_the_padded_image(problem, block):
    image, kernel, centres, boundary, fill = problem
    with mock.patch.object(_stencil, "BLOCK_ELEMENTS", block):  # one block or many
        got = _stencil.stencil_filter(image, kernel, centres, boundary, fill, workers=2)
    assert_same_values(got, direct_sum(image, kernel, centres, boundary, fill),
                       kernel.dtype.kind == "c")
    assert got.flags.c_contiguous and not np.shares_memory(got, image)


def assert_rounding_only(got, want):
    """Equal dtype and shape, NaN and inf exactly where ``want`` has them, the rest to
    rounding."""
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    np.testing.assert_array_equal(np.isinf(got), np.isinf(want))
    np.testing.assert_array_equal(got[np.isinf(want)], want[np.isinf(want)])
    finite = np.isfinite(want)
    tol = 1e-4 if got.dtype in (np.float32, np.complex64) else 1e-10
    np.testing.assert_allclose(got[finite], want[finite], rtol=tol, atol=tol)


@settings(max_examples=100, deadline=None)
@given(problems(max_side=12), st.sampled_from([7, 40, 300]), st.booleans())
def test_banded_products_are_the_sum_to_rounding_and_nonfinite_as_it(problem, block, inf):
    """Blocks summed by band-matrix products; a block holding inf or NaN is summed tap by
    tap (the band matrices' zeros would turn an inf into NaN far from it)."""
    image, kernel, centres, boundary, fill = problem
    if inf:
        image.flat[np.random.default_rng(image.size).integers(image.size)] = np.inf
    with mock.patch.object(_stencil, "BLOCK_ELEMENTS", block), forced("banded"):
        got = _stencil.stencil_filter(image, kernel, centres, boundary, fill, workers=2)
    assert_rounding_only(got, direct_sum(image, kernel, centres, boundary, fill))


def test_banded_products_are_used_and_bitwise_for_any_worker_count():
    rng = np.random.default_rng(11)
    image = rng.standard_normal((300, 200))
    image[150, 100] = np.nan  # its blocks: tap by tap
    kernel = rng.standard_normal((5, 7))
    calls = []
    real = _stencil._banded
    with mock.patch.object(_stencil, "_banded", lambda *a: calls.append(1) or real(*a)), \
            mock.patch.object(_stencil, "BLOCK_ELEMENTS", 2000), forced("banded"):
        outs = [_stencil.stencil_filter(image, kernel, (2, 3), "mirror", 0, workers=w)
                for w in (1, 2, 3)]
    assert calls and all(np.array_equal(outs[0], o, equal_nan=True) for o in outs[1:])
    assert_rounding_only(outs[0], direct_sum(image, kernel, (2, 3), "mirror", 0))
    assert np.isnan(outs[0]).sum() == 35  # the NaN reaches its 5 x 7 window only


@settings(max_examples=100, deadline=None)
@given(problems(max_side=12), st.sampled_from([9, 64]), st.booleans())
def test_separable_passes_are_the_sum_to_rounding_and_nonfinite_as_it(problem, block, inf):
    image, kernel, centres, boundary, fill = problem
    rng = np.random.default_rng(image.size)
    if kernel.ndim < 2:
        return
    lines = [rng.standard_normal(k) for k in kernel.shape]
    lines[-1][rng.random(len(lines[-1])) < 0.3] = 0  # zero weights: inf * 0 is NaN
    kernel = separable.outer(lines)
    fs = separable.factors(kernel)
    if fs is None:  # a zero pivot line: nothing to split
        return
    if inf:
        image.flat[rng.integers(image.size)] = np.inf
    with mock.patch.object(_stencil, "BLOCK_ELEMENTS", block), \
            forced("passes"):
        got = _stencil.stencil_filter(image, kernel, centres, boundary, fill, workers=2,
                                      factors=fs)
    want = direct_sum(image, kernel, centres, boundary, fill)
    assert got.dtype == want.dtype
    np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    np.testing.assert_array_equal(np.isinf(got), np.isinf(want))
    finite = np.isfinite(want)
    tol = 1e-4 if image.dtype in (np.float32, np.complex64) else 1e-10
    np.testing.assert_allclose(got[finite], want[finite], rtol=tol, atol=tol * 100)


@pytest.mark.parametrize("boundary", BOUNDARY_NAMES)
@pytest.mark.parametrize("dtype", DTYPES)
def test_matches_scipy_ndimage_where_its_conventions_agree(boundary, dtype):
    rng = np.random.default_rng(3)
    image = random_image(rng, (301, 117), dtype)  # several blocks of rows
    kernel = rng.standard_normal((5, 4)) + 0.5  # no weight ndimage drops
    origin = [1, -1]
    centres = tuple(k // 2 + o for k, o in zip(kernel.shape, origin))
    got = _stencil.stencil_filter(image, kernel, centres, boundary, 1.25)
    want = scipy.ndimage.convolve(image, kernel, mode=NDIMAGE_MODE[boundary], cval=1.25,
                                  origin=origin)
    assert got.dtype == want.dtype == np.dtype(dtype)
    tol = 1e-5 if dtype in (np.float32, np.complex64) else 1e-12
    np.testing.assert_allclose(got, want, rtol=tol, atol=tol)


def test_wrap_and_reflections_with_kernels_longer_than_the_image():
    rng = np.random.default_rng(4)
    image, kernel = rng.standard_normal((3, 5)), rng.standard_normal((11, 13))
    for boundary in BOUNDARY_NAMES:
        for centres in ((0, 0), (5, 6), (10, 12)):
            got = _stencil.stencil_filter(image, kernel, centres, boundary, 0.5)
            assert_same_values(got, direct_sum(image, kernel, centres, boundary, 0.5))


@pytest.mark.parametrize("value", [np.inf, -np.inf, np.nan])
def test_nonfinite_values_meet_every_weight(value):
    """inf * 0 gives NaN exactly where the direct sum gives it (ndimage skips zeros)."""
    rng = np.random.default_rng(5)
    image = rng.standard_normal((40, 30))
    image[7, 3] = value
    image[20:22, 29] = value
    kernel = rng.standard_normal((3, 5))
    kernel[0, :] = 0
    kernel[2, 2] = 1e-300  # a weight ndimage would drop
    with mock.patch.object(_stencil, "BLOCK_ELEMENTS", 64):
        got = _stencil.stencil_filter(image, kernel, (1, 2), "reflect", 0)
    want = direct_sum(image, kernel, (1, 2), "reflect", 0)
    assert np.isnan(want).any() and not np.isfinite(want).all()
    assert_same_values(got, want)


def test_a_separable_block_with_inf_falls_back_to_every_tap():
    """A zero entry whose factors' product is tiny but not zero (within the rounding
    ``separable.factors`` allows): the direct sum gives inf * 0 = NaN there, the passes
    inf * 1e-18 = inf, so blocks with a nonfinite result are summed tap by tap."""
    line = np.array([1e-9, 1.0, 0.5])
    kernel = np.outer(line, line)
    kernel[0, 0] = 0.0
    fs = separable.factors(kernel)
    assert fs is not None and fs[0][0] * fs[1][0] != 0
    image = np.ones((50, 20))
    image[30, 10] = np.inf
    with mock.patch.object(_stencil, "BLOCK_ELEMENTS", 66), \
            forced("passes"):
        got = _stencil.stencil_filter(image, kernel, (1, 1), "fill", 0, factors=fs)
    want = direct_sum(image, kernel, (1, 1), "fill", 0)
    assert np.isnan(want[29, 9]) and np.isinf(want[30, 10])
    np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    np.testing.assert_array_equal(np.isinf(got), np.isinf(want))
    np.testing.assert_allclose(got[29:31], want[29:31], rtol=0)  # the direct block: exact
    np.testing.assert_allclose(got, want, rtol=1e-14)


def test_a_nonfinite_fill_value_is_multiplied_too():
    image = np.arange(12.0).reshape(3, 4)
    kernel = np.array([[1.0, 1.0], [1.0, 0.0]])  # the 0 meets the first row and column
    got = _stencil.stencil_filter(image, kernel, (0, 0), "fill", np.inf)
    assert_same_values(got, direct_sum(image, kernel, (0, 0), "fill", np.inf))
    assert np.isnan(got).any() and np.isfinite(got).any()


def test_bitwise_identical_for_any_worker_count():
    rng = np.random.default_rng(6)
    image = rng.standard_normal((700, 333)).astype(np.float32)
    image[350, 100] = np.inf  # one block of a separable filter falls back to every tap
    g = np.exp(-0.5 * (np.arange(9) - 4.0) ** 2 / 4)
    cases = [(np.outer(g, g), separable.factors(np.outer(g, g))),
             (rng.standard_normal((7, 7)), None)]
    with forced("passes"):
        for kernel, fs in cases:
            outs = []
            for workers in (1, 2, 3):
                with ac.config.limit_workers(workers):
                    outs.append(_stencil.stencil_filter(image, kernel, (4, 3)[:1] * 2, "mirror",
                                                        0, factors=fs))
            assert all(o.dtype == np.float32 for o in outs)
            assert all(np.array_equal(outs[0], o, equal_nan=True) for o in outs[1:])
    assert np.isnan(outs[0]).sum() == 0 and np.isinf(outs[0]).any()


def test_threads_are_used_when_allowed(monkeypatch):
    calls = []
    real = _stencil.parallel_map
    monkeypatch.setattr(_stencil, "parallel_map",
                        lambda fn, items, workers: calls.append(workers) or real(fn, items,
                                                                                 workers))
    image = np.ones((500, 500))
    with ac.config.limit_workers(2):
        out = _stencil.stencil_filter(image, np.ones((3, 3)), (1, 1), "nearest")
    assert calls == [2] and np.all(out == 9.0)


def test_short_batch_axes_are_sliced_and_a_1d_signal_is_blocked():
    rng = np.random.default_rng(7)
    image = rng.standard_normal((3, 40, 50)) + 0j
    kernel = rng.standard_normal((1, 5, 3))
    with mock.patch.object(_stencil, "BLOCK_ELEMENTS", 100):
        got = _stencil.stencil_filter(image, kernel, (0, 2, 1), "wrap", 0, workers=3)
        signal = rng.standard_normal(1000)
        one = _stencil.stencil_filter(signal, kernel[0, :, 0], (4,), "nearest", 0, workers=2)
    assert_same_values(got, direct_sum(image, kernel, (0, 2, 1), "wrap", 0))
    assert_same_values(one, direct_sum(signal, kernel[0, :, 0], (4,), "nearest", 0))


def test_dtypes_out():
    image = np.arange(6, dtype=np.float32).reshape(2, 3)
    assert _stencil.stencil_filter(image, np.ones((1, 1)), (0, 0), "fill").dtype == np.float32
    got = _stencil.stencil_filter(image, np.array([[1j]]), (0, 0), "fill")
    assert got.dtype == np.complex64 and np.array_equal(got, 1j * image)
    got = _stencil.stencil_filter(image, np.ones((1, 2), dtype=int), (0, 0), "fill", 2j)
    assert got.dtype == np.complex64 and got[0, 0] == 2j and got[1, 2] == 9  # E[i] + E[i - 1]
    got = _stencil.stencil_filter(image, np.array([[2]], dtype=object), (0, 0), "fill")
    assert got.dtype == np.float32 and np.array_equal(got, 2 * image)
    empty = _stencil.stencil_filter(np.zeros((0, 3)), np.ones((2, 2)), (1, 1), "wrap")
    assert empty.shape == (0, 3)


@pytest.mark.parametrize("args, error, match", [
    ((np.arange(4), np.ones(3), (1,), "fill"), InvalidType, "float32/64 or complex64/128"),
    ((np.ones(4, dtype=np.float16), np.ones(3), (1,), "fill"), InvalidType, "float16"),
    ((np.ones(4, dtype=np.longdouble), np.ones(3), (1,), "fill"), InvalidType, "float128"),
    (([1.0, 2.0], np.ones(1), (0,), "fill"), InvalidType, "list"),
    ((np.ones(4), np.ones(3), (1,), "fill", 10**400), InvalidArgument, "fillvalue=1000"),
    ((np.ones(4), np.ones(3), (1,), "fill", "a"), InvalidArgument, "fillvalue='a'"),
    ((np.ones(4), np.array(["a"]), (0,), "fill"), InvalidType, "dtype <U1"),
    ((np.ones(4), np.ones((3, 3)), (1, 1), "fill"), InvalidArgument, "2 dimensions|1 dimensions"),
    ((np.ones(4), np.ones(3), (3,), "fill"), InvalidArgument, "centres=\\(3,\\)"),
    ((np.ones(4), np.ones(3), (1,), "bounce"), InvalidArgument, "boundary='bounce'"),
])
def test_bad_input(args, error, match):
    with pytest.raises(error, match=match):
        _stencil.stencil_filter(*args)


def test_the_memory_limit_is_checked():
    need = _stencil.stencil_bytes((100, 100), (3, 3), np.float64, 1)
    assert need == 100 * 100 * 8 + 3 * 102 * 102 * 8  # the output, one block of 102^2 and
    # its two work buffers
    with ac.config.limit_memory(int(need) - 1), pytest.raises(InvalidArgument,
                                                              match="memory_limit"):
        _stencil.stencil_filter(np.ones((100, 100)), np.ones((3, 3)), (1, 1), "fill", workers=1)
    with ac.config.limit_memory(int(need)):
        _stencil.stencil_filter(np.ones((100, 100)), np.ones((3, 3)), (1, 1), "fill", workers=1)


def test_the_cost_model_is_a_function_of_shapes():
    seconds = _stencil.stencil_seconds
    one = seconds((2048, 2048), (7, 7), None, 1)
    assert one == seconds((2048, 2048), (7, 7), None, 1)
    assert 1.5 < one / seconds((2048, 2048), (7, 7), None, 2) < 2.0
    assert seconds((2048, 2048), (3, 3), None, 1) < one < seconds((2048, 2048), (9, 9), None, 1)
    assert seconds((512, 512), (7, 7), None, 1) < one
    box = [np.ones(15)] * 2
    assert seconds((2048, 2048), (15, 15), box, 1) < seconds((2048, 2048), (15, 15), None, 1)
    assert seconds((0, 5), (3, 3), None, 2) > 0
    estimates = _stencil._estimates
    assert set(estimates((2048, 2048), (7, 7), None)) == {"taps", "banded"}
    assert set(estimates((2048, 2048), (7, 7), box[:1] * 2)) == {"taps", "banded", "passes"}
    assert set(estimates((4096,), (7,), None)) == {"taps"}
    # measured on one thread (CPU time, loaded machine): 2048^2 x 7^2 54 ms by band
    # products, 95 ms tap by tap; 256^2 x 3^2 0.45 ms tap by tap, 1.1 ms by products
    big, small = estimates((2048, 2048), (7, 7), None), estimates((256, 256), (3, 3), None)
    assert big["banded"] < big["taps"] and small["taps"] < small["banded"]
    assert seconds((3, 2048, 2048), (1, 7, 7), None, 2) == pytest.approx(3 * (
        seconds((2048, 2048), (7, 7), None, 2) - _stencil.STENCIL_OVERHEAD), rel=0.03)  # bands
    # of whole blocks: 33 blocks on 2 threads is 17 + 16, 99 is 50 + 49
