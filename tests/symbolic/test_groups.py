"""``ac.symbolic.convolve`` over R^d, the positive reals and the circle: arguments, failures,
and the verifiers (each must reject a wrong candidate)."""

from __future__ import annotations

import pytest
import sympy as sp

import algconv as ac
from algconv.symbolic import circle, mellin, multivariate
from algconv.symbolic.verify import Mismatch

x, y = sp.symbols("x y", real=True)
u, v = sp.symbols("u v", real=True)
t = sp.Symbol("t", positive=True)
a, b = sp.symbols("a b", positive=True)


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(var=x, over=ac.Reals(2)), ac.InvalidType, r"Got var=x, but expected a tuple of 2"),
    (dict(var=(x, x), over=ac.Reals(2)), ac.InvalidType, r"2 distinct sympy Symbols"),
    (dict(var=(x, y, u), over=ac.Reals(2)), ac.InvalidType, r"tuple of 2"),
    (dict(var=(x, y), over=ac.Reals(2), out=u), ac.InvalidType, r"Got out=u"),
    (dict(var=(x, y), over=ac.Reals(2), out=(u, a)), ac.InvalidArgument,
     r"already appear in the inputs"),
    (dict(var=(x, y), over=ac.Reals(2), timeout=0), ac.InvalidArgument, r"Got timeout=0"),
    (dict(var=(x, y), over=ac.Reals(2), timeout=True), ac.InvalidArgument, r"Got timeout=True"),
    (dict(var=(t, a), over=ac.PositiveReals()), ac.InvalidType, r"expected a sympy Symbol"),
    (dict(var="t", over=ac.Circle(1)), ac.InvalidType, r"Got var='t'"),
])
def test_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        ac.symbolic.convolve(sp.exp(-x**2 - y**2) * a, sp.exp(-x**2), **kwargs)


def test_bad_expression():
    with pytest.raises(ac.InvalidType, match=r"Got f_expr='exp\(-t\)'.*sympify"):
        ac.symbolic.convolve("exp(-t)", sp.exp(-t), t, over=ac.PositiveReals())


def test_out_renames_the_variables():
    h = ac.symbolic.convolve(sp.exp(-x**2 - y**2), sp.DiracDelta(x - 1) * sp.DiracDelta(y),
                             (x, y), over=ac.Reals(2), out=(u, v), timeout=240)
    assert sp.simplify(h - sp.exp(-(u - 1)**2 - v**2)) == 0


def test_no_closed_form_on_r2_carries_the_double_integral():
    f = sp.exp(-x**4 - y**4 - x * y)
    with pytest.raises(ac.NoClosedForm, match=r"Reals\(2\)") as e:
        ac.symbolic.convolve(f, f, (x, y), over=ac.Reals(2), timeout=20)
    integral = e.value.unevaluated
    assert isinstance(integral, sp.Integral) and len(integral.limits) == 2
    assert all(lim[1:] == (-sp.oo, sp.oo) for lim in integral.limits)


def test_equal_powers_on_the_positive_reals_are_right_at_a_equal_b():
    # int_x^1 (x/y)^a y^b dy/y is x^a log(1/x) when a == b; a former one-variable a == b
    # branch (-log x, a factor dropped by sympy's antiderivative) made this NoClosedForm
    f, g = t**a * sp.Heaviside(1 - t), t**b * sp.Heaviside(1 - t)
    h = ac.symbolic.convolve(f, g, t, over=ac.PositiveReals(), timeout=240)
    half = sp.Rational(1, 2)
    assert sp.simplify(h.subs({a: 2, b: 2}).subs(t, half) - sp.log(2) / 4) == 0
    assert sp.simplify(h.subs({a: 1, b: 2}).subs(t, half) - (half - half**2)) == 0
    assert h.subs({a: 1, b: 2}).subs(t, 2) == 0


def test_timeouts_are_checked_as_on_r_and_none_is_no_limit():
    box = sp.Heaviside(1 - t)
    for bad in (0, -1, float("inf"), float("nan"), True, "3"):
        with pytest.raises(ac.InvalidArgument, match="timeout="):
            ac.symbolic.convolve(box, box, t, over=ac.PositiveReals(), timeout=bad)
    h = ac.symbolic.convolve(box, box, t, over=ac.PositiveReals(), timeout=None)
    assert sp.simplify(h.subs(t, sp.Rational(1, 3)) - sp.log(3)) == 0


def test_budget_running_out_on_the_circle_is_no_closed_form():
    with pytest.raises(ac.NoClosedForm) as e:
        ac.symbolic.convolve(sp.exp(sp.cos(u)), sp.cos(u), u, over=ac.Circle(2 * sp.pi),
                             timeout=3)
    assert e.value.unevaluated.limits[0][1:] == (0, 2 * sp.pi)


def test_mellin_with_parameters():
    h = ac.symbolic.convolve(sp.exp(-a * t), sp.exp(-b * t), t, over=ac.PositiveReals(),
                             timeout=240)
    assert sp.simplify(h - 2 * sp.besselk(0, 2 * sp.sqrt(a * b * t))) == 0


def test_verifiers_reject_wrong_candidates():
    t0, x0 = sp.Dummy("t0", real=True), sp.Dummy("x0", real=True)
    t1, x1 = sp.Dummy("t1", real=True), sp.Dummy("x1", real=True)
    g2 = sp.exp(-t0**2 - t0 * t1 - t1**2)
    right = sp.sqrt(3) * sp.pi / 3 * sp.exp(-(x0**2 + x0 * x1 + x1**2) / 2)
    assert multivariate.verify(g2, g2, (t0, t1), right, (x0, x1), ac.Reals(2)) >= 6
    with pytest.raises(Mismatch):
        multivariate.verify(g2, g2, (t0, t1), right * 1.001, (x0, x1), ac.Reals(2))
    tp, xp = sp.Dummy("t", positive=True), sp.Dummy("x", positive=True)
    k0 = 2 * sp.besselk(0, 2 * sp.sqrt(xp))
    assert mellin.verify(sp.exp(-tp), sp.exp(-tp), (tp,), k0, (xp,), ac.PositiveReals()) >= 6
    with pytest.raises(Mismatch):
        mellin.verify(sp.exp(-tp), sp.exp(-tp), (tp,), k0.subs(sp.besselk(0, 2 * sp.sqrt(xp)),
                      sp.besselk(1, 2 * sp.sqrt(xp))), (xp,), ac.PositiveReals())
    T = ac.Circle(2 * sp.pi)
    assert circle.verify(sp.cos(t0), sp.cos(t0), (t0,), sp.pi * sp.cos(x0), (x0,), T) >= 6
    with pytest.raises(Mismatch):
        circle.verify(sp.cos(t0), sp.cos(t0), (t0,), sp.pi * sp.sin(x0), (x0,), T)


def test_reals_one_is_the_line():
    h = ac.symbolic.convolve(sp.exp(-x**2), sp.exp(-x**2), x, over=ac.Reals(1), timeout=240)
    assert sp.simplify(h - sp.sqrt(sp.pi / 2) * sp.exp(-x**2 / 2)) == 0
