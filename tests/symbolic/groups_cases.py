"""Cases for the R^d, Mellin and circle battery (``test_groups_battery.py``) and its benchmark.

Each case holds the inputs, the structure and the parameter values at which the test compares
the library's answer with a quadrature written in the test (``points`` in the structure).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

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
