"""Independent truth for the battery: mpmath quadrature and direct summation, written here.

Nothing in this module calls algconv's verifier: the integral is split at the breakpoints the
test author listed, and the sums run over the index ranges the definition gives.
"""

from __future__ import annotations

import mpmath
import sympy as sp

import algconv as ac

#: generic parameter values used by the tests (different from the library's own choices)
PARAMS = {"lambda": sp.Rational(6, 5), "mu": sp.Rational(5, 2), "a": sp.Rational(13, 10),
          "b": sp.Rational(2, 5), "p": sp.Rational(2, 7), "m": sp.Integer(5),
          "sigma1": sp.Rational(7, 10), "sigma2": sp.Rational(3, 2), "k": sp.Integer(5)}
REAL_POINTS = 8
TAIL = 200
INT_POINTS_Z = (-5, -2, -1, 0, 1, 2, 3, 6, 9, 13)
INT_POINTS_N = (0, 1, 2, 3, 5, 8, 12)


def _subs(e):
    return sp.sympify(e).subs({s: PARAMS[s.name] for s in sp.sympify(e).free_symbols
                               if s.name in PARAMS})


def _heaviside(x, h0=0.5):
    return mpmath.mpf(1) if x > 0 else (mpmath.mpf(0) if x < 0 else mpmath.mpf(h0))


def fn(e, v):
    return sp.lambdify(v, _subs(e), modules=[{"Heaviside": _heaviside}, "mpmath"])


def real_points(breaks) -> list:
    bs = [float(_subs(b)) for b in breaks] or [0.0]
    lo, hi = 2 * min(bs) - 1.3, 2 * max(bs) + 1.3
    return [lo + (hi - lo) * (i + 0.37) / REAL_POINTS for i in range(REAL_POINTS)]


def check_real(case, h) -> int:
    """Compare ``h`` with mpmath.quad of the defining integral; returns the number of points."""
    t = case.var
    F, G, Hh = fn(case.f, t), fn(case.g, t), fn(h, t)
    bs = [float(_subs(b)) for b in case.breaks]
    pts = real_points(case.breaks)
    truth = [mpmath.quad(lambda u: F(u) * G(x - u),
                         sorted({-mpmath.inf, mpmath.inf, *bs, *(x - b for b in bs)}))
             for x in pts]
    scale = max(abs(v) for v in truth)
    for x, v in zip(pts, truth):
        assert abs(Hh(x) - v) <= 1e-8 * scale, (case.name, x, Hh(x), v)
    return len(pts)


def check_distribution(case, h) -> int:
    """DiracDelta answers: exact equality with the case's expected distribution, and the
    regular parts compared numerically."""
    assert sp.simplify(sp.expand(h - case.expected)) == 0, (h, case.expected)
    t = case.var
    reg_h, reg_e = (fn(e.replace(sp.DiracDelta, lambda *a: 0), t) for e in (h, case.expected))
    pts = real_points((-1, 1))
    for x in pts:
        assert abs(reg_h(x) - reg_e(x)) <= 1e-10 * (1 + abs(reg_e(x)))
    return len(pts)


def direct_sum(case, n0: int):
    """``sum_k f(k) g(n0 - k)`` over the definition's range (exact where it is finite)."""
    k = case.var
    f, g = _subs(case.f), _subs(case.g)
    if isinstance(case.over, ac.Naturals):
        lo, hi = 0, n0
    elif case.span is not None:
        lo, hi = case.span
    else:  # every infinite-support case of the battery decays at least like 2^-|k|
        F, G = fn(f, k), fn(g, k)

        def term(j):
            try:
                return F(j) * G(n0 - j)
            except ValueError:  # a pole of 1/factorial at a negative integer: use sympy's value
                return mpmath.mpmathify(sp.N(f.subs(k, j) * g.subs(k, n0 - j), 30))

        with mpmath.workdps(30):
            return mpmath.fsum(term(j) for j in range(-TAIL, TAIL + abs(n0) + 1))
    total = sum((f.subs(k, j) * g.subs(k, n0 - j) for j in range(lo, hi + 1)), sp.S.Zero)
    return mpmath.mpmathify(sp.N(total, 30))


def check_discrete(case, h) -> int:
    pts = INT_POINTS_N if isinstance(case.over, ac.Naturals) else INT_POINTS_Z
    k = case.var
    hs = _subs(h)
    for n0 in pts:
        truth = direct_sum(case, n0)
        got = mpmath.mpmathify(sp.N(hs.subs(k, n0), 30))
        assert abs(got - truth) <= 1e-12 * (1 + abs(truth)), (case.name, n0, got, truth)
    return len(pts)


def check(case, h) -> int:
    if case.expected is not None:
        return check_distribution(case, h)
    if isinstance(case.over, ac.Reals):
        return check_real(case, h)
    return check_discrete(case, h)
