"""Time the fourier engine: S_8 through Clausen's fast transform, and fourier vs table.

Usage: python benchmarks/bench_fourier.py [--quick]

1. ``S_8`` (40320 elements): a random float ``f * g`` with ``method='fourier'``, best of 3,
   beside the direct cost (``|G|^2`` = 1.6e9 terms, and the direct engine's own estimate);
   a few output entries are recomputed from the a.b=c sum ``h(c) = sum_x f(x) g(x^-1 c)``.
2. Fourier vs table on smaller groups, best of 5 each with the Cayley table and the Fourier
   basis already built, each row checking that both engines computed the same values:
   these numbers set the constants of ``engines/fourier.py``.
   (The machine is shared: timings are noisy, read ratios rather than digits.)
"""

from __future__ import annotations

import argparse

import numpy as np

import algconv as ac
from algconv.engines import ENGINES
from algconv.engines.base import Problem
from algconv._kernels import best_of, once


def spot_check(G, a, b, h, count: int, rng) -> float:
    """Largest |h(c) - sum_x a(x) b(x^-1 . c)| over ``count`` random c."""
    els = G.elements()
    inverse = [G.index(G.inverse(x)) for x in els]
    worst = 0.0
    for c in rng.integers(G.order, size=count):
        total = sum(a[i] * b[G.index(G.op(els[inverse[i]], els[c]))] for i in range(G.order))
        worst = max(worst, abs(total - h[c]))
    return worst


def order21() -> ac.FiniteGroup:
    els = [(x, y) for x in range(7) for y in range(3)]
    index = {e: i for i, e in enumerate(els)}
    table = [[index[((p[0] + pow(2, p[1], 7) * q[0]) % 7, (p[1] + q[1]) % 3)] for q in els]
             for p in els]
    return ac.FiniteGroup.from_cayley_table(table)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="S_6 instead of S_8 (CI smoke)")
    args = parser.parse_args(argv)
    rng = np.random.default_rng(0)
    n = 6 if args.quick else 8
    G = ac.SymmetricGroup(n)
    a, b = rng.standard_normal(G.order), rng.standard_normal(G.order)
    first = once(lambda: ac.convolve(a, b, over=G, method="fourier"))
    t = best_of(lambda: ac.convolve(a, b, over=G, method="fourier"))
    h = ac.convolve(a, b, over=G, method="fourier")
    p = Problem(ac.Function.from_array(a, over=G), ac.Function.from_array(b, over=G), G)
    direct_estimate = ENGINES["direct"].cost(p)
    err = spot_check(G, a, b, h, count=3, rng=rng)
    print(f"{G!r}: {G.order} elements, direct sum {G.order**2:.2e} terms "
          f"(direct engine estimate {direct_estimate:.0f} s)")
    print(f"  fourier: {t:.3f} s best of 3 (first call, building the basis: {first:.3f} s); "
          f"auto picks {ac.choose_method(a, b, over=G).method!r}")
    print(f"  spot check of 3 entries against the a.b=c sum: max error {err:.1e}")
    assert err < 1e-9, "fourier disagrees with the a.b=c sum"

    groups = [ac.DihedralGroup(6), order21(), ac.AlternatingGroup(4),
              ac.product(ac.Cyclic(3), ac.SymmetricGroup(3)), ac.SymmetricGroup(5),
              ac.SymmetricGroup(6), ac.AlternatingGroup(6), ac.product(ac.Cyclic(8),
                                                                      ac.SymmetricGroup(5))]
    if not args.quick:
        groups += [ac.SymmetricGroup(7), ac.AlternatingGroup(7)]
    print(f"\n{'group':<42} {'order':>6} {'fourier s':>10} {'est':>9} {'table s':>10} "
          f"{'est':>9} {'fourier/table':>13} {'auto':>8}")
    for G in groups:
        a, b = rng.standard_normal(G.order), rng.standard_normal(G.order)
        G.cayley_table()
        ac.convolve(a, b, over=G, method="fourier")
        tf = best_of(lambda a=a, b=b, G=G: ac.convolve(a, b, over=G, method="fourier"), 5)
        tt = best_of(lambda a=a, b=b, G=G: ac.convolve(a, b, over=G, method="table"), 5)
        fourier = ac.convolve(a, b, over=G, method="fourier")
        table = ac.convolve(a, b, over=G, method="table")
        assert np.allclose(fourier, table, rtol=1e-9, atol=1e-9), f"fourier != table on {G!r}"
        p = Problem(ac.Function.from_array(a, over=G), ac.Function.from_array(b, over=G), G)
        ef, et = ENGINES["fourier"].cost(p), ENGINES["table"].cost(p)
        auto = ac.choose_method(a, b, over=G).method
        print(f"{G!r:<42.42} {G.order:>6} {tf:>10.2e} {ef:>9.1e} {tt:>10.2e} {et:>9.1e} "
              f"{tf / tt:>13.2f} {auto:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
