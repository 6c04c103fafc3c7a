"""Shortest paths and Viterbi decoding as convolutions in other semirings.

Run it from the repository root: ``python examples/semirings_shortest_paths.py``.

* A king on a board moves one square in any of 8 directions; a diagonal move costs 3, a
  straight one 2.  The k-th min-plus convolution power of one move's cost is the cheapest
  way to reach every square in k moves (``ac.Lattice(2)``), and the witnesses of each power
  give the moves of a cheapest route.
* A walker on Z steps -1, +1 or +2 with probabilities 0.2, 0.5, 0.3.  A max-plus convolution
  of log-probabilities is one step of Viterbi decoding: the most likely walk to each
  position, with its back-pointers from the witnesses.

Every number printed is checked against a brute-force search written here.
"""

from __future__ import annotations

import itertools
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import algconv as ac  # noqa: E402

MOVES = {(dx, dy): (3 if dx and dy else 2)
         for dx in (-1, 0, 1) for dy in (-1, 0, 1) if (dx, dy) != (0, 0)}


def king(target: tuple, moves: int) -> None:
    S = ac.semirings.MinPlus()
    board = ac.Lattice(2)
    step = ac.Function(MOVES, over=board, semiring=S)
    reach, back = ac.delta(over=board, semiring=S), []
    for _ in range(moves):
        reach, where = ac.convolve(reach, step, witness=True)
        back.append(where)
    route, at = [], target
    for where in reversed(back):
        before = where[at]
        route.append((at[0] - before[0], at[1] - before[1]))
        at = before
    route.reverse()
    brute = min(sum(MOVES[m] for m in ms) for ms in itertools.product(MOVES, repeat=moves)
                if tuple(map(sum, zip(*ms))) == target)
    assert reach(target) == brute == sum(MOVES[m] for m in route)
    print(f"king to {target} in {moves} moves: cheapest cost {reach(target)} "
          f"(brute force {brute}), moves {route}")


def viterbi(position: int, steps: int) -> None:
    S = ac.semirings.MaxPlus()
    p = {-1: 0.2, 1: 0.5, 2: 0.3}
    step = ac.Function({s: math.log(q) for s, q in p.items()}, over=ac.Integers(), semiring=S)
    best, back = ac.delta(over=ac.Integers(), semiring=S), []
    for _ in range(steps):
        best, where = ac.convolve(best, step, witness=True)
        back.append(where)
    walk, at = [], position
    for where in reversed(back):
        walk.append(at - where[at])
        at = where[at]
    walk.reverse()
    brute = max(math.prod(p[s] for s in w) for w in itertools.product(p, repeat=steps)
                if sum(w) == position)
    assert math.isclose(math.exp(best(position)), brute, rel_tol=1e-12)
    print(f"most likely {steps}-step walk to {position}: probability "
          f"{math.exp(best(position)):.6f} (brute force {brute:.6f}), steps {walk}")


def main() -> None:
    king((3, -2), 4)
    king((0, 0), 2)
    viterbi(4, 5)
    viterbi(-2, 4)


if __name__ == "__main__":
    main()
