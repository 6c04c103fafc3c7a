"""Issue 12, numeric engines: every float dtype, small weights kept, fill values exact,
boundaries however long the kernel, and one answer (values, inf/NaN, dtype) whatever the
engine.  Truth is computed here: exact brute-force sums in Python ints / Fractions, padded
images built with ``numpy.pad``, scipy where it is right.
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pytest
import scipy.ndimage
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.engines import ENGINES

FLOATS = [np.float16, np.float32, np.float64, np.longdouble]
COMPLEX = [np.complex64, np.complex128, np.clongdouble]
#: long double is wider than double here (x86 80-bit); else its precision test is moot
LONG_IS_WIDER = np.finfo(np.longdouble).eps < np.finfo(np.float64).eps


def exact_full(a, b):
    """The full convolution of two arrays of finite values, exactly, in Fractions."""
    a, b = np.asarray(a), np.asarray(b)
    out = np.zeros(tuple(m + n - 1 for m, n in zip(a.shape, b.shape)), dtype=object)
    out[...] = Fraction(0)
    for i in np.ndindex(a.shape):
        for j in np.ndindex(b.shape):
            out[tuple(x + y for x, y in zip(i, j))] += _exact(a[i]) * _exact(b[j])
    return out


def _exact(v):
    if isinstance(v, (complex, np.complexfloating)):
        return complex(v)  # complex tests use small integers: exact in complex128
    return Fraction(v.item() if isinstance(v, np.generic) and not isinstance(
        v, np.longdouble) else float(v)) if not isinstance(v, (int, Fraction)) else Fraction(v)


def padded_truth(image, kernel, boundary, fillvalue=0):
    """``out[i] = sum_j K[j] E[i - j + k // 2]`` with ``E`` the image extended by ``numpy.pad``
    (reflect = np 'symmetric', mirror = np 'reflect', wrap, nearest = 'edge'), exactly."""
    image, kernel = np.asarray(image, dtype=object), np.asarray(kernel, dtype=object)
    widths = [((n - 1) // 2, n // 2) for n in kernel.shape]
    if boundary == "fill":
        padded = np.empty(tuple(m + n - 1 for m, n in zip(image.shape, kernel.shape)),
                          dtype=object)
        padded[...] = fillvalue
        padded[tuple(slice(lo, lo + m) for (lo, _), m in zip(widths, image.shape))] = image
    else:
        mode = {"reflect": "symmetric", "mirror": "reflect", "wrap": "wrap",
                "nearest": "edge"}[boundary]
        padded = np.pad(image, widths, mode=mode)
    out = np.zeros(image.shape, dtype=object)
    for i in np.ndindex(image.shape):
        total = 0
        for j in np.ndindex(kernel.shape):
            total += kernel[j] * padded[tuple(x - y + n - 1 for x, y, n in
                                              zip(i, j, kernel.shape))]
        out[i] = total
    return out


# --- point 13: small kernel weights are never dropped ------------------------------------------


def test_tiny_weights_kept_by_convolve_correlate_functions_and_dask():
    a, k = np.ones((3, 3)), np.full((2, 2), 1e-17)
    want = scipy.signal.convolve(a, k, method="direct")
    assert want[0, 0] == 1e-17 and want[1, 1] == 4e-17
    np.testing.assert_array_equal(ac.convolve(a, k), want)
    np.testing.assert_array_equal(ac.correlate(a, k), scipy.signal.correlate(a, k,
                                                                             method="direct"))
    L = ac.Lattice(2)
    h = ac.Function.from_array(a, over=L) * ac.Function.from_array(k, over=L)
    np.testing.assert_array_equal(h.to_array(), want)
    da = pytest.importorskip("dask.array")
    np.testing.assert_array_equal(ac.convolve(da.from_array(a, chunks=2), k).compute(), want)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.integers(2, 3), st.integers(0, 2**32 - 1), st.integers(-60, -10))
def test_nd_convolve_keeps_weights_of_any_size(ndim, seed, exponent):
    rng = np.random.default_rng(seed)
    a = rng.integers(-9, 10, tuple(rng.integers(1, 5, ndim))).astype(float)
    b = rng.integers(-9, 10, tuple(rng.integers(1, 5, ndim))) * 2.0**exponent
    truth = exact_full(a, b)
    exact = ac.convolve(a, b, method="direct")
    assert [Fraction(float(x)) for x in exact.flat] == list(truth.flat)  # small ints: exact
    scale = float(np.max(exact_full(np.abs(a), np.abs(b))))
    for got in (ac.convolve(a, b), ac.correlate(a, b[(slice(None, None, -1),) * ndim])):
        np.testing.assert_allclose(got, truth.astype(float), rtol=0, atol=1e-12 * scale)


def test_filter_keeps_tiny_weights_in_memory_and_in_dask():
    image = np.arange(1.0, 26.0).reshape(5, 5)
    kernel = np.array([[1e-17, 0.0, 3e-18], [0.0, 1.0, 0.0], [2e-20, 0.0, 1e-30]])
    for boundary in ("fill", "reflect", "wrap"):
        truth = padded_truth(image, kernel, boundary).astype(float)
        np.testing.assert_allclose(ac.filter(image, kernel, boundary), truth, rtol=1e-15)
        da = pytest.importorskip("dask.array")
        got = ac.filter(da.from_array(image, chunks=2), kernel, boundary).compute()
        np.testing.assert_allclose(got, truth, rtol=1e-15)
    # a kernel of tiny weights only: ndimage would return zeros
    tiny = np.full((3, 3), 1e-20)
    np.testing.assert_allclose(ac.filter(image, tiny), padded_truth(image, tiny, "fill")
                               .astype(float), rtol=1e-15)


# --- point 2: every float dtype, 1-D to N-D ---------------------------------------------------


@pytest.mark.parametrize("dtype", FLOATS + COMPLEX)
@pytest.mark.parametrize("ndim", [1, 2, 3])
def test_every_float_dtype_through_convolve_correlate_filter(dtype, ndim):
    rng = np.random.default_rng(ndim)
    a = rng.integers(-3, 4, (4, 3, 3)[:ndim]).astype(dtype)
    b = rng.integers(-3, 4, (2, 3, 2)[:ndim]).astype(dtype)
    if np.dtype(dtype).kind == "c":
        a = a + 1j * rng.integers(-3, 4, a.shape).astype(dtype)
    truth = exact_full(a, b)
    got = ac.convolve(a, b, method="direct")
    assert got.dtype == dtype
    assert [complex(x) for x in got.flat] == [complex(x) for x in truth.flat]
    got = ac.convolve(a, b)  # an FFT may round
    assert got.dtype == dtype
    np.testing.assert_allclose(got.astype(complex), truth.astype(complex), atol=1e-3)
    got = ac.correlate(a, b, method="direct")
    assert got.dtype == dtype
    want = scipy.signal.correlate(a.astype(np.clongdouble), b.astype(np.clongdouble),
                                  method="direct")
    assert [complex(x) for x in got.flat] == [complex(x) for x in want.flat]
    out = ac.filter(a, b, boundary="reflect")
    assert out.dtype == dtype
    np.testing.assert_allclose(out.astype(complex),
                               padded_truth(a, b, "reflect").astype(complex), atol=1e-3)
    if ndim == 2:  # and the dask paths, chunk by chunk
        da = pytest.importorskip("dask.array")
        lazy = ac.convolve(da.from_array(a, chunks=2), b, method="direct").compute()
        assert lazy.dtype == dtype
        assert [complex(x) for x in lazy.flat] == [complex(x) for x in truth.flat]
        lazy = ac.filter(da.from_array(a, chunks=2), b, boundary="reflect").compute()
        assert lazy.dtype == dtype
        np.testing.assert_array_equal(lazy, out)


@pytest.mark.skipif(not LONG_IS_WIDER, reason="long double is double on this platform")
@pytest.mark.parametrize("dtype", [np.longdouble, np.clongdouble])
@pytest.mark.parametrize("ndim", [1, 2])
def test_long_double_keeps_its_precision(dtype, ndim):
    x = np.array(1, dtype=dtype) + np.longdouble(2) ** -60  # 1 in float64
    a = np.full((1,) * (ndim - 1) + (3,), x, dtype=dtype)
    b = np.ones((1,) * (ndim - 1) + (2,), dtype=dtype)
    for got in (ac.convolve(a, b), ac.correlate(a, b), ac.convolve(a, b, method="direct")):
        assert got.dtype == dtype
        assert got.flat[1] - 2 == 2 * np.longdouble(2) ** -60
    filtered = ac.filter(a, b, boundary="nearest")
    assert filtered.dtype == dtype and filtered.flat[0] - 2 == 2 * np.longdouble(2) ** -60


@pytest.mark.parametrize("ndim", [1, 2])
def test_float16_sums_in_float32_and_returns_float16(ndim):
    tenth = np.float16(0.1)
    a = np.full((1,) * (ndim - 1) + (3000,), tenth, dtype=np.float16)
    b = np.ones_like(a)
    want = np.float16(np.float32(tenth) * 3000)  # summed in float16 it would stall at 256
    for method in ("auto", "direct"):
        got = ac.convolve(a, b, method=method)
        assert got.dtype == np.float16
        assert abs(float(got.flat[2999]) - float(want)) <= 0.25  # one float16 ulp at 300


# --- point 10: fill values are values ---------------------------------------------------------


@pytest.mark.parametrize("dtype, fill, out", [
    (np.uint8, -1, np.int64), (np.uint8, 300, np.int64), (np.int8, 1000, np.int64),
    (np.int32, -(2**40), np.int64), (np.int64, 2**70, object), (np.uint8, 2**70, object),
    (np.int64, Fraction(1, 2), object), (np.int16, Fraction(-7, 3), object),
])
def test_fill_value_enters_exactly_whatever_the_image_dtype(dtype, fill, out):
    image = np.array([[1, 2, 3], [4, 5, 6]], dtype=dtype)
    kernel = np.array([[1, 2], [3, 4], [5, 6]])
    truth = padded_truth(image.astype(object), kernel, "fill", fill)
    got = ac.filter(image, kernel, fillvalue=fill)
    assert got.dtype == out
    assert got.tolist() == truth.tolist()
    assert all(type(v) in (int, Fraction) for v in got.astype(object).flat)
    da = pytest.importorskip("dask.array")
    lazy = ac.filter(da.from_array(image, chunks=1), kernel, fillvalue=fill).compute()
    assert lazy.tolist() == truth.tolist()


def test_float_fill_value_the_image_dtype_cannot_hold_widens():
    image = np.arange(6, dtype=np.float32).reshape(2, 3)
    kernel = np.ones((3, 3), dtype=np.float32)
    got = ac.filter(image, kernel, fillvalue=0.1)
    truth = padded_truth(image.astype(float), kernel.astype(float), "fill", 0.1)
    assert got.dtype == np.float64
    np.testing.assert_allclose(got, truth.astype(float), rtol=1e-15)
    assert ac.filter(image, kernel, fillvalue=0.5).dtype == np.float32  # held exactly


# --- points 12 and 14: boundaries when the kernel outgrows the image -----------------------------


CASES_1D = [(18, 200), (18, 201), (4, 40), (5, 17), (1, 7), (2, 9), (3, 31), (6, 6)]


@pytest.mark.parametrize("boundary", ["reflect", "mirror", "wrap", "nearest"])
@pytest.mark.parametrize("n, k", CASES_1D)
def test_long_kernels_1d_int_float_dask_agree_with_the_padded_sum(boundary, n, k):
    rng = np.random.default_rng(n * 1000 + k)
    x, w = rng.integers(-9, 10, n), rng.integers(-9, 10, k)
    truth = padded_truth(x, w, boundary)
    assert ac.filter(x, w, boundary).tolist() == truth.tolist()
    floats = ac.filter(x.astype(float), w.astype(float), boundary)
    assert floats.tolist() == [float(v) for v in truth]  # small ints: exact either way
    if k <= n or boundary != "reflect":  # where scipy.ndimage is right, it agrees
        np.testing.assert_array_equal(
            scipy.ndimage.convolve(x.astype(float), w.astype(float), mode=boundary),
            truth.astype(float))
    da = pytest.importorskip("dask.array")
    lazy = ac.filter(da.from_array(x.astype(float), chunks=max(n // 3, 1)), w.astype(float),
                     boundary)
    np.testing.assert_allclose(lazy.compute(), truth.astype(float), rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("boundary", ["reflect", "mirror", "wrap", "nearest", "fill"])
@pytest.mark.parametrize("image_shape, kernel_shape", [
    ((2, 4), (17, 3)), ((2, 2), (17, 2)), ((2, 1), (17, 9)), ((3, 2), (5, 9)), ((2, 2), (9, 9)),
    ((4, 5), (3, 3))])
def test_long_kernels_2d_never_read_past_the_image(boundary, image_shape, kernel_shape):
    image = np.arange(1.0, 1.0 + np.prod(image_shape)).reshape(image_shape)
    kernel = np.arange(np.prod(kernel_shape), dtype=float).reshape(kernel_shape) - 3
    truth = padded_truth(image.astype(int), kernel.astype(int), boundary).astype(float)
    first = ac.filter(image, kernel, boundary)
    np.testing.assert_array_equal(ac.filter(image, kernel, boundary), first)
    np.testing.assert_allclose(first, truth, rtol=1e-13)  # an FFT may round in the last bits
    ints = ac.filter(image.astype(int), kernel.astype(int), boundary)
    assert ints.astype(float).tolist() == truth.tolist()
    da = pytest.importorskip("dask.array")
    lazy = ac.filter(da.from_array(image, chunks=1), kernel, boundary).compute()
    np.testing.assert_allclose(lazy, truth, rtol=1e-12)


# --- point 15: one answer whatever the engine ---------------------------------------------------


def _structures():
    return [
        (None, (7,), (4,)), (None, (3, 4), (2, 3)), (ac.Naturals(), (6,), (4,)),
        (ac.Cyclic(6), (6,), (6,)), (ac.product(ac.Cyclic(2), ac.Cyclic(3)), (6,), (6,)),
        (ac.BooleanGroup(3), (8,), (8,)), (ac.SubsetMonoid(3), (8,), (8,)),
        (ac.SymmetricGroup(3), (6,), (6,)), (ac.DihedralGroup(4), (8,), (8,)),
    ]


def _run(f, g, over, method):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return ac.convolve(f, g, over=over, method=method)


def _agree(got, want, dtype):
    assert got.dtype == want.dtype == np.result_type(dtype), (got.dtype, want.dtype)
    assert np.array_equal(np.isnan(got), np.isnan(want))
    rtol = {2: 2e-2, 4: 1e-4}.get(np.dtype(dtype).itemsize // (2 if np.dtype(dtype).kind
                                                                 == "c" else 1), 1e-9)
    np.testing.assert_allclose(got.astype(np.clongdouble), want.astype(np.clongdouble),
                               rtol=rtol, atol=rtol * 10)


@pytest.mark.parametrize("values", ["finite", "inf", "nan", "both"])
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.longdouble,
                                   np.complex64, np.complex128])
def test_every_engine_of_every_structure_agrees_with_direct(dtype, values):
    rng = np.random.default_rng(7)
    for over, sf, sg in _structures():
        f = rng.integers(-3, 4, sf).astype(dtype)
        g = rng.integers(-3, 4, sg).astype(dtype)
        f.flat[1] = 0
        g.flat[0] = 0
        if values in ("inf", "both"):
            f.flat[0] = np.inf
        if values in ("nan", "both"):
            g.flat[-1] = np.nan
        want = _run(f, g, over, "direct")
        tried = []
        for name in ENGINES:
            try:
                got = _run(f, g, over, name)
            except ac.MethodNotApplicable:
                continue
            tried.append(name)
            _agree(got, want, dtype)
        _agree(_run(f, g, over, "auto"), want, dtype)
        assert "direct" in tried


def test_nonfinite_rule_is_scipy_direct_and_keeps_nan_local():
    x = np.array([np.inf, 0, 0, 0])
    e = np.array([1.0, 0, 0, 0])
    full = scipy.signal.convolve(x, e, method="direct")  # inf * 0 is nan: [inf nan nan nan 0 0 0]
    circular = full[:4].copy()
    circular[:3] += full[4:]
    got = ac.convolve(x, e, over=ac.Cyclic(4))
    np.testing.assert_array_equal(got, circular)
    assert np.isinf(got[0]) and np.isnan(got[1:]).all()
    with pytest.raises(ac.MethodNotApplicable, match="not all finite"):
        ac.convolve(x, e, over=ac.Cyclic(4), method="fft")
    signal = np.r_[np.nan, np.zeros(2999)]
    kernel = np.ones(3000)
    got = ac.convolve(signal, kernel)
    np.testing.assert_array_equal(got, scipy.signal.convolve(signal, kernel, method="direct"))
    assert np.isnan(got[:3000]).all() and (got[3000:] == 0).all()


def test_float_transform_that_would_absorb_small_values():
    f, g = np.array([1e300, 1.0]), np.array([1.0, 1.0])
    assert ac.convolve(f, g).tolist() == [1e300, 1e300, 1.0]
    choice = ac.choose_method(f, g)
    assert choice.method == "direct"
    with pytest.warns(RuntimeWarning, match="method='direct' keeps them"):
        ac.convolve(f, g, method="fft")
    big = np.ones(2**15)
    big[0] = 1e300  # the direct sum would cost far more than 30 FFTs: the FFT runs, and warns
    with pytest.warns(RuntimeWarning, match="rounding noise"):
        ac.convolve(big, np.ones(2**15))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ac.convolve(np.ones(2**15), np.ones(2**15))  # ordinary data: no warning


@pytest.mark.parametrize("fill, out", [(1 + 2j, np.complex64), (np.complex64(1j), np.complex64),
                                       (Fraction(1, 3), np.float64), (np.inf, np.float32),
                                       (0.5, np.float32), (-3, np.float32)])
def test_float_image_with_any_fill_value(fill, out):
    image = np.arange(6, dtype=np.float32).reshape(2, 3)
    kernel = np.array([[1.0, 2.0], [0.5, -1.0]])
    got = ac.filter(image, kernel, fillvalue=fill)
    assert got.dtype == out
    kind = complex if np.dtype(out).kind == "c" else float
    truth = padded_truth(image.astype(float), kernel, "fill", kind(fill)).astype(kind)
    np.testing.assert_allclose(got.astype(kind), truth, rtol=1e-6, atol=1e-6)


def test_nonfinite_dict_functions_pair_only_their_support():
    C = ac.Cyclic(4)
    f, g = ac.Function({0: np.inf}, over=C), ac.Function({1: 2.0}, over=C)
    assert (f * g).to_dict() == {1: np.inf}  # no stored zero for inf to meet
    with pytest.raises(ac.MethodNotApplicable, match="dict"):
        ac.convolve(f, g, method="table")
    dense = ac.Function.from_array([0.0, 2.0, 0.0, 0.0], over=C)  # its zeros are stored
    h = ac.convolve(f, dense)
    assert h(1) == np.inf and all(np.isnan(h(x)) for x in (0, 2, 3))


def test_multiplicative_functions_agree_across_engines_with_inf_and_float32():
    M = ac.Multiplicative()
    for dtype in (np.float32, np.float64):
        f = ac.Function.from_array(np.array([1, 0, 2, np.inf], dtype=dtype), over=M, start=1)
        g = ac.Function.from_array(np.array([3, 1, 0], dtype=dtype), over=M, start=1)
        want = ac.convolve(f, g, method="direct")
        assert want.to_array().dtype == dtype
        assert want(4) == want(8) == np.inf and np.isnan(want(12))  # inf * 3, * 1, * 0
        with pytest.raises(ac.MethodNotApplicable):
            ac.convolve(f, g, method="dirichlet")
        auto = ac.convolve(f, g)
        np.testing.assert_array_equal([auto(x) for x in range(1, 13)],
                                      [want(x) for x in range(1, 13)])
        finite = ac.Function.from_array(np.array([1, 0, 2, 5], dtype=dtype), over=M, start=1)
        a, b = ac.convolve(finite, g, method="direct"), ac.convolve(finite, g, method="dirichlet")
        assert a.to_array().dtype == b.to_array().dtype == dtype
        assert [a(x) for x in range(1, 13)] == [b(x) for x in range(1, 13)]
