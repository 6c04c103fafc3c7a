r"""Convolution over R^d: ``(f * g)(x) = int_{R^d} f(y) g(x - y) dy``.

Strategies, cheapest first:

* ``separable``: sums of products ``c f_1(t_1) ... f_d(t_d)`` convolve factor by factor with
  the one-variable pipeline (boxes give products of tents, point masses shift), by
  bilinearity and Fubini;
* ``gaussian``: ``c exp(P)`` with ``P`` quadratic (any positive-definite form, correlated
  too): completing the square,
  ``int exp(-y^T M y + J^T y + K) dy = pi^(d/2) det(M)^(-1/2) exp(J^T M^-1 J / 4 + K)``;
* ``iterated``: one side separable, the other anything the one-variable pipeline takes with
  the other coordinates as parameters: one axis at a time.

Steps done by the one-variable pipeline are verified there; the answer is also compared with
a tensor-product quadrature of the defining integral over R^d (``quadrature.py``) at several
points and parameter values, except when point masses make that integral a sifting.

Examples
--------
>>> import sympy as sp
>>> x, y = sp.symbols("x y", real=True)
>>> f = sp.exp(-x**2 - x*y - y**2)
>>> ac.symbolic.convolve(f, f, (x, y), over=ac.Reals(2))
sqrt(3)*pi*exp(-x**2/2 - x*y/2 - y**2/2)/3
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from .normalise import Unsupported
from .quadrature import (agree, evaluate, grid_points, jump_points, parameter_sets,
                         tensor_integral)

__all__ = ["ASSUMPTIONS", "STRATEGIES", "unevaluated", "verify"]

ASSUMPTIONS = {"real": True}


def _one_variable(f, g, t, x, clock, calls_left: int):
    from .api import convolve

    return convolve(f, g, t, out=x, timeout=clock.timeout(calls_left))


def _separate(e: sp.Expr, ts) -> list | None:
    """``e`` as a list of terms ``[c, f_1, ..., f_d]`` with ``f_i`` a function of ``t_i``."""
    terms = []
    for term in sp.Add.make_args(e):
        parts = sp.separatevars(term, symbols=list(ts), dict=True, force=True)
        if parts is None:
            return None
        terms.append([parts["coeff"], *(parts.get(t, sp.S.One) for t in ts)])
    return terms


def _separable(f, g, ts, xs, over, clock):
    fs, gs = _separate(f, ts), _separate(g, ts)
    if fs is None or gs is None:
        raise Unsupported("not a sum of products of one-variable functions")
    calls = len(fs) * len(gs) * len(ts)
    total = sp.S.Zero
    for fc, *ff in fs:
        for gc, *gg in gs:
            term = fc * gc
            for t, x, a, b in zip(ts, xs, ff, gg):
                term *= _one_variable(a, b, t, x, clock, calls)
                calls -= 1
            total += term
    return total


def _gaussian_form(e: sp.Expr, ts):
    c, rest = e.as_independent(*ts, as_Add=False)
    rest = sp.powsimp(rest, combine="exp")
    if rest == 1:
        exponent = sp.S.Zero
    elif isinstance(rest, sp.exp):
        exponent = sp.expand(rest.args[0])
    else:
        raise Unsupported("not c * exp(quadratic)")
    try:
        poly = sp.Poly(exponent, *ts)
    except sp.PolynomialError as e:
        raise Unsupported("the exponent is not a polynomial") from e
    if poly.total_degree() > 2 or any(s in ts for s in poly.free_symbols_in_domain):
        raise Unsupported("the exponent is not quadratic")
    return c, exponent


def _gaussian(f, g, ts, xs, over, clock):
    cf, pf = _gaussian_form(f, ts)
    cg, pg = _gaussian_form(g, ts)
    ys = sp.symbols(f"y0:{len(ts)}", cls=sp.Dummy, real=True)
    e = sp.expand(pf.subs(dict(zip(ts, ys)), simultaneous=True)
                  + pg.subs({t: x - y for t, x, y in zip(ts, xs, ys)}, simultaneous=True))
    m = -sp.hessian(e, ys) / 2
    for k in range(1, len(ys) + 1):
        if sp.simplify(m[:k, :k].det()).is_positive is not True:
            raise Unsupported("the quadratic form is not known to be positive definite")
    zero = dict.fromkeys(ys, 0)
    j = sp.Matrix([sp.diff(e, y).subs(zero) for y in ys])
    k0 = e.subs(zero)
    exponent = sp.factor(sp.cancel((j.T * m.inv() * j)[0, 0] / 4 + k0))
    scale = sp.pi ** sp.Rational(len(ys), 2) / sp.sqrt(sp.factor(m.det()))
    return sp.simplify(cf * cg * scale) * sp.exp(exponent)


def _iterated(f, g, ts, xs, over, clock):
    if _separate(g, ts) is None or len(_separate(g, ts)) != 1:
        f, g = g, f
    terms = _separate(g, ts)
    if terms is None or len(terms) != 1:
        raise Unsupported("neither side is one product of one-variable functions")
    c, *factors = terms[0]
    h = f
    for k, (t, x, b) in enumerate(zip(ts, xs, factors)):
        h = _one_variable(h, b, t, x, clock, len(ts) - k)
    return c * h


#: (name, function, share of the budget) in the order tried
STRATEGIES = [
    ("separable", _separable, 0.6),
    ("gaussian", _gaussian, 0.3),
    ("iterated", _iterated, 1.0),
]


def _numeric(e: sp.Expr, ts):
    heaviside = {"Heaviside": lambda v, h0=0.5: np.heaviside(v, h0)}
    return sp.lambdify(ts, e, modules=[heaviside, "numpy", "scipy"])


def verify(f, g, ts, answer, xs, over, clock=None) -> int:
    """Compare ``answer`` with the integral over R^d at several points and parameter values."""
    if any(e.has(sp.DiracDelta) for e in (f, g, answer)):
        return 0  # a sifting: every one-variable step was verified with paired test functions
    params = (f.free_symbols | g.free_symbols | answer.free_symbols) - set(ts) - set(xs)
    checked = 0
    for subs in parameter_sets(params):
        fs, gs, hs = (sp.sympify(e).subs(subs) for e in (f, g, answer))
        fb = [jump_points(fs, t) for t in ts]
        gb = [jump_points(gs, t) for t in ts]
        F, G = _numeric(fs, ts), _numeric(gs, ts)
        points = grid_points(len(ts))[: 6 if len(ts) < 3 else 4]
        truths, cands = [], []
        for x0 in points:
            if clock is not None:
                clock.check()
            breaks = [sorted({*a, *(p - b for b in bb)}) for a, bb, p in zip(fb, gb, x0)]
            truths.append(tensor_integral(
                lambda *y, x0=x0: F(*y) * G(*(p - v for p, v in zip(x0, y))), breaks))
            cands.append(evaluate(hs, dict(zip(xs, x0))))
        checked += agree("R^%d" % len(ts), points, truths, cands)
    return checked


def unevaluated(f, g, var, out, over) -> sp.Integral:
    """``Integral(f(y) g(out - y), (y_1, -oo, oo), ..., (y_d, -oo, oo))``."""
    ys = sp.symbols(f"y0:{len(var)}", cls=sp.Dummy, real=True)
    body = f.subs(dict(zip(var, ys)), simultaneous=True) * g.subs(
        {v: o - y for v, o, y in zip(var, out, ys)}, simultaneous=True)
    return sp.Integral(body, *[(y, -sp.oo, sp.oo) for y in ys])
