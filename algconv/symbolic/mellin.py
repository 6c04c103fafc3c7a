r"""Mellin convolution over ``(R>0, x)``: ``(f * g)(x) = int_0^oo f(x / y) g(y) dy / y``.

Strategies, cheapest first:

* ``mellin``: ``M[f * g] = M[f] M[g]`` with sympy's ``mellin_transform`` and
  ``inverse_mellin_transform`` on the common strip; Meijer G answers are turned around
  (``G(1/z)`` to ``G(z)``) and expanded (``hyperexpand``, and
  ``G^{2,0}_{0,2}(z | b_1, b_2) = 2 z^{(b_1+b_2)/2} K_{b_1-b_2}(2 sqrt z)``);
* ``logarithmic``: ``t = e^u`` turns the positive reals into (R, +), where the one-variable
  pipeline convolves ``f(e^u)`` and ``g(e^u)``; the answer comes back through ``u = log x``.

Every answer is compared with the integral, computed by ``mpmath.quad`` and split where ``f``
or ``g`` jumps, at several points and parameter values.

Examples
--------
>>> import sympy as sp
>>> t = sp.Symbol("t", positive=True)
>>> ac.symbolic.convolve(sp.exp(-t), sp.exp(-t), t, over=ac.PositiveReals())
2*besselk(0, 2*sqrt(t))
>>> box = sp.Heaviside(1 - t)
>>> ac.symbolic.convolve(box, box, t, over=ac.PositiveReals())
-log(t)*Heaviside(1 - t)
"""

from __future__ import annotations

import mpmath
import sympy as sp

from .normalise import Unsupported
from .quadrature import agree, evaluate, jump_points, parameter_sets
from .verify import numeric_function

__all__ = ["ASSUMPTIONS", "STRATEGIES", "unevaluated", "verify"]

ASSUMPTIONS = {"positive": True}


def _turn(g: sp.meijerg) -> sp.Expr:
    """``G(1/z)`` written as a G-function of ``z`` (and ``G^{2,0}_{0,2}`` as a Bessel K)."""
    z = g.argument
    if sp.Pow(z, -1).count_ops() < z.count_ops():
        one = lambda v: [1 - a for a in v]  # noqa: E731
        g = sp.meijerg((one(g.bm), one(g.bother)), (one(g.an), one(g.aother)), 1 / z)
    expanded = sp.hyperexpand(g)
    if isinstance(expanded, sp.meijerg) and len(g.an) + len(g.aother) == 0 and (
            len(g.bm) == 2 and not g.bother):
        b1, b2 = g.bm
        w = g.argument
        return 2 * w ** ((b1 + b2) / 2) * sp.besselk(b1 - b2, 2 * sp.sqrt(w))
    return expanded


def _inverse(m, s, x, strip, pairs=()):
    """The inverse Mellin transform of ``m``, with a ``Piecewise`` branch on ``Eq(p, q)``
    for every two parameters that may coincide and change the answer there (at ``a = b``
    the poles ``-a`` and ``-b`` of ``1 / ((s + a)(s + b))`` merge into a double pole)."""
    pair = next(iter(pairs), None)
    if pair is None:
        lo, hi = strip
        # A strip open to one side has every pole on the other; saying so with None spares
        # sympy comparing a pole with a symbolic end (it puts the poles on the wrong side
        # of (Max(-a, -b), oo) and answers on x > 1 with the wrong sign).
        strip = (None, hi) if hi is sp.S.Infinity else (lo, None) if lo is sp.S.NegativeInfinity \
            else strip
        h = sp.inverse_mellin_transform(m, s, x, strip)
        if h.has(sp.InverseMellinTransform):
            raise Unsupported(f"no inverse Mellin transform of {m}")
        return sp.simplify(h.replace(lambda e: isinstance(e, sp.meijerg), _turn))
    p, q = pair
    other = _inverse(m, s, x, strip, pairs[1:])
    same = _inverse(m.subs(q, p), s, x, tuple(sp.sympify(v).subs(q, p) for v in strip),
                    tuple((u.subs(q, p), v.subs(q, p)) for u, v in pairs[1:]))
    if sp.simplify(other.subs(q, p) - same) == 0:
        return other
    return sp.Piecewise((same, sp.Eq(p, q)), (other, True))


