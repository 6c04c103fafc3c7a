"""Every semiring on every structure against a brute-force sum over a.b = c written here
with Python's own max / min / or / logaddexp / %; witnesses checked to attain the value."""

import itertools
import math
import operator
from fractions import Fraction

import numpy as np
import pytest
import scipy.ndimage
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.semirings import (
    Boolean,
    LogSumExp,
    MaxPlus,
    MaxTimes,
    MinPlus,
    Modular,
    Semiring,
)

INF = math.inf


def _logaddexp(x, y):
    if x == -INF:
        return y
    if y == -INF:
        return x
    top = max(x, y)
    return top + math.log(math.exp(x - top) + math.exp(y - top))


#: name -> (semiring, add, mul, zero), the operations written with Python's own
OPS = {
    "max-plus": (MaxPlus(), max, operator.add, -INF),
    "min-plus": (MinPlus(), min, operator.add, INF),
    "max-times": (MaxTimes(), max, operator.mul, 0),
    "boolean": (Boolean(), operator.or_, operator.and_, False),
    "log": (LogSumExp(), _logaddexp, operator.add, -INF),
    "mod-7": (Modular(7), lambda x, y: (x + y) % 7, lambda x, y: x * y % 7, 0),
    "mod-big": (Modular(2**64 + 13), lambda x, y: (x + y) % (2**64 + 13),
                lambda x, y: x * y % (2**64 + 13), 0),
    "user-bottleneck": (Semiring.from_operations(max, min, -INF, INF, name="bottleneck"),
                        max, min, -INF),
}


def brute(f: dict, g: dict, op, name: str) -> dict:
    """``{c: add over op(a, b) = c of mul(f[a], g[b])}``, zeros dropped."""
    _, add, mul, zero = OPS[name]
    out = {}
    for (a, x), (b, y) in itertools.product(f.items(), g.items()):
        c = op(a, b)
        out[c] = add(out[c], mul(x, y)) if c in out else mul(x, y)
    return {c: v for c, v in out.items() if v != zero}


def same(got: dict, want: dict, name: str) -> bool:
    if got.keys() != want.keys():
        return False
    if name == "log":
        return all(math.isclose(got[c], want[c], rel_tol=1e-12, abs_tol=1e-12) for c in want)
    return all(got[c] == want[c] and type(got[c]) is type(want[c]) or got[c] == want[c]
               for c in want)


STRUCTURES = [
    ac.Integers(), ac.Lattice(2), ac.Naturals(), ac.Cyclic(5),
    ac.product(ac.Cyclic(2), ac.Cyclic(3)), ac.SymmetricGroup(3), ac.SubsetMonoid(2),
    ac.BooleanGroup(2), ac.FreeMonoid("ab"), ac.Multiplicative(),
    ac.Monoid.from_operation(max, 0, elements=range(4)),  # a user monoid (max on 0..3)
]


@pytest.mark.parametrize("name", list(OPS))
@pytest.mark.parametrize("M", STRUCTURES, ids=repr)
@settings(max_examples=12, deadline=None)
@given(data=st.data())
def test_every_semiring_on_every_structure(M, name, data):
    S = OPS[name][0]
    values = ac.strategies.values(semiring=S)
    f = data.draw(ac.strategies.functions(M, values, semiring=S))
    g = data.draw(ac.strategies.functions(M, values, semiring=S))
    want = brute(f.to_dict(), g.to_dict(), M.op, name)
    h = f * g
    assert h.semiring == S
    assert same(h.to_dict(), want, name)
    assert same(ac.convolve(f, g, method="direct").to_dict(), want, name)
    if M.is_finite:
        assert same(ac.convolve(f, g, method="table").to_dict(), want, name)
    if S.is_selective:
        values_, where = ac.convolve(f, g, witness=True)
        assert same(values_.to_dict(), want, name)
        _, add, mul, _ = OPS[name]
        fd, gd = f.to_dict(), g.to_dict()
        assert set(where) == set(want)
        for c, a in where.items():  # a pair a.b = c attains the value
            assert any(M.op(a, b) == c and mul(fd[a], y) == want[c] for b, y in gd.items())


