"""scipy.signal's convolution and correlation tests, ported onto algconv.

Source: scipy/signal/tests/test_signaltools.py (scipy 1.x as installed).  Each test names the
peer test it came from.  algconv takes scipy's positional order ``(f, g, mode, method)``, so
the calls below are scipy's with the module name replaced.  ``method='fft'`` is scipy's name
for the float FFT engine; algconv also names it ``'fft'``.
"""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

import algconv as ac
from algconv import convolve, correlate


def _equal(got, want):
    """Equal values and equal shape; algconv's int results may be int64 or exact objects."""
    got = np.asarray(got)
    want = np.asarray(want)
    assert got.shape == want.shape
    assert_array_equal(got, want)


# --- TestConvolve -------------------------------------------------------------------------------


def test_basic():
    # test_signaltools.py::TestConvolve::test_basic
    _equal(convolve([3, 4, 5, 6, 5, 4], [1, 2, 3]), [3, 10, 22, 28, 32, 32, 23, 12])


def test_same():
    # test_signaltools.py::TestConvolve::test_same
    _equal(convolve([3, 4, 5], [1, 2, 3, 4], mode="same"), [10, 22, 34])


def test_same_eq():
    # test_signaltools.py::TestConvolve::test_same_eq
    _equal(convolve([3, 4, 5], [1, 2, 3], mode="same"), [10, 22, 22])


def test_complex():
    # test_signaltools.py::TestConvolve::test_complex
    x = np.array([1 + 1j, 2 + 1j, 3 + 1j])
    y = np.array([1 + 1j, 2 + 1j])
    _equal(convolve(x, y), [2j, 2 + 6j, 5 + 8j, 5 + 5j])


def test_single_element():
    # test_signaltools.py::TestConvolve::test_single_element
    _equal(convolve(np.array([4967]), np.array([3920])), [4967 * 3920])


def test_2d_arrays():
    # test_signaltools.py::TestConvolve::test_2d_arrays
    a = [[1, 2, 3], [3, 4, 5]]
    b = [[2, 3, 4], [4, 5, 6]]
    _equal(convolve(a, b), [[2, 7, 16, 17, 12], [10, 30, 62, 58, 38], [12, 31, 58, 49, 30]])


@pytest.mark.parametrize("method", ["direct", "fft"])
def test_broadcastable(method):
    # test_signaltools.py::TestConvolve::test_broadcastable (each method against scipy's
    # result, rather than fft against direct)
    import scipy.signal

    a = np.arange(27).reshape(3, 3, 3)
    b = np.arange(3)
    for i in range(3):
        shape = [1] * 3
        shape[i] = 3
        got = convolve(a.astype(float), b.reshape(shape).astype(float), method=method)
        assert_allclose(got, scipy.signal.convolve(a, b.reshape(shape)), atol=1e-12)


def test_input_swapping():
    # test_signaltools.py::TestConvolve::test_input_swapping
    small = np.arange(8).reshape(2, 2, 2)
    big = 1j * np.arange(27, dtype=complex).reshape(3, 3, 3)
    big += np.arange(27, dtype=complex)[::-1].reshape(3, 3, 3)
    out = np.array(
        [[[0 + 0j, 26 + 0j, 25 + 1j, 24 + 2j],
          [52 + 0j, 151 + 5j, 145 + 11j, 93 + 11j],
          [46 + 6j, 133 + 23j, 127 + 29j, 81 + 23j],
          [40 + 12j, 98 + 32j, 93 + 37j, 54 + 24j]],
         [[104 + 0j, 247 + 13j, 237 + 23j, 135 + 21j],
          [282 + 30j, 632 + 96j, 604 + 124j, 330 + 86j],
          [246 + 66j, 548 + 180j, 520 + 208j, 282 + 134j],
          [142 + 66j, 307 + 161j, 289 + 179j, 153 + 107j]],
         [[68 + 36j, 157 + 103j, 147 + 113j, 81 + 75j],
          [174 + 138j, 380 + 348j, 352 + 376j, 186 + 230j],
          [138 + 174j, 296 + 432j, 268 + 460j, 138 + 278j],
          [70 + 138j, 145 + 323j, 127 + 341j, 63 + 197j]],
         [[32 + 72j, 68 + 166j, 59 + 175j, 30 + 100j],
          [68 + 192j, 139 + 433j, 117 + 455j, 57 + 255j],
          [38 + 222j, 73 + 499j, 51 + 521j, 21 + 291j],
          [12 + 144j, 20 + 318j, 7 + 331j, 0 + 182j]]])
    _equal(convolve(small, big, "full"), out)
    _equal(convolve(big, small, "full"), out)
    _equal(convolve(small, big, "same"), out[1:3, 1:3, 1:3])
    _equal(convolve(big, small, "same"), out[0:3, 0:3, 0:3])
    _equal(convolve(small, big, "valid"), out[1:3, 1:3, 1:3])
    _equal(convolve(big, small, "valid"), out[1:3, 1:3, 1:3])


def test_invalid_params():
    # test_signaltools.py::TestConvolve::test_invalid_params (algconv raises InvalidArgument,
    # a ValueError)
    a, b = [3, 4, 5], [1, 2, 3]
    for kwargs in ({"mode": "spam"}, {"mode": "eggs", "method": "fft"},
                   {"mode": "ham", "method": "direct"}, {"mode": "full", "method": "bacon"},
                   {"mode": "same", "method": "bacon"}):
        with pytest.raises(ValueError):
            convolve(a, b, **kwargs)
        with pytest.raises(ac.InvalidArgument):
            convolve(a, b, **kwargs)


def test_valid_mode2():
    # test_signaltools.py::TestConvolve::test_valid_mode2 (gh-5897)
    a = [1, 2, 3, 6, 5, 3]
    b = [2, 3, 4, 5, 3, 4, 2, 2, 1]
    _equal(convolve(a, b, "valid"), [70, 78, 73, 65])
    _equal(convolve(b, a, "valid"), [70, 78, 73, 65])
    a = np.array([1 + 5j, 2 - 1j, 3 + 0j])
    b = np.array([2 - 3j, 1 + 0j])
    _equal(convolve(a, b, "valid"), [2 - 3j, 8 - 10j])
    _equal(convolve(b, a, "valid"), [2 - 3j, 8 - 10j])


