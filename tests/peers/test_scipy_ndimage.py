"""scipy.ndimage's convolve / correlate / convolve1d / correlate1d tests, ported onto ac.filter.

Source: scipy/ndimage/tests/test_filters.py (``TestNdimageFilters``).  Each test names the
peer test it came from.

How the calls translate (and where algconv differs on purpose):

* ``ndimage.convolve(x, w, mode=m, cval=c)`` is ``ac.filter(x, w, boundary, fillvalue=c)``
  with ndimage's mode names (``constant`` is algconv's ``fill``).  ndimage's default mode is
  ``reflect``; algconv's default boundary is ``fill`` (zeros, as scipy.signal), so the ports
  pass ``"reflect"`` where ndimage relied on its default.
* ``ndimage.correlate`` has no algconv twin: it is ``ac.filter`` with the kernel flipped
  (and conjugated, as ndimage conjugates complex weights) and the origin mirrored as ndimage
  itself mirrors it (``-origin``, one more step left on an axis of even length; ``_correlate``
  below).  ``origin=`` and ``axes=`` are ndimage's.
* ``convolve1d(x, w, axis=k, origin=o)`` is ``ac.filter(x, w, axes=k, origin=o)``.
* ``output=`` (an output dtype or array) is not supported: integer input gives exact integers
  (int64 or Python ints) where ndimage returns the input dtype, so the dtype assertions of
  test_correlate13/14/15/16/20/22/23 are dropped and their values kept.
"""

import itertools

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

import algconv as ac

#: scipy.ndimage mode -> algconv boundary
BOUNDARY = {"constant": "fill", "reflect": "reflect", "mirror": "mirror", "wrap": "wrap",
            "nearest": "nearest"}

INTEGER_TYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
TYPES = INTEGER_TYPES + ["float32", "float64"]


def _convolve(x, w, mode="reflect", cval=0, origin=0, axes=None):
    return ac.filter(x, w, BOUNDARY[mode], fillvalue=cval, origin=origin, axes=axes)


def _correlate(x, w, mode="reflect", cval=0, origin=0, axes=None):
    """ndimage.correlate: flip (and conjugate, as ndimage does) the kernel and mirror the
    origin as ndimage does, on the kernel length of each axis (the kernel's axes lie on the
    sorted ``axes``, the origins in the order of ``axes``)."""
    w = np.asarray(w)
    flipped = np.flip(np.conj(w) if w.dtype.kind == "c" else w)
    ndim = np.ndim(x)
    filtered = range(ndim) if axes is None else [ax % ndim for ax in np.atleast_1d(axes)]
    lengths = dict(zip(sorted(filtered), w.shape))
    origins = np.broadcast_to(origin, (len(filtered),))
    mirrored = [-int(o) - (1 - lengths[ax] % 2) for o, ax in zip(origins, filtered)]
    return _convolve(x, flipped, mode, cval, mirrored, axes)


def _along(w, axis, ndim):
    shape = [1] * ndim
    shape[axis] = len(w)
    return np.asarray(w).reshape(shape)


def _check(x, w, tcor, tcov=None):
    """correlate, convolve, and their 1-D forms for 1-D input, with ndimage's default mode."""
    tcov = tcor if tcov is None else tcov
    assert_array_equal(_correlate(x, w), tcor)
    assert_array_equal(_convolve(x, w), tcov)


def test_correlate01():
    # test_filters.py::TestNdimageFilters::test_correlate01
    _check([1, 2], [2], [2, 4])


def test_correlate02():
    # test_filters.py::TestNdimageFilters::test_correlate02
    _check([1, 2, 3], [1], [1, 2, 3])


def test_correlate03():
    # test_filters.py::TestNdimageFilters::test_correlate03
    _check([1], [1, 1], [2])


def test_correlate04():
    # test_filters.py::TestNdimageFilters::test_correlate04
    _check([1, 2], [1, 1], [2, 3], [3, 4])


def test_correlate05():
    # test_filters.py::TestNdimageFilters::test_correlate05
    _check([1, 2, 3], [1, 1], [2, 3, 5], [3, 5, 6])


def test_correlate06():
    # test_filters.py::TestNdimageFilters::test_correlate06
    _check([1, 2, 3], [1, 2, 3], [9, 14, 17], [7, 10, 15])


def test_correlate07():
    # test_filters.py::TestNdimageFilters::test_correlate07
    _check([1, 2, 3], [1, 2, 1], [5, 8, 11])


