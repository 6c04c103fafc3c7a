"""Known families as a fast path (every answer is still verified by the caller).

On R: Gaussians ``c exp(-a t^2 + b t)`` (completing the square), Cauchy kernels
``c / (alpha ((t - m)^2 + gamma^2))`` (widths add), one-sided gamma kernels
``c (t - t0)^p exp(-lam t)`` on ``(t0, oo)`` (a Beta integral, times ``1F1`` when the rates
differ: exponential, Erlang, gamma) and their mirror images on ``(-oo, t1)`` and Irwin-Hall densities (uniform sums).
On Z and N: hypergeometric terms ``f(s + u) = f(s) r^u T(u)`` whose generating functions are
``exp(r z)`` (Poisson), ``(1 - r z)^(-m)`` (geometric, negative binomial, and binomial with
``m = -M``); products are read back by coefficient extraction (Vandermonde's identity and
partial fractions).

Examples
--------
>>> import sympy as sp
>>> from algconv.symbolic.families import real_family
>>> t, x = sp.symbols("t x", real=True)
>>> real_family(sp.exp(-t**2), sp.exp(-t**2), t, x)
sqrt(2)*sqrt(pi)*exp(-x**2/2)/2
"""

from __future__ import annotations

import sympy as sp

from .normalise import Rep, Unsupported, tidy

__all__ = ["discrete_family", "irwin_hall", "may_coincide", "real_family"]


# ---------------------------------------------------------------- R -------------------


def _gaussian(e: sp.Expr, t: sp.Symbol):
    c, rest = e.as_independent(t, as_Add=False)
    rest = sp.powsimp(rest)
    if not isinstance(rest, sp.exp):
        return None
    poly = rest.args[0].expand()
    if not poly.is_polynomial(t) or sp.degree(poly, t) != 2:
        return None
    a2, a1, a0 = sp.Poly(poly, t).all_coeffs()
    if not (-a2).is_positive:
        return None
    return c, -a2, a1, a0


def _cauchy(e: sp.Expr, t: sp.Symbol):
    num, den = sp.fraction(sp.together(e))
    if num.has(t) or not den.is_polynomial(t) or sp.degree(den, t) != 2:
        return None
    al, be, ga = sp.Poly(den, t).all_coeffs()
    m = -be / (2 * al)
    g2 = sp.simplify(ga / al - m**2)
    if not (al.is_positive and g2.is_positive):
        return None
    return num / al, sp.simplify(m), sp.sqrt(g2)


def _gamma(rep: Rep):
    if len(rep.pieces) != 1 or rep.deltas:
        return None
    lo, hi, e = rep.pieces[0]
    if not (lo.is_finite and hi is sp.S.Infinity):
        return None
    t, u = rep.var, sp.Dummy("u", positive=True)
    e = sp.powsimp(sp.expand_power_base(e.subs(t, u + lo), force=False))
    c, lam, p = sp.S.One, sp.S.Zero, sp.S.Zero
    for fac in sp.Mul.make_args(e):
        if not fac.has(u):
            c *= fac
        elif isinstance(fac, sp.exp) and sp.Poly(fac.args[0], u).degree() == 1:
            lam -= fac.args[0].coeff(u, 1)
            c *= sp.exp(fac.args[0].coeff(u, 0))
        elif fac == u:
            p += 1
        elif isinstance(fac, sp.Pow) and fac.base == u and not fac.exp.has(u):
            p += fac.exp
        else:
            return None
    if not (p + 1).is_positive:
        return None
    return c, p, lam, lo


def may_coincide(a: sp.Expr, b: sp.Expr) -> bool:
    """True when ``a`` and ``b`` differ as expressions but are equal for some parameter
    values the assumptions allow (then a closed form needs a branch on ``Eq(a, b)``)."""
    d = sp.simplify(a - b)
    return d != 0 and d.is_zero is not False


def _mirror(rep: Rep) -> Rep:
    """``t -> rep(-t)``: pieces on ``(-hi, -lo)`` (point masses are not mirrored here)."""
    return Rep(rep.var, [(-hi, -lo, e.subs(rep.var, -rep.var)) for lo, hi, e in
                         reversed(rep.pieces)], rep.deltas)