def test_same_mode():
    # test_signaltools.py::TestConvolve::test_same_mode
    a = [1, 2, 3, 3, 1, 2]
    b = [1, 4, 3, 4, 5, 6, 7, 4, 3, 2, 1, 1, 3]
    _equal(convolve(a, b, "same"), [57, 61, 63, 57, 45, 36])


def test_invalid_shapes():
    # test_signaltools.py::TestConvolve::test_invalid_shapes
    a = np.arange(1, 7).reshape(2, 3)
    b = np.arange(-6, 0).reshape(3, 2)
    with pytest.raises(ValueError):
        convolve(a, b, mode="valid")
    with pytest.raises(ac.InvalidArgument):
        convolve(b, a, "valid")


def test_positional_structure_is_refused():
    # not a scipy test: before scipy's order, ``over`` was algconv's third argument; a
    # structure in the mode or method slot now says that ``over=`` is keyword-only
    with pytest.raises(ac.InvalidType, match="over= is keyword-only"):
        convolve([1, 0, 0], [0, 1, 0], ac.Cyclic(3))
    with pytest.raises(ac.InvalidType, match=r"method=Cyclic\(3\)"):
        correlate([1, 0, 0], [0, 1, 0], "full", ac.Cyclic(3))
    _equal(convolve([1, 0, 0], [0, 1, 0], over=ac.Cyclic(3)), [0, 1, 0])


def test_convolve_method_every_dtype_and_mode():
    # test_signaltools.py::TestConvolve::test_convolve_method: fft and direct agree for every
    # pair of dtypes and every mode.  algconv differs on purpose: integer input is exact (never
    # wraps, int64 or Python ints, where scipy keeps e.g. uint8), so method='fft' refuses exact
    # integer input (MethodNotApplicable) instead of rounding it; the bool pairs are in
    # test_convolve_method_bool_dtypes.  Each result is checked against scipy's direct method.
    import scipy.signal

    types = ["uint8", "int16", "int32", "int64", "uint32", "float16", "float32", "float64",
             "complex64", "complex128"]
    rng = np.random.RandomState(42)
    arrays = {"i": rng.choice([0, 1], size=40), "f": rng.randn(40)}
    arrays["u"] = arrays["i"]
    arrays["c"] = arrays["f"] + 0.5j * arrays["f"]
    for t1 in types:
        for t2 in types:
            x1 = arrays[np.dtype(t1).kind].astype(t1)
            x2 = arrays[np.dtype(t2).kind].astype(t2)
            exact = x1.dtype.kind in "iu" and x2.dtype.kind in "iu"
            for mode in ("valid", "full", "same"):
                want = scipy.signal.convolve(x1, x2, mode=mode, method="direct")
                direct = convolve(x1, x2, mode=mode, method="direct")
                if exact:
                    _equal(direct, want)
                    with pytest.raises(ac.MethodNotApplicable):
                        convolve(x1, x2, mode=mode, method="fft")
                    continue
                low = {"float16", "float32", "complex64"} & {t1, t2}
                tol = {"rtol": 1e-3, "atol": 1e-3} if low else {"rtol": 1e-5, "atol": 1e-8}
                fft = convolve(x1, x2, mode=mode, method="fft")
                assert_allclose(direct, want, **tol)
                assert_allclose(fft, want, **tol)


def test_convolve_method_large_input():
    # test_signaltools.py::TestConvolve::test_convolve_method_large_input.  scipy's fft result
    # is only right for n < 50; algconv's auto and direct results are exact for every n (the
    # exact integer engines), and method='fft' refuses exact integers.
    for n in [10, 20, 50, 51, 52, 53, 54, 60, 62]:
        z = np.array([2**n], dtype=np.int64)
        for method in ("auto", "direct"):
            assert convolve(z, z, method=method).tolist() == [2 ** (2 * n)]
        with pytest.raises(ac.MethodNotApplicable):
            convolve(z, z, method="fft")


def test_mismatched_dims():
    # test_signaltools.py::TestConvolve::test_mismatched_dims and
    # TestCorrelate::test_mismatched_dims: a 1-D array beside a 2-D one or a scalar (0-d
    # inputs multiply only with each other, as in scipy)
    for fn in (convolve, correlate):
        with pytest.raises(ValueError):
            fn([1], [[2]])
        for method in ("direct", "fft"):
            with pytest.raises(ValueError):
                fn([1.0], 2.0, method=method)
            with pytest.raises(ValueError):
                fn(1.0, [2.0], method=method)


# --- TestConvolve2d (convolve2d's boundary='fill', fillvalue=0 is ac.convolve on 2-D arrays) ---


def test_convolve2d_2d_arrays():
    # test_signaltools.py::TestConvolve2d::test_2d_arrays
    _equal(convolve([[1, 2, 3], [3, 4, 5]], [[2, 3, 4], [4, 5, 6]]),
           [[2, 7, 16, 17, 12], [10, 30, 62, 58, 38], [12, 31, 58, 49, 30]])


def test_convolve2d_valid_mode():
    # test_signaltools.py::TestConvolve2d::test_valid_mode and test_valid_mode_complx
    e = [[2, 3, 4, 5, 6, 7, 8], [4, 5, 6, 7, 8, 9, 10]]
    f = [[1, 2, 3], [3, 4, 5]]
    _equal(convolve(e, f, "valid"), [[62, 80, 98, 116, 134]])
    _equal(convolve(f, e, "valid"), [[62, 80, 98, 116, 134]])
    fc = np.array(f, dtype=complex) + 1j
    want = [[62 + 24j, 80 + 30j, 98 + 36j, 116 + 42j, 134 + 48j]]
    assert_allclose(convolve(e, fc, "valid"), want)
    assert_allclose(convolve(fc, e, "valid"), want)


def test_convolve2d_same_mode_and_valid_mode2():
    # test_signaltools.py::TestConvolve2d::test_same_mode and test_valid_mode2
    e = [[1, 2, 3], [3, 4, 5]]
    f = [[2, 3, 4, 5, 6, 7, 8], [4, 5, 6, 7, 8, 9, 10]]
    _equal(convolve(e, f, "same"), [[22, 28, 34], [80, 98, 116]])
    _equal(convolve(e, f, "valid"), [[62, 80, 98, 116, 134]])
    _equal(convolve(f, e, "valid"), [[62, 80, 98, 116, 134]])
    e = np.array([[1 + 1j, 2 - 3j], [3 + 1j, 4 + 0j]])
    f = np.array([[2 - 1j, 3 + 2j, 4 + 0j], [4 - 0j, 5 + 1j, 6 - 3j]])
    _equal(convolve(e, f, "valid"), [[27 - 1j, 46.0 + 2j]])
    _equal(convolve(f, e, "valid"), [[27 - 1j, 46.0 + 2j]])


