"""``ac.symbolic.convolve``: arguments, the out symbol, verification discards wrong answers."""

from __future__ import annotations

import pytest
import sympy as sp

import algconv as ac
from algconv.symbolic import api

t = sp.Symbol("t")  # no assumptions: the engine works on a real copy
n = sp.Symbol("n", integer=True)
H = sp.Heaviside


def test_plain_symbol_and_out():
    s = sp.Symbol("s")
    h = ac.symbolic.convolve(H(t) - H(t - 1), H(t) - H(t - 1), t, out=s)
    assert h.free_symbols == {s}
    assert [h.subs(s, v) for v in (sp.Rational(1, 2), sp.Rational(3, 2), 3)] == [
        sp.Rational(1, 2), sp.Rational(1, 2), 0]


def test_discrete_results_never_bare_heaviside():
    h = ac.symbolic.convolve(H(n, 1) * sp.Rational(1, 2) ** n, H(n, 1), n, over=ac.Integers())
    assert not h.has(sp.Heaviside)
    assert [h.subs(n, k) for k in range(-1, 3)] == [0, 1, sp.Rational(3, 2), sp.Rational(7, 4)]


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(f_expr="t", g_expr=t, var=t), ac.InvalidType, "f_expr='t'.*sympify"),
    (dict(f_expr=t, g_expr=t < 1, var=t), ac.InvalidType, "g_expr=t < 1"),
    (dict(f_expr=t, g_expr=t, var="t"), ac.InvalidType, "var='t'"),
    (dict(f_expr=t, g_expr=t, var=t, over=ac.Cyclic(3)), ac.InvalidArgument, "over=Cyclic"),
    (dict(f_expr=t, g_expr=t, var=t, out=1), ac.InvalidType, "out=1"),
    (dict(f_expr=t * sp.Symbol("s"), g_expr=t, var=t, out=sp.Symbol("s")), ac.InvalidArgument,
     "already appears"),
    (dict(f_expr=t, g_expr=t, var=t, timeout=0), ac.InvalidArgument, "timeout=0"),
    (dict(f_expr=t, g_expr=t, var=t, timeout="5"), ac.InvalidArgument, "timeout='5'"),
])
def test_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        ac.symbolic.convolve(**kwargs)


def _wrong(f, g, t, x):
    return sp.Piecewise((0, x < 0), (x / 2, x < 1), (1 - x / 2, x < 2), (0, True))


def test_an_unverified_answer_is_never_returned(monkeypatch):
    monkeypatch.setattr(api, "REAL_STRATEGIES", [("wrong", _wrong, 1.0)])
    with pytest.raises(ac.NoClosedForm, match="wrong: Mismatch") as info:
        ac.symbolic.convolve(H(t) - H(t - 1), H(t) - H(t - 1), t, timeout=10)
    assert isinstance(info.value.unevaluated, sp.Integral)


def test_unevaluated_sums():
    k = sp.Symbol("k", integer=True, nonnegative=True)
    with pytest.raises(ac.NoClosedForm) as info:
        ac.symbolic.convolve(sp.exp(-k**2), sp.exp(-k**2), k, over=ac.Naturals(), timeout=3)
    s = info.value.unevaluated
    assert isinstance(s, sp.Sum) and s.limits[0][1:] == (0, k)


# ------------------------------------------------ budgets and what NoClosedForm says ------


def _spin(f, g, t, x):
    while True:
        pass


def _unsupported(f, g, t, x):
    raise api.Unsupported("not this one")


def test_no_closed_form_names_every_strategy_and_the_budget(monkeypatch):
    monkeypatch.setattr(api, "REAL_STRATEGIES", [("refuses", _unsupported, 0.5),
                                                 ("spins", _spin, 0.5)])
    with pytest.raises(ac.NoClosedForm) as info:
        ac.symbolic.convolve(H(t), H(t), t, timeout=0.6)
    e = info.value
    assert [name for name, _ in e.attempts] == ["refuses", "spins"]
    assert e.budget_ran_out == ["spins"]
    assert "refuses: Unsupported: not this one" in str(e)
    assert "budget ran out in spins: a larger timeout may find one" in str(e)
    assert "timeout=0.6 CPU s" in str(e)


def test_no_closed_form_without_a_budget_problem(monkeypatch):
    monkeypatch.setattr(api, "REAL_STRATEGIES", [("refuses", _unsupported, 1.0)])
    with pytest.raises(ac.NoClosedForm) as info:
        ac.symbolic.convolve(H(t), H(t), t, timeout=None)
    assert info.value.budget_ran_out == [] and "budget ran out" not in str(info.value)
    assert "with no limit" in str(info.value)


def test_strategies_take_fixed_shares_in_a_fixed_order():
    for table in (api.REAL_STRATEGIES, api.DISCRETE_STRATEGIES):
        assert sum(share for _, _, share in table) == pytest.approx(1.0)
        assert len({name for name, _, _ in table}) == len(table)


def test_timeout_none_means_no_limit():
    h = ac.symbolic.convolve(H(t) - H(t - 1), H(t) - H(t - 1), t, timeout=None)
    assert h.subs(t, sp.Rational(1, 2)) == sp.Rational(1, 2)


@pytest.mark.parametrize("bad", [float("inf"), float("nan"), -1, True])
def test_bad_timeouts(bad):
    with pytest.raises(ac.InvalidArgument, match="timeout=.*CPU seconds > 0, or None"):
        ac.symbolic.convolve(t, t, t, timeout=bad)


def test_laplace_keeps_point_masses_at_zero():
    # sympy's transform sees DiracDelta(t) of a positive variable as 0: transformed here
    from algconv.symbolic.transforms import by_laplace

    from .battery import CASES

    case = next(c for c in CASES if c.name == "(delta+box)*(delta'+ramp)")
    x = sp.Symbol("x", real=True)
    h = sp.expand(by_laplace(case.f, case.g, case.var, x))
    expected = sp.expand(case.expected.subs(case.var, x))
    masses = [e for e in sp.Add.make_args(expected) if e.has(sp.DiracDelta)]
    assert sum(e for e in sp.Add.make_args(h) if e.has(sp.DiracDelta)) == sum(masses)
    regular_h = h.replace(sp.DiracDelta, lambda *args: 0)
    regular_e = expected.replace(sp.DiracDelta, lambda *args: 0)
    for x0 in (sp.Rational(-1, 2), sp.Rational(1, 3), sp.Rational(3, 2), sp.Rational(5, 2), 4):
        assert regular_h.subs(x, x0) == regular_e.subs(x, x0)
