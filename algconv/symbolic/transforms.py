"""Transform strategies: the convolution theorem with sympy's Laplace and Fourier transforms.

Laplace (causal inputs, support in ``[0, oo)``): ``L[f * g] = L[f] L[g]``, then
``inverse_laplace_transform``.  Point masses are transformed here, exactly, with the ``0-``
convention ``L[d^(k)(t - p)] = s^k exp(-p s)``: sympy's transform only sees the regular part
(substituting a positive variable would turn ``DiracDelta(t)`` and its derivatives into 0).
Fourier (two-sided, integrable inputs): ``F[f * g] = F[f] F[g]`` with sympy's convention
``F[f](k) = int f(t) exp(-2 pi i k t) dt``, then ``inverse_fourier_transform``.  The caller
verifies whatever comes back.

Examples
--------
>>> import sympy as sp
>>> from algconv.symbolic.transforms import by_laplace
>>> t, x = sp.symbols("t x", real=True)
>>> by_laplace(sp.sin(t) * sp.Heaviside(t), sp.Heaviside(t), t, x)
(1 - cos(x))*Heaviside(x)
>>> by_laplace(sp.DiracDelta(t, 1), t**2 * sp.Heaviside(t), t, x)
2*x*Heaviside(x)
"""

from __future__ import annotations

import sympy as sp

from .normalise import Unsupported, split_deltas

__all__ = ["by_fourier", "by_laplace"]


def _clean(e: sp.Expr) -> sp.Expr:
    if e.has(sp.LaplaceTransform, sp.InverseLaplaceTransform, sp.FourierTransform,
             sp.InverseFourierTransform, sp.Integral):
        raise Unsupported("the transform did not close")
    return sp.simplify(e)


def _laplace(e: sp.Expr, t: sp.Symbol, s: sp.Symbol) -> sp.Expr:
    """``L[e](s)`` of a causal expression; its point masses are transformed exactly."""
    regular, deltas = split_deltas(e, t)
    out = sp.Add(*[c * s**k * sp.exp(-p * s) for c, p, k in deltas])
    if regular != 0:
        tp = sp.Dummy("tp", positive=True)
        out += _clean(sp.laplace_transform(regular.subs(t, tp), tp, s, noconds=True))
    return out


def by_laplace(f: sp.Expr, g: sp.Expr, t: sp.Symbol, x: sp.Symbol) -> sp.Expr:
    """``f * g`` for causal ``f, g`` via ``L^-1[L[f] L[g]]`` (may carry ``Heaviside(x)``)."""
    s = sp.Dummy("s", positive=True)
    F, G = _laplace(f, t, s), _laplace(g, t, s)
    xp = sp.Dummy("xp", real=True)
    h = sp.inverse_laplace_transform(sp.simplify(F * G), s, xp)
    return _clean(h).subs(xp, x)


def by_fourier(f: sp.Expr, g: sp.Expr, t: sp.Symbol, x: sp.Symbol) -> sp.Expr:
    """``f * g`` via ``F^-1[F[f] F[g]]``."""
    k = sp.Dummy("k", real=True)
    F = _clean(sp.fourier_transform(f, t, k))
    G = _clean(sp.fourier_transform(g, t, k))
    return _clean(sp.inverse_fourier_transform(sp.simplify(F * G), k, x))
