"""Parameter case splits: each case is right in its own region (checked by quadrature)."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

import algconv as ac
from algconv.symbolic.cases import split_parameter
from algconv.symbolic.normalise import Unsupported

t = sp.Symbol("t", real=True)
a, b = sp.symbols("a b", positive=True)
H = sp.Heaviside


def box(w):
    return H(t) - H(t - w)


def quad_box_box(wa: float, wb: float, x: float) -> float:
    """int 1[0 < u < wa] 1[0 < x - u < wb] du, by mpmath quadrature."""
    lo, hi = max(0.0, x - wb), min(wa, x)
    if lo >= hi:
        return 0.0
    return float(mpmath.quad(lambda u: 1, [lo, hi]))


def test_split_thresholds():
    p, cases = split_parameter(sp.S.One, a)
    assert p == a and [c[0] for c in cases] == [a < 1, sp.true]
    r = sp.Symbol("r", real=True)
    p, cases = split_parameter(r, sp.S(2))
    assert p == r and cases[0][1].subs(cases[0][3], 1) == 1  # r = 2 - s below
    with pytest.raises(Unsupported):
        split_parameter(sp.Symbol("u"), sp.S.Zero)  # no assumptions: no real threshold


@pytest.mark.parametrize("other, values", [
    (sp.S.One, [{a: sp.Rational(1, 2)}, {a: sp.Rational(5, 2)}, {a: 1}]),
    (b, [{a: sp.Rational(1, 2), b: 2}, {a: 3, b: sp.Rational(3, 2)}, {a: 1, b: 1}]),
])
def test_box_box_every_order(other, values):
    h = ac.symbolic.convolve(box(a), box(other), t)
    assert isinstance(h, sp.Piecewise)
    for vals in values:
        wa, wb = float(vals[a]), float(other.subs(vals))
        for x0 in [-0.3 + 0.37 * i for i in range(12)]:
            got = float(h.subs(vals).subs(t, x0))
            assert got == pytest.approx(quad_box_box(wa, wb, x0), abs=1e-12)
