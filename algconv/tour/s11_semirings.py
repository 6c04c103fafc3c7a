r"""Step 11: beyond sums -- the same a.b = c with other ways to add and multiply values.

Replace the sum by ``max`` and the product by ``+`` and the blur of step 5 becomes grey
dilation (``min`` and ``+``: erosion); a min-plus power of a step's cost is the cheapest way
to fall a distance, and its witnesses give the route; convolution mod a prime counts dice
outcomes exactly without ever holding the huge counts.
"""

from __future__ import annotations


import numpy as np

from ..dispatch import convolve
from ..filtering import filter as filter_image
from ..function import Function, delta
from ..semirings import MaxPlus, MinPlus, Modular
from ..structures.numbers import Naturals
from ._base import Context, Step
from .s05_images import sample_image

__all__ = ["STEP", "morphology", "STEP_COSTS", "cheapest_falls", "route", "dice_mod",
           "PRIME"]

#: a fall of 1, 2 or 3 metres, and what each costs (a long fall costs more than its metres)
STEP_COSTS = {1: 2, 2: 3, 3: 7}
#: the prime of NTT-friendly modular arithmetic (119 * 2**23 + 1)
PRIME = 998244353


def morphology(image: np.ndarray, size: int = 5) -> dict:
    """``{name: image}``: the box blur of step 5 beside grey dilation and erosion with a
    flat ``size`` x ``size`` square (max-plus and min-plus filters with a zero kernel).

    >>> r = morphology(np.eye(3), size=3)
    >>> r["dilation"].min(), r["erosion"].max()
    (np.float64(1.0), np.float64(0.0))
    """
    flat = np.zeros((size, size))
    return {
        "image": image,
        "blur": filter_image(image, np.ones((size, size)) / size**2, "reflect"),
        "dilation": filter_image(image, flat, "reflect", semiring=MaxPlus()),
        "erosion": filter_image(image, flat, "reflect", semiring=MinPlus()),
    }


def cheapest_falls(distance: int, most: int) -> tuple[list, list]:
    """``(costs, witnesses)``: ``costs[k]`` is the min-plus power ``step ** k`` (cheapest
    ways to fall each distance in ``k`` falls, a Function on N), ``witnesses[k]`` the
    ``{d: d'}`` of ``convolve(step ** (k - 1), step, witness=True)``: where the last fall
    started.

    >>> costs, _ = cheapest_falls(6, 3)
    >>> costs[2](6), costs[3](6)
    (14, 9)
    """
    step = Function(STEP_COSTS, over=Naturals(), semiring=MinPlus())
    costs, witnesses = [delta(over=Naturals(), semiring=MinPlus())], [{}]
    for _ in range(most):
        power, where = convolve(costs[-1], step, witness=True)
        costs.append(power)
        witnesses.append(where)
    return costs, witnesses


def route(distance: int, falls: int, witnesses: list) -> list:
    """The falls (metres each) of a cheapest way down ``distance`` in ``falls`` falls, read
    back from the witnesses.

    >>> _, w = cheapest_falls(6, 3)
    >>> route(6, 3, w)
    [2, 2, 2]
    """
    path, d = [], distance
    for k in range(falls, 0, -1):
        start = witnesses[k][d]
        path.append(d - start)
        d = start
    return path[::-1]


def dice_mod(dice: int, total: int, prime: int = PRIME) -> tuple[int, int]:
    """``(ways mod prime, exact ways)``: outcomes of ``dice`` six-sided dice summing to
    ``total``, the first by convolution powers mod ``prime``, the second in Python ints.

    >>> dice_mod(2, 7)
    (6, 6)
    """
    die = Function({k: 1 for k in range(1, 7)}, over=Naturals(), semiring=Modular(prime))
    modular = (die ** dice)(total)
    exact = Function({k: 1 for k in range(1, 7)}, over=Naturals()) ** dice
    return modular, exact(total)