def _gamma_pair(f: Rep, g: Rep, x: sp.Symbol):
    if all(len(r.pieces) == 1 and r.pieces[0][0] is sp.S.NegativeInfinity for r in (f, g)):
        # kernels on (-oo, t1): (f * g)(x) = (f(-.) * g(-.))(-x)
        out = _gamma_pair(_mirror(f), _mirror(g), x)
        return None if out is None else out.subs(x, -x)
    a, b = _gamma(f), _gamma(g)
    if a is None or b is None:
        return None
    (c1, p, l1, s1), (c2, q, l2, s2) = a, b
    y = x - s1 - s2
    beta = sp.gamma(p + 1) * sp.gamma(q + 1) / sp.gamma(p + q + 2)
    equal = c1 * c2 * beta * y ** (p + q + 1) * sp.exp(-l2 * y)
    if p == 0 and q == 0:
        differ = c1 * c2 * (sp.exp(-l1 * y) - sp.exp(-l2 * y)) / (l2 - l1)
    else:
        differ = equal * sp.hyperexpand(sp.hyper([p + 1], [p + q + 2], -(l1 - l2) * y))
    if sp.simplify(l1 - l2) == 0:
        branches = [(tidy(equal), True)]
    elif may_coincide(l1, l2):  # equal rates are allowed: t^(p+q+1) e^(-l t) there
        branches = [(tidy(equal), sp.Eq(l1, l2)), (tidy(differ), True)]
    else:
        branches = [(tidy(differ), True)]
    return sp.Piecewise((0, x < s1 + s2), *branches)


def irwin_hall(m: int, t: sp.Symbol) -> list:
    """The pieces ``(k, k + 1, poly)`` of the density of a sum of ``m`` uniforms on (0, 1)."""
    return [(sp.Integer(k), sp.Integer(k + 1), sp.expand(
        sum((-1) ** j * sp.binomial(m, j) * (t - j) ** (m - 1) for j in range(k + 1))
        / sp.factorial(m - 1))) for k in range(m)]


def _irwin_hall(rep: Rep):
    m = len(rep.pieces)
    if rep.deltas or not 1 <= m <= 24:
        return None
    ref = irwin_hall(m, rep.var)
    c = sp.simplify(rep.pieces[0][2] / ref[0][2])
    if c.has(rep.var):
        return None
    for (lo, hi, e), (rlo, rhi, re) in zip(rep.pieces, ref):
        if lo != rlo or hi != rhi or sp.expand(e - c * re) != 0:
            return None
    return c, m


def real_family(f: sp.Expr, g: sp.Expr, t: sp.Symbol, x: sp.Symbol, fr: Rep | None = None,
                gr: Rep | None = None):
    """A closed form from a known family on R, or None when neither input is one."""
    a, b = _gaussian(f, t), _gaussian(g, t)
    if a is not None and b is not None:
        (c1, a1, b1, d1), (c2, a2, b2, d2) = a, b
        s = sp.Dummy("s", real=True)
        expo = sp.expand(-a1 * s**2 + b1 * s + d1 - a2 * (x - s) ** 2 + b2 * (x - s) + d2)
        A, B, C = -expo.coeff(s, 2), expo.coeff(s, 1), expo.coeff(s, 0)
        exponent = sp.factor(sp.cancel(B**2 / (4 * A) + C))
        return sp.simplify(c1 * c2 * sp.sqrt(sp.pi / A)) * sp.exp(exponent)
    a, b = _cauchy(f, t), _cauchy(g, t)
    if a is not None and b is not None:
        (k1, m1, g1), (k2, m2, g2) = a, b
        gam = g1 + g2
        return tidy(k1 * k2 * sp.pi * gam / (g1 * g2 * ((x - m1 - m2) ** 2 + gam**2)))
    if fr is None or gr is None:
        return None
    out = _gamma_pair(fr, gr, x)
    if out is not None:
        return out
    a, b = _irwin_hall(fr), _irwin_hall(gr)
    if a is not None and b is not None:
        pieces = irwin_hall(a[1] + b[1], x)
        args = [(sp.S.Zero, x < 0)] + [(a[0] * b[0] * e, x < hi) for _, hi, e in pieces]
        return sp.Piecewise(*args, (sp.S.Zero, True))
    return None


# ---------------------------------------------------------------- Z and N -------------


