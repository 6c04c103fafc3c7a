"""Each strategy on its own: piecewise integration, sifting, sums, families, transforms."""

from __future__ import annotations

import pytest
import sympy as sp

from algconv.symbolic.assemble import add, derivative, shift, to_expr
from algconv.symbolic.delta import sift
from algconv.symbolic.discrete import MAX_TABLE, finite_table, sum_closed, sum_reps
from algconv.symbolic.families import discrete_family, irwin_hall, real_family
from algconv.symbolic.normalise import Unsupported, normalise_discrete, normalise_real
from algconv.symbolic.piecewise import convolve_reps
from algconv.symbolic.transforms import by_fourier, by_laplace

t, x = sp.symbols("t x", real=True)
k, n = sp.symbols("k n", integer=True)
H = sp.Heaviside
box = normalise_real(H(t) - H(t - 1), t)


def test_piecewise_box_times_box_is_continuous_triangle():
    h = convolve_reps(box, box, x)
    assert [(lo, hi) for lo, hi, _ in h.pieces] == [(0, 1), (1, 2)]
    for (_, hi, e), (lo, _, e2) in zip(h.pieces, h.pieces[1:]):
        assert e.subs(x, hi) == e2.subs(x, lo)  # continuous at the joints
    assert sp.integrate(to_expr(h), (x, -sp.oo, sp.oo)) == 1


def test_irwin_hall_by_integration_equals_formula():
    three = convolve_reps(convolve_reps(box, box, t), box, x)
    assert [sp.expand(e) for _, _, e in three.pieces] == [e for _, _, e in irwin_hall(3, x)]


def test_sift_shift_and_derivative():
    tri = convolve_reps(box, box, t)
    moved = sift(2, 3, 0, tri, x)
    assert [(lo, hi) for lo, hi, _ in moved.pieces] == [(3, 4), (4, 5)]
    d = derivative(box)
    assert d.pieces == [] and {(c, p, k_) for c, p, k_ in d.deltas} == {(1, 0, 0), (-1, 1, 0)}
    assert to_expr(add(box, shift(box, 1))) == sp.Piecewise((0, t < 0), (1, t < 2), (0, True))


def test_sums_over_z_and_harmonic():
    b3 = normalise_discrete(sp.Piecewise((1, (k >= 0) & (k <= 2)), (0, True)), k)
    by_sum, by_table = to_expr(sum_reps(b3, b3, n)), to_expr(finite_table(b3, b3, n))
    assert by_sum == sp.Piecewise((0, n < 0), (n + 1, n <= 2), (5 - n, n <= 4), (0, True))
    assert [by_table.subs(n, v) for v in range(-1, 6)] == [0, 1, 2, 3, 2, 1, 0]
    j, m = sp.Dummy("j", integer=True), sp.Symbol("m", integer=True, nonnegative=True)
    assert sum_closed(1 / (j + 1), j, 0, m) == sp.harmonic(m + 1)
    geo = normalise_discrete(sp.Rational(1, 2) ** k, k, 0)
    with pytest.raises(Unsupported, match="infinite support"):
        finite_table(geo, geo, n)
    long = normalise_discrete(sp.Piecewise((1, (k >= 0) & (k <= MAX_TABLE)), (0, True)), k)
    with pytest.raises(Unsupported, match="MAX_TABLE"):
        finite_table(long, long, n)


def test_discrete_families():
    p = sp.Symbol("p", positive=True)
    binom = lambda m: sp.binomial(m, k) * p**k
    shift_, body = discrete_family(normalise_discrete(binom(3), k, 0),
                                   normalise_discrete(binom(4), k, 0), n)
    assert shift_ == 0 and sp.simplify(body - sp.binomial(7, n) * p**n) == 0
    assert discrete_family(normalise_discrete(k * p**k, k, 0),
                           normalise_discrete(p**k, k, 0), n) is None


def test_real_families_match_integration():
    lam = sp.Symbol("lambda", positive=True)
    f = sp.exp(-lam * t) * H(t)
    fam = real_family(f, f, t, x, normalise_real(f, t), normalise_real(f, t))
    pw = to_expr(convolve_reps(normalise_real(f, t), normalise_real(f, t), x))
    assert sp.simplify(fam - pw) == 0
    assert real_family(sp.sin(t), sp.cos(t), t, x) is None


def test_laplace_causal():
    h = by_laplace(sp.sin(t) * H(t), sp.exp(-t) * H(t), t, x)
    expected = (sp.sin(x) - sp.cos(x) + sp.exp(-x)) / 2 * H(x)
    assert sp.simplify(h - expected) == 0


def test_fourier_gaussians():
    h = by_fourier(sp.exp(-t**2), sp.exp(-t**2), t, x)
    assert sp.simplify(h - sp.sqrt(sp.pi / 2) * sp.exp(-x**2 / 2)) == 0
