"""Reals(d), PositiveReals() and Circle(period): value semantics, membership, operations, laws."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

import algconv as ac
from algconv.laws import check

STRUCTURES = [ac.Reals(), ac.Reals(2), ac.Reals(3), ac.PositiveReals(), ac.Circle(1),
              ac.Circle(Fraction(3, 2)), ac.Circle(2 * sp.pi), ac.Circle(2.5)]


@pytest.mark.parametrize("M", STRUCTURES, ids=repr)
def test_equality_hash_and_evaluable_repr(M):
    again = eval(repr(M), {**vars(ac), "pi": sp.pi, "Fraction": Fraction})
    assert again == M and hash(again) == hash(M)
    assert M in set(STRUCTURES) and sum(N == M for N in STRUCTURES) == 1


def test_reals_dimension():
    assert ac.Reals(1) == ac.Reals() and repr(ac.Reals(1)) == "Reals()"
    assert ac.Reals(2) != ac.Reals(3) and ac.Reals(2) != ac.Lattice(2)
    R3 = ac.Reals(3)
    assert R3.op((1, Fraction(1, 2), 0.25), (2, Fraction(1, 3), 0.5)) == (3, Fraction(5, 6), 0.75)
    assert R3.identity == (0, 0, 0) and R3.inverse((1, -2, 3)) == (-1, 2, -3)


@pytest.mark.parametrize("bad, error", [(0, ac.InvalidArgument), (-2, ac.InvalidArgument),
                                        (1.0, ac.InvalidType), ("2", ac.InvalidType),
                                        (True, ac.InvalidType)])
def test_reals_rejects_bad_dimension(bad, error):
    with pytest.raises(error, match=r"Got d="):
        ac.Reals(bad)


@pytest.mark.parametrize("M, yes, no", [
    (ac.Reals(2), [(0, 1.5), (Fraction(1, 2), sp.pi)], [(1,), (1, 2, 3), [1, 2], 1.5,
                                                        (float("inf"), 0), (True, 1), (1j, 0)]),
    (ac.PositiveReals(), [1, 0.5, Fraction(1, 3), sp.pi, np.float64(2)],
     [0, -1, -0.5, float("inf"), True, "1", 1j, -sp.pi]),
    (ac.Circle(2 * sp.pi), [0, 7, -3.5, Fraction(1, 2), 5 * sp.pi],
     [float("nan"), float("inf"), "1", True, 1j, None]),
])
def test_contains_is_strict(M, yes, no):
    assert all(M.contains(v) for v in yes)
    assert not any(M.contains(v) for v in no)
    for v in no:
        with pytest.raises(ac.NotInStructure, match=r"not an element of"):
            M.check(v)


def test_positive_reals_is_exact():
    P = ac.PositiveReals()
    assert P.inverse(4) == Fraction(1, 4) and type(P.inverse(4)) is Fraction
    assert P.op(Fraction(2, 3), 3) == 2 and P.identity == 1
    assert P.inverse(sp.pi) == 1 / sp.pi


def test_circle_reduces_modulo_the_period():
    T = ac.Circle(1)
    assert T.op(Fraction(3, 4), Fraction(1, 2)) == Fraction(1, 4)
    assert T.inverse(Fraction(1, 4)) == Fraction(3, 4) and T.canonical(-3) == 0
    S = ac.Circle(2 * sp.pi)
    assert S.op(3 * sp.pi / 2, sp.pi) == sp.pi / 2 and S.inverse(sp.pi / 3) == 5 * sp.pi / 3
    assert S.check(5 * sp.pi) == sp.pi


@pytest.mark.parametrize("bad, error", [
    (0, ac.InvalidArgument), (-1, ac.InvalidArgument), (-sp.pi, ac.InvalidArgument),
    (float("inf"), ac.InvalidArgument), (sp.Symbol("p"), ac.InvalidArgument),
    (sp.oo, ac.InvalidArgument), ("2*pi", ac.InvalidType), (True, ac.InvalidType),
    (None, ac.InvalidType), (1j, ac.InvalidType)])
def test_circle_rejects_bad_periods(bad, error):
    with pytest.raises(error, match=r"Got period="):
        ac.Circle(bad)


def test_circle_accepts_a_positive_symbol():
    p = sp.Symbol("p", positive=True)
    assert ac.Circle(p).period == p


@pytest.mark.parametrize("M", STRUCTURES[1:7], ids=repr)
def test_laws_hold_on_point_masses(M):
    report = check(M, max_examples=8)
    assert report.ok, str(report)
    assert "inverses" in [r.name for r in report.results]


def test_point_masses_convolve_by_the_operation():
    f = ac.Function({(0, 1): 2, (Fraction(1, 2), 0): 3}, over=ac.Reals(2))
    g = ac.Function({(1, 1): 5}, over=ac.Reals(2))
    half = sp.Rational(1, 2)  # keys are canonical sympy numbers, as on Reals()
    assert ac.convolve(f, g).to_dict() == {(1, 2): 10, (3 * half, 1): 15}
    p = ac.Function({2: 1, Fraction(1, 2): 4}, over=ac.PositiveReals())
    assert ac.convolve(p, p).to_dict() == {4: 1, 1: 8, half / 2: 16}
    assert p == ac.Function({2: 1, 0.5: 4}, over=ac.PositiveReals())
    c = ac.Function({Fraction(3, 4): 1}, over=ac.Circle(1))
    assert ac.convolve(c, c).to_dict() == {half: 1}
    assert c == ac.Function({0.75: 1}, over=ac.Circle(1))


def test_exported():
    for name in ("PositiveReals", "Circle", "Reals"):
        assert name in ac.__all__ and name in ac.structures.__all__
