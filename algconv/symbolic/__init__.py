"""Verified closed forms of convolutions over R, Z and N.

``convolve(f_expr, g_expr, var, over=...)`` returns a closed form that has been checked
against the defining integral or sum, or raises ``NoClosedForm`` carrying the unevaluated
``Integral`` / ``Sum``.  One small module per strategy: ``normalise`` (one piecewise
representation), ``piecewise`` (integration over R), ``cases`` (parameter case splits),
``delta`` (sifting), ``discrete`` (sums over Z and N), ``families`` (known families),
``transforms`` (Laplace, Fourier), ``verify`` and ``budget`` (killable workers with a
CPU-second budget).  ``conv_matrix`` gives the weight matrix of a convolutional layer as a
sympy Matrix.

Examples
--------
>>> import sympy as sp
>>> t = sp.Symbol("t", real=True)
>>> ac.symbolic.convolve(sp.exp(-t) * sp.Heaviside(t), sp.exp(-2 * t) * sp.Heaviside(t), t)
Piecewise((0, t < 0), ((exp(t) - 1)*exp(-2*t), True))
"""

from __future__ import annotations

from .budget import DEFAULT_TIMEOUT

__all__ = ["DEFAULT_TIMEOUT", "convolve", "conv_matrix"]


def __getattr__(name: str):
    # sympy is imported on first use, so ``import algconv`` stays light
    if name == "convolve":
        from .api import convolve

        return convolve
    if name == "conv_matrix":
        from .matrix import conv_matrix

        return conv_matrix
    raise AttributeError(f"module 'algconv.symbolic' has no attribute {name!r}")
