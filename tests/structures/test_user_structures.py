"""User structures: from_operation, validated Cayley tables, generated groups."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac

Z3 = [[0, 1, 2], [1, 2, 0], [2, 0, 1]]


def test_from_operation_kinds():
    M = ac.Monoid.from_operation(lambda a, b: a + b, "")
    assert not M.is_finite and not isinstance(M, ac.Group) and M.op("a", "b") == "ab"
    G = ac.Monoid.from_operation(lambda a, b: (a + b) % 5, 0, elements=range(5),
                                 inverse=lambda a: -a % 5, commutative=True)
    assert isinstance(G, ac.FiniteGroup) and G.order == 5 and G.is_commutative
    assert G.cayley_table()[2, 4] == 1
    I = ac.Monoid.from_operation(lambda a, b: a + b, 0, inverse=lambda a: -a,
                                 contains=lambda x: isinstance(x, int))
    assert isinstance(I, ac.Group) and I.contains(3) and not I.contains("3")


def test_from_operation_equal_by_value():
    op = max
    assert ac.Monoid.from_operation(op, 0, elements=range(3)) == ac.Monoid.from_operation(
        op, 0, elements=range(3))


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(op=5, identity=0), ac.InvalidType, "op=5"),
    (dict(op=max, identity=[]), ac.InvalidType, "identity=.*hashable"),
    (dict(op=max, identity=9, elements=range(3)), ac.InvalidArgument, "identity=9"),
    (dict(op=max, identity=0, elements=[0, 0]), ac.InvalidArgument, "repeat"),
    (dict(op=max, identity=0, commutative="yes"), ac.InvalidType, "commutative='yes'"),
])
def test_from_operation_rejects(kwargs, error, match):
    with pytest.raises(error, match=match):
        ac.Monoid.from_operation(**kwargs)


def test_cayley_table_group_with_labels():
    G = ac.FiniteGroup.from_cayley_table(Z3, labels=["e", "r", "rr"])
    assert G.elements() == ("e", "r", "rr") and G.identity == "e"
    assert G.op("r", "rr") == "e" and G.inverse("r") == "rr" and G.is_commutative
    assert G == ac.FiniteGroup.from_cayley_table(Z3, labels=["e", "r", "rr"])
    assert G != ac.FiniteGroup.from_cayley_table(Z3)


def test_cayley_table_of_s3_is_non_commutative():
    S = ac.SymmetricGroup(3)
    G = ac.FiniteGroup.from_cayley_table(S.cayley_table(), labels=S.elements())
    assert not G.is_commutative and G.op((1, 0, 2), (0, 2, 1)) == S.op((1, 0, 2), (0, 2, 1))


def _non_associative_table():
    # a loop of order 5 (Latin square with identity 0) that is not associative
    return [[0, 1, 2, 3, 4], [1, 0, 3, 4, 2], [2, 4, 0, 1, 3], [3, 2, 4, 0, 1], [4, 3, 1, 2, 0]]


@pytest.mark.parametrize("table, law, match", [
    ([[0, 1], [1, 2]], "closure", r"closure fails: table\[1, 1\] = 2"),
    ([[0, 0], [0, 0]], "identity", "identity fails"),
    ([[0, 1], [1, 1]], "inverses", "element 1 has no inverse"),
    (_non_associative_table(), "associativity", r"associativity fails: .* for \(a, b, c\) = "),
])
def test_cayley_table_validation_names_the_failure(table, law, match):
    with pytest.raises(ac.InvalidStructure, match=match) as info:
        ac.FiniteGroup.from_cayley_table(table)
    assert info.value.law == law


def test_associativity_witness_is_a_real_failure():
    table = np.array(_non_associative_table())
    with pytest.raises(ac.InvalidStructure) as info:
        ac.FiniteGroup.from_cayley_table(table)
    a, b, c = info.value.witness
    assert table[table[a, b], c] != table[a, table[b, c]]


@pytest.mark.parametrize("table, error", [  # a table of the wrong shape is a bad structure
    ([[0.0, 1.0], [1.0, 0.0]], ac.InvalidType),
    ([[0, 1], [1]], ac.InvalidStructure),
    ([[0, 1, 2], [1, 2, 0]], ac.InvalidStructure),
    ([], ac.InvalidStructure),
])
def test_cayley_table_shape_and_type(table, error):
    with pytest.raises(error, match="table"):
        ac.FiniteGroup.from_cayley_table(table)


def test_cayley_table_bad_labels():
    with pytest.raises(ac.InvalidArgument, match="3 distinct labels"):
        ac.FiniteGroup.from_cayley_table(Z3, labels="aab")


def test_from_generators_closure_and_limits():
    S = ac.SymmetricGroup(4)
    G = ac.FiniteGroup.from_generators([(1, 2, 3, 0), (1, 0, 2, 3)], S.op)
    assert G.order == 24 and set(G.elements()) == set(S.elements())
    assert G.elements()[0] == G.identity == (0, 1, 2, 3)
    x = (2, 0, 3, 1)
    assert G.op(x, G.inverse(x)) == G.identity
    with pytest.raises(ac.InvalidArgument, match="max_order=10"):
        ac.FiniteGroup.from_generators([(1, 2, 3, 0), (1, 0, 2, 3)], S.op, max_order=10)
    with pytest.raises(ac.InvalidStructure, match="do not generate a group"):
        ac.FiniteGroup.from_generators([1], lambda a, b: min(a + b, 3))
    with pytest.raises(ac.InvalidArgument, match="at least one generator"):
        ac.FiniteGroup.from_generators([], S.op)
    with pytest.raises(ac.InvalidType, match="hashable"):
        ac.FiniteGroup.from_generators([(1, 0)], lambda a, b: [b[i] for i in a])


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.integers(1, 6).flatmap(
    lambda n: st.lists(st.lists(st.integers(0, n - 1), min_size=n, max_size=n),
                       min_size=n, max_size=n)))
def test_associativity_test_on_generators_agrees_with_all_triples(rows):
    # Light's test on a greedy generating set (algconv.structures.tables) against the
    # definition, (a.b).c == a.(b.c) for every triple, on arbitrary small magmas
    from algconv.structures.tables import _associativity_witness

    t = np.array(rows)
    n = len(t)
    failing = [(a, b, c) for a in range(n) for b in range(n) for c in range(n)
               if t[t[a, b], c] != t[a, t[b, c]]]
    witness = _associativity_witness(t)
    assert (witness is None) == (not failing)
    if witness is not None:
        assert witness in failing


@pytest.mark.parametrize("G", [ac.SymmetricGroup(4), ac.DihedralGroup(6), ac.Cyclic(7)],
                         ids=repr)
def test_associativity_test_accepts_group_tables(G):
    from algconv.structures.tables import _associativity_witness

    assert _associativity_witness(np.array(G.cayley_table())) is None
