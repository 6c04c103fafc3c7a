"""DiracDelta sifting: ``(c d^(k)(t - p)) * g = c g^(k)(x - p)``, exact and commutative.

``g^(k)`` is the distributional derivative: jumps of a piecewise ``g`` become point masses,
point masses of ``g`` raise their order, so delta * delta is a delta at the summed point.

Examples
--------
>>> import sympy as sp
>>> from algconv.symbolic.normalise import normalise_real
>>> from algconv.symbolic.delta import sift
>>> from algconv.symbolic.assemble import to_expr
>>> t, x = sp.symbols("t x", real=True)
>>> to_expr(sift(1, 2, 0, normalise_real(sp.DiracDelta(t - 1), t), x))
DiracDelta(x - 3)
"""

from __future__ import annotations

import sympy as sp

from .assemble import derivative, rename, scale, shift
from .normalise import Rep

__all__ = ["sift"]


def sift(c: sp.Expr, p: sp.Expr, k: int, g: Rep, x: sp.Symbol) -> Rep:
    """``(c d^(k)(. - p)) * g`` as a Rep in ``x``."""
    out = shift(rename(g, x), p)
    for _ in range(k):
        out = derivative(out)
    return scale(out, c)