def test_convolve2d_invalid_shapes():
    # test_signaltools.py::TestConvolve2d::test_invalid_shapes
    a = np.arange(1, 7).reshape(2, 3)
    b = np.arange(-6, 0).reshape(3, 2)
    for x, y in ((a, b), (b, a)):
        with pytest.raises(ac.InvalidArgument):
            convolve(x, y, "valid")


@pytest.mark.parametrize("boundary, scipy_name, expected", [
    ("reflect", "symm", [[37.0, 42.0, 44.0, 45.0]]),
    ("wrap", "wrap", [[43.0, 44.0, 42.0, 39.0]]),
])
def test_convolve2d_same_with_boundary(boundary, scipy_name, expected):
    # test_signaltools.py::TestConvolve2d::test_same_with_boundary (gh-8684, gh-8814): a kernel
    # longer than the image.  convolve2d(mode='same', boundary=...) is ac.filter with the
    # boundary named as in ndimage (scipy.signal's 'symm' is ndimage's 'reflect'); the kernel
    # length is odd, where both centre it alike.  scipy sums directly; algconv may pick a
    # float transform for this float input, within one rounding; integers are exact.
    image = [[2.0, -1.0, 3.0, 4.0]]
    kernel = np.ones((1, 21))
    assert_allclose(ac.filter(image, kernel, boundary), expected, rtol=1e-14)
    _equal(ac.filter(np.array(image, dtype=int), kernel.astype(int), boundary), expected)


def test_convolve2d_fillvalue():
    # test_signaltools.py::TestConvolve2d::test_fillvalue: convolve2d(a, b, 'full', 'fill', 1).
    # algconv's fill value lives on ac.filter (same shape); the full result is ac.convolve of
    # the image padded with the fill value.
    a = np.array([[1, 2, 3], [3, 4, 5]])
    b = np.array([[2, 3, 4], [4, 5, 6]])
    padded = np.pad(a, ((1, 1), (2, 2)), constant_values=1)
    _equal(convolve(padded, b, "valid"),
           [[24, 26, 31, 34, 32], [28, 40, 62, 64, 52], [32, 46, 67, 62, 48]])


def test_consistency_convolve_funcs():
    # test_signaltools.py::TestConvolve2d::test_consistency_convolve_funcs
    a = np.arange(5)
    b = np.array([3.2, 1.4, 3])
    for mode in ("full", "valid", "same"):
        assert_allclose(convolve(a, b, mode), np.convolve(a, b, mode=mode))
        assert_allclose(convolve(a[None, :], b[None, :], mode)[0], np.convolve(a, b, mode=mode))


# --- TestFFTConvolve / TestOAConvolve (the cases without axes=; with axes= further below) ------


@pytest.mark.parametrize("method", ["auto", "fft", "overlap-add"])
def test_fftconvolve_real_and_complex(method):
    # test_signaltools.py::TestFFTConvolve::test_real, test_complex, test_2d_real_same and
    # test_2d_complex_same (axes='' and None)
    a = np.array([1.0, 2, 3])
    assert_allclose(convolve(a, a, method=method), [1, 4, 10, 12, 9.0], atol=1.5e-6)
    c = np.array([1 + 1j, 2 + 2j, 3 + 3j])
    assert_allclose(convolve(c, c, method=method), [2j, 8j, 20j, 24j, 18j], atol=1.5e-6)
    a2 = np.array([[1.0, 2, 3], [4, 5, 6]])
    assert_allclose(convolve(a2, a2, method=method),
                    [[1.0, 4, 10, 12, 9], [8, 26, 56, 54, 36], [16, 40, 73, 60, 36]])
    c2 = np.array([[1 + 2j, 3 + 4j, 5 + 6j], [2 + 1j, 4 + 3j, 6 + 5j]])
    assert_allclose(convolve(c2, c2, method=method), scipy_fft(c2, c2), atol=1.5e-6)


def scipy_fft(a, b, mode="full"):
    import scipy.signal

    return scipy.signal.fftconvolve(a, b, mode)


@pytest.mark.parametrize("method", ["auto", "fft", "overlap-add"])
def test_fftconvolve_same_and_valid_modes(method):
    # test_signaltools.py::TestFFTConvolve::test_real_same_mode, test_valid_mode_real and
    # test_valid_mode_complex (gh-5897)
    a = np.array([1.0, 2, 3])
    b = np.array([3.0, 3, 5, 6, 8, 7, 9, 0, 1])
    assert_allclose(convolve(a, b, "same", method), [35.0, 41.0, 47.0])
    assert_allclose(convolve(b, a, "same", method),
                    [9.0, 20.0, 25.0, 35.0, 41.0, 47.0, 39.0, 28.0, 2.0], atol=1.5e-6)
    a = np.array([3.0, 2, 1])
    assert_allclose(convolve(a, b, "valid", method), [24.0, 31, 41, 43, 49, 25, 12], atol=1.5e-6)
    assert_allclose(convolve(b, a, "valid", method), [24.0, 31, 41, 43, 49, 25, 12], atol=1.5e-6)
    a = np.array([3 - 1j, 2 + 7j, 1 + 0j])
    b = np.array([3 + 2j, 3 - 3j, 5 + 0j, 6 - 1j, 8 + 0j])
    want = [45.0 + 12.0j, 30.0 + 23.0j, 48 + 32.0j]
    assert_allclose(convolve(a, b, "valid", method), want, atol=1.5e-6)
    assert_allclose(convolve(b, a, "valid", method), want, atol=1.5e-6)


@pytest.mark.parametrize("a, b", [([], []), ([5, 6], []), ([], [7])])
def test_fftconvolve_empty(a, b):
    # test_signaltools.py::TestFFTConvolve::test_empty and TestOAConvolve::test_empty (#1745)
    assert convolve(np.array(a, dtype=float), np.array(b, dtype=float)).size == 0


