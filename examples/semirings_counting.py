"""Exact counting with convolutions mod a prime, and reachability with Boolean ones.

Run it from the repository root: ``python examples/semirings_counting.py``.

* The number of ways 1000 dice show a total of 3500 has hundreds of digits; convolution
  powers in ``ac.semirings.Modular(p)`` give it mod p exactly, for an NTT prime and for
  the Mersenne prime 2**61 - 1, without ever holding the huge count.
* A product of polynomials over GF(7) is a convolution of coefficient arrays mod 7.
* Which sums a set of coin values can make in k coins is a Boolean convolution power: a
  Minkowski sum of sets.

Every number printed is checked against Python's own integers.
"""

from __future__ import annotations

import itertools
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import algconv as ac  # noqa: E402


def dice(n: int, total: int) -> None:
    exact = ac.Function({k: 1 for k in range(1, 7)}, over=ac.Naturals()) ** n
    for p in (998244353, 2**61 - 1):
        die = ac.Function({k: 1 for k in range(1, 7)}, over=ac.Naturals(),
                          semiring=ac.semirings.Modular(p))
        ways = (die ** n)(total)
        assert ways == exact(total) % p
        print(f"{n} dice totalling {total}: {ways} ways mod {p} "
              f"(the exact count has {len(str(exact(total)))} digits)")


def gf7() -> None:
    a, b = [3, 0, 5, 1], [6, 2, 4]  # 3 + 5x^2 + x^3 and 6 + 2x + 4x^2
    product = ac.convolve(a, b, semiring=ac.semirings.Modular(7))
    assert product.tolist() == [v % 7 for v in np.convolve(a, b)]
    print(f"(3 + 5x^2 + x^3)(6 + 2x + 4x^2) over GF(7): coefficients {product.tolist()}")


def coins(values: list, k: int) -> None:
    one = np.zeros(max(values) + 1, dtype=bool)
    one[values] = True
    reach = one
    for _ in range(k - 1):
        reach = ac.convolve(reach, one)  # bool arrays: the Boolean semiring
    brute = {sum(c) for c in itertools.product(values, repeat=k)}
    assert set(np.flatnonzero(reach).tolist()) == brute
    print(f"sums of {k} coins from {values}: {len(brute)} reachable, "
          f"first gaps {[s for s in range(len(reach)) if not reach[s]][:5]}")


def main() -> None:
    dice(1000, 3500)
    gf7()
    coins([5, 7, 11], 4)


if __name__ == "__main__":
    main()
