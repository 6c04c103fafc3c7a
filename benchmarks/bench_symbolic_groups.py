"""The R^d, Mellin and circle battery: algconv.symbolic.convolve beside plain sympy.

For every case of ``tests/symbolic/groups_cases.py`` prints algconv's status and time and
plain sympy's ``integrate`` of the defining integral (over R^d, ``f(x/y) g(y)/y`` over
(0, oo), or ``f(y) g(x - y)`` over one period), each answer checked by the battery's
independent quadrature: closed (and right), unevaluated, wrong, timeout or error.  Plain
sympy runs in a killable worker with a per-case limit.  Not part of the test suite::

    python benchmarks/bench_symbolic_groups.py [--sympy-timeout 30] [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sympy as sp

import algconv as ac
from algconv.symbolic.budget import StrategyFailed, TimeUp, run_limited
from tests.symbolic.groups_cases import CASES, TIMEOUT, check


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


def judge(case, h) -> str:
    if h.has(sp.Integral):
        return "unevaluated"
    try:
        check(case, h)
    except AssertionError:
        return "wrong"
    except Exception as e:  # noqa: BLE001 - an answer that cannot even be evaluated
        return f"wrong ({type(e).__name__})"
    return "closed"


def run_algconv(case):
    start = time.perf_counter()
    try:
        h = ac.symbolic.convolve(case.f, case.g, case.var, over=case.over, timeout=TIMEOUT)
    except ac.NoClosedForm:
        return "NoClosedForm", time.perf_counter() - start
    return judge(case, h), time.perf_counter() - start


def run_sympy(case, limit):
    start = time.perf_counter()
    try:
        h = run_limited(plain_sympy, (case,), limit)
    except TimeUp:
        return "timeout", time.perf_counter() - start
    except StrategyFailed as e:
        return f"error ({str(e).split(':')[0]})", time.perf_counter() - start
    return judge(case, h), time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sympy-timeout", type=float, default=30.0)
    parser.add_argument("--only", default="")
    args = parser.parse_args(argv)
    cases = [c for c in CASES if args.only in c.name]
    print(f"{'case':30s} {'algconv':>14s} {'s':>6s}   {'plain sympy':>14s} {'s':>6s}")
    totals = {"algconv": 0.0, "sympy": 0.0}
    counts: dict = {}
    for case in cases:
        st_a, t_a = run_algconv(case)
        st_s, t_s = run_sympy(case, args.sympy_timeout)
        totals["algconv"] += t_a
        totals["sympy"] += t_s
        for who, st in (("algconv", st_a), ("sympy", st_s)):
            counts.setdefault(who, {}).setdefault(st.split(" ")[0], 0)
            counts[who][st.split(" ")[0]] += 1
        print(f"{case.name[:30]:30s} {st_a:>14s} {t_a:6.2f}   {st_s:>14s} {t_s:6.2f}",
              flush=True)
    print()
    for who in ("algconv", "sympy"):
        summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.get(who, {}).items()))
        print(f"{who:8s} total {totals[who]:7.1f} s over {len(cases)} cases: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