def test_fftconvolve_single_element():
    # test_signaltools.py::TestFFTConvolve::test_single_element, TestOAConvolve::test_single_element
    for method in ("auto", "exact", "direct"):
        _equal(convolve(np.array([4967]), np.array([3920]), method=method), [4967 * 3920])


def test_fftconvolve_random_data():
    # test_signaltools.py::TestFFTConvolve::test_random_data (axes='')
    rng = np.random.default_rng(1234)
    a = rng.random(1233) + 1j * rng.random(1233)
    b = rng.random(1321) + 1j * rng.random(1321)
    want = np.convolve(a, b, "full")
    for method in ("auto", "fft", "overlap-add"):
        assert_allclose(convolve(a, b, "full", method), want, rtol=1e-10)


@pytest.mark.parametrize("n", list(range(1, 100, 7)) + [1000, 1021, 1499])
def test_fftconvolve_many_sizes(n):
    # test_signaltools.py::TestFFTConvolve::test_many_sizes (a sample of its sizes)
    rng = np.random.default_rng(n)
    a = rng.random(n) + 1j * rng.random(n)
    b = rng.random(n) + 1j * rng.random(n)
    assert_allclose(convolve(a, b, "full", "fft"), np.convolve(a, b, "full"), atol=1e-10)


def _oa_shapes(sizes):
    return [(a, b) for a in sizes for b in sizes if abs(a - b) > 3]


@pytest.mark.parametrize("mode", ["full", "valid", "same"])
@pytest.mark.parametrize("is_complex", [True, False])
@pytest.mark.parametrize("la, lb", _oa_shapes([50, 47, 6, 4, 1]))
def test_oaconvolve_1d_noaxes(la, lb, is_complex, mode):
    # test_signaltools.py::TestOAConvolve::test_1d_noaxes: overlap-add against fftconvolve
    rng = np.random.default_rng(la * 100 + lb)
    a, b = rng.random(la), rng.random(lb)
    if is_complex:
        a = a + 1j * rng.random(la)
        b = b + 1j * rng.random(lb)
    want = scipy_fft(a, b, mode)
    np.testing.assert_array_almost_equal(convolve(a, b, mode, "overlap-add"), want)
    np.testing.assert_array_almost_equal(convolve(a, b, mode), want)


def _oa_shapes_2d(sizes):
    pairs = list(zip(_oa_shapes(sizes), _oa_shapes(sizes)[::-1]))
    out = []
    for (a0, b0), (a1, b1) in pairs:
        for mode in ("full", "valid", "same"):
            if mode != "valid" or (a0 > b0 and a1 > b1) or (a0 < b0 and a1 < b1):
                out.append((a0, b0, a1, b1, mode))
    return out


@pytest.mark.parametrize("a0, b0, a1, b1, mode", _oa_shapes_2d([50, 47, 6, 4]))
def test_oaconvolve_2d_noaxes(a0, b0, a1, b1, mode):
    # test_signaltools.py::TestOAConvolve::test_2d_noaxes (real case; shapes paired in reverse
    # so that each axis gets a different size pair)
    rng = np.random.default_rng(a0 + 100 * b0 + 10**4 * a1 + 10**6 * b1)
    a, b = rng.random((a0, a1)), rng.random((b0, b1))
    np.testing.assert_array_almost_equal(convolve(a, b, mode, "overlap-add"),
                                         scipy_fft(a, b, mode))


def test_all_freq_convolves_invalid_shapes_and_flags():
    # test_signaltools.py::TestAllFreqConvolves::test_invalid_shapes, test_mismatched_dims and
    # test_invalid_flags (the mode flag; the axes flags are further below)
    a = np.arange(1, 7).reshape((2, 3)).astype(float)
    b = np.arange(-6, 0).reshape((3, 2)).astype(float)
    for method in ("fft", "overlap-add"):
        with pytest.raises(ac.InvalidArgument, match="one array must be at least as large"):
            convolve(a, b, "valid", method)
        with pytest.raises(ac.StructureMismatch, match="same number of dimensions"):
            convolve([3.0], [[2.0]], method=method)
        with pytest.raises(ac.InvalidArgument, match="mode='chips'"):
            convolve([1.0], [2.0], "chips", method)


# --- TestCorrelateReal / TestCorrelate / TestCorrelateComplex / TestCorrelate2d ---------------

DTYPES = ["uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64", "int64",
          "float32", "float64"]


def _rank3(dt):
    a = np.linspace(0, 39, 40).reshape((2, 4, 5), order="F").astype(dt)
    b = np.linspace(0, 23, 24).reshape((2, 3, 4), order="F").astype(dt)
    y_r = np.array(
        [[[0., 184., 504., 912., 1360., 888., 472., 160.],
          [46., 432., 1062., 1840., 2672., 1698., 864., 266.],
          [134., 736., 1662., 2768., 3920., 2418., 1168., 314.],
          [260., 952., 1932., 3056., 4208., 2580., 1240., 332.],
          [202., 664., 1290., 1984., 2688., 1590., 712., 150.],
          [114., 344., 642., 960., 1280., 726., 296., 38.]],
         [[23., 400., 1035., 1832., 2696., 1737., 904., 293.],
          [134., 920., 2166., 3680., 5280., 3306., 1640., 474.],
          [325., 1544., 3369., 5512., 7720., 4683., 2192., 535.],
          [571., 1964., 3891., 6064., 8272., 4989., 2324., 565.],
          [434., 1360., 2586., 3920., 5264., 3054., 1312., 230.],
          [241., 700., 1281., 1888., 2496., 1383., 532., 39.]],
         [[22., 214., 528., 916., 1332., 846., 430., 132.],
          [86., 484., 1098., 1832., 2600., 1602., 772., 206.],
          [188., 802., 1698., 2732., 3788., 2256., 1018., 218.],
          [308., 1006., 1950., 2996., 4052., 2400., 1078., 230.],
          [230., 692., 1290., 1928., 2568., 1458., 596., 78.],
          [126., 354., 636., 924., 1212., 654., 234., 0.]]])
    return a, b, y_r


