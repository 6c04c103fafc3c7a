r"""Step 8: the laws that follow from ``a + b = c``, and convolution on groups.

Commutativity and associativity of convolution on Z are commutativity and associativity of
``+``; ``ac.laws.check`` confirms them.  Replace ``+`` by a non-abelian group operation and the
same sum is still associative but no longer commutative: on S_3, ``f * g != g * f``.
Convolution powers of a step distribution are random walks on the group's Cayley graph; for
riffle shuffles of 52 cards, seven shuffles bring the deck close to random.
"""

from __future__ import annotations

from .. import laws, probability
from ..function import Function, delta
from ..structures import DihedralGroup, Integers, SymmetricGroup
from ._base import Context, Step

__all__ = ["STEP", "check_laws", "witness", "walk", "shuffles", "d4_layout"]

#: two transpositions of S_3 in one-line notation (0-based images)
SWAP01, SWAP12 = (1, 0, 2), (0, 2, 1)
#: D_4 acting on the corners 0..3 of a square: rotation by a quarter turn, and a reflection
ROTATE, REFLECT = (1, 2, 3, 0), (3, 2, 1, 0)


def check_laws(max_examples: int = 30):
    """``ac.laws.check`` on ``Integers()`` and ``SymmetricGroup(3)``."""
    return {"Z": laws.check(Integers(), max_examples=max_examples),
            "S3": laws.check(SymmetricGroup(3), max_examples=max_examples)}


def witness() -> dict:
    """``f = delta((1, 0, 2))``, ``g = delta((0, 2, 1))`` on S_3 and both orders of f * g.

    >>> r = witness(); r["fg"] == r["gf"]
    False
    """
    S3 = SymmetricGroup(3)
    f, g = delta(SWAP01, over=S3), delta(SWAP12, over=S3)
    return {"f": f, "g": g, "fg": f * g, "gf": g * f}


def walk(steps: int = 6) -> dict:
    """A lazy random walk on D_4 (stay, rotate or reflect, 1/3 each): distributions and TV.

    >>> [str(t) for t in walk(2)["tv"]]
    ['5/8', '7/24']
    """
    from fractions import Fraction

    D4 = DihedralGroup(4)
    step = Function({D4.identity: Fraction(1, 3), ROTATE: Fraction(1, 3),
                     REFLECT: Fraction(1, 3)}, over=D4)
    dists = [probability.random_walk(step, k) for k in range(1, steps + 1)]
    tv = probability.mixing_curve(step, range(1, steps + 1), probability.uniform_on(D4))
    return {"group": D4, "step": step, "dists": dists, "tv": tv}


def d4_layout() -> tuple[dict, dict]:
    """Names and positions of D_4's elements as two squares: the rotations ``r^k`` on the
    outer square, the reflections ``r^k s`` on the inner one, each inside its rotation.

    >>> names, pos = d4_layout(); [names[x] for x in (ROTATE, REFLECT)]
    ['r', 's']
    """
    import math

    D4 = DihedralGroup(4)
    names, pos, rk = {}, {}, D4.identity
    for k in range(4):
        angle = math.pi / 2 - k * math.pi / 2  # clockwise from the top
        power = "" if k == 0 else "r" if k == 1 else f"r{'²³'[k - 2]}"
        for element, name, radius in ((rk, power or "e", 1.0), (D4.op(rk, REFLECT),
                                                                  f"{power}s", 0.45)):
            names[element] = name
            pos[element] = (radius * math.cos(angle), radius * math.sin(angle))
        rk = D4.op(rk, ROTATE)
    return names, pos


def shuffles(ks=range(1, 11)) -> list:
    """Total variation from uniform after k riffle shuffles of 52 cards (ac.probability).

    >>> [(k, round(float(t), 3)) for k, t in shuffles([6, 7])]
    [(6, 0.614), (7, 0.334)]
    """
    return [(k, probability.riffle_total_variation(52, k)) for k in ks]


def run(ctx: Context) -> None:
    from .. import plot

    for name, report in check_laws().items():
        ctx.print(f"ac.laws.check({name}): ok = {report.ok}")
        for line in str(report).splitlines():
            ctx.print("  " + line)
    r = witness()
    ctx.print(f"on S_3: f = delta{SWAP01}, g = delta{SWAP12}")
    ctx.print(f"  f * g = {r['fg'].to_dict()}")
    ctx.print(f"  g * f = {r['gf'].to_dict()}")
    ctx.print(f"  f * g == g * f: {r['fg'] == r['gf']} -- convolution on a non-abelian group "
              "does not commute")
    w = walk()
    ctx.print("lazy random walk on D_4 (stay / rotate / reflect, 1/3 each); distance to uniform:")
    ctx.print("  " + "  ".join(f"k={k}: {float(t):.4f}" for k, t in enumerate(w["tv"], 1)))
    names, pos = d4_layout()
    fig = plot.plot_cayley_graph(w["group"], [ROTATE, REFLECT], values=w["dists"][2],
                                 title="Random walk on the Cayley graph of D_4: distribution "
                                 "after 3 steps", layout=pos, labels=names,
                                 generator_names=["rotate: x -> x r (a quarter turn)",
                                                  "reflect: x -> x s"])
    ctx.save(fig, "cayley_random_walk.png", "The Cayley graph of D_4: rotations e, r, r², r³ "
             "on the outer square, reflections s, rs, r²s, r³s on the inner one; 'rotate' "
             "turns the outer square one way and the inner one the other (r^k s r = r^(k-1) s: "
             "the group does not commute), 'reflect' joins each rotation to its reflection. "
             "Nodes are coloured by the walk's distribution after 3 steps.")
    curve = shuffles()
    ctx.print("riffle shuffles of 52 cards, total variation from uniform (Bayer-Diaconis):")
    ctx.print("  " + "  ".join(f"{k}: {float(t):.3f}" for k, t in curve))
    fig = plot.new_figure(7, 4.5)
    ax = fig.subplots()
    ax.plot([k for k, _ in curve], [float(t) for _, t in curve], "o-", color=plot.COLORS["h"])
    seven = float(dict(curve)[7])
    ax.axvline(7, color="gray", ls=":")
    ax.plot([7], [seven], "o", ms=12, mfc="none", mec="black")
    ax.annotate(f"k = 7: {seven:.3f}", (7, seven), textcoords="offset points", xytext=(12, 12),
                fontsize=10, arrowprops={"arrowstyle": "->"})
    ax.xaxis.set_major_locator(plot.require_extra("matplotlib.ticker").MultipleLocator(1))
    ax.set_xlabel("number of riffle shuffles k")
    ax.set_ylabel("total variation distance to uniform")
    ax.set_title("Seven shuffles: 52 cards, GSR riffle shuffle")
    ax.grid(alpha=0.3)
    ctx.save(fig, "seven_shuffles.png", "Distance from a random deck after k riffle shuffles: "
             "it drops sharply around k = 7.")


STEP = Step(
    8, "laws", "The laws, and convolution on groups",
    "Written as a sum over a + b = c, convolution is commutative because + is, and associative "
    "because + is. The same sum makes sense for any group operation a . b = c; on a "
    "non-abelian group such as the permutations S_3 it stays associative but f * g and g * f "
    "differ. Convolution powers of a step distribution are random walks on the group's Cayley "
    "graph, and riffle-shuffling a deck is such a walk on S_52.",
    run,
)
