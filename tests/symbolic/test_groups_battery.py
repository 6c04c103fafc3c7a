"""The R^2, R^3, Mellin and circle battery: every closed form against quadrature written here.

Truth never comes from the library: scipy's ``nquad`` on R^2, a tensor Gauss-Legendre rule
on R^3 (boxes and Gaussians, split at every jump), scipy's ``quad`` of
``int_0^oo f(x/y) g(y) dy/y`` and of ``int_0^P f(y) g(x - y) dy``, and the sifting property
for point masses.  Each case is checked at several points and parameter values (equal
parameters included).
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from scipy import integrate, special

import algconv as ac

from .groups_cases import CASES, Case

TIMEOUT = 240  # generous: a loaded machine must not turn a closed form into NoClosedForm
RTOL = 1e-6


def _np(expr, var):
    return sp.lambdify(var, expr, modules=[{"Heaviside": lambda v, h0=0.5: np.heaviside(v, h0)},
                                            "numpy", "scipy"])


def _jumps(expr, v) -> list[float]:
    roots = set()
    rels = [h.args[0] for h in expr.atoms(sp.Heaviside)]
    rels += [r.lhs - r.rhs for p in expr.atoms(sp.Piecewise) for _, c in p.args
             for r in sp.sympify(c).atoms(sp.Rel)]
    for r in rels:
        if r.free_symbols == {v}:
            roots |= {float(q) for q in sp.solve(r, v) if q.is_real}
    return sorted(roots)


def _value(h, subs) -> float:
    return complex(sp.N(h.subs(subs), 20)).real


def _gl_cells(cuts, n=96):
    xs, ws = special.roots_legendre(n)
    nodes, weights = [], []
    for lo, hi in zip(cuts, cuts[1:]):
        nodes.append(lo + (hi - lo) * (xs + 1) / 2)
        weights.append(ws * (hi - lo) / 2)
    return np.concatenate(nodes), np.concatenate(weights)


def _truth_rd(case: Case, f, g, x0) -> float:
    var, d = case.var, case.over.d
    if f.has(sp.DiracDelta):  # R^d is commutative: the point masses go second
        f, g = g, f
    deltas = g.atoms(sp.DiracDelta)
    if deltas:  # sifting: g = prod delta(t_i - a_i), so (f * g)(x) = f(x - a)
        shift = {v: x0[i] - float(sp.solve(next(e.args[0] for e in deltas
                                                 if e.has(v)), v)[0]) for i, v in enumerate(var)}
        return float(f.subs(shift))
    F, G = _np(f, var), _np(g, var)
    L = 12.0
    cuts = [sorted({-L, L, *_jumps(f, v), *(x0[i] - b for b in _jumps(g, v))})
            for i, v in enumerate(var)]
    if d == 2:
        def fn(a, b):
            return F(a, b) * G(x0[0] - a, x0[1] - b)
        opts = [{"points": c[1:-1], "limit": 200, "epsabs": 1e-12} for c in cuts]
        return integrate.nquad(fn, [(-L, L)] * 2, opts=opts)[0]
    rules = [_gl_cells(c) for c in cuts]
    grids = np.meshgrid(*[r[0] for r in rules], indexing="ij", sparse=True)
    w = np.multiply.outer(np.multiply.outer(rules[0][1], rules[1][1]), rules[2][1])
    vals = F(*grids) * G(*(p - q for p, q in zip(x0, grids)))
    return float(np.sum(np.broadcast_to(vals, w.shape) * w))


def _truth_mellin(case: Case, f, g, x0) -> float:
    F, G = _np(f, case.var), _np(g, case.var)
    cuts = sorted({1.0, *(x0 / b for b in _jumps(f, case.var) if b > 0),
                   *(b for b in _jumps(g, case.var) if b > 0)})
    fn = lambda u: F(x0 / u) * G(u) / u  # noqa: E731
    edges = [0.0, *cuts]
    total = sum(integrate.quad(fn, lo, hi, limit=200, epsabs=1e-13)[0]
                for lo, hi in zip(edges, edges[1:]))
    return total + integrate.quad(fn, cuts[-1], np.inf, limit=200, epsabs=1e-13)[0]


def _truth_circle(case: Case, f, g, x0) -> float:
    P = float(case.over.period)
    F, G = _np(f, case.var), _np(g, case.var)
    cuts = {p % P for p in _jumps(f, case.var)}
    cuts |= {(x0 - b) % P for b in _jumps(g, case.var)} | {x0 % P}
    cuts = sorted(c for c in cuts if 0 < c < P)
    return integrate.quad(lambda u: F(u % P) * G((x0 - u) % P), 0, P, points=cuts or None,
                          limit=200, epsabs=1e-13)[0]


def _points(case: Case) -> list:
    if isinstance(case.over, ac.Reals):
        return [(0.37, -0.41, 0.9)[: case.over.d], (1.13, 0.58, -0.3)[: case.over.d],
                (-0.62, 1.71, 0.45)[: case.over.d]]
    if isinstance(case.over, ac.PositiveReals):
        return [0.29, 0.83, 1.7, 3.1]
    P = float(case.over.period)
    return [0.13 * P, 0.56 * P, 0.88 * P, 1.37 * P, -0.3 * P]


def _check(case: Case, h) -> None:
    var = case.var if isinstance(case.var, tuple) else (case.var,)
    truth = {ac.Reals: _truth_rd, ac.PositiveReals: _truth_mellin,
             ac.Circle: _truth_circle}[type(case.over)]
    for params in case.params:
        f, g, hh = (e.subs(params) for e in (case.f, case.g, h))
        for x0 in _points(case):
            point = x0 if isinstance(x0, tuple) else (x0,)
            want = truth(case, f, g, x0)
            got = _value(hh, dict(zip(var, point)))
            assert got == pytest.approx(want, rel=RTOL, abs=RTOL), (case.name, params, x0)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name,
                                               marks=[pytest.mark.slow] if c.slow else [])
                                  for c in CASES])
def test_battery_case_closes_and_matches_quadrature(case):
    h = ac.symbolic.convolve(case.f, case.g, case.var, over=case.over, timeout=TIMEOUT)
    assert not h.has(sp.Integral)
    _check(case, h)


def test_battery_size_and_coverage():
    kinds = [type(c.over).__name__ + (str(c.over.d) if isinstance(c.over, ac.Reals) else "")
             for c in CASES]
    assert len(CASES) >= 30
    assert {k: kinds.count(k) >= 4 for k in set(kinds)} == dict.fromkeys(
        ["Reals2", "Reals3", "PositiveReals", "Circle"], True)
