"""Tests of algconv.strategies: membership, shapes of drawn Functions, structures, shrinking."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from sympy.combinatorics.named_groups import SymmetricGroup as SympySymmetric

import algconv as ac
from algconv import strategies
from algconv.structures import compose

SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

STRUCTURES = [
    ac.Integers(), ac.Lattice(3), ac.Naturals(), ac.Multiplicative(), ac.Reals(),
    ac.Cyclic(7), ac.BooleanGroup(4), ac.SubsetMonoid(3), ac.SymmetricGroup(5),
    ac.SymmetricGroup(30), ac.AlternatingGroup(5), ac.AlternatingGroup(12),
    ac.DihedralGroup(1), ac.DihedralGroup(7), ac.DihedralGroup(1000),
    ac.product(ac.Cyclic(2), ac.SymmetricGroup(3)), ac.product(ac.Integers(), ac.Naturals()),
    ac.FreeMonoid("xyz"),
    ac.FiniteGroup.from_cayley_table([[0, 1], [1, 0]], labels=["+", "-"]),
    ac.FiniteGroup.from_generators([(1, 2, 0)], compose),
    ac.FiniteGroup.from_sympy(SympySymmetric(8)),
    ac.Monoid.from_operation(max, 0, elements=range(4), commutative=True),
]


@pytest.mark.parametrize("M", STRUCTURES, ids=repr)
@SETTINGS
@given(data=st.data())
def test_elements_are_members(M, data):
    x = data.draw(strategies.elements(M))
    assert M.contains(x)
    assert M.contains(M.op(x, x))


@pytest.mark.parametrize("M", STRUCTURES, ids=repr)
@SETTINGS
@given(data=st.data())
def test_functions_have_bounded_small_support(M, data):
    f = data.draw(strategies.functions(M, max_support=3))
    assert f.over == M and len(f.support) <= 3
    assert all(type(v) is int and -5 <= v <= 5 and v != 0 for v in f.to_dict().values())


@pytest.mark.parametrize("M", [ac.Integers(), ac.Lattice(2), ac.Naturals(), ac.Multiplicative(),
                               ac.Cyclic(5), ac.SymmetricGroup(3)], ids=repr)
@SETTINGS
@given(data=st.data())
def test_dense_functions_are_arrays(M, data):
    f = data.draw(strategies.functions(M, max_support=3, dense=True))
    assert f.is_dense and f.over == M
    if M.is_finite:
        assert f.to_array().shape == (M.order,)
    else:
        assert all(1 <= s <= 3 for s in f.to_array().shape)
        assert all(M.contains(x) for x in f.support)


@pytest.mark.parametrize("kind, check", [
    ("int", lambda v: type(v) is int),
    ("rational", lambda v: isinstance(v, Fraction)),
    ("float", lambda v: isinstance(v, float) and np.isfinite(v)),
    ("complex", lambda v: isinstance(v, complex)),
    ("sympy", lambda v: isinstance(v, sympy.Expr)),
])
@SETTINGS
@given(data=st.data())
def test_value_kinds(kind, check, data):
    assert check(data.draw(strategies.values(kind)))
    f = data.draw(strategies.functions(ac.Cyclic(3), strategies.values(kind)))
    assert all(check(v) or v == 0 for v in f.to_dict().values())


def _is_group_table(table):
    """Independent brute force: closure, associativity, identity, inverses."""
    n = len(table)
    r = range(n)
    if any(not 0 <= table[a][b] < n for a in r for b in r):
        return False
    if any(table[table[a][b]][c] != table[a][table[b][c]] for a in r for b in r for c in r):
        return False
    units = [e for e in r if all(table[e][x] == x == table[x][e] for x in r)]
    return bool(units) and all(any(table[a][b] == units[0] for b in r) for a in r)


@settings(max_examples=40, deadline=None)
@given(strategies.finite_groups(max_order=12))
def test_finite_groups_are_groups(G):
    assert isinstance(G, ac.FiniteGroup) and 1 <= G.order <= 12
    assert _is_group_table(G.cayley_table().tolist())
    els = G.elements()
    assert G.is_commutative == all(G.op(a, b) == G.op(b, a) for a in els for b in els)


@settings(max_examples=40, deadline=None)
@given(strategies.finite_monoids(max_order=27))
def test_finite_monoids_are_monoids(M):
    assert M.is_finite and M.order <= 27
    els = M.elements()
    e = M.identity
    assert all(M.op(e, x) == x == M.op(x, e) for x in els)
    t = M.cayley_table()
    n = len(t)
    assert all(t[t[a, b], c] == t[a, t[b, c]]
               for a, b, c in itertools.product(range(n), repeat=3))


def test_finite_groups_include_relabelled_tables_and_every_family():
    relabelled = find(strategies.finite_groups(),
                      lambda G: type(G).__name__ == "CayleyTableGroup" and G.order >= 6)
    assert relabelled.order == 6
    for cls in (ac.SymmetricGroup, ac.AlternatingGroup, ac.DihedralGroup, ac.BooleanGroup):
        G = find(strategies.finite_groups(), lambda G, cls=cls: type(G) is cls and G.order > 2)
        assert type(G) is cls and G.order <= 24
    P = find(strategies.finite_groups(), lambda G: isinstance(G, ac.structures.Product))
    assert P.order <= 24


def test_relabelling_really_permutes():
    S3 = ac.SymmetricGroup(3)
    perm = [3, 1, 5, 0, 2, 4]
    G = strategies._relabelled(S3, perm)
    assert G.identity == perm[S3.index(S3.identity)]
    T = S3.cayley_table()
    for i, j in itertools.product(range(6), repeat=2):
        assert G.op(perm[i], perm[j]) == perm[T[i, j]]


def test_shrinking_gives_readable_examples():
    assert find(strategies.elements(ac.Integers()), lambda x: x > 10) == 11
    assert find(strategies.elements(ac.FreeMonoid("ab")), lambda w: "b" in w) == "b"
    assert find(strategies.elements(ac.Lattice(2)), lambda p: p[1] > 0) == (0, 1)
    assert find(strategies.elements(ac.SymmetricGroup(6)), lambda p: True) == tuple(range(6))
    f = find(strategies.functions(ac.Cyclic(5)), lambda f: len(f.support) >= 1)
    assert f == ac.delta(over=ac.Cyclic(5))
    assert find(strategies.finite_groups(), lambda G: True) == ac.Cyclic(1)
    assert find(strategies.finite_groups(), lambda G: not G.is_commutative) == ac.SymmetricGroup(3)


def test_alternating_and_dihedral_draws_without_enumeration():
    A = ac.AlternatingGroup(15)
    p = find(strategies.elements(A), lambda p: p[0] == 14)
    assert A.contains(p)
    D = ac.DihedralGroup(500)
    assert D.contains(find(strategies.elements(D), lambda p: p[1] == 0))


def test_hook_wins_and_is_checked():
    M = ac.Monoid.from_operation(lambda a, b: a + b, 0, contains=lambda x: type(x) is int)
    with pytest.raises(ac.InvalidArgument, match="hypothesis_elements"):
        strategies.elements(M)
    M.hypothesis_elements = lambda: st.just(42)
    assert find(strategies.elements(M), lambda x: True) == 42
    M.hypothesis_elements = lambda: [1, 2]
    with pytest.raises(ac.InvalidArgument, match="expected a hypothesis strategy"):
        strategies.elements(M)


BAD = [
    (lambda: strategies.elements("Z"), ac.InvalidType),
    (lambda: strategies.functions(ac.Cyclic(3), values=[1, 2]), ac.InvalidType),
    (lambda: strategies.functions(ac.Cyclic(3), max_support=-1), ac.InvalidArgument),
    (lambda: strategies.functions(ac.Cyclic(3), max_support=1, min_support=2),
     ac.InvalidArgument),
    (lambda: strategies.values("quaternion"), ac.InvalidArgument),
    (lambda: strategies.finite_groups(max_order=0), ac.InvalidArgument),
    (lambda: strategies.finite_monoids(max_order="9"), ac.InvalidType),
]


@pytest.mark.parametrize("call, error", BAD)
def test_bad_arguments(call, error):
    with pytest.raises(error, match="Got "):
        call()


def test_dense_on_a_structure_without_dense_layout():
    with pytest.raises(ac.InvalidArgument, match="dense=True"):
        find(strategies.functions(ac.FreeMonoid("a"), dense=True), lambda f: True)