def _mellin(f, g, ts, xs, over, clock):
    from .families import may_coincide

    (t,), (x,) = ts, xs
    s = sp.Dummy("s")
    params = sorted((f.free_symbols | g.free_symbols) - {t}, key=sp.default_sort_key)
    pairs = tuple((p, q) for i, p in enumerate(params) for q in params[i + 1:]
                  if may_coincide(p, q))
    try:
        mf, (af, bf), _ = sp.mellin_transform(f, t, s)
        mg, (ag, bg), _ = sp.mellin_transform(g, t, s)
        return _inverse(mf * mg, s, x, (sp.Max(af, ag), sp.Min(bf, bg)), pairs)
    except (sp.integrals.transforms.IntegralTransformError, ValueError) as e:
        raise Unsupported(f"Mellin transforms: {e}") from e


def _to_log(e: sp.Expr, t: sp.Symbol, u: sp.Symbol) -> sp.Expr:
    """``e(e^u)``, with ``Heaviside(a t + b)`` and ``Piecewise`` conditions ``a t + b > 0``
    (root ``-b/a > 0``) as steps in ``u``; conditions constant on ``t > 0`` are decided."""
    def linear(arg):
        poly = sp.Poly(arg, t)
        if poly.degree() != 1:
            raise Unsupported(f"{arg} is not linear in {t}")
        a, b = poly.all_coeffs()
        root = -b / a
        if root.is_positive:
            return sp.sign(a) * (u - sp.log(root))
        if root.is_nonpositive:  # one sign on t > 0: that of arg at t = 1
            return arg.subs(t, 1)
        raise Unsupported(f"{arg} has no step at a known point of t > 0")

    stepped = e.replace(lambda h: isinstance(h, sp.Heaviside) and h.args[0].has(t),
                        lambda h: sp.Heaviside(linear(h.args[0]), *h.args[1:]))
    stepped = stepped.replace(
        lambda r: isinstance(r, sp.core.relational.Relational) and r.has(t),
        lambda r: r.func(linear(r.lhs - r.rhs), 0))
    return sp.expand_power_base(sp.powsimp(stepped.subs(t, sp.exp(u))), force=True)


def _logarithmic(f, g, ts, xs, over, clock):
    from .api import convolve

    (t,), (x,) = ts, xs
    u, v = sp.Dummy("u", real=True), sp.Dummy("v", real=True)
    h = convolve(_to_log(f, t, u), _to_log(g, t, u), u, out=v, timeout=clock.timeout())
    return sp.expand_log(sp.simplify(h.subs(v, sp.log(x))))


#: (name, function, share of the budget) in the order tried
STRATEGIES = [
    ("mellin", _mellin, 0.5),
    ("logarithmic", _logarithmic, 1.0),
]

_POINTS = [0.37, 0.55, 0.81, 1.3, 2.2, 3.7]


def verify(f, g, ts, answer, xs, over, clock=None) -> int:
    """Compare ``answer`` with ``int f(x/y) g(y) dy/y`` at several points and parameters."""
    (t,), (x,) = ts, xs
    params = (f.free_symbols | g.free_symbols | answer.free_symbols) - {t, x}
    checked = 0
    for subs in parameter_sets(params):
        fs, gs, hs = (sp.sympify(e).subs(subs) for e in (f, g, answer))
        F, G = numeric_function(fs, t), numeric_function(gs, t)
        fb = [b for b in jump_points(fs, t) if b > 0]
        gb = [b for b in jump_points(gs, t) if b > 0]
        truths, cands = [], []
        for x0 in _POINTS:
            if clock is not None:
                clock.check()
            cuts = sorted({0, 1, mpmath.inf, *(x0 / b for b in fb), *gb})
            with mpmath.workdps(20):
                truths.append(mpmath.quad(lambda y, x0=x0: F(x0 / y) * G(y) / y, cuts))
            cands.append(evaluate(hs, {x: x0}))
        checked += agree("R>0", _POINTS, truths, cands)
    return checked


def unevaluated(f, g, var, out, over) -> sp.Integral:
    """``Integral(f(out / y) g(y) / y, (y, 0, oo))``."""
    (v,), (o,) = var, out
    y = sp.Dummy("y", positive=True)
    return sp.Integral(f.subs(v, o / y) * g.subs(v, y) / y, (y, 0, sp.oo))
