"""Discrete sums over Z and N: piecewise summation and exact finite tables.

For pieces ``f_i`` on ``[p, q]`` and ``g_j`` on ``[r, s]`` (integer ranges),

.. math:: (f_i * g_j)(n) = \\sum_{k=\\max(p, n - s)}^{\\min(q, n - r)} f_i(k)\\, g_j(n - k)

is non-zero for ``p + r <= n <= q + s`` with limits switching after ``p + s`` and at
``q + r``; each range is summed by ``sympy.summation`` (polynomial x geometric terms close
at once).  Finite supports also have an exact table: every value by exact arithmetic
(``algconv.convolve`` on object arrays), written as a ``Piecewise`` exact at every integer.

Examples
--------
>>> import sympy as sp
>>> from algconv.symbolic.normalise import normalise_discrete
>>> from algconv.symbolic.discrete import sum_reps
>>> from algconv.symbolic.assemble import to_expr
>>> k, n = sp.symbols("k n", integer=True)
>>> box = normalise_discrete(sp.Piecewise((1, (k >= 0) & (k <= 2)), (0, True)), k)
>>> to_expr(sum_reps(box, box, n))
Piecewise((0, n < 0), (n + 1, n <= 2), (5 - n, n <= 4), (0, True))
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..engines.direct import lattice_direct
from .normalise import Rep, Unsupported, compare, limit_choice, merge_pieces, sorted_points, tidy

__all__ = ["MAX_TABLE", "finite_table", "sum_closed", "sum_reps"]

#: the largest span of a finite result written out value by value
MAX_TABLE = 400


def _closed(val: sp.Expr) -> bool:
    return not (val.has(sp.Sum) or val.has(sp.nan, sp.zoo) or val.is_infinite)


def _harmonic(dep: sp.Expr, k: sp.Symbol, lo: sp.Expr, hi: sp.Expr):
    """``sum_{k=lo}^{hi} (s k + a)^(-m)`` with ``s = +-1`` by harmonic numbers, else None."""
    base, e = dep.as_base_exp()
    if not (e.is_integer and e.is_negative and base.is_polynomial(k)
            and sp.degree(base, k) == 1):
        return None
    s, a = sp.Poly(base, k).all_coeffs()
    if s not in (1, -1):
        return None
    m = -e
    # (s k + a)^-m = s^m (k + s a)^-m ; sum_{j=lo+sa}^{hi+sa} j^-m, valid when lo + s a >= 1
    shift = s * a
    if not (lo + shift - 1).is_nonnegative:
        return None
    return s**m * (sp.harmonic(hi + shift, m) - sp.harmonic(lo + shift - 1, m))


def _sum_part(part: sp.Expr, k: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> sp.Expr:
    c, dep = part.as_independent(k, as_Add=False)
    lo, hi = sp.sympify(lo), sp.sympify(hi)
    for d in (dep, dep.subs(k, lo + hi - k)) if lo.is_finite and hi.is_finite else (dep,):
        val = _harmonic(d, k, lo, hi)
        if val is not None:
            return c * val
    val = sp.summation(dep, (k, lo, hi))
    lo, hi = sp.sympify(lo), sp.sympify(hi)
    if not _closed(val) and lo.is_finite and hi.is_finite:  # the same sum, index reversed
        val = sp.summation(dep.subs(k, lo + hi - k), (k, lo, hi))
    return c * val


def sum_closed(term: sp.Expr, k: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> sp.Expr:
    """``sum_{k=lo}^{hi} term``; rational terms are split into partial fractions first."""
    val = sp.summation(term, (k, lo, hi))
    if _closed(val):
        return val
    if term.is_rational_function(k):
        parts = [_sum_part(part, k, lo, hi) for part in sp.Add.make_args(sp.apart(term, k))]
        if all(_closed(v) for v in parts):
            return sp.Add(*parts)
    raise Unsupported(f"cannot sum {term} over [{lo}, {hi}]")


def sum_reps(f: Rep, g: Rep, n: sp.Symbol) -> Rep:
    """``f * g`` for discrete Reps, as a Rep in the integer symbol ``n``."""
    k = sp.Dummy("k", integer=True)
    pairs = []
    for p, q, fe in f.pieces:
        for r, s, ge in g.pieces:
            pairs.append((p, q, r, s, sp.expand(fe.subs(f.var, k) * ge.subs(g.var, n - k)), {}))
    starts = {b for p, q, r, s, _, _ in pairs for b in (p + r, p + s + 1, q + r, q + s + 1)
              if b.is_finite}
    starts = sorted_points(starts)
    bounds = [sp.S.NegativeInfinity, *starts]
    pieces = []
    for lo, nxt in zip(bounds, starts + [sp.S.Infinity]):
        hi = nxt - 1 if nxt.is_finite else nxt
        m = hi if lo.is_infinite else lo
        total = sp.S.Zero
        for p, q, r, s, term, cache in pairs:
            if not (compare(p + r, m) <= 0 <= compare(q + s, m)):
                continue
            lower = limit_choice(p, s, m, n, lower=True)
            upper = limit_choice(q, r, m, n, lower=False)
            key = (lower, upper)
            if key not in cache:
                cache[key] = sum_closed(term, k, lower, upper)
            total += cache[key]
        total = sp.simplify(total.subs(n, lo)) if lo == hi else tidy(total)
        if total != 0:
            pieces.append((lo, hi, total))
    return Rep(n, merge_pieces(pieces, n), [], discrete=True)


def _span(f: Rep):
    if not f.pieces or not (f.pieces[0][0].is_number and f.pieces[-1][1].is_number
                            and f.pieces[0][0].is_finite and f.pieces[-1][1].is_finite):
        return None
    return int(f.pieces[0][0]), int(f.pieces[-1][1])


def _values(f: Rep, lo: int, hi: int) -> np.ndarray:
    out = np.zeros(hi - lo + 1, dtype=object)
    for p, q, e in f.pieces:
        for j in range(int(p), int(q) + 1):
            out[j - lo] = sp.S.Zero + e.subs(f.var, j)
    return out


def finite_table(f: Rep, g: Rep, n: sp.Symbol) -> Rep:
    """``f * g`` value by value when both supports are finite (``Unsupported`` otherwise)."""
    sf, sg = _span(f), _span(g)
    if sf is None or sg is None:
        raise Unsupported("an infinite support has no finite table")
    if (sf[1] - sf[0]) + (sg[1] - sg[0]) + 1 > MAX_TABLE:
        raise Unsupported(f"a finite table longer than MAX_TABLE={MAX_TABLE}")
    h = lattice_direct(_values(f, *sf), _values(g, *sg))  # the direct engine: exact, sympy
    base = sf[0] + sg[0]
    pieces = [(sp.Integer(base + i), sp.Integer(base + i), sp.simplify(v))
              for i, v in enumerate(h) if sp.simplify(v) != 0]
    return Rep(n, merge_pieces(pieces, n), [], discrete=True)
