"""Closed forms hold at every parameter value the assumptions allow (issue 12.5): equal rates,
equal ratios, a parameter on a breakpoint.  Truth comes from quadrature and direct sums
written here, at the coincident values themselves."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

import algconv as ac
from algconv.symbolic.verify import Mismatch, parameter_points, verify_discrete, verify_real

t = sp.Symbol("t", real=True)
n = sp.Symbol("n", integer=True, nonnegative=True)
a, b, p, q = sp.symbols("a b p q", positive=True)
H = sp.Heaviside


def _quad(f, g, x0, kinks=(0, 1)):
    """int f(u) g(x0 - u) du by mpmath, f and g numeric functions of t."""
    F = sp.lambdify(t, f.replace(H, lambda u, *_: sp.Piecewise((1, u > 0), (0, True))), "mpmath")
    G = sp.lambdify(t, g.replace(H, lambda u, *_: sp.Piecewise((1, u > 0), (0, True))), "mpmath")
    return mpmath.quad(lambda u: F(u) * G(x0 - u),
                       sorted({-mpmath.inf, mpmath.inf, *kinks, *(x0 - c for c in kinks)}))


def _assert_integral(h, f, g, values):
    hs, fs, gs = (e.subs(values) for e in (h, f, g))
    for x0 in (-0.5, 0.3, 0.9, 1.7, 3.2):
        got = complex(hs.subs(t, x0))
        truth = _quad(fs, gs, x0, (0, 1, *(float(v) for v in values.values())))
        assert abs(got - complex(truth)) <= 1e-9 * (1 + abs(truth)), (values, x0, got, truth)


def test_equal_rates_over_R():
    f, g = sp.exp(-a * t) * H(t), sp.exp(-b * t) * H(t)
    h = ac.symbolic.convolve(f, g, t)
    assert not h.subs({a: 2, b: 2}).has(sp.nan)
    assert sp.simplify(h.subs({a: 2, b: 2}) - sp.Piecewise((0, t < 0), (t * sp.exp(-2 * t), True))
                       ) == 0
    for values in ({a: 2, b: 2}, {a: sp.Rational(3, 7), b: sp.Rational(3, 7)},
                   {a: sp.Rational(1, 2), b: 3}):
        _assert_integral(h, f, g, values)


def test_a_rate_equal_to_a_constant_rate():
    f, g = sp.exp(-a * t) * H(t), sp.exp(-2 * t) * H(t)
    h = ac.symbolic.convolve(f, g, t)
    _assert_integral(h, f, g, {a: 2})
    _assert_integral(h, f, g, {a: 5})


def test_a_parameter_on_a_breakpoint():
    f, g = H(t) - H(t - a), H(t) - H(t - 1)
    h = ac.symbolic.convolve(f, g, t)
    for v in (1, sp.Rational(1, 2), 2):
        _assert_integral(h, f, g, {a: v})


def _direct_sum(f, g, values, n0):
    fs, gs = f.subs(values), g.subs(values)
    return sum(fs.subs(n, j) * gs.subs(n, n0 - j) for j in range(n0 + 1))


def test_equal_ratios_over_N_simplified():
    h = ac.symbolic.convolve(p**n, q**n, n, over=ac.Naturals())
    for values in ({p: sp.Rational(1, 2), q: sp.Rational(1, 2)}, {p: 3, q: 3},
                   {p: sp.Rational(2, 3), q: 5}):
        for n0 in range(7):
            assert h.subs(values).subs(n, n0) == _direct_sum(p**n, q**n, values, n0)
    # the form of the issue: a branch for p = q, the divided difference otherwise
    expected = sp.Piecewise(((n + 1) * p**n, sp.Eq(p, q)),
                            ((p**(n + 1) - q**(n + 1)) / (p - q), True))
    assert isinstance(h, sp.Piecewise) and len(h.args) == 2
    assert sp.simplify(h.args[0].expr - expected.args[0].expr) == 0
    assert h.args[0].cond == sp.Eq(p, q)
    assert sp.simplify(h.args[1].expr - expected.args[1].expr) == 0
    assert sp.count_ops(h) <= 2 * sp.count_ops(expected)


def test_a_ratio_equal_to_a_constant_ratio():
    g = sp.Rational(1, 2) ** n
    h = ac.symbolic.convolve(p**n, g, n, over=ac.Naturals())
    for v in (sp.Rational(1, 2), 3):
        for n0 in range(6):
            assert sp.simplify(h.subs(p, v).subs(n, n0) - _direct_sum(p**n, g, {p: v}, n0)) == 0


def test_the_verifier_samples_coincidences():
    x = sp.Symbol("x", real=True)
    f, g = sp.exp(-a * t) * H(t), sp.exp(-b * t) * H(t)
    generic_only = sp.Piecewise((0, x < 0), ((sp.exp(-a * x) - sp.exp(-b * x)) / (b - a), True))
    with pytest.raises(Mismatch, match="a = .*, b = "):  # nan at a = b
        verify_real(f, g, t, generic_only, x)
    k = sp.Symbol("k", integer=True)
    generic_sum = (p**(k + 1) - q**(k + 1)) / (p - q)
    with pytest.raises(Mismatch):
        verify_discrete(p**k, q**k, k, generic_sum, k, 0)
    points = parameter_points(sp.exp(-a * t), sp.exp(-2 * t), t, {a})
    assert {a: 2} in points and len(points) >= 2
    assert {a: 1} in parameter_points(H(t) - H(t - a), H(t) - H(t - 1), t, {a})


def test_equal_rates_on_mirrored_support():
    """Kernels on (-oo, 0): at a = b the answer is -t exp(a t) for t < 0 (a report had -t).

    sympy's antiderivative of ``exp(a s - b s + b x)`` drops ``exp(b x)`` on its ``a = b``
    branch; the piecewise strategy integrates factors free of ``s`` apart, and the families
    strategy mirrors one-sided kernels on (-oo, t1)."""
    f, g = sp.exp(a * t) * H(-t), sp.exp(b * t) * H(-t)
    h = ac.symbolic.convolve(f, g, t)
    assert sp.simplify(h.subs({a: 2, b: 2}).subs(t, -3) - 3 * sp.exp(-6)) == 0
    for values in ({a: 2, b: 2}, {a: sp.Rational(9, 13), b: sp.Rational(9, 13)},
                   {a: sp.Rational(1, 2), b: 3}):
        _assert_integral(h, f, g, values)


def test_the_piecewise_strategy_keeps_factors_on_the_equal_rate_branch():
    from algconv.symbolic.normalise import normalise_real
    from algconv.symbolic.piecewise import convolve_reps
    from algconv.symbolic.assemble import to_expr

    x = sp.Symbol("x", real=True)
    f, g = sp.exp(a * t) * H(-t), sp.exp(b * t) * H(-t)
    h = to_expr(convolve_reps(normalise_real(f, t), normalise_real(g, t), x))
    for values in ({a: 2, b: 2}, {a: sp.Rational(1, 2), b: 3}):
        for x0 in (-0.4, -2.5):
            got = complex(h.subs(values).subs(x, x0))
            truth = complex(_quad(f.subs(values), g.subs(values), x0))
            assert abs(got - truth) <= 1e-9 * (1 + abs(truth)), (values, x0, got, truth)


def test_the_verifier_rejects_a_wrong_equal_rate_branch():
    x = sp.Symbol("x", real=True)
    f, g = sp.exp(a * t) * H(-t), sp.exp(b * t) * H(-t)
    def answer(equal):
        return sp.Piecewise((sp.Piecewise(((sp.exp(b * x) - sp.exp(a * x)) / (a - b),
                                           sp.Ne(a, b)), (equal, True)), x < 0), (0, True))

    with pytest.raises(Mismatch, match="a = (.*), b = \\1\\)"):
        verify_real(f, g, t, answer(-x), x)
    verify_real(f, g, t, answer(-x * sp.exp(a * x)), x)


def _mellin_quad(f, g, x0):
    """int_0^oo f(x0 / y) g(y) dy / y by mpmath, split at 1 and x0."""
    F = sp.lambdify(t, f.replace(H, lambda u, *_: sp.Piecewise((1, u > 0), (0, True))), "mpmath")
    G = sp.lambdify(t, g.replace(H, lambda u, *_: sp.Piecewise((1, u > 0), (0, True))), "mpmath")
    return mpmath.quad(lambda y: F(x0 / y) * G(y) / y, sorted({0, 1, x0, mpmath.inf}))


@pytest.mark.parametrize("box", [H(1 - t), pytest.param(sp.Piecewise((1, t < 1), (0, True)),
                                                       marks=pytest.mark.slow)],
                         ids=["heaviside", "piecewise"])
def test_equal_powers_over_the_positive_reals(box):
    """t^a 1(0,1) * t^b 1(0,1) = (t^a - t^b)/(b - a) on (0, 1), and -t^a log t at a = b."""
    tp = sp.Symbol("t", positive=True)
    f, g = (t**a * box).subs(t, tp), (t**b * box).subs(t, tp)
    h = ac.symbolic.convolve(f, g, tp, over=ac.PositiveReals()).subs(tp, t)
    assert sp.simplify(h.subs({a: 2, b: 2}).subs(t, sp.Rational(1, 3))
                       - sp.log(3) / 9) == 0
    for values in ({a: 2, b: 2}, {a: sp.Rational(3, 7), b: sp.Rational(3, 7)},
                   {a: sp.Rational(1, 2), b: 3}):
        fs, gs, hs = (e.subs(values) for e in (f.subs(tp, t), g.subs(tp, t), h))
        for x0 in (0.2, 0.7, 1.5):
            got, truth = complex(hs.subs(t, x0)), complex(_mellin_quad(fs, gs, x0))
            assert abs(got - truth) <= 1e-9 * (1 + abs(truth)), (values, x0, got, truth)


def test_the_mellin_strategy_branches_on_equal_powers():
    from algconv.symbolic.mellin import STRATEGIES, verify

    tp, x = sp.Symbol("t", positive=True), sp.Symbol("x", positive=True)
    f, g = tp**a * H(1 - tp), tp**b * H(1 - tp)
    mellin = dict((name, fn) for name, fn, _ in STRATEGIES)["mellin"]
    h = mellin(f, g, (tp,), (x,), ac.PositiveReals(), None)
    assert isinstance(h, sp.Piecewise) and h.args[0].cond == sp.Eq(a, b)
    assert verify(f, g, (tp,), h, (x,), ac.PositiveReals()) > 0
    for values in ({a: 2, b: 2}, {a: sp.Rational(1, 2), b: 3}):
        for x0 in (0.2, 0.7, 1.5):
            got = complex(h.subs(values).subs(x, x0))
            truth = complex(_mellin_quad(f.subs(values).subs(tp, t), g.subs(values).subs(tp, t),
                                         x0))
            assert abs(got - truth) <= 1e-9 * (1 + abs(truth)), (values, x0, got, truth)
