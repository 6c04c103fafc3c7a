"""Measured / estimated cost of algconv's requests: the check on its cost models.

    python benchmarks/calibrate_costs.py            # float engines: seconds
    python benchmarks/calibrate_costs.py --memory   # resource guards: peak bytes
    python benchmarks/calibrate_costs.py --power    # guards on exploding costs: seconds

Default: for every size pair of ``sweep_choose.py`` and every applicable engine among
direct, fft and overlap-add, the measured time of ``ac.convolve(..., method=engine)``
(best of 3), the engine's ``cost`` estimate, and their ratio.  Ratios near 1 mean the
constants in ``algconv/engines/{direct,fft}.py`` fit this machine.

``--memory``: each case runs in a fresh interpreter; the growth of its peak resident set
is compared with the estimate ``config.check_memory`` is given (the constants
``TRANSFORM_COPIES``, ``DIRICHLET_COPIES``, ``graphs.NODE_BYTES``/``EDGE_BYTES``, the
element sizes).  A ratio measured/estimated at or below 1 means the guard refuses before
the real peak could pass the limit.

``--power``: the seconds estimated by the guards of ``f ** k`` on Fractions
(``function.POWER_SECONDS_PER_SQUARED_BIT``), of ``n!`` for the order of ``S_n``
(``permutations.FACTORIAL_SECONDS``) and of building a Cayley table
(``engines.table.SECONDS_PER_TABLE_ENTRY``), against measurements.
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


#: (label, setup and request run in a child, estimated peak bytes as an expression)
MEMORY_CASES = [
    ("convolve_xor, 2**20 int64", "x = np.ones(2**20, np.int64); ac.convolve_xor(x, x)",
     "2**20 * transforms.TRANSFORM_COPIES * 8"),
    ("convolve_subset, 2**18 int64", "x = np.ones(2**18, np.int64); ac.convolve_subset(x, x)",
     "2**18 * transforms._subset_copies(18) * 8"),
    ("convolve_xor, 2**18 beyond int64",
     "x = np.random.default_rng(0).integers(-2**62, 2**62, 2**18); ac.convolve_xor(x, x)",
     "2**18 * transforms.TRANSFORM_COPIES * config.OBJECT_VALUE_BYTES"),
    ("convolve_dirichlet, 1e7 int8", "x = np.ones(10**7, np.int8); ac.convolve_dirichlet(x, x)",
     "10**7 * dirichlet.DIRICHLET_COPIES * 8"),
    ("cayley_graph(S_8, 2 generators)",
     "ac.graphs.cayley_graph(ac.SymmetricGroup(8), [(1, 0, 2, 3, 4, 5, 6, 7), "
     "(1, 2, 3, 4, 5, 6, 7, 0)])",
     "40320 * (graphs.NODE_BYTES + 2 * graphs.EDGE_BYTES + 8) "
     "+ 40320 * ac.SymmetricGroup(8)._element_bytes()"),
    ("DihedralGroup(2000).elements()", "ac.DihedralGroup(2000).elements()",
     "4000 * (ac.DihedralGroup(2000)._element_bytes() + 8)"),
]

_CHILD = """
import resource, numpy as np, algconv as ac
from algconv import config, graphs
from algconv.engines import transforms, dirichlet
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
{setup}
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024, {estimate})
"""


def memory() -> int:
    import subprocess

    root = str(pathlib.Path(__file__).resolve().parent.parent)
    print("| request | measured peak | estimated | measured/estimated |")
    print("|---|---|---|---|")
    for label, setup, estimate in MEMORY_CASES:
        out = subprocess.run([sys.executable, "-c", _CHILD.format(setup=setup, estimate=estimate)],
                             capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": root, "OMP_NUM_THREADS": "1"}).stdout.split()
        measured, guessed = float(out[0]), float(out[1])
        print(f"| {label} | {measured / 2**20:.0f} MiB | {guessed / 2**20:.0f} MiB | "
              f"{measured / guessed:.2f} |", flush=True)
    return 0


def power() -> int:
    import math
    from fractions import Fraction

    from algconv import function
    from algconv.engines import table
    from algconv.structures import permutations

    print("| request | measured s | estimated s | measured/estimated |")
    print("|---|---|---|---|")
    ring = ac.Function({1: Fraction(1, 2), 5: Fraction(1, 2)}, over=ac.Cyclic(6))
    for k in (10**5, 3 * 10**5):
        measured = best_of(lambda: ac.probability.random_walk(ring, k), repeat=1)
        estimate = function.POWER_SECONDS_PER_SQUARED_BIT * 6 * (2.0 * k) ** 2
        print(f"| random_walk(+-1 on Cyclic(6), {k}) | {measured:.3g} | {estimate:.3g} | "
              f"{measured / estimate:.2f} |", flush=True)
    for n in (10**4, 10**5):
        measured = best_of(lambda: math.factorial(n), repeat=1)
        bits = math.lgamma(n + 1) / math.log(2)
        estimate = permutations.FACTORIAL_SECONDS * bits**1.45
        print(f"| {n}! | {measured:.3g} | {estimate:.3g} | {measured / estimate:.2f} |",
              flush=True)
    for n in (500, 1500):
        measured = best_of(lambda: ac.DihedralGroup(n)._build_table(), repeat=1)
        estimate = table.SECONDS_PER_TABLE_ENTRY * (2 * n) ** 2
        print(f"| DihedralGroup({n}) Cayley table | {measured:.3g} | {estimate:.3g} | "
              f"{measured / estimate:.2f} |", flush=True)
    return 0


def main() -> int:
    if "--memory" in sys.argv:
        return memory()
    if "--power" in sys.argv:
        return power()
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