def _dense_brute(a: np.ndarray, b: np.ndarray, name: str) -> np.ndarray:
    _, add, mul, zero = OPS[name]
    shape = tuple(m + n - 1 for m, n in zip(a.shape, b.shape))
    out = np.empty(shape, dtype=object)
    out[...] = zero
    for i in np.ndindex(a.shape):
        for j in np.ndindex(b.shape):
            c = tuple(x + y for x, y in zip(i, j))
            out[c] = add(out[c], mul(a[i].item() if hasattr(a[i], "item") else a[i],
                                     b[j].item() if hasattr(b[j], "item") else b[j]))
    return out


def _arrays(name: str, shape, rng):
    if name == "boolean":
        return rng.random(shape) < 0.4
    if name == "log":
        x = rng.normal(0, 3, shape)
        x[rng.random(shape) < 0.2] = -INF
        return x
    if name == "max-times":
        return rng.integers(0, 6, shape)
    if name.startswith("mod"):
        m = OPS[name][0].m
        return np.array([int(v) for v in rng.integers(-10**6, 10**6, shape).flat],
                        dtype=object if m > 2**63 else np.int64).reshape(shape) * (
            3**40 if m > 2**63 else 1)
    return rng.integers(-20, 20, shape)


@pytest.mark.parametrize("name", [n for n in OPS if not n.startswith("user")])
@pytest.mark.parametrize("shapes", [((7,), (4,)), ((3,), (6,)), ((4, 3), (2, 3)), ((1,), (1,))])
def test_arrays_all_modes_against_brute_force(name, shapes):
    S = OPS[name][0]
    rng = np.random.default_rng(len(name) + len(shapes[0]))
    a, b = _arrays(name, shapes[0], rng), _arrays(name, shapes[1], rng)
    a_checked = S.check_array(a, "a")
    b_checked = S.check_array(b, "b")
    want = _dense_brute(a_checked, b_checked, name)
    full = ac.convolve(a, b, semiring=S)
    assert full.shape == want.shape
    if name == "log":
        np.testing.assert_allclose(full.astype(float), want.astype(float), rtol=1e-12)
    else:
        assert full.tolist() == want.tolist()
    for mode in ("same", "valid"):
        if mode == "valid" and not (all(m >= n for m, n in zip(a.shape, b.shape)) or all(
                n >= m for m, n in zip(a.shape, b.shape))):
            continue
        ref = ac.dispatch.apply_mode(want, a.shape, b.shape, mode)
        got = ac.convolve(a, b, mode, semiring=S)
        if name == "log":
            np.testing.assert_allclose(got.astype(float), ref.astype(float), rtol=1e-12)
        else:
            assert got.tolist() == ref.tolist()
    if S.is_selective:
        values, where = ac.convolve(a, b, semiring=S, witness=True)
        assert values.tolist() == full.tolist()
        _, _, mul, zero = OPS[name]
        for c in np.ndindex(values.shape):
            i = tuple(np.atleast_1d(where[c]))
            if i[0] == -1:  # no pair contributes: the output is the zero
                assert values[c] == zero and all(x == -1 for x in i)
                continue
            j = tuple(x - y for x, y in zip(c, i))
            assert all(0 <= x < n for x, n in zip(j, b.shape))
            assert mul(a_checked[i].item(), b_checked[j].item()) == values[c]


