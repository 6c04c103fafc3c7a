"""Tests of algconv.graphs: Cayley graphs, diameter, girth, generation."""

from collections import deque

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv import graphs, strategies


@pytest.mark.parametrize("n", range(2, 10))
def test_cyclic_with_generator_one_is_a_directed_cycle(n):
    g = graphs.cayley_graph(ac.Cyclic(n), [1])
    assert sorted(g.edges()) == sorted((x, (x + 1) % n) for x in range(n))
    assert nx.is_isomorphic(g, nx.cycle_graph(n, create_using=nx.DiGraph))
    assert graphs.diameter(g) == n - 1 and graphs.girth(g) == n


def test_cyclic_of_order_one_is_a_self_loop():
    g = graphs.cayley_graph(ac.Cyclic(1), [0])
    assert list(g.edges(data="generator")) == [(0, 0, 0)]
    assert graphs.girth(g) == 1 and graphs.diameter(g) == 0


def test_s3_with_two_generators():
    S3 = ac.SymmetricGroup(3)
    gens = [(1, 0, 2), (1, 2, 0)]
    g = graphs.cayley_graph(S3, gens)
    assert g.number_of_nodes() == 6 and g.number_of_edges() == 12
    assert nx.is_strongly_connected(g) and graphs.generates(g)
    for x, y, s in g.edges(data="generator"):
        assert y == S3.op(x, s) and s in gens
    assert graphs.girth(g) == 2  # the transposition has order 2
    assert graphs.diameter(g) == _word_diameter(S3, gens)


def _word_diameter(G, gens):
    """Independent truth: the longest shortest word, by breadth-first search over words."""
    dist = {G.identity: 0}
    queue = deque([G.identity])
    while queue:
        x = queue.popleft()
        for s in gens:
            y = G.op(x, s)
            if y not in dist:
                dist[y] = dist[x] + 1
                queue.append(y)
    assert len(dist) == G.order
    return max(dist.values())


def _shortest_relation(G, gens):
    """Independent truth: the shortest non-empty word in gens equal to the identity."""
    frontier, length = set(gens), 1
    while G.identity not in frontier:
        frontier = {G.op(x, s) for x in frontier for s in gens}
        length += 1
    return length


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_graph_facts_match_word_counts(data):
    G = data.draw(strategies.finite_groups(max_order=24))
    gens = data.draw(st.lists(strategies.elements(G), min_size=1, max_size=3, unique=True))
    g = graphs.cayley_graph(G, gens)
    assert g.number_of_nodes() == G.order
    assert g.number_of_edges() == G.order * len(gens)  # distinct generators, distinct edges
    assert graphs.girth(g) == _shortest_relation(G, gens)
    if graphs.generates(g):
        assert graphs.diameter(g) == _word_diameter(G, gens)
    else:
        with pytest.raises(ac.InvalidArgument, match="not strongly connected"):
            graphs.diameter(g)


def test_all_elements_as_generators_give_the_complete_digraph():
    G = ac.DihedralGroup(4)
    g = graphs.cayley_graph(G, G.elements())
    assert g.number_of_edges() == G.order**2 and graphs.diameter(g) == 1


def test_monoid_cayley_graph_need_not_be_strongly_connected():
    g = graphs.cayley_graph(ac.SubsetMonoid(2), [1, 2])
    assert not graphs.generates(g)
    assert graphs.girth(g) == 1  # 1 | 1 == 1: a self-loop


def test_generators_that_do_not_generate():
    g = graphs.cayley_graph(ac.Cyclic(6), [2])
    assert not graphs.generates(g)
    assert graphs.girth(g) == 3
    assert nx.number_strongly_connected_components(g) == 2


BAD = [
    (lambda: graphs.cayley_graph(ac.Integers(), [1]), ac.InvalidArgument, "finite"),
    (lambda: graphs.cayley_graph(ac.Cyclic(3), []), ac.InvalidArgument, "at least one"),
    (lambda: graphs.cayley_graph(ac.Cyclic(3), [5]), ac.NotInStructure, "generator=5"),
    (lambda: graphs.cayley_graph(ac.Cyclic(3), 1), ac.InvalidType, "iterable"),
    (lambda: graphs.cayley_graph("C3", [1]), ac.InvalidType, "G='C3'"),
    (lambda: graphs.diameter(nx.Graph()), ac.InvalidType, "DiGraph"),
]


@pytest.mark.parametrize("call, error, match", BAD)
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_monoid_keeps_parallel_edges():
    M = ac.SubsetMonoid(2)
    graph = ac.graphs.cayley_graph(M, [1, 2])
    expected = sorted((x, x | s, s) for x in range(4) for s in (1, 2))
    assert sorted(graph.edges(keys=True)) == expected and len(expected) == 8
    assert all(data["generator"] == k for _, _, k, data in graph.edges(keys=True, data=True))
    assert isinstance(graph, nx.DiGraph)


def test_group_graph_stays_a_simple_digraph():
    graph = ac.graphs.cayley_graph(ac.Cyclic(4), [1, 3])
    assert not graph.is_multigraph() and graph.number_of_edges() == 8
