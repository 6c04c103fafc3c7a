"""Piecewise integration over R: the convolution of two normalised Reps.

For pieces ``f_i`` on ``(p, q)`` and ``g_j`` on ``(r, s)``,

.. math:: (f_i * g_j)(x) = \\int_{\\max(p, x - s)}^{\\min(q, x - r)} f_i(a)\\, g_j(x - a)\\, da

is non-zero for ``p + r < x < q + s`` and its limits switch at ``p + s`` and ``q + r``.
Every ordering of these breakpoints is settled (symbolically when assumptions decide it),
each interval's integrals are done exactly by sympy on polynomial x exponential x
trigonometric pieces, and the sum is assembled as one ordered Rep.  Point masses are sifted
(``delta.py``).

Examples
--------
>>> import sympy as sp
>>> from algconv.symbolic.normalise import normalise_real
>>> from algconv.symbolic.piecewise import convolve_reps
>>> from algconv.symbolic.assemble import to_expr
>>> t, x = sp.symbols("t x", real=True)
>>> box = normalise_real(sp.Heaviside(t) - sp.Heaviside(t - 1), t)
>>> to_expr(convolve_reps(box, box, x))
Piecewise((0, x < 0), (x, x < 1), (2 - x, x < 2), (0, True))
"""

from __future__ import annotations

from itertools import pairwise

import sympy as sp

from .assemble import add
from .delta import sift
from .normalise import (
    Rep,
    Unsupported,
    sample_point,
    compare,
    limit_choice,
    merge_pieces,
    sorted_points,
    tidy,
)

__all__ = ["convolve_pieces", "convolve_reps"]


def _antiderivative(integrand: sp.Expr, a: sp.Symbol) -> sp.Expr:
    """An antiderivative in ``a``, term by term with the factors free of ``a`` held apart.

    sympy drops such factors on its equal-rate branch: ``integrate(exp(a s - b s + b x), s)``
    gives ``Piecewise((... / (a - b), Ne(a - b, 0)), (s, True))``, missing ``exp(b x)`` at
    ``a = b``; integrating ``exp(a s - b s)`` alone keeps every branch right.  Answers
    without branches are kept as sympy gives them.
    """
    anti = sp.integrate(integrand, a)
    if not anti.has(sp.Piecewise):
        return anti
    total = sp.S.Zero
    for term in sp.Add.make_args(sp.expand(integrand, power_exp=True)):
        const, rest = term.as_independent(a, as_Add=False)
        total += const * sp.integrate(sp.powsimp(rest), a)
    return total


def _integral(integrand: sp.Expr, a: sp.Symbol, lo: sp.Expr, hi: sp.Expr, cache: dict):
    if lo.is_finite and hi.is_finite:
        if "anti" not in cache:
            anti = _antiderivative(integrand, a)
            cache["anti"] = None if anti.has(sp.Integral) else anti
        anti = cache["anti"]
        if anti is not None:
            return anti.subs(a, hi) - anti.subs(a, lo)
    val = sp.integrate(integrand, (a, lo, hi), conds="none")
    if val.has(sp.Integral) or val.has(sp.nan, sp.zoo) or val.is_infinite:
        raise Unsupported(f"cannot integrate {integrand} over ({lo}, {hi})")
    return val


def convolve_pieces(f: Rep, g: Rep, x: sp.Symbol) -> Rep:
    """The convolution of the piece parts of two continuous Reps, as a Rep in ``x``."""
    a = sp.Dummy("a", real=True)
    pairs = []
    for p, q, fe in f.pieces:
        for r, s, ge in g.pieces:
            integrand = sp.powsimp(sp.expand(fe.subs(f.var, a) * ge.subs(g.var, x - a)))
            pairs.append((p, q, r, s, integrand, {}))
    pts = sorted_points({b for p, q, r, s, _, _ in pairs for b in (p + r, p + s, q + r, q + s)
                         if b.is_finite})
    bounds = [sp.S.NegativeInfinity, *pts, sp.S.Infinity]
    pieces = []
    for lo, hi in pairwise(bounds):
        m = sample_point(lo, hi)
        total = sp.S.Zero
        for p, q, r, s, integrand, cache in pairs:
            if not (compare(p + r, m) < 0 < compare(q + s, m)):
                continue
            lower = limit_choice(p, s, m, x, lower=True)
            upper = limit_choice(q, r, m, x, lower=False)
            total += _integral(integrand, a, lower, upper, cache)
        total = tidy(total)
        if total != 0:
            pieces.append((lo, hi, total))
    return Rep(x, merge_pieces(pieces))


def convolve_reps(f: Rep, g: Rep, x: sp.Symbol) -> Rep:
    """``f * g`` for continuous Reps: pieces by integration, point masses by sifting."""
    out = convolve_pieces(f, g, x)
    for c, p, k in f.deltas:
        out = add(out, sift(c, p, k, g, x))
    if g.deltas:
        f_smooth = Rep(f.var, f.pieces, [])
        for c, p, k in g.deltas:
            out = add(out, sift(c, p, k, f_smooth, x))
    return out
