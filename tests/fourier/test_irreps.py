"""Irreducible representations: Plancherel, character orthogonality, homomorphism, tables."""

from __future__ import annotations

import numpy as np
import pytest
from sympy.combinatorics import Permutation

import algconv as ac
from algconv.errors import AlgconvError
from algconv.fourier import numeric

from .groups import acceptance, more

GROUPS = {**acceptance(), **more()}


def characters(G, reps):
    return np.array([[np.trace(r(g)) for g in G.elements()] for r in reps])


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_plancherel_and_character_orthogonality(name):
    G = GROUPS[name]
    reps = ac.fourier.irreps(G)
    assert sum(r.dimension**2 for r in reps) == G.order
    chi = characters(G, reps)
    gram = chi @ chi.conj().T / G.order
    np.testing.assert_allclose(gram, np.eye(len(reps)), atol=1e-10)


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_homomorphism_and_unitarity(name):
    G = GROUPS[name]
    els = G.elements()
    rng = np.random.default_rng(7)
    for r in ac.fourier.irreps(G):
        for _ in range(12):
            a, b = els[rng.integers(len(els))], els[rng.integers(len(els))]
            np.testing.assert_allclose(r(a) @ r(b), r(G.op(a, b)), atol=1e-10)
            m = r(a)
            np.testing.assert_allclose(m @ m.conj().T, np.eye(r.dimension), atol=1e-10)
        np.testing.assert_allclose(r(G.identity), np.eye(r.dimension), atol=1e-12)
        assert r(a).shape == (r.dimension, r.dimension)
        assert r.real == (not np.iscomplexobj(r(a)))


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_as_many_irreps_as_conjugacy_classes(name):
    G = GROUPS[name]
    els = G.elements()
    seen, classes = set(), 0
    for x in els:
        if x not in seen:
            classes += 1
            seen |= {G.op(G.op(G.inverse(g), x), g) for g in els}
    assert len(ac.fourier.irreps(G)) == classes


def test_symmetric_group_character_table_matches_the_published_one():
    # S_4, classes e, (01), (01)(23), (012), (0123): the textbook table
    S4 = ac.SymmetricGroup(4)
    reps = {r.name: r for r in ac.fourier.irreps(S4)}
    classes = [(0, 1, 2, 3), (1, 0, 2, 3), (1, 0, 3, 2), (1, 2, 0, 3), (1, 2, 3, 0)]
    table = {
        "(4,)": [1, 1, 1, 1, 1],
        "(3, 1)": [3, 1, -1, 0, -1],
        "(2, 2)": [2, 0, 2, -1, 0],
        "(2, 1, 1)": [3, -1, -1, 0, 1],
        "(1, 1, 1, 1)": [1, -1, 1, 1, -1],
    }
    assert list(reps) == list(table)
    for name, row in table.items():
        assert [round(reps[name].character(c), 10) for c in classes] == row


def test_symmetric_group_standard_characters_on_s5():
    S5 = ac.SymmetricGroup(5)
    reps = {r.name: r for r in ac.fourier.irreps(S5)}
    for g in S5.elements()[::7]:
        fixed = sum(i == v for i, v in enumerate(g))
        sign = Permutation(list(g)).signature()
        assert reps["(4, 1)"].character(g) == pytest.approx(fixed - 1, abs=1e-10)
        assert reps["(1, 1, 1, 1, 1)"].character(g) == pytest.approx(sign, abs=1e-10)
        assert reps["(5,)"].character(g) == pytest.approx(1)


def test_young_orthogonal_form_is_real_orthogonal_and_symmetric_on_transpositions():
    S5 = ac.SymmetricGroup(5)
    s2 = (0, 1, 3, 2, 4)
    for r in ac.fourier.irreps(S5):
        m = r(s2)
        assert m.dtype == np.float64
        np.testing.assert_allclose(m, m.T, atol=1e-14)
        np.testing.assert_allclose(m @ m, np.eye(r.dimension), atol=1e-12)


def test_alternating_group_splits_self_conjugate_partitions():
    names = [r.name for r in ac.fourier.irreps(ac.AlternatingGroup(4))]
    assert names == ["(4,)", "(3, 1)", "(2, 2)+", "(2, 2)-"]
    A5 = [(r.name, r.dimension) for r in ac.fourier.irreps(ac.AlternatingGroup(5))]
    assert A5 == [("(5,)", 1), ("(4, 1)", 4), ("(3, 2)", 5), ("(3, 1, 1)+", 3),
                  ("(3, 1, 1)-", 3)]


def test_dihedral_degrees_and_group_of_order_21():
    assert [r.dimension for r in ac.fourier.irreps(ac.DihedralGroup(6))] == [1, 1, 1, 1, 2, 2]
    assert [r.dimension for r in ac.fourier.irreps(ac.DihedralGroup(5))] == [1, 1, 2, 2]
    assert [r.dimension for r in ac.fourier.irreps(acceptance()["order21"])] == [1, 1, 1, 3, 3]


def test_cyclic_characters_are_roots_of_unity():
    r = ac.fourier.irreps(ac.Cyclic(6))[1]
    assert r.name == "k=1"
    assert r.character(1) == pytest.approx(np.exp(2j * np.pi / 6))


def test_representation_rejects_non_elements_and_irreps_rejects_non_groups():
    r = ac.fourier.irreps(ac.SymmetricGroup(3))[1]
    with pytest.raises(ac.NotInStructure, match="not an element"):
        r((0, 0, 1))
    with pytest.raises(ac.InvalidArgument, match="finite group"):
        ac.fourier.irreps(ac.Integers())
    with pytest.raises(ac.InvalidArgument, match="finite group"):
        ac.fourier.irreps(ac.SubsetMonoid(2))
    with pytest.raises(ac.InvalidType, match="structure object"):
        ac.fourier.irreps("S3")


def test_numeric_validation_failure_raises_algconv_error():
    G = acceptance()["order21"]
    rng = np.random.default_rng(0)
    good = np.array([ac.fourier.irreps(G)[3](g) for g in G.elements()])
    chi = np.einsum("gii->g", good)
    numeric._validate(G, good, chi, rng)  # the real matrices pass
    bad = good.copy()
    bad[5] = bad[5] @ bad[5]
    with pytest.raises(AlgconvError, match="failed validation"):
        numeric._validate(G, bad, np.einsum("gii->g", bad), rng)
    with pytest.raises(AlgconvError, match="trace differs"):
        numeric._validate(G, good, chi + 0.1, rng)


def test_huge_symmetric_groups_are_refused_before_any_work():
    with pytest.raises(ac.InvalidArgument, match="Young tableaux"):
        ac.fourier.irreps(ac.SymmetricGroup(20))
    with pytest.raises(ac.InvalidArgument, match="Young tableaux"):
        ac.fourier.irreps(ac.AlternatingGroup(18))
