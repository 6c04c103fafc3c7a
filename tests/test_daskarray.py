"""Lazy dask filter and convolve against scipy, numpy padding and the in-memory engines.

Every case runs on a process-based distributed LocalCluster (one per module) and on dask's
default threaded scheduler.
"""

import pickle
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
import scipy.ndimage
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac

da = pytest.importorskip("dask.array")
distributed = pytest.importorskip("distributed")
import dask

from algconv.daskarray import BOUNDARIES, filter, result_dtype

#: boundary -> (scipy.ndimage mode, numpy.pad mode)
MODES = {
    "fill": ("constant", "constant"),
    "wrap": ("wrap", "wrap"),
    "reflect": ("reflect", "symmetric"),
    "mirror": ("mirror", "reflect"),
    "nearest": ("nearest", "edge"),
}

#: (image shape, chunks, kernel shape): uneven chunks, odd and even kernels, 1-D to 3-D,
#: chunks smaller than the kernel radius, kernels longer than the image
CASES = [
    ((17,), ((5, 3, 6, 3),), (5,)),
    ((16,), ((7, 9),), (4,)),
    ((11,), ((1, 2, 3, 5),), (7,)),
    ((5,), ((2, 3),), (12,)),
    ((13, 10), ((4, 6, 3), (3, 3, 4)), (3, 4)),
    ((9, 12), ((2, 7), (5, 5, 2)), (6, 5)),
    ((4, 7), ((4,), (3, 4)), (9, 2)),
    ((7, 6, 5), ((3, 4), (2, 4), (5,)), (3, 2, 3)),
    ((6, 5, 8), ((2, 2, 2), (5,), (3, 5)), (2, 3, 4)),
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", memory_limit="1GiB")
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(params=["distributed", "threads"])
def scheduler(request):
    if request.param == "distributed":
        return request.getfixturevalue("client").get
    return "threads"


def _rng(*seed):
    return np.random.default_rng(abs(hash(seed)) % 2**32)


def _pad_filter(image, kernel, boundary, fillvalue=0):
    """The definition: extend by numpy.pad, then the sum of shifted copies (exact for ints)."""
    reach = [((k - 1) // 2, k // 2) for k in kernel.shape]
    mode = MODES[boundary][1]
    extra = {"constant_values": fillvalue} if mode == "constant" else {}
    padded = _python_scalars(np.pad(image.astype(object), reach, mode=mode, **extra))
    kernel = _python_scalars(kernel.astype(object))
    out = np.zeros(image.shape, dtype=object)
    for index in np.ndindex(kernel.shape):
        w = kernel[index]
        start = [k - 1 - j for j, k in zip(index, kernel.shape)]
        out += w * padded[tuple(slice(s, s + n) for s, n in zip(start, image.shape))]
    return out


#: numpy.pad puts numpy ints into object arrays: make them Python ints (no wrap-around)
_python_scalars = np.frompyfunc(lambda v: int(v) if isinstance(v, np.integer) else v, 1, 1)


def _full_convolve(image, kernel, mode):
    """The definition of scipy.signal.convolve in Python ints: shifted sums, then the crop."""
    image, kernel = _python_scalars(image.astype(object)), _python_scalars(kernel.astype(object))
    full = np.zeros([m + n - 1 for m, n in zip(image.shape, kernel.shape)], dtype=object)
    for index in np.ndindex(kernel.shape):
        full[tuple(slice(j, j + m) for j, m in zip(index, image.shape))] += kernel[index] * image
    keep = {"full": full.shape, "same": image.shape,
            "valid": [abs(m - n) + 1 for m, n in zip(image.shape, kernel.shape)]}[mode]
    start = [(f - k) // 2 for f, k in zip(full.shape, keep)]
    return full[tuple(slice(s, s + k) for s, k in zip(start, keep))]


def _in_memory_filter(image, kernel, boundary, fillvalue=0):
    if hasattr(ac, "filter"):
        return ac.filter(image, kernel, boundary=boundary, fillvalue=fillvalue)
    return scipy.ndimage.convolve(image, kernel, mode=MODES[boundary][0], cval=fillvalue)


def test_pad_filter_is_scipy_ndimage():
    """The test's own definition agrees with scipy.ndimage on every case it is used for."""
    for shape, _, kshape in CASES:
        rng = _rng(shape, kshape)
        image, kernel = rng.standard_normal(shape), rng.standard_normal(kshape)
        for boundary, (mode, _) in MODES.items():
            want = scipy.ndimage.convolve(image, kernel, mode=mode, cval=0.5)
            got = _pad_filter(image, kernel, boundary, 0.5).astype(float)
            np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12, err_msg=boundary)


@pytest.mark.parametrize("boundary", BOUNDARIES)
def test_filter_floats_equal_in_memory(boundary, scheduler):
    lazy, truth = [], []
    for shape, chunks, kshape in CASES:
        rng = _rng(shape, kshape, boundary)
        image, kernel = rng.standard_normal(shape), rng.standard_normal(kshape)
        x = da.from_array(image, chunks=chunks)
        y = filter(x, kernel, boundary=boundary, fillvalue=0.25)
        assert isinstance(y, da.Array) and y.chunks == x.chunks and y.dtype == np.float64
        lazy.append(y)
        truth.append((_in_memory_filter(image, kernel, boundary, 0.25),
                       _pad_filter(image, kernel, boundary, 0.25).astype(float)))
    for got, (memory, definition) in zip(dask.compute(*lazy, scheduler=scheduler), truth):
        np.testing.assert_allclose(got, memory, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(got, definition, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("boundary", BOUNDARIES)
def test_filter_exact_integers(boundary, scheduler):
    lazy, truth = [], []
    for (shape, chunks, kshape), dtype in zip(CASES, [np.int8, np.int32, np.int64] * 3):
        rng = _rng(shape, kshape, "int")
        big = np.iinfo(dtype).max // 2
        image = rng.integers(-big, big, shape, dtype=dtype)
        kernel = rng.integers(-9, 10, kshape)
        x = da.from_array(image, chunks=chunks)
        y = filter(x, kernel, boundary=boundary, fillvalue=-3)
        assert y.dtype == (object if dtype == np.int64 else np.int64)
        lazy.append(y)
        truth.append(_pad_filter(image, kernel, boundary, -3))
    for got, want in zip(dask.compute(*lazy, scheduler=scheduler), truth):
        assert got.dtype == want.dtype or got.dtype == np.int64
        assert got.shape == want.shape and (got == want).all()
        assert all(type(v) is int for v in got.astype(object).flat)


def test_filter_int64_near_overflow_is_exact():
    image = np.array([2**62, 2**62 - 1, -(2**62), 5], dtype=np.int64)
    y = filter(da.from_array(image, chunks=2), [3, 1, 2], boundary="wrap")
    got = y.compute(scheduler="threads")
    assert got.dtype == object and got.tolist() == _pad_filter(image, np.array([3, 1, 2]),
                                                                "wrap").tolist()


def test_filter_fraction_kernel_and_fill():
    image = np.arange(10, dtype=np.int16).reshape(2, 5)
    kernel = np.array([[Fraction(1, 3), Fraction(1, 2)]], dtype=object)
    y = filter(da.from_array(image, chunks=(1, 2)), kernel, fillvalue=Fraction(1, 7))
    assert y.dtype == object
    got = y.compute(scheduler="threads")
    assert got.tolist() == _pad_filter(image, kernel, "fill", Fraction(1, 7)).tolist()


def test_filter_float_fill_promotes_integer_image():
    y = filter(da.from_array(np.arange(4, dtype=np.int32), chunks=2), [1, 1, 1],
               fillvalue=0.5)
    assert y.dtype == np.float64
    np.testing.assert_array_equal(y.compute(scheduler="threads"), [1.5, 3, 6, 5.5])


def test_filter_mirror_of_length_one_axis():
    image = np.arange(5.0).reshape(1, 5)
    y = filter(da.from_array(image, chunks=(1, 2)), np.ones((3, 3)), boundary="mirror")
    want = scipy.ndimage.convolve(image, np.ones((3, 3)), mode="mirror")
    np.testing.assert_allclose(y.compute(scheduler="threads"), want)


CONVOLVE_CASES = [
    ((17,), ((5, 3, 6, 3),), (5,)),
    ((16,), ((7, 9),), (4,)),
    ((11,), ((1, 2, 3, 5),), (7,)),
    ((5,), ((2, 3),), (12,)),
    ((13, 10), ((4, 6, 3), (3, 3, 4)), (3, 4)),
    ((9, 12), ((2, 7), (5, 5, 2)), (6, 1)),
    ((3, 2), ((1, 2), (2,)), (5, 4)),
    ((7, 6, 5), ((3, 4), (2, 4), (5,)), (3, 2, 3)),
    ((6, 5, 8), ((2, 2, 2), (5,), (3, 5)), (2, 3, 4)),
]


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_convolve_floats_equal_in_memory(mode, scheduler):
    lazy, truth = [], []
    for shape, chunks, kshape in CONVOLVE_CASES:
        rng = _rng(shape, kshape, mode)
        image, kernel = rng.standard_normal(shape), rng.standard_normal(kshape)
        x = da.from_array(image, chunks=chunks)
        y = ac.convolve(x, kernel, mode=mode)
        assert isinstance(y, da.Array)
        if mode == "same":
            assert y.chunks == x.chunks
        lazy.append(y)
        truth.append((ac.convolve(image, kernel, mode=mode),
                      scipy.signal.convolve(image, kernel, mode=mode, method="direct")))
    for got, (memory, definition) in zip(dask.compute(*lazy, scheduler=scheduler), truth):
        assert got.shape == memory.shape
        np.testing.assert_allclose(got, memory, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(got, definition, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_convolve_exact_integers(mode, scheduler):
    lazy, truth = [], []
    for (shape, chunks, kshape), dtype in zip(CONVOLVE_CASES, [np.int32, np.int64, np.uint8] * 3):
        rng = _rng(shape, kshape, "int", mode)
        big = min(np.iinfo(dtype).max, 2**62)
        image = rng.integers(0, big, shape, dtype=dtype)
        kernel = rng.integers(-5, 6, kshape)
        y = ac.convolve(da.from_array(image, chunks=chunks), kernel, mode=mode)
        assert y.dtype == (object if dtype == np.int64 else np.int64)
        lazy.append(y)
        truth.append(_full_convolve(image, kernel, mode))
    for got, want in zip(dask.compute(*lazy, scheduler=scheduler), truth):
        assert got.shape == want.shape and (got == want).all()
        assert all(type(v) is int for v in got.astype(object).flat)


def test_convolve_chunks_and_method():
    x = da.from_array(np.arange(10.0), chunks=(4, 6))
    y = ac.convolve(x, [1.0, 2.0, 3.0], method="direct")
    assert y.chunks == ((4, 8),)
    np.testing.assert_array_equal(y.compute(scheduler="threads"),
                                  np.convolve(np.arange(10.0), [1, 2, 3]))
    z = ac.convolve(x, [1.0], over=ac.Integers(), mode="valid")
    np.testing.assert_array_equal(z.compute(scheduler="threads"), np.arange(10.0))


def _boom(block):
    raise RuntimeError("computed too early")


def test_results_are_lazy_and_picklable():
    x = da.ones((8, 8), chunks=4).map_blocks(_boom, dtype=float)
    y, z = filter(x, np.ones((3, 3)), boundary="mirror"), ac.convolve(x, np.ones((2, 2)))
    for lazy in (y, z):
        assert isinstance(pickle.loads(pickle.dumps(lazy)), da.Array)
        with pytest.raises(RuntimeError, match="too early"):
            lazy.compute(scheduler="sync")


def test_import_algconv_does_not_import_dask():
    code = ("import sys, algconv; algconv.convolve([1, 2], [3]); "
            "assert not any(m.startswith('dask') for m in sys.modules), 'dask imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_result_dtype_table():
    ones = np.ones(3, dtype=np.int64)
    assert result_dtype(np.int32, ones) == np.int64
    assert result_dtype(np.int32, ones * 2**33) == object
    assert result_dtype(np.uint64, ones) == object
    assert result_dtype(np.int8, ones, (2**62,)) == object
    assert result_dtype(np.float32, ones) == np.float64
    assert result_dtype(np.int16, ones * 1j) == np.complex128
    assert result_dtype(np.int16, np.array([Fraction(1, 2)], dtype=object)) == object


X = da.zeros((6, 6), chunks=3)
BAD = [
    (filter, (X, da.ones((3, 3))), {}, ac.InvalidType, "kernel must be in memory"),
    (ac.convolve, (X, da.ones((3, 3))), {}, ac.InvalidType, "kernel must be in memory"),
    (ac.convolve, (np.ones((3, 3)), X), {}, ac.InvalidType, "only the first argument"),
    (filter, (X, np.ones(3)), {}, ac.StructureMismatch, "same number of dimensions"),
    (ac.convolve, (X, np.ones((1, 1, 1))), {}, ac.StructureMismatch, "same number"),
    (ac.convolve, (X, np.ones((2, 2))), {"over": ac.Lattice(3)}, ac.StructureMismatch, "needs 3"),
    (ac.convolve, (X, np.ones((2, 2))), {"over": ac.Cyclic(6)}, ac.InvalidArgument, "Z\\^d only"),
    (filter, (X, np.ones((3, 3))), {"boundary": "same"}, ac.InvalidArgument, "boundary='same'"),
    (filter, (X, np.ones((3, 3))), {"fillvalue": "0"}, ac.InvalidType, "fillvalue='0'"),
    (filter, (X, np.ones((0, 3))), {}, ac.InvalidArgument, "non-empty kernel"),
    (filter, (np.ones((6, 6)), np.ones((3, 3))), {}, ac.InvalidType, "dask.array.Array"),
    (filter, (X > 0, [[True]]), {"fillvalue": 2}, ac.InvalidArgument, "fillvalue=2"),
    (filter, (X, np.ones((3, 3))), {"origin": (2, 0)}, ac.InvalidArgument, r"origin=\(2, 0\)"),
    (filter, (X, np.ones(3)), {"axes": (0, 1)}, ac.StructureMismatch, "one dimension per axis"),
    (ac.convolve, (X, np.ones((3, 2))), {"axes": 0}, ac.StructureMismatch, "axes not convolved"),
    (ac.convolve, (X, np.ones((3, 3))), {"axes": 2}, ac.InvalidArgument, "out of range"),
    (ac.convolve, (X, np.ones((3, 3))), {"mode": "middle"}, ac.InvalidArgument, "mode='middle'"),
    (ac.convolve, (X, np.ones((3, 3))), {"method": "magic"}, ac.InvalidArgument,
     "method='magic'"),
    (ac.convolve, (X.astype(np.int32), np.ones((3, 3), dtype=int)), {"method": "fft"},
     ac.MethodNotApplicable, "exact"),
    (ac.convolve, (da.zeros((4, 8), chunks=2), np.ones((6, 3))), {"mode": "valid"},
     ac.InvalidArgument, "at least as large"),
    (ac.convolve, (da.zeros((), chunks=()), np.ones(())), {}, ac.InvalidArgument, "0-dim"),
]


@pytest.mark.parametrize("func, args, kwargs, error, match", BAD)
def test_bad_arguments(func, args, kwargs, error, match):
    with pytest.raises(error, match=match):
        func(*args, **kwargs)


def test_empty_input():
    x = da.zeros((0, 4), chunks=2)
    assert ac.convolve(x, np.ones((2, 2))).compute(scheduler="threads").shape == (0, 0)
    assert filter(x, np.ones((2, 2))).compute(scheduler="threads").shape == (0, 4)


def test_float32_and_complex_fill_follow_in_memory_dtypes():
    image = _rng("f32").standard_normal((9, 7)).astype(np.float32)
    kernel = np.ones((3, 2), dtype=np.float32)
    y = filter(da.from_array(image, chunks=(4, 3)), kernel, boundary="reflect")
    want = _in_memory_filter(image, kernel, "reflect")
    got = y.compute(scheduler="threads")
    assert got.dtype == y.dtype == want.dtype
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    z = filter(da.from_array(image.astype(float), chunks=4), np.ones((3, 3)), fillvalue=1j)
    assert z.dtype == np.complex128
    np.testing.assert_allclose(z.compute(scheduler="threads"),
                               _pad_filter(image.astype(float), np.ones((3, 3)), "fill", 1j)
                               .astype(complex), rtol=1e-6)


def test_unknown_chunks_and_other_dask_uses_are_clear_errors():
    x = da.from_array(np.arange(6.0), chunks=2)
    with pytest.raises(ac.InvalidArgument, match="compute_chunk_sizes"):
        filter(x[x > 2], [1.0, 1.0])
    with pytest.raises(ac.StructureMismatch, match="needs 1"):
        ac.convolve(da.zeros((4, 4), chunks=2), np.ones((2, 2)), over=ac.Integers())
    with pytest.raises(ac.InvalidType, match="dask array is accepted only"):
        ac.correlate(x, [1.0, 2.0])
    with pytest.raises(ac.InvalidType, match="dask array is accepted only"):
        ac.Function.from_array(x, over=ac.Integers())


def test_ac_filter_hands_dask_images_over():
    image = _rng("hook").standard_normal((10, 9))
    y = ac.filter(da.from_array(image, chunks=(3, 4)), np.ones((2, 3)), boundary="mirror")
    assert isinstance(y, da.Array) and y.chunks == ((3, 3, 3, 1), (4, 4, 1))
    np.testing.assert_allclose(y.compute(scheduler="threads"),
                               scipy.ndimage.convolve(image, np.ones((2, 3)), mode="mirror"))
    with pytest.raises(ac.InvalidType, match="kernel must be in memory"):
        ac.filter(image, da.ones((2, 2), chunks=1))


@st.composite
def _chunked_problems(draw):
    """A random 1-D to 3-D image with a random uneven chunking, and a random kernel shape."""
    ndim = draw(st.integers(1, 3))
    shape = tuple(draw(st.integers(1, 9)) for _ in range(ndim))
    chunks = []
    for n in shape:
        cuts = sorted(draw(st.sets(st.integers(1, n - 1), max_size=3))) if n > 1 else []
        chunks.append(tuple(b - a for a, b in zip([0, *cuts], [*cuts, n])))
    kshape = tuple(draw(st.integers(1, 6)) for _ in range(ndim))
    return shape, tuple(chunks), kshape, draw(st.integers(0, 2**32 - 1))


@settings(max_examples=30, deadline=None)
@given(_chunked_problems(), st.sampled_from(list(BOUNDARIES)),
       st.sampled_from(["full", "same", "valid"]))
def test_random_chunkings_equal_in_memory(problem, boundary, mode):
    shape, chunks, kshape, seed = problem
    rng = np.random.default_rng(seed)
    image, kernel = rng.integers(-50, 50, shape, dtype=np.int32), rng.integers(-3, 4, kshape)
    x = da.from_array(image, chunks=chunks)
    got = filter(x, kernel, boundary=boundary, fillvalue=7).compute(scheduler="sync")
    assert (got == _pad_filter(image, kernel, boundary, 7)).all()
    if mode == "valid" and not (all(m >= n for m, n in zip(shape, kshape))
                                or all(n >= m for m, n in zip(shape, kshape))):
        return
    got = ac.convolve(x, kernel, mode=mode).compute(scheduler="sync")
    assert got.dtype == np.int64 and (got == _full_convolve(image, kernel, mode)).all()


# --- axes=, origin=, bools (issue 15.2, 15.3, 15.4), on the threaded scheduler ----------------


@pytest.mark.parametrize("kshape, axes", [
    ((3, 2, 3), (0, 1)),  # batched over the channels: one overlap-add per channel
    ((3, 2, 1), (0, 1)),  # one kernel for every channel
    ((1, 4, 3), [1]),
    ((2, 1, 3), (-1, 0)),
])
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_convolve_axes_equal_fftconvolve(kshape, axes, mode):
    rng = np.random.default_rng(sum(kshape))
    image, kernel = rng.standard_normal((9, 7, 3)), rng.standard_normal(kshape)
    y = ac.convolve(da.from_array(image, chunks=(4, 3, 2)), kernel, mode, axes=axes)
    assert isinstance(y, da.Array)
    want = scipy.signal.fftconvolve(image, kernel, mode, axes=axes)
    got = y.compute(scheduler="threads")
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9)


def test_convolve_axes_exact_integers():
    rng = np.random.default_rng(3)
    image, kernel = rng.integers(-(2**40), 2**40, (8, 5, 2)), rng.integers(-9, 9, (3, 2, 2))
    got = ac.convolve(da.from_array(image, chunks=3), kernel, "same", axes=(0, 1))
    want = ac.convolve(image, kernel, "same", axes=(0, 1))
    assert got.compute(scheduler="threads").tolist() == want.tolist()
    for c in range(2):  # each channel alone, by the exact in-memory convolution
        assert want[..., c].tolist() == ac.convolve(image[..., c], kernel[..., c], "same").tolist()


@pytest.mark.parametrize("boundary", sorted(BOUNDARIES))
@pytest.mark.parametrize("origin", [(0, 0), (-1, 0), (1, -1)])
def test_filter_origin_and_axes_equal_ndimage(boundary, origin):
    rng = np.random.default_rng(4)
    image, kernel = rng.integers(-9, 9, (9, 7, 3)), rng.integers(-3, 3, (3, 2))
    x = da.from_array(image, chunks=(4, 3, 2))
    got = filter(x, kernel, boundary, origin=origin, axes=(0, 1)).compute(scheduler="threads")
    want = scipy.ndimage.convolve(image.astype(float), kernel.astype(float),
                                  mode=MODES[boundary][0], origin=origin, axes=(0, 1))
    np.testing.assert_array_equal(got, want)


def test_bools_are_the_boolean_semiring():
    rng = np.random.default_rng(5)
    image, kernel = rng.random((9, 8)) < 0.3, rng.random((3, 2)) < 0.5
    x = da.from_array(image, chunks=4)
    got = filter(x, kernel, "reflect", origin=(1, 0)).compute(scheduler="threads")
    want = scipy.ndimage.convolve(image, kernel, mode="reflect", origin=(1, 0))
    assert got.dtype == bool and (got == want).all()
    counts = ac.convolve(image.astype(int), kernel.astype(int), "same")
    got = ac.convolve(x, kernel, "same").compute(scheduler="threads")
    assert got.dtype == bool and (got == (counts > 0)).all()
