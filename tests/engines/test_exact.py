"""The exact engine against Python big-int brute force, python-flint and the direct sum."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.engines import exact
from algconv.engines.exact import exact_circular, exact_linear, limb_width


@pytest.fixture(params=[True, False], ids=["flint", "numpy"])
def flint_switch(request, monkeypatch):
    """Run a test with the python-flint back-end allowed, and with it disabled."""
    monkeypatch.setattr(exact, "use_flint", request.param)
    return request.param


def brute(a, b):
    """Full N-D linear convolution with Python ints / Fractions, by loops over index pairs."""
    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    shape = tuple(m + n - 1 for m, n in zip(a.shape, b.shape))
    out = np.zeros(shape, dtype=object)
    for i in np.ndindex(a.shape):
        for j in np.ndindex(b.shape):
            out[tuple(x + y for x, y in zip(i, j))] += a[i] * b[j]
    return out


def same_values(x, y):
    assert x.shape == y.shape
    assert all(type(v) is not float for v in x.flat)
    assert [int(v) if not isinstance(v, Fraction) else v for v in x.flat] == list(y.flat)


def ints(rng, shape, bits):
    lo, hi = -(2**bits), 2**bits
    if bits <= 62:
        return rng.integers(lo, hi, size=shape, dtype=np.int64)
    out = np.empty(shape, dtype=object)
    out.flat[:] = [random.Random(int(rng.integers(2**31))).randrange(lo, hi)
                   for _ in range(int(np.prod(shape)))]
    return out


@st.composite
def int_shapes(draw):
    ndim = draw(st.integers(1, 3))
    side = st.integers(1, 8 if ndim < 3 else 4)
    return tuple(draw(side) for _ in range(ndim)), tuple(draw(side) for _ in range(ndim))


@settings(max_examples=40, deadline=None)
@given(int_shapes(), st.sampled_from([3, 20, 40, 62, 63, 100]), st.booleans(),
       st.integers(0, 2**32 - 1))
def test_matches_brute_force(shapes, bits, use_flint, seed):
    exact.use_flint = use_flint
    try:
        rng = np.random.default_rng(seed)
        a, b = ints(rng, shapes[0], bits), ints(rng, shapes[1], min(bits, 62))
        got = ac.convolve(a, b, method="exact")
        same_values(got, brute(a, b))
        same_values(got, ac.convolve(a, b, method="direct").astype(object))
    finally:
        exact.use_flint = True


@pytest.mark.parametrize("extreme", [2**62, 2**63 - 1, -(2**63)])
def test_int64_extremes(flint_switch, extreme):
    a = np.array([extreme, -1, extreme, 3], dtype=np.int64)
    b = np.array([extreme, extreme, 1], dtype=np.int64)
    got = ac.convolve(a, b, method="exact")
    assert got.dtype == object  # the products do not fit int64
    same_values(got, brute(a, b))


def test_dtype_is_int64_when_a_bound_proves_it(flint_switch):
    a = np.arange(1, 1001, dtype=np.int64)
    got = exact_linear(a, a)
    assert got.dtype == np.int64
    assert list(got) == list(np.convolve(a.astype(object), a.astype(object)))


def test_unsigned_and_small_dtypes(flint_switch):
    u = np.array([2**64 - 1, 2**63, 5], dtype=np.uint64)
    assert list(ac.convolve(u, u, method="exact")) == list(brute(u.tolist(), u.tolist()))
    s = np.array([-128, 127, -1], dtype=np.int8)
    assert list(ac.convolve(s, s, method="exact")) == list(brute(s.tolist(), s.tolist()))


def test_fractions(flint_switch):
    f = np.array([Fraction(1, 3), Fraction(-2, 5), 7, Fraction(1, 6)], dtype=object)
    g = np.array([Fraction(3, 4), 0, Fraction(-1, 9)], dtype=object)
    got = ac.convolve(f, g, method="exact")
    assert list(got) == list(brute(f, g))
    assert all(isinstance(v, Fraction) for v in got)
    f2 = np.array([[Fraction(1, 2), 2], [3, Fraction(5, 7)]], dtype=object)
    assert (ac.convolve(f2, f2, method="exact") == brute(f2, f2)).all()


def test_big_python_ints(flint_switch):
    rng = random.Random(5)
    a = np.empty(40, dtype=object)
    a[:] = [rng.randrange(-(2**300), 2**300) for _ in range(40)]
    b = np.empty(30, dtype=object)
    b[:] = [rng.randrange(-(2**90), 2**90) for _ in range(30)]
    assert list(ac.convolve(a, b, method="exact")) == list(np.convolve(a, b))


@pytest.mark.parametrize("over", [ac.Cyclic(1), ac.Cyclic(5), ac.Cyclic(16),
                                  ac.product(ac.Cyclic(3), ac.Cyclic(4)),
                                  ac.product(ac.Cyclic(2), ac.Cyclic(3), ac.Cyclic(2))], ids=repr)
def test_cyclic_groups(flint_switch, over):
    rng = np.random.default_rng(over.order)
    a, b = ints(rng, over.order, 62), ints(rng, over.order, 62)
    got = ac.convolve(a, b, over=over, method="exact")
    expected = ac.convolve(a.astype(object), b.astype(object), over=over, method="direct")
    assert list(got) == list(expected)
    elements = over.elements()
    brute_h = {x: 0 for x in elements}
    for (x, fx), (y, gy) in itertools.product(zip(elements, a), zip(elements, b)):
        brute_h[over.op(x, y)] += int(fx) * int(gy)
    assert [brute_h[x] for x in elements] == [int(v) for v in got]


def test_circular_helper():
    assert list(exact_circular(np.array([1, 2, 3]), np.array([0, 1, 0]))) == [3, 1, 2]


def test_naturals_and_sparse_functions():
    assert list(ac.convolve([1, 2], [3, 4, 5], over=ac.Naturals(), method="exact")) == [
        3, 10, 13, 10]
    Z = ac.Integers()
    f = ac.Function({-3: 2**61, 4: -5}, over=Z)
    g = ac.Function({0: 7, 10: 2**62}, over=Z)
    assert ac.convolve(f, g, method="exact") == ac.convolve(f, g, method="direct")


@pytest.mark.slow
def test_long_sequences_near_2_62_against_flint():
    flint = pytest.importorskip("flint")
    rng = np.random.default_rng(7)
    n = 100_000
    a = rng.integers(-(2**62), 2**62, size=n, dtype=np.int64)
    b = rng.integers(-(2**62), 2**62, size=n, dtype=np.int64)
    exact.use_flint = False
    try:
        got = ac.convolve(a, b, method="exact")
    finally:
        exact.use_flint = True
    expected = (flint.fmpz_poly(a.tolist()) * flint.fmpz_poly(b.tolist())).coeffs()
    assert len(got) == 2 * n - 1
    assert all(int(x) == int(y) for x, y in zip(got, expected))


@pytest.mark.slow
def test_long_sequences_against_big_int_brute_force_window():
    """1e5 x 1e5 with values < 2**20 (int64 result): spot coefficients by direct sums."""
    rng = np.random.default_rng(8)
    n = 100_000
    a = rng.integers(0, 2**20, size=n)
    b = rng.integers(-(2**20), 2**20, size=n)
    exact.use_flint = False
    try:
        got = ac.convolve(a, b)
    finally:
        exact.use_flint = True
    assert got.dtype == np.int64
    al, bl = a.tolist(), b.tolist()
    for c in [0, 1, 777, n - 1, n, 123_456, 2 * n - 2]:
        lo, hi = max(0, c - n + 1), min(c, n - 1)
        assert got[c] == sum(al[i] * bl[c - i] for i in range(lo, hi + 1))


def test_limb_width_bound():
    # the widest digits get narrower as values, lengths and transforms grow
    assert limb_width(20, 20, 10**5, 10**5, 2**18) >= limb_width(20, 20, 10**6, 10**6, 2**21)
    assert limb_width(20, 20, 10, 10, 32) > limb_width(20, 20, 10**5, 10**5, 2**18) > 0
    assert limb_width(62, 62, 10**18, 10**18, 2**61) == 0  # no width is provably safe


def test_refuses_floats_and_other_structures():
    with pytest.raises(ac.MethodNotApplicable, match="int or Fraction"):
        ac.convolve([1.0, 2.0], [3, 4], method="exact")
    with pytest.raises(ac.MethodNotApplicable, match="BooleanGroup"):
        ac.convolve([1, 2], [3, 4], over=ac.BooleanGroup(1), method="exact")


def test_auto_picks_exact_for_long_integer_sequences():
    a = np.arange(20_000)
    choice = ac.choose_method(a, a)
    assert choice.method == "exact"
    assert "fft" in str(choice) and "exact (int)" in str(choice)
    assert ac.choose_method([1, 2, 3], [4, 5]).method == "direct"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=1, max_size=3), st.sampled_from(["int", "rational"]),
       st.integers(0, 2**32 - 1))
def test_cyclic_products_match_direct(orders, kind, seed):
    over = ac.Cyclic(orders[0]) if len(orders) == 1 else ac.product(
        *(ac.Cyclic(n) for n in orders))
    rng = np.random.default_rng(seed)
    a = ints(rng, over.order, 62)
    b = ints(rng, over.order, 30)
    if kind == "rational":
        b = np.array([Fraction(int(x), 7) for x in b], dtype=object)
    got = ac.convolve(a, b, over=over, method="exact")
    assert list(got) == list(ac.convolve(a, b, over=over, method="direct"))
