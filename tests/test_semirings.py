"""ac.semirings: the value algebras themselves, their laws, strategies and errors."""

import math
import operator
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.semirings import (
    Boolean,
    LogSumExp,
    MaxPlus,
    MaxTimes,
    MinPlus,
    Modular,
    Semiring,
    Standard,
)

BUILTINS = [Standard(), MaxPlus(), MinPlus(), MaxTimes(), Boolean(), LogSumExp(), Modular(7),
            Modular(2**61 - 1), Modular(2**64 + 13), Modular(12)]


@pytest.mark.parametrize("S, add, mul, zero, one", [
    (Standard(), 5, 6, 0, 1),
    (MaxPlus(), 3, 5, -math.inf, 0),
    (MinPlus(), 2, 5, math.inf, 0),
    (MaxTimes(), 3, 6, 0, 1),
    (Modular(4), 1, 2, 0, 1),
])
def test_operations_on_2_and_3(S, add, mul, zero, one):
    assert S.add(2, 3) == add and S.mul(2, 3) == mul
    assert S.zero == zero and S.one == one


def test_boolean_and_logsumexp_operations():
    B = Boolean()
    assert [B.add(x, y) for x in (False, True) for y in (False, True)] == [False, True, True, True]
    assert [B.mul(x, y) for x in (False, True) for y in (False, True)] == [False, False, False,
                                                                             True]
    L = LogSumExp()
    assert L.add(math.log(0.25), math.log(0.5)) == pytest.approx(math.log(0.75), rel=1e-15)
    assert L.mul(1.5, 2.0) == 3.5 and L.zero == -math.inf and L.one == 0.0


def test_flags():
    assert [S.is_selective for S in (Standard(), MaxPlus(), MinPlus(), MaxTimes(), Boolean(),
                                     LogSumExp(), Modular(5))] == [False, True, True, True, True,
                                                                   False, False]
    assert all(S.is_commutative for S in BUILTINS)
    user = Semiring.from_operations(max, min, -math.inf, math.inf)
    assert user.is_selective and user.is_commutative
    matrices = Semiring.from_operations(operator.add, lambda x, y: x @ y, 0, 1)
    assert not matrices.is_selective and not matrices.is_commutative


def test_equality_hash_repr():
    assert Modular(7) == Modular(7) and hash(Modular(7)) == hash(Modular(7))
    assert Modular(7) != Modular(8) and MaxPlus() != MinPlus() and MaxPlus() == MaxPlus()
    assert len({MaxPlus(), MaxPlus(), Boolean()}) == 2
    assert [repr(S) for S in (MaxPlus(), Modular(5), Standard())] == [
        "MaxPlus()", "Modular(5)", "Standard()"]
    S = Semiring.from_operations(max, operator.add, -math.inf, 0, name="tropical")
    assert repr(S) == "tropical"
    assert S == Semiring.from_operations(max, operator.add, -math.inf, 0, name="tropical")
    assert S != MaxPlus()


@pytest.mark.parametrize("bad, error", [
    (1, ac.InvalidArgument), (0, ac.InvalidArgument), (-5, ac.InvalidArgument),
    (2.5, ac.InvalidType), ("7", ac.InvalidType), (True, ac.InvalidType), (None, ac.InvalidType),
    (7.0, ac.InvalidType),
])
def test_modular_parameter_errors(bad, error):
    with pytest.raises(error, match=repr(bad).replace(".", r"\.").replace("(", r"\(")):
        Modular(bad)


@pytest.mark.parametrize("S, value", [
    (MaxPlus(), 1j), (MaxPlus(), "3"), (MaxPlus(), math.nan), (MaxPlus(), math.inf),
    (MinPlus(), -math.inf), (MaxTimes(), -1), (Modular(7), 1.5), (Modular(7), Fraction(1, 2)),
    (Modular(7), True), (Boolean(), 1), (Boolean(), 0.0), (LogSumExp(), math.inf),
    (LogSumExp(), 2j), (MaxPlus(), True), (MaxPlus(), None),
])
def test_values_outside_a_semiring(S, value):
    assert not S.contains(value)
    with pytest.raises(ac.InvalidType, match="Got c="):
        S.check(value, "c")
    with pytest.raises(ac.InvalidType):
        ac.Function({0: value}, over=ac.Integers(), semiring=S)


@pytest.mark.parametrize("S, data", [
    (MaxPlus(), [1, 2j]), (MaxPlus(), [1.0, np.nan]), (Modular(5), [1.5, 2.0]),
    (Modular(5), [True, False]), (Boolean(), [0, 1]), (MaxTimes(), [1, -2]),
    (MaxPlus(), [True, False]), (LogSumExp(), [0.0, np.inf]),
])
def test_array_values_outside_a_semiring(S, data):
    with pytest.raises(ac.InvalidType):
        ac.convolve(data, data, semiring=S)