def test_correlate08():
    # test_filters.py::TestNdimageFilters::test_correlate08
    _check([1, 2, 3], [1, 2, -1], [1, 2, 5], [3, 6, 7])


def test_correlate09_and_10_empty():
    # test_filters.py::TestNdimageFilters::test_correlate09 and test_correlate10
    for x, w in ((np.array([]), [1, 1]), (np.array([[]]), [[1, 1]])):
        assert _convolve(x, w).shape == x.shape
        assert _correlate(x, w).shape == x.shape


def test_correlate11():
    # test_filters.py::TestNdimageFilters::test_correlate11
    x = [[1, 2, 3], [4, 5, 6]]
    _check(x, [[1, 1], [1, 1]], [[4, 6, 10], [10, 12, 16]], [[12, 16, 18], [18, 22, 24]])


def test_correlate12():
    # test_filters.py::TestNdimageFilters::test_correlate12
    x = [[1, 2, 3], [4, 5, 6]]
    _check(x, [[1, 0], [0, 1]], [[2, 3, 5], [5, 6, 8]], [[6, 8, 9], [9, 11, 12]])


@pytest.mark.parametrize("dtype", TYPES)
def test_correlate13_to_15(dtype):
    # test_filters.py::TestNdimageFilters::test_correlate13, test_correlate14, test_correlate15
    # (values only: ``output=`` is not supported, see the module docstring)
    x = np.array([[1, 2, 3], [4, 5, 6]], dtype=dtype)
    w = np.array([[1, 0], [0, 1]])
    assert_array_equal(_correlate(x, w), [[2, 3, 5], [5, 6, 8]])
    assert_array_equal(_convolve(x, w), [[6, 8, 9], [9, 11, 12]])


@pytest.mark.parametrize("dtype", TYPES)
def test_correlate16(dtype):
    # test_filters.py::TestNdimageFilters::test_correlate16
    x = np.array([[1, 2, 3], [4, 5, 6]], dtype=dtype)
    w = np.array([[0.5, 0], [0, 0.5]])
    assert_allclose(_correlate(x, w), [[1, 1.5, 2.5], [2.5, 3, 4]])
    assert_allclose(_convolve(x, w), [[3, 4, 4.5], [4.5, 5.5, 6]])


def test_correlate16_exact_with_fractions():
    # not in ndimage: the same filter with an exact kernel stays exact
    from fractions import Fraction

    half = Fraction(1, 2)
    got = _convolve([[1, 2, 3], [4, 5, 6]], np.array([[half, 0], [0, half]], dtype=object))
    assert got.tolist() == [[3, 4, Fraction(9, 2)], [Fraction(9, 2), Fraction(11, 2), 6]]


@pytest.mark.parametrize("dtype", TYPES)
@pytest.mark.parametrize("mode, expected", [
    ("reflect", [[5, 10, 15], [7, 14, 21]]),   # test_correlate20 / test_correlate21
    ("wrap", [[6, 12, 18], [6, 12, 18]]),      # test_correlate22
    ("nearest", [[5, 10, 15], [7, 14, 21]]),   # test_correlate23
])
def test_correlate20_to_23_along_axis_0(dtype, mode, expected):
    # test_filters.py::TestNdimageFilters::test_correlate20, test_correlate21,
    # test_correlate22, test_correlate23: correlate1d / convolve1d along axis 0
    x = np.array([[1, 2, 3], [2, 4, 6]], dtype=dtype)
    w = _along([1, 2, 1], 0, 2)
    assert_array_equal(_correlate(x, w, mode), expected)
    assert_array_equal(_convolve(x, w, mode), expected)


def test_correlate26():
    # test_filters.py::TestNdimageFilters::test_correlate26 (gh-11661: mirror extension of a
    # length-1 signal)
    assert_array_equal(_convolve(np.ones(1), np.ones(5), "mirror"), [5.0])
    assert_array_equal(_correlate(np.ones(1), np.ones(5), "mirror"), [5.0])


