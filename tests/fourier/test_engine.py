"""The fourier engine: equal to the a.b=c sum; dispatch; guards."""

from __future__ import annotations

import time

import numpy as np
import pytest

import algconv as ac
from algconv.engines.direct import pair_sum
from algconv.engines.fourier import fourier_convolve

from .groups import acceptance, more

GROUPS = {**acceptance(), **more()}


@pytest.mark.parametrize("name", sorted(GROUPS))
@pytest.mark.parametrize("complex_values", [False, True])
def test_fourier_engine_equals_the_pair_sum(name, complex_values):
    G = GROUPS[name]
    rng = np.random.default_rng(5)
    a, b = rng.normal(size=(2, G.order))
    if complex_values:
        a = a + 1j * rng.normal(size=G.order)
    if G.is_commutative:
        with pytest.raises(ac.MethodNotApplicable, match="non-abelian"):
            ac.convolve(a, b, over=G, method="fourier")
        h = fourier_convolve(G, a, b)  # the same computation, called directly
    else:
        h = ac.convolve(a, b, over=G, method="fourier")
    f, g = ac.Function.from_array(a, over=G), ac.Function.from_array(b, over=G)
    truth = pair_sum(f, g)
    expected = np.array([truth.get(x, 0) for x in G.elements()])
    np.testing.assert_allclose(h, expected, atol=1e-9, rtol=0)
    assert np.iscomplexobj(h) == complex_values


def test_functions_and_non_commutativity():
    S4 = ac.SymmetricGroup(4)
    f = ac.Function({(1, 0, 2, 3): 1.0, (0, 2, 3, 1): 0.5}, over=S4)
    g = ac.Function({(3, 2, 1, 0): 2.0}, over=S4)
    fg = ac.convolve(f, g, method="fourier")
    assert fg.isclose(ac.convolve(f, g, method="direct"), atol=1e-12)
    assert not fg.isclose(ac.convolve(g, f, method="fourier"), atol=1e-6)


def test_exact_values_are_not_rounded():
    S3 = ac.SymmetricGroup(3)
    with pytest.raises(ac.MethodNotApplicable, match="exact"):
        ac.convolve([1, 2, 3, 4, 5, 6], [1, 0, 0, 0, 0, 0], over=S3, method="fourier")
    choice = ac.choose_method([1, 2, 3, 4, 5, 6], [1, 0, 0, 0, 0, 0], over=S3)
    assert choice.method != "fourier"


def test_does_not_apply_to_infinite_or_non_group_structures():
    with pytest.raises(ac.MethodNotApplicable, match="finite group"):
        ac.convolve([1.0, 2.0], [1.0], method="fourier")
    with pytest.raises(ac.MethodNotApplicable, match="finite group"):
        ac.convolve([1.0, 2.0, 0, 0], [1.0, 0, 0, 0], over=ac.SubsetMonoid(2), method="fourier")


def test_auto_dispatch_prefers_fourier_on_large_symmetric_groups_and_table_on_small():
    rng = np.random.default_rng(6)
    S7 = ac.SymmetricGroup(7)
    a, b = rng.normal(size=(2, S7.order))
    assert ac.choose_method(a, b, over=S7).method == "fourier"
    D6 = ac.DihedralGroup(6)
    assert ac.choose_method(rng.normal(size=12), rng.normal(size=12), over=D6).method == "table"


def test_s7_auto_matches_spot_checked_sums():
    S7 = ac.SymmetricGroup(7)
    rng = np.random.default_rng(8)
    a, b = rng.normal(size=(2, S7.order))
    h = ac.convolve(a, b, over=S7)
    _spot_check(S7, a, b, h, rng)


def _spot_check(G, a, b, h, rng, count=3):
    els = G.elements()
    for c in rng.integers(G.order, size=count):
        # h(c) = sum_x a(x) b(x^-1 . c)
        total = sum(a[i] * b[G.index(G.op(G.inverse(x), els[c]))] for i, x in enumerate(els))
        assert h[c] == pytest.approx(total, abs=1e-9)


@pytest.mark.slow
def test_s8_random_float_convolution():
    S8 = ac.SymmetricGroup(8)
    rng = np.random.default_rng(9)
    a, b = rng.normal(size=(2, S8.order))
    assert ac.choose_method(a, b, over=S8).method == "fourier"
    t0 = time.perf_counter()
    h = ac.convolve(a, b, over=S8, method="fourier")
    assert time.perf_counter() - t0 < 5.0  # the budget (~0.05-0.2 s measured)
    _spot_check(S8, a, b, h, rng, count=2)


def test_correlate_through_the_fourier_engine():
    G = acceptance()["order21"]
    rng = np.random.default_rng(10)
    a, b = rng.normal(size=(2, G.order))
    want = ac.correlate(a, b, over=G, method="direct")
    np.testing.assert_allclose(ac.correlate(a, b, over=G, method="fourier"), want, atol=1e-12)
