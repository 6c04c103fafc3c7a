"""Normalisation into one piecewise representation (compared pointwise with the input)."""

from __future__ import annotations

import pytest
import sympy as sp

from algconv.symbolic.normalise import Unsupported, normalise_discrete, normalise_real

t = sp.Symbol("t", real=True)
n = sp.Symbol("n", integer=True)
a = sp.Symbol("a", positive=True)
H = sp.Heaviside


def value(rep, x0):
    for lo, hi, e in rep.pieces:
        if (rep.discrete and lo <= x0 <= hi) or (not rep.discrete and lo < x0 < hi):
            return e.subs(rep.var, x0)
    return 0


@pytest.mark.parametrize("expr", [
    H(t) - H(t - 1), sp.Max(0, 1 - sp.Abs(t)), sp.Min(t, 1) * H(t),
    sp.sign(t) * sp.exp(-sp.Abs(t)),
    sp.Piecewise((t, (t > -1) & (t < 2)), (0, True)), H(t + 2) * H(3 - t) * t**2,
    sp.Abs(sp.Abs(t) - 1),
])
def test_real_pieces_equal_the_input(expr):
    rep = normalise_real(expr, t)
    for x0 in [sp.Rational(k, 7) for k in range(-30, 31, 3)]:
        if x0 not in rep.breakpoints():
            assert sp.simplify(value(rep, x0) - expr.subs(t, x0)) == 0


def test_symbolic_breakpoints_ordered_by_assumptions():
    rep = normalise_real(H(t) * H(2 * a - t) + H(t - a), t)
    assert [(lo, hi) for lo, hi, _ in rep.pieces] == [(0, a), (a, 2 * a), (2 * a, sp.oo)]
    with pytest.raises(Unsupported, match="cannot decide"):
        normalise_real(H(t - sp.Symbol("b", real=True)) * H(t), t)


def test_deltas_and_derivatives():
    rep = normalise_real(sp.exp(t) * sp.DiracDelta(t + 1, 1) + 3 * sp.DiracDelta(2 * t - 2), t)
    # e^t d'(t+1) = e^-1 d'(t+1) - e^-1 d(t+1);  d(2t - 2) = d(t - 1)/2
    assert sorted(rep.deltas, key=str) == sorted(
        [(sp.exp(-1), -1, 1), (-sp.exp(-1), -1, 0), (sp.Rational(3, 2), 1, 0)], key=str)


def test_unsupported_inputs():
    with pytest.raises(Unsupported):
        normalise_real(H(t**2 - 1), t)
    with pytest.raises(Unsupported):
        normalise_real(sp.floor(t), t)
    with pytest.raises(Unsupported):
        normalise_discrete(sp.DiracDelta(n), n)


@pytest.mark.parametrize("expr, lower", [
    (H(n), None), (H(n, 1) * sp.Rational(1, 2) ** n, None), (sp.Rational(1, 2) ** sp.Abs(n), None),
    (sp.KroneckerDelta(n, 3) + H(n - sp.Rational(5, 2)), None), (sp.binomial(4, n), 0),
    (sp.Piecewise((1, n <= 2), (n, True)), 0),
])
def test_discrete_pieces_exact_at_every_integer(expr, lower):
    rep = normalise_discrete(expr, n, lower)
    for k in range(-8 if lower is None else 0, 12):
        assert value(rep, k) == expr.subs(n, k)
