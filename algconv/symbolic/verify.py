"""Independent numeric verification of a candidate closed form.

On R the candidate is compared with ``mpmath.quad`` of ``f(a) g(x - a)`` (split at every
breakpoint) at several generic points, after an exact check of total mass
(``int f * g = int f int g``) when all three have bounded support and elementary pieces;
with point masses it is paired instead with six Gaussian test functions,
``<h, phi> = <f(a), <g(b), phi(a + b)>>``, the masses sifted through
the exact derivatives of ``phi``.  On Z and N it is compared with the direct sum
``sum_k f(k) g(n - k)``, exact (30 digits) on finite ranges and ``mpmath.nsum`` otherwise.
Symbolic parameters take several values consistent with their assumptions
(:func:`parameter_points`): two generic points, then the coincidences where closed forms
typically break (``0/0`` at equal rates): two parameters equal, a rate or ratio of ``f``
equal to one of ``g``, a parameter that puts two breakpoints on top of each other.

Examples
--------
>>> import sympy as sp
>>> from algconv.symbolic.verify import verify_real
>>> t, x = sp.symbols("t x", real=True)
>>> box = sp.Heaviside(t) - sp.Heaviside(t - 1)
>>> tri = sp.Piecewise((0, x < 0), (x, x < 1), (2 - x, x < 2), (0, True))
>>> verify_real(box, box, t, tri, x)
8
>>> verify_real(box, box, t, tri / 2, x)
Traceback (most recent call last):
...
algconv.symbolic.verify.Mismatch: the candidate integrates to 1/2, but int f * int g = 1
"""

from __future__ import annotations

from itertools import pairwise

import mpmath
import sympy as sp

from .normalise import Unsupported, split_deltas, normalise_discrete, normalise_real

__all__ = ["MAX_PARAMETER_POINTS", "MIN_POINTS", "Mismatch", "generic_values",
           "parameter_points", "verify_discrete", "verify_real"]

#: every answer is checked at no fewer than this many points
MIN_POINTS = 6
#: at most this many parameter points (generic and coincident) per verification
MAX_PARAMETER_POINTS = 6
_RTOL = 1e-7
_GENERIC = [sp.Rational(7, 5), sp.Rational(9, 13), sp.Rational(17, 10), sp.Rational(5, 7),
            sp.Rational(23, 11), sp.Rational(3, 4)]


class Mismatch(Exception):
    """The candidate disagrees with the direct computation (internal)."""


def generic_values(symbols) -> dict:
    """Generic rational values for parameters, respecting their assumptions."""
    out = {}
    for i, s in enumerate(sorted(symbols, key=sp.default_sort_key)):
        v = _GENERIC[i % len(_GENERIC)] + i // len(_GENERIC)
        if s.is_integer:
            v = sp.Integer(3 + i)
        if s.is_negative or s.is_nonpositive:
            v = -v
        out[s] = v
    return out


_ASSUMPTIONS = ("integer", "positive", "nonnegative", "negative", "nonpositive", "real",
                "nonzero")


def _allowed(s: sp.Symbol, v: sp.Expr) -> bool:
    return v.is_number and v.is_finite and all(
        getattr(v, f"is_{a}") for a in _ASSUMPTIONS if getattr(s, f"is_{a}"))


def _rates(e: sp.Expr, t: sp.Symbol) -> list:
    """Rates (``t``-coefficients of exponents) and ratios (bases of powers ``b**t``)."""
    out = []
    for atom in e.atoms(sp.exp, sp.Pow):
        base, ex = atom.as_base_exp()
        if atom.has(t) and not ex.has(t):
            continue
        if isinstance(atom, sp.exp) or base == sp.E:
            arg = atom.args[0] if isinstance(atom, sp.exp) else ex
            if arg.is_polynomial(t) and sp.degree(arg, t) == 1:
                out.append(sp.expand(arg).coeff(t, 1))
        elif not base.has(t) and ex.is_polynomial(t) and sp.degree(ex, t) == 1:
            out.append(base ** sp.expand(ex).coeff(t, 1))
    return out


