r"""Step 4: the ball drop on a plane: a 2-D convolution over ``(Z^2, +)``.

The landing offset after each drop is a point ``(x, y)``; the total offset is
``(f * g)(c) = sum over a + b = c of f(a) g(b)`` with ``a, b, c`` in ``Z^2``.
"""

from __future__ import annotations

from math import comb

import numpy as np

from ..dispatch import convolve
from ._base import Context, Step

__all__ = ["STEP", "first_drop", "second_drop", "ball_drop_2d"]

R = 6  # both grids are centred: index i is the offset i - R


def first_drop() -> np.ndarray:
    """An elongated bump: binomial(12) across x, binomial(4) across y, centred.

    >>> first_drop().shape, float(first_drop().sum())
    ((13, 13), 1.0)
    """
    px = np.array([comb(12, k) for k in range(13)]) / 2.0**12
    py = np.zeros(13)
    py[4:9] = np.array([comb(4, k) for k in range(5)]) / 2.0**4
    return np.outer(py, px)


def second_drop() -> np.ndarray:
    """A diagonal ridge: binomial(12) weights on the points ``(x, y) = (k, k)``, centred.

    >>> float(second_drop().trace())
    1.0
    """
    return np.diag([comb(12, k) for k in range(13)]) / 2.0**12


def ball_drop_2d() -> dict:
    """f, g, h = ac.convolve(f, g) on Z^2 and summary numbers (totals, means, the mode).

    >>> r = ball_drop_2d(); r["h"].shape, r["mode"]
    ((25, 25), (0, 0))
    """
    f, g = first_drop(), second_drop()
    h = convolve(f, g)
    offsets = np.arange(h.shape[0]) - 2 * R
    iy, ix = np.unravel_index(int(np.argmax(h)), h.shape)
    ys, xs = np.meshgrid(offsets, offsets, indexing="ij")
    ys1, xs1 = np.meshgrid(offsets[R:-R], offsets[R:-R], indexing="ij")
    return {
        "f": f, "g": g, "h": h,
        "totals": (float(f.sum()), float(g.sum()), float(h.sum())),
        "mode": (int(offsets[ix]), int(offsets[iy])),
        "peak": float(h.max()),
        "spread": (float((h * xs**2).sum()), float((h * ys**2).sum())),
        "spread_f": (float((f * xs1**2).sum()), float((f * ys1**2).sum())),
        "spread_g": (float((g * xs1**2).sum()), float((g * ys1**2).sum())),
    }


def run(ctx: Context) -> None:
    from .. import plot

    r = ball_drop_2d()
    ctx.print(f"totals of f, g, f * g: {r['totals'][0]:.6f}, {r['totals'][1]:.6f}, "
              f"{r['totals'][2]:.6f}")
    ctx.print(f"most likely total offset (x, y) = {r['mode']} with probability {r['peak']:.5f}")
    (fx, fy), (gx, gy), (hx, hy) = r["spread_f"], r["spread_g"], r["spread"]
    ctx.print(f"variance of the offset in x: {fx:.4f} + {gx:.4f} = {hx:.4f}; "
              f"in y: {fy:.4f} + {gy:.4f} = {hy:.4f} (variances add)")
    fig = plot.new_figure(12, 4.3)
    axes = fig.subplots(1, 3)
    for ax, key, title, radius in zip(axes, "fgh", ("f: first drop", "g: second drop",
                                                    "f * g: total offset"), (R, R, 2 * R)):
        im = ax.imshow(r[key], origin="lower", cmap="magma",
                       extent=(-radius - 0.5, radius + 0.5, -radius - 0.5, radius + 0.5))
        ax.set_title(title)
        ax.set_xlabel("x offset")
        ax.set_ylabel("y offset")
        fig.colorbar(im, ax=ax, shrink=0.8, label="probability")
    fig.suptitle("Ball drop in 2-D: (f * g)(c) = sum over a + b = c of f(a) g(b), a, b, c in Z^2")
    ctx.save(fig, "ball_drop_2d.png", "Heat maps of the two landing distributions and of the "
             "total, their 2-D convolution.")


STEP = Step(
    4, "ball-drop-2d", "Ball drop in two dimensions",
    "On a plane the ball lands at an offset (x, y). The same reasoning gives the distribution of "
    "the total offset as a convolution over Z^2: sum over a + b = c of f(a) g(b), with a, b and "
    "c now points. An elongated first drop convolved with a diagonal ridge smears the bump along "
    "the diagonal; the variances in each direction add.",
    run,
)
