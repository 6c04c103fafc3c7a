"""The Cayley-table engine: brute-force agreement, chunking and the memory guard."""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.engines import table as table_module
from algconv.engines.table import chunk_rows, table_convolve

STRUCTURES = [
    ac.Cyclic(7),
    ac.BooleanGroup(3),
    ac.SubsetMonoid(3),
    ac.SymmetricGroup(3),
    ac.SymmetricGroup(4),
    ac.DihedralGroup(5),
    ac.AlternatingGroup(4),
    ac.product(ac.Cyclic(2), ac.Cyclic(3)),
    ac.Monoid.from_operation(max, 0, elements=range(5), commutative=True, name="max5"),
]


def brute(over, a, b):
    """The defining sum over pairs, by the structure's own operation."""
    els = over.elements()
    h = [0] * over.order
    for x, fx in zip(els, a):
        for y, gy in zip(els, b):
            h[over.index(over.op(x, y))] += fx * gy
    return h


@pytest.mark.parametrize("over", STRUCTURES, ids=repr)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_against_brute_force(over, data):
    values = st.lists(st.integers(-(2**62), 2**62) | st.just(0), min_size=over.order,
                      max_size=over.order)
    a, b = data.draw(values), data.draw(values)
    out = table_convolve(over, np.array(a, dtype=object), np.array(b, dtype=object))
    assert [int(v) for v in out] == brute(over, a, b)
    small_a = np.array([v % 7 - 3 for v in a])
    small_b = np.array([v % 5 - 2 for v in b])
    fast = table_convolve(over, small_a, small_b)
    assert fast.dtype == np.int64 and fast.tolist() == brute(over, small_a.tolist(),
                                                              small_b.tolist())


@pytest.mark.parametrize("over", STRUCTURES, ids=repr)
def test_engine_agrees_with_direct_on_functions(over):
    rng = np.random.default_rng(5)
    f = ac.Function.from_array([Fraction(int(v), 3) for v in rng.integers(-5, 5, over.order)],
                               over=over)
    g = ac.Function({over.elements()[1]: 2, over.identity: Fraction(1, 2)}, over=over)
    for x, y in ((f, g), (g, f), (f, f)):
        assert ac.convolve(x, y, method="table") == ac.convolve(x, y, method="direct")


def test_sparse_second_operand_uses_columns():
    G = ac.SymmetricGroup(4)
    rng = np.random.default_rng(6)
    a = rng.normal(size=24)
    b = np.zeros(24)
    b[[3, 17]] = [1.5, -2.0]
    np.testing.assert_allclose(table_convolve(G, a, b), brute(G, a.tolist(), b.tolist()))


def test_chunks_give_the_same_result(monkeypatch):
    G = ac.SymmetricGroup(4)
    M = ac.SubsetMonoid(4)
    rng = np.random.default_rng(7)
    a, b = rng.integers(-9, 9, 24), rng.integers(-9, 9, 24)
    whole = table_convolve(G, a, b)
    whole_monoid = table_convolve(M, a[:16], b[:16])
    monkeypatch.setattr(table_module, "CHUNK_BYTES", 24 * 16 * 3)
    assert chunk_rows(24, 8) == 3
    assert table_convolve(G, a, b).tolist() == whole.tolist()
    assert table_convolve(G, a, np.where(np.arange(24) < 2, b, 0)).tolist() == brute(
        G, a.tolist(), np.where(np.arange(24) < 2, b, 0).tolist())
    assert table_convolve(M, a[:16], b[:16]).tolist() == whole_monoid.tolist()


def test_chunk_follows_memory_limit():
    with ac.config.limit_memory(4 * 720 * 16 * 10):
        assert chunk_rows(720, 8) == 10


def test_memory_guard_refuses_forced_table_with_the_estimate():
    G = ac.SymmetricGroup(5)
    f = ac.Function.from_array(np.arange(120), over=G)
    with ac.config.limit_memory(10_000):
        with pytest.raises(ac.InvalidArgument,
                           match=r"method='table' .* would need about .*KiB, more than "
                                 r"algconv.config.memory_limit=9.8 KiB"):
            ac.convolve(f, f, method="table")


def test_memory_guard_sends_auto_to_an_engine_that_fits():
    G = ac.SymmetricGroup(8)  # a 40320 x 40320 table needs 12 GiB
    f = ac.delta((1, 0, 2, 3, 4, 5, 6, 7), over=G) + ac.delta(over=G)
    choice = ac.choose_method(f, f)
    assert choice.method == "direct"
    assert re.search(r"table +not applicable +it would need about 12\.2 GiB", str(choice))
    assert (f * f)(G.identity) == 2


def test_s6_dense_product_matches_direct():
    G = ac.SymmetricGroup(6)
    rng = np.random.default_rng(8)
    f = ac.Function.from_array(rng.integers(-100, 100, 720), over=G)
    g = ac.Function.from_array(rng.integers(-100, 100, 720), over=G)
    assert ac.choose_method(f, g).method == "table"
    assert f * g == ac.convolve(f, g, method="direct")


def test_fractions_go_through_common_denominators():
    G = ac.SymmetricGroup(4)
    rng = np.random.default_rng(9)
    a = [Fraction(int(v), int(d)) for v, d in zip(rng.integers(-9, 9, 24),
                                                   rng.integers(1, 2**40, 24))]
    b = [Fraction(1, 24)] * 24
    out = table_convolve(G, np.array(a, dtype=object), np.array(b, dtype=object))
    assert all(isinstance(v, Fraction) for v in out)
    assert out.tolist() == brute(G, a, b)
