"""Built-in structures: axioms by brute force, element orders, Cayley tables, sympy agreement."""

import itertools
import math

import numpy as np
import pytest
from sympy.combinatorics import Permutation
from sympy.combinatorics.named_groups import AlternatingGroup as SympyA
from sympy.combinatorics.named_groups import DihedralGroup as SympyD
from sympy.combinatorics.named_groups import SymmetricGroup as SympyS

import algconv as ac

FINITE = [
    ac.Cyclic(1), ac.Cyclic(6), ac.BooleanGroup(3), ac.SubsetMonoid(3),
    ac.SymmetricGroup(1), ac.SymmetricGroup(3), ac.SymmetricGroup(4),
    ac.AlternatingGroup(4), ac.DihedralGroup(1), ac.DihedralGroup(2), ac.DihedralGroup(5),
    ac.product(ac.Cyclic(2), ac.Cyclic(3)), ac.product(ac.Cyclic(2), ac.SymmetricGroup(3)),
    ac.product(ac.SubsetMonoid(1), ac.Cyclic(3)),
]


@pytest.mark.parametrize("M", FINITE, ids=repr)
def test_finite_axioms_by_brute_force(M):
    els = M.elements()
    assert len(els) == M.order == len(set(els))
    e = M.identity
    assert all(M.op(e, x) == x == M.op(x, e) for x in els)
    for a, b, c in itertools.product(els[:8], repeat=3):
        assert M.op(M.op(a, b), c) == M.op(a, M.op(b, c))
    commutes = all(M.op(a, b) == M.op(b, a) for a in els for b in els)
    assert commutes == M.is_commutative
    if isinstance(M, ac.Group):
        assert all(M.op(x, M.inverse(x)) == e == M.op(M.inverse(x), x) for x in els)


@pytest.mark.parametrize("M", FINITE, ids=repr)
def test_cayley_table_matches_op(M):
    els, table = M.elements(), M.cayley_table()
    assert table.shape == (M.order, M.order)
    for i, j in itertools.product(range(M.order), repeat=2):
        assert els[table[i, j]] == M.op(els[i], els[j])
    assert M.cayley_table() is table  # cached
    assert not table.flags.writeable
    assert [M.index(x) for x in els] == list(range(M.order))


def test_documented_element_orders():
    assert ac.Cyclic(4).elements() == (0, 1, 2, 3)
    assert ac.BooleanGroup(2).elements() == (0, 1, 2, 3)
    assert ac.product(ac.Cyclic(2), ac.Cyclic(2)).elements() == ((0, 0), (0, 1), (1, 0), (1, 1))
    s4 = ac.SymmetricGroup(4).elements()
    assert list(s4) == sorted(s4) == list(itertools.permutations(range(4)))


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_symmetric_group_composition_is_sympys(n):
    S = ac.SymmetricGroup(n)
    for a, b in itertools.islice(itertools.product(S.elements(), repeat=2), 0, None, 7):
        expected = tuple((Permutation(list(a)) * Permutation(list(b))).array_form)
        assert S.op(a, b) == expected
        assert S.inverse(a) == tuple((~Permutation(list(a))).array_form)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 6])
def test_dihedral_and_alternating_match_sympy(n):
    assert ac.DihedralGroup(n).elements() == tuple(
        sorted(tuple(p.array_form) for p in SympyD(n).generate()))
    assert ac.DihedralGroup(n).order == 2 * n
    if n >= 3:  # sympy's A_1 and A_2 act on one point; ours act on n points
        assert ac.AlternatingGroup(n).elements() == tuple(
            sorted(tuple(p.array_form) for p in SympyA(n).generate()))
    else:
        assert ac.AlternatingGroup(n).elements() == (tuple(range(n)),)


def test_from_sympy_matches_builtin():
    G = ac.FiniteGroup.from_sympy(SympyS(4))
    S = ac.SymmetricGroup(4)
    assert G.elements() == S.elements()
    assert (G.cayley_table() == S.cayley_table()).all()
    assert G.contains((1, 0, 3, 2)) and not G.contains((0, 0, 1, 2))
    assert G == ac.FiniteGroup.from_sympy(SympyS(4))


