"""How algconv's engines and their peers scale: times over sizes, log-log slopes, a picture.

Four families, each timed against its peer in one process (best of ``--repeat``, both
sides the same warm-up), every result checked equal to the peer's before its time counts:

* 1-D floats ``n x n``: ``ac.convolve`` vs ``scipy.signal.fftconvolve``;
* 2-D floats ``s^2 x 15^2``: ``ac.convolve`` vs ``scipy.signal.fftconvolve``, and
  ``ac.filter`` with a 7x7 kernel vs ``scipy.ndimage.convolve``;
* exact ints in +-2^62, ``n x n``: ``ac.convolve`` vs python-flint ``fmpz_poly`` with arrays
  in and out (skipped without python-flint);
* finite groups ``S_3 .. S_6`` (``|G|`` values each): ``ac.convolve`` on arrays in
  ``elements()`` order vs numpy scattering ``f[a] g[b]`` into ``h[a.b]`` over the Cayley
  table (``np.add.at``).

For each series it fits ``log t = slope log n + c`` by least squares and prints the slope
(1 is linear, 2 quadratic; an FFT's ``n log n`` fits about 1.1); with ``--plot PATH`` it
draws every series on log-log axes (needs matplotlib, the extra ``plot``).

    python benchmarks/sweep_scaling.py [--quick] [--repeat 3] [--plot docs/assets/scaling.png]
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import os
import pathlib
import sys

import numpy as np
import scipy.ndimage
import scipy.signal

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import algconv as ac  # noqa: E402
from algconv._kernels import best_of  # noqa: E402


def _floats(*shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


def _close(x, y) -> bool:
    return np.allclose(x, y, rtol=1e-7, atol=1e-7 * float(np.max(np.abs(y)) or 1.0))


def _flint_arrays(a, b):
    import flint

    coeffs = (flint.fmpz_poly(a.tolist()) * flint.fmpz_poly(b.tolist())).coeffs()
    out = np.empty(len(coeffs), dtype=object)
    out[:] = [int(c) for c in coeffs]
    return out


def _cayley_scatter(table, f, g):
    h = np.zeros(len(f), dtype=np.result_type(f, g))
    np.add.at(h, table, np.multiply.outer(f, g))
    return h


def _group_case(n):
    group = ac.SymmetricGroup(n)
    table = group.cayley_table()
    rng = np.random.default_rng(n)
    f, g = rng.integers(-100, 100, group.order), rng.integers(-100, 100, group.order)
    return (lambda: ac.convolve(f, g, over=group), lambda: _cayley_scatter(table, f, g),
            group.order)


def series(quick: bool) -> list[dict]:
    """Every series: label, peer label, and a list of (size, algconv thunk, peer thunk, check)."""
    one = [2**k for k in (range(8, 15, 2) if quick else range(10, 21, 2))]
    two = [64, 128, 256] if quick else [128, 256, 512, 1024, 2048]
    ints = [1000, 4000] if quick else [1000, 4000, 16000, 64000, 100_000]
    groups = [3, 4, 5] if quick else [3, 4, 5, 6]
    out = []

    def floats_1d(n):
        a, b = _floats(n), _floats(n, seed=1)
        return n, (lambda: ac.convolve(a, b)), (lambda: scipy.signal.fftconvolve(a, b)), _close

    def floats_2d(s):
        a, b = _floats(s, s), _floats(15, 15, seed=1)
        return (s * s, (lambda: ac.convolve(a, b)), (lambda: scipy.signal.fftconvolve(a, b)),
                _close)

    def filter_2d(s):
        a, b = _floats(s, s), _floats(7, 7, seed=1)
        return (s * s, (lambda: ac.filter(a, b)),
                (lambda: scipy.ndimage.convolve(a, b, mode="constant")), _close)

    def exact_ints(n):
        rng = np.random.default_rng(n)
        a, b = rng.integers(-2**62, 2**62, n), rng.integers(-2**62, 2**62, n)
        return (n, (lambda: ac.convolve(a, b)), (lambda: _flint_arrays(a, b)),
                lambda x, y: bool(np.all(x == y)))

    def group(n):
        ours, peer, order = _group_case(n)
        return order, ours, peer, lambda x, y: np.array_equal(x, y)

    out.append(dict(label="1-D float n x n, ac.convolve", peer="scipy.signal.fftconvolve",
                    cases=[floats_1d(n) for n in one]))
    out.append(dict(label="2-D float s^2 x 15^2, ac.convolve", peer="scipy.signal.fftconvolve",
                    cases=[floats_2d(s) for s in two]))
    out.append(dict(label="2-D float s^2, ac.filter 7x7", peer="scipy.ndimage.convolve",
                    cases=[filter_2d(s) for s in two]))
    if importlib.util.find_spec("flint") is not None:
        out.append(dict(label="exact ints +-2^62 n x n", peer="python-flint fmpz_poly",
                        cases=[exact_ints(n) for n in ints]))
    out.append(dict(label="S_n, |G| values, ac.convolve", peer="numpy np.add.at on Cayley table",
                    cases=[group(n) for n in groups]))
    return out


def slope(sizes: list, times: list) -> float:
    """The least-squares slope of ``log t`` against ``log n``.

    >>> round(slope([10, 100, 1000], [1e-3, 1e-1, 10.0]), 6)
    2.0
    """
    return float(np.polyfit(np.log(sizes), np.log(times), 1)[0])


def run(quick: bool, repeat: int) -> list[dict]:
    results = []
    for s in series(quick):
        rows = []
        for size, ours, peer, check in s["cases"]:
            agree = check(ours(), peer())
            t_ours = best_of(ours, repeat)
            t_peer = best_of(peer, repeat)
            rows.append((size, t_ours, t_peer, agree))
            print(f"| {s['label']} | {size} | {t_ours:.4g} | {t_peer:.4g} | "
                  f"{t_ours / t_peer:.2f} | {'yes' if agree else 'WRONG'} |", flush=True)
        sizes = [r[0] for r in rows]
        results.append(dict(s, rows=rows, slope=slope(sizes, [r[1] for r in rows]),
                            peer_slope=slope(sizes, [r[2] for r in rows])))
    return results


def plot(results: list[dict], path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5.5))
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for colour, r in zip(colours, results):
        sizes = [row[0] for row in r["rows"]]
        ax.loglog(sizes, [row[1] for row in r["rows"]], "o-", color=colour,
                  label=f"{r['label']} (slope {r['slope']:.2f})")
        ax.loglog(sizes, [row[2] for row in r["rows"]], "x--", color=colour, alpha=0.7,
                  label=f"  peer: {r['peer']} (slope {r['peer_slope']:.2f})")
    ax.set_xlabel("size n (values per operand; pixels for images; |G| for groups)")
    ax.set_ylabel("seconds (best of repeats)")
    ax.set_title(f"algconv (solid) vs peers (dashed), {os.cpu_count()} cores")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (CI smoke test)")
    parser.add_argument("--repeat", type=int, default=3, help="best of how many (default 3)")
    parser.add_argument("--plot", default="", help="write a log-log plot to this PNG")
    args = parser.parse_args(argv)
    print(f"load average before: {os.getloadavg()[0]:.2f}; workers: {ac.config.workers}")
    print("| series | n | algconv s | peer s | ratio | agree |")
    print("|---|---|---|---|---|---|")
    results = run(args.quick, args.repeat)
    print("| series | peer | slope algconv | slope peer |")
    print("|---|---|---|---|")
    for r in results:
        print(f"| {r['label']} | {r['peer']} | {r['slope']:.2f} | {r['peer_slope']:.2f} |")
    if args.plot:
        plot(results, args.plot)
    wrong = [r for res in results for r in res["rows"] if not r[3]]
    return 1 if wrong or any(math.isnan(r["slope"]) for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
