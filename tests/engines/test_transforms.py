"""XOR / OR / AND / subset transforms against brute force, sympy.discrete and the direct engine."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.discrete import convolution, covering_product, intersecting_product
from sympy.discrete.convolutions import convolution_subset

import algconv as ac
from algconv.named import convolve_and, convolve_or, convolve_subset, convolve_xor

OPS = {
    "xor": (convolve_xor, lambda a, b, c: a ^ b == c),
    "or": (convolve_or, lambda a, b, c: a | b == c),
    "and": (convolve_and, lambda a, b, c: a & b == c),
    "subset": (convolve_subset, lambda a, b, c: a & b == 0 and a | b == c),
}


def brute(f, g, rule):
    size = len(f)
    return [sum((f[a] * g[b] for a in range(size) for b in range(size) if rule(a, b, c)), 0)
            for c in range(size)]


def sympy_reference(name, f, g):
    f, g = list(f), list(g)
    if name == "xor":
        return convolution(f, g, dyadic=True)[: len(f)]
    return {"or": covering_product, "and": intersecting_product,
            "subset": convolution_subset}[name](f, g)


@st.composite
def int_pairs(draw, lo=-(2**20), hi=2**20):
    n = draw(st.integers(0, 5))
    values = st.lists(st.integers(lo, hi), min_size=1 << n, max_size=1 << n)
    return draw(values), draw(values)


@pytest.mark.parametrize("name", OPS)
@settings(max_examples=25, deadline=None)
@given(pair=int_pairs())
def test_int_against_brute_force_and_sympy(name, pair):
    fn, rule = OPS[name]
    f, g = pair
    out = fn(np.array(f), np.array(g))
    assert out.tolist() == brute(f, g, rule)
    assert out.tolist() == sympy_reference(name, f, g)


@pytest.mark.parametrize("name", OPS)
@settings(max_examples=15, deadline=None)
@given(pair=int_pairs(lo=-(2**62), hi=2**62))
def test_values_near_2_62_are_exact(name, pair):
    fn, rule = OPS[name]
    f, g = pair
    assert [int(v) for v in fn(f, g)] == brute(f, g, rule)


@pytest.mark.parametrize("name", OPS)
def test_fractions_and_sympy_stay_exact(name):
    fn, rule = OPS[name]
    f = [Fraction(1, 3), Fraction(-2, 7), Fraction(5), Fraction(1, 2)]
    g = [Fraction(3, 4), 1, Fraction(-1, 9), 2]
    out = fn(f, g)
    assert out.dtype == object and all(isinstance(v, Fraction) for v in out)
    assert out.tolist() == brute(f, g, rule)
    x, y = sympy.symbols("x y")
    sym = fn([x, 1], [y, 2])
    assert [sympy.expand(v - w) for v, w in zip(sym, brute([x, 1], [y, 2], rule))] == [0, 0]


@pytest.mark.parametrize("name", OPS)
@pytest.mark.parametrize("dtype", [np.float64, np.complex128])
def test_floats_and_complex(name, dtype):
    fn, rule = OPS[name]
    rng = np.random.default_rng(1)
    f = rng.normal(size=16).astype(dtype)
    g = rng.normal(size=16).astype(dtype)
    if dtype is np.complex128:
        f = f + 1j * rng.normal(size=16)
    out = fn(f, g)
    assert out.dtype == dtype
    np.testing.assert_allclose(out, brute(f.tolist(), g.tolist(), rule), atol=1e-12)


def test_int64_result_when_bound_fits_and_object_when_not():
    assert convolve_xor([1, 2, 3, 4], [5, 6, 7, 8]).dtype == np.int64
    big = convolve_or([2**40, 1], [2**40, 1])
    assert big.dtype == object and big.tolist() == [2**80, 2**41 + 1]


@pytest.mark.parametrize("name", OPS)
def test_length_one(name):
    assert OPS[name][0]([3], [4]).tolist() == [12]


@pytest.mark.parametrize("name", OPS)
@pytest.mark.parametrize(
    "f, g, match",
    [
        ([1, 2, 3], [1, 2, 3], "length 3"),
        ([1, 2], [1, 2, 3, 4], "equal lengths"),
        ([], [], "length 0"),
        ([[1, 2], [3, 4]], [1, 2, 3, 4], r"shape \(2, 2\)"),
    ],
)
def test_bad_lengths(name, f, g, match):
    with pytest.raises(ac.StructureMismatch, match=match):
        OPS[name][0](f, g)


def test_bad_values():
    with pytest.raises(ac.InvalidType):
        convolve_xor(["a", "b"], [1, 2])


def test_inputs_are_not_modified():
    f, g = np.array([1, 2, 3, 4]), np.array([4, 3, 2, 1])
    for fn, _ in OPS.values():
        fn(f, g)
    assert f.tolist() == [1, 2, 3, 4] and g.tolist() == [4, 3, 2, 1]


def _as_kind(values, kind):
    if kind == "float":
        return [v / 3 for v in values]
    if kind == "complex":
        return [complex(v, -v / 2) for v in values]
    if kind == "rational":
        return [Fraction(v, 7) for v in values]
    return values


@settings(max_examples=20, deadline=None)
@given(pair=int_pairs(), kind=st.sampled_from(["int", "float", "complex", "rational"]))
def test_engines_agree_with_direct(pair, kind):
    n = len(pair[0]).bit_length() - 1
    if n == 0:
        return
    f, g = (_as_kind(v, kind) for v in pair)
    for over, method in ((ac.BooleanGroup(n), "xor"), (ac.SubsetMonoid(n), "zeta")):
        F, G = ac.Function.from_array(f, over=over), ac.Function.from_array(g, over=over)
        fast = ac.convolve(F, G, method=method)
        direct = ac.convolve(F, G, method="direct")
        if kind in ("float", "complex"):
            assert fast.isclose(direct, rtol=1e-9, atol=1e-6)
        else:
            assert fast == direct


def test_dispatch_picks_transforms_for_large_structures():
    rng = np.random.default_rng(2)
    f = rng.integers(0, 10, 2**12)
    assert ac.choose_method(f, f, over=ac.BooleanGroup(12)).method == "xor"
    assert ac.choose_method(f, f, over=ac.SubsetMonoid(12)).method == "zeta"
    assert ac.convolve(f, f, over=ac.BooleanGroup(12)).tolist() == convolve_xor(f, f).tolist()


def test_engines_refuse_other_structures():
    f = ac.Function.from_array([1, 2, 3, 4], over=ac.Cyclic(4))
    with pytest.raises(ac.MethodNotApplicable, match="BooleanGroup"):
        ac.convolve(f, f, method="xor")
    with pytest.raises(ac.MethodNotApplicable, match="SubsetMonoid"):
        ac.convolve(f, f, method="zeta")


@pytest.mark.parametrize("name", OPS)
def test_limb_split_path_is_exact_near_int64_limits(name):
    fn, rule = OPS[name]
    rng = np.random.default_rng(9)
    f = rng.integers(-(2**62), 2**62, 64)
    g = rng.integers(-(2**63), 2**63 - 1, 64, endpoint=True)
    f[0], g[1], g[2] = -(2**63), -(2**63), 2**63 - 1
    out = fn(f, g)
    assert out.dtype == object
    assert out.tolist() == brute([int(v) for v in f], [int(v) for v in g], rule)


def test_limbs_reassemble_the_values():
    from algconv.engines.transforms import _limbs

    x = np.array([-(2**63), 2**63 - 1, -5, 0, 12345678901234])
    for width in (8, 13, 31):
        limbs = _limbs(x, 2**63, width)
        total = [sum(int(limb[i]) << (width * k) for k, limb in enumerate(limbs))
                 for i in range(len(x))]
        assert total == x.tolist()


@pytest.mark.parametrize("name", OPS)
def test_fractions_with_huge_common_denominators(name):
    fn, rule = OPS[name]
    f = [Fraction(1, 2**61 - 1), Fraction(-3, 2**31 - 1), 5, Fraction(7, 2**62)]
    g = [Fraction(2, 3), Fraction(-1, 2**61 - 1), Fraction(1, 10**20), 1]
    assert fn(f, g).tolist() == brute(f, g, rule)
