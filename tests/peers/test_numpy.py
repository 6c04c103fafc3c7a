"""numpy.convolve / numpy.correlate tests, ported onto ac.convolve / ac.correlate.

Source: numpy/_core/tests/test_numeric.py (``TestCorrelate``, ``TestConvolve``).  Each test
names the peer test it came from.

Where algconv differs from numpy on purpose (it follows scipy.signal):

* ``np.correlate``'s default mode is ``'valid'``; algconv's (scipy's) is ``'full'``.  The
  ports pass the mode explicitly.
* ``mode='same'`` keeps the shape of the *first* argument (scipy's rule); numpy keeps the
  longer one's.  They agree when the first argument is the longer.
* numpy's integer modes (``mode=0, 1, 2``) are not accepted: modes are strings.
* Empty inputs give an empty result (scipy's ``fftconvolve`` convention) where numpy raises.
"""

from decimal import Decimal

import numpy as np
import pytest
from numpy.testing import assert_array_almost_equal, assert_array_equal

import algconv as ac


def _setup(dt):
    return {
        "x": np.array([1, 2, 3, 4, 5], dtype=dt),
        "xs": np.arange(1, 20)[::3],
        "y": np.array([-1, -2, -3], dtype=dt),
        "z1": np.array([-3.0, -8.0, -14.0, -20.0, -26.0, -14.0, -5.0], dtype=dt),
        "z1_4": np.array([-2.0, -5.0, -8.0, -11.0, -14.0, -5.0], dtype=dt),
        "z1r": np.array([-15.0, -22.0, -22.0, -16.0, -10.0, -4.0, -1.0], dtype=dt),
        "z2": np.array([-5.0, -14.0, -26.0, -20.0, -14.0, -8.0, -3.0], dtype=dt),
        "z2r": np.array([-1.0, -4.0, -10.0, -16.0, -22.0, -22.0, -15.0], dtype=dt),
        "zs": np.array([-3.0, -14.0, -30.0, -48.0, -66.0, -84.0, -102.0, -54.0, -19.0], dtype=dt),
    }


@pytest.mark.parametrize("dt", [float, int])
def test_correlate_float(dt):
    # test_numeric.py::TestCorrelate::test_float (and the same data as ints, which stay exact)
    s = _setup(dt)
    assert_array_almost_equal(ac.correlate(s["x"], s["y"], "full"), s["z1"])
    assert_array_almost_equal(ac.correlate(s["x"], s["y"][:-1], "full"), s["z1_4"])
    assert_array_almost_equal(ac.correlate(s["y"], s["x"], "full"), s["z2"])
    assert_array_almost_equal(ac.correlate(s["x"][::-1], s["y"], "full"), s["z1r"])
    assert_array_almost_equal(ac.correlate(s["y"], s["x"][::-1], "full"), s["z2r"])
    assert_array_almost_equal(ac.correlate(s["xs"], s["y"], "full"), s["zs"])


def test_correlate_object():
    # test_numeric.py::TestCorrelate::test_object (Decimal values in object arrays)
    s = _setup(Decimal)
    assert_array_almost_equal(ac.correlate(s["x"], s["y"], "full").astype(float), s["z1"])
    assert_array_almost_equal(ac.correlate(s["y"], s["x"], "full").astype(float), s["z2"])


def test_correlate_object_fractions_are_exact():
    # not in numpy: the same data as Fractions gives exact Fractions
    from fractions import Fraction

    x = np.array([Fraction(v, 2) for v in [1, 2, 3, 4, 5]], dtype=object)
    y = np.array([Fraction(-v, 3) for v in [1, 2, 3]], dtype=object)
    want = [Fraction(int(v), 6) for v in _setup(int)["z1"]]
    assert ac.correlate(x, y, "full").tolist() == want


@pytest.mark.parametrize("fn", [ac.convolve, ac.correlate])
def test_no_overwrite(fn):
    # test_numeric.py::TestCorrelate::test_no_overwrite and TestConvolve::test_no_overwrite
    d, k = np.ones(100), np.ones(3)
    fn(d, k)
    assert_array_equal(d, np.ones(100))
    assert_array_equal(k, np.ones(3))


def test_correlate_complex():
    # test_numeric.py::TestCorrelate::test_complex (g is conjugated, as numpy and scipy do)
    x = np.array([1, 2, 3, 4 + 1j], dtype=complex)
    y = np.array([-1, -2j, 3 + 1j], dtype=complex)
    r_z = np.array([3 - 1j, 6, 8 + 1j, 11 + 5j, -5 + 8j, -4 - 1j], dtype=complex)
    assert_array_almost_equal(ac.correlate(y, x, mode="full"), r_z[::-1].conjugate())


def test_zero_size():
    # test_numeric.py::TestCorrelate::test_zero_size and
    # TestConvolve::test_convolve_empty_input_error_message.  algconv differs on purpose:
    # empty inputs give an empty result (scipy.signal's convention), numpy raises.
    for fn in (ac.convolve, ac.correlate):
        assert fn(np.array([]), np.ones(1000), mode="full").size == 0
        assert fn(np.ones(1000), np.array([]), mode="full").size == 0


@pytest.mark.parametrize("fn, default", [(ac.convolve, "full"), (ac.correlate, "valid")])
def test_mode(fn, default):
    # test_numeric.py::TestCorrelate::test_mode and TestConvolve::test_mode.  numpy's default
    # mode (``default``) is passed explicitly, since algconv's default is scipy's 'full';
    # numpy's integer modes are refused (InvalidType) instead of meaning 0=valid, 1=same,
    # 2=full.
    d, k = np.ones(100), np.ones(3)
    want = np.convolve(d, k, mode=default) if fn is ac.convolve else np.correlate(d, k)
    assert_array_equal(fn(d, k, mode=default), want)
    with pytest.raises(ac.InvalidArgument):
        fn(d, k, mode=default[0])
    for bad in (-1, 2, None):
        with pytest.raises(ac.InvalidType):
            fn(d, k, mode=bad)


def test_convolve_object():
    # test_numeric.py::TestConvolve::test_object (lists of Python floats)
    d = [1.0] * 100
    k = [1.0] * 3
    assert_array_almost_equal(ac.convolve(d, k)[2:-2], np.full(98, 3))


def test_same_mode_follows_the_first_argument():
    # not a numpy test: the one place np.convolve and ac.convolve differ in value, on purpose
    # (scipy.signal's rule).  With the longer first they agree.
    assert_array_equal(ac.convolve([1, 2, 3, 4], [1, 2], "same"),
                       np.convolve([1, 2, 3, 4], [1, 2], "same"))
    assert ac.convolve([1, 2], [1, 2, 3, 4], "same").shape == (2,)
    assert np.convolve([1, 2], [1, 2, 3, 4], "same").shape == (4,)