def test_orders_need_no_enumeration():
    assert ac.SymmetricGroup(20).order == math.factorial(20)
    assert ac.AlternatingGroup(30).order == math.factorial(30) // 2
    assert ac.SymmetricGroup(12).index((11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)) == math.factorial(12) - 1
    assert ac.product(ac.Cyclic(10**6), ac.Cyclic(10**6)).order == 10**12


def test_equality_hash_and_repr():
    assert ac.Cyclic(6) == ac.Cyclic(6) and ac.Cyclic(6) != ac.Cyclic(7)
    assert len({ac.Cyclic(6), ac.Cyclic(6), ac.BooleanGroup(3)}) == 2
    assert ac.Integers() != ac.Lattice(1) and ac.Lattice(2) == ac.Lattice(2)
    assert ac.product(ac.Cyclic(2), ac.Cyclic(3)) == ac.product(ac.Cyclic(2), ac.Cyclic(3))
    for M in [ac.Cyclic(6), ac.Lattice(2), ac.Integers(), ac.SymmetricGroup(3),
              ac.FreeMonoid("ab"), ac.product(ac.Cyclic(2), ac.Integers())]:
        assert eval(repr(M), {**vars(ac)}) == M


@pytest.mark.parametrize("M, yes, no", [
    (ac.Integers(), [0, -5, np.int64(3), 10**30], [1.5, "3", True, 1.0, None, (1,)]),
    (ac.Lattice(2), [(1, 2), (np.int32(1), -4)], [(1,), (1, 2, 3), [1, 2], (1.0, 2), (True, 1)]),
    (ac.Naturals(), [0, 7], [-1, 0.0, False]),
    (ac.Multiplicative(), [1, 12], [0, -3, 2.0]),
    (ac.Cyclic(4), [0, 3], [4, -1, 1.0, "1"]),
    (ac.BooleanGroup(2), [0, 3], [4, True]),
    (ac.SymmetricGroup(3), [(0, 1, 2), (2, 1, 0)], [(0, 1), (0, 0, 1), [0, 1, 2], (0.0, 1, 2)]),
    (ac.AlternatingGroup(3), [(1, 2, 0)], [(1, 0, 2)]),
    (ac.FreeMonoid("ab"), ["", "abba"], ["abc", 1, None]),
    (ac.Reals(), [0, 1.5, np.float64(2)], [float("inf"), float("nan"), 1j, "1", True]),
    (ac.product(ac.Cyclic(2), ac.Integers()), [(1, -7)], [(2, 0), (1,), 1]),
])
def test_contains_is_strict(M, yes, no):
    assert all(M.contains(x) for x in yes)
    assert not any(M.contains(x) for x in no)
    for x in no:
        with pytest.raises(ac.NotInStructure, match=r"Got element=.*not an element of"):
            M.check(x)


def test_infinite_structures_refuse_finite_api():
    for what in ("elements", "cayley_table"):
        with pytest.raises(ac.InvalidArgument, match="needs a finite structure"):
            getattr(ac.Integers(), what)()
    with pytest.raises(ac.InvalidArgument, match="needs a finite structure"):
        ac.FreeMonoid("a").order


def test_free_monoid_on_one_letter_is_commutative():
    assert ac.FreeMonoid("a").is_commutative and not ac.FreeMonoid("ab").is_commutative


def test_lattice_and_product_ops():
    assert ac.Lattice(3).op((1, 2, 3), (1, 1, 1)) == (2, 3, 4)
    P = ac.product(ac.Cyclic(3), ac.FreeMonoid("xy"))
    assert P.op((2, "x"), (2, "y")) == (1, "xy") and not isinstance(P, ac.Group)
    assert isinstance(ac.product(ac.Integers(), ac.Cyclic(2)), ac.Group)


@pytest.mark.parametrize("n", [15, 16, 20])
def test_cayley_tables_of_large_degree_permutation_groups(n):
    D = ac.DihedralGroup(n)  # degree n: base-n codes overflow int64 past n = 15
    els, table = D.elements(), D.cayley_table()
    for i in range(0, D.order, 3):
        for j in range(0, D.order, 5):
            assert els[table[i, j]] == D.op(els[i], els[j])