@pytest.mark.parametrize("dtype_input", TYPES)
@pytest.mark.parametrize("dtype_kernel", ["complex64", "complex128"])
@pytest.mark.parametrize("mode, cval", [("reflect", 0), ("constant", 5.0)])
def test_correlate_complex_kernel(dtype_input, dtype_kernel, mode, cval):
    # test_filters.py::TestNdimageFilters::test_correlate_complex_kernel,
    # test_correlate_complex_kernel_cval and test_correlate1d_complex_kernel (their kernel and
    # image), against ndimage with a complex output
    import scipy.ndimage as ndi

    w = np.array([[1, 0], [0, 1 + 1j]], dtype=dtype_kernel)
    x = np.array([[1, 2, 3], [4, 5, 6]], dtype=dtype_input)
    tol = 1e-5 if dtype_kernel == "complex64" else 1e-12
    for ours, theirs in ((_convolve, ndi.convolve), (_correlate, ndi.correlate)):
        want = theirs(x, w, output=np.complex128, mode=mode, cval=cval)
        assert_allclose(ours(x, w, mode, cval), want, rtol=tol, atol=tol)
    w1 = np.array([1, 1 + 1j], dtype=dtype_kernel)
    want = ndi.correlate1d(x, w1, axis=1, output=np.complex128, mode=mode, cval=cval)
    assert_allclose(_correlate(x, _along(w1, 1, 2), mode, cval), want, rtol=tol, atol=tol)


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_correlate_complex_input_and_kernel(dtype):
    # test_filters.py::TestNdimageFilters::test_correlate_complex_input,
    # test_correlate_complex_input_and_kernel, test_correlate1d_complex_input_and_kernel:
    # against ndimage itself on complex data, every mode
    import scipy.ndimage as ndi

    x = np.arange(12, dtype=dtype).reshape(3, 4) * (1 - 2j)
    w = np.array([[1, 0, 1], [0, 1, 0]], dtype=dtype) * (1 + 1j)
    tol = 1e-4 if dtype == "complex64" else 1e-12
    for mode in ("reflect", "constant", "wrap", "nearest", "mirror"):
        assert_allclose(_convolve(x, w, mode), ndi.convolve(x, w, mode=mode), rtol=tol)
        assert_allclose(_correlate(x, w, mode), ndi.correlate(x, w, mode=mode), rtol=tol)
    w1 = np.array([1, 2 + 1j, 1], dtype=dtype)
    for axis in (0, 1):
        assert_allclose(_convolve(x, _along(w1, axis, 2)), ndi.convolve1d(x, w1, axis=axis),
                        rtol=tol)
        assert_allclose(_correlate(x, _along(w1, axis, 2)),
                        ndi.correlate1d(x, w1, axis=axis), rtol=tol)


EXTEND_1D = [
    # (ndimage test, weights, {mode: expected}) for correlate1d / correlate of [1, 2, 3]
    ("test_extend01", [1, 0], {"nearest": [1, 1, 2], "wrap": [3, 1, 2], "reflect": [1, 1, 2],
                               "mirror": [2, 1, 2], "constant": [0, 1, 2]}),
    ("test_extend02", [1, 0, 0, 0, 0, 0, 0, 0],
     {"nearest": [1, 1, 1], "wrap": [3, 1, 2], "reflect": [3, 3, 2], "mirror": [1, 2, 3],
      "constant": [0, 0, 0]}),
    ("test_extend03", [0, 0, 1], {"nearest": [2, 3, 3], "wrap": [2, 3, 1], "reflect": [2, 3, 3],
                                  "mirror": [2, 3, 2], "constant": [2, 3, 0]}),
    ("test_extend04", [0, 0, 0, 0, 0, 0, 0, 0, 1],
     {"nearest": [3, 3, 3], "wrap": [2, 3, 1], "reflect": [2, 1, 1], "mirror": [1, 2, 3],
      "constant": [0, 0, 0]}),
]


@pytest.mark.parametrize("mode", sorted(BOUNDARY))
@pytest.mark.parametrize("name, weights, expected", EXTEND_1D, ids=[e[0] for e in EXTEND_1D])
def test_extend_1d(name, weights, expected, mode):
    # test_filters.py::TestNdimageFilters::test_extend01 .. test_extend04 and test_extend07 /
    # test_extend09 (the same case through ndimage.correlate); also as columns, test_extend08
    # and test_extend10
    x = np.array([1, 2, 3])
    assert_array_equal(_correlate(x, weights, mode), expected[mode])
    assert_array_equal(_correlate(x[:, None], np.array(weights)[:, None], mode),
                       np.array(expected[mode])[:, None])


