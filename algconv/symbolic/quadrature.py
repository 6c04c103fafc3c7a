"""Numeric checks shared by the R^d, Mellin and circle strategies.

Each structure's verifier computes the defining integral by quadrature at several points and
for several parameter values (generic ones, and all parameters equal, the coincidence where
case splits go wrong), and hands the numbers here to be compared with the candidate.
``tensor_integral`` integrates over R^d with a tensor product of Gauss-Legendre rules after
mapping each axis onto (-1, 1), doubling the nodes until two rules agree.

Examples
--------
>>> import numpy as np
>>> from algconv.symbolic.quadrature import tensor_integral
>>> round(float(tensor_integral(lambda a, b: np.exp(-a * a - b * b), [(), ()]).real), 9)
3.141592654
"""

from __future__ import annotations

import mpmath
import numpy as np
import sympy as sp

from .verify import Mismatch, generic_values

__all__ = ["RTOL", "agree", "evaluate", "grid_points", "jump_points", "parameter_sets", "tensor_integral"]

#: relative tolerance (against the largest value checked) of every comparison
RTOL = 1e-7


def parameter_sets(symbols) -> list[dict]:
    """Generic values for the parameters, then (if there are two or more) all equal."""
    symbols = sorted(symbols, key=sp.default_sort_key)
    first = generic_values(symbols)
    sets = [first]
    if len(symbols) > 1:
        ref = first[symbols[0]]
        same = {s: (abs(ref) if s.is_nonnegative else ref) for s in symbols}
        if all(not s.is_integer for s in symbols) and same != first:
            sets.append(same)
    return sets


def evaluate(expr: sp.Expr, subs: dict) -> mpmath.mpc:
    """``expr`` at a point, by sympy's own evaluation (Meijer G, Bessel and ``Mod`` included)."""
    v = sp.sympify(expr).subs(subs).evalf(20)
    if v.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not v.is_number:
        raise Mismatch(f"the candidate is not finite at {subs}: {v}")
    return mpmath.mpmathify(complex(v))


def agree(label: str, points: list, truths: list, cands: list) -> int:
    """Raise ``Mismatch`` unless every candidate value equals its truth; return the count."""
    scale = max([abs(v) for v in truths] + [mpmath.mpf(0)]) or mpmath.mpf(1)
    for p, tv, cv in zip(points, truths, cands):
        if not (mpmath.isfinite(abs(cv)) and abs(cv - tv) <= RTOL * scale):
            raise Mismatch(f"{label} at {p}: candidate {mpmath.nstr(cv, 8)} but the integral "
                           f"is {mpmath.nstr(tv, 8)}")
    return len(points)


def jump_points(e: sp.Expr, t: sp.Symbol) -> list[float]:
    """Numeric points where ``e`` may jump along ``t``: roots of ``Heaviside`` arguments and
    ``Piecewise`` conditions that are linear in ``t`` alone."""
    args = [h.args[0] for h in e.atoms(sp.Heaviside)]
    args += [r.lhs - r.rhs for p in e.atoms(sp.Piecewise) for _, c in p.args
             for r in sp.sympify(c).atoms(sp.Rel)]
    out = []
    for a in args:
        if a.free_symbols == {t} and sp.Poly(a, t).degree() == 1:
            out.append(float(sp.solve(a, t)[0]))
    return sorted(set(out))


def _axis_rule(breaks, n: int, scale: float):
    """Nodes and weights on R for ``n`` Gauss-Legendre points per sub-interval; infinite
    ends are mapped by ``u -> c + scale * u / (1 - u^2)``."""
    xs, ws = np.polynomial.legendre.leggauss(n)
    cuts = sorted(set(float(b) for b in breaks))
    nodes, weights = [], []
    left = cuts[0] if cuts else 0.0
    right = cuts[-1] if cuts else 0.0
    # the left tail (-oo, left] and the right tail [right, oo): u in (-1, 0] and [0, 1)
    for sign, end in ((-1.0, left), (1.0, right)):
        u = (xs + 1) / 2
        wu = ws / 2
        nodes.append(end + sign * scale * u / (1 - u * u))
        weights.append(wu * scale * (1 + u * u) / (1 - u * u) ** 2)
    for lo, hi in zip(cuts, cuts[1:]):
        nodes.append(lo + (hi - lo) * (xs + 1) / 2)
        weights.append(ws * (hi - lo) / 2)
    return np.concatenate(nodes), np.concatenate(weights)


def tensor_integral(fn, breaks: list, *, scale: float = 1.0,
                    sizes: tuple = (16, 24, 32, 48, 64, 96, 128)):
    """``int_{R^d} fn``: ``fn`` takes ``d`` broadcastable numpy arrays; ``breaks[i]`` are the
    jump points of axis ``i``.  Raises ``Mismatch`` when two successive rules of ``sizes``
    nodes per interval never agree to 1e-9."""
    previous = None
    for n in sizes:
        rules = [_axis_rule(b, n, scale) for b in breaks]
        grids = np.meshgrid(*[r[0] for r in rules], indexing="ij", sparse=True)
        w = rules[0][1]
        for r in rules[1:]:
            w = np.multiply.outer(w, r[1])
        with np.errstate(all="ignore"):
            vals = np.nan_to_num(np.asarray(fn(*grids), dtype=complex), nan=0.0,
                                 posinf=0.0, neginf=0.0)
        value = complex(np.sum(np.broadcast_to(vals, w.shape) * w))
        if previous is not None and abs(value - previous) <= 1e-9 * max(abs(value), 1e-30):
            return mpmath.mpmathify(value)
        previous = value
    raise Mismatch(f"the quadrature over R^{len(breaks)} did not settle (last {previous})")


def grid_points(d: int) -> list[tuple]:
    """A few generic points of R^d (never on a lattice of breakpoints)."""
    base = [-0.83, 0.41, 1.37, -0.19, 0.77, 2.09]
    pts = [tuple(base[(i + k) % len(base)] for k in range(d)) for i in range(len(base))]
    return pts

