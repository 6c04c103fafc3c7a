"""Cases for the R^d, Mellin and circle battery (``test_groups_battery.py``) and its benchmark.

Each case holds the inputs, the structure and the parameter values at which ``check`` compares
the library's answer with quadrature written here, independent of the library: scipy's
``nquad`` on R^2, a tensor Gauss-Legendre rule on R^3 (split at every jump), scipy's ``quad``
of ``int_0^oo f(x/y) g(y) dy/y`` and of ``int_0^P f(y) g(x - y) dy``, and the sifting
property for point masses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest
import sympy as sp
from scipy import integrate, special

import algconv as ac

x, y, z = sp.symbols("x y z", real=True)
t = sp.Symbol("t", positive=True)
s = sp.Symbol("s", real=True)
a, b = sp.symbols("a b", positive=True)
m1, m2 = sp.symbols("m1 m2", real=True)
R2, R3, RP = ac.Reals(2), ac.Reals(3), ac.PositiveReals()
T2PI, T1 = ac.Circle(2 * sp.pi), ac.Circle(1)


def box(v, lo=0, hi=1):
    return sp.Heaviside(v - lo) - sp.Heaviside(v - hi)


@dataclass
class Case:
    name: str
    f: sp.Expr
    g: sp.Expr
    over: object
    params: list = field(default_factory=lambda: [{}])
    slow: bool = False

    @property
    def timeout(self) -> float:
        return TIMEOUT

    @property
    def var(self):
        if isinstance(self.over, ac.Reals):
            return (x, y, z)[: self.over.d]
        return t if isinstance(self.over, ac.PositiveReals) else s


G2 = sp.exp(-x**2 - x*y - y**2)
G3 = sp.exp(-x**2 - y**2 - z**2 - x*y / 2 - y*z / 2)
SQUARE = sp.Piecewise((1, s < sp.pi), (-1, True))

CASES = [
    # --- R^2 ------------------------------------------------------------------------------
    Case("r2-box-box", box(x) * box(y), box(x) * box(y), R2),
    Case("r2-gauss-box", sp.exp(-x**2 - y**2), box(x) * box(y), R2, slow=True),
    Case("r2-correlated-self", G2, G2, R2),
    Case("r2-normal-means", sp.exp(-(x - m1)**2 - (x - m1)*(y - m2) - 2*(y - m2)**2),
         sp.exp(-2*x**2 + x*y - y**2), R2, [{m1: 0.3, m2: -0.7}, {m1: 1, m2: 1}]),
    Case("r2-correlated-shift", G2, sp.DiracDelta(x - 1) * sp.DiracDelta(y + 2), R2),
    Case("r2-rates", sp.exp(-a*x**2 - y**2), sp.exp(-b*x**2 - y**2), R2,
         [{a: 0.5, b: 2}, {a: 1.5, b: 1.5}]),
    Case("r2-causal-exponentials", sp.exp(-x - 2*y) * sp.Heaviside(x) * sp.Heaviside(y),
         sp.exp(-3*x - y) * sp.Heaviside(x) * sp.Heaviside(y), R2),
    Case("r2-mixture-box", sp.exp(-x**2 - y**2) + sp.exp(-(x - 1)**2 - y**2),
         box(x) * box(y, 0, 2), R2, slow=True),
    Case("r2-correlated-isotropic", G2, sp.exp(-2*x**2 - 2*y**2), R2),
    Case("r2-linear-terms", sp.exp(-x**2 + x - y**2 - x*y), sp.exp(-x**2 - y**2 + y), R2),
    Case("r2-rectangle-exponential", box(x) * box(y, 0, 2),
         sp.exp(-x - y) * sp.Heaviside(x) * sp.Heaviside(y), R2),
    Case("r2-delta-box", sp.DiracDelta(x) * sp.DiracDelta(y - 1), box(x) * box(y), R2),
    Case("r2-gauss-shift-parameter", sp.exp(-x**2 - 2*y**2),
         sp.DiracDelta(x - a) * sp.DiracDelta(y - 1), R2, [{a: 0.5}, {a: 2}]),
    # --- R^3 ------------------------------------------------------------------------------
    Case("r3-correlated-isotropic", G3, sp.exp(-x**2 - y**2 - z**2), R3, slow=True),
    Case("r3-isotropic-self", sp.exp(-x**2 - y**2 - z**2), sp.exp(-x**2 - y**2 - z**2), R3,
         slow=True),
    Case("r3-box-box", box(x) * box(y) * box(z), box(x) * box(y) * box(z), R3, slow=True),
    Case("r3-causal-exponentials", sp.exp(-x - y - z) * sp.Heaviside(x) * sp.Heaviside(y)
         * sp.Heaviside(z), sp.exp(-2*x - 2*y - 2*z) * sp.Heaviside(x) * sp.Heaviside(y)
         * sp.Heaviside(z), R3, slow=True),
    Case("r3-correlated-self", G3, G3, R3, slow=True),
    # --- the positive reals (Mellin) --------------------------------------------------------
    Case("mellin-exp-exp", sp.exp(-t), sp.exp(-t), RP),
    Case("mellin-unit-interval", sp.Heaviside(1 - t), sp.Heaviside(1 - t), RP),
    Case("mellin-gamma-cauchy", t * sp.exp(-t), 1 / (1 + t), RP),
    Case("mellin-powers-tail", sp.Heaviside(t - 1) / t**2, sp.Heaviside(t - 1) / t**3, RP),
    Case("mellin-power-interval", t * sp.Heaviside(1 - t), sp.Heaviside(1 - t), RP),
    Case("mellin-exp-interval", sp.exp(-t), sp.Heaviside(1 - t), RP),
    Case("mellin-gamma2-exp", t**2 * sp.exp(-t), sp.exp(-t), RP),
    Case("mellin-cauchy-cauchy", 1 / (1 + t), 1 / (1 + t), RP),
    # --- the circle -----------------------------------------------------------------------
    Case("circle-cos-cos", sp.cos(s), sp.cos(s), T2PI),
    Case("circle-trig-polys", sp.sin(s) + sp.cos(2*s)**2, sp.cos(s) + 3*sp.sin(2*s), T2PI),
    Case("circle-period-one", sp.cos(2*sp.pi*s), sp.sin(2*sp.pi*s) + 1, T1),
    Case("circle-square-waves", SQUARE, SQUARE, T2PI),
    Case("circle-sawtooth", s, s, T1),
    Case("circle-step-exp", sp.Heaviside(s - sp.Rational(1, 2)), sp.exp(-s), T1),
    Case("circle-cos2-sin2", sp.cos(s)**2, sp.sin(s)**2, T2PI),
    Case("circle-parameters", a*sp.cos(s) + b, b*sp.sin(s) + a*sp.cos(3*s), T2PI,
         [{a: 0.7, b: 1.9}, {a: 1.3, b: 1.3}]),
]


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


def check(case: Case, h) -> None:
    """Assert ``h`` equals the quadrature of the defining integral at every point and
    parameter set of ``case``."""
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