def test_exactness_dtypes():
    # integer max-plus / min-plus stay integers (int64; Python ints past it)
    out = ac.convolve([1, 2, 3], [4, 5], semiring=MaxPlus())
    assert out.dtype == np.int64 and out.tolist() == [5, 6, 7, 8]
    big = ac.convolve([2**62, 1], [2**62, 0], semiring=MaxPlus())
    assert big.tolist() == [2**63, 2**62 + 1, 1] and all(type(v) is int for v in big.tolist())
    out = ac.convolve([2**60 + 1, 0], [1], semiring=MinPlus())
    assert out.tolist() == [2**60 + 2, 1] and out.dtype == np.int64
    assert ac.convolve([Fraction(1, 3)], [Fraction(1, 6)], semiring=MaxPlus()).tolist() == [
        Fraction(1, 2)]
    # Boolean takes and returns bool arrays
    out = ac.convolve(np.array([True, False, True]), np.array([True, True]), semiring=Boolean())
    assert out.dtype == bool and out.tolist() == [True, True, True, True]
    # float32 stays float32 under max-plus
    assert ac.convolve(np.ones(3, np.float32), np.ones(2, np.float32),
                       semiring=MaxPlus()).dtype == np.float32


@pytest.mark.parametrize("m", [2, 3, 12, 998244353, 2**31 - 1, 2**61 - 1, 2**62 + 9, 2**63,
                               2**64 + 13, 10**30 + 57])
def test_modular_exact_for_every_m(m):
    rng = np.random.default_rng(m % 1000)
    n = 40
    a = [int(x) for x in rng.integers(0, 2**62, n)]
    b = [int(x) * 3**20 - 7 for x in rng.integers(0, 2**62, n)]
    want = [sum(a[i] * b[k - i] for i in range(max(0, k - n + 1), min(k, n - 1) + 1)) % m
            for k in range(2 * n - 1)]
    for method in ("auto", "direct"):
        out = ac.convolve(a, b, method=method, semiring=Modular(m))
        assert out.tolist() == want
        assert out.dtype == (np.int64 if m <= 2**63 else object)
    assert ac.convolve(a, b, over=ac.Cyclic(n), semiring=Modular(m)).tolist() == [
        sum(a[i] * b[(k - i) % n] for i in range(n)) % m for k in range(n)]


def test_logsumexp_tiny_entries_accurate():
    # entries near exp(-700) and exp(+700) in one convolution: a shift by the global
    # maximum would underflow the small outputs to -inf; each must be right to 1e-12
    a = np.array([-700.0, 0.0, 700.0, -1e-3])
    b = np.array([-650.0, 1.0, -800.0])
    out = ac.convolve(a, b, semiring=LogSumExp())
    from mpmath import mp, mpf, exp, log

    mp.dps = 50
    for c in range(len(out)):
        terms = [mpf(a[i]) + mpf(b[c - i]) for i in range(len(a)) if 0 <= c - i < len(b)]
        want = float(log(sum(exp(t) for t in terms)))
        assert out[c] == pytest.approx(want, rel=1e-12, abs=0)


def test_logsumexp_matches_high_precision_reference_on_random_input():
    from mpmath import mp, mpf, exp, log

    mp.dps = 40
    rng = np.random.default_rng(5)
    a, b = rng.normal(0, 200, 60), rng.normal(0, 200, 45)
    out = ac.convolve(a, b, semiring=LogSumExp())
    for c in range(0, len(out), 7):
        terms = [mpf(a[i]) + mpf(b[c - i]) for i in range(len(a)) if 0 <= c - i < len(b)]
        want = float(log(sum(exp(t) for t in terms)))
        assert abs(out[c] - want) <= 1e-12 * max(1.0, abs(want))


def test_witnesses_errors_and_forms():
    with pytest.raises(ac.InvalidArgument, match="selective"):
        ac.convolve([0.0], [0.0], semiring=LogSumExp(), witness=True)
    with pytest.raises(ac.InvalidArgument, match="selective"):
        ac.convolve([1], [1], witness=True)
    with pytest.raises(ac.InvalidArgument, match="selective"):
        ac.convolve([1], [1], semiring=Modular(5), witness=True)
    with pytest.raises(ac.InvalidType, match="witness='yes'"):
        ac.convolve([1], [1], semiring=MaxPlus(), witness="yes")
    with pytest.raises(ac.MethodNotApplicable):
        ac.convolve([1], [1], semiring=MaxPlus(), method="fft")
    values, where = ac.convolve([[0, 9], [1, 2]], [[0]], semiring=MaxPlus(), witness=True)
    assert where.shape == (2, 2, 2) and where[0, 1].tolist() == [0, 1]
    values, where = ac.convolve([0, 5], [3, 0, 1], "same", semiring=MinPlus(), witness=True)
    assert values.tolist() == [0, 1] and where.tolist() == [0, 0]  # full: 3 0 1 6


