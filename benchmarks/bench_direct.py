"""Time algconv's a.b=c engines on S_6 against a plain Python a.b=c loop, in one process.

Usage: python benchmarks/bench_direct.py [--quick]

Prints best-of-3 times and the ratio algconv / loop (goal: <= 0.05 for the foundation,
<= 0.02 after the numeric-engines work).  ``table`` is the vectorised Cayley-table path
(what ``method='auto'`` picks for dense data on a finite group); ``direct`` is the literal
pair loop over supports, shown for reference.
"""

from __future__ import annotations

import argparse

import numpy as np

import algconv as ac
from algconv._kernels import best_of, once


def python_loop(G, f: dict, g: dict) -> dict:
    """The plain a.b=c loop a user would write."""
    h = {}
    for a, fa in f.items():
        for b, gb in g.items():
            c = G.op(a, b)
            h[c] = h.get(c, 0) + fa * gb
    return h


def setup(quick: bool) -> tuple:
    """``(G, a, b, f_dict, g_dict)``: the arrays algconv gets, and the same values as the
    dicts of Python floats the loop gets (numpy scalars would slow the loop down 3x)."""
    G = ac.SymmetricGroup(4 if quick else 6)
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal(G.order), rng.standard_normal(G.order)
    els = G.elements()
    return G, a, b, dict(zip(els, a.tolist())), dict(zip(els, b.tolist()))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="S_4 instead of S_6 (CI smoke)")
    args = parser.parse_args(argv)
    G, a, b, fd, gd = setup(args.quick)
    els = G.elements()
    t_build = once(lambda: type(G)(G.degree).cayley_table())
    G.cayley_table()
    loop = best_of(lambda: python_loop(G, fd, gd))
    rows = []
    check = python_loop(G, fd, gd)
    for method in ("table", "auto", "direct"):
        t = best_of(lambda: ac.convolve(a, b, over=G, method=method))
        rows.append((method, t))
        got = ac.convolve(a, b, over=G, method=method)
        assert np.allclose(got, [check[x] for x in els]), f"{method} disagrees with the loop"
    print(f"{G!r}: {G.order} elements, {G.order**2} pairs; Cayley table built once in {t_build:.3f} s")
    print(f"{'method':<8} {'algconv s':>10} {'loop s':>10} {'ratio':>8}")
    for method, t in rows:
        print(f"{method:<8} {t:>10.5f} {loop:>10.5f} {t / loop:>8.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
