"""The semiring kernels (algconv/_semiring_kernels) against brute force over index pairs.

Truth is computed here with Python numbers, one pair at a time: max / min of ``a[i] + b[j]``
with the zero annihilating, ``any`` of ``a[i] and b[j]``, exact integer sums reduced mod m,
and log-sum-exp in mpmath at 60 digits.
"""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from algconv._semiring_kernels import (
    boolean_convolve,
    concave_tropical,
    logsumexp_convolve,
    modular_convolve,
    tropical_convolve,
    tropical_filter,
)
from algconv.errors import InvalidArgument, InvalidType, StructureMismatch

INF = math.inf


# ------------------------------------------------------------------ brute force


def brute_tropical(a, b, maximize=True):
    """(values, witnesses) by a loop over all pairs in Python; ties: smallest index into a."""
    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    zero = -INF if maximize else INF
    shape = tuple(m + n - 1 for m, n in zip(a.shape, b.shape))
    out = np.empty(shape, dtype=object)
    out[...] = zero
    where = np.full(shape, -1, dtype=np.int64)
    for fi, i in enumerate(np.ndindex(a.shape)):
        for j in np.ndindex(b.shape):
            c = tuple(x + y for x, y in zip(i, j))
            x, y = a[i], b[j]
            v = zero if zero in (x, y) else x + y
            if v == zero:
                continue
            if (v > out[c]) if maximize else (v < out[c]):
                out[c], where[c] = v, fi
    return out, where


def extend(image, index, boundary, fill):
    """The image extended past its edges, at a possibly outside N-D ``index``."""
    out = []
    for i, n in zip(index, image.shape):
        if 0 <= i < n:
            out.append(i)
            continue
        if boundary == "fill":
            return fill
        if boundary == "wrap":
            out.append(i % n)
        elif boundary == "nearest":
            out.append(min(max(i, 0), n - 1))
        elif boundary == "reflect":  # d c b a | a b c d | d c b a, period 2n
            k = i % (2 * n)
            out.append(k if k < n else 2 * n - 1 - k)
        else:  # mirror: d c b | a b c d | c b a, period 2n - 2
            p = max(2 * n - 2, 1)
            k = i % p
            out.append(k if k < n else p - k)
    return image[tuple(out)]