def _breaks(e: sp.Expr, t: sp.Symbol, lower) -> list:
    try:
        rep = normalise_real(e, t) if lower is False else normalise_discrete(e, t, lower)
    except Unsupported:
        return []
    if lower is False:
        return rep.breakpoints()
    return [lo for lo, _, _ in rep.pieces if lo.is_finite] + [
        hi + 1 for _, hi, _ in rep.pieces if hi.is_finite]


def _solutions(pairs, p: sp.Symbol) -> list:
    """Values of ``p`` that make a pair equal (equations linear in ``p`` only)."""
    out = []
    for a, b in pairs:
        d = sp.expand(sp.sympify(a) - b)
        if not d.has(p) or not d.is_polynomial(p) or sp.degree(d, p) != 1:
            continue
        c1, c0 = sp.Poly(d, p).all_coeffs()
        out.append(sp.nsimplify(sp.simplify(-c0 / c1)))
    return out


def parameter_points(f: sp.Expr, g: sp.Expr, t: sp.Symbol, symbols, lower=False) -> list:
    """Values for the parameters at which a closed form is checked, generic ones first.

    ``lower`` is ``False`` on R, ``None`` on Z and ``0`` on N.  After the generic point (and a
    second, shifted one) come coincidences, each with the other parameters generic: two
    parameters equal; a rate or ratio of ``f`` equal to one of ``g``; two breakpoints (of
    ``f``, ``g`` or of the result) on top of each other.  Only values the assumptions allow
    are used, at most ``MAX_PARAMETER_POINTS`` points in all, in a deterministic order.

    Examples
    --------
    >>> import sympy as sp
    >>> t = sp.Symbol("t", real=True)
    >>> a, b = sp.symbols("a b", positive=True)
    >>> pts = parameter_points(sp.exp(-a * t), sp.exp(-b * t), t, {a, b})
    >>> any(p[a] == p[b] for p in pts)
    True
    """
    params = sorted(symbols, key=sp.default_sort_key)
    if not params:
        return [{}]
    base = generic_values(params)
    points = [base, {s: v + sp.Rational(1, 3) if not s.is_integer else v + 1
                     for s, v in generic_values(params).items()}]
    points[1] = {s: v if _allowed(s, v) else base[s] for s, v in points[1].items()}
    for p in params:
        others = {s: v for s, v in base.items() if s != p}
        fo, go = f.subs(others), g.subs(others)
        cands = [base[q] for q in params if q != p]
        rf, rg = _rates(fo, t), _rates(go, t)
        cands += _solutions([(u, v) for u in rf for v in rg], p)
        bf, bg = _breaks(fo, t, lower), _breaks(go, t, lower)
        sums = [u + v for u in bf for v in bg]
        cands += _solutions([(u, v) for grp in (bf, bg, sums) for i, u in enumerate(grp)
                             for v in grp[i + 1:]], p)
        for v in cands:
            point = {**base, p: v}
            if _allowed(p, v) and point not in points and not any(
                    e.subs(point).has(sp.nan, sp.zoo) for e in (f, g)):
                points.append(point)
    return points[:MAX_PARAMETER_POINTS]


def _at_points(check, f, g, t, answer, x, lower):
    """Run ``check(f, g, answer)`` at every parameter point; returns the points checked."""
    symbols = (f.free_symbols | g.free_symbols | answer.free_symbols) - {t, x}
    total = 0
    for point in parameter_points(f, g, t, symbols, lower):
        fs, gs, hs = (sp.sympify(e).subs(point) for e in (f, g, answer))
        try:
            total += check(fs, gs, hs)
        except Mismatch as e:
            where = ", ".join(f"{s} = {v}" for s, v in point.items())
            raise Mismatch(f"{e} (with {where})" if where else str(e)) from None
    return total


def _heaviside(x, h0=0.5):
    return mpmath.mpf(1) if x > 0 else (mpmath.mpf(0) if x < 0 else mpmath.mpf(h0))