def test_modular_reduces_and_keeps_exact_ints():
    S = Modular(7)
    assert S.check(-1, "x") == 6 and S.check(10**30, "x") == 10**30 % 7
    assert S.contains(100) and not S.contains(1.0)
    big = Modular(2**70 + 1)
    assert big.check(-1, "x") == 2**70
    assert ac.convolve([-1], [-1], semiring=big).tolist() == [1]


def test_semiring_argument_must_be_a_semiring():
    with pytest.raises(ac.InvalidType, match="semiring='max-plus'"):
        ac.convolve([1], [1], semiring="max-plus")
    with pytest.raises(ac.InvalidType, match="add=3"):
        Semiring.from_operations(3, max, 0, 1)
    with pytest.raises(ac.InvalidType, match="name=5"):
        Semiring.from_operations(max, min, 0, 1, name=5)


# --- laws --------------------------------------------------------------------------------------


@pytest.mark.parametrize("S", BUILTINS, ids=repr)
def test_every_builtin_passes_its_laws(S):
    report = ac.laws.check_semiring(S, max_examples=30)
    assert report.ok, str(report)
    assert [r.name for r in report.results] == list(ac.laws.SEMIRING_LAWS)


def test_finite_carriers_are_checked_exhaustively():
    report = ac.laws.check_semiring(Modular(6))
    assert report["distributivity"].checked == "all 216 triples"
    assert ac.laws.check_semiring(Boolean())["annihilation"].checked == "all 2 values"


def test_broken_semirings_fail_with_shrunk_counterexamples():
    # (Z, +, +) is not a semiring: + does not distribute over +, 0 does not annihilate
    bad = Semiring.from_operations(operator.add, operator.add, 0, 0)
    report = ac.laws.check_semiring(bad)
    assert [r.name for r in report.failed] == ["distributivity", "annihilation"]
    a, b, c = report["distributivity"].counterexample
    assert a + (b + c) != (a + b) + (a + c) or (a + b) + c != (a + c) + (b + c)
    # (Z, -, x): subtraction is neither associative nor commutative
    minus = Semiring.from_operations(operator.sub, operator.mul, 0, 1)
    failed = {r.name for r in ac.laws.check_semiring(minus).failed}
    assert {"add-associativity", "add-commutativity", "add-identity"} <= failed
    # max-times over negative numbers does not distribute: sampled by hypothesis
    signed = Semiring.from_operations(max, operator.mul, -math.inf, 1)
    report = ac.laws.check_semiring(signed, values=st.integers(-3, 3), max_examples=200)
    x, y, z = report["distributivity"].counterexample
    assert x * max(y, z) != max(x * y, x * z) or max(x, y) * z != max(x * z, y * z)


def test_check_semiring_values_argument():
    assert ac.laws.check_semiring(MaxPlus(), values=[-math.inf, 0, 1, 5]).ok
    with pytest.raises(ac.InvalidType):
        ac.laws.check_semiring(MaxPlus(), values=3)
    with pytest.raises(ac.InvalidType):
        ac.laws.check_semiring("max-plus")


@pytest.mark.parametrize("S", [MaxPlus(), Boolean(), Modular(5), LogSumExp()], ids=repr)
def test_convolution_laws_in_a_semiring(S):
    for M in (ac.Integers(), ac.Cyclic(3), ac.FreeMonoid("ab")):
        report = ac.laws.check(M, semiring=S, max_examples=8)
        assert report.ok, str(report)


def test_convolution_laws_catch_a_broken_semiring():
    bad = Semiring.from_operations(operator.add, operator.add, 0, 0, name="plus-plus")
    report = ac.laws.check(ac.Cyclic(2), semiring=bad, max_examples=20)
    assert not report.ok


# --- strategies --------------------------------------------------------------------------------


@pytest.mark.parametrize("S", BUILTINS, ids=repr)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_strategies_draw_values_of_the_semiring(S, data):
    v = data.draw(ac.strategies.values(semiring=S))
    assert S.contains(v)
    f = data.draw(ac.strategies.functions(ac.Integers(), semiring=S))
    assert f.semiring == S and all(S.contains(x) for x in f.to_dict().values())
    assert not any(S.is_zero(x) for x in f.to_dict().values())


def test_finite_carriers():
    assert ac.strategies.finite_carrier(Boolean()) == [False, True]
    assert ac.strategies.finite_carrier(Modular(4)) == [0, 1, 2, 3]
    assert ac.strategies.finite_carrier(Modular(10**9 + 7)) is None


@pytest.mark.parametrize("S", [S for S in BUILTINS if not isinstance(S, Boolean)], ids=repr)
def test_operations_on_junk_raise_invalid_type(S):
    for op in (S.add, S.mul):
        with pytest.raises(ac.InvalidType, match=r"Got (add|mul)\(None, 1\)"):
            op(None, 1)
