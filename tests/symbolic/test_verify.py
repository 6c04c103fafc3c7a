"""The verifier accepts right answers and rejects wrong ones (R with and without deltas, Z, N)."""

from __future__ import annotations

import pytest
import sympy as sp

from algconv.symbolic.verify import (
    MIN_POINTS,
    Mismatch,
    check_mass,
    generic_values,
    verify_discrete,
    verify_real,
)

t, x = sp.symbols("t x", real=True)
k, n = sp.symbols("k n", integer=True)
lam = sp.Symbol("lambda", positive=True)
H = sp.Heaviside


def test_real_right_and_wrong():
    f, g = sp.exp(-t) * H(t), sp.exp(-2 * t) * H(t)
    right = sp.Piecewise((0, x < 0), (sp.exp(-x) - sp.exp(-2 * x), True))
    assert verify_real(f, g, t, right, x) >= MIN_POINTS
    with pytest.raises(Mismatch):
        verify_real(f, g, t, right + sp.exp(-3 * x) * H(x) / 1000, x)
    with pytest.raises(Mismatch):  # wrong only for x < 0
        verify_real(f, g, t, sp.exp(-x) - sp.exp(-2 * x), x)


def test_parameters_take_generic_values():
    f, g = lam * sp.exp(-lam * t) * H(t), lam * sp.exp(-lam * t) * H(t)
    right = sp.Piecewise((0, x < 0), (lam**2 * x * sp.exp(-lam * x), True))
    assert verify_real(f, g, t, right, x) >= MIN_POINTS
    with pytest.raises(Mismatch):
        verify_real(f, g, t, right.subs(lam**2, lam), x)
    vals = generic_values({lam, sp.Symbol("m", integer=True, positive=True),
                           sp.Symbol("q", negative=True)})
    assert all(v.is_positive for s, v in vals.items() if s.is_positive)
    assert vals[sp.Symbol("m", integer=True, positive=True)].is_integer


def test_point_masses_are_paired_with_test_functions():
    f, g = sp.DiracDelta(t - 1) + H(t) - H(t - 1), sp.DiracDelta(t, 1)
    right = sp.DiracDelta(x - 1, 1) + sp.DiracDelta(x) - sp.DiracDelta(x - 1)
    assert verify_real(f, g, t, right, x) >= MIN_POINTS
    with pytest.raises(Mismatch):  # the sign error of sympy #26776
        verify_real(f, g, t, -sp.DiracDelta(x - 1, 1) + sp.DiracDelta(x) - sp.DiracDelta(x - 1), x)


def test_discrete_right_and_wrong():
    f = g = sp.exp(-lam) * lam**k / sp.factorial(k)
    right = (2 * lam) ** n * sp.exp(-2 * lam) / sp.factorial(n)
    assert verify_discrete(f, g, k, right, n, lower=0) >= MIN_POINTS
    with pytest.raises(Mismatch):
        verify_discrete(f, g, k, right * (1 + n / 10**6), n, lower=0)
    two_sided = sp.Rational(1, 2) ** sp.Abs(k)
    with pytest.raises(Mismatch):
        verify_discrete(two_sided, two_sided, k, sp.Rational(1, 2) ** sp.Abs(n), n)


def test_discrete_heaviside_at_zero_counts():
    # sum_k H(k) H(n - k) with sympy's H(0) = 1/2: 1/4 at n = 0, n at n >= 1
    right = sp.Piecewise((0, n < 0), (sp.Rational(1, 4), n <= 0), (n, True))
    assert verify_discrete(H(k), H(k), k, right, n) >= MIN_POINTS
    with pytest.raises(Mismatch):
        verify_discrete(H(k), H(k), k, sp.Piecewise((0, n < 0), (n + 1, True)), n)


def test_exact_mass_check():
    f, g = sp.exp(-t) * (H(t) - H(t - 1)), H(t) - H(t - 2)
    right = sp.Piecewise((0, x < 0), (1 - sp.exp(-x), x < 1), (1 - sp.exp(-1), x < 2),
                         (sp.exp(2 - x) - sp.exp(-1), x < 3), (0, True))
    assert check_mass(f, g, t, right, x) is True
    assert verify_real(f, g, t, right, x) >= MIN_POINTS
    with pytest.raises(Mismatch, match="integrates to"):
        check_mass(f, g, t, 2 * right, x)
    # skipped: unbounded support, or a candidate that is not elementary
    assert check_mass(sp.exp(-t) * H(t), g, t, right, x) is False
    assert check_mass(f, g, t, sp.erf(x) * (H(x) - H(x - 3)), x) is False