@pytest.mark.parametrize("dt", DTYPES)
def test_correlate_real(dt):
    # test_signaltools.py::TestCorrelateReal::test_rank1_valid, test_rank1_same,
    # test_rank1_full, test_rank3_valid, test_rank3_same, test_rank3_all, test_method.
    # algconv differs on purpose in the dtype: integer input gives exact int64 (or Python
    # ints), where scipy keeps the input's integer dtype and may wrap; float32 stays float32.
    a = np.linspace(0, 3, 4).astype(dt)
    b = np.linspace(1, 2, 2).astype(dt)
    y_r = np.array([0, 2, 5, 8, 3])
    assert_allclose(correlate(a, b, "valid"), y_r[1:4])
    assert_allclose(correlate(b, a, "valid"), y_r[1:4][::-1])
    assert_allclose(correlate(a, b, "same"), y_r[:-1])
    assert_allclose(correlate(a, b, "full"), y_r)
    if np.dtype(dt).kind == "f":
        assert correlate(a, b).dtype == np.dtype(dt)
    a, b, y_r = _rank3(dt)
    tol = {"rtol": 1e-5, "atol": 1e-3} if dt == "float32" else {"rtol": 1e-12, "atol": 1e-9}
    assert_allclose(correlate(a, b, "valid"), y_r[1:2, 2:4, 3:5], **tol)
    assert_allclose(correlate(b, a, "valid"), y_r[1:2, 2:4, 3:5][::-1, ::-1, ::-1], **tol)
    assert_allclose(correlate(a, b, "same"), y_r[0:-1, 1:-1, 1:-2], **tol)
    assert_allclose(correlate(a, b), y_r, **tol)
    methods = ("direct", "fft") if np.dtype(dt).kind == "f" else ("direct", "exact")
    for method in methods:
        assert_allclose(correlate(a, b, method=method), y_r, **tol)


def test_correlate_invalid_shapes_and_params():
    # test_signaltools.py::TestCorrelate::test_invalid_shapes and test_invalid_params
    a = np.arange(1, 7).reshape((2, 3))
    b = np.arange(-6, 0).reshape((3, 2))
    for x, y in ((a, b), (b, a)):
        with pytest.raises(ValueError):
            correlate(x, y, mode="valid")
    for kwargs in ({"mode": "spam"}, {"mode": "eggs", "method": "fft"},
                   {"mode": "ham", "method": "direct"}, {"mode": "full", "method": "bacon"},
                   {"mode": "same", "method": "bacon"}):
        with pytest.raises(ac.InvalidArgument):
            correlate([3, 4, 5], [1, 2, 3], **kwargs)


def test_correlate_numpy_fastpath():
    # test_signaltools.py::TestCorrelate::test_numpy_fastpath
    _equal(correlate([1, 2, 3], [4, 5], mode="same"), [5, 14, 23])
    _equal(correlate([1, 2, 3], [4, 5, 6], mode="same"), [17, 32, 23])
    _equal(correlate([1, 2, 3], [4, 5, 6], mode="full"), [6, 17, 32, 23, 12])
    _equal(correlate([1, 2, 3], [4, 5, 6], mode="valid"), [32])


@pytest.mark.parametrize("mode", ["valid", "same", "full"])
@pytest.mark.parametrize("behind", [True, False])
@pytest.mark.parametrize("size", [100, 101, 1000, 1001])
def test_correlation_lags(mode, behind, size):
    # test_signaltools.py::test_correlation_lags: the peak of the correlation sits at the
    # lag scipy.signal.correlation_lags names (algconv has no correlation_lags of its own)
    import scipy.signal

    rng = np.random.RandomState(0)
    in1 = rng.standard_normal(size)
    offset = int(size / 10)
    if behind:
        in2, expected = np.concatenate([rng.standard_normal(offset), in1]), -offset
    else:
        in2, expected = in1[offset:], offset
    corr = correlate(in1, in2, mode=mode)
    lags = scipy.signal.correlation_lags(in1.size, in2.size, mode=mode)
    assert lags.shape == corr.shape
    assert lags[np.argmax(corr)] == expected


@pytest.mark.parametrize("dt", ["complex64", "complex128"])
@pytest.mark.parametrize("mode", ["valid", "same", "full"])
def test_correlate_complex_rank1(dt, mode):
    # test_signaltools.py::TestCorrelateComplex::test_rank1_valid, test_rank1_same,
    # test_rank1_full: the complex correlation from four real ones (conjugating g)
    rng = np.random.default_rng(9)
    a = (rng.standard_normal(10) + 1j * rng.standard_normal(10)).astype(dt)
    b = (rng.standard_normal(8) + 1j * rng.standard_normal(8)).astype(dt)
    y_r = (correlate(a.real, b.real, mode) + correlate(a.imag, b.imag, mode)
           + 1j * (-correlate(a.real, b.imag, mode) + correlate(a.imag, b.real, mode)))
    decimal = 10 if dt == "complex128" else 4
    y = correlate(a, b, mode)
    np.testing.assert_array_almost_equal(y, y_r, decimal=decimal)
    assert y.dtype == np.dtype(dt)
    if mode == "valid":  # gh-5897
        np.testing.assert_array_almost_equal(correlate(b, a, "valid"), np.conj(y_r[::-1]),
                                             decimal=decimal)


def test_correlate_complex_swap_and_rank3():
    # test_signaltools.py::TestCorrelateComplex::test_swap_full, test_swap_same, test_rank3
    d = np.array([0.0 + 0.0j, 1.0 + 1.0j, 2.0 + 2.0j])
    k = np.array([1.0 + 3.0j, 2.0 + 4.0j, 3.0 + 5.0j, 4.0 + 6.0j])
    assert_allclose(correlate(d, k), [0, 10 - 2j, 28 - 6j, 22 - 6j, 16 - 6j, 8 - 4j], atol=1e-6)
    assert_allclose(correlate(d, k, mode="same"), [10 - 2j, 28 - 6j, 22 - 6j])
    rng = np.random.default_rng(3)
    a = rng.standard_normal((10, 8, 6)) + 1j * rng.standard_normal((10, 8, 6))
    b = rng.standard_normal((8, 6, 4)) + 1j * rng.standard_normal((8, 6, 4))
    y_r = (correlate(a.real, b.real) + correlate(a.imag, b.imag)
           + 1j * (-correlate(a.real, b.imag) + correlate(a.imag, b.real)))
    np.testing.assert_array_almost_equal(correlate(a, b, "full"), y_r, decimal=9)


