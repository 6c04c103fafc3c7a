"""Engine choice is a pure function of the problem; tables and bases are kept by value
(issue 14.3)."""

import numpy as np
import pytest

import algconv as ac
from algconv import config
from algconv.caches import BASES, TABLES, StructureCache
from algconv.fourier.bases import basis_of


@pytest.fixture
def cold():
    TABLES.clear()
    BASES.clear()
    yield
    TABLES.clear()
    BASES.clear()


def _floats(n, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal(n), rng.standard_normal(n)


@pytest.mark.parametrize("make", [lambda: ac.SymmetricGroup(5), lambda: ac.DihedralGroup(7),
                                  lambda: ac.AlternatingGroup(5),
                                  lambda: ac.product(ac.SymmetricGroup(3), ac.Cyclic(4))])
def test_equal_structures_pick_the_same_engine_whatever_is_cached(cold, make):
    G = make()
    a, b = _floats(G.order)
    before = str(ac.choose_method(a, b, over=G))
    for method in ("table", "fourier", "direct"):  # build every cache, on G itself
        try:
            ac.convolve(a, b, over=G, method=method)
        except ac.MethodNotApplicable:
            pass
    assert make() in TABLES
    # the choice, the costs and the notes: nothing moved, on G or on an equal instance
    assert str(ac.choose_method(a, b, over=G)) == before
    assert str(ac.choose_method(a, b, over=make())) == before


def test_repeated_float_convolutions_on_s5_build_and_keep_the_table(cold):
    # the engine whose warm time is 30x below the fourier engine's on S_5 (issue 14)
    G = ac.SymmetricGroup(5)
    a, b = _floats(G.order, 1)
    assert ac.choose_method(a, b, over=G).method == "table"
    h = ac.convolve(a, b, over=G)
    assert G in TABLES
    els, inv = G.elements(), G.inverse_indices()
    brute = [sum(a[i] * b[G.index(G.op(els[inv[i]], c))] for i in range(G.order))
             for c in els]
    np.testing.assert_allclose(h, brute, rtol=1e-12, atol=1e-12)


def test_equal_structures_share_one_table_and_one_basis(cold):
    assert ac.SymmetricGroup(4).cayley_table() is ac.SymmetricGroup(4).cayley_table()
    assert basis_of(ac.DihedralGroup(5)) is basis_of(ac.DihedralGroup(5))
    assert ac.Cyclic(4).cayley_table() is not ac.Cyclic(5).cayley_table()
    table = ac.Cyclic(5).cayley_table()
    assert not table.flags.writeable
    assert table.tolist() == [[(i + j) % 5 for j in range(5)] for i in range(5)]


def test_a_table_group_keeps_its_own_table(cold):
    G = ac.FiniteGroup.from_cayley_table([[0, 1, 2], [1, 2, 0], [2, 0, 1]])
    assert G.cayley_table() is G.own_table
    assert G not in TABLES


def test_the_cache_keeps_its_share_of_the_memory_limit_least_recent_out():
    cache = StructureCache("test", share=0.5)
    built = []

    def build(v):
        return lambda: built.append(v) or v

    with config.limit_memory(100):  # 50 bytes to share
        assert cache.get("a", build("A"), lambda v: 20) == "A"
        assert cache.get("b", build("B"), lambda v: 20) == "B"
        assert cache.get("a", build("A2"), lambda v: 20) == "A"  # kept: not rebuilt
        assert cache.get("c", build("C"), lambda v: 20) == "C"  # 60 > 50: "b" goes
        assert ("a" in cache, "b" in cache, "c" in cache) == (True, False, True)
        assert cache.get("big", build("BIG"), lambda v: 60) == "BIG"  # built, never kept
        assert "big" not in cache and cache.nbytes == 40
    assert built == ["A", "B", "C", "BIG"]


def test_caches_never_change_a_result(cold):
    G = ac.SymmetricGroup(4)
    a, b = _floats(G.order, 3)
    cold_result = ac.convolve(a, b, over=G)
    warm_result = ac.convolve(a, b, over=ac.SymmetricGroup(4))
    np.testing.assert_array_equal(cold_result, warm_result)
