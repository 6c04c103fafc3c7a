"""Normalise an expression into one piecewise representation with explicit breakpoints.

Heaviside, Abs, sign, Min, Max, indicator ``Piecewise`` (boxes) and ``DiracDelta`` with its
derivatives all become a :class:`Rep`: ordered pieces ``(lo, hi, expr)`` plus point masses
``(coeff, point, order)``.  On R a piece is the open interval ``lo < t < hi``; on Z and N it
is the integer range ``lo <= n <= hi``.  Breakpoints are the roots of the (linear) arguments;
symbolic breakpoints are allowed when their order is decided by the symbols' assumptions.

Examples
--------
>>> import sympy as sp
>>> from algconv.symbolic.normalise import normalise_real
>>> t = sp.Symbol("t", real=True)
>>> normalise_real(sp.Heaviside(t) - sp.Heaviside(t - 1), t).pieces
[(0, 1, 1)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cmp_to_key
from itertools import pairwise

import sympy as sp

__all__ = ["Rep", "Undecided", "Unsupported", "compare", "normalise_discrete", "normalise_real",
           "tidy"]

_KINKS = (sp.Heaviside, sp.Abs, sp.sign, sp.Min, sp.Max, sp.Piecewise)


class Unsupported(Exception):
    """The expression is outside what a strategy handles (internal)."""


class Undecided(Unsupported):
    """The order of two breakpoints depends on parameter values (``a`` and ``b`` attached)."""

    def __init__(self, message: str, a=None, b=None):
        super().__init__(message)
        self.a, self.b = a, b


@dataclass
class Rep:
    """Pieces ``(lo, hi, expr)`` in increasing order and point masses ``(coeff, point, k)``.

    ``k`` is the derivative order of ``DiracDelta``; point masses only occur on R.
    """

    var: sp.Symbol
    pieces: list = field(default_factory=list)
    deltas: list = field(default_factory=list)
    discrete: bool = False

    def breakpoints(self) -> list:
        pts = {p for lo, hi, _ in self.pieces for p in (lo, hi) if p.is_finite}
        pts |= {p for _, p, _ in self.deltas}
        return sorted_points(pts)

    def is_zero(self) -> bool:
        return not self.pieces and not self.deltas


def compare(a: sp.Expr, b: sp.Expr) -> int:
    """-1, 0 or 1 as ``a < b``, ``a == b``, ``a > b``; ``Unsupported`` if undecidable."""
    if a == b:
        return 0
    d = sp.simplify(a - b) if not (a.is_infinite or b.is_infinite) else a - b
    if d == 0 or d.is_zero:
        return 0
    # a difference that is only known to be >= 0 orders the points too: where they coincide
    # for special parameter values the piece between them is empty and nothing changes
    for form in (d, sp.factor(sp.together(d))) if d.is_finite else (d,):
        if form.is_extended_positive or form.is_extended_nonnegative:
            return 1
        if form.is_extended_negative or form.is_extended_nonpositive:
            return -1
    raise Undecided(f"cannot decide the order of {a} and {b}", a, b)


def limit_choice(end, other, m, x, lower: bool):
    """``max(end, x - other)`` (``lower``) or ``min(end, x - other)`` where ``x`` is near ``m``.

    ``end`` is an end of f's piece and ``other`` the opposite end of g's piece; the choice is
    the one that holds on the whole interval containing the sample point ``m``.
    """
    if end.is_infinite:
        return x - other
    if other.is_infinite:
        return end
    c = compare(m - other, end)
    return (end if c <= 0 else x - other) if lower else (end if c >= 0 else x - other)


def sorted_points(points) -> list:
    """Distinct points in increasing order (``Unsupported`` if their order is undecidable)."""
    out: list = []
    for p in sorted(points, key=cmp_to_key(compare)):
        if not out or compare(out[-1], p) != 0:
            out.append(p)
    return out


def _roots(arg: sp.Expr, t: sp.Symbol) -> set:
    """Where a piecewise-linear ``arg`` changes sign or kinks (inner kinks resolved first)."""
    if not any(isinstance(x, _KINKS) and x.has(t) for x in sp.preorder_traversal(arg)):
        r = _linear_root(arg, t)
        return set() if r is None else {r}
    inner = sorted_points(_kink_roots(arg, t))
    out = set(inner)
    bounds = [sp.S.NegativeInfinity, *inner, sp.S.Infinity]
    for lo, hi in pairwise(bounds):
        r = _linear_root(specialise(arg, t, sample_point(lo, hi)), t)
        if r is not None and (lo.is_infinite or compare(lo, r) < 0) and (
                hi.is_infinite or compare(r, hi) < 0):
            out.add(r)
    return out


def _linear_root(arg: sp.Expr, t: sp.Symbol):
    if not arg.has(t):
        return None
    poly = sp.Poly(arg, t) if arg.is_polynomial(t) else None
    if poly is None or poly.degree() != 1:
        raise Unsupported(f"argument {arg} is not linear in {t}")
    a, b = poly.all_coeffs()
    return sp.simplify(-b / a)


def _kink_roots(expr: sp.Expr, t: sp.Symbol) -> set:
    roots = set()
    for node in sp.preorder_traversal(expr):
        args: list = []
        if isinstance(node, (sp.Heaviside, sp.Abs, sp.sign, sp.DiracDelta, sp.KroneckerDelta)):
            args = [node.args[0]] if not isinstance(node, sp.KroneckerDelta) else [
                node.args[0] - node.args[1]]
        elif isinstance(node, (sp.Min, sp.Max)):
            args = [x - y for i, x in enumerate(node.args) for y in node.args[i + 1:]]
        elif isinstance(node, sp.Piecewise):
            for _, cond in node.args:
                for rel in sp.preorder_traversal(cond):
                    if isinstance(rel, sp.core.relational.Relational):
                        args.append(rel.lhs - rel.rhs)
        elif isinstance(node, (sp.floor, sp.ceiling, sp.frac)) and node.has(t):
            raise Unsupported(f"{node} has infinitely many breakpoints")
        for arg in args:
            roots |= _roots(arg, t)
    return roots


def _sign_at(arg: sp.Expr, t: sp.Symbol, m: sp.Expr) -> int:
    v = sp.simplify(arg.subs(t, m))
    if v.is_positive:
        return 1
    if v.is_negative:
        return -1
    raise Unsupported(f"cannot decide the sign of {arg} at {t} = {m}")


def specialise(expr: sp.Expr, t: sp.Symbol, m: sp.Expr) -> sp.Expr:
    """``expr`` on an interval free of breakpoints that contains ``m``: kinks resolved."""

    def resolve(node):
        if isinstance(node, sp.Heaviside):
            return sp.S.One if _sign_at(node.args[0], t, m) > 0 else sp.S.Zero
        if isinstance(node, sp.Abs):
            return node.args[0] * _sign_at(node.args[0], t, m)
        if isinstance(node, sp.sign):
            return sp.Integer(_sign_at(node.args[0], t, m))
        if isinstance(node, sp.KroneckerDelta):
            return sp.S.Zero  # the point itself is a breakpoint, never inside an interval
        if isinstance(node, (sp.Min, sp.Max)):
            vals = [(a.subs(t, m), a) for a in node.args]
            best = vals[0]
            for v, a in vals[1:]:
                c = compare(v, best[0])
                if (c < 0) == isinstance(node, sp.Min) and c != 0:
                    best = (v, a)
            return best[1]
        if isinstance(node, sp.Piecewise):
            for e, cond in node.args:
                c = sp.sympify(cond).subs(t, m)
                c = c if c in (sp.true, sp.false) else sp.simplify(c)
                if c == sp.true:
                    return e
                if c != sp.false:
                    raise Unsupported(f"cannot decide {cond} at {t} = {m}")
            return sp.nan
        return node

    out = expr.replace(lambda e: isinstance(e, _KINKS + (sp.KroneckerDelta,)) and e.has(t),
                       resolve)
    if out.has(sp.nan):
        raise Unsupported(f"{expr} is undefined somewhere")
    return out


def tidy(e: sp.Expr) -> sp.Expr:
    """A cheap canonical simplification of one piece (the shorter of as-is and expanded)."""
    options = [sp.powsimp(e), sp.powsimp(sp.expand(e))]
    e = min(options, key=sp.count_ops)
    if sp.count_ops(e) < 60:
        s = sp.simplify(e)
        if sp.count_ops(s) <= sp.count_ops(e):
            e = s
    return e


def split_deltas(expr: sp.Expr, t: sp.Symbol) -> tuple[sp.Expr, list]:
    """``(regular part, [(coefficient, point, derivative order), ...])`` of ``expr`` in ``t``:
    the DiracDelta terms moved to their points (derivatives by the product rule).

    >>> t = sp.Symbol("t", real=True)
    >>> split_deltas(t**2 + 3 * sp.DiracDelta(t - 1), t)
    (t**2, [(3, 1, 0)])
    """
    if not expr.has(sp.DiracDelta):
        return expr, []
    regular, deltas = sp.S.Zero, []
    for term in sp.Add.make_args(sp.expand(expr)):
        ds = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.DiracDelta) and f.has(t)]
        if not ds:
            regular += term
            continue
        if len(ds) > 1 or any(isinstance(f, sp.Pow) and f.base.has(sp.DiracDelta)
                              for f in sp.Mul.make_args(term)):
            raise Unsupported(f"product of DiracDeltas in {term}")
        d = ds[0]
        coeff = term / d
        if coeff.has(sp.DiracDelta):
            raise Unsupported(f"DiracDelta inside {term}")
        k = int(d.args[1]) if len(d.args) > 1 else 0
        alpha, beta = sp.Poly(d.args[0], t).all_coeffs() if d.args[0].is_polynomial(t) else (0, 0)
        if alpha == 0 or sp.Poly(d.args[0], t).degree() != 1:
            raise Unsupported(f"DiracDelta argument {d.args[0]} is not linear in {t}")
        t0 = sp.simplify(-beta / alpha)
        scale = 1 / (sp.Abs(alpha) * alpha**k)
        # h(t) d^(k)(t - t0) = sum_j (-1)^j C(k, j) h^(j)(t0) d^(k-j)(t - t0)
        for j in range(k + 1):
            c = (-1) ** j * sp.binomial(k, j) * sp.diff(coeff, t, j).subs(t, t0) * scale
            c = sp.simplify(c)
            if c != 0:
                deltas.append((c, t0, k - j))
    return regular, merge_deltas(deltas)


def merge_deltas(deltas: list) -> list:
    """Delta terms ``(coefficient, point, order)`` with equal points and orders summed,
    zeros dropped, sorted by point and order.

    >>> merge_deltas([(1, sp.S(2), 0), (2, sp.S(2), 0), (5, sp.S(0), 1)])
    [(5, 0, 1), (3, 2, 0)]
    """
    acc: dict = {}
    for c, p, k in deltas:
        key = next((q for q in acc if q[1] == k and compare(q[0], p) == 0), (p, k))
        acc[key] = acc.get(key, 0) + c
    out = [(sp.simplify(c), p, k) for (p, k), c in acc.items()]
    return sorted([d for d in out if d[0] != 0], key=lambda d: (sp.default_sort_key(d[1]), d[2]))


def normalise_real(expr: sp.Expr, t: sp.Symbol) -> Rep:
    """The :class:`Rep` of ``expr`` as a function (or distribution) of real ``t``."""
    expr = sp.sympify(expr)
    regular, deltas = split_deltas(expr, t)
    points = sorted_points(_kink_roots(regular, t))
    bounds = [sp.S.NegativeInfinity, *points, sp.S.Infinity]
    pieces = []
    for lo, hi in pairwise(bounds):
        m = sample_point(lo, hi)
        e = tidy(specialise(regular, t, m))
        if e != 0:
            pieces.append((lo, hi, e))
    return Rep(t, merge_pieces(pieces), deltas)


def sample_point(lo, hi):
    """A point inside the interval ``(lo, hi)`` (either end may be infinite).

    >>> sample_point(sp.S(1), sp.S(2)), sample_point(sp.S.NegativeInfinity, sp.S(0))
    (3/2, -1)
    """
    if lo.is_infinite and hi.is_infinite:
        return sp.S.Zero
    if lo.is_infinite:
        return hi - 1
    if hi.is_infinite:
        return lo + 1
    return (lo + hi) / 2


def merge_pieces(pieces: list, var: sp.Symbol | None = None) -> list:
    """Join neighbouring pieces that are one expression (on the integers when ``var`` is given).

    On the integers a one-point piece joins a neighbour whose expression takes its value there.
    """
    out: list = []
    for lo, hi, e in pieces:
        if out:
            plo, phi, pe = out[-1]
            if var is None:
                if compare(phi, lo) == 0 and sp.simplify(pe - e) == 0:
                    out[-1] = (plo, hi, pe)
                    continue
            elif compare(phi + 1, lo) == 0:
                if sp.simplify(pe - e) == 0 or (lo == hi and _value_at(pe, var, lo) == e):
                    out[-1] = (plo, hi, pe)
                    continue
                if plo == phi and _value_at(e, var, plo) == pe:
                    out[-1] = (plo, hi, e)
                    continue
        out.append((lo, hi, e))
    return out


def _value_at(e: sp.Expr, var: sp.Symbol, point: sp.Expr) -> sp.Expr:
    v = e.subs(var, point)
    return sp.simplify(v) if v.is_finite is not False else sp.nan


def _indicator(cond) -> sp.Expr:
    """A placeholder carrying a condition's relationals out of a Piecewise (roots only)."""
    rels = [r for r in sp.preorder_traversal(sp.sympify(cond))
            if isinstance(r, sp.core.relational.Relational)]
    return sp.Add(*[sp.Heaviside(r.lhs - r.rhs) for r in rels if isinstance(r, (sp.Eq, sp.Ne))])


