"""The R^d, Mellin and circle battery: algconv.symbolic.convolve beside plain sympy.

For every case of ``tests/symbolic/groups_cases.py`` prints algconv's status and time and
plain sympy's ``integrate`` of the defining integral (over R^d, ``f(x/y) g(y)/y`` over
(0, oo), or ``f(y) g(x - y)`` over one period), each answer checked by the battery's
independent quadrature: closed (and right), unevaluated, wrong, timeout or error.  The table,
the killable plain-sympy worker and the verdicts are ``bench_symbolic.py``'s, run on these
cases.  Not part of the test suite::

    python benchmarks/bench_symbolic_groups.py [--sympy-timeout 10] [--only SUBSTRING]
"""

from __future__ import annotations

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_symbolic as bench  # noqa: E402
import sympy as sp  # noqa: E402

import algconv as ac  # noqa: E402
from tests.symbolic.groups_cases import CASES, check  # noqa: E402


def plain_sympy(case):
    """What a sympy user writes: ``integrate`` of the defining integral, nothing else."""
    f, g, over = case.f, case.g, case.over
    if isinstance(over, ac.Reals):
        ys = sp.symbols(f"y0:{over.d}", real=True)
        body = f.subs(dict(zip(case.var, ys)), simultaneous=True) * g.subs(
            {v: v - w for v, w in zip(case.var, ys)}, simultaneous=True)
        return sp.integrate(body, *[(w, -sp.oo, sp.oo) for w in ys])
    if isinstance(over, ac.PositiveReals):
        w = sp.Symbol("w", positive=True)
        return sp.integrate(f.subs(case.var, case.var / w) * g.subs(case.var, w) / w,
                            (w, 0, sp.oo))
    w = sp.Symbol("w", real=True)
    return sp.integrate(f.subs(case.var, w) * g.subs(case.var, case.var - w), (w, 0, over.period))


if __name__ == "__main__":
    # bench_symbolic's runner, on this battery: it reads these names at call time
    bench.CASES, bench.check, bench.plain_sympy = CASES, check, plain_sympy
    sys.exit(bench.main())
