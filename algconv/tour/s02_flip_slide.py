r"""Step 2: flip and slide: ``g(c - a)`` is ``g`` flipped and slid to ``c``.

For a fixed ``c``, the terms of ``(f * g)(c) = sum_a f(a) g(c - a)`` are the product of ``f``
with a mirrored copy of ``g`` whose origin sits at ``c``; the sum is the overlap area.
Sliding ``c`` along traces ``f * g``: for two boxes, a triangle.
"""

from __future__ import annotations

from math import comb
from typing import Any

import numpy as np

from ..dispatch import convolve
from ._base import Context, Step

__all__ = ["STEP", "BOX_WIDTH", "RAMP", "box", "bumps", "overlaps", "pairs", "flip_picture"]

BOX_WIDTH = 10
#: a lopsided g (tall at 0, falling to the right), so that its mirror image is visible
RAMP = np.array([4, 3, 2, 1])


def box(width: int = BOX_WIDTH) -> np.ndarray:
    """The box ``[1] * width`` on ``0 .. width - 1`` (int).

    >>> box(3)
    array([1, 1, 1])
    """
    return np.ones(width, dtype=np.int64)


def bumps() -> tuple[np.ndarray, np.ndarray]:
    """Two bell-shaped distributions (binomial 12 and 8), exact as floats of k/2^n.

    >>> [round(float(x.sum()), 12) for x in bumps()]
    [1.0, 1.0]
    """
    f = np.array([comb(12, k) for k in range(13)]) / 2.0**12
    g = np.array([comb(8, k) for k in range(9)]) / 2.0**8
    return f, g


def overlaps(f: np.ndarray, g: np.ndarray, cs) -> dict:
    """``{c: sum_a f(a) g(c - a)}`` at the given ``c`` (from ``ac.convolve``).

    >>> overlaps(box(3), box(3), [0, 2, 4])
    {0: 1, 2: 3, 4: 1}
    """
    h = convolve(f, g)
    return {int(c): h[c].item() if 0 <= c < len(h) else 0 for c in cs}


def pairs(f: np.ndarray, g: np.ndarray, c: int) -> list[tuple[int, int, float]]:
    """The terms of ``(f * g)(c)``: ``(a, b, f(a) g(b))`` for every ``a + b = c``, by ``a``.

    As ``a`` goes up, ``b = c - a`` goes down: ``g`` is read backwards, which is the flip.

    >>> pairs(np.array([1, 1, 1]), RAMP, 2)
    [(0, 2, 2), (1, 1, 3), (2, 0, 4)]
    """
    return [(a, c - a, (f[a] * g[c - a]).item()) for a in range(len(f)) if 0 <= c - a < len(g)]


def flip_picture(f: np.ndarray, g: np.ndarray, c: int) -> Any:
    """Four panels: ``g(b)``; ``g(-a)``, the mirror image; ``g(c - a)``, slid to ``c``; and
    ``f(a)`` with ``g(c - a)`` and the terms ``f(a) g(c - a)`` whose sum is ``(f * g)(c)``."""
    from .. import plot

    fig = plot.new_figure(14, 3.8)
    axes = fig.subplots(1, 4, sharey=True, gridspec_kw={"width_ratios": [1, 1, 1, 1.4]})
    lo, hi = min(-len(g), 0) - 1, max(len(f), c + 1) + 1
    a = np.arange(lo, hi + 1)

    def at(values: np.ndarray, x: np.ndarray) -> np.ndarray:  # values[i], zero outside
        return np.array([values[i] if 0 <= i < len(values) else 0 for i in x])

    panels = [
        (np.arange(len(g)), g, "b", "1. g(b)", "g(b)"),
        (a, at(g, -a), "a", "2. flip: g(-a), g mirrored at 0", "g(-a)"),
        (a, at(g, c - a), "a", f"3. slide: g(c - a) with c = {c}", f"g({c} - a)"),
    ]
    for ax, (x, y, xlabel, title, label) in zip(axes, panels):
        ax.bar(x, y, color=plot.COLORS["g"], width=0.8, label=label)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel(xlabel)
    ax = axes[3]
    ax.bar(a - 0.2, at(f, a), width=0.4, color=plot.COLORS["f"], label="f(a)")
    ax.bar(a + 0.2, at(g, c - a), width=0.4, color=plot.COLORS["g"], label=f"g({c} - a)")
    terms = pairs(f, g, c)
    top = max(f.max(), g.max())
    for a_, b_, v in terms:  # one row of terms above the bars
        ax.text(a_, top * 1.08, f"f({a_})g({b_})\n= {v:g}", ha="center", fontsize=8)
    ax.set_ylim(0, top * 1.45)
    total = sum(v for *_, v in terms)
    ax.set_title(f"4. (f * g)({c}) = {' + '.join(f'{v:g}' for *_, v in terms)} = {total:g}",
                 fontsize=10)
    ax.set_xlabel("a")
    axes[0].set_ylabel("value")
    for ax in axes:
        ax.xaxis.set_major_locator(_integer_ticks())
        ax.set_xlim(lo - 0.5, hi + 0.5)
        ax.axvline(0, color="gray", lw=0.8, ls=":")
        ax.tick_params(axis="x", labelsize=8)
        ax.legend(loc="upper left", fontsize=8)
    axes[3].set_xlim(-1.5, hi - 0.5)  # the terms, wider apart
    fig.suptitle(f"Why g(c - a): the pairs with a + b = {c} are (a, {c} - a), so as a goes "
                 "up b goes down and g is read backwards")
    return fig


