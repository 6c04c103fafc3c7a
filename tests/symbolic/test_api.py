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
