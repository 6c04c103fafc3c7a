"""Time the semiring kernels against what a user reaches for today, in one process.

Usage: python benchmarks/bench_semirings.py [--quick] [--only NAME ...]

Each row of issue 16's table (point 6): algconv's kernel (``algconv._semiring_kernels``)
and its peer run on the same inputs, the results are checked equal, and the ratio
algconv / peer of the best of ``--repeat`` (default 3) timings, taken in turn, is printed
beside the goal.
One row more than the table: max-plus of two increasing sequences, where the 1-D kernel's
pruning proves nothing and its full loop runs (the worst case of "general values").
The machine is shared: read ratios, not digits.  ``--quick`` shrinks every size (a smoke
test); the goals hold for the full sizes only.
"""

from __future__ import annotations

import argparse
import math
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # uninstalled checkouts

import numpy as np
import scipy.ndimage
import scipy.signal

from algconv._semiring_kernels import (
    boolean_convolve,
    concave_tropical,
    logsumexp_convolve,
    modular_convolve,
    tropical_convolve,
    tropical_filter,
)
from algconv._kernels import best_of

# ------------------------------------------------------------------ peers


def numpy_maxplus_loop(f: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Max-plus convolution as a user writes it: one ``np.maximum`` per entry of g."""
    n = len(f)
    out = np.full(n + len(g) - 1, -np.inf)
    for j, gj in enumerate(g):
        np.maximum(out[j:j + n], f + gj, out=out[j:j + n])
    return out


def numpy_logaddexp_loop(f: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Log-sum-exp convolution as a user writes it: one ``np.logaddexp`` per entry of g."""
    n = len(f)
    out = np.full(n + len(g) - 1, -np.inf)
    for j, gj in enumerate(g):
        np.logaddexp(out[j:j + n], f + gj, out=out[j:j + n])
    return out


def numpy_slope_merge(f: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Max-plus of two concave sequences by merging their slopes (numpy's stable sort of
    two sorted runs is timsort's O(n) merge), for a user who knows they are concave."""
    slopes = np.concatenate([np.diff(f), np.diff(g)])
    merged = -np.sort(-slopes, kind="stable")
    out = np.empty(len(f) + len(g) - 1, dtype=np.result_type(f, g))
    out[0] = f[0] + g[0]
    np.cumsum(merged, out=out[1:])
    out[1:] += out[0]
    return out


def fftconvolve_threshold(f: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Boolean convolution as a user writes it: counts by FFT of the 0/1 floats, > 1/2."""
    return scipy.signal.fftconvolve(f.astype(np.float64), g.astype(np.float64)) > 0.5


def flint_nmod(f: np.ndarray, g: np.ndarray, m: int) -> np.ndarray:
    """python-flint's nmod_poly product, numpy arrays in and out (as a user must)."""
    import flint

    product = flint.nmod_poly(f.tolist(), m) * flint.nmod_poly(g.tolist(), m)
    out = np.zeros(len(f) + len(g) - 1, dtype=np.int64)
    coeffs = product.coeffs()
    out[: len(coeffs)] = np.array([int(c) for c in coeffs], dtype=np.int64)
    return out


# ------------------------------------------------------------------ workloads


def concave(rng, n: int) -> np.ndarray:
    """A random concave int sequence: cumulative sums of decreasing slopes."""
    slopes = -np.sort(-rng.integers(-10**6, 10**6, size=n - 1))
    return np.concatenate([[0], np.cumsum(slopes)]).astype(np.int64)


def rows(quick: bool) -> list:
    """(name, goal, algconv call, peer call, equal?) for every row of the table."""
    rng = np.random.default_rng(0)
    side = 256 if quick else 2048
    image = rng.standard_normal((side, side))
    structure = rng.standard_normal((5, 5))
    n_loop = 1000 if quick else 10**4
    f, g = rng.standard_normal(n_loop), rng.standard_normal(n_loop)
    sf, sg = np.sort(f), np.sort(g)
    n_big = 10**5 if quick else 10**6
    cf, cg = concave(rng, n_big), concave(rng, n_big)
    bf, bg = rng.random(n_big) < 0.5, rng.random(n_big) < 0.5
    p = 998244353
    pf, pg = rng.integers(0, p, n_big), rng.integers(0, p, n_big)
    mersenne = 2**61 - 1
    n_mid = 10**4 if quick else 10**5
    qf, qg = rng.integers(0, mersenne, n_mid), rng.integers(0, mersenne, n_mid)
    exact = np.array_equal
    return [
        ("max-plus filter, non-flat 5x5", 1.1,
         lambda: tropical_filter(image, structure, boundary="reflect"),
         lambda: scipy.ndimage.grey_dilation(image, structure=structure), exact),
        ("max-plus filter, flat 15x15", 1.1,
         lambda: tropical_filter(image, np.zeros((15, 15)), boundary="reflect"),
         lambda: scipy.ndimage.grey_dilation(image, size=(15, 15)), exact),
        ("max-plus 1-D, general values", 1.0,
         lambda: tropical_convolve(f, g), lambda: numpy_maxplus_loop(f, g), exact),
        ("max-plus 1-D, increasing values", 1.1,  # pruning proves nothing: the full loop
         lambda: tropical_convolve(sf, sg), lambda: numpy_maxplus_loop(sf, sg), exact),
        ("max-plus of two concave sequences", 3.0,
         lambda: concave_tropical(cf, cg), lambda: numpy_slope_merge(cf, cg), exact),
        ("boolean", 1.2, lambda: boolean_convolve(bf, bg),
         lambda: fftconvolve_threshold(bf, bg), exact),
        ("mod 998244353", 0.5, lambda: modular_convolve(pf, pg, p),
         lambda: flint_nmod(pf, pg, p), exact),
        ("mod 2**61 - 1", 1.0, lambda: modular_convolve(qf, qg, mersenne),
         lambda: flint_nmod(qf, qg, mersenne), exact),
        ("log-sum-exp", 2.0, lambda: logsumexp_convolve(f, g),
         lambda: numpy_logaddexp_loop(f, g),
         lambda x, y: np.allclose(x, y, rtol=1e-12, atol=1e-12)),
    ], {"side": side, "loop": n_loop, "big": n_big, "mid": n_mid}


SIZES = {
    "max-plus filter, non-flat 5x5": "{side}^2 float",
    "max-plus filter, flat 15x15": "{side}^2 float",
    "max-plus 1-D, general values": "{loop} x {loop}",
    "max-plus 1-D, increasing values": "{loop} x {loop}",
    "max-plus of two concave sequences": "{big} x {big} int",
    "boolean": "{big} x {big}",
    "mod 998244353": "{big} x {big}",
    "mod 2**61 - 1": "{mid} x {mid}",
    "log-sum-exp": "{loop} x {loop}",
}


def interleaved(ours, peer, repeat: int) -> tuple[float, float]:
    """Best-of-``repeat`` seconds of each, the two timed in turn (a shared machine's load
    then weighs on both alike)."""
    t_ours, t_peer = math.inf, math.inf
    for _ in range(repeat):
        t_ours = min(t_ours, best_of(ours, 1))
        t_peer = min(t_peer, best_of(peer, 1))
    return t_ours, t_peer


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes (CI smoke)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per call (best kept)")
    parser.add_argument("--only", nargs="*", default=None,
                        help="rows whose name contains one of these words")
    args = parser.parse_args(argv)
    table, sizes = rows(args.quick)
    try:
        import flint  # noqa: F401
    except ImportError:
        table = [r for r in table if not r[0].startswith("mod")]
        print("python-flint not installed (extra 'fast'): the mod rows are skipped")
    if args.only:
        table = [r for r in table if any(word in r[0] for word in args.only)]
    print(f"{'workload':<36} {'size':<18} {'algconv s':>10} {'peer s':>10} {'ratio':>7} "
          f"{'goal':>6}")
    failed = 0
    for name, goal, ours, peer, equal in table:
        if not equal(ours(), peer()):
            print(f"{name}: algconv and the peer DISAGREE")
            failed += 1
            continue
        t_ours, t_peer = interleaved(ours, peer, args.repeat)
        ratio = t_ours / t_peer
        mark = "" if ratio <= goal else "  (over goal)"
        print(f"{name:<36} {SIZES[name].format(**sizes):<18} {t_ours:>10.4f} {t_peer:>10.4f} "
              f"{ratio:>7.2f} {goal:>6.1f}{mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