def run(ctx: Context) -> None:
    from .. import plot

    img = sample_image()
    shown = morphology(img)
    d, e = shown["dilation"], shown["erosion"]
    ctx.print("grey dilation (max, +) and erosion (min, +) of the step-5 image, 5x5 square:")
    for name, result in shown.items():
        ctx.print(f"  {name:<9} mean {float(result.mean()):.4f}")
    ctx.print(f"  erosion <= image <= dilation everywhere: {bool((e <= img).all() and (img <= d).all())}")
    fig = plot.new_figure(14, 4)
    for ax, (name, result) in zip(fig.subplots(1, 4), shown.items()):
        ax.imshow(result, cmap="gray", vmin=0, vmax=1)
        ax.set_title({"image": "the image", "blur": "box blur: sum of products",
                      "dilation": "dilation: max of sums", "erosion": "erosion: min of sums"}[
                          name])
        ax.set_axis_off()
    fig.suptitle("ac.filter(image, 5x5 kernel, 'reflect', semiring=...): one formula, three "
                 "algebras")
    ctx.save(fig, "semiring_morphology.png", "The step-5 image, its 5x5 box blur, and its grey "
             "dilation (MaxPlus) and erosion (MinPlus) with a flat 5x5 square: dilation spreads "
             "the bright sun and house, erosion the dark roof and door.")

    distance, most = 12, 8
    costs, witnesses = cheapest_falls(distance, most)
    ctx.print(f"falls of {', '.join(f'{m} m for {c}' for m, c in STEP_COSTS.items())}: the "
              f"cheapest way down {distance} m in k falls (min-plus powers):")
    best = None
    for k in range(1, most + 1):
        cost = costs[k](distance)
        if cost == float("inf"):
            continue
        path = route(distance, k, witnesses)
        ctx.print(f"  k={k}: cost {cost:>3}  falls {path}")
        if best is None or cost < best[0]:
            best = (cost, k, path)
    ctx.print(f"  cheapest: {best[0]} in {best[1]} falls {best[2]}")
    fig = plot.new_figure(8, 4.5)
    ax = fig.subplots()
    for k in range(1, most + 1):
        xs = sorted(costs[k].support)
        ax.plot(xs, [costs[k](x) for x in xs], marker="o", ms=3, label=f"k={k}")
    ax.axvline(distance, color="0.6", lw=1, ls="--")
    ax.annotate(f"{distance} m: cheapest {best[0]} in {best[1]} falls", (distance, best[0]),
                xytext=(6, -14), textcoords="offset points", fontsize=10)
    ax.set_xlabel("distance fallen (m)")
    ax.set_ylabel("cheapest cost")
    ax.set_title("min-plus powers of the cost of one fall")
    ax.legend(ncol=2, fontsize=9)
    ctx.save(fig, "semiring_falls.png", "The cheapest cost of falling each distance in k falls "
             "of 1, 2 or 3 m (costs 2, 3, 7): the k-th min-plus convolution power of the cost "
             "of one fall. Witnesses of each power give the falls of the route.")

    dice, total = 100, 350
    modular, exact = dice_mod(dice, total)
    ctx.print(f"{dice} dice summing to {total}: {exact} outcomes ({len(str(exact))} digits); "
              f"mod {PRIME}: {modular} by convolution in Modular({PRIME}), "
              f"{'equal' if exact % PRIME == modular else 'DIFFERENT'} to the exact count mod p")


STEP = Step(
    11, "beyond-sums", "Beyond sums: other ways to add and multiply",
    "The formula (f * g)(c) = sum over a.b = c of f(a) g(b) needs only a way to add and a way "
    "to multiply values. Take max for the sum and + for the product (the max-plus semiring) "
    "and the blur of step 5 becomes grey dilation: each pixel takes the brightest value "
    "within reach; min and + give erosion. The same change turns a convolution power into a "
    "shortest path: in min-plus, the k-th power of the cost of one fall is the cheapest way "
    "to fall each distance in k falls, and the witness of each output (which pair attained "
    "the minimum) gives the falls themselves. Counting mod a prime keeps numbers small while "
    "staying exact: the number of ways 100 dice sum to 350, mod 998244353, is the exact "
    "count's residue.",
    run,
)