def _point_cuts(r: sp.Expr) -> set:
    """Range starts around a root where the value at the root itself may differ."""
    if r.is_integer:
        return {r, r + 1}
    if r.is_number:
        return {sp.ceiling(r)}
    raise Unsupported(f"breakpoint {r} is not known to be an integer")


def _relational_cuts(rel, n: sp.Symbol) -> set:
    """The one integer where ``n REL r`` (linear in n) starts or stops holding."""
    if isinstance(rel, (sp.Eq, sp.Ne)):
        return _point_cuts(_linear_root(rel.lhs - rel.rhs, n))
    d = rel.lhs - rel.rhs  # rel is d > 0, d >= 0, d < 0 or d <= 0 (sympy normalises > to <)
    if not d.is_polynomial(n) or sp.degree(d, n) != 1:
        raise Unsupported(f"condition {rel} is not linear in {n}")
    a = sp.Poly(d, n).all_coeffs()[0]
    r = _linear_root(d, n)
    strict = isinstance(rel, (sp.StrictGreaterThan, sp.StrictLessThan))
    upward = isinstance(rel, (sp.GreaterThan, sp.StrictGreaterThan)) == bool(a.is_positive)
    if not (a.is_positive or a.is_negative):
        raise Unsupported(f"cannot decide the direction of {rel}")
    # upward: holds for n >(=) r, starting at floor(r) + 1 (strict) or ceiling(r)
    # downward: holds for n <(=) r, stopping after ceiling(r) - 1 (strict) or floor(r)
    if upward:
        cut = sp.floor(r) + 1 if strict else sp.ceiling(r)
    else:
        cut = sp.ceiling(r) if strict else sp.floor(r) + 1
    if cut.has(sp.floor, sp.ceiling):
        raise Unsupported(f"breakpoint {r} is not known to be an integer")
    return {cut}


