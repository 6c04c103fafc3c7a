"""Benchmark workloads of the Z / Z^d engines: FFT, overlap-add, filters, exact integers, and
the call overhead, each against its peer (scipy, numpy, python-flint).

A workload is a dict: ``name``, ``peer`` (str), ``target`` (largest acceptable ratio
algconv / peer, or None for an informational row), ``setup(quick) -> state``,
``algconv(state)``, ``peer_fn(state)``, ``check(state, ours, theirs) -> bool`` (do the two
results agree: required, a row is only as good as its check); optional ``quick_name`` (the
label at ``--quick`` sizes, for a workload whose sizes shrink there), ``number`` (calls
per timing, for tiny inputs; the same for both sides) and ``needs`` (a module the row
needs, e.g. ``"flint"``; the row is skipped without it).  Both sides get the same warm-up
call and the same repeats (``runner.best_of``).

Examples
--------
>>> from algconv.benchmark.lattice import WORKLOADS
>>> WORKLOADS[0]["name"], WORKLOADS[0]["target"]
('1-D float 1e5 x 1e5', 1.1)
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import scipy.ndimage
import scipy.signal

import algconv as ac
from algconv.engines import exact

__all__ = ["WORKLOADS"]


def _close(state, x, y) -> bool:
    return np.allclose(x, y, rtol=1e-7, atol=1e-7 * float(np.max(np.abs(y)) or 1.0))


def _floats(quick, m, n, small=(2000, 2000)):
    rng = np.random.default_rng(0)
    m, n = (small if quick else (m, n))
    return rng.standard_normal(m), rng.standard_normal(n)


def _image(quick, side, k):
    rng = np.random.default_rng(1)
    side = 256 if quick else side
    return rng.standard_normal((side, side)), rng.standard_normal((k, k))


def _box(quick, side, k):
    image = _image(quick, side, k)[0]
    return image, np.full((k, k), 1.0 / k**2)


def _ints(quick, bits=20, signed=False):
    rng = np.random.default_rng(2)
    n = 5000 if quick else 100_000
    low = -(2**bits) if signed else 0
    return rng.integers(low, 2**bits, n), rng.integers(low, 2**bits, n)


def _flint_arrays(state):
    """python-flint with arrays in and out: lists in, an object array of ints out."""
    coeffs = _flint_product(state).coeffs()
    out = np.empty(len(coeffs), dtype=object)
    out[:] = [int(c) for c in coeffs]
    return out


def _same_ints(state, ours, theirs) -> bool:
    return len(ours) == len(theirs) and bool(np.all(ours == theirs))


def _python(code: str) -> int:
    """Run ``code`` in a fresh interpreter (this one, this environment); its exit code."""
    return subprocess.run([sys.executable, "-c", code], check=False).returncode


_HEAVY = ("scipy.signal", "sympy", "hypothesis")
_IMPORT_ALGCONV = ("import sys, algconv\n"
                   f"sys.exit(any(m in sys.modules for m in {_HEAVY!r}))")


def _flint_product(state):
    import flint

    a, b = state
    return flint.fmpz_poly(a.tolist()) * flint.fmpz_poly(b.tolist())


def _same_coeffs(state, ours, theirs) -> bool:
    coeffs = theirs.coeffs()
    return len(ours) == len(coeffs) and all(int(x) == int(y) for x, y in zip(ours, coeffs))


def _numpy_path(state):
    exact.use_flint = False
    try:
        return ac.convolve(*state)
    finally:
        exact.use_flint = True


def _flint_path(state):
    return exact._flint_linear(*state)


WORKLOADS = [
    dict(name="1-D float 1e5 x 1e5", quick_name="1-D float 2000 x 2000", peer="scipy.signal.convolve (auto)", target=1.1,
         setup=lambda q: _floats(q, 10**5, 10**5), algconv=lambda s: ac.convolve(*s),
         peer_fn=lambda s: scipy.signal.convolve(*s), check=_close),
    dict(name="1-D float 1e6 x 1e3", quick_name="1-D float 2e4 x 200", peer="scipy.signal.oaconvolve", target=0.7,
         setup=lambda q: _floats(q, 10**6, 10**3, small=(20_000, 200)),
         algconv=lambda s: ac.convolve(*s), peer_fn=lambda s: scipy.signal.oaconvolve(*s),
         check=_close),
    dict(name="filter 2048^2, 3x3 box", quick_name="filter 256^2, 3x3 box",
         peer="scipy.ndimage.convolve", target=0.6, setup=lambda q: _box(q, 2048, 3),
         algconv=lambda s: ac.filter(*s),
         peer_fn=lambda s: scipy.ndimage.convolve(*s, mode="constant"), check=_close),
    dict(name="filter 2048^2, 7x7 dense", quick_name="filter 256^2, 7x7 dense",
         peer="scipy.ndimage.convolve", target=0.6, setup=lambda q: _image(q, 2048, 7),
         algconv=lambda s: ac.filter(*s),
         peer_fn=lambda s: scipy.ndimage.convolve(*s, mode="constant"), check=_close),
    dict(name="filter 2048^2, 15x15 Gaussian (separable)",
         quick_name="filter 256^2, 15x15 Gaussian (separable)", peer="scipy.ndimage.convolve",
         target=None, setup=lambda q: (_image(q, 2048, 15)[0],
                                       np.outer(np.hanning(17)[1:-1], np.hanning(17)[1:-1])),
         algconv=lambda s: ac.filter(*s, "reflect"),
         peer_fn=lambda s: scipy.ndimage.convolve(*s, mode="reflect"), check=_close),
    dict(name="2-D 2048^2, 3x3, convolve mode=same",
         quick_name="2-D 256^2, 3x3, convolve mode=same", peer="scipy.signal.convolve (auto)",
         target=None, setup=lambda q: _image(q, 2048, 3),
         algconv=lambda s: ac.convolve(*s, mode="same"),
         peer_fn=lambda s: scipy.signal.convolve(*s, mode="same"), check=_close),
    dict(name="2-D 2048^2 x 31x31, full", quick_name="2-D 256^2 x 31x31, full", peer="scipy.signal.fftconvolve", target=0.75,
         setup=lambda q: _image(q, 2048, 31), algconv=lambda s: ac.convolve(*s),
         peer_fn=lambda s: scipy.signal.fftconvolve(*s), check=_close),
    dict(name="exact int 1e5 x 1e5, < 2^20",
         quick_name="exact int 5000 x 5000, < 2^20", peer="python-flint fmpz_poly product", target=2.0,
         needs="flint", setup=_ints, algconv=lambda s: ac.convolve(*s), peer_fn=_flint_product,
         check=_same_coeffs),
    dict(name="  same, flint path disabled", peer="python-flint fmpz_poly product",
         target=10.0, needs="flint", setup=_ints, algconv=_numpy_path, peer_fn=_flint_product,
         check=_same_coeffs),
    dict(name="  same, forced flint back-end", peer="python-flint fmpz_poly product",
         target=None, needs="flint", setup=_ints, algconv=_flint_path, peer_fn=_flint_product,
         check=_same_coeffs),
    dict(name="exact int in +-2^62, 1e5 x 1e5", quick_name="exact int in +-2^62, 5000 x 5000",
         peer="python-flint fmpz_poly, arrays in and out", target=1.0, needs="flint",
         setup=lambda q: _ints(q, bits=62, signed=True), algconv=lambda s: ac.convolve(*s),
         peer_fn=_flint_arrays, check=_same_ints),
    dict(name="length-10 call overhead", peer="numpy.convolve", target=5.0,
         setup=lambda q: _floats(q, 10, 10, small=(10, 10)), algconv=lambda s: ac.convolve(*s),
         peer_fn=lambda s: np.convolve(*s), number=200, check=_close),
    dict(name="import algconv (fresh process)", peer="import numpy, scipy.fft", target=1.5,
         setup=lambda q: None, algconv=lambda s: _python(_IMPORT_ALGCONV),
         peer_fn=lambda s: _python("import numpy, scipy.fft"),
         check=lambda s, ours, theirs: ours == theirs == 0),
]
