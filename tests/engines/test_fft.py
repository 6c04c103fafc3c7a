"""The fft and overlap-add engines against the direct sum, scipy.signal and brute force."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv import config
from algconv.engines import ENGINES
from algconv.engines.fft import (
    boolean_fft,
    circular_fft,
    finite_shape,
    lattice_fft,
    overlap_add_1d,
)

FLOAT_METHODS = ("fft", "overlap-add")


def _random(rng, shape, kind):
    x = rng.standard_normal(shape)
    if kind == "complex":
        x = x + 1j * rng.standard_normal(shape)
    return x


def _close(x, y, scale=1.0):
    assert x.shape == y.shape
    np.testing.assert_allclose(x, y, rtol=1e-9, atol=1e-9 * scale)


@st.composite
def shape_pairs(draw, max_side=9):
    ndim = draw(st.integers(1, 3))
    side = st.integers(0 if ndim == 1 else 1, max_side if ndim < 3 else 5)
    return (tuple(draw(side) for _ in range(ndim)), tuple(draw(side) for _ in range(ndim)))


@settings(max_examples=60, deadline=None)
@given(shape_pairs(), st.sampled_from(["float", "complex"]), st.sampled_from(FLOAT_METHODS),
       st.integers(0, 2**32 - 1))
def test_lattice_engines_match_direct(shapes, kind, method, seed):
    rng = np.random.default_rng(seed)
    a, b = _random(rng, shapes[0], kind), _random(rng, shapes[1], "float")
    expected = ac.convolve(a, b, method="direct")
    got = ac.convolve(a, b, method=method)
    _close(got, expected, scale=max(a.size, 1))


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("method", ["auto", *FLOAT_METHODS])
@pytest.mark.parametrize("sizes", [(1, 1), (2, 7), (7, 2), (40, 40), (300, 17), (17, 300),
                                   (1000, 3), (2, 1)])
def test_1d_equals_scipy_convolve_and_correlate(mode, method, sizes):
    rng = np.random.default_rng(sum(sizes))
    a, b = rng.standard_normal(sizes[0]), rng.standard_normal(sizes[1])
    _close(ac.convolve(a, b, method=method, mode=mode), scipy.signal.convolve(a, b, mode=mode),
           scale=50)
    _close(ac.correlate(a, b, method=method, mode=mode),
           scipy.signal.correlate(a, b, mode=mode), scale=50)


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("method", ["auto", *FLOAT_METHODS])
@pytest.mark.parametrize("shapes", [((6, 5), (3, 2)), ((2, 3), (4, 4)), ((40, 33), (5, 8)),
                                    ((4, 5, 6), (2, 3, 2)), ((64, 64), (64, 3))])
def test_nd_equals_scipy_for_every_mode(mode, method, shapes):
    rng = np.random.default_rng(len(shapes[0]))
    a = rng.standard_normal(shapes[0]) + 1j * rng.standard_normal(shapes[0])
    b = rng.standard_normal(shapes[1])
    if mode == "valid" and not (all(m >= n for m, n in zip(*shapes))
                                or all(n >= m for m, n in zip(*shapes))):
        pytest.skip("valid needs one array to contain the other")
    _close(ac.convolve(a, b, method=method, mode=mode), scipy.signal.convolve(a, b, mode=mode),
           scale=100)
    _close(ac.correlate(a, b, method=method, mode=mode),
           scipy.signal.correlate(a, b, mode=mode), scale=100)


def _brute_circular(a, b, shape):
    """h[c] = sum over a, b with a + b = c (mod shape) of f(a) g(b), by loops."""
    a, b = a.reshape(shape), b.reshape(shape)
    h = np.zeros(shape, dtype=np.result_type(a, b))
    for i in np.ndindex(shape):
        for j in np.ndindex(shape):
            h[tuple((x + y) % n for x, y, n in zip(i, j, shape))] += a[i] * b[j]
    return h.reshape(-1)


FINITE = [ac.Cyclic(1), ac.Cyclic(2), ac.Cyclic(7), ac.Cyclic(12),
          ac.product(ac.Cyclic(3), ac.Cyclic(4)), ac.product(ac.Cyclic(2), ac.Cyclic(1)),
          ac.product(ac.Cyclic(2), ac.Cyclic(3), ac.Cyclic(2))]


@pytest.mark.parametrize("over", FINITE, ids=repr)
@pytest.mark.parametrize("kind", ["float", "complex"])
def test_finite_abelian_fft_matches_brute_force_and_direct(over, kind):
    rng = np.random.default_rng(over.order)
    a, b = _random(rng, over.order, kind), _random(rng, over.order, "float")
    got = ac.convolve(a, b, over=over, method="fft")
    _close(got, _brute_circular(a, b, finite_shape(over)), scale=over.order)
    _close(got, ac.convolve(a, b, over=over, method="direct"), scale=over.order)
    _close(ac.correlate(a, b, over=over, method="fft"),
           ac.correlate(a, b, over=over, method="direct"), scale=over.order)


def test_cyclic_product_accepts_nd_shape():
    over = ac.product(ac.Cyclic(3), ac.Cyclic(4))
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    got = ac.convolve(a, b, over=over, method="fft")
    assert got.shape == (3, 4)
    expected = np.real(np.fft.ifft2(np.fft.fft2(a) * np.fft.fft2(b)))
    _close(got, expected, scale=12)


@pytest.mark.parametrize("n", [1, 2, 3, 6, 9])
def test_boolean_group_is_xor_convolution(n):
    rng = np.random.default_rng(n)
    a, b = rng.standard_normal(2**n), rng.standard_normal(2**n) + 1j
    expected = np.zeros(2**n, dtype=complex)
    for i in range(2**n):
        for j in range(2**n):
            expected[i ^ j] += a[i] * b[j]
    got = ac.convolve(a, b, over=ac.BooleanGroup(n), method="fft")
    _close(got, expected, scale=2**n)
    _close(boolean_fft(a, b), expected, scale=2**n)


def test_naturals_and_sparse_functions():
    _close(ac.convolve([1.0, 2.0], [3.0, 4.0, 5.0], over=ac.Naturals(), method="fft"),
           np.array([3.0, 10.0, 13.0, 10.0]))
    Z = ac.Integers()
    f = ac.Function({-3: 1.5, 4: 2.0}, over=Z)
    g = ac.Function({0: 1.0, 10: 1.0}, over=Z)
    for method in FLOAT_METHODS:
        assert ac.convolve(f, g, method=method).isclose(ac.convolve(f, g, method="direct"),
                                                        atol=1e-12)
    Z2 = ac.Lattice(2)
    f2 = ac.Function.from_array(np.arange(6.0).reshape(2, 3), over=Z2, start=(-1, 4))
    g2 = ac.Function({(2, -1): 0.5, (0, 0): 1.0}, over=Z2)
    assert ac.convolve(f2, g2, method="fft").isclose(ac.convolve(f2, g2, method="direct"),
                                                     atol=1e-12)


def test_helpers_empty_and_length_one():
    assert lattice_fft(np.zeros(0), np.ones(3)).shape == (0,)
    _close(lattice_fft(np.array([2.0]), np.array([3.0])), np.array([6.0]))
    _close(circular_fft(np.array([2.0]), np.array([3.0 + 1j])), np.array([6.0 + 2j]))
    assert ac.convolve(np.zeros((0, 3)), np.ones((2, 2)), method="fft").shape == (0, 0)


def test_fft_refuses_exact_values_and_other_structures():
    with pytest.raises(ac.MethodNotApplicable, match="exact"):
        ac.convolve([1, 2], [3, 4], method="fft")
    with pytest.raises(ac.MethodNotApplicable, match="SymmetricGroup"):
        ac.convolve(np.ones(6), np.ones(6), over=ac.SymmetricGroup(3), method="fft")
    with pytest.raises(ac.MethodNotApplicable, match="overlap-add"):
        ac.convolve(np.ones(4), np.ones(4), over=ac.Cyclic(4), method="overlap-add")


def test_memory_guard():
    a = np.ones(5000)
    with config.limit_memory(300_000):  # direct needs ~160 KB, fft ~640 KB
        with pytest.raises(ac.InvalidArgument, match=r"method='fft'.*memory_limit"):
            ac.convolve(a, a, method="fft")
        choice = ac.choose_method(a, a)
        assert {n: c for n, c, _ in choice.candidates}["fft"] is None
        assert "memory_limit" in str(choice)
        assert choice.method == "direct"
    with config.limit_memory(1000):
        with pytest.raises(ac.InvalidArgument, match=r"no engine.*direct: it would need about"):
            ac.convolve(a, a)
        with pytest.raises(ac.InvalidArgument, match=r"no engine.*fft: it would need about"):
            ac.choose_method(a, a)


def test_choose_method_picks_by_size():
    rng = np.random.default_rng(0)
    assert ac.choose_method(np.ones(10), np.ones(10)).method == "direct"
    big = rng.standard_normal(20_000)
    assert ac.choose_method(big, big).method == "fft"
    assert ac.choose_method(rng.standard_normal(10**6), rng.standard_normal(1000)).method == (
        "overlap-add")
    assert ac.choose_method(np.ones(1000), np.ones(1000), over=ac.Cyclic(1000)).method == "fft"
    assert ac.choose_method([1.0, 2.0], [3.0, 4.0], measure=True).method in ENGINES


def test_auto_skips_expensive_engines_without_changing_the_choice():
    from algconv.selection import choose  # one loop: convolve's choice, and the explained one

    rng = np.random.default_rng(2)
    for m, n in [(5, 5), (100, 100), (3000, 3000), (10**5, 30), (50, 2000)]:
        req = ac.dispatch._request(rng.standard_normal(m), rng.standard_normal(n), None,
                                   "full", "convolve")
        assert choose(req.problem)[0] == choose(req.problem, explain=True)[0]


@pytest.mark.parametrize("m", [1, 2, 17, 1000, 12345])
@pytest.mark.parametrize("n", [1, 3, 50, 999])
@pytest.mark.parametrize("kind", ["float", "complex"])
def test_overlap_add_1d_equals_scipy(m, n, kind):
    rng = np.random.default_rng(m * n)
    a, b = rng.standard_normal(m), _random(rng, n, kind)
    _close(overlap_add_1d(a, b), scipy.signal.convolve(a, b), scale=n)
    _close(overlap_add_1d(b, a), scipy.signal.convolve(a, b), scale=n)


@pytest.mark.parametrize("over, shape", [(ac.Cyclic(4), (3,)), (ac.Cyclic(4), (2, 2)),
                                         (ac.product(ac.Cyclic(2), ac.Cyclic(3)), (3, 2)),
                                         (ac.BooleanGroup(2), (3,))], ids=str)
def test_bad_lengths_on_finite_groups(over, shape):
    with pytest.raises(ac.StructureMismatch, match="needs shape"):
        ac.convolve(np.ones(shape), np.ones(shape), over=over, method="fft")


@pytest.mark.parametrize("method", ["direct", *FLOAT_METHODS])
def test_float32_stays_float32_as_in_scipy(method):
    a, b = np.ones(300, np.float32), np.ones(40, np.float32)
    got = ac.convolve(a, b, method=method)
    assert got.dtype == scipy.signal.convolve(a, b).dtype == np.float32
    np.testing.assert_allclose(got, scipy.signal.convolve(a, b), rtol=1e-5)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 7), min_size=1, max_size=3),
       st.sampled_from(["float", "complex"]), st.integers(0, 2**32 - 1))
def test_cyclic_products_match_direct(orders, kind, seed):
    over = ac.Cyclic(orders[0]) if len(orders) == 1 else ac.product(
        *(ac.Cyclic(n) for n in orders))
    rng = np.random.default_rng(seed)
    a, b = _random(rng, over.order, kind), _random(rng, over.order, "float")
    _close(ac.convolve(a, b, over=over, method="fft"),
           ac.convolve(a, b, over=over, method="direct"), scale=over.order)
