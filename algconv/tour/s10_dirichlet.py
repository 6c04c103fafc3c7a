r"""Step 10: Dirichlet convolution is convolution over ``(Z>0, x)``.

With ``a * b = c`` read as multiplication, ``(f * g)(n) = sum over a b = n of f(a) g(b)``.
``1 * 1`` counts the divisors of ``n``; the Mobius function ``mu`` is the inverse of ``1``,
so ``mu * 1 = [n = 1]``.
"""

from __future__ import annotations

from ..named import convolve_dirichlet
from ..function import Function
from ..inverse import inverse
from ..structures import Multiplicative
from ._base import Context, Step

__all__ = ["STEP", "N", "ones", "mobius", "dirichlet_table"]

N = 12


def ones(n: int = N) -> Function:
    """The constant function 1 on ``1 .. n`` (over ``Multiplicative()``).

    >>> sorted(ones(3).to_dict().items())
    [(1, 1), (2, 1), (3, 1)]
    """
    return Function({k: 1 for k in range(1, n + 1)}, over=Multiplicative())


def mobius(n: int = N) -> Function:
    """``mu`` on ``1 .. n``: the convolution inverse ``ac.inverse(1)``, zeros left out.

    >>> mu = mobius(6); [mu(k) for k in range(1, 7)]
    [1, -1, -1, 0, -1, 1]
    """
    mu = inverse(ones(n), length=n)
    return Function({k: mu(k) for k in range(1, n + 1) if mu(k)}, over=Multiplicative())


def dirichlet_table(n: int = N) -> list[tuple[int, int, int, int]]:
    """Rows ``(k, (1 * 1)(k), mu(k), (mu * 1)(k))`` for ``k = 1 .. n``, by ``f * g`` over (Z>0, x).

    Values at ``k <= n`` are complete: every factorisation ``a b = k`` has ``a, b <= n``.

    >>> dirichlet_table(4)
    [(1, 1, 1, 1), (2, 2, -1, 0), (3, 2, -1, 0), (4, 3, 0, 0)]
    """
    one = ones(n)
    d = one * one
    mu = mobius(n)
    e = mu * one
    return [(k, d(k), mu(k), e(k)) for k in range(1, n + 1)]


def run(ctx: Context) -> None:
    from .. import plot

    rows = dirichlet_table()
    ctx.print("Dirichlet convolution over (Z>0, x), mu from ac.inverse(1):")
    ctx.print(f"{'n':>4} {'(1*1)(n) = d(n)':>16} {'mu(n)':>6} {'(mu*1)(n)':>10}")
    for k, d, mu, e in rows:
        ctx.print(f"{k:>4} {d:>16} {mu:>6} {e:>10}")
    fast = convolve_dirichlet([1] * N, [1] * N)
    ctx.print(f"ac.convolve_dirichlet([1]*{N}, [1]*{N}) = {list(map(int, fast))}: agrees "
              f"{[int(v) for v in fast] == [d for _, d, _, _ in rows]}")
    fig = plot.new_figure(10, 4)
    left, right = fig.subplots(1, 2)
    ks = [k for k, *_ in rows]
    left.bar(ks, [d for _, d, _, _ in rows], color=plot.COLORS["f"])
    left.set_title("(1 * 1)(n) = number of divisors of n")
    left.set_ylabel("d(n)")
    right.bar([k - 0.2 for k in ks], [mu for _, _, mu, _ in rows], width=0.4,
              color=plot.COLORS["g"], label="mu(n)")
    right.bar([k + 0.2 for k in ks], [e for *_, e in rows], width=0.4, color=plot.COLORS["h"],
              label="(mu * 1)(n)")
    right.set_title("mu * 1 = [n = 1]")
    right.set_ylim(-1.3, 1.9)
    right.axhline(0, color="gray", lw=0.8)
    right.set_ylabel("value")
    right.legend(loc="upper right", ncol=2)
    for ax in (left, right):
        ax.set_xticks(ks)
        ax.set_xlabel("n")
    ctx.save(fig, "dirichlet.png", "Divisor counts as 1 * 1, and the Mobius function mu with "
             "mu * 1 = [n = 1].")


STEP = Step(
    10, "dirichlet", "Dirichlet convolution",
    "Nothing in sum over a . b = c needs the operation to be addition. Over the positive "
    "integers under multiplication it is Dirichlet convolution, the workhorse of number "
    "theory: 1 * 1 counts divisors, and the Mobius function mu is the convolution inverse of "
    "1, so mu * 1 is 1 at n = 1 and 0 everywhere else.",
    run,
)
