"""The battery: every case closes with an independently checked answer, or raises NoClosedForm."""

from __future__ import annotations

import time

import pytest
import sympy as sp

import algconv as ac

from .battery import CASES
from .checks import check


def _params():
    for c in CASES:
        marks = [pytest.mark.slow] if c.slow else []
        yield pytest.param(c, id=c.name, marks=marks)


_RESULTS: dict = {}


def _convolve(case):
    """algconv's answer (or its NoClosedForm), computed once per case for all tests here."""
    if case.name not in _RESULTS:
        start = time.monotonic()
        try:
            _RESULTS[case.name] = ac.symbolic.convolve(case.f, case.g, case.var, over=case.over,
                                                       timeout=case.timeout)
        except ac.NoClosedForm as e:
            _RESULTS[case.name] = e
        assert time.monotonic() - start < case.timeout + 2  # the budget holds
    return _RESULTS[case.name]


@pytest.mark.parametrize("case", list(_params()))
def test_case(case):
    h = _convolve(case)
    if isinstance(h, ac.NoClosedForm):
        assert case.closed is not True, f"{case.name}: {h}"
        assert isinstance(h.unevaluated, (sp.Integral, sp.Sum))
        return
    assert case.closed is not False, f"{case.name}: unexpected closed form {h}"
    assert check(case, h) >= 6
    if not isinstance(case.over, ac.Reals):
        assert not any(len(e.args) == 1 for e in h.atoms(sp.Heaviside))


def test_battery_size_and_closed_share():
    assert len(CASES) >= 40
    closed = sum(c.closed is True for c in CASES)
    assert sum(c.closed is False for c in CASES) >= 2
    assert closed >= 0.9 * len(CASES)
    assert {type(c.over) for c in CASES} == {ac.Reals, ac.Integers, ac.Naturals}


COMMUTE = ["box*triangle", "U(0,2)+U(1,3) overlap", "delta'(t)*t^3/6 #26776",
           "delta*delta", "exp(lam)*exp(mu) symbolic", "two-sided geometric",
           "poisson*poisson", "gamma(3/2,1)*exp(3)"]


@pytest.mark.parametrize("name", COMMUTE + [pytest.param("(delta+box)*(delta'+ramp)",
                                                         marks=pytest.mark.slow)])
def test_commutative(name):
    case = next(c for c in CASES if c.name == name)
    fg = _convolve(case)
    gf = ac.symbolic.convolve(case.g, case.f, case.var, over=case.over)
    assert fg == gf
    assert sp.simplify(fg - gf) == 0