def test_correlate2d_consistency_and_complex_input():
    # test_signaltools.py::TestCorrelate2d::test_consistency_correlate_funcs,
    # test_consistency_correlate_funcs_2, test_complex_input
    a = np.arange(5)
    b = np.array([3.2, 1.4, 3])
    for mode in ("full", "valid", "same"):
        assert_allclose(correlate(a, b, mode), np.correlate(a, b, mode=mode))
        assert_allclose(correlate([a], [b], mode)[0], np.correlate(a, b, mode=mode))
    assert_allclose(correlate(b, a, "valid"), np.correlate(b, a, mode="valid"))
    _equal(correlate([[1]], [[2j]]), [[-2j]])
    _equal(correlate([[2j]], [[3j]]), [[6 + 0j]])
    _equal(correlate([[3j]], [[4]]), [[12j]])


# --- choose_conv_method ------------------------------------------------------------------------


def test_choose_method_positional_order_and_exact_guard():
    # test_signaltools.py::TestConvolve::test_convolve_method_large_input's rationale, for
    # choose_conv_method: integers that would lose precision in floats always go to an exact
    # engine.  algconv's choose_method returns a MethodChoice (``.method`` is the name) where
    # scipy returns the bare string.
    z = np.array([2**60], dtype=np.int64)
    assert ac.choose_method(z, z, "full").method in ("direct", "exact")
    assert ac.choose_method(np.ones(3), np.ones(2), "same", False).method == "direct"


# --- axes= (issue 15.2): TestFFTConvolve, TestOAConvolve, TestAllFreqConvolves ----------------

FREQ_METHODS = ["auto", "fft", "overlap-add", "direct"]


@pytest.mark.parametrize("method", FREQ_METHODS)
@pytest.mark.parametrize("axes", ["", None, 0, [0], -1, [-1]])
def test_fftconvolve_real_and_complex_noaxes_forms(axes, method):
    # test_signaltools.py::TestFFTConvolve::test_real and test_complex (every axes form)
    kwargs = {} if axes == "" else {"axes": tuple(axes) if isinstance(axes, list) else axes}
    a = np.array([1, 2, 3.0])
    assert_allclose(convolve(a, a, method=method, **kwargs), [1, 4, 10, 12, 9.0], atol=1.5e-6)
    c = np.array([1 + 1j, 2 + 2j, 3 + 3j])
    assert_allclose(convolve(c, c, method=method, **kwargs), [2j, 8j, 20j, 24j, 18j],
                    atol=1.5e-6)


@pytest.mark.parametrize("method", FREQ_METHODS)
@pytest.mark.parametrize("axes", [1, [1], -1, [-1]])
def test_fftconvolve_real_and_complex_axes(axes, method):
    # test_signaltools.py::TestFFTConvolve::test_real_axes and test_complex_axes
    axes = tuple(axes) if isinstance(axes, list) else axes
    a = np.tile([1, 2, 3.0], [2, 1])
    assert_allclose(convolve(a, a, method=method, axes=axes), np.tile([1, 4, 10, 12, 9.0], [2, 1]),
                    atol=1.5e-6)
    c = np.tile([1 + 1j, 2 + 2j, 3 + 3j], [2, 1])
    assert_allclose(convolve(c, c, method=method, axes=axes),
                    np.tile([2j, 8j, 20j, 24j, 18j], [2, 1]), atol=1.5e-6)


AXES_2D = ["", None, [0, 1], [1, 0], [0, -1], [-1, 0], [-2, 1], [1, -2], [-2, -1], [-1, -2]]
AXES_3D = [[1, 2], [2, 1], [1, -1], [-1, 1], [-2, 2], [2, -2], [-2, -1], [-1, -2]]
REAL_2D = [[1.0, 2, 3], [4, 5, 6]]
REAL_2D_FULL = [[1.0, 4, 10, 12, 9], [8, 26, 56, 54, 36], [16, 40, 73, 60, 36]]
COMPLEX_2D = [[1 + 2j, 3 + 4j, 5 + 6j], [2 + 1j, 4 + 3j, 6 + 5j]]
COMPLEX_2D_FULL = [[-3 + 4j, -10 + 20j, -21 + 56j, -18 + 76j, -11 + 60j],
                   [10j, 44j, 118j, 156j, 122j],
                   [3 + 4j, 10 + 20j, 21 + 56j, 18 + 76j, 11 + 60j]]


@pytest.mark.parametrize("method", FREQ_METHODS)
@pytest.mark.parametrize("axes", AXES_2D)
def test_fftconvolve_2d_same(axes, method):
    # test_signaltools.py::TestFFTConvolve::test_2d_real_same and test_2d_complex_same
    kwargs = {} if axes == "" else {"axes": None if axes is None else tuple(axes)}
    for a, want in ((REAL_2D, REAL_2D_FULL), (COMPLEX_2D, COMPLEX_2D_FULL)):
        a = np.array(a)
        assert_allclose(convolve(a, a, method=method, **kwargs), want, atol=1.5e-6)


@pytest.mark.parametrize("method", FREQ_METHODS)
@pytest.mark.parametrize("axes", AXES_3D)
def test_fftconvolve_2d_same_axes(axes, method):
    # test_signaltools.py::TestFFTConvolve::test_2d_real_same_axes and
    # test_2d_complex_same_axes (integer input there is float here: method='fft' refuses
    # exact integers; with method='auto' the integers stay exact, checked below)
    for a, want in ((REAL_2D, REAL_2D_FULL), (COMPLEX_2D, COMPLEX_2D_FULL)):
        a = np.tile(np.array(a), [2, 1, 1])
        assert_allclose(convolve(a, a, method=method, axes=tuple(axes)),
                        np.tile(np.array(want), [2, 1, 1]), atol=1.5e-6)
    ints = np.tile(np.array(REAL_2D, dtype=int), [2, 1, 1])
    _equal(convolve(ints, ints, axes=tuple(axes)), np.tile(np.array(REAL_2D_FULL), [2, 1, 1]))


@pytest.mark.parametrize("method", FREQ_METHODS)
@pytest.mark.parametrize("axes", [1, -1, [1], [-1]])
def test_fftconvolve_real_same_mode_axes(axes, method):
    # test_signaltools.py::TestFFTConvolve::test_real_same_mode_axes
    axes = tuple(axes) if isinstance(axes, list) else axes
    a = np.tile([1, 2, 3.0], [2, 1])
    b = np.tile([3, 3, 5, 6, 8, 7, 9, 0, 1.0], [2, 1])
    assert_allclose(convolve(a, b, "same", method, axes=axes), np.tile([35.0, 41, 47], [2, 1]),
                    atol=1.5e-6)
    assert_allclose(convolve(b, a, "same", method, axes=axes),
                    np.tile([9.0, 20, 25, 35, 41, 47, 39, 28, 2], [2, 1]), atol=1.5e-6)


