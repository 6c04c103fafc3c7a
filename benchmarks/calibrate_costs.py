"""Measured / estimated time of each float engine on the sweep's sizes (cost-model check).

    python benchmarks/calibrate_costs.py

For every size pair of ``sweep_choose.py`` and every applicable engine among direct, fft
and overlap-add: the measured time of ``ac.convolve(..., method=engine)`` (best of 3), the
engine's ``cost`` estimate, and their ratio.  Ratios near 1 mean the constants in
``algconv/engines/{direct,fft}.py`` fit this machine.
"""

from __future__ import annotations

import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from sweep_choose import SIZES_1D, SIZES_2D, best_of  # noqa: E402

import algconv as ac  # noqa: E402
from algconv import dispatch  # noqa: E402
from algconv.engines import ENGINES  # noqa: E402


def main() -> int:
    rng = np.random.default_rng(0)
    print("| f shape | g shape | engine | measured s | estimated s | measured/estimated |")
    print("|---|---|---|---|---|---|")
    for sa, sb in SIZES_1D + SIZES_2D:
        sa = sa if isinstance(sa, tuple) else (sa,)
        sb = sb if isinstance(sb, tuple) else (sb,)
        a, b = rng.standard_normal(sa), rng.standard_normal(sb)
        p = dispatch._request(a, b, None, "full", "convolve").problem
        for name in ("direct", "fft", "overlap-add"):
            estimate = ENGINES[name].cost(p)
            if estimate > 2.0:
                continue
            measured = best_of(lambda: ac.convolve(a, b, method=name))
            print(f"| {sa} | {sb} | {name} | {measured:.3g} | {estimate:.3g} | "
                  f"{measured / estimate:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
