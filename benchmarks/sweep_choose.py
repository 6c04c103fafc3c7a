"""Does ``ac.choose_method`` pick as well as ``scipy.signal.choose_conv_method``?

For each size pair (1-D, 2-D and 3-D floats, mode 'full'): scipy's choice and the time of
``scipy.signal.convolve(...)`` with ``method='auto'`` (so scipy pays for its own
``choose_conv_method``, as algconv pays for ``choose_method``), algconv's choice and the
time of ``ac.convolve(...)`` (auto), best of 3 each with the same warm-up, their ratio, and
a check that both computed the same values; then the *choice ratio*:
algconv's pick against algconv forced to run scipy's pick (``method=<scipy's choice>``),
which isolates the decision from the per-call overhead of the two libraries.  The
summary counts the pairs within 10 % (or faster) and the total time of each.

    python benchmarks/sweep_choose.py [--quick]

The same timings calibrated the cost constants in ``algconv/engines/direct.py`` and
``algconv/engines/fft.py``.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time

import numpy as np
import scipy.signal

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import algconv as ac  # noqa: E402
from algconv._kernels import best_of as _best_of  # noqa: E402

SIZES_1D = [(m, n) for m in (8, 64, 512, 4096, 32768, 262144)
            for n in (1, 3, 16, 64, 256, 1024, 4096, 32768, 262144) if n <= m]
SIZES_1D += [(16, 4096), (100, 100_000)]
SIZES_2D = [((s, s), (k, k)) for s in (16, 64, 256, 1024) for k in (3, 5, 9, 17, 33, 65)
            if k <= s]
SIZES_2D += [((512, 64), (3, 64)), ((32, 32, 32), (3, 3, 3)), ((64, 64, 64), (9, 9, 9))]


#: wall-clock by default; ``--clock cpu`` uses process CPU time (not inflated by other jobs)
CLOCK = time.perf_counter


def best_of(fn, repeat: int = 3) -> float:
    return _best_of(fn, repeat, clock=CLOCK)


def scipy_auto(a, b):
    """scipy's own automatic convolution: ``choose_conv_method`` then the chosen method."""
    return scipy.signal.convolve(a, b, mode="full", method="auto")


def agree(ours, theirs) -> bool:
    """Both sides computed the same convolution (to float rounding)."""
    scale = float(np.max(np.abs(theirs))) or 1.0
    return ours.shape == theirs.shape and bool(np.allclose(ours, theirs, rtol=1e-7,
                                                             atol=1e-9 * scale))


def sweep(pairs) -> list[tuple]:
    rng = np.random.default_rng(0)
    rows = []
    for sa, sb in pairs:
        a, b = rng.standard_normal(sa), rng.standard_normal(sb)
        theirs = scipy.signal.choose_conv_method(a, b, mode="full")  # for the label only
        ours = ac.choose_method(a, b).method
        if not agree(ac.convolve(a, b), scipy_auto(a, b)):
            raise AssertionError(f"algconv and scipy disagree on {sa} x {sb}")
        t_scipy = best_of(lambda: scipy_auto(a, b))
        t_ours = best_of(lambda: ac.convolve(a, b))
        t_same = t_ours if ours == theirs else best_of(
            lambda: ac.convolve(a, b, method=theirs))
        rows.append((sa, sb, theirs, t_scipy, ours, t_ours, t_ours / t_scipy, t_ours / t_same))
        print(f"| {sa} | {sb} | {theirs} | {t_scipy:.3g} | {ours} | {t_ours:.3g} | "
              f"{t_ours / t_scipy:.2f} | {t_ours / t_same:.2f} |", flush=True)
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few small sizes only")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock time (default) or process CPU time")
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = time.perf_counter if args.clock == "wall" else time.process_time
    pairs = [(sa if isinstance(sa, tuple) else (sa,), sb if isinstance(sb, tuple) else (sb,))
             for sa, sb in SIZES_1D + SIZES_2D]
    if args.quick:
        pairs = [(sa, sb) for sa, sb in pairs if np.prod(sa) * np.prod(sb) <= 10**6][::4]
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; best of 3; "
          f"{args.clock} clock")
    print("| f shape | g shape | scipy picks | scipy s | algconv picks | algconv s | ratio "
          "| choice ratio |")
    print("|---|---|---|---|---|---|---|---|")
    rows = sweep(pairs)
    within = sum(r[6] <= 1.1 for r in rows)
    choice_ok = sum(r[7] <= 1.1 for r in rows)
    total_scipy, total_ours = sum(r[3] for r in rows), sum(r[5] for r in rows)
    print(f"\nalgconv within 10% of scipy's choice or faster: {within}/{len(rows)}; "
          f"total scipy {total_scipy:.3f} s, algconv {total_ours:.3f} s; "
          f"geometric mean ratio {np.exp(np.mean(np.log([r[6] for r in rows]))):.2f}")
    print(f"choice ratio (algconv's pick / algconv running scipy's pick) <= 1.1: "
          f"{choice_ok}/{len(rows)}; geometric mean "
          f"{np.exp(np.mean(np.log([r[7] for r in rows]))):.2f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