def _integer_ticks() -> Any:
    from matplotlib.ticker import MultipleLocator

    return MultipleLocator(1)


def run(ctx: Context) -> None:
    from .. import plot

    f, c = np.array([1, 2, 2, 1]), 4
    terms = pairs(f, RAMP, c)
    ctx.print(f"why g(c - a): with f = {f.tolist()} and a lopsided g = {RAMP.tolist()}, the "
              f"terms of (f * g)({c}) are")
    ctx.print("  " + " + ".join(f"f({a})g({b})" for a, b, _ in terms)
              + f" = {' + '.join(str(v) for *_, v in terms)} = {sum(v for *_, v in terms)}")
    ctx.print(f"  a runs up {[a for a, *_ in terms]} while b = c - a runs down "
              f"{[b for _, b, _ in terms]}: g is read backwards (flipped), then slid to c")
    ctx.save(flip_picture(f, RAMP, c), "flip_explained.png", "The flip: g, its mirror image "
             f"g(-a), the mirror slid to c = {c}, and the terms f(a) g(c - a) that add up to "
             f"(f * g)({c}); each f(a) meets g at b = c - a.")
    b = box()
    cs = list(range(-1, 2 * BOX_WIDTH))
    tri = overlaps(b, b, cs)
    ctx.print(f"box * box with boxes of width {BOX_WIDTH}: overlap of g(c - a) with f(a) at c =")
    ctx.print("  " + " ".join(f"{c}:{v}" for c, v in tri.items()))
    ctx.print(f"  rises by 1 per step to the peak {max(tri.values())} at c = "
              f"{max(tri, key=tri.get)}, then falls: a triangle")
    plot.flip_and_slide(b, b, ctx.path("flip_and_slide.gif"))
    ctx.record("flip_and_slide.gif", "Animation: g flipped and slid across f (both boxes); the "
               "overlap area (green) traces f * g, a triangle (red).")
    f, g = bumps()
    peak = int(np.argmax(np.convolve(f, g)))
    far = peak + 5
    values = overlaps(f, g, [peak, far])
    ctx.print(f"two bumps: (f * g)({peak}) = {values[peak]:.4f} where they align (the peak), "
              f"(f * g)({far}) = {values[far]:.4f} as they separate")
    fig = plot.slide_still(f, g, peak)
    ctx.save(fig, "slide_aligned.png", f"At c = {peak} the flipped g lines up with f: the "
             "product, and so (f * g)(c), peaks.")
    fig = plot.slide_still(f, g, far)
    ctx.save(fig, "slide_separating.png", f"At c = {far} the two overlap less and the product "
             "shrinks.")


STEP = Step(
    2, "flip-and-slide", "Flip and slide",
    "Why g(c - a)? The total c is reached by every pair a + b = c, that is by the pairs "
    "(a, c - a). As a goes up, b = c - a goes down, so f is read forwards while g is read "
    "backwards: as a function of a, g(c - a) is g flipped around (g(-a) is g's mirror image) "
    "and then slid so that its origin sits at c. Each term f(a) g(c - a) is where f and the "
    "flipped g overlap, and (f * g)(c) is the total overlap; sliding c from left to right "
    "traces out f * g, and two boxes give a triangle. The same flip is why a convolutional "
    "layer's weight matrix (step 6) holds the kernel reversed on each row: output c pairs "
    "input x[j] with kernel entry k[c - j], and k[c - j] runs backwards as j runs forwards.",
    run,
)