def _generating_factor(rep: Rep, z: sp.Symbol):
    """``(s, c, kind, r, m)`` with OGF ``z^s c exp(r z)`` (kind 'exp') or ``c (1 - r z)^-m``."""
    if len(rep.pieces) != 1 or rep.pieces[0][1] is not sp.S.Infinity:
        return None
    s, _, e = rep.pieces[0]
    if not s.is_finite:
        return None
    u = sp.Dummy("u", integer=True, nonnegative=True)
    fu = e.subs(rep.var, u + s)
    c = sp.simplify(fu.subs(u, 0))
    if c == 0 or not c.is_finite:
        return None
    rho = sp.factor(sp.combsimp(sp.simplify(fu.subs(u, u + 1) / fu)))
    if rho.has(sp.factorial, sp.gamma, sp.binomial, sp.RisingFactorial):
        return None
    num, den = sp.fraction(sp.cancel(rho))
    if not (num.is_polynomial(u) and den.is_polynomial(u)):
        return None
    pn, pd = sp.Poly(num, u), sp.Poly(den, u)
    if pd.degree() == 0 and pn.degree() == 0:
        return s, c, "pow", num / den, sp.S.One
    if pd.degree() == 1 and sp.simplify(pd.all_coeffs()[1] / pd.all_coeffs()[0]) == 1:
        lead = pd.all_coeffs()[0]
        if pn.degree() == 0:
            return s, c, "exp", num / lead, None
        if pn.degree() == 1:
            a1, a0 = pn.all_coeffs()
            return s, c, "pow", a1 / lead, sp.simplify(a0 / a1)
    return None


def _coefficient(c, exps, powers, n: sp.Symbol, z: sp.Symbol):
    """The coefficient of ``z^n`` in ``c exp(exps z) prod (1 - r z)^(-m)``."""
    if exps != 0 and powers:
        return None
    if not powers:
        return c * exps**n / sp.factorial(n)
    if len(powers) == 1:
        (r, m), = powers.items()
        if (-m).is_integer and (-m).is_nonnegative:  # binomial: (1 - r z)^M, M = -m
            return c * sp.binomial(-m, n) * (-r) ** n
        return c * sp.binomial(n + m - 1, n) * r**n
    if not all(m.is_integer and m.is_positive for m in powers.values()):
        return None
    if all(m == 1 for m in powers.values()):  # distinct simple poles: a divided difference
        rs = list(powers)
        return c * sp.Add(*[r ** (n + len(rs) - 1) / sp.Mul(*[r - q for q in rs if q is not r])
                            for r in rs])
    expr = c * sp.Mul(*[(1 - r * z) ** (-m) for r, m in powers.items()])
    total = sp.S.Zero
    for term in sp.Add.make_args(sp.apart(expr, z)):
        num, den = sp.fraction(sp.factor(term))
        if num.has(z):
            return None
        base = den.as_base_exp()
        root, mult = (base if base[0].is_polynomial(z) and sp.degree(base[0], z) == 1 else
                      (None, None))
        if root is None:
            return None
        b1, b0 = sp.Poly(root, z).all_coeffs()  # num / (b1 z + b0)^mult
        total += num * b0 ** (-mult) * sp.binomial(n + mult - 1, n) * (-b1 / b0) ** n
    return total


def _coefficient_cases(c, exps, powers: dict, n: sp.Symbol, z: sp.Symbol, distinct=()):
    """``_coefficient`` for every way the ratios may coincide: a ``Piecewise`` on
    ``Eq(r, q)`` (poles merged) before the generic branch, or None."""
    pair = next(((r, q) for i, r in enumerate(powers) for q in list(powers)[i + 1:]
                 if (r, q) not in distinct and may_coincide(r, q)), None)
    if pair is None:
        coeff = _coefficient(c, exps, powers, n, z)
        return None if coeff is None else tidy(coeff)
    r, q = pair
    merged: dict = {}
    for k, m in powers.items():  # on Eq(r, q): q is r, and the two poles are one
        key = r if k is q else sp.sympify(k).subs(q, r)
        merged[key] = merged.get(key, 0) + m
    same = _coefficient_cases(c.subs(q, r), exps, merged, n, z, distinct)
    other = _coefficient_cases(c, exps, powers, n, z, (*distinct, pair))
    if same is None or other is None:
        return None
    return sp.Piecewise((same, sp.Eq(r, q)), (other, True))


def discrete_family(f: Rep, g: Rep, n: sp.Symbol):
    """``(shift, expr)`` with ``(f * g)(n) = expr`` for ``n >= shift``, or None."""
    z = sp.Dummy("z")
    a, b = _generating_factor(f, z), _generating_factor(g, z)
    if a is None or b is None:
        return None
    exps, powers = sp.S.Zero, {}
    for s, c, kind, r, m in (a, b):
        if kind == "exp":
            exps += r
        else:
            key = next((q for q in powers if sp.simplify(q - r) == 0), r)
            powers[key] = powers.get(key, 0) + m
    powers = {r: m for r, m in powers.items() if m != 0}
    shift = a[0] + b[0]
    nn = sp.Dummy("nn", integer=True, nonnegative=True)
    coeff = _coefficient_cases(a[1] * b[1], exps, powers, nn, z)
    if coeff is None:
        raise Unsupported("no generating-function closed form for this pair")
    return shift, coeff.subs(nn, n - shift)
