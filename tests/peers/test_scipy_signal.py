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