@pytest.mark.parametrize("method", FREQ_METHODS)
@pytest.mark.parametrize("axes", [1, [1], -1, [-1]])
def test_fftconvolve_valid_mode_axes(axes, method):
    # test_signaltools.py::TestFFTConvolve::test_valid_mode_real_axes (axes 1 and [1]) and
    # test_valid_mode_complex_axes (all four)
    axes = tuple(axes) if isinstance(axes, list) else axes
    a = np.tile([3, 2, 1.0], [2, 1])
    b = np.tile([3, 3, 5, 6, 8, 7, 9, 0, 1.0], [2, 1])
    want = np.tile([24.0, 31, 41, 43, 49, 25, 12], [2, 1])
    assert_allclose(convolve(a, b, "valid", method, axes=axes), want, atol=1.5e-6)
    assert_allclose(convolve(b, a, "valid", method, axes=axes), want, atol=1.5e-6)
    a = np.tile([3 - 1j, 2 + 7j, 1 + 0j], [2, 1])
    b = np.tile([3 + 2j, 3 - 3j, 5 + 0j, 6 - 1j, 8 + 0j], [2, 1])
    want = np.tile([45.0 + 12.0j, 30.0 + 23.0j, 48 + 32.0j], [2, 1])
    assert_allclose(convolve(a, b, "valid", method, axes=axes), want, atol=1.5e-6)
    assert_allclose(convolve(b, a, "valid", method, axes=axes), want, atol=1.5e-6)


def test_fftconvolve_valid_mode_ignore_nonaxes():
    # test_signaltools.py::TestFFTConvolve::test_valid_mode_ignore_nonaxes (gh-5897): the
    # non-convolved axis broadcasts (2 against 1)
    a = np.tile([3, 2, 1.0], [2, 1])
    b = np.tile([3, 3, 5, 6, 8, 7, 9, 0, 1.0], [1, 1])
    want = np.tile([24.0, 31, 41, 43, 49, 25, 12], [2, 1])
    for method in FREQ_METHODS:
        assert_allclose(convolve(a, b, "valid", method, axes=1), want, atol=1.5e-6)


@pytest.mark.parametrize("axes", [1, [1], -1, [-1]])
def test_fftconvolve_random_data_axes(axes):
    # test_signaltools.py::TestFFTConvolve::test_random_data_axes
    axes = tuple(axes) if isinstance(axes, list) else axes
    rng = np.random.default_rng(1234)
    a = rng.random(1233) + 1j * rng.random(1233)
    b = rng.random(1321) + 1j * rng.random(1321)
    want = np.tile(np.convolve(a, b, "full"), [2, 1])
    for method in ("auto", "fft", "overlap-add"):
        assert_allclose(convolve(np.tile(a, [2, 1]), np.tile(b, [2, 1]), "full", method,
                                 axes=axes), want, rtol=1e-10)


@pytest.mark.parametrize("axes", [[1, 4], [4, 1], [1, -1], [-1, 1], [-4, 4], [4, -4],
                                  [-4, -1], [-1, -4]])
def test_fftconvolve_random_data_multidim_axes(axes):
    # test_signaltools.py::TestFFTConvolve::test_random_data_multidim_axes (axes 2 and 3
    # broadcast a length-1 axis against 3 and 4; axis 0 is batched)
    import scipy.signal

    rng = np.random.default_rng(1234)
    a = rng.random((123, 22)) + 1j * rng.random((123, 22))
    b = rng.random((132, 11)) + 1j * rng.random((132, 11))
    expected = scipy.signal.convolve2d(a, b, "full")

    def spread(x):
        return np.moveaxis(x[:, :, None, None, None].swapaxes(0, 2), 1, 4)

    a = np.tile(spread(a), [2, 1, 3, 1, 1])
    b = np.tile(spread(b), [2, 1, 1, 4, 1])
    expected = np.tile(spread(expected), [2, 1, 3, 4, 1])
    for method in ("auto", "fft", "overlap-add"):
        assert_allclose(convolve(a, b, "full", method, axes=tuple(axes)), expected,
                        rtol=1e-10, atol=1e-10)


def _oa_axes_cases(ndim_axes):
    return [(axes, extra_a, extra_b) for axes in ndim_axes for extra_a in (1, 3)
            for extra_b in (1, 3)]


@pytest.mark.parametrize("mode", ["full", "valid", "same"])
@pytest.mark.parametrize("is_complex", [True, False])
@pytest.mark.parametrize("la, lb", _oa_shapes([50, 47, 6, 4]))
@pytest.mark.parametrize("axes, extra_a, extra_b", _oa_axes_cases([0, 1]))
def test_oaconvolve_1d_axes(axes, extra_a, extra_b, la, lb, is_complex, mode):
    # test_signaltools.py::TestOAConvolve::test_1d_axes: overlap-add against fftconvolve
    shape_a, shape_b = [extra_a] * 2, [extra_b] * 2
    shape_a[axes], shape_b[axes] = la, lb
    rng = np.random.default_rng(la * 1000 + lb * 10 + axes)
    a, b = rng.random(shape_a), rng.random(shape_b)
    if is_complex:
        a = a + 1j * rng.random(shape_a)
        b = b + 1j * rng.random(shape_b)
    import scipy.signal

    want = scipy.signal.fftconvolve(a, b, mode=mode, axes=axes)
    np.testing.assert_array_almost_equal(convolve(a, b, mode, "overlap-add", axes=axes), want)


@pytest.mark.parametrize("axes, extra_a, extra_b", _oa_axes_cases([(0, 1), (0, 2), (1, 2)]))
@pytest.mark.parametrize("a0, b0, a1, b1, mode", _oa_shapes_2d([50, 47, 6, 4])[::7])
def test_oaconvolve_2d_axes(axes, extra_a, extra_b, a0, b0, a1, b1, mode):
    # test_signaltools.py::TestOAConvolve::test_2d_axes (real case, every 7th shape pair)
    shape_a, shape_b = [extra_a] * 3, [extra_b] * 3
    shape_a[axes[0]], shape_b[axes[0]] = a0, b0
    shape_a[axes[1]], shape_b[axes[1]] = a1, b1
    rng = np.random.default_rng(a0 + 100 * b0 + 10**4 * a1 + 10**6 * b1)
    a, b = rng.random(shape_a), rng.random(shape_b)
    import scipy.signal

    want = scipy.signal.fftconvolve(a, b, mode=mode, axes=axes)
    np.testing.assert_array_almost_equal(convolve(a, b, mode, "overlap-add", axes=axes), want)


