"""Separable kernels (issue 17.2): rank-1 detection, and filters by 1-D passes that agree
with scipy.ndimage.convolve (floats) and a brute-force sum (exact values)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import scipy.ndimage

import algconv as ac
from algconv import separable
from algconv.engines import ENGINES
from algconv.engines import ndimage as ndimage_engine


def gaussian(k: int) -> np.ndarray:
    g = np.exp(-np.linspace(-2, 2, k) ** 2)
    return g / g.sum()


SEPARABLE = {
    "box3": np.ones((3, 3)) / 9,
    "gauss7": np.outer(gaussian(7), gaussian(7)),
    "gauss15x5": np.outer(gaussian(15), gaussian(5)),
    "sobel": np.array([[1.0, 0, -1], [2, 0, -2], [1, 0, -1]]),
    "3d": np.multiply.outer(np.outer(gaussian(5), gaussian(3)), gaussian(7)),
}


@pytest.mark.parametrize("name", sorted(SEPARABLE))
def test_rank_one_kernels_are_found_and_reproduced(name):
    kernel = SEPARABLE[name]
    fs = separable.factors(kernel)
    assert fs is not None and [len(f) for f in fs] == list(kernel.shape)
    assert np.allclose(separable.outer(fs), kernel, rtol=0, atol=1e-15 * np.abs(kernel).max())


@pytest.mark.parametrize("kernel", [
    np.array([[1.0, 2.0], [3.0, 4.0]]),  # rank 2
    np.outer(gaussian(5), gaussian(5)) + 1e-9 * np.eye(5),  # rank 1 only to 1e-9
    np.array([[np.inf, 1.0], [1.0, 1.0]]),
    np.zeros((3, 3)),
    np.ones(5),  # one axis: nothing to split
    np.ones((1, 5)),
])
def test_not_separable(kernel):
    assert separable.factors(kernel) is None


def test_exact_factors_only_when_every_minor_vanishes():
    k = np.outer([2, 4, 6], [3, -6, 9])
    fs = separable.factors(k)
    assert all(f.dtype == np.int64 for f in fs)
    assert np.array_equal(separable.outer(fs), k)
    assert separable.factors(k + np.eye(3, dtype=int)) is None
    t = np.multiply.outer(np.outer([2, 4], [3, 6, 9]), [1, 5])  # integral factors in 3-D
    assert np.array_equal(separable.outer(separable.factors(t)), t)
    q = np.array([[Fraction(1, 2), Fraction(1, 3)], [Fraction(1, 4), Fraction(1, 6)]], dtype=object)
    assert np.all(separable.outer(separable.factors(q)) == q)
    q[1, 1] += Fraction(1, 10**30)
    assert separable.factors(q) is None


@pytest.mark.parametrize("name", sorted(SEPARABLE))
@pytest.mark.parametrize("boundary", ["fill", "reflect", "mirror", "wrap", "nearest"])
def test_float_filter_by_passes_equals_ndimage(name, boundary):
    kernel = SEPARABLE[name]
    rng = np.random.default_rng(len(name))
    image = rng.standard_normal((70, 90, 9)[: kernel.ndim])
    fill = 1.5 if boundary == "fill" else 0.0
    origin = [-(k // 2) if ax == 0 else 0 for ax, k in enumerate(kernel.shape)]
    ours = ac.filter(image, kernel, boundary, fillvalue=fill, origin=origin)
    mode = "constant" if boundary == "fill" else boundary
    peer = scipy.ndimage.convolve(image, kernel, mode=mode, cval=fill, origin=origin)
    assert ours.dtype == image.dtype
    assert np.allclose(ours, peer, rtol=1e-12, atol=1e-12)


def test_large_separable_kernel_takes_the_passes(monkeypatch):
    from algconv import _stencil

    calls, passes = [], []
    real = ndimage_engine.separable_ndimage
    monkeypatch.setattr(ndimage_engine, "separable_ndimage",
                        lambda *a: calls.append(1) or real(*a))
    real_passes = _stencil._passes  # the stencil engine's own passes, one per factor
    monkeypatch.setattr(_stencil, "_passes", lambda *a: passes.append(1) or real_passes(*a))
    image = np.random.default_rng(0).standard_normal((256, 256))
    kernel = np.outer(gaussian(9), gaussian(9))
    peer = scipy.ndimage.convolve(image, kernel, mode="reflect")
    ours = ac.filter(image, kernel, "reflect", method="ndimage")
    assert calls and np.allclose(ours, peer)
    ours = ac.filter(image, kernel, "reflect")  # auto: the stencil engine, by passes
    assert passes and np.allclose(ours, peer)


def test_float32_image_summed_in_double():
    image = np.random.default_rng(1).standard_normal((80, 80)).astype(np.float32)
    kernel = np.outer(gaussian(9), gaussian(9))
    ours = ac.filter(image, kernel)
    assert ours.dtype == np.float32
    peer = scipy.ndimage.convolve(image.astype(np.float64), kernel, mode="constant")
    assert np.allclose(ours, peer, rtol=1e-6, atol=1e-6)


def brute_filter(image, kernel):
    """out[i, j] = sum K[a, b] * E[i - a + c0, j - b + c1], zero outside (exact, objects)."""
    (m, n), (p, q) = image.shape, kernel.shape
    c0, c1 = p // 2, q // 2
    out = np.zeros((m, n), dtype=object)
    for i in range(m):
        for j in range(n):
            total = 0
            for a in range(p):
                for b in range(q):
                    x, y = i - a + c0, j - b + c1
                    if 0 <= x < m and 0 <= y < n:
                        total += kernel[a, b] * image[x, y]
            out[i, j] = total
    return out


def test_exact_filter_by_passes_equals_brute_force(monkeypatch):
    engine = ENGINES["separable"]
    calls = []
    real = engine.run
    monkeypatch.setattr(engine, "run", lambda p: calls.append(p.gv.array.shape) or real(p))
    rng = np.random.default_rng(2)
    image = rng.integers(-2**40, 2**40, (30, 26))
    kernel = np.outer([1, 4, 6, 4, 1, 3, 7], [2, -1, 5, 3, 8, 1, 1])
    ours = ac.filter(image, kernel)
    assert calls == [(7, 7)]  # auto picked one pass per factor, on the extended image
    truth = brute_filter(image.astype(object), kernel.astype(object))
    assert np.array_equal(ours.astype(object), truth)
    assert np.array_equal(ac.filter(image, kernel, method="direct").astype(object), truth)
    frac = np.array([[Fraction(i + 1, 3) * Fraction(2 * j - 3, 7) for j in range(5)]
                     for i in range(5)], dtype=object)
    ours = ac.filter(image[:12, :12], frac)
    assert all(type(v) is Fraction for v in ours.flat)
    assert np.array_equal(ours, brute_filter(image[:12, :12].astype(object), frac))