def test_min_plus_power_is_a_shortest_path_recovered_from_witnesses():
    # steps of 1, 2 or 5 metres costing 1, 3 and 4: the cheapest way to cover 0..20
    step = ac.Function({1: 1, 2: 3, 5: 4}, over=ac.Naturals(), semiring=MinPlus())
    best = {0: 0}
    for d in range(1, 21):
        best[d] = min(best[d - s] + c for s, c in {1: 1, 2: 3, 5: 4}.items() if d - s >= 0)
    walk = ac.delta(over=ac.Naturals(), semiring=MinPlus())
    paths = {}
    for k in range(1, 5):
        walk, where = ac.convolve(walk, step, witness=True)
        paths[k] = where
    assert walk(20) == best[20] == 16  # four steps of 5
    d, path = 20, []
    for k in range(4, 0, -1):
        a = paths[k][d]
        path.append(d - a)
        d = a
    assert d == 0 and sorted(path) == [5, 5, 5, 5]


def test_semirings_refuse_to_mix():
    f = ac.Function({0: 1}, over=ac.Integers(), semiring=MaxPlus())
    g = ac.Function({0: 1}, over=ac.Integers(), semiring=MinPlus())
    h = ac.Function({0: 1}, over=ac.Integers())
    for a, b in ((f, g), (f, h)):
        with pytest.raises(ac.StructureMismatch, match="semiring"):
            a * b
        with pytest.raises(ac.StructureMismatch, match="semiring"):
            a + b
    with pytest.raises(ac.StructureMismatch, match="semiring"):
        ac.convolve(f, f, semiring=MinPlus())
    assert ac.convolve(f, f, semiring=MaxPlus()) == f * f


def test_function_algebra_in_a_semiring():
    S = MaxPlus()
    f = ac.Function({0: 1, 2: -INF, 3: 4}, over=ac.Integers(), semiring=S)
    assert f.support == frozenset({0, 3}) and f(1) == -INF and f(2) == -INF
    assert f.to_array().tolist() == [1, -INF, -INF, 4]
    g = ac.Function({0: 5, 1: 0}, over=ac.Integers(), semiring=S)
    assert (f + g).to_dict() == {0: 5, 1: 0, 3: 4}  # max
    assert (2 * f).to_dict() == {0: 3, 3: 6}  # mul(2, f(x)) = 2 + f(x)
    assert (f ** 0).to_dict() == {0: 0}  # the identity: one (= 0) at the identity
    assert (f ** 3).to_dict() == brute(brute(f.to_dict(), f.to_dict(), operator.add, "max-plus"),
                                       f.to_dict(), operator.add, "max-plus")
    assert f.total() == 4
    with pytest.raises(ac.InvalidArgument, match="subtraction"):
        f - g
    mod = ac.Function({0: 3, 1: 5}, over=ac.Cyclic(2), semiring=Modular(7))
    assert (mod - 3 * mod).to_dict() == {0: (3 - 9) % 7, 1: (5 - 15) % 7}
    assert ac.Function.from_array([3, 0, 1], over=ac.Integers(), semiring=Modular(2)).to_dict(
    ) == {0: 1, 2: 1}
    assert ac.delta(2, over=ac.Cyclic(4), semiring=Boolean()).to_dict() == {2: True}
    assert "semiring=MaxPlus()" in repr(f)