def numeric_function(expr: sp.Expr, var: sp.Symbol):
    """``expr`` as a Python function of ``var`` evaluated with mpmath (Heaviside(0) = 1/2).

    >>> x = sp.Symbol("x")
    >>> float(numeric_function(x**2 + sp.Heaviside(x), x)(2))
    5.0
    """
    return sp.lambdify(var, expr, modules=[{"Heaviside": _heaviside}, "mpmath"])


def _close(a, b, scale) -> bool:
    return abs(a - b) <= _RTOL * max(scale, 1e-300) and mpmath.isfinite(abs(a))


def _spread(points: list) -> list:
    points = sorted(set(points))
    if len(points) > 12:
        step = (len(points) - 1) / 11
        points = [points[round(i * step)] for i in range(12)]
    return points


def _real_points(breaks: list) -> list:
    if not breaks:
        return [-2.13, -0.71, -0.17, 0.33, 0.94, 1.61, 2.78]
    pts = [breaks[0] - 1.13, breaks[0] - 0.29, breaks[-1] + 0.41, breaks[-1] + 1.7]
    for lo, hi in pairwise(breaks):
        pts += [lo + 0.37 * (hi - lo), lo + 0.81 * (hi - lo)]
    if len(set(pts)) < MIN_POINTS:
        mid = (breaks[0] + breaks[-1]) / 2
        pts += [mid - 0.61, mid + 0.23, mid + 2.9]
    return _spread(pts)


def _numeric_breaks(expr: sp.Expr, t: sp.Symbol) -> list:
    try:
        rep = normalise_real(expr, t)
    except Unsupported:
        return []
    return [float(p) for p in rep.breakpoints()]


def verify_real(f, g, t, answer, x, budget=None) -> int:
    """Check ``answer(x) == (f * g)(x)`` on R at every parameter point; returns the number
    of points checked."""
    return _at_points(lambda fs, gs, hs: _verify_real_at(fs, gs, t, hs, x, budget),
                      sp.sympify(f), sp.sympify(g), t, sp.sympify(answer), x, False)


def _verify_real_at(f, g, t, answer, x, budget) -> int:
    if answer.has(sp.nan, sp.zoo):
        raise Mismatch(f"the candidate is {answer} here")
    if f.has(sp.DiracDelta) or g.has(sp.DiracDelta) or answer.has(sp.DiracDelta):
        with mpmath.workdps(12):  # nested quadrature: 12 digits are ample for rtol 1e-7
            return _verify_paired(f, g, t, answer, x, budget)
    check_mass(f, g, t, answer, x)
    F, G, Hh = numeric_function(f, t), numeric_function(g, t), numeric_function(answer, x)
    bf, bg = _numeric_breaks(f, t), _numeric_breaks(g, t)
    points = _real_points(sorted({p + q for p in bf or [0.0] for q in bg or [0.0]}
                                 if bf or bg else []))
    truths, cands = [], []
    for x0 in points:
        if budget is not None:
            budget.check()
        split = sorted({-mpmath.inf, mpmath.inf, *bf, *(x0 - q for q in bg)})
        truths.append(mpmath.quad(lambda a, x0=x0: F(a) * G(x0 - a), split))
        cands.append(mpmath.mpmathify(Hh(x0)))
    scale = max(abs(v) for v in truths + [mpmath.mpf(0)]) or mpmath.mpf(1)
    for x0, tv, cv in zip(points, truths, cands):
        if not _close(cv, tv, scale):
            raise Mismatch(f"at {x} = {x0:.4g}: candidate {mpmath.nstr(cv, 6)} but the "
                           f"integral is {mpmath.nstr(tv, 6)}")
    return len(points)


_ELEMENTARY = (sp.exp, sp.sin, sp.cos)


