"""``ac.transforms``: fwht / ifwht / zeta / mobius against sympy.discrete and brute-force sums."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.discrete.transforms import fwht as sp_fwht
from sympy.discrete.transforms import ifwht as sp_ifwht
from sympy.discrete.transforms import inverse_mobius_transform, mobius_transform

import algconv as ac
from algconv.transforms import fwht, ifwht, mobius, zeta

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True)

ints = st.integers(-(2**70), 2**70) | st.integers(-50, 50)
fractions = st.fractions(max_denominator=12).map(lambda q: Fraction(q.numerator, q.denominator))
values = st.lists(ints | fractions, min_size=0, max_size=17)

# (ours, sympy's, keyword arguments)
PAIRS = [
    (fwht, sp_fwht, {}),
    (ifwht, sp_ifwht, {}),
    (zeta, mobius_transform, {"subset": True}),
    (zeta, mobius_transform, {"subset": False}),
    (mobius, inverse_mobius_transform, {"subset": True}),
    (mobius, inverse_mobius_transform, {"subset": False}),
]
IDS = ["fwht", "ifwht", "zeta-subsets", "zeta-supersets", "mobius-subsets", "mobius-supersets"]


def _as_sympy(values):
    return [sympy.sympify(v) for v in np.asarray(values, dtype=object).tolist()]


def _exact(values):
    """No entry came back as a float."""
    return all(isinstance(v, (int, Fraction, sympy.Basic)) for v in np.asarray(values).tolist())


@pytest.mark.parametrize("ours, theirs, kwargs", PAIRS, ids=IDS)
@SETTINGS
@given(xs=values)
def test_equal_to_sympy_on_ints_and_fractions_of_any_length(ours, theirs, kwargs, xs):
    got = ours(xs, **kwargs)
    want = theirs(xs, **kwargs)
    assert _as_sympy(got) == want
    assert _exact(got)


@pytest.mark.parametrize("ours, theirs, kwargs", PAIRS, ids=IDS)
@SETTINGS
@given(xs=st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=16))
def test_floats_close_to_sympy(ours, theirs, kwargs, xs):
    got = ours(np.array(xs), **kwargs)
    want = np.array([complex(v) for v in theirs(xs, **kwargs)])
    assert got.dtype.kind == "f"
    np.testing.assert_allclose(got, want.real, atol=1e-9)


@SETTINGS
@given(xs=st.lists(st.integers(-(2**40), 2**40), min_size=1, max_size=32))
def test_brute_force_definitions(xs):
    m = 1 << (len(xs) - 1).bit_length()
    x = xs + [0] * (m - len(xs))
    popcount = lambda v: bin(v).count("1")  # noqa: E731
    assert fwht(xs).tolist() == [sum((-1) ** popcount(a & s) * x[a] for a in range(m))
                                 for s in range(m)]
    assert zeta(xs).tolist() == [sum(x[a] for a in range(m) if a & s == a) for s in range(m)]
    assert zeta(xs, subset=False).tolist() == [sum(x[a] for a in range(m) if a & s == s)
                                               for s in range(m)]
    assert mobius(xs).tolist() == [
        sum((-1) ** popcount(s ^ a) * x[a] for a in range(m) if a & s == a) for s in range(m)]
    assert ifwht(fwht(xs)).tolist() == x
    assert mobius(zeta(xs, subset=False), subset=False).tolist() == x


def test_sympy_values_stay_symbolic():
    x, y = sympy.symbols("x y")
    xs = [x, y, x**2, y**2, x * y]
    for ours, theirs, kwargs in PAIRS:
        got = ours(xs, **kwargs)
        want = theirs(xs, **kwargs)
        assert got.dtype == object
        assert all(sympy.expand(a - b) == 0 for a, b in zip(got.tolist(), want))


def test_complex_sympy_rationals():
    # sympy/discrete/tests/test_transforms.py::test_fwht_ifwht, the complex rational case
    ls = [sympy.S.Half + 2 * sympy.I, sympy.Rational(3, 7) + 4 * sympy.I,
          sympy.Rational(5, 6) + 6 * sympy.I, sympy.Rational(7, 3), sympy.Rational(9, 4)]
    assert ifwht(ls).tolist() == sp_ifwht(ls)
    assert fwht(ifwht(ls)).tolist() == ls + [0] * 3


def test_int64_path_and_overflow_guard():
    x = np.arange(1 << 10, dtype=np.int64)
    assert fwht(x).dtype == np.int64
    assert fwht(x).tolist() == sp_fwht(x.tolist())
    big = np.full(8, 2**62, dtype=np.int64)  # sum overflows int64: Python ints, exact
    assert fwht(big).tolist() == sp_fwht([2**62] * 8)
    assert zeta(big).tolist()[-1] == 8 * 2**62


def test_ifwht_of_ints_gives_fractions_only_when_needed():
    assert ifwht([2, 0]).dtype == np.int64
    assert ifwht([1, 0]).tolist() == [Fraction(1, 2), Fraction(1, 2)]


def test_input_is_not_modified():
    x = np.array([1.0, 2.0, 3.0, 4.0])
    fwht(x)
    zeta(x)
    assert x.tolist() == [1.0, 2.0, 3.0, 4.0]


def test_lengths_zero_and_one_unchanged_as_sympy():
    for f in (fwht, ifwht, zeta, mobius):
        assert f([]).tolist() == []
        assert f([Fraction(7, 4)]).tolist() == [Fraction(7, 4)]


BAD = [
    (lambda: fwht(5), ac.InvalidType, "x=5"),
    (lambda: ifwht(sympy.Symbol("x")), ac.InvalidType, "x=x"),
    (lambda: zeta([[1, 2], [3, 4]]), ac.StructureMismatch, "shape (2, 2)"),
    (lambda: mobius(["a", "b"]), ac.InvalidType, "'a'"),
    (lambda: fwht(np.array([True, False])), ac.InvalidType, "bool"),
    (lambda: zeta([1, 2], subset="yes"), ac.InvalidType, "subset='yes'"),
    (lambda: mobius([1, 2], subset=1), ac.InvalidType, "subset=1"),
]


@pytest.mark.parametrize("call, error, text", BAD)
def test_bad_input(call, error, text):
    with pytest.raises(error, match=None) as info:
        call()
    assert isinstance(info.value, ac.AlgconvError)
    assert text in str(info.value)


def test_public_namespace():
    assert ac.transforms.__all__ == ["fwht", "ifwht", "zeta", "mobius"]
    assert "transforms" in ac.__all__