@pytest.mark.parametrize("name", ["max-plus", "min-plus", "boolean", "mod-7"])
def test_correlate_against_brute_force(name):
    S, add, mul, zero = OPS[name]
    rng = np.random.default_rng(3)
    a, b = _arrays(name, (6,), rng), _arrays(name, (3,), rng)
    got = ac.correlate(a, b, semiring=S)
    # correlate(f, g)[k] = add over n of mul(f[n + k - (len(g) - 1)], g[n])
    ac_, bc = S.check_array(a, "a"), S.check_array(b, "b")
    want = []
    for k in range(len(a) + len(b) - 1):
        acc = zero
        for n in range(len(b)):
            i = n + k - (len(b) - 1)
            if 0 <= i < len(a):
                acc = add(acc, mul(ac_[i].item(), bc[n].item()))
        want.append(acc)
    assert got.tolist() == want
    # on a group: sum over x of f(x . c) g(x)
    C = ac.Cyclic(6)
    a6 = _arrays(name, (6,), rng)
    a6c = S.check_array(a6, "a")
    got = ac.correlate(a6, a6, over=C, semiring=S)
    want = []
    for c in range(6):
        acc = zero
        for x in range(6):
            acc = add(acc, mul(a6c[(x + c) % 6].item(), a6c[x].item()))
        want.append(acc)
    assert got.tolist() == want


@pytest.mark.parametrize("boundary, mode", [("fill", "constant"), ("reflect", "reflect"),
                                            ("mirror", "mirror"), ("nearest", "nearest"),
                                            ("wrap", "wrap")])
def test_filter_is_grey_dilation_and_erosion(boundary, mode):
    rng = np.random.default_rng(11)
    image = rng.integers(0, 255, (17, 12))
    k = rng.integers(0, 9, (3, 5))
    cval = {"constant": -10**9}
    dil = scipy.ndimage.grey_dilation(image, structure=k, mode=mode,
                                      cval=cval.get(mode, 0.0))
    assert ac.filter(image, k, boundary, semiring=MaxPlus()).tolist() == dil.tolist()
    ero = scipy.ndimage.grey_erosion(image, structure=k, mode=mode,
                                     cval=10**9 if mode == "constant" else 0.0)
    out = ac.filter(image, -k[::-1, ::-1], boundary, semiring=MinPlus())
    assert out.tolist() == ero.tolist() and out.dtype == np.int64


def test_filter_semiring_fill_and_booleans():
    assert ac.filter([1, 2, 3], [0, 0, 0], semiring=MaxPlus()).tolist() == [2, 3, 3]
    assert ac.filter([1, 2, 3], [0, 0, 0], fillvalue=10, semiring=MaxPlus()).tolist() == [
        10, 3, 10]
    image = np.array([True, False, False, True])
    assert ac.filter(image, [True, True], semiring=Boolean()).tolist() == ac.filter(
        image, [True, True]).tolist()
    assert ac.filter([5, 6], [2], semiring=Modular(7)).tolist() == [3, 5]
    with pytest.raises(ac.InvalidType):
        ac.filter([1.5], [1], semiring=Modular(7))


def test_filter_dask_in_a_semiring():
    da = pytest.importorskip("dask.array")
    rng = np.random.default_rng(2)
    image = rng.normal(size=(23, 19))
    k = rng.normal(size=(3, 5))
    for S in (MaxPlus(), MinPlus()):
        for boundary in ("fill", "reflect", "mirror", "wrap"):
            lazy = ac.filter(da.from_array(image, chunks=(7, 6)), k, boundary, semiring=S)
            assert lazy.chunks == da.from_array(image, chunks=(7, 6)).chunks
            np.testing.assert_array_equal(lazy.compute(), ac.filter(image, k, boundary,
                                                                    semiring=S))


def test_choose_method_explains_semiring_engines():
    text = str(ac.choose_method([1, 2], [3, 4], semiring=MaxPlus()))
    assert "needs the ordinary sum and product" in text and "method='direct'" in text
    text = str(ac.choose_method(np.ones(2000, bool), np.ones(2000, bool)))
    assert "Boolean()" in text
    choice = ac.choose_method([1, 2], [3, 4], semiring=MaxPlus(), witness=True)
    assert choice.method in ("direct",) or "witness" not in str(choice)


