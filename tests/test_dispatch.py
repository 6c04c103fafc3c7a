"""convolve / correlate / choose_method against scipy, numpy and the definition."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
import scipy.signal

import algconv as ac
from tests.helpers import brute_convolve

SHAPES = [
    ((1,), (1,)), ((5,), (3,)), ((4,), (4,)), ((3,), (6,)), ((7,), (2,)),
    ((4, 5), (2, 3)), ((3, 3), (4, 4)), ((2, 5), (3, 2)), ((1, 4), (1, 1)),
    ((3, 4, 2), (2, 2, 2)), ((2, 3, 4), (3, 1, 2)),
]


@pytest.mark.parametrize("shape_a, shape_b", SHAPES)
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("dtype", ["int", "float", "complex"])
def test_convolve_and_correlate_match_scipy(shape_a, shape_b, mode, dtype):
    rng = np.random.default_rng(abs(hash((shape_a, shape_b))) % 2**32)
    make = {
        "int": lambda s: rng.integers(-20, 20, s),
        "float": lambda s: rng.standard_normal(s),
        "complex": lambda s: rng.standard_normal(s) + 1j * rng.standard_normal(s),
    }[dtype]
    a, b = make(shape_a), make(shape_b)
    fits = all(x >= y for x, y in zip(shape_a, shape_b)) or all(
        y >= x for x, y in zip(shape_a, shape_b))
    if mode == "valid" and not fits:
        with pytest.raises(ac.InvalidArgument, match="at least as large"):
            ac.convolve(a, b, mode=mode)
        return
    for ours, theirs in [(ac.convolve, scipy.signal.convolve), (ac.correlate, scipy.signal.correlate)]:
        got, want = ours(a, b, mode=mode), theirs(a, b, mode=mode, method="direct")
        assert got.shape == want.shape
        if dtype == "int":
            assert got.dtype.kind == "i" and (got == want).all()
        else:
            np.testing.assert_allclose(got, want, atol=1e-10)


def test_same_keeps_first_shape_like_scipy_not_numpy():
    a, b = [1, 1], [1, 2, 3]
    assert ac.convolve(a, b, mode="same").tolist() == scipy.signal.convolve(a, b, mode="same").tolist()


def test_exact_big_integers():
    rng = np.random.default_rng(1)
    a = [int(x) for x in rng.integers(2**39, 2**40, 2000)]
    b = [int(x) for x in rng.integers(2**39, 2**40, 2000)]
    got = ac.convolve(a, b)
    assert got.dtype == object
    # independent truth: polynomial product by Python big ints at 2^96 per coefficient
    shift = 96
    pa = sum(x << (shift * i) for i, x in enumerate(a))
    pb = sum(x << (shift * i) for i, x in enumerate(b))
    prod, mask = pa * pb, (1 << shift) - 1
    want = [(prod >> (shift * k)) & mask for k in range(len(a) + len(b) - 1)]
    assert got.tolist() == want
    assert max(want) > 2**63


def test_int64_near_the_edge_never_wraps():
    a = np.array([2**62, 2**62, -2**62], dtype=np.int64)
    got = ac.convolve(a, a)
    assert [int(x) for x in got] == [2**124, 2**125, 2**124 - 2**125, -2**125, 2**124]


def test_fractions_and_sympy_arrays_stay_exact():
    import sympy

    got = ac.convolve([Fraction(1, 2), Fraction(1, 3)], [Fraction(1, 5), 1])
    assert got.tolist() == [Fraction(1, 10), Fraction(17, 30), Fraction(1, 3)]
    x = sympy.Symbol("x")
    got = ac.convolve(np.array([1, x], dtype=object), np.array([x, 1], dtype=object))
    assert [sympy.expand(v) for v in got] == [x, x**2 + 1, x]


def test_empty_inputs_give_empty_output():
    assert ac.convolve([], [1, 2]).shape == (0,)
    assert ac.convolve(np.ones((0, 3)), np.ones((2, 2))).shape == (0, 0)
    assert ac.correlate([1.0], []).shape == (0,)


def test_cyclic_and_products_of_cyclics():
    rng = np.random.default_rng(2)
    a, b = rng.integers(-5, 5, 6), rng.integers(-5, 5, 6)
    want = [sum(a[i] * b[(c - i) % 6] for i in range(6)) for c in range(6)]
    assert ac.convolve(a, b, over=ac.Cyclic(6)).tolist() == want
    P = ac.product(ac.Cyclic(2), ac.Cyclic(3))
    A, B = a.reshape(2, 3), b.reshape(2, 3)
    got = ac.convolve(A, B, over=P)
    assert got.shape == (2, 3)
    want2 = np.real(np.fft.ifft2(np.fft.fft2(A) * np.fft.fft2(B))).round().astype(int)
    assert (got == want2).all()
    assert (ac.convolve(a, b, over=P) == want2.ravel()).all()
    corr = ac.correlate(a, b, over=ac.Cyclic(6))
    assert corr.tolist() == [sum(a[(i + c) % 6] * b[i] for i in range(6)) for c in range(6)]


@pytest.mark.parametrize("G", [ac.SymmetricGroup(3), ac.DihedralGroup(4), ac.AlternatingGroup(4),
                               ac.SubsetMonoid(3), ac.BooleanGroup(2),
                               ac.product(ac.Cyclic(2), ac.SymmetricGroup(3))], ids=repr)
def test_finite_structures_all_engines_agree_with_brute_force(G):
    rng = np.random.default_rng(3)
    a, b = rng.integers(-4, 5, G.order), rng.integers(-4, 5, G.order)
    els = G.elements()
    want = brute_convolve(G.op, dict(zip(els, a.tolist())), dict(zip(els, b.tolist())))
    want_vec = [want.get(x, 0) for x in els]
    for method in ("auto", "direct", "table"):
        assert ac.convolve(a, b, over=G, method=method).tolist() == want_vec
    f, g = ac.Function.from_array(a, over=G), ac.Function.from_array(b, over=G)
    assert (f * g).to_dict() == want
    # correlation from its definition: sum_a f(a.c) g(a)
    corr = {c: sum(f(G.op(x, c)) * g(x) for x in els) for c in els}
    assert ac.correlate(a, b, over=G).tolist() == [corr[c] for c in els]


def test_non_commutative_order_matters():
    S3 = ac.SymmetricGroup(3)
    f = ac.delta((1, 0, 2), over=S3)
    g = ac.delta((0, 2, 1), over=S3)
    assert (f * g).to_dict() == {S3.op((1, 0, 2), (0, 2, 1)): 1}
    assert f * g != g * f


def test_correlate_on_integers_functions():
    f = ac.Function({0: 1, 3: 2}, over=ac.Integers())
    g = ac.Function({1: 1}, over=ac.Integers())
    # (f (*) g)(c) = sum_a f(a + c) g(a) = f(1 + c)
    assert ac.correlate(f, g).to_dict() == {-1: 1, 2: 2}


def test_correlate_on_infinite_non_group_is_refused():
    N = ac.Naturals()
    f = ac.Function({1: 1}, over=N)
    with pytest.raises(ac.InvalidArgument, match="group or a finite monoid"):
        ac.correlate(f, f)


@pytest.mark.parametrize("method", ["auto", "table"])
def test_correlate_on_a_finite_monoid_is_its_defining_sum(method):
    M = ac.SubsetMonoid(3)  # union of bitmasks: a monoid, not a group
    rng = np.random.default_rng(5)
    a, b = rng.integers(-4, 5, 8), rng.integers(-4, 5, 8)
    brute = [sum(int(a[x | c]) * int(b[x]) for x in range(8)) for c in range(8)]
    assert ac.correlate(a, b, over=M, method=method).tolist() == brute


@pytest.mark.parametrize("method", ["direct", "zeta", "fft"])
def test_correlate_on_a_finite_monoid_honours_method_or_refuses(method):
    with pytest.raises(ac.MethodNotApplicable, match=f"method={method!r} does not apply"):
        ac.correlate([1, 2, 3, 4], [1, 0, 0, 0], over=ac.SubsetMonoid(2), method=method)
    with pytest.raises(ac.InvalidArgument, match="only valid values"):
        ac.correlate([1, 2, 3, 4], [1, 0, 0, 0], over=ac.SubsetMonoid(2), method="nope")


def test_naturals_arrays_are_power_series():
    assert ac.convolve([1, 1], [1, 2, 1], over=ac.Naturals()).tolist() == [1, 3, 3, 1]


def test_choose_method_explains():
    choice = ac.choose_method(np.ones(4), np.ones(4), over=ac.Cyclic(4))
    assert choice.method in ("direct", "table") and "table" in str(choice)
    names = [name for name, _, _ in choice.candidates]
    assert "direct" in names
    measured = ac.choose_method(np.ones(4), np.ones(4), over=ac.Cyclic(4), measure=True)
    assert "measured" in str(measured)
    infinite = ac.choose_method([1, 2], [3, 4])
    table = dict((n, (c, note)) for n, c, note in infinite.candidates)["table"]
    assert table[0] is None and "finite" in table[1]


def test_memory_guard_refuses_named_method():
    G = ac.Cyclic(3000)
    a = np.ones(3000)
    with ac.config.limit_memory(1024**2):
        with pytest.raises(ac.InvalidArgument, match=r"would need about .*memory_limit"):
            ac.convolve(a, a, over=G, method="table")
        # auto falls back to an engine that fits
        assert ac.convolve(a[:5], a[:5], over=ac.Cyclic(5)).tolist() == [5.0] * 5


def test_function_and_array_results_agree():
    rng = np.random.default_rng(4)
    a, b = rng.integers(-3, 3, (3, 4)), rng.integers(-3, 3, (2, 2))
    L = ac.Lattice(2)
    h = ac.Function.from_array(a, over=L) * ac.Function.from_array(b, over=L, start=(-1, 2))
    full = ac.convolve(a, b)
    assert h.start == (-1, 2)
    for i, j in itertools.product(range(4), range(5)):
        assert h((i - 1, j + 2)) == full[i, j]


# --- axes= (issue 15.2), 0-d inputs and bools (issue 15.4) --------------------------------------


def brute_axes(a, b, axes, mode):
    """scipy.signal.fftconvolve's ``axes`` written out: sum over the convolved axes, pair
    equal indices (or the one index of a length-1 axis) on the others; then ``mode``."""
    a, b = np.asarray(a).astype(object), np.asarray(b).astype(object)  # Python arithmetic
    nd = a.ndim
    axes = [ax % nd for ax in axes]
    conv = [k for k in axes if a.shape[k] != 1 and b.shape[k] != 1]
    full = tuple(a.shape[k] + b.shape[k] - 1 if k in conv else max(a.shape[k], b.shape[k])
                 for k in range(nd))
    out = np.zeros(full, dtype=object)
    for i in np.ndindex(a.shape):
        for j in np.ndindex(b.shape):
            if any(i[k] != j[k] and 1 not in (a.shape[k], b.shape[k])
                   for k in range(nd) if k not in conv):
                continue
            out[tuple(i[k] + j[k] if k in conv else max(i[k], j[k]) for k in range(nd))] += (
                a[i] * b[j])
    keep = list(full)
    if mode == "same":
        keep = list(a.shape)
    elif mode == "valid":
        for k in conv:
            keep[k] = abs(a.shape[k] - b.shape[k]) + 1
    start = [(n - m) // 2 for n, m in zip(full, keep)]
    return out[tuple(slice(s, s + m) for s, m in zip(start, keep))]


AXES_CASES = [
    ((5, 4, 3), (2, 3, 3), (0, 1)),  # the channel axis batched
    ((5, 4, 3), (2, 3, 1), (0, 1)),  # one kernel for every channel
    ((4, 1, 3), (2, 3, 3), (0,)),  # broadcast both ways
    ((4, 6), (4, 3), [1]),
    ((1, 5), (3, 2), (0, 1)),  # an axis of length 1 in axes is broadcast, as in scipy
    ((2, 3, 4), (2, 5, 1), (-1, 1)),
    ((3, 4), (3, 6), -1),
    ((6,), (3,), 0),
]


@pytest.mark.parametrize("shape_a, shape_b, axes", AXES_CASES)
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("method", ["auto", "direct", "fft", "overlap-add"])
def test_axes_floats_match_fftconvolve(shape_a, shape_b, axes, mode, method):
    rng = np.random.default_rng(len(shape_a) + sum(shape_b))
    a, b = rng.standard_normal(shape_a), rng.standard_normal(shape_b)
    want = scipy.signal.fftconvolve(a, b, mode, axes=axes)
    got = ac.convolve(a, b, mode, method, axes=axes)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, atol=1e-10)
    np.testing.assert_allclose(got, brute_axes(a, b, np.atleast_1d(axes), mode).astype(float),
                               atol=1e-10)


@pytest.mark.parametrize("shape_a, shape_b, axes", AXES_CASES)
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("method", ["auto", "direct", "exact"])
def test_axes_integers_exact(shape_a, shape_b, axes, mode, method):
    rng = np.random.default_rng(sum(shape_a) + len(shape_b))
    a = np.array(rng.integers(-(2**62), 2**62, shape_a).tolist(), dtype=object) * 2**10
    b = rng.integers(-(2**40), 2**40, shape_b)
    got = ac.convolve(a, b, mode, method, axes=axes)
    assert got.tolist() == brute_axes(a, b, np.atleast_1d(axes), mode).tolist()
    flipped = np.flip(b, np.atleast_1d(axes))
    assert ac.correlate(a, b, mode, method, axes=axes).tolist() == (
        brute_axes(a, flipped, np.atleast_1d(axes), mode).tolist())


def test_correlate_axes_conjugates_and_flips_only_those_axes():
    rng = np.random.default_rng(9)
    a = rng.standard_normal((4, 5, 2)) + 1j * rng.standard_normal((4, 5, 2))
    b = rng.standard_normal((3, 2, 2)) + 1j * rng.standard_normal((3, 2, 2))
    got = ac.correlate(a, b, "same", axes=(0, 1))
    for c in range(2):  # each channel alone is scipy's correlation
        np.testing.assert_allclose(got[..., c], scipy.signal.correlate(a[..., c], b[..., c],
                                                                       "same"), atol=1e-12)


def test_axes_refused():
    f = ac.Function({0: 1}, over=ac.Integers())
    with pytest.raises(ac.InvalidArgument, match="axes=0 with Functions"):
        ac.convolve(f, f, axes=0)
    with pytest.raises(ac.InvalidArgument, match=r"over=Cyclic\(4\)"):
        ac.convolve([1, 2, 3, 4], [1, 0, 0, 0], over=ac.Cyclic(4), axes=0)
    with pytest.raises(ac.StructureMismatch, match="axes not convolved"):
        ac.convolve(np.ones((3, 4)), np.ones((2, 3)), axes=0)
    with pytest.raises(ac.InvalidArgument, match="at least one axis"):
        ac.convolve(np.ones((3, 4)), np.ones((2, 3)), axes=[])
    with pytest.raises(ac.InvalidArgument, match="distinct"):
        ac.correlate(np.ones((3, 4)), np.ones((2, 3)), axes=[0, -2])
    with pytest.raises(ac.InvalidType, match="axes=0.5"):
        ac.convolve(np.ones(3), np.ones(2), axes=0.5)
    with pytest.raises(ac.InvalidArgument, match="at least as large"):
        ac.convolve(np.ones((3, 4)), np.ones((4, 3)), "valid", axes=(0, 1))
    with pytest.raises(ac.StructureMismatch, match="needs 3"):
        ac.convolve(np.ones((3, 4)), np.ones((4, 3)), over=ac.Lattice(3), axes=0)


def test_zero_d_inputs_multiply():
    assert ac.convolve(2.0, 3.0) == 6.0
    assert ac.convolve(np.array(2**70), 3) == 3 * 2**70 and type(ac.convolve(2**70, 3)) is int
    assert ac.convolve(Fraction(1, 3), Fraction(3, 5), "valid") == Fraction(1, 5)
    assert ac.correlate(1 + 2j, 3 - 1j) == (1 + 2j) * (3 + 1j)
    assert ac.convolve(True, False) == False and ac.convolve(True, True).dtype == bool
    for mode in ("full", "same", "valid"):
        for method in ("auto", "direct", "fft"):
            got = ac.convolve(np.float32(1.5), 4.0, mode, method)
            assert got == scipy.signal.convolve(np.float32(1.5), 4.0, mode, method)
    with pytest.raises(ac.StructureMismatch, match="0 dimensions and g with 1"):
        ac.convolve(np.array(2), [1, 2])


@pytest.mark.parametrize("n, m", [(1, 1), (5, 3), (4, 9), (30, 7)])
def test_bools_are_the_boolean_semiring(n, m):
    rng = np.random.default_rng(n * m)
    a, b = rng.random(n) < 0.3, rng.random(m) < 0.4
    for ours, numpys in ((ac.convolve, np.convolve), (ac.correlate, np.correlate)):
        for mode in ("full", "same", "valid"):
            if mode == "same" and n < m:
                continue  # numpy's same keeps the longer shape, scipy's the first
            got = ours(a, b, mode)
            assert got.dtype == bool
            want = numpys(a, b, mode) if ours is ac.convolve or mode != "same" else None
            if want is not None:
                np.testing.assert_array_equal(got, want)
            np.testing.assert_array_equal(got, scipy.signal.convolve(a, b, mode) if
                                          ours is ac.convolve else scipy.signal.correlate(
                                              a, b, mode))
    # N-D (scipy.signal refuses bools there): counts of the pairs of Trues, then > 0
    a2, b2 = rng.random((n, 3)) < 0.3, rng.random((m, 2)) < 0.5
    counts = brute_axes(a2.astype(int), b2.astype(int), (0, 1), "full")
    for method in ("auto", "direct", "exact"):
        got = ac.convolve(a2, b2, method=method)
        assert got.dtype == bool and (got == (counts > 0)).all()


def test_bools_on_other_structures_and_beside_numbers():
    a, b = np.array([True, False, True, False]), np.array([False, True, True, False])
    got = ac.convolve(a, b, over=ac.Cyclic(4))
    assert got.dtype == bool
    assert got.tolist() == (ac.convolve(a.astype(int), b.astype(int), over=ac.Cyclic(4)) > 0
                            ).tolist()
    assert ac.convolve(a, [1, -1]).tolist() == np.convolve(a.astype(int), [1, -1]).tolist()
    assert ac.convolve(a, b, axes=0).tolist() == np.convolve(a, b).tolist()


def test_axes_batches_in_one_fft_keep_every_guard():
    # many batches go through one FFT along the convolved axes (scipy.fft's axes); the values
    # are those of one convolution per batch, and the guards hold over every batch
    rng = np.random.default_rng(11)
    a, b = rng.standard_normal((300, 256)), rng.standard_normal((300, 16))
    rows = np.array([ac.convolve(x, y, method="direct") for x, y in zip(a, b)])
    for method in ("auto", "fft"):
        np.testing.assert_allclose(ac.convolve(a, b, method=method, axes=1), rows, atol=1e-12)
    a[200, 5] = np.nan  # a NaN in one batch reaches only its own outputs, as the direct sum
    got = ac.convolve(a, b, axes=1)
    assert np.isnan(got[200, 5:21]).all() and not np.isnan(np.delete(got, 200, 0)).any()
    with pytest.raises(ac.MethodNotApplicable, match="not all finite"):
        ac.convolve(a, b, method="fft", axes=1)
    ints = rng.integers(-(2**40), 2**40, (50, 64))  # exact values never take the float FFT
    want = [ac.convolve(x, y).tolist() for x, y in zip(ints, ints)]
    assert ac.convolve(ints, ints, axes=-1).tolist() == want
