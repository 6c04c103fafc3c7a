r"""Step 2: flip and slide: ``g(c - a)`` is ``g`` flipped and slid to ``c``.

For a fixed ``c``, the terms of ``(f * g)(c) = sum_a f(a) g(c - a)`` are the product of ``f``
with a mirrored copy of ``g`` whose origin sits at ``c``; the sum is the overlap area.
Sliding ``c`` along traces ``f * g``: for two boxes, a triangle.
"""

from __future__ import annotations

from math import comb

import numpy as np

from ..dispatch import convolve
from ._base import Context, Step

__all__ = ["STEP", "BOX_WIDTH", "box", "bumps", "overlaps"]

BOX_WIDTH = 10


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


def run(ctx: Context) -> None:
    from .. import plot

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
    "For a fixed c, g(c - a) as a function of a is g flipped around and slid so its origin sits "
    "at c. Each term f(a) g(c - a) is where f and the flipped g overlap, and (f * g)(c) is the "
    "total overlap. Sliding c from left to right traces out f * g: two boxes give a triangle. "
    "The overlap is largest when the two distributions align and shrinks as they separate.",
    run,
)
