"""Cayley graphs of finite groups and monoids, as networkx directed graphs.

The Cayley graph of ``G`` with generators ``S`` has an edge ``x -> op(x, s)`` for every
element ``x`` and generator ``s``, labelled ``generator=s``.  A random walk whose steps
are drawn from ``S`` (``ac.probability.random_walk``) walks along these edges, so the
graph's diameter bounds how many steps a walk needs to reach every element.

Examples
--------
>>> import algconv as ac
>>> g = ac.graphs.cayley_graph(ac.Cyclic(4), [1])
>>> sorted(g.edges(data="generator"))
[(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 1)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from . import config
from .errors import InvalidArgument, InvalidType
from .structures.base import Group, Monoid, check_structure
from .validation import describe

if TYPE_CHECKING:  # networkx is imported when a graph is built, keeping `import algconv` quick
    import networkx as nx

__all__ = ["cayley_graph", "diameter", "girth", "generates"]

#: networkx's memory per node and per labelled edge of a DiGraph (measured on the Cayley
#: graph of S_8 with 2 generators: 1.6 KB per node, by ``benchmarks/calibrate_costs.py
#: --memory``)
NODE_BYTES = 600
EDGE_BYTES = 500


def cayley_graph(G: Monoid, generators: Iterable) -> nx.DiGraph:
    """The Cayley graph of a finite structure: edges ``x -> op(x, s)`` labelled by ``s``.

    Parameters
    ----------
    G : Monoid
        A finite group or monoid.
    generators : iterable of elements
        The edge labels (repeats are ignored).

    Returns
    -------
    networkx.DiGraph
        Nodes are all of ``G.elements()`` (in that order); each edge has the attribute
        ``generator``.  For a group this is a ``DiGraph`` (``x.s == x.t`` forces ``s == t``,
        so no two edges share their ends).  For a monoid two generators may lead from ``x``
        to the same element, and both edges are kept: the graph is a
        ``networkx.MultiDiGraph`` (a ``DiGraph`` subclass) whose edge keys are the
        generators, so it has exactly ``order * len(generators)`` edges and a random walk
        along it takes each generator with its own weight.  Whether the generators generate
        ``G`` is :func:`generates`.

    Raises
    ------
    InvalidArgument
        If ``G`` is infinite, or ``generators`` is empty.
    NotInStructure
        If a generator is not an element of ``G``.

    Examples
    --------
    >>> import algconv as ac
    >>> g = ac.graphs.cayley_graph(ac.SymmetricGroup(3), [(1, 0, 2), (1, 2, 0)])
    >>> g.number_of_nodes(), g.number_of_edges()
    (6, 12)
    >>> g.edges[(0, 1, 2), (1, 2, 0)]["generator"]
    (1, 2, 0)
    >>> m = ac.graphs.cayley_graph(ac.SubsetMonoid(2), [1, 2])  # 3 | 1 == 3 | 2 == 3
    >>> type(m).__name__, m.number_of_edges(), sorted(m[3][3])
    ('MultiDiGraph', 8, [1, 2])
    """
    import networkx as nx

    G = check_structure(G, "G")
    if not G.is_finite:
        raise InvalidArgument(f"Got G={G!r}, but cayley_graph needs a finite structure")
    if isinstance(generators, (str, bytes)) and not G.contains(generators):
        raise InvalidType(f"Got generators={describe(generators)}, but expected an iterable "
                          "of elements")
    try:
        gens = list(dict.fromkeys(G.check(s, "generator") for s in generators))
    except TypeError as e:
        raise InvalidType(f"Got generators={describe(generators)}, but expected an iterable "
                          "of elements") from e
    if not gens:
        raise InvalidArgument("Got generators=[], but expected at least one generator")
    config.check_memory(G.order * (NODE_BYTES + EDGE_BYTES * len(gens)),
                        f"the Cayley graph of {G!r} with {len(gens)} generators")
    group = isinstance(G, Group)
    graph = (nx.DiGraph if group else nx.MultiDiGraph)(structure=G, generators=tuple(gens))
    graph.add_nodes_from(G.elements())
    for x in G.elements():
        for s in gens:
            if group:
                graph.add_edge(x, G.op(x, s), generator=s)
            else:
                graph.add_edge(x, G.op(x, s), key=s, generator=s)
    return graph


def _check_graph(graph: Any) -> nx.DiGraph:
    import networkx as nx

    if not isinstance(graph, nx.DiGraph):
        raise InvalidType(f"Got graph={describe(graph)}, but expected a networkx.DiGraph "
                          "such as cayley_graph(G, generators) returns")
    return graph


def generates(graph: nx.DiGraph) -> bool:
    """Whether every element is reachable from every other (the generators generate ``G``).

    For a finite group this is strong connectivity of the Cayley graph.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.graphs.generates(ac.graphs.cayley_graph(ac.Cyclic(6), [2]))
    False
    >>> ac.graphs.generates(ac.graphs.cayley_graph(ac.Cyclic(6), [2, 3]))
    True
    """
    import networkx as nx

    graph = _check_graph(graph)
    return graph.number_of_nodes() > 0 and nx.is_strongly_connected(graph)


def diameter(graph: nx.DiGraph) -> int:
    """The largest directed distance between two nodes (``networkx.diameter``).

    On a Cayley graph of a group: the longest word in the generators needed to reach an
    element, i.e. the fewest steps after which a walk could be anywhere.

    Raises
    ------
    InvalidArgument
        If the graph is not strongly connected (the generators do not generate).

    Examples
    --------
    >>> import algconv as ac
    >>> ac.graphs.diameter(ac.graphs.cayley_graph(ac.Cyclic(6), [1]))
    5
    >>> ac.graphs.diameter(ac.graphs.cayley_graph(ac.Cyclic(6), [1, 5]))
    3
    """
    import networkx as nx

    graph = _check_graph(graph)
    if not generates(graph):
        raise InvalidArgument("Got a graph that is not strongly connected, so its diameter is "
                              "infinite; do the generators generate the group?")
    return int(nx.diameter(graph))


def girth(graph: nx.DiGraph) -> int | None:
    """The length of the shortest directed cycle (``None`` if there is none).

    A self-loop (a generator equal to the identity) counts as a cycle of length 1, and an
    edge there and back (a generator of order 2) as length 2.  On a Cayley graph of a
    group this is the shortest non-empty word in the generators equal to the identity.
    Breadth-first search from every node, ``O(V E)``.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.graphs.girth(ac.graphs.cayley_graph(ac.Cyclic(5), [1]))
    5
    >>> ac.graphs.girth(ac.graphs.cayley_graph(ac.SymmetricGroup(3), [(1, 2, 0), (1, 0, 2)]))
    2
    """
    import networkx as nx

    graph = _check_graph(graph)
    best = None
    for v in graph:
        if graph.has_edge(v, v):
            return 1
        distances = nx.single_source_shortest_path_length(graph, v, cutoff=best)
        for u in graph.predecessors(v):
            if u in distances and (best is None or distances[u] + 1 < best):
                best = distances[u] + 1
    return best
