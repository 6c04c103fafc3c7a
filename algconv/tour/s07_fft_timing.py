r"""Step 7: direct O(n^2) against FFT O(n log n), measured.

Times ``ac.convolve(x, y, method="direct")`` and ``method="fft"`` on random float vectors of
equal length ``n`` (best of several runs), and fits ``log t = slope * log n + c`` to each.
"""

from __future__ import annotations

import numpy as np

from .._kernels import best_of
from ..dispatch import convolve
from ._base import Context, Step

__all__ = ["STEP", "SIZES", "sweep", "fit_slope"]

SIZES = (256, 512, 1024, 2048, 4096, 8192)
#: sizes timed with the FFT only (the direct sum would take seconds there)
FFT_ONLY = (16384, 32768, 65536)
#: slopes are fitted where a call's fixed overhead no longer dominates
FIT_FROM = {"direct": 1024, "fft": 4096}


def fit_slope(sizes, times) -> float:
    """The least-squares slope of ``log(times)`` against ``log(sizes)``.

    >>> round(fit_slope([10, 100, 1000], [1, 100, 10000]), 6)
    2.0
    """
    return float(np.polyfit(np.log(sizes), np.log(times), 1)[0])


def _fit(rows: list, column: int, start: int) -> tuple[float, int]:
    points = [(r[0], r[column]) for r in rows if r[column] is not None and r[0] >= start]
    if len(points) < 2:  # too few large sizes: fit over the largest ones there are
        points = [(r[0], r[column]) for r in rows if r[column] is not None][-2:]
    ns, ts = zip(*points)
    return fit_slope(ns, ts), min(ns)


def sweep(sizes=None, fft_only=None, repeat: int = 3, seed: int = 0) -> dict:
    """Best-of-``repeat`` times of both methods (FFT alone on ``fft_only`` sizes), their
    largest disagreement, and the fitted slopes.

    Rows are ``(n, direct seconds or None, fft seconds, max |direct - fft| or None)``.
    """
    rng = np.random.default_rng(seed)
    rows = []
    sizes = SIZES if sizes is None else sizes
    fft_only = FFT_ONLY if fft_only is None else fft_only
    for n in (*sizes, *fft_only):
        x, y = rng.standard_normal(n), rng.standard_normal(n)
        tf = best_of(lambda x=x, y=y: convolve(x, y, method="fft"), repeat, batch=False)
        if n in fft_only:
            rows.append((n, None, tf, None))
            continue
        diff = np.max(np.abs(convolve(x, y, method="direct") - convolve(x, y, method="fft")))
        td = best_of(lambda x=x, y=y: convolve(x, y, method="direct"), repeat, batch=False)
        rows.append((n, td, tf, float(diff)))
    slope_direct, from_direct = _fit(rows, 1, FIT_FROM["direct"])
    slope_fft, from_fft = _fit(rows, 2, FIT_FROM["fft"])
    return {"rows": rows, "slope_direct": slope_direct, "slope_fft": slope_fft,
            "fit_from": {"direct": from_direct, "fft": from_fft}}


def run(ctx: Context) -> None:
    from .. import plot

    r = sweep()
    ctx.print(f"{'n':>6} {'direct (s)':>11} {'fft (s)':>10} {'ratio':>7} {'max |diff|':>11}")
    for n, td, tf, diff in r["rows"]:
        if td is None:
            ctx.print(f"{n:>6} {'-':>11} {tf:>10.2e} {'-':>7} {'-':>11}")
        else:
            ctx.print(f"{n:>6} {td:>11.2e} {tf:>10.2e} {td / tf:>7.1f} {diff:>11.1e}")
    fd, ff = r["fit_from"]["direct"], r["fit_from"]["fft"]
    ctx.print(f"log-log slopes: direct {r['slope_direct']:.2f} over n >= {fd} (O(n^2): 2), "
              f"fft {r['slope_fft']:.2f} over n >= {ff} (O(n log n): a little above 1)")
    ctx.print("times are the best of 3 runs on a shared machine: noisy; small sizes are "
              "dominated by a fixed per-call cost")
    fig = plot.new_figure(9.5, 5)
    ax = fig.subplots()
    for column, name, key, slope, start in ((1, "direct", "f", r["slope_direct"], fd),
                                            (2, "fft", "h", r["slope_fft"], ff)):
        pts = np.array([(row[0], row[column]) for row in r["rows"] if row[column] is not None])
        ax.loglog(pts[:, 0], pts[:, 1], "o", color=plot.COLORS[key], label=f"{name} (measured)")
        big = pts[pts[:, 0] >= start]
        coef = np.polyfit(np.log(big[:, 0]), np.log(big[:, 1]), 1)
        ax.loglog(big[:, 0], np.exp(np.polyval(coef, np.log(big[:, 0]))), "-",
                  color=plot.COLORS[key], label=f"{name}: fitted slope {slope:.2f}")
    ax.set_xlabel("n (length of each input)")
    ax.set_ylabel("time (s), best of 3")
    ax.set_title("ac.convolve: direct O(n^2) vs FFT O(n log n)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1))  # beside the axes, off the points
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
