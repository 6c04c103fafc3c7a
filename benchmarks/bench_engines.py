"""Time every numeric-engine workload against its peer, in one process, and print ratios.

    python benchmarks/bench_engines.py            # full sizes (about a minute on 2 cores)
    python benchmarks/bench_engines.py --quick    # small sizes, a smoke test for CI

The same table as ``algconv bench``; the workloads live in ``algconv/benchmark/``
(``lattice.py``: FFT, overlap-add, filters, exact integers, call overhead; ``transforms.py``:
XOR, Dirichlet, S_6 tables, sympy).
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # uninstalled checkouts

from algconv.benchmark import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