@pytest.mark.parametrize("mode, weights, expected", [
    # test_extend05
    ("nearest", [[1, 0], [0, 0]], [[1, 1, 2], [1, 1, 2], [4, 4, 5]]),
    ("wrap", [[1, 0], [0, 0]], [[9, 7, 8], [3, 1, 2], [6, 4, 5]]),
    ("reflect", [[1, 0], [0, 0]], [[1, 1, 2], [1, 1, 2], [4, 4, 5]]),
    ("mirror", [[1, 0], [0, 0]], [[5, 4, 5], [2, 1, 2], [5, 4, 5]]),
    ("constant", [[1, 0], [0, 0]], [[0, 0, 0], [0, 1, 2], [0, 4, 5]]),
    # test_extend06
    ("nearest", [[0, 0, 0], [0, 0, 0], [0, 0, 1]], [[5, 6, 6], [8, 9, 9], [8, 9, 9]]),
    ("wrap", [[0, 0, 0], [0, 0, 0], [0, 0, 1]], [[5, 6, 4], [8, 9, 7], [2, 3, 1]]),
    ("reflect", [[0, 0, 0], [0, 0, 0], [0, 0, 1]], [[5, 6, 6], [8, 9, 9], [8, 9, 9]]),
    ("mirror", [[0, 0, 0], [0, 0, 0], [0, 0, 1]], [[5, 6, 5], [8, 9, 8], [5, 6, 5]]),
    ("constant", [[0, 0, 0], [0, 0, 0], [0, 0, 1]], [[5, 6, 0], [8, 9, 0], [0, 0, 0]]),
])
def test_extend_2d(mode, weights, expected):
    # test_filters.py::TestNdimageFilters::test_extend05 and test_extend06
    x = np.arange(1, 10).reshape(3, 3)
    assert_array_equal(_correlate(x, weights, mode), expected)
    assert_array_equal(_correlate(x.astype(float), weights, mode), expected)


def test_correlate_mode_sequence_is_refused():
    # test_filters.py::TestNdimageFilters::test_correlate_mode_sequence: ndimage refuses a
    # sequence of modes for convolve/correlate (RuntimeError); algconv takes one boundary name
    # and refuses a list with InvalidType
    with pytest.raises(ac.InvalidType):
        ac.filter(np.ones((3, 3)), np.ones((2, 2)), ["nearest", "reflect"])


@pytest.mark.parametrize("mode", sorted(BOUNDARY))
def test_random_against_ndimage(mode):
    # test_filters.py::TestThreading::test_correlate and test_correlate1d (their data: a random
    # image and a 10x10 kernel, a 1-D signal and arange(5)), checked against ndimage itself
    import scipy.ndimage as ndi

    rng = np.random.default_rng(0)
    d = rng.standard_normal((60, 50))
    k = rng.standard_normal((10, 10))
    assert_allclose(_correlate(d, k, mode), ndi.correlate(d, k, mode=mode), atol=1e-10)
    assert_allclose(_convolve(d, k, mode), ndi.convolve(d, k, mode=mode), atol=1e-10)
    s = rng.standard_normal(500)
    assert_allclose(_correlate(s, np.arange(5.0), mode), ndi.correlate1d(s, np.arange(5.0),
                                                                         mode=mode), atol=1e-10)
    ints = rng.integers(-9, 9, (20, 17))
    assert_array_equal(_convolve(ints, np.arange(6).reshape(2, 3), mode),
                       ndi.convolve(ints, np.arange(6).reshape(2, 3), mode=mode))


# --- origin= and axes= (issue 15.2, 15.3) --------------------------------------------------------


def test_correlate17():
    # test_filters.py::TestNdimageFilters::test_correlate17 (and its correlate1d / convolve1d
    # forms, the same calls on 1-D input)
    array, kernel = [1, 2, 3], [1, 1]
    assert_array_equal(_correlate(array, kernel, origin=-1), [3, 5, 6])
    assert_array_equal(_convolve(array, kernel, origin=-1), [2, 3, 5])
    assert_array_equal(_convolve(array, kernel, origin=-1, axes=0), [2, 3, 5])


@pytest.mark.parametrize("dtype", TYPES)
def test_correlate18(dtype):
    # test_filters.py::TestNdimageFilters::test_correlate18 (output=float32 is not supported:
    # the values are compared; integer input gives exact integers)
    kernel = [[1, 0], [0, 1]]
    array = np.array([[1, 2, 3], [4, 5, 6]], dtype=dtype)
    assert_array_equal(_correlate(array, kernel, "nearest", origin=-1), [[6, 8, 9], [9, 11, 12]])
    assert_array_equal(_convolve(array, kernel, "nearest", origin=-1), [[2, 3, 5], [5, 6, 8]])


