"""Case splits on a parameter when the order of two breakpoints depends on its value.

``box(0, a) * box(0, 1)`` has breakpoints ``1`` and ``a``: their order is not decided by
``a > 0``.  For a parameter ``p`` with threshold ``p0`` the two cases are written with a fresh
positive symbol ``s`` so that each case's order *is* decided: ``p = p0 + s`` above, and
``p = p0 / (1 + s)`` (positive p) or ``p = p0 - s`` below.  Each case is solved and verified
on its own, then the answers are joined as ``Piecewise((below, p < p0), (above, True))``.

Examples
--------
>>> import sympy as sp
>>> from algconv.symbolic.cases import split_parameter
>>> a = sp.Symbol("a", positive=True)
>>> p, cases = split_parameter(sp.S.One, a)
>>> p, [c[0] for c in cases]
(a, [a < 1, True])
"""

from __future__ import annotations

import sympy as sp

from .normalise import Unsupported

__all__ = ["MAX_DEPTH", "solve_by_cases", "split_parameter"]

#: at most this many nested case splits (two parameters)
MAX_DEPTH = 2


def split_parameter(a: sp.Expr, b: sp.Expr):
    """``(p, [(condition, value_of_p, s_in_terms_of_p, s), ...])`` or ``Unsupported``."""
    d = sp.simplify(b - a)
    for p in sorted(d.free_symbols, key=sp.default_sort_key):
        if not d.is_polynomial(p) or sp.degree(d, p) != 1:
            continue
        c1, c0 = sp.Poly(d, p).all_coeffs()
        p0 = sp.simplify(-c0 / c1)
        if not p0.is_real:
            continue
        s = sp.Dummy("s", positive=True)
        if p.is_positive:
            if not p0.is_positive:
                continue
            low, back_low = p0 / (1 + s), p0 / p - 1
        elif p.is_real:
            low, back_low = p0 - s, p0 - p
        else:
            continue
        return p, [(p < p0, low, back_low, s), (sp.true, p0 + s, p - p0, s)]
    raise Unsupported(f"no parameter decides the order of {a} and {b}")


def solve_by_cases(solve, f: sp.Expr, g: sp.Expr, undecided, depth: int = 0) -> sp.Expr:
    """Join ``solve(f_case, g_case)`` over the cases of the undecided pair.

    ``solve`` verifies its own answers; it may raise ``Undecided`` again for another pair, which
    splits further up to ``MAX_DEPTH`` levels.
    """
    from .normalise import Undecided

    if depth >= MAX_DEPTH:
        raise Unsupported("too many parameter case splits")
    p, cases = split_parameter(undecided.a, undecided.b)
    branches = []
    for cond, value, back, s in cases:
        fc, gc = f.subs(p, value), g.subs(p, value)
        try:
            h = solve(fc, gc)
        except Undecided as e:
            h = solve_by_cases(solve, fc, gc, e, depth + 1)
        branches.append((sp.simplify(h.subs(s, back)) if not h.has(sp.Piecewise)
                         else h.subs(s, back), cond))
    return sp.Piecewise(*branches)