def _mass(expr, t):
    """The exact integral of ``expr`` over R when its support is bounded, every piece is
    polynomial x exp x trig and sympy closes it; None otherwise (the check is skipped)."""
    try:
        rep = normalise_real(expr, t)
    except Unsupported:
        return None
    if rep.deltas:
        return None
    total = sp.S.Zero
    for lo, hi, e in rep.pieces:
        if not (lo.is_finite and hi.is_finite):
            return None
        funcs = {type(a) for a in e.atoms(sp.Function)}
        if not funcs <= set(_ELEMENTARY) or e.has(sp.Piecewise):
            return None
        v = sp.integrate(e, (t, lo, hi), conds="none")
        if v.has(sp.Integral) or v.has(sp.nan, sp.zoo) or not v.is_finite:
            return None
        total += v
    return total


def check_mass(f, g, t, answer, x) -> bool:
    """Exact check: ``int (f * g) = int f * int g`` where all three integrals close cheaply.

    Returns True when checked, False when skipped; raises ``Mismatch`` when it fails.
    """
    mf = _mass(f, t)
    mg = _mass(g, t) if mf is not None else None
    mh = _mass(answer, x) if mg is not None else None
    if mh is None:
        return False
    if sp.simplify(mh - mf * mg) != 0:
        raise Mismatch(f"the candidate integrates to {mh}, but int f * int g = {mf * mg}")
    return True


def _pairing(expr, t):
    regular, deltas = split_deltas(sp.expand(expr) if expr.has(sp.DiracDelta) else expr, t)
    return regular, [(complex(c) if not c.is_real else float(c), float(p), k)
                     for c, p, k in deltas]


def _verify_paired(f, g, t, answer, x, budget) -> int:
    y = sp.Dummy("y", real=True)
    fr, fd = _pairing(f, t)
    gr, gd = _pairing(g, t)
    hr, hd = _pairing(answer, x)
    kmax = 2 + max([k for _, _, k in fd + gd + hd] + [0]) * 2
    F, G, Hh = numeric_function(fr, t), numeric_function(gr, t), numeric_function(hr, x)
    bf, bg, bh = (_numeric_breaks(e, v) for e, v in ((fr, t), (gr, t), (hr, x)))
    shifts = [-1.37, -0.41, 0.29, 0.88, 1.53, 2.61]
    for s in shifts:
        if budget is not None:
            budget.check()
        phi = [numeric_function(sp.diff(sp.exp(-(y - s) ** 2), y, j), y) for j in range(kmax + 1)]

        def inner(a, j, phi=phi):
            tot = mpmath.mpf(0)
            if gr != 0:
                tot += mpmath.quad(lambda b: G(b) * phi[j](a + b),
                                   sorted({-mpmath.inf, mpmath.inf, *bg}))
            for c, b0, k in gd:
                tot += c * (-1) ** k * phi[j + k](a + b0)
            return tot

        rhs = mpmath.mpf(0)
        if fr != 0:
            rhs += mpmath.quad(lambda a: F(a) * inner(a, 0), sorted({-mpmath.inf, mpmath.inf,
                                                                     *bf}))
        for c, a0, k in fd:
            rhs += c * (-1) ** k * inner(a0, k)
        lhs = mpmath.mpf(0)
        if hr != 0:
            lhs += mpmath.quad(lambda u, phi=phi: Hh(u) * phi[0](u),
                               sorted({-mpmath.inf, mpmath.inf, *bh}))
        for c, u0, k in hd:
            if k > kmax:
                raise Mismatch(f"unexpected derivative order {k}")
            lhs += c * (-1) ** k * phi[k](u0)
        if not _close(lhs, rhs, max(abs(rhs), mpmath.mpf(1e-3))):
            raise Mismatch(f"paired with exp(-({x} - {s})^2): candidate {mpmath.nstr(lhs, 6)}"
                           f" but the convolution gives {mpmath.nstr(rhs, 6)}")
    return len(shifts)


def _int_points(breaks: list, lower) -> list:
    pts = set(breaks) | {b + d for b in breaks for d in (-1, 1, 2)}
    pts |= {0, 1, 2, 3, 5, 8, 13} | ({-1, -2, -4, -9} if lower is None else set())
    if lower is not None:
        pts = {p for p in pts if p >= lower}
    return _spread(list(pts))


