r"""Step 9: closed forms: box * box = triangle, Poisson * Poisson = Poisson.

``ac.symbolic.convolve`` derives each closed form with sympy (and checks it); the tour
evaluates it and plots it against the numeric convolution of sampled values.
"""

from __future__ import annotations

import numpy as np

from .. import symbolic
from ..dispatch import convolve
from ..structures import Naturals, Reals
from ._base import Context, Step

__all__ = ["STEP", "box_closed_form", "poisson_closed_form", "box_numeric", "poisson_numeric",
           "LAM1", "LAM2", "DX"]

LAM1, LAM2 = 2, 3
DX = 0.01


def box_closed_form():
    """``(x, box * box)`` from ``ac.symbolic.convolve`` over the reals, box = [0 <= x < 1]."""
    import sympy

    x = sympy.Symbol("x", real=True)
    box = sympy.Piecewise((1, (x >= 0) & (x < 1)), (0, True))
    return x, symbolic.convolve(box, box, x, over=Reals())


def poisson_closed_form():
    """``(n, l1, l2, Poisson(l1) * Poisson(l2))`` over N from ``ac.symbolic.convolve``."""
    import sympy

    n = sympy.Symbol("n", integer=True, nonnegative=True)
    l1, l2 = sympy.symbols("lambda1 lambda2", positive=True)
    pmf = lambda lam: sympy.exp(-lam) * lam**n / sympy.factorial(n)  # noqa: E731
    return n, l1, l2, symbolic.convolve(pmf(l1), pmf(l2), n, over=Naturals())


def box_numeric(dx: float = DX) -> tuple[np.ndarray, np.ndarray]:
    """``(t, ac.convolve(box, box) * dx)``: the Riemann sum of the integral on a grid.

    The box sampled at ``0, dx, ..., 1 - dx``; entry ``k`` of the sum approximates the integral
    at ``t = (k + 1) dx``, where for two boxes it is exact.

    >>> t, h = box_numeric(0.25); t.tolist(), np.round(h, 12).tolist()
    ([0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75], [0.25, 0.5, 0.75, 1.0, 0.75, 0.5, 0.25])
    """
    box = np.ones(int(round(1 / dx)))
    h = convolve(box, box) * dx
    return (np.arange(len(h)) + 1) * dx, h


def poisson_numeric(lam1: float = LAM1, lam2: float = LAM2, n: int = 20) -> np.ndarray:
    """The first ``n`` values of ``ac.convolve(pmf1, pmf2)`` for Poisson pmfs (floats).

    >>> round(float(poisson_numeric(1, 1, 3)[0]), 6)
    0.135335
    """
    from math import exp, factorial

    p1 = np.array([exp(-lam1) * lam1**k / factorial(k) for k in range(n)])
    p2 = np.array([exp(-lam2) * lam2**k / factorial(k) for k in range(n)])
    return convolve(p1, p2)[:n]


def run(ctx: Context) -> None:
    import sympy

    from .. import plot

    x, tri = box_closed_form()
    n, l1, l2, pois = poisson_closed_form()
    ctx.print(f"box * box = {tri}")
    ctx.print(f"Poisson(lambda1) * Poisson(lambda2) = {pois}")
    t, h = box_numeric()
    f_tri = sympy.lambdify(x, tri, "numpy")
    exact = np.array([float(f_tri(v)) for v in t])
    ctx.print(f"box: closed form vs Riemann sum (dx = {DX}) on {len(t)} points: max |diff| = "
              f"{np.max(np.abs(exact - h)):.1e}")
    num = poisson_numeric()
    pmf = [float(pois.subs({l1: LAM1, l2: LAM2, n: k})) for k in range(len(num))]
    ctx.print(f"Poisson({LAM1}) * Poisson({LAM2}) at n = 0..{len(num) - 1}: max |closed form - "
              f"numeric| = {np.max(np.abs(np.array(pmf) - num)):.1e}; P(5) = {pmf[5]:.6f}")
    fig = plot.new_figure(12, 4.3)
    left, right = fig.subplots(1, 2)
    grid = np.linspace(-0.5, 2.5, 301)
    left.plot(grid, [float(f_tri(v)) for v in grid], color=plot.COLORS["h"], lw=2,
              label="closed form (sympy)")
    left.plot(t[9::10], h[9::10], "o", ms=4, color=plot.COLORS["f"],
              label=f"numeric, dx = {DX}")
    left.set_title("box * box = triangle")
    left.set_xlabel("x")
    left.set_ylabel("(box * box)(x)")
    left.legend(loc="upper left")  # the triangle is low there
    ks = np.arange(len(num))
    right.bar(ks, num, color=plot.COLORS["f"], alpha=0.6, label="numeric convolution")
    right.plot(ks, pmf, "o", color=plot.COLORS["h"], label=f"Poisson({LAM1 + LAM2}) closed form")
    right.set_title(f"Poisson({LAM1}) * Poisson({LAM2}) = Poisson({LAM1 + LAM2})")
    right.set_xlabel("n")
    right.set_ylabel("probability")
    right.xaxis.set_major_locator(plot.require_extra("matplotlib.ticker").MultipleLocator(2))
    right.legend(loc="upper right")  # the tail is low there
    ctx.save(fig, "closed_forms.png", "Closed forms from ac.symbolic against numeric "
             "convolutions.")


STEP = Step(
    9, "closed-forms", "Closed forms",
    "Some convolutions have a formula. Two unit boxes convolve to a triangle, and the sum of "
    "two independent Poisson counts is Poisson with the rates added. ac.symbolic derives these "
    "with sympy, checks them, and the tour plots each formula against the numeric convolution.",
    run,
)
