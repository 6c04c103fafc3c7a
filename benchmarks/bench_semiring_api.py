"""Issue 16's table through the public API: ``ac.convolve`` / ``ac.filter(semiring=...)``,
dispatch included, against what a user reaches for today, in one process.

Usage: python benchmarks/bench_semiring_api.py [--quick] [--repeat N]

``bench_semirings.py`` times the kernels themselves; this script times the calls a user
writes, so it also shows the engine ``choose_method`` picks and what validation and
dispatch cost on top.  Every result is checked equal to the peer's (log-sum-exp: within
1e-12 relative).  The machine is shared: read ratios, not digits.  ``--quick`` shrinks the
sizes (a smoke test; the goals are for the full sizes).
"""

from __future__ import annotations

import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # uninstalled checkouts

import numpy as np
import scipy.ndimage
import scipy.signal

import algconv as ac
from algconv._kernels import best_of
from algconv.semirings import Boolean, LogSumExp, MaxPlus, Modular


def _loop(ufunc, f: np.ndarray, g: np.ndarray) -> np.ndarray:
    """What a user writes: one ``ufunc`` per entry of g (np.maximum, np.logaddexp)."""
    out = np.full(len(f) + len(g) - 1, -np.inf)
    for j, gj in enumerate(g):
        ufunc(out[j:j + len(f)], f + gj, out=out[j:j + len(f)])
    return out


def _merge(f: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Max-plus of two concave sequences by a merge of their slopes, in numpy."""
    slopes = -np.sort(-np.concatenate([np.diff(f), np.diff(g)]), kind="stable")
    return np.concatenate([[f[0] + g[0]], f[0] + g[0] + np.cumsum(slopes)])


def _flint(f: np.ndarray, g: np.ndarray, m: int) -> np.ndarray | None:
    try:
        import flint
    except ImportError:
        return None
    coeffs = (flint.nmod_poly(f.tolist(), m) * flint.nmod_poly(g.tolist(), m)).coeffs()
    out = np.zeros(len(f) + len(g) - 1, dtype=np.int64)
    out[: len(coeffs)] = [int(c) for c in coeffs]
    return out


def rows(quick: bool) -> list:
    """(name, goal, ac call, peer call, semiring, operands for choose_method or None)."""
    rng = np.random.default_rng(0)
    side, n_loop, n_big, n_mid = (256, 1000, 10**5, 10**4) if quick else (
        2048, 10**4, 10**6, 10**5)
    image, k5 = rng.standard_normal((side, side)), rng.standard_normal((5, 5))
    f, g = rng.standard_normal(n_loop), rng.standard_normal(n_loop)
    cf = np.concatenate([[0], np.cumsum(-np.sort(-rng.integers(-10**6, 10**6, n_big - 1)))])
    cg = np.concatenate([[0], np.cumsum(-np.sort(-rng.integers(-10**6, 10**6, n_big - 1)))])
    bf, bg = rng.random(n_big) < 0.5, rng.random(n_big) < 0.5
    p, q = 998244353, 2**61 - 1
    pf, pg = rng.integers(0, p, n_big), rng.integers(0, p, n_big)
    qf, qg = rng.integers(0, q, n_mid), rng.integers(0, q, n_mid)
    lf, lg = 10 * f, 10 * g
    S = MaxPlus()
    return [
        ("max-plus filter, non-flat 5x5", 1.1,
         lambda: ac.filter(image, k5, "reflect", semiring=S),
         lambda: scipy.ndimage.grey_dilation(image, structure=k5, mode="reflect"), S, None),
        ("max-plus filter, flat 15x15", 1.1,
         lambda: ac.filter(image, np.zeros((15, 15)), "reflect", semiring=S),
         lambda: scipy.ndimage.grey_dilation(image, size=(15, 15), mode="reflect"), S, None),
        ("max-plus 1-D, general values", 1.0, lambda: ac.convolve(f, g, semiring=S),
         lambda: _loop(np.maximum, f, g), S, (f, g)),
        ("max-plus of two concave sequences", 3.0, lambda: ac.convolve(cf, cg, semiring=S),
         lambda: _merge(cf, cg), S, (cf, cg)),
        ("boolean", 1.2, lambda: ac.convolve(bf, bg),
         lambda: scipy.signal.fftconvolve(bf.astype(float), bg.astype(float)) > 0.5,
         Boolean(), (bf, bg)),
        (f"mod {p}", 0.5, lambda: ac.convolve(pf, pg, semiring=Modular(p)),
         lambda: _flint(pf, pg, p), Modular(p), (pf, pg)),
        ("mod 2**61 - 1", 1.0, lambda: ac.convolve(qf, qg, semiring=Modular(q)),
         lambda: _flint(qf, qg, q), Modular(q), (qf, qg)),
        ("log-sum-exp", 2.0, lambda: ac.convolve(lf, lg, semiring=LogSumExp()),
         lambda: _loop(np.logaddexp, lf, lg), LogSumExp(), (lf, lg)),
    ]


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke test)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per call (best kept)")
    args = parser.parse_args(argv)
    print(f"{'workload':<36} {'engine':<10} {'algconv s':>10} {'peer s':>10} {'ratio':>6} "
          f"{'goal':>5}  equal")
    for name, goal, ours, peer, semiring, operands in rows(args.quick):
        mine, theirs = ours(), peer()
        if theirs is None:
            print(f"{name:<36} (peer not installed)")
            continue
        if isinstance(semiring, LogSumExp):
            equal = bool(np.allclose(mine, theirs, rtol=1e-12, atol=0))
        else:
            equal = bool(np.array_equal(mine, theirs))
        engine = ac.choose_method(*operands, semiring=semiring).method if operands else "filter"
        t_ours = best_of(ours, args.repeat, batch=False)
        t_peer = best_of(peer, args.repeat, batch=False)
        print(f"{name:<36} {engine:<10} {t_ours:>10.4f} {t_peer:>10.4f} "
              f"{t_ours / t_peer:>6.2f} {goal:>5}  {equal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