def _cuts(e: sp.Expr, k: sp.Symbol, lower) -> list:
    """Integers where the piece structure of ``e`` may change (each starts a new range)."""
    try:
        rep = normalise_discrete(e, k, lower)
    except Unsupported:
        return [] if lower is None else [lower]
    cuts = {int(lo) for lo, _, _ in rep.pieces if lo.is_finite}
    cuts |= {int(hi) + 1 for _, hi, _ in rep.pieces if hi.is_finite}
    return sorted(cuts | ({lower} if lower is not None else set()))


class _Term:
    """``f(j) g(n0 - j)``: exact (sympy) on short finite ranges, mpmath on tails."""

    def __init__(self, f, g, k):
        self.f, self.g, self.k = f, g, k
        self.F, self.G = numeric_function(f, k), numeric_function(g, k)

    def exact(self, j: int, n0: int):
        v = self.f.subs(self.k, j) * self.g.subs(self.k, n0 - j)
        return mpmath.mpmathify(complex(sp.N(v, 30)))

    def fast(self, j, n0: int):
        j = int(j)
        try:
            return self.F(j) * self.G(n0 - j)
        except (ValueError, ZeroDivisionError):
            return self.exact(j, n0)


def _direct(term: _Term, n0: int, fcuts: list, gcuts: list, lower, budget) -> mpmath.mpf:
    lo = -mpmath.inf if lower is None else lower
    hi = mpmath.inf if lower is None else n0 - lower
    if lo > hi:
        return mpmath.mpf(0)
    cuts = sorted({c for c in fcuts} | {n0 - c + 1 for c in gcuts})
    cuts = [c for c in cuts if lo < c <= hi]
    edges = [lo, *cuts, hi + 1 if hi != mpmath.inf else mpmath.inf]
    total = mpmath.mpf(0)
    with mpmath.workdps(30):
        for a, b in pairwise(edges):  # the range [a, b - 1]
            if budget is not None:
                budget.check()
            if a != -mpmath.inf and b != mpmath.inf and b - a <= 400:
                total += mpmath.fsum(term.exact(j, n0) for j in range(int(a), int(b)))
            elif a == -mpmath.inf and b == mpmath.inf:
                total += mpmath.nsum(lambda j: term.fast(j, n0), [-mpmath.inf, mpmath.inf])
            elif a == -mpmath.inf:
                total += mpmath.nsum(lambda j: term.fast(j, n0), [-mpmath.inf, b - 1])
            elif b == mpmath.inf:
                total += mpmath.nsum(lambda j: term.fast(j, n0), [a, mpmath.inf])
            else:
                total += mpmath.fsum(term.fast(j, n0) for j in range(int(a), int(b)))
    return total


def verify_discrete(f, g, k, answer, n, lower=None, budget=None) -> int:
    """Check ``answer(n) == sum_k f(k) g(n - k)`` on Z (``lower=None``) or N (``lower=0``) at
    every parameter point; returns the number of points checked."""
    return _at_points(lambda fs, gs, hs: _verify_discrete_at(fs, gs, k, hs, n, lower, budget),
                      sp.sympify(f), sp.sympify(g), k, sp.sympify(answer), n, lower)


def _verify_discrete_at(f, g, k, answer, n, lower, budget) -> int:
    fcuts, gcuts = _cuts(f, k, lower), _cuts(g, k, lower)
    breaks = sorted({a + b for a in fcuts for b in gcuts})
    points = _int_points(breaks, lower)
    term = _Term(f, g, k)
    truths = [_direct(term, n0, fcuts, gcuts, lower, budget) for n0 in points]
    cands = []
    for n0 in points:
        val = answer.subs(n, n0)
        cands.append(mpmath.mpmathify(complex(val.evalf(30))) if val.is_finite is not False
                     else mpmath.inf)
    scale = max(abs(v) for v in truths) or mpmath.mpf(1)
    for n0, tv, cv in zip(points, truths, cands):
        if not _close(cv, tv, scale):
            raise Mismatch(f"at {n} = {n0}: candidate {mpmath.nstr(cv, 8)} but the sum is "
                           f"{mpmath.nstr(tv, 8)}")
    return len(points)