@pytest.mark.parametrize("method", ["fft", "overlap-add"])
def test_all_freq_convolves_invalid_shapes_axes_and_flags(method):
    # test_signaltools.py::TestAllFreqConvolves::test_invalid_shapes_axes and the axes flags
    # of test_invalid_flags.  scipy raises ValueError for axes of the wrong type; algconv
    # raises InvalidType (a TypeError), as for every parameter of the wrong type
    with pytest.raises(ac.StructureMismatch, match=r"\(5, 6, 2, 1\) and \(5, 6, 3, 1\)"):
        convolve(np.zeros([5, 6, 2, 1]), np.zeros([5, 6, 3, 1]), method=method, axes=[0, 1])
    with pytest.raises(ac.InvalidArgument, match="at least one axis"):
        convolve([1.0], [2.0], method=method, axes=[])
    with pytest.raises(ac.InvalidType, match="sequence of ints"):
        convolve([1.0], [2.0], method=method, axes=[[1, 2], [3, 4]])
    with pytest.raises(ac.InvalidType, match="sequence of ints"):
        convolve([1.0], [2.0], method=method, axes=[1.0, 2.0, 3.0, 4.0])
    for axes in ([1], [-2]):
        with pytest.raises(ac.InvalidArgument, match="out of range"):
            convolve([1.0], [2.0], method=method, axes=axes)
    with pytest.raises(ac.InvalidArgument, match="distinct"):
        convolve([1.0], [2.0], method=method, axes=[0, 0])


# --- 0-d inputs and bools (issue 15.4) --------------------------------------------------------


def test_zero_rank():
    # test_signaltools.py::TestConvolve::test_zero_rank, TestFFTConvolve::test_zero_rank and
    # TestOAConvolve::test_zero_rank: 0-d inputs multiply
    a, b = np.asarray(1289), np.asarray(4567)
    assert convolve(a, b) == a * b
    for method in ("auto", "exact", "direct"):
        assert convolve(np.asarray(4967), np.asarray(3920), method=method) == 4967 * 3920
    for method in ("fft", "overlap-add"):  # floats for the float transforms
        assert convolve(np.asarray(4967.0), np.asarray(3920.0), method=method) == 4967 * 3920


def test_zero_rank_python_scalars():
    # test_signaltools.py::TestConvolve::test_zero_rank_python_scalars
    assert convolve(1289, 4567) == 1289 * 4567


@pytest.mark.parametrize("dt_name", ["complex64", "complex128"])
def test_correlate_complex_rank0(dt_name):
    # test_signaltools.py::TestCorrelateComplex::test_rank0
    rng = np.random.default_rng(0)
    a = np.array(rng.standard_normal()).astype(dt_name) + 1j * np.array(
        rng.standard_normal()).astype(dt_name)
    b = np.array(rng.standard_normal()).astype(dt_name) + 1j * np.array(
        rng.standard_normal()).astype(dt_name)
    a, b = a.astype(dt_name), b.astype(dt_name)
    y_r = (correlate(a.real, b.real) + correlate(a.imag, b.imag)).astype(dt_name)
    y_r += 1j * np.array(-correlate(a.real, b.imag) + correlate(a.imag, b.real))
    y = correlate(a, b, "full")
    decimal = 5 if dt_name == "complex64" else 10
    np.testing.assert_array_almost_equal(y, y_r, decimal=decimal - 1)
    assert y.dtype == np.dtype(dt_name)
    assert correlate([1], [2j]).tolist() == [np.asarray(correlate(1, 2j)).tolist()]
    assert correlate([2j], [3j]).tolist() == [np.asarray(correlate(2j, 3j)).tolist()]
    assert correlate([3j], [4]).tolist() == [np.asarray(correlate(3j, 4)).tolist()]


def test_convolve_method_bool_dtypes():
    # test_signaltools.py::TestConvolve::test_convolve_method, the bool pairs: direct and fft
    # give the same dtype (bool) and values.  algconv computes bools exactly in the Boolean
    # semiring (counts > 0), so method='fft', which rounds, refuses them as it refuses exact
    # integers; scipy's auto choice for bools is 'direct', and so is algconv's.
    import scipy.signal

    rng = np.random.RandomState(42)
    x = rng.choice([0, 1], size=100).astype(bool)
    for mode in ("valid", "full", "same"):
        want = scipy.signal.convolve(x, x, mode=mode, method="direct")
        for method in ("auto", "direct", "exact"):
            got = convolve(x, x, mode=mode, method=method)
            assert got.dtype == want.dtype == bool
            assert_array_equal(got, want)
        with pytest.raises(ac.MethodNotApplicable):
            convolve(x, x, mode=mode, method="fft")
    assert scipy.signal.choose_conv_method(x, x) == "direct"
    assert ac.choose_method(x, x).method in ("direct", "exact")


def test_boundary_extension_same():
    # test_signaltools.py::TestConvolve2d::test_boundary_extension_same (gh-12686):
    # convolve2d(a, b, 'same', boundary='wrap') is ndimage.convolve(a, b, mode='wrap',
    # origin=(-1, -1)), which is ac.filter with the same boundary and origin
    import scipy.ndimage
    import scipy.signal

    a = np.arange(1, 10 * 3 + 1, dtype=np.float64).reshape(10, 3)
    b = np.arange(1, 10 * 10 + 1, dtype=np.float64).reshape(10, 10)
    want = scipy.signal.convolve2d(a, b, mode="same", boundary="wrap")
    assert_array_equal(want, scipy.ndimage.convolve(a, b, mode="wrap", origin=(-1, -1)))
    assert_allclose(ac.filter(a, b, "wrap", origin=(-1, -1)), want, rtol=1e-13)
    _equal(ac.filter(a.astype(int), b.astype(int), "wrap", origin=(-1, -1)), want)
