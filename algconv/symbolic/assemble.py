"""Arithmetic on :class:`~algconv.symbolic.normalise.Rep` and its conversion back to sympy.

``add`` refines two piece lists to their common breakpoints; ``shift`` and ``derivative``
(jumps become point masses) serve the DiracDelta sifting; ``to_expr`` writes a ``Piecewise``
in increasing order (plus ``DiracDelta`` terms) and ``to_heaviside`` a sum of boxes.

Examples
--------
>>> import sympy as sp
>>> from algconv.symbolic.normalise import normalise_real
>>> from algconv.symbolic.assemble import to_expr, derivative
>>> t = sp.Symbol("t", real=True)
>>> box = normalise_real(sp.Heaviside(t) - sp.Heaviside(t - 1), t)
>>> to_expr(box, t)
Piecewise((0, t < 0), (1, t < 1), (0, True))
>>> to_expr(derivative(box), t)
DiracDelta(t) - DiracDelta(t - 1)
"""

from __future__ import annotations

from itertools import pairwise

import sympy as sp

from .normalise import Rep, merge_deltas, compare, merge_pieces, sorted_points, tidy

__all__ = ["add", "derivative", "rename", "scale", "shift", "to_expr", "to_heaviside"]


def _value(e: sp.Expr, t: sp.Symbol, p: sp.Expr, side: str) -> sp.Expr:
    v = e.subs(t, p)
    if v.has(sp.nan, sp.zoo) or v.is_finite is False:
        v = sp.limit(e, t, p, "+" if side == "right" else "-")
    return sp.simplify(v)


def add(f: Rep, g: Rep) -> Rep:
    """``f + g`` on common breakpoints."""
    if f.discrete != g.discrete:
        raise ValueError("cannot add a discrete and a continuous Rep")
    t = f.var
    gp = [(lo, hi, e.subs(g.var, t)) for lo, hi, e in g.pieces]
    if f.discrete:
        return _add_discrete(f, gp)
    pts = sorted_points({p for lo, hi, _ in f.pieces + gp for p in (lo, hi)})
    pieces = []
    for lo, hi in pairwise(pts):
        e = sum((pe for plo, phi, pe in f.pieces + gp
                 if compare(plo, lo) <= 0 and compare(hi, phi) <= 0), sp.S.Zero)
        e = tidy(e)
        if e != 0:
            pieces.append((lo, hi, e))
    deltas = f.deltas + [(c, p, k) for c, p, k in g.deltas]
    return Rep(t, merge_pieces(pieces), merge_deltas(deltas))


def _add_discrete(f: Rep, gp: list) -> Rep:
    t = f.var
    starts = {lo for lo, _, _ in f.pieces + gp} | {hi + 1 for _, hi, _ in f.pieces + gp}
    starts = sorted_points(starts)
    pieces = []
    for lo, nxt in zip(starts, starts[1:] + [sp.S.Infinity]):
        hi = nxt - 1 if nxt.is_finite else nxt
        if lo.is_infinite and lo > 0:
            break
        e = sum((pe for plo, phi, pe in f.pieces + gp
                 if compare(plo, lo) <= 0 and compare(hi, phi) <= 0), sp.S.Zero)
        e = sp.simplify(e.subs(t, lo)) if lo == hi else tidy(e)
        if e != 0:
            pieces.append((lo, hi, e))
    return Rep(t, merge_pieces(pieces, t), [], discrete=True)


def scale(f: Rep, c: sp.Expr) -> Rep:
    """``c f``."""
    return Rep(f.var, [(lo, hi, tidy(c * e)) for lo, hi, e in f.pieces],
               [(sp.simplify(c * d), p, k) for d, p, k in f.deltas], f.discrete)


def shift(f: Rep, p: sp.Expr) -> Rep:
    """``t -> f(t - p)``."""
    t = f.var
    return Rep(t, [(lo + p, hi + p, tidy(e.subs(t, t - p))) for lo, hi, e in f.pieces],
               [(c, q + p, k) for c, q, k in f.deltas], f.discrete)


def derivative(f: Rep) -> Rep:
    """The distributional derivative of a continuous Rep: jumps become point masses."""
    t = f.var
    pieces = [(lo, hi, sp.diff(e, t)) for lo, hi, e in f.pieces]
    pieces = [(lo, hi, e) for lo, hi, e in pieces if e != 0]
    jumps: dict = {}
    for lo, hi, e in f.pieces:
        for point, sign, side in ((lo, 1, "right"), (hi, -1, "left")):
            if point.is_finite:
                key = next((q for q in jumps if compare(q, point) == 0), point)
                jumps[key] = jumps.get(key, 0) + sign * _value(e, t, point, side)
    deltas = [(c, p, k + 1) for c, p, k in f.deltas]
    deltas += [(sp.simplify(j), p, 0) for p, j in jumps.items()]
    return Rep(t, pieces, merge_deltas(deltas))


def rename(f: Rep, x: sp.Symbol) -> Rep:
    """The same Rep in the variable ``x``."""
    t = f.var
    return Rep(x, [(lo, hi, e.subs(t, x)) for lo, hi, e in f.pieces], list(f.deltas), f.discrete)


def to_expr(f: Rep, x: sp.Symbol | None = None, lower=None) -> sp.Expr:
    """A sympy expression: an ordered ``Piecewise`` plus ``DiracDelta`` terms.

    On the integers the conditions are ``x < lo`` / ``x <= hi``, exact at every integer;
    with ``lower`` (the domain's least element, 0 on N) no branch is written below it and a
    single piece ``[lower, oo)`` comes back as its bare expression.
    """
    f = rename(f, x) if x is not None else f
    x = f.var
    args: list = []
    cur = sp.S.NegativeInfinity if lower is None else sp.Integer(lower)
    for lo, hi, e in f.pieces:
        if compare(lo, cur) > 0:
            args.append((sp.S.Zero, x < lo))
        cur = hi + 1 if f.discrete else hi
        if hi.is_infinite:
            args.append((e, True))
        else:
            args.append((e, x <= hi if f.discrete else x < hi))
    if not args or args[-1][1] is not True:
        args.append((sp.S.Zero, True))
    body = args[0][0] if len(args) == 1 else sp.Piecewise(*args)
    for c, p, k in f.deltas:
        body += c * (sp.DiracDelta(x - p, k) if k else sp.DiracDelta(x - p))
    return body


def to_heaviside(f: Rep) -> sp.Expr:
    """A sum of ``expr * (Heaviside(t - lo) - Heaviside(t - hi))`` (continuous Reps)."""
    t = f.var
    out = sp.S.Zero
    for lo, hi, e in f.pieces:
        box = (sp.Heaviside(t - lo) if lo.is_finite else 1) - (
            sp.Heaviside(t - hi) if hi.is_finite else 0)
        out += e * box
    for c, p, k in f.deltas:
        out += c * (sp.DiracDelta(t - p, k) if k else sp.DiracDelta(t - p))
    return out
