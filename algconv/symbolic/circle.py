r"""Convolution over the circle ``R / P Z``: ``(f * g)(x) = int_0^P f(y) g(x - y) dy``.

``f`` and ``g`` are read on one period ``[0, P)`` and extended periodically (a trigonometric
polynomial of period ``P`` is already periodic).  Strategies, cheapest first:

* ``fourier``: trigonometric polynomials ``sum_k c_k e^(2 pi i k t / P)``: the coefficients
  multiply, ``(f * g)_k = P f_k g_k``; the answer is written with ``cos`` and ``sin``;
* ``one-period``: the pieces on one period convolve on R (the one-variable pipeline), and
  ``(f * g)(x) = r(x) + r(x + P)`` on ``[0, P)`` where ``r = f_0 * g_0``; the answer is a
  ``Piecewise`` in ``Mod(x, P)``, periodic everywhere.

Every answer is compared with ``mpmath.quad`` of the defining integral (split where ``f`` or
``g`` jumps) at several points in and outside ``[0, P)`` and several parameter values.

Examples
--------
>>> import sympy as sp
>>> t = sp.Symbol("t", real=True)
>>> ac.symbolic.convolve(sp.cos(t), sp.cos(t), t, over=ac.Circle(2 * sp.pi))
pi*cos(t)
"""

from __future__ import annotations

import mpmath
import sympy as sp

from .assemble import add, shift, to_expr
from .normalise import Rep, Unsupported, compare, normalise_real
from .quadrature import agree, evaluate, jump_points, parameter_sets
from .verify import numeric_function

__all__ = ["ASSUMPTIONS", "STRATEGIES", "unevaluated", "verify"]

ASSUMPTIONS = {"real": True}


def _coefficients(e: sp.Expr, t: sp.Symbol, period) -> dict:
    """``{k: c_k}`` with ``e = sum c_k exp(2 pi i k t / period)``, or Unsupported."""
    out: dict = {}
    expanded = sp.expand(sp.powsimp(sp.expand(e.rewrite(sp.exp)), combine="exp"))
    for term in sp.Add.make_args(expanded):
        c, dep = term.as_independent(t, as_Add=False)
        if dep == 1:
            k = 0
        elif isinstance(dep, sp.exp) and sp.diff(dep.args[0], t, 2) == 0:
            k = sp.simplify(sp.diff(dep.args[0], t) * period / (2 * sp.pi * sp.I))
            c *= sp.exp(dep.args[0].subs(t, 0))
            if not k.is_integer:
                raise Unsupported(f"frequency {k} of {term} is not a multiple of 2 pi / P")
        else:
            raise Unsupported(f"{term} is not a trigonometric monomial")
        out[k] = out.get(k, 0) + c
    return out


def _fourier(f, g, ts, xs, over, clock):
    (t,), (x,) = ts, xs
    period = sp.sympify(over.period)
    cf, cg = _coefficients(f, t, period), _coefficients(g, t, period)
    h = {k: period * cf[k] * cg[k] for k in cf if k in cg}
    w = 2 * sp.pi * x / period
    out = sp.simplify(h.get(0, 0))
    for k in sorted({abs(k) for k in h if k != 0}):
        plus, minus = h.get(k, 0), h.get(-k, 0)
        out += sp.simplify(plus + minus) * sp.cos(k * w)
        out += sp.simplify(sp.I * (plus - minus)) * sp.sin(k * w)
    return out


def _one_period(f, g, ts, xs, over, clock):
    from .api import convolve

    (t,), (x,) = ts, xs
    period = sp.sympify(over.period)
    box = sp.Heaviside(t) - sp.Heaviside(t - period)
    r = convolve(f * box, g * box, t, out=x, timeout=clock.timeout())
    rep = normalise_real(r, x)
    total = add(rep, shift(rep, -period))
    zero = sp.S.Zero
    pieces = [(lo if compare(lo, zero) > 0 else zero, hi if compare(hi, period) < 0 else period,
               e) for lo, hi, e in total.pieces
              if compare(hi, zero) > 0 and compare(lo, period) < 0]
    h = to_expr(Rep(x, pieces), x)
    if isinstance(h, sp.Piecewise) and h.args[-1] == (0, True) and len(h.args) > 1:
        *head, (e, _), _ = h.args  # the last piece ends at the period: x < P always holds
        h = sp.Piecewise(*head, (e, True)) if head else e
    return h.subs(x, sp.Mod(x, period))


#: (name, function, share of the budget) in the order tried
STRATEGIES = [
    ("fourier", _fourier, 0.3),
    ("one-period", _one_period, 1.0),
]

_FRACTIONS = [0.07, 0.31, 0.52, 0.68, 0.93, -0.41, 1.26]


def verify(f, g, ts, answer, xs, over, clock=None) -> int:
    """Compare ``answer`` with ``int_0^P f(y) g(x - y) dy`` (f, g periodic extensions of
    their restrictions to ``[0, P)``) at points in and outside one period."""
    (t,), (x,) = ts, xs
    params = (f.free_symbols | g.free_symbols | answer.free_symbols) - {t, x}
    checked = 0
    for subs in parameter_sets(params):
        period = sp.sympify(over.period).subs(subs)
        p = mpmath.mpf(sp.N(period, 20))
        fs, gs, hs = (sp.sympify(e).subs(subs) for e in (f, g, answer))
        F, G = numeric_function(fs, t), numeric_function(gs, t)
        fb = [b for b in jump_points(fs, t) if 0 < b < p]
        gb = [b for b in jump_points(gs, t) if 0 < b < p]
        points = [q * p for q in _FRACTIONS]
        truths, cands = [], []
        for x0 in points:
            if clock is not None:
                clock.check()
            cuts = {0, p, *fb}
            for b in gb:
                cuts |= {c for c in (x0 - b + k * p for k in range(-2, 3)) if 0 < c < p}
            cuts |= {c for c in (x0 + k * p for k in range(-2, 3)) if 0 < c < p}
            with mpmath.workdps(20):
                truths.append(mpmath.quad(
                    lambda y, x0=x0: F(y % p) * G((x0 - y) % p), sorted(cuts)))
            cands.append(evaluate(hs, {x: sp.Float(x0, 20)}))
        checked += agree(repr(over), points, truths, cands)
    return checked


def unevaluated(f, g, var, out, over) -> sp.Integral:
    """``Integral(f(y) g(out - y), (y, 0, period))``."""
    (v,), (o,) = var, out
    y = sp.Dummy("y", real=True)
    return sp.Integral(f.subs(v, y) * g.subs(v, o - y), (y, 0, over.period))