def normalise_discrete(expr: sp.Expr, n: sp.Symbol, lower=None) -> Rep:
    """The :class:`Rep` of ``expr`` on the integers (``n >= lower`` when ``lower`` is given).

    Values are taken literally: ``Heaviside(n)`` is 1/2 at 0 (sympy's value); use
    ``Heaviside(n, 1)`` or a ``Piecewise`` for the unit step.
    """
    expr = sp.sympify(expr)
    if expr.has(sp.DiracDelta):
        raise Unsupported("DiracDelta has no meaning on the integers; use KroneckerDelta")
    cuts = set() if lower is None else {sp.Integer(lower)}
    conditions = [c for node in sp.preorder_traversal(expr) if isinstance(node, sp.Piecewise)
                  for _, c in node.args]
    plain = expr.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: sp.Add(
        *[b for b, _ in e.args]) + sp.Add(*[_indicator(c) for _, c in e.args]))
    for r in _kink_roots(plain, n):
        cuts |= _point_cuts(r)
    for cond in conditions:
        for rel in sp.preorder_traversal(sp.sympify(cond)):
            if isinstance(rel, sp.core.relational.Relational) and rel.has(n):
                cuts |= _relational_cuts(rel, n)
    cuts = sorted_points(cuts)
    starts = [sp.S.NegativeInfinity, *cuts]
    ends = [c - 1 for c in cuts] + [sp.S.Infinity]
    pieces = []
    for lo, hi in zip(starts, ends):
        if lower is not None and (lo.is_infinite or compare(lo, sp.Integer(lower)) < 0):
            continue
        if lo == hi:
            e = sp.simplify(expr.subs(n, lo))
        else:
            e = tidy(specialise(expr, n, sample_point(lo, hi) if lo.is_finite or hi.is_finite
                                else sp.Rational(1, 3)))
        if e.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            raise Unsupported(f"{expr} is undefined at some integer of [{lo}, {hi}]")
        if e != 0:
            pieces.append((lo, hi, e))
    return Rep(n, merge_pieces(pieces, n), [], discrete=True)