def test_bool_arrays_are_the_boolean_semiring():
    a, b = np.array([True, False, True]), np.array([False, True])
    assert ac.convolve(a, b).tolist() == ac.convolve(a, b, semiring=Boolean()).tolist()
    assert ac.convolve(a, b).tolist() == [False, True, False, True]
    assert ac.convolve(a, np.array([1, 1])).tolist() == [1, 1, 1, 1]  # beside numbers: 0/1


def test_inverse_needs_the_standard_numbers():
    f = ac.Function({0: 1, 1: 2}, over=ac.Integers(), semiring=MaxPlus())
    with pytest.raises(ac.InvalidArgument, match="MaxPlus"):
        ac.inverse(f)


@st.composite
def _tropical_arrays(draw):
    ndim = draw(st.integers(1, 2))
    shapes = [tuple(draw(st.integers(1, 5)) for _ in range(ndim)) for _ in range(2)]
    kind = draw(st.sampled_from(["int", "float"]))
    elements = st.integers(-50, 50) if kind == "int" else st.one_of(
        st.floats(-50, 50, allow_subnormal=False), st.just(-INF))
    arrays = [np.array(draw(st.lists(elements, min_size=int(np.prod(s)),
                                     max_size=int(np.prod(s)))),
                       dtype=np.int64 if kind == "int" else float).reshape(s) for s in shapes]
    return arrays


@settings(max_examples=60, deadline=None)
@given(_tropical_arrays(), st.sampled_from(["direct", "tropical"]))
def test_max_plus_engines_agree_with_brute_force_and_witnesses_attain(arrays, method):
    a, b = arrays
    want = _dense_brute(a, b, "max-plus")
    got, where = ac.convolve(a, b, method=method, semiring=MaxPlus(), witness=True)
    assert got.tolist() == want.tolist()
    for c in np.ndindex(got.shape):
        i = tuple(np.atleast_1d(where[c]))
        if i[0] == -1:
            assert got[c] == -INF
            continue
        j = tuple(x - y for x, y in zip(c, i))
        assert a[i] + b[j] == got[c]


def test_concave_sequences_take_the_concave_engine():
    rng = np.random.default_rng(4)
    a = np.concatenate([[0], np.cumsum(np.sort(rng.integers(-9, 9, 400))[::-1])])
    b = np.concatenate([[0], np.cumsum(np.sort(rng.integers(-9, 9, 300))[::-1])])
    assert ac.choose_method(a, b, semiring=MaxPlus()).method == "concave"
    want = ac.convolve(a, b, method="direct", semiring=MaxPlus())
    assert ac.convolve(a, b, semiring=MaxPlus()).tolist() == want.tolist()
    convex = -a
    assert ac.choose_method(convex, -b, semiring=MinPlus()).method == "concave"
    assert ac.convolve(convex, -b, semiring=MinPlus()).tolist() == (-want).tolist()
    bent = a.copy()
    bent[5] += 100  # no longer concave: the engine says why, tropical runs
    assert "not concave" in str(ac.choose_method(bent, b, semiring=MaxPlus()))
    assert ac.convolve(bent, b, semiring=MaxPlus()).tolist() == ac.convolve(
        bent, b, method="direct", semiring=MaxPlus()).tolist()


def test_filter_with_axes_in_a_semiring():
    rgb = np.arange(24).reshape(2, 4, 3)
    out = ac.filter(rgb, np.zeros((1, 3), dtype=np.int64), axes=(0, 1), semiring=MaxPlus())
    want = np.stack([scipy.ndimage.grey_dilation(rgb[..., k], size=(1, 3), mode="constant",
                                                 cval=-10**9) for k in range(3)], axis=-1)
    assert out.tolist() == want.tolist() and out.dtype == np.int64