@pytest.mark.parametrize("dtype", TYPES)
def test_correlate19(dtype):
    # test_filters.py::TestNdimageFilters::test_correlate19 (output= as in test_correlate18)
    kernel = [[1, 0], [0, 1]]
    array = np.array([[1, 2, 3], [4, 5, 6]], dtype=dtype)
    assert_array_equal(_correlate(array, kernel, "nearest", origin=[-1, 0]),
                       [[5, 6, 8], [8, 9, 11]])
    assert_array_equal(_convolve(array, kernel, "nearest", origin=[-1, 0]),
                       [[3, 5, 6], [6, 8, 9]])


@pytest.mark.parametrize("dtype", TYPES)
@pytest.mark.parametrize("origin, tcor, tcov", [
    (-1, [[7, 14, 21], [8, 16, 24]], [[4, 8, 12], [5, 10, 15]]),  # test_correlate24
    (1, [[4, 8, 12], [5, 10, 15]], [[7, 14, 21], [8, 16, 24]]),  # test_correlate25
])
def test_correlate24_and_25(dtype, origin, tcor, tcov):
    # test_filters.py::TestNdimageFilters::test_correlate24 and test_correlate25:
    # correlate1d / convolve1d along axis 0 with an origin (output= arrays not supported)
    weights = [1, 2, 1]
    array = np.array([[1, 2, 3], [2, 4, 6]], dtype=dtype)
    assert_array_equal(_correlate(array, weights, "nearest", origin=origin, axes=0), tcor)
    assert_array_equal(_convolve(array, weights, "nearest", origin=origin, axes=0), tcov)


def test_bad_convolve_and_correlate_origins():
    # test_filters.py::test_bad_convolve_and_correlate_origins (gh-822): ndimage's ValueError
    # is algconv's InvalidArgument (a ValueError)
    with pytest.raises(ac.InvalidArgument):
        _correlate([0, 1, 2, 3, 4, 5], [1, 1, 2, 0], origin=2, axes=0)
    with pytest.raises(ValueError):
        _correlate([0, 1, 2, 3, 4, 5], [0, 1, 2], origin=[2])
    with pytest.raises(ValueError):
        _correlate(np.ones((3, 5)), np.ones((2, 2)), origin=[0, 1])
    with pytest.raises(ac.InvalidArgument):
        _convolve(np.arange(10), np.ones(3), origin=-2, axes=0)
    with pytest.raises(ValueError):
        _convolve(np.arange(10), np.ones(3), origin=[-2])
    with pytest.raises(ValueError):
        _convolve(np.ones((3, 5)), np.ones((2, 2)), origin=[0, -2])


@pytest.mark.parametrize("func", ["correlate", "convolve"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.complex64, np.complex128])
@pytest.mark.parametrize("axes", tuple(itertools.combinations(range(-3, 3), 2)))
@pytest.mark.parametrize("origin", [(0, 0), (-1, 1)])
def test_correlate_convolve_axes(func, dtype, axes, origin):
    # test_filters.py::TestNdimageFilters::test_correlate_convolve_axes: filtering along two
    # axes equals filtering with the kernel given a length-1 third axis
    fn = _correlate if func == "correlate" else _convolve
    array = np.arange(6 * 8 * 12, dtype=dtype).reshape(6, 8, 12)
    weights = np.arange(3 * 5).reshape(3, 5)
    axes = tuple(ax % array.ndim for ax in axes)
    if len(set(axes)) != len(axes):
        with pytest.raises(ValueError):  # ac.InvalidArgument
            fn(array, weights, axes=axes, origin=origin)
        return
    output = fn(array, weights, axes=axes, origin=origin)
    missing_axis = tuple(set(range(3)) - set(axes))[0]
    weights_3d = np.expand_dims(weights, missing_axis)
    origin_3d = [0, 0, 0]
    for i, ax in enumerate(axes):
        origin_3d[ax] = origin[i]
    expected = fn(array, weights_3d, origin=origin_3d)
    assert_allclose(output, expected, rtol=1e-6)
    import scipy.ndimage  # and ndimage's own value

    ndimage_fn = getattr(scipy.ndimage, func)
    assert_allclose(output, ndimage_fn(array, weights, axes=axes, origin=origin), rtol=1e-5)


def test_constant_is_ndimage_name_for_fill():
    # ndimage's mode='constant' (every test above that passes "constant" through BOUNDARY) is
    # accepted under its own name too
    assert_array_equal(ac.filter([1, 2, 3], [1, 1, 1], "constant", 5),
                       ac.filter([1, 2, 3], [1, 1, 1], "fill", 5))