def brute_filter(image, kernel, maximize, boundary, fill, origin):
    """out[i] = max_j kernel[j] + E[i - j + c], c = k // 2 + origin, as algconv.filter."""
    image, kernel = np.asarray(image, dtype=object), np.asarray(kernel, dtype=object)
    origin = [origin] * image.ndim if isinstance(origin, int) else origin
    centre = [k // 2 + o for k, o in zip(kernel.shape, origin)]
    zero = -INF if maximize else INF
    out = np.empty(image.shape, dtype=object)
    for i in np.ndindex(image.shape):
        best = zero
        for j in np.ndindex(kernel.shape):
            e = extend(image, [x - y + c for x, y, c in zip(i, j, centre)], boundary, fill)
            k = kernel[j]
            v = zero if zero in (e, k) else e + k
            best = max(best, v) if maximize else min(best, v)
        out[i] = best
    return out


def same(got, want):
    """Equal values, ints as ints (no float crept in) and floats equal, infinities too."""
    assert got.shape == want.shape
    for x, y in zip(got.flat, want.flat):
        if isinstance(y, int):
            assert isinstance(x, (int, np.integer)) and int(x) == y, (x, y)
        else:
            assert x == y, (x, y)


# ------------------------------------------------------------------ strategies

def tropical_values(maximize, kind):
    zero = -INF if maximize else INF
    if kind == "int":
        return st.integers(-5, 5)
    if kind == "bigint":
        return st.sampled_from([2**63 - 1, -(2**63), 2**62, -(2**62), 0, 1, -1, 2**70])
    return st.one_of(st.integers(-4, 4).map(float), st.just(zero), st.just(-zero),
                     st.floats(-10, 10, allow_nan=False))


@st.composite
def tropical_pairs(draw, kind):
    maximize = draw(st.booleans())
    ndim = draw(st.integers(1, 2))
    shapes = [tuple(draw(st.integers(1, 4)) for _ in range(ndim)) for _ in range(2)]
    values = tropical_values(maximize, kind)
    arrays = []
    for shape in shapes:
        flat = draw(st.lists(values, min_size=math.prod(shape), max_size=math.prod(shape)))
        if kind == "bigint":
            x = np.empty(shape, dtype=object)
            x.flat[:] = flat
        else:
            x = np.array(flat, dtype=np.int64 if kind == "int" else np.float64).reshape(shape)
        arrays.append(x)
    return arrays[0], arrays[1], maximize


# ------------------------------------------------------------------ tropical_convolve


@settings(max_examples=150, deadline=None)
@given(tropical_pairs("float"))
def test_tropical_floats_with_infinities_and_witness(case):
    a, b, maximize = case
    out, where = tropical_convolve(a, b, maximize=maximize, witness=True)
    want, want_where = brute_tropical(a, b, maximize)
    same(out, want)
    assert out.dtype == np.float64
    np.testing.assert_array_equal(where, want_where)
    np.testing.assert_array_equal(tropical_convolve(a, b, maximize=maximize), out)


@settings(max_examples=100, deadline=None)
@given(tropical_pairs("int"))
def test_tropical_ints_stay_int64_with_ties(case):
    a, b, maximize = case
    out, where = tropical_convolve(a, b, maximize=maximize, witness=True)
    want, want_where = brute_tropical(a, b, maximize)
    assert out.dtype == np.int64
    same(out, want)
    np.testing.assert_array_equal(where, want_where)


@settings(max_examples=60, deadline=None)
@given(tropical_pairs("bigint"))
def test_tropical_near_int64_limits_widen_never_wrap(case):
    a, b, maximize = case
    out, where = tropical_convolve(a, b, maximize=maximize, witness=True)
    want, want_where = brute_tropical(a, b, maximize)
    same(out, want)
    np.testing.assert_array_equal(where, want_where)
    if any(not -(2**63) <= v < 2**63 for v in want.flat):
        assert out.dtype == object


@pytest.fixture
def prune_always(monkeypatch):
    """Prune on every size, with 2 candidates a side, so the proof does the work."""
    from algconv._semiring_kernels import tropical

    monkeypatch.setattr(tropical, "PRUNE_PAIRS", 0)
    monkeypatch.setattr(tropical, "GIVE_UP", 1)
    monkeypatch.setattr(tropical, "prune_count", lambda n, m: min(n, m, 2))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # patched constants
@given(tropical_pairs("int"), st.integers(0, 12))
def test_tropical_pruned_equals_brute_force(prune_always, case, extra):
    a, b, maximize = case
    a, b = a.ravel(), np.concatenate([b.ravel(), np.arange(extra) % 5 - 2])
    out, where = tropical_convolve(a, b, maximize=maximize, witness=True)
    want, want_where = brute_tropical(a, b, maximize)
    same(out, want)
    np.testing.assert_array_equal(where, want_where)


def test_tropical_pruned_large_random_and_adversarial():
    from algconv._semiring_kernels import tropical

    rng = np.random.default_rng(7)
    cases = [(rng.standard_normal(3000), rng.standard_normal(2000)),
             (rng.integers(-99, 99, 2500), rng.integers(-99, 99, 1200)),
             (np.arange(1500.0), np.arange(1000.0)),  # sorted: pruning gives up
             (rng.integers(0, 3, 2000), rng.integers(0, 3, 1000))]  # ties everywhere
    for a, b in cases:
        for maximize in (True, False):
            got, where = tropical_convolve(a, b, maximize=maximize, witness=True)
            saved, tropical.PRUNE_PAIRS = tropical.PRUNE_PAIRS, 10**18
            try:
                want, want_where = tropical_convolve(a, b, maximize=maximize, witness=True)
            finally:
                tropical.PRUNE_PAIRS = saved
            np.testing.assert_array_equal(got, want)
            np.testing.assert_array_equal(where, want_where)
    a, b = rng.standard_normal(50), rng.standard_normal(60)  # the loop itself, brute force
    same(tropical_convolve(a, b), brute_tropical(a, b)[0])


def test_tropical_int64_overflow_goes_to_python_ints():
    a = np.array([2**63 - 1, 0], dtype=np.int64)
    out = tropical_convolve(a, np.array([1, 2**62]))
    assert out.dtype == object
    assert out.tolist() == [2**63, 2**63 - 1 + 2**62, 2**62]
    low = tropical_convolve(np.array([-(2**63)]), np.array([-1]), maximize=False)
    assert low.tolist() == [-(2**63) - 1]
    assert tropical_convolve(np.array([2**63 - 2]), np.array([1])).dtype == np.int64


def test_tropical_uint64_and_bool_and_fractions():
    from fractions import Fraction

    out = tropical_convolve(np.array([2**64 - 1], dtype=np.uint64), np.array([1, 0]))
    assert out.tolist() == [2**64, 2**64 - 1]
    assert tropical_convolve(np.array([True, False]), np.array([1])).tolist() == [2, 1]
    f = np.array([Fraction(1, 3), Fraction(1, 2)], dtype=object)
    assert tropical_convolve(f, f).tolist() == [Fraction(2, 3), Fraction(5, 6), Fraction(1)]
    g = np.array([Fraction(1, 3), -INF], dtype=object)
    out, where = tropical_convolve(g, np.array([INF, 0], dtype=object), witness=True)
    assert out.tolist() == [INF, Fraction(1, 3), -INF] and where.tolist() == [0, 0, -1]


def test_tropical_annihilation_beats_the_opposite_infinity():
    out = tropical_convolve(np.array([-INF, 1.0]), np.array([INF, 0.0]))
    assert out.tolist() == [-INF, INF, 1.0]
    out = tropical_convolve(np.array([INF]), np.array([-INF]), maximize=False)
    assert out.tolist() == [INF]


def test_tropical_loops_over_either_side_same_witness():
    rng = np.random.default_rng(3)
    a = rng.integers(0, 3, size=(3, 4))  # many ties
    b = rng.integers(0, 3, size=(5, 6))
    for x, y in ((a, b), (b, a)):
        out, where = tropical_convolve(x, y, witness=True)
        want, want_where = brute_tropical(x, y)
        same(out, want)
        np.testing.assert_array_equal(where, want_where)


@pytest.mark.parametrize("a, b, error, match", [
    (np.zeros(0), np.zeros(3), InvalidArgument, "non-empty"),
    (np.zeros((2, 2)), np.zeros(3), StructureMismatch, "dimensions"),
    (np.array([np.nan]), np.zeros(3), InvalidArgument, "NaN"),
    (np.array([1j]), np.zeros(3), InvalidType, "complex"),
    (np.array(["x"], dtype=object), np.zeros(3), InvalidType, "real"),
])
def test_tropical_bad_input(a, b, error, match):
    with pytest.raises(error, match=match):
        tropical_convolve(a, b)


# ------------------------------------------------------------------ tropical_filter

BOUNDARY_NAMES = ["fill", "wrap", "reflect", "mirror", "nearest"]


@st.composite
def filter_cases(draw):
    maximize = draw(st.booleans())
    zero = -INF if maximize else INF
    ndim = draw(st.integers(1, 2))
    shape = tuple(draw(st.integers(1, 6)) for _ in range(ndim))
    kshape = tuple(draw(st.integers(1, 4)) for _ in range(ndim))
    kind = draw(st.sampled_from(["int", "float", "flat"]))
    image = np.array(draw(st.lists(st.integers(-9, 9), min_size=math.prod(shape),
                                   max_size=math.prod(shape)))).reshape(shape)
    if kind == "flat":
        kernel = np.full(kshape, draw(st.integers(-3, 3)))
    else:
        kernel = np.array(draw(st.lists(st.integers(-3, 3), min_size=math.prod(kshape),
                                        max_size=math.prod(kshape)))).reshape(kshape)
    if kind == "float":
        image, kernel = image.astype(float), kernel.astype(float)
        if draw(st.booleans()):
            kernel.flat[draw(st.integers(0, kernel.size - 1))] = zero
        if draw(st.booleans()):
            image.flat[draw(st.integers(0, image.size - 1))] = draw(st.sampled_from([INF,
                                                                                     -INF]))
        if (kernel == zero).all():
            kernel.flat[0] = 0.0
    boundary = draw(st.sampled_from(BOUNDARY_NAMES))
    origin = [draw(st.integers(-(k // 2), (k - 1) // 2)) for k in kshape]
    fill = draw(st.one_of(st.none(), st.integers(-5, 5)))
    return image, kernel, maximize, boundary, fill, origin


@settings(max_examples=250, deadline=None)
@given(filter_cases())
def test_tropical_filter_against_brute_force(case):
    image, kernel, maximize, boundary, fill, origin = case
    got = tropical_filter(image, kernel, maximize=maximize, boundary=boundary, fillvalue=fill,
                          origin=origin)
    zero = -INF if maximize else INF
    want = brute_filter(image, kernel, maximize, boundary, zero if fill is None else fill,
                        origin)
    same(got, want)
    if image.dtype.kind == "i" and kernel.dtype.kind == "i":
        assert got.dtype == np.int64


def test_tropical_filter_is_grey_dilation_and_erosion():
    import scipy.ndimage

    rng = np.random.default_rng(0)
    image = rng.standard_normal((40, 30))
    s = rng.standard_normal((5, 4))
    for mode in ("reflect", "constant", "nearest", "mirror", "wrap"):
        boundary = "fill" if mode == "constant" else mode
        np.testing.assert_array_equal(
            tropical_filter(image, s, boundary=boundary, fillvalue=0.0),
            scipy.ndimage.grey_dilation(image, structure=s, mode=mode))
        # erosion is min-plus with the structuring function negated and flipped; an even
        # axis centred one step earlier (grey_erosion correlates about k // 2)
        np.testing.assert_array_equal(
            tropical_filter(image, -s[::-1, ::-1], maximize=False, boundary=boundary,
                            fillvalue=0.0, origin=(0, -1)),
            scipy.ndimage.grey_erosion(image, structure=s, mode=mode))
        np.testing.assert_array_equal(
            tropical_filter(image, -s[::-1, :3][:, ::-1], maximize=False, boundary=boundary,
                            fillvalue=0.0),
            scipy.ndimage.grey_erosion(image, structure=s[:, :3], mode=mode))
    np.testing.assert_array_equal(tropical_filter(image, np.zeros((7, 7)), boundary="reflect"),
                                  scipy.ndimage.grey_dilation(image, size=(7, 7)))


def test_tropical_filter_ints_beyond_float_exactness_and_int64():
    image = np.array([2**60 + 1, 3, 2**60 + 7], dtype=np.int64)
    got = tropical_filter(image, np.array([0, 1, 0]), boundary="nearest")
    assert got.tolist() == [2**60 + 2, 2**60 + 7, 2**60 + 8]
    big = tropical_filter(np.array([2**63 - 1, 0]), np.array([5, 5]))
    assert big.dtype == object and big.tolist() == [2**63 + 4, 5]


def test_tropical_filter_kernel_larger_than_image():
    image = np.array([1.0, 5.0, 2.0])
    kernel = np.arange(7.0)
    for boundary in BOUNDARY_NAMES:
        same(tropical_filter(image, kernel, boundary=boundary),
             brute_filter(image, kernel, True, boundary, -INF, 0))


@pytest.mark.parametrize("kwargs, error, match", [
    ({"boundary": "edge"}, InvalidArgument, "boundary"),
    ({"origin": 5}, InvalidArgument, "origin"),
    ({"kernel": np.full(3, -INF)}, InvalidArgument, "zero"),
    ({"kernel": np.zeros((2, 2))}, StructureMismatch, "dimensions"),
    ({"kernel": np.array([np.nan])}, InvalidArgument, "NaN"),
])
def test_tropical_filter_bad_input(kwargs, error, match):
    kernel = kwargs.pop("kernel", np.zeros(3))
    with pytest.raises(error, match=match):
        tropical_filter(np.zeros(4), kernel, **kwargs)


# ------------------------------------------------------------------ concave_tropical


@st.composite
def concave_pairs(draw):
    maximize = draw(st.booleans())
    kind = draw(st.sampled_from(["int", "float"]))

    def sequence():
        n = draw(st.integers(1, 12))
        if kind == "int":
            slopes = sorted(draw(st.lists(st.integers(-5, 5), min_size=n - 1,
                                          max_size=n - 1)), reverse=True)
            start = draw(st.integers(-9, 9))
        else:
            slopes = sorted(draw(st.lists(st.floats(-1e3, 1e3), min_size=n - 1,
                                          max_size=n - 1)), reverse=True)
            start = draw(st.floats(-1e6, 1e6))
        values = [start]
        for s in slopes:
            values.append(values[-1] + s)  # rounded: the float slopes may not be concave
        x = np.array(values, dtype=np.int64 if kind == "int" else np.float64)
        return x if maximize else -x
    return sequence(), sequence(), maximize


def exactly_concave(x, maximize):
    from fractions import Fraction

    v = [Fraction(t) if isinstance(t, float) else t for t in x.tolist()]
    d = [q - p for p, q in itertools.pairwise(v)]
    return all((p >= q) if maximize else (p <= q) for p, q in itertools.pairwise(d))


@settings(max_examples=200, deadline=None)
@given(concave_pairs())
def test_concave_tropical_equals_brute_force_or_declines(case):
    a, b, maximize = case
    got = concave_tropical(a, b, maximize=maximize)
    applicable = exactly_concave(a, maximize) and exactly_concave(b, maximize)
    assert (got is not None) == applicable
    if got is not None:
        want, _ = brute_tropical(a, b, maximize)
        same(got, want)
        assert got.dtype == a.dtype


def test_concave_tropical_declines():
    assert concave_tropical([0, 2, 1], [0, 1, 3]) is None  # b convex
    assert concave_tropical([0.0, np.inf], [0.0]) is None
    assert concave_tropical(np.zeros((2, 2)), np.zeros((2, 2))) is None
    assert concave_tropical([2**62, 0], [0]) is None  # a difference could leave int64
    assert concave_tropical(["a"], [1]) is None
    # slopes equal after rounding but not exactly: 1 + 2^-52 - 1 vs 1e16 + 2 - 1e16
    x = np.array([0.0, 1.0, 2.0 + 2**-51])
    assert concave_tropical(x, np.zeros(3)) is None
    np.testing.assert_array_equal(concave_tropical(-x, np.zeros(3)),
                                  brute_tropical(-x, np.zeros(3))[0].astype(float))


# ------------------------------------------------------------------ boolean_convolve


def brute_boolean(a, b):
    a, b = np.asarray(a, dtype=bool), np.asarray(b, dtype=bool)
    out = np.zeros(tuple(m + n - 1 for m, n in zip(a.shape, b.shape)), dtype=bool)
    for i in zip(*np.nonzero(a)):
        for j in zip(*np.nonzero(b)):
            out[tuple(x + y for x, y in zip(i, j))] = True
    return out


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 3).flatmap(lambda d: st.tuples(*[
    st.tuples(*[st.integers(1, 5)] * d).flatmap(
        lambda shape: st.lists(st.booleans(), min_size=math.prod(shape),
                               max_size=math.prod(shape)).map(
            lambda v, shape=shape: np.array(v, dtype=bool).reshape(shape)))] * 2)))
def test_boolean_small_against_brute_force(pair):
    a, b = pair
    got = boolean_convolve(a, b)
    assert got.dtype == bool
    np.testing.assert_array_equal(got, brute_boolean(a, b))


@pytest.mark.parametrize("n, m, density", [
    (3000, 2500, 0.3),  # one FFT
    (300_000, 200_000, 0.5),  # blocked, both long
    (300_000, 40, 0.2),  # blocked, a short b
    (200_000, 150_000, 1e-4),  # sparse: isolated pairs must survive the threshold
])
def test_boolean_fft_paths_exact(n, m, density):
    rng = np.random.default_rng(n + m)
    a, b = rng.random(n) < density, rng.random(m) < density
    b[0] = b[-1] = True
    from algconv.engines.exact import exact_linear  # exact integer counts: limbs or flint

    want = exact_linear(a.astype(np.int64), b.astype(np.int64)) > 0
    np.testing.assert_array_equal(boolean_convolve(a, b), want)


def test_boolean_2d_fft_path_and_ints():
    rng = np.random.default_rng(1)
    a, b = rng.random((60, 50)) < 0.1, rng.random((40, 70)) < 0.05
    import scipy.signal

    want = scipy.signal.convolve(a.astype(np.int64), b.astype(np.int64), method="direct") > 0
    np.testing.assert_array_equal(boolean_convolve(a, b), want)
    assert boolean_convolve([0, 1], [1, 1]).tolist() == [False, True, True]
    with pytest.raises(InvalidArgument, match="bool"):
        boolean_convolve([0, 2], [1])
    with pytest.raises(InvalidArgument, match="bool"):
        boolean_convolve([0.5], [1])


# ------------------------------------------------------------------ modular_convolve


def brute_modular(a, b, m):
    a = [int(v) for v in np.asarray(a, dtype=object).flat]
    b = [int(v) for v in np.asarray(b, dtype=object).flat]
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return [v % m for v in out]


MODULI = [2, 3, 7, 2**16, 65537, 998244353, 10**9 + 7, 2**31 - 1, 2**32, 3**30, 2**40 - 87,
          2**20 + 1, 2**21 - 1, 2**26 + 3, 2**39 + 1, 2**52 - 1, 2**53 + 5,
          2**61 - 1, 10**18 + 9, 2**62 - 57, 2**62 + 135, 2**63 - 25, 2**63, 2**64 + 13,
          2**100 + 277, 6]


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(MODULI), st.data())
def test_modular_small_against_brute_force(m, data):
    values = st.integers(0, m - 1) | st.sampled_from([0, m - 1, m // 2, (m + 1) // 2])
    a = data.draw(st.lists(values, min_size=1, max_size=9))
    b = data.draw(st.lists(values, min_size=1, max_size=9))
    got = modular_convolve(np.array(a, dtype=object), np.array(b, dtype=object), m)
    assert got.tolist() == brute_modular(a, b, m)
    assert got.dtype == (np.int64 if m < 2**63 else object)
    from algconv._semiring_kernels import modular

    saved, modular.DIRECT_PAIRS = modular.DIRECT_PAIRS, 0  # the limbs on tiny arrays too
    try:
        assert modular_convolve(np.array(a, dtype=object), np.array(b, dtype=object),
                                m).tolist() == brute_modular(a, b, m)
    finally:
        modular.DIRECT_PAIRS = saved


def random_residues(rng, n, m):
    if m < 2**63:
        return rng.integers(0, m, size=n, dtype=np.int64)
    r = random.Random(int(rng.integers(2**31)))
    return np.array([r.randrange(m) for _ in range(n)], dtype=object)


@pytest.mark.parametrize("m", [2, 7, 998244353, 10**9 + 7, 2**32, 2**61 - 1, 10**18 + 9,
                               2**62 + 135, 2**63 - 25, 2**64 + 13])
@pytest.mark.parametrize("n, k", [(1500, 1200), (70_000, 140_000), (200_000, 50)])
def test_modular_fft_paths_against_exact_integers(m, n, k):
    from algconv.engines import exact
    from algconv.engines.exact import exact_linear

    if m >= 2**63 and n > 2000:
        pytest.skip("Python ints throughout: the exact engine's own tests cover it")
    rng = np.random.default_rng(n + k + m % 1000)
    a, b = random_residues(rng, n, m), random_residues(rng, k, m)
    a[0], b[-1] = m - 1, m - 1  # the largest residue, where balancing matters
    got = modular_convolve(a, b, m)
    saved, exact.use_flint = exact.use_flint, False  # truth without python-flint
    try:
        want = exact_linear(np.asarray(a, dtype=object), np.asarray(b, dtype=object)) % m
    finally:
        exact.use_flint = saved
    assert got.tolist() == [int(v) for v in want.flat]


def test_modular_nd_and_reduction_and_dtypes():
    rng = np.random.default_rng(5)
    a = rng.integers(-10**12, 10**12, size=(40, 30))
    b = rng.integers(0, 2**62, size=(20, 50))
    m = 10**9 + 7
    from algconv.engines.exact import exact_linear

    want = exact_linear(a.astype(object), b.astype(object)) % m
    got = modular_convolve(a, b, m)
    assert got.dtype == np.int64 and got.tolist() == want.tolist()
    u = np.array([2**64 - 1], dtype=np.uint64)
    assert modular_convolve(u, [1], 2**64 + 13).tolist() == [2**64 - 1]
    assert modular_convolve(u, [1], 1000).tolist() == [(2**64 - 1) % 1000]


@pytest.mark.parametrize("m, error", [(1, InvalidArgument), (0, InvalidArgument),
                                      (2.5, InvalidType), ("7", InvalidType),
                                      (True, InvalidType)])
def test_modular_bad_modulus(m, error):
    with pytest.raises(error, match="m"):
        modular_convolve([1], [1], m)


def test_modular_bad_values():
    with pytest.raises(InvalidType, match="ints"):
        modular_convolve([1.5], [1], 7)
    with pytest.raises(InvalidType, match="ints"):
        modular_convolve(np.array([1, 0.5], dtype=object), [1], 7)


# ------------------------------------------------------------------ logsumexp_convolve


def mp_logsumexp(a, b):
    """The log-sum-exp convolution in mpmath at 60 digits (inputs are exact binary floats)."""
    import mpmath

    with mpmath.workdps(60):
        shape = tuple(m + n - 1 for m, n in zip(a.shape, b.shape))
        sums = np.empty(shape, dtype=object)
        sums[...] = mpmath.mpf(0)
        for i in np.ndindex(a.shape):
            for j in np.ndindex(b.shape):
                if -INF in (a[i], b[j]):
                    continue
                c = tuple(x + y for x, y in zip(i, j))
                sums[c] += mpmath.exp(mpmath.mpf(a[i]) + mpmath.mpf(b[j]))
        return [(-INF if s == 0 else float(mpmath.log(s))) for s in sums.flat]


def close_in_log_space(got, want):
    for x, y in zip(got.flat, want):
        if y == -INF:
            assert x == -INF
        else:  # exp(x) within 1e-12 relative of exp(y), and relative where the log is large
            assert abs(x - y) <= 1e-12 * max(1.0, abs(y)), (x, y)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 2).flatmap(lambda d: st.tuples(*[
    st.tuples(*[st.integers(1, 5)] * d).flatmap(
        lambda shape: st.lists(
            st.floats(-800, 800) | st.just(-INF) | st.floats(-1, 1),
            min_size=math.prod(shape), max_size=math.prod(shape)).map(
            lambda v, shape=shape: np.array(v).reshape(shape)))] * 2)))
def test_logsumexp_against_mpmath(pair):
    a, b = pair
    close_in_log_space(logsumexp_convolve(a, b), mp_logsumexp(a, b))


def test_logsumexp_tiny_entries_and_long_sums():
    rng = np.random.default_rng(2)
    a = rng.standard_normal(300) * 30
    a[::7] -= 700  # entries far below their neighbours, and each output's largest
    b = rng.standard_normal(200) * 30
    close_in_log_space(logsumexp_convolve(a, b), mp_logsumexp(a, b))
    ones = np.zeros(2000)  # 2000 equal terms: the sum's rounding is what is tested
    out = logsumexp_convolve(ones, ones)
    np.testing.assert_allclose(out, np.log(np.minimum(np.arange(1, 4000),
                                                      np.arange(3999, 0, -1))),
                               rtol=0, atol=1e-13)


def test_logsumexp_infinities_and_nan():
    out = logsumexp_convolve([INF, 0.0], [0.0, -INF])
    assert out.tolist() == [INF, 0.0, -INF]
    assert logsumexp_convolve([-INF], [INF]).tolist() == [-INF]  # the zero annihilates
    with pytest.raises(InvalidArgument, match="NaN"):
        logsumexp_convolve([np.nan], [0.0])


def test_karatsuba_bound_is_larger_than_schoolbook():
    from algconv._semiring_kernels import fft_digits

    norms = [3.0, 2.0, 1.0]
    school = fft_digits.error_bound(norms, norms, (2**18,), 4)
    kara = fft_digits.error_bound(norms, norms, (2**18,), 4, karatsuba=True)
    # worst digit k = 1: schoolbook 3*2 + 2*3 = 12; Karatsuba (3+2)^2 + 3*3 + 2*2 = 38
    assert kara / school == pytest.approx(38 / 12)


@pytest.mark.parametrize("m", [2, 3, 4093, 2**20 + 7, 998244353, 2**61 - 1, 2**62 - 57,
                               2**62 + 135])
def test_modular_recombination_of_large_digits(m):
    """``sum_k c_k 2^(w k) mod m`` for digits far larger than m (many limbs, small m)."""
    from algconv._semiring_kernels import modular

    rng = np.random.default_rng(m % 997)
    c = rng.integers(-(2**44), 2**44, size=(5, 3000))
    got = modular._recombine(c, 10, m, 2**44)
    assert got.dtype == np.int64
    assert got.tolist() == [sum(int(c[k, i]) << (10 * k) for k in range(5)) % m
                            for i in range(3000)]


@pytest.mark.parametrize("digits_b", [2, 3])  # 3 x 3 digits blocked: Karatsuba's products
@pytest.mark.parametrize("n, m, plan", [
    (5000, 7000, ((2**11,), 2**10, 2**10, 5)),  # both cut in blocks
    (5000, 300, ((2**11,), 2**11 - 299, 300, 1)),  # the short one whole
    (200, 6000, ((2**10,), 200, 2**10 - 199, 1)),
])
def test_blocked_digit_convolutions_against_integers(n, m, plan, digits_b):
    from algconv._semiring_kernels import fft_digits

    rng = np.random.default_rng(n)
    da = rng.integers(-512, 512, size=(3, n))
    db = rng.integers(-512, 512, size=(digits_b, m))
    single = fft_digits.fft_plan((n,), (m,))
    assert fft_digits.karatsuba(plan, 3, digits_b) == (digits_b == 3)
    assert fft_digits.error_bound([fft_digits.norm(x.astype(float)) for x in da],
                            [fft_digits.norm(x.astype(float)) for x in db], plan[0],
                            plan[3], fft_digits.karatsuba(plan, 3, digits_b)) <= fft_digits.ERROR_BUDGET
    got = fft_digits.digit_convolutions(list(da.astype(float)), list(db.astype(float)), plan)
    want = np.zeros((2 + digits_b, n + m - 1), dtype=np.int64)
    for s in range(3):
        for t in range(digits_b):
            want[s + t] += np.convolve(da[s], db[t])
    np.testing.assert_array_equal(got, want)
    assert single[1] is None or single != plan
    positive = fft_digits.digit_convolutions([(da[0] > 0).astype(float)],
                                       [(db[0] > 0).astype(float)], plan, positive=True)
    np.testing.assert_array_equal(positive[0], np.convolve(da[0] > 0, db[0] > 0) > 0)


def test_bench_semirings_quick_rows_agree(capsys):
    """The benchmark's rows run and each kernel agrees with its peer (quick sizes)."""
    from benchmarks import bench_semirings

    assert bench_semirings.main(["--quick", "--repeat", "1", "--only", "filter", "concave",
                                 "boolean", "log-sum-exp", "1-D"]) == 0
    out = capsys.readouterr().out
    assert "DISAGREE" not in out and "flat 15x15" in out and "log-sum-exp" in out
    assert bench_semirings.numpy_slope_merge(np.array([0, 3, 4]),
                                             np.array([0, 2, 2])).tolist() == [0, 3, 5, 6, 6]


def test_logsumexp_long_spot_checks_against_mpmath():
    """1e4 x 1e4 (the benchmark's size): a few outputs recomputed at 60 digits."""
    import mpmath

    rng = np.random.default_rng(11)
    a, b = rng.standard_normal(10**4) * 10, rng.standard_normal(10**4) * 10
    a[5000:5100] = -INF
    out = logsumexp_convolve(a, b)
    with mpmath.workdps(60):
        for c in (0, 17, 5050, 9999, 12345, 19998):
            lo, hi = max(0, c - b.size + 1), min(c, a.size - 1)
            total = mpmath.fsum(mpmath.exp(mpmath.mpf(a[i]) + mpmath.mpf(b[c - i]))
                                for i in range(lo, hi + 1) if a[i] != -INF)
            want = float(mpmath.log(total))
            assert abs(out[c] - want) <= 1e-12 * max(1.0, abs(want)), (c, out[c], want)


@pytest.mark.parametrize("kernel", [
    tropical_convolve, boolean_convolve, logsumexp_convolve,
    lambda a, b: modular_convolve(a, b, 7),
])
def test_empty_and_mismatched_inputs_raise(kernel):
    with pytest.raises(InvalidArgument, match="non-empty"):
        kernel(np.zeros(0, dtype=np.int64), np.ones(3, dtype=np.int64))
    with pytest.raises(StructureMismatch, match="dimensions"):
        kernel(np.ones((2, 2), dtype=np.int64), np.ones(3, dtype=np.int64))
    assert concave_tropical(np.zeros(0), np.zeros(3)) is None


def test_zero_dimensional_inputs_are_length_one():
    assert tropical_convolve(np.int64(2), np.int64(3)).tolist() == [5]
    assert modular_convolve(np.int64(4), np.int64(5), 7).tolist() == [6]
    assert boolean_convolve(np.bool_(True), np.bool_(True)).tolist() == [True]


@pytest.mark.parametrize("m", [998244353, 10**9 + 7, 2**40 - 87])
def test_modular_blocked_both_long_against_exact_integers(m):
    """Both operands cut in blocks (3 digits a side: Karatsuba's products)."""
    from algconv._semiring_kernels import fft_digits
    from algconv.engines.exact import exact_linear

    rng = np.random.default_rng(m % 1000)
    a, b = rng.integers(0, m, 300_000), rng.integers(0, m, 270_000)
    a[:1000] = m - 1
    assert fft_digits.fft_plan(a.shape, b.shape, 3)[1] is not None
    want = exact_linear(a.astype(object), b.astype(object)) % m
    assert modular_convolve(a, b, m).tolist() == want.tolist()
