"""Independent numeric verification of a candidate closed form.

On R the candidate is compared with ``mpmath.quad`` of ``f(a) g(x - a)`` (split at every
breakpoint) at several generic points, after an exact check of total mass
(``int f * g = int f int g``) when all three have bounded support and elementary pieces;
with point masses it is paired instead with six Gaussian test functions,
``<h, phi> = <f(a), <g(b), phi(a + b)>>``, the masses sifted through
the exact derivatives of ``phi``.  On Z and N it is compared with the direct sum
``sum_k f(k) g(n - k)``, exact (30 digits) on finite ranges and ``mpmath.nsum`` otherwise.
Symbolic parameters take generic rational values consistent with their assumptions.

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

from .normalise import Unsupported, _split_deltas, normalise_discrete, normalise_real

__all__ = ["MIN_POINTS", "Mismatch", "generic_values", "verify_discrete", "verify_real"]

#: every answer is checked at no fewer than this many points
MIN_POINTS = 6
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


def _heaviside(x, h0=0.5):
    return mpmath.mpf(1) if x > 0 else (mpmath.mpf(0) if x < 0 else mpmath.mpf(h0))


def _fn(expr: sp.Expr, var: sp.Symbol):
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
    """Check ``answer(x) == (f * g)(x)`` on R; returns the number of points checked."""
    subs = generic_values((f.free_symbols | g.free_symbols | answer.free_symbols) - {t, x})
    f, g, answer = (sp.sympify(e).subs(subs) for e in (f, g, answer))
    if f.has(sp.DiracDelta) or g.has(sp.DiracDelta) or answer.has(sp.DiracDelta):
        with mpmath.workdps(12):  # nested quadrature: 12 digits are ample for rtol 1e-7
            return _verify_paired(f, g, t, answer, x, budget)
    check_mass(f, g, t, answer, x)
    F, G, Hh = _fn(f, t), _fn(g, t), _fn(answer, x)
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
    regular, deltas = _split_deltas(sp.expand(expr) if expr.has(sp.DiracDelta) else expr, t)
    return regular, [(complex(c) if not c.is_real else float(c), float(p), k)
                     for c, p, k in deltas]


def _verify_paired(f, g, t, answer, x, budget) -> int:
    y = sp.Dummy("y", real=True)
    fr, fd = _pairing(f, t)
    gr, gd = _pairing(g, t)
    hr, hd = _pairing(answer, x)
    kmax = 2 + max([k for _, _, k in fd + gd + hd] + [0]) * 2
    F, G, Hh = _fn(fr, t), _fn(gr, t), _fn(hr, x)
    bf, bg, bh = (_numeric_breaks(e, v) for e, v in ((fr, t), (gr, t), (hr, x)))
    shifts = [-1.37, -0.41, 0.29, 0.88, 1.53, 2.61]
    for s in shifts:
        if budget is not None:
            budget.check()
        phi = [_fn(sp.diff(sp.exp(-(y - s) ** 2), y, j), y) for j in range(kmax + 1)]

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
        self.F, self.G = _fn(f, k), _fn(g, k)

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
    """Check ``answer(n) == sum_k f(k) g(n - k)`` on Z (``lower=None``) or N (``lower=0``)."""
    subs = generic_values((f.free_symbols | g.free_symbols | answer.free_symbols) - {k, n})
    f, g, answer = (sp.sympify(e).subs(subs) for e in (f, g, answer))
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
