r"""Step 1: the ball drop in one dimension, both forms of the convolution sum.

Drop a ball: it lands ``a`` units away with probability ``f(a)``; drop it again from there:
it rolls ``b`` more with probability ``g(b)``.  The chance of ending at ``c`` adds every way
to get there, ``sum over a + b = c of f(a) g(b)``, which with ``b = c - a`` is the textbook
``sum_a f(a) g(c - a)``.
"""

from __future__ import annotations

from fractions import Fraction

from ..function import Function
from ..structures import Integers
from ._base import Context, Step

__all__ = ["STEP", "F", "G", "ball_drop"]

#: the first drop: distance a with probability F[a] (exact)
F = {0: Fraction(1, 10), 1: Fraction(2, 10), 2: Fraction(4, 10), 3: Fraction(2, 10),
     4: Fraction(1, 10)}
#: the second drop: distance b with probability G[b]
G = {0: Fraction(3, 10), 1: Fraction(4, 10), 2: Fraction(2, 10), 3: Fraction(1, 10)}


def ball_drop(f: dict = F, g: dict = G, c: int = 3) -> dict:
    r"""Both forms of ``(f * g)(c)`` and the ways to reach ``c``.

    Returns
    -------
    dict
        ``pairs``: ``{c: value}`` from ``ac.convolve`` (the ``a + b = c`` sum over pairs);
        ``standard``: ``{c: sum_a f(a) g(c - a)}``; ``ways``: the terms ``(a, b, f(a) g(b))``
        with ``a + b = c`` for the given ``c``.

    Examples
    --------
    >>> from fractions import Fraction as Fr
    >>> r = ball_drop({0: Fr(1, 2), 1: Fr(1, 2)}, {0: Fr(1, 2), 1: Fr(1, 2)}, c=1)
    >>> r["pairs"]
    {0: Fraction(1, 4), 1: Fraction(1, 2), 2: Fraction(1, 4)}
    >>> r["ways"]
    [(0, 1, Fraction(1, 4)), (1, 0, Fraction(1, 4))]
    """
    Z = Integers()
    h = Function(f, over=Z) * Function(g, over=Z)
    pairs = {c2: h(c2) for c2 in range(min(f) + min(g), max(f) + max(g) + 1)}
    standard = {c2: sum((f[a] * g.get(c2 - a, 0) for a in f), Fraction(0)) for c2 in pairs}
    ways = [(a, c - a, f[a] * g[c - a]) for a in sorted(f) if c - a in g]
    return {"pairs": pairs, "standard": standard, "ways": ways}


def run(ctx: Context) -> None:
    from .. import plot

    r = ball_drop()
    terms = " + ".join(f"f({a})g({b})" for a, b, _ in r["ways"])
    values = " + ".join(str(v) for _, _, v in r["ways"])
    ctx.print(f"P(total distance 3) = {terms}")
    ctx.print(f"                    = {values} = {sum(v for _, _, v in r['ways'])}")
    ctx.print(f"{'c':>3} {'sum over a+b=c':>16} {'sum_a f(a)g(c-a)':>18}")
    for c, v in r["pairs"].items():
        ctx.print(f"{c:>3} {str(v):>16} {str(r['standard'][c]):>18}")
    ctx.print(f"both forms agree at every c: {r['pairs'] == r['standard']}; "
              f"total probability {sum(r['pairs'].values())}")
    Z = Integers()
    fig = plot.plot_functions(Function(F, over=Z), Function(G, over=Z),
                              Function(r["pairs"], over=Z),
                              names=("f: first drop", "g: second drop", "f * g: total"),
                              title="Ball drop: P(total distance c) = (f * g)(c)",
                              xlabel="distance", ylabel="probability")
    ctx.save(fig, "ball_drop.png", "f, g and f * g as bar plots.")


STEP = Step(
    1, "ball-drop", "Ball drop in one dimension",
    "A ball dropped from above lands a units away with probability f(a); dropped again from "
    "there it rolls b more with probability g(b). It ends at c in every way with a + b = c, so "
    "P(c) = sum over a + b = c of f(a) g(b). Writing b = c - a turns this into the standard "
    "form sum over a of f(a) g(c - a): the convolution f * g. Both forms are computed below "
    "with exact fractions and agree at every c.",
    run,
)
