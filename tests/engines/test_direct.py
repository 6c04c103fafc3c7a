"""The direct engine against numpy/scipy and brute force, and its exactness."""

from fractions import Fraction

import numpy as np
import pytest
import scipy.signal
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.engines.direct import lattice_direct, pair_sum
from tests.helpers import brute_array_convolve, brute_convolve

ints = st.lists(st.integers(-2**62, 2**62), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(ints, ints)
def test_lattice_direct_is_exact_for_any_int64(a, b):
    got = lattice_direct(np.array(a, dtype=np.int64), np.array(b, dtype=np.int64))
    assert [int(x) for x in got] == brute_array_convolve(a, b)


@pytest.mark.parametrize("shape_a, shape_b", [((3, 4), (2, 2)), ((1, 5), (3, 1)), ((2, 3, 2), (2, 2, 3))])
def test_lattice_direct_nd_matches_scipy(shape_a, shape_b):
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal(shape_a), rng.standard_normal(shape_b)
    np.testing.assert_allclose(lattice_direct(a, b), scipy.signal.convolve(a, b), atol=1e-12)
    ia, ib = rng.integers(-9, 9, shape_a), rng.integers(-9, 9, shape_b)
    assert (lattice_direct(ia, ib) == scipy.signal.convolve(ia, ib, method="direct")).all()
    fa = np.vectorize(lambda v: Fraction(int(v), 7), otypes=[object])(ia)
    got = lattice_direct(fa, ib.astype(object))
    assert (got * 7 == scipy.signal.convolve(ia, ib, method="direct")).all()


def test_sympy_nd_shifted_add():
    x, y = sympy.symbols("x y")
    a = np.array([[x, 1], [0, y]], dtype=object)
    got = lattice_direct(a, np.array([[1, x]], dtype=object))
    assert sympy.expand(got[0, 1] - (x**2 + 1)) == 0 and got[1, 2] == x * y


def test_pair_sum_matches_brute_force_on_free_monoid():
    W = ac.FreeMonoid("ab")
    f = ac.Function({"a": 2, "b": 1, "": 1}, over=W)
    assert pair_sum(f, f) == brute_convolve(W.op, f.to_dict(), f.to_dict())


def test_direct_cost_and_memory_are_positive():
    from algconv.engines import ENGINES
    from algconv.engines.base import Problem

    f = ac.Function.from_array(np.ones(10), over=ac.Integers())
    p = Problem(f, f, ac.Integers())
    assert ENGINES["direct"].cost(p) > 0 and ENGINES["direct"].memory(p) > 0
