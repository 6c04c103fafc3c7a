"""transform / inverse_transform: definition, round trip, convolution theorem, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.engines.direct import pair_sum

from .groups import acceptance, more

GROUPS = {**acceptance(), **more()}


def random_function(G, rng, complex_values=False):
    values = rng.normal(size=G.order)
    if complex_values:
        values = values + 1j * rng.normal(size=G.order)
    return ac.Function.from_array(values, over=G)


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_transform_is_the_defining_sum(name):
    G = GROUPS[name]
    f = random_function(G, np.random.default_rng(1), complex_values=name == "A4")
    F = ac.fourier.transform(f)
    for r, block in zip(ac.fourier.irreps(G), F):
        expected = sum(f(g) * r(g) for g in G.elements())
        np.testing.assert_allclose(block, expected, atol=1e-10)


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_convolution_theorem_and_round_trip(name):
    G = GROUPS[name]
    rng = np.random.default_rng(2)
    f, g = random_function(G, rng), random_function(G, rng, complex_values=True)
    truth = ac.Function(pair_sum(f, g), over=G)  # the a.b=c sum
    F, H, FH = ac.fourier.transform(f), ac.fourier.transform(g), ac.fourier.transform(truth)
    for x, y, z in zip(F, H, FH):
        np.testing.assert_allclose(x @ y, z, atol=1e-9)
    back = ac.fourier.inverse_transform([x @ y for x, y in zip(F, H)], over=G)
    assert back.isclose(truth, atol=1e-9)
    assert ac.fourier.inverse_transform(F, over=G).isclose(f, atol=1e-10)


def test_real_groups_give_real_inverse():
    S4 = ac.SymmetricGroup(4)
    f = random_function(S4, np.random.default_rng(3))
    back = ac.fourier.inverse_transform(ac.fourier.transform(f), over=S4)
    assert back.to_array().dtype == np.float64


def test_transform_of_a_delta_is_the_representation():
    D6 = ac.DihedralGroup(6)
    x = D6.elements()[7]
    for r, block in zip(ac.fourier.irreps(D6), ac.fourier.transform(ac.delta(x, over=D6))):
        np.testing.assert_allclose(block, r(x))


def test_plancherel_identity_for_functions():
    G = acceptance()["order21"]
    f = random_function(G, np.random.default_rng(4), complex_values=True)
    F = ac.fourier.transform(f)
    energy = sum(r.dimension * np.linalg.norm(b) ** 2 for r, b in zip(ac.fourier.irreps(G), F))
    assert energy / G.order == pytest.approx(np.sum(np.abs(f.to_array()) ** 2))


def test_sparse_and_integer_functions():
    S3 = ac.SymmetricGroup(3)
    f = ac.Function({(1, 0, 2): 2, (2, 0, 1): -1}, over=S3)
    back = ac.fourier.inverse_transform(ac.fourier.transform(f), over=S3)
    np.testing.assert_allclose(back.to_array(), f.to_array(), atol=1e-12)


def test_bad_arguments():
    S3 = ac.SymmetricGroup(3)
    with pytest.raises(ac.InvalidType, match="Function"):
        ac.fourier.transform([1, 2, 3, 4, 5, 6])
    with pytest.raises(ac.InvalidArgument, match="finite group"):
        ac.fourier.transform(ac.Function({1: 1.0}, over=ac.Integers()))
    from fractions import Fraction

    with pytest.raises(ac.InvalidType, match="floating point"):
        ac.fourier.transform(ac.Function({(0, 1, 2): Fraction(1, 3)}, over=S3))
    F = ac.fourier.transform(ac.delta(over=S3))
    with pytest.raises(ac.StructureMismatch, match="3 irreps"):
        ac.fourier.inverse_transform(F[:2], over=S3)
    with pytest.raises(ac.StructureMismatch, match=r"needs a numeric \(2, 2\)"):
        ac.fourier.inverse_transform([F[0], np.eye(3), F[2]], over=S3)
    with pytest.raises(ac.InvalidType, match="list of matrices"):
        ac.fourier.inverse_transform(np.zeros(6), over=S3)
    with pytest.raises(ac.InvalidType, match="structure object"):
        ac.fourier.inverse_transform(F, over="S3")


values = st.floats(-10, 10, allow_nan=False, allow_infinity=False)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["S4", "D6", "A4", "order21", "C2xD3xC3"]), st.data())
def test_property_convolution_theorem_and_inversion(name, data):
    G = GROUPS[name]
    a = np.array(data.draw(st.lists(values, min_size=G.order, max_size=G.order)))
    b = np.array(data.draw(st.lists(values, min_size=G.order, max_size=G.order)))
    f, g = ac.Function.from_array(a, over=G), ac.Function.from_array(b, over=G)
    F, H = ac.fourier.transform(f), ac.fourier.transform(g)
    h = ac.fourier.inverse_transform([x @ y for x, y in zip(F, H)], over=G)
    truth = pair_sum(f, g)
    np.testing.assert_allclose(h.to_array(), [truth.get(x, 0) for x in G.elements()],
                               atol=1e-8)
    np.testing.assert_allclose(ac.fourier.inverse_transform(F, over=G).to_array(), a, atol=1e-9)
