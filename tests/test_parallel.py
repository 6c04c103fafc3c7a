"""Workers (issue 17.1): ``config.workers`` threads per request, results bitwise identical
for every number of workers, and the setting validated and scoped like the other limits."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import scipy.signal

import algconv as ac
from algconv import _parallel, config
from algconv.engines import ndimage as ndimage_engine


def under_each_worker_count(fn):
    outs = []
    for workers in (1, 2, 3):
        with config.limit_workers(workers):
            outs.append(fn())
    return outs


def assert_bitwise(outs):
    for other in outs[1:]:
        assert other.dtype == outs[0].dtype and other.shape == outs[0].shape
        assert np.array_equal(outs[0], other)


rng = np.random.default_rng(17)
CONVOLVE_CASES = {
    "fft 1-D": (rng.standard_normal(70_000), rng.standard_normal(50_000), {}),
    "overlap-add 1-D": (rng.standard_normal(200_003), rng.standard_normal(301), {}),
    "fft 2-D": (rng.standard_normal((300, 257)), rng.standard_normal((31, 20)), {}),
    "fft 2-D complex": (rng.standard_normal((200, 190)) + 1j, rng.standard_normal((25, 25)), {}),
    "fft 3-D axes": (rng.standard_normal((40, 50, 60)), rng.standard_normal((40, 9, 11)),
                     {"axes": (1, 2)}),
    "cyclic": (rng.standard_normal(2**16), rng.standard_normal(2**16),
               {"over": ac.Cyclic(2**16)}),
    "overlap-add 2-D": (rng.standard_normal((600, 500)), rng.standard_normal((5, 40)),
                        {"method": "overlap-add"}),
    "separable 2-D": (rng.standard_normal((300, 200)), np.outer(np.hanning(9), np.hanning(5)),
                      {"method": "separable"}),
    "exact ints 2^62": (rng.integers(-2**62, 2**62, 3000), rng.integers(-2**62, 2**62, 2500), {}),
    "exact ints 2^30 2-D": (rng.integers(-2**30, 2**30, (120, 100)),
                            rng.integers(-2**30, 2**30, (60, 40)), {}),
}


@pytest.mark.parametrize("name", sorted(CONVOLVE_CASES))
def test_convolve_bitwise_identical_for_any_worker_count(name):
    a, b, kw = CONVOLVE_CASES[name]
    outs = under_each_worker_count(lambda: ac.convolve(a, b, **kw))
    assert_bitwise(outs)
    if outs[0].dtype.kind in "fc" and "over" not in kw:  # and right, against scipy
        peer = scipy.signal.convolve(a, b) if "axes" not in kw else scipy.signal.fftconvolve(
            a, b, axes=kw["axes"])
        assert np.allclose(outs[0], peer, rtol=1e-9, atol=1e-9 * np.abs(peer).max())


KERNELS = {
    "3x3 dense": rng.standard_normal((3, 3)),
    "7x7 dense": rng.standard_normal((7, 7)),
    "9x9 gaussian": np.outer(np.hanning(11)[1:-1], np.hanning(11)[1:-1]),
    "5x4 even": rng.standard_normal((5, 4)),
}


@pytest.mark.parametrize("kernel_name", sorted(KERNELS))
@pytest.mark.parametrize("boundary", ["fill", "reflect", "mirror", "wrap", "nearest"])
@pytest.mark.parametrize("shape", [(400, 300), (257, 260, 2)])
def test_filter_bitwise_identical_for_any_worker_count(kernel_name, boundary, shape):
    import scipy.ndimage

    kernel = KERNELS[kernel_name]
    image = np.random.default_rng(3).standard_normal(shape)
    kw = {"axes": (0, 1)} if len(shape) == 3 else {}
    fill = -0.5 if boundary == "fill" else 0
    outs = under_each_worker_count(lambda: ac.filter(image, kernel, boundary, fill, origin=1, **kw))
    assert_bitwise(outs)
    mode = "constant" if boundary == "fill" else boundary
    peer = scipy.ndimage.convolve(image, kernel if not kw else kernel[..., None], mode=mode,
                                  cval=fill, origin=[1, 1, 0][: image.ndim])
    assert np.allclose(outs[0], peer, rtol=1e-12, atol=1e-12)


def test_threads_are_used_inside_a_call_only():
    seen = []
    real = ndimage_engine.parallel_map

    def spy(fn, items, workers):
        seen.append(workers)
        return real(lambda x: (threading.current_thread().name, fn(x))[1], items, workers)

    image = np.random.default_rng(4).standard_normal((512, 512))
    try:
        ndimage_engine.parallel_map = spy
        with config.limit_workers(2):
            ac.filter(image, np.ones((3, 3)), method="ndimage")
        with config.limit_workers(1):
            ac.filter(image, np.ones((3, 3)), method="ndimage")
    finally:
        ndimage_engine.parallel_map = real
    assert seen == [2]


def test_workers_setting_validated_and_scoped():
    assert config.workers == config.default_workers() >= 1
    with config.limit_workers(3):
        assert config.workers == 3
        with config.limit_workers(None):
            assert config.workers == config.default_workers()
    with pytest.raises(ac.InvalidArgument, match="workers=0"):
        config.limit_workers(0)
    with pytest.raises(ac.InvalidType, match="workers='2'"):
        config.workers = "2"
    old = config.workers
    config.workers = 1
    try:
        assert config.workers == 1
    finally:
        config.workers = None
    assert config.workers == old


def test_default_honours_omp_num_threads(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert config.default_workers() == 1
    monkeypatch.setenv("OMP_NUM_THREADS", "junk")
    assert config.default_workers() >= 1


def test_worker_threads_see_the_callers_limits():
    def piece(_):
        return config.memory_limit

    with config.limit_memory(12345):
        assert _parallel.parallel_map(piece, range(4), 2) == [12345] * 4


# --- every split, on small random shapes (the size thresholds lowered to 0) ---------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@pytest.fixture
def always_split(monkeypatch):
    from algconv import _stencil
    from algconv.engines import exact, fft, ndimage

    monkeypatch.setattr(ndimage, "PARALLEL_MIN_ENTRIES", 0)
    monkeypatch.setattr(_stencil, "BLOCK_ELEMENTS", 64)  # blocks of a few rows
    monkeypatch.setattr(fft, "PARALLEL_MIN_POINTS", 0)
    monkeypatch.setattr(exact, "PARALLEL_MIN_POINTS", 0)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # the same patch for all
@given(rows=st.integers(1, 300), cols=st.integers(1, 12), k0=st.integers(1, 9),
       k1=st.integers(1, 5), boundary=st.sampled_from(["fill", "reflect", "mirror", "wrap",
                                                       "nearest"]),
       rank_one=st.booleans(), seed=st.integers(0, 2**16))
def test_filter_splits_never_change_a_bit(always_split, rows, cols, k0, k1, boundary,
                                          rank_one, seed):
    import scipy.ndimage

    rng = np.random.default_rng(seed)
    image = rng.standard_normal((rows, cols))
    kernel = (np.outer(rng.standard_normal(k0), rng.standard_normal(k1)) if rank_one
              else rng.standard_normal((k0, k1)))
    fits = k0 <= rows and k1 <= cols  # else ndimage would read past the image
    method = "ndimage" if fits else "auto"
    outs = under_each_worker_count(lambda: ac.filter(image, kernel, boundary, 0.25,
                                                     method=method))
    assert_bitwise(outs)
    assert_bitwise(under_each_worker_count(lambda: ac.filter(image, kernel, boundary, 0.25,
                                                             method="stencil")))
    if fits:
        mode = "constant" if boundary == "fill" else boundary
        peer = scipy.ndimage.convolve(image, kernel, mode=mode, cval=0.25)
        assert np.allclose(outs[0], peer, rtol=1e-10, atol=1e-10)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # the same patch for all
@given(m=st.integers(1, 3000), n=st.integers(1, 200), two_d=st.booleans(),
       ints=st.booleans(), seed=st.integers(0, 2**16))
def test_convolve_splits_never_change_a_bit(always_split, m, n, two_d, ints, seed):
    rng = np.random.default_rng(seed)
    if ints:
        a, b = rng.integers(-2**62, 2**62, m), rng.integers(-2**62, 2**62, n)
    else:
        a, b = rng.standard_normal(m), rng.standard_normal(n)
    if two_d:
        a, b = a[: (m // 7) * 7].reshape(-1, 7) if m >= 7 else a[:, None], b[:, None]
    outs = under_each_worker_count(lambda: ac.convolve(a, b))
    assert_bitwise(outs)
    if not ints:
        assert np.allclose(outs[0], scipy.signal.convolve(a, b), rtol=1e-9, atol=1e-9 * m)
