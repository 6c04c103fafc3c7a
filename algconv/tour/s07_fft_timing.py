r"""Step 7: direct O(n^2) against FFT O(n log n), measured.

Times ``ac.convolve(x, y, method="direct")`` and ``method="fft"`` on random float vectors of
equal length ``n`` (best of several runs), and fits ``log t = slope * log n + c`` to each.
"""

from __future__ import annotations

import time

import numpy as np

from ..dispatch import convolve
from ._base import Context, Step, StepSkipped

__all__ = ["STEP", "SIZES", "sweep", "fit_slope"]

SIZES = (512, 1024, 2048, 4096, 8192, 16384)
#: slopes are fitted over n >= FIT_FROM, where a call's fixed overhead no longer dominates
FIT_FROM = 2048


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def fit_slope(sizes, times) -> float:
    """The least-squares slope of ``log(times)`` against ``log(sizes)``.

    >>> round(fit_slope([10, 100, 1000], [1, 100, 10000]), 6)
    2.0
    """
    return float(np.polyfit(np.log(sizes), np.log(times), 1)[0])


def sweep(sizes=None, repeat: int = 3, seed: int = 0) -> dict:
    """Best-of-``repeat`` times of both methods, their largest disagreement, the fitted slopes.

    Raises StepSkipped while the ``fft`` engine is not registered.
    """
    from ..engines import ENGINES

    if "fft" not in ENGINES:
        raise StepSkipped("the 'fft' engine is not available in this build yet (it comes with "
                          "the numeric-fft work)")
    rng = np.random.default_rng(seed)
    rows = []
    for n in SIZES if sizes is None else sizes:
        x, y = rng.standard_normal(n), rng.standard_normal(n)
        direct = convolve(x, y, method="direct")
        fft = convolve(x, y, method="fft")
        rows.append((n, _best(lambda: convolve(x, y, method="direct"), repeat),
                     _best(lambda: convolve(x, y, method="fft"), repeat),
                     float(np.max(np.abs(direct - fft)))))
    ns, td, tf = (np.array(c) for c in list(zip(*rows))[:3])
    big = ns >= min(FIT_FROM, ns.max())
    return {"rows": rows, "fit_from": int(ns[big].min()),
            "slope_direct": fit_slope(ns[big], td[big]), "slope_fft": fit_slope(ns[big], tf[big])}


def run(ctx: Context) -> None:
    from .. import plot

    r = sweep()
    ctx.print(f"{'n':>6} {'direct (s)':>11} {'fft (s)':>10} {'ratio':>7} {'max |diff|':>11}")
    for n, td, tf, diff in r["rows"]:
        ctx.print(f"{n:>6} {td:>11.2e} {tf:>10.2e} {td / tf:>7.1f} {diff:>11.1e}")
    ctx.print(f"log-log slopes fitted over n >= {r['fit_from']}: direct {r['slope_direct']:.2f} "
              f"(O(n^2) -> 2), fft {r['slope_fft']:.2f} (O(n log n) -> a little above 1); best of "
              "3 runs each, timings are noisy")
    ns, td, tf = (np.array(c) for c in list(zip(*r["rows"]))[:3])
    fig = plot.new_figure(7, 5)
    ax = fig.subplots()
    big = ns >= r["fit_from"]
    for t, name, key, slope in ((td, "direct", "f", r["slope_direct"]),
                                (tf, "fft", "h", r["slope_fft"])):
        ax.loglog(ns, t, "o", color=plot.COLORS[key], label=f"{name} (measured)")
        coef = np.polyfit(np.log(ns[big]), np.log(t[big]), 1)
        ax.loglog(ns[big], np.exp(np.polyval(coef, np.log(ns[big]))), "-",
                  color=plot.COLORS[key], label=f"{name}: fitted slope {slope:.2f}")
    ax.set_xlabel("n (length of each input)")
    ax.set_ylabel("time (s), best of 3")
    ax.set_title("ac.convolve: direct O(n^2) vs FFT O(n log n)")
    ax.legend()
    ax.grid(True, which="both", alpha=0.3)
    ctx.save(fig, "fft_vs_direct.png", "Measured times on log-log axes with fitted slopes.")


STEP = Step(
    7, "fft", "FFT versus the direct sum",
    "Computed directly, a convolution of two length-n inputs costs n^2 multiplications. The "
    "Fourier transform turns convolution into a pointwise product, and the FFT computes it in "
    "O(n log n). The sweep below times both engines of ac.convolve on the same inputs; on "
    "log-log axes each is a line whose slope is the exponent.",
    run,
)
