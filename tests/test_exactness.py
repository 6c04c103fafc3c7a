"""Exactness and ownership of values (issue 12, points 1, 3, 11 and 16).

Every truth here is computed in the test, by the definition, in Python ints and Fractions:
``(f * g)(c) = sum over a . b = c of f(a) g(b)``.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy
from hypothesis import example, given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.cli import main

EXACT = settings(max_examples=25, deadline=None, derandomize=True)

#: Python ints anywhere in +-2**70, with the int64 / uint64 edges and small ones mixed in
BIG = st.one_of(
    st.integers(-(2**70), 2**70),
    st.integers(-20, 20),
    st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64 - 1, 2**64, -(2**64)]),
)


def ints(min_size: int = 1, max_size: int = 6, size: int | None = None):
    if size is not None:
        min_size = max_size = size
    return st.lists(BIG, min_size=min_size, max_size=max_size)


def exact_list(result) -> list:
    """The values of a result, after checking that none is a float (nor a complex)."""
    array = np.asarray(result)
    assert array.dtype.kind in "iuO", f"dtype {array.dtype} cannot hold exact integers"
    values = array.ravel().tolist()
    for v in values:
        assert isinstance(v, (int, Fraction)) and not isinstance(v, bool), repr(v)
    return values


# --- brute forces, by the definition -----------------------------------------------------------


def linear(a, b):
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return out


def circular(a, b):
    n = len(a)
    out = [0] * n
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[(i + j) % n] += x * y
    return out


def bitmask(a, b, op, disjoint=False):
    out = [0] * len(a)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if not (disjoint and i & j):
                out[op(i, j)] += x * y
    return out


def dirichlet(a, b, n):
    return [sum(a[d - 1] * b[m // d - 1] for d in range(1, m + 1) if m % d == 0)
            for m in range(1, n + 1)]


def filtered(image, kernel, boundary):
    """``out[i] = sum_j K[j] E[i - j + k // 2]`` with E the extended image (1-D)."""
    n, c = len(image), len(kernel) // 2

    def extended(p):
        if boundary == "wrap":
            return image[p % n]
        return image[p] if 0 <= p < n else 0

    return [sum(w * extended(i - j + c) for j, w in enumerate(kernel)) for i in range(n)]


# --- point 1: Python ints are exact whatever their size, at every entry point ----------------


def test_numpy_would_round_these():
    # the cause: numpy makes float64 of ints that fit no single integer dtype
    assert np.asarray([2**64 - 1, 5]).dtype == np.float64
    assert np.asarray([2**63, -1]).dtype == np.float64


@EXACT
@given(ints(), ints())
@example([2**64 - 1, 5], [1, 1])
@example([2**63, -1], [3])
def test_convolve_and_correlate(a, b):
    assert exact_list(ac.convolve(a, b)) == linear(a, b)
    assert exact_list(ac.correlate(a, b)) == linear(a, b[::-1])


@EXACT
@given(st.integers(1, 3), st.data())
@example(1, None)
def test_convolve_2d(rows, data):
    if data is None:
        a, b = [[2**64 - 1], [5]], [[1]]
    else:
        a = [data.draw(ints(size=2)) for _ in range(rows)]
        b = [data.draw(ints(size=1)) for _ in range(2)]
    got = ac.convolve(a, b)
    truth = [[sum(a[i - k][j - m] * b[k][m] for k in range(len(b)) for m in range(len(b[0]))
                  if 0 <= i - k < len(a) and 0 <= j - m < len(a[0]))
              for j in range(len(a[0]) + len(b[0]) - 1)] for i in range(len(a) + len(b) - 1)]
    assert exact_list(got) == [v for row in truth for v in row]
    assert np.asarray(got).shape == (len(truth), len(truth[0]))


@EXACT
@given(ints(min_size=2), ints(max_size=3), st.sampled_from(["fill", "wrap"]))
@example([2**64 - 1, 5, 7], [1, 2, 1], "fill")
def test_filter(image, kernel, boundary):
    assert exact_list(ac.filter(image, kernel, boundary=boundary)) == \
        filtered(image, kernel, boundary)


@EXACT
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(ints(size=n), ints(size=n))))
@example(([2**64 - 1, 5], [1, 1]))
def test_convolve_cyclic(pair):
    a, b = pair
    assert exact_list(ac.convolve_cyclic(a, b)) == circular(a, b)
    assert exact_list(ac.convolve(a, b, over=ac.Cyclic(len(a)))) == circular(a, b)


@EXACT
@given(st.sampled_from([1, 2, 4, 8]).flatmap(lambda n: st.tuples(ints(size=n), ints(size=n))))
@example(([2**64 - 1, 5], [1, 1]))
def test_bitmask_convolutions(pair):
    a, b = pair
    assert exact_list(ac.convolve_xor(a, b)) == bitmask(a, b, lambda i, j: i ^ j)
    assert exact_list(ac.convolve_or(a, b)) == bitmask(a, b, lambda i, j: i | j)
    assert exact_list(ac.convolve_and(a, b)) == bitmask(a, b, lambda i, j: i & j)
    assert exact_list(ac.convolve_subset(a, b)) == bitmask(a, b, lambda i, j: i | j, True)


@EXACT
@given(ints(max_size=8), ints(max_size=8))
@example([2**64 - 1, 5], [1, 1])
def test_convolve_dirichlet(a, b):
    n = min(len(a), len(b))
    assert exact_list(ac.convolve_dirichlet(a, b)) == dirichlet(a, b, n)


@EXACT
@given(st.sampled_from([1, -1]), ints(max_size=7))
@example(1, [2**64 - 1, 5])
def test_inverse_dirichlet(unit, rest):
    f = [unit] + rest
    g = exact_list(ac.inverse(f, over=ac.Multiplicative()))
    assert all(isinstance(v, int) for v in g)  # f(1) = +-1: an integer inverse
    assert dirichlet(f, g, len(f)) == [1] + [0] * (len(f) - 1)


@EXACT
@given(ints(max_size=7))
@example([2**64 - 1, 5])
@example([2**63, -1, 2**70])
def test_inverse_power_series(f):
    if f[0] == 0:
        f = [1] + f
    g = exact_list(ac.inverse(f, over=ac.Naturals()))
    assert linear(f, g)[: len(f)] == [1] + [0] * (len(f) - 1)


@EXACT
@given(st.integers(1, 4).flatmap(lambda n: ints(size=n)))
@example([2**64 - 1, 5])
def test_inverse_cyclic(f):
    n = len(f)
    circulant = sympy.Matrix(n, n, lambda c, b: f[(c - b) % n])
    if circulant.det() == 0:
        with pytest.raises(ac.NotInvertible):
            ac.inverse(f, over=ac.Cyclic(n))
        return
    g = exact_list(ac.inverse(f, over=ac.Cyclic(n)))
    assert circular(f, g) == [1] + [0] * (n - 1)


@EXACT
@given(ints(max_size=8), st.integers(-3, 3))
@example([2**64 - 1, 5], 0)
def test_function_from_array(values, start):
    f = ac.Function.from_array(values, over=ac.Integers(), start=start)
    assert [f(start + i) for i in range(len(values))] == values
    assert exact_list(f.to_array()) == values
    assert f.total() == sum(values) and isinstance(f.total(), int)
    square = f * f
    assert exact_list(square.to_array()) == linear(values, values)
    c = ac.Function.from_array(values, over=ac.Cyclic(len(values)))
    assert exact_list((c * c).to_array()) == circular(values, values)


def run_cli(*argv) -> list:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["conv", *argv]) == 0
    return [int(v) for v in np.ravel(np.array(json.loads(out.getvalue()), dtype=object))]


@EXACT
@given(ints(), ints())
@example([2**64 - 1, 5], [1, 1])
def test_command_line_inline_and_files(a, b):
    truth = linear(a, b)
    assert run_cli(json.dumps(a), json.dumps(b)) == truth
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "f.json").write_text(json.dumps(a))
        (folder / "f.csv").write_text(",".join(map(str, a)) + "\n")
        (folder / "g.json").write_text(json.dumps(b))
        for f in ("f.json", "f.csv"):
            assert run_cli(str(folder / f), str(folder / "g.json")) == truth


def test_numpy_ints_inside_object_arrays_do_not_wrap():
    a = np.array([np.int64(2**62), 2**70], dtype=object)
    assert exact_list(ac.convolve(a, [4])) == [2**64, 2**72]
    assert exact_list(ac.convolve([np.int64(2**62), 2**70], [4])) == [2**64, 2**72]


def _dtype_items(dtype):
    info = np.iinfo(dtype)
    values = st.integers(int(info.min), int(info.max))
    return st.tuples(st.just(dtype), st.lists(st.tuples(st.integers(-3, 3), values), max_size=5))


@EXACT
@given(st.sampled_from([np.int64, np.uint64, np.uint8, np.int8]).flatmap(_dtype_items))
@example((np.int64, [(0, 2**62), (1, 2**62)]))
def test_numpy_int_values_in_mappings_do_not_wrap(case):
    dtype, items = case
    info = np.iinfo(dtype)
    mapping = {k: dtype(v) for k, v in items}
    plain = {k: v for k, v in items}
    f = ac.Function(mapping, over=ac.Integers())
    truth = {}
    for a, x in plain.items():
        for b, y in plain.items():
            truth[a + b] = truth.get(a + b, 0) + x * y
    assert (f * f).to_dict() == {c: v for c, v in truth.items() if v}
    assert (dtype(3) * f).to_dict() == {k: 3 * v for k, v in plain.items() if v}
    assert all(type(v) is int for v in (f * f).to_dict().values())
    assert ac.Function.from_callable(lambda x: dtype(info.max), over=ac.Cyclic(2)).total() \
        == 2 * int(info.max)


def test_uint64_beyond_int64_is_exact():
    a = np.array([2**64 - 1, 3], dtype=np.uint64)
    assert exact_list(ac.convolve(a, np.array([2, 1], dtype=np.uint64))) == \
        linear([2**64 - 1, 3], [2, 1])


def test_a_float_among_the_ints_means_float_arithmetic():
    # as in Python, an int and a float give a float: only pure-integer input is kept exact
    assert ac.convolve([2**63, 0.5], [1]).dtype == np.float64


# --- point 3: Decimal is refused, with the reason and the fix ---------------------------------

DEC = Decimal("0.1")


@pytest.mark.parametrize("call", [
    lambda: ac.convolve([DEC, DEC], [1, 2]),
    lambda: ac.convolve([DEC], [0.5]),
    lambda: ac.convolve([0.5], [DEC]),
    lambda: ac.convolve([DEC], [1j]),
    lambda: ac.convolve([DEC], [Fraction(1, 3)]),
    lambda: ac.convolve([DEC, 0.5], [1]),
    lambda: ac.correlate([1.5], [DEC]),
    lambda: ac.filter([DEC, 1], [1.5]),
    lambda: ac.filter([1.5, 1], [1], fillvalue=DEC),
    lambda: ac.convolve_cyclic([DEC, 1], [0.5, 1]),
    lambda: ac.convolve_xor([DEC, 1], [0.5, 1]),
    lambda: ac.convolve_subset([DEC, 1], [Fraction(1, 2), 1]),
    lambda: ac.convolve_dirichlet([DEC, 1], [1j, 1]),
    lambda: ac.inverse([DEC, 1], over=ac.Multiplicative()),
    lambda: ac.Function.from_array([DEC, 1.5], over=ac.Integers()),
    lambda: ac.Function({0: DEC}, over=ac.Integers()),
    lambda: DEC * ac.Function({0: 0.5}, over=ac.Integers()),
    lambda: ac.Function({0: 0.5}, over=ac.Integers()) * DEC,
])
def test_decimal_is_invalid_type_everywhere(call):
    with pytest.raises(ac.InvalidType, match=r"Decimal\('0\.1'\).*Decimal values are not "
                                             r"accepted.*float, complex or Fraction.*Fraction"):
        call()


def test_decimal_message_gives_the_exact_conversion():
    with pytest.raises(ac.InvalidType) as info:
        ac.convolve([DEC], [0.5])
    fix = str(info.value).split("use ")[1].split(" for exact")[0]
    assert eval(fix, {"Fraction": Fraction, "Decimal": Decimal}) == Fraction(1, 10)


# --- point 11: inverse never wraps -----------------------------------------------------------

MAX3 = ac.Monoid.from_operation(max, 0, elements=range(3), commutative=True, name="max3")
SMALL = [np.uint8, np.int8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64]


def test_inverse_reproductions():
    mu = ac.inverse(np.ones(8, np.uint8), over=ac.Multiplicative())
    assert mu.tolist() == [int(sympy.mobius(m)) for m in range(1, 9)]
    g = ac.inverse(np.array([1, 100000, 0, 0], np.int32), over=ac.Multiplicative())
    assert g.tolist() == [1, -100000, 0, 10**10]
    f = np.array([1, 100, 100], np.int8)
    g = exact_list(ac.inverse(f, over=MAX3))
    assert finite_product(MAX3, f.tolist(), g) == [1, 0, 0]


def finite_product(over, f, g):
    els = over.elements()
    out = [0] * len(els)
    for i, a in enumerate(els):
        for j, b in enumerate(els):
            out[els.index(over.op(a, b))] += f[i] * g[j]
    return out


def regular_det(over, f):
    els = over.elements()
    n = len(els)
    m = [[0] * n for _ in range(n)]
    for i, a in enumerate(els):
        for j, b in enumerate(els):
            m[els.index(over.op(a, b))][j] += f[i]
    return sympy.Matrix(m).det()


@pytest.mark.parametrize("dtype", SMALL)
@pytest.mark.parametrize("over", [MAX3, ac.SubsetMonoid(2), ac.BooleanGroup(2), ac.Cyclic(3)],
                         ids=repr)
@EXACT
@given(data=st.data())
def test_inverse_of_small_dtypes_on_finite_structures(dtype, over, data):
    info = np.iinfo(dtype)
    f = np.array(data.draw(st.lists(st.integers(int(info.min), int(info.max)),
                                    min_size=over.order, max_size=over.order)), dtype=dtype)
    values = [int(v) for v in f]
    if regular_det(over, values) == 0:
        with pytest.raises(ac.NotInvertible):
            ac.inverse(f, over=over)
        return
    g = exact_list(ac.inverse(f, over=over))
    assert finite_product(over, values, g) == [int(x == over.identity) for x in over.elements()]


@pytest.mark.parametrize("dtype", SMALL)
@EXACT
@given(data=st.data())
def test_inverse_of_small_dtypes_on_series(dtype, data):
    info = np.iinfo(dtype)
    head = data.draw(st.sampled_from([1, -1] if info.min < 0 else [1]))
    rest = data.draw(st.lists(st.integers(int(info.min), int(info.max)), max_size=11))
    f = np.array([head] + rest, dtype=dtype)
    values = [int(v) for v in f]
    g = exact_list(ac.inverse(f, over=ac.Multiplicative()))
    assert dirichlet(values, g, len(values)) == [1] + [0] * (len(values) - 1)
    g = exact_list(ac.inverse(f, over=ac.Naturals()))
    assert linear(values, g)[: len(values)] == [1] + [0] * (len(values) - 1)


# --- point 16: values are owned ----------------------------------------------------------------


@pytest.mark.parametrize("over", [ac.Integers(), ac.Naturals(), ac.Multiplicative(),
                                  ac.Cyclic(3)], ids=repr)
@pytest.mark.parametrize("dtype", [np.int64, np.float64, object])
def test_from_array_copies_and_to_array_hands_out_a_copy(over, dtype):
    arr = np.array([1, 2, 3], dtype=dtype)
    f = ac.Function.from_array(arr, over=over)
    first = over.identity
    arr[0] = 99
    assert f(first) == 1
    out = f.to_array()
    out[1] = 77
    assert f.to_array().tolist() == [1, 2, 3]
    assert f == ac.Function.from_array([1, 2, 3], over=over)


def test_to_array_of_a_dict_function_and_views():
    f = ac.Function({0: 1, 2: 5}, over=ac.Integers())
    f.to_array()[0] = 99
    assert f(0) == 1
    base = np.arange(10)
    g = ac.Function.from_array(base[::2], over=ac.Integers())
    base[:] = -1
    assert g.to_array().tolist() == [0, 2, 4, 6, 8]


def test_reals_keys_are_canonical():
    R = ac.Reals()
    f = ac.Function({0.5: 1, sympy.Rational(1, 2): 2}, over=R)
    assert f.to_dict() == {sympy.Rational(1, 2): 3} and len(f.support) == 1
    assert f(Fraction(1, 2)) == f(0.5) == f(sympy.Float(0.5)) == 3
    assert ac.delta(Fraction(1, 2), over=R) == ac.delta(sympy.Rational(1, 2), over=R)
    assert ac.delta(0.5, over=R) == ac.delta(np.float32(0.5), over=R)
    assert ac.delta(2, over=R) == ac.delta(np.int8(2), over=R) == ac.delta(sympy.Integer(2),
                                                                           over=R)
    # a float is the binary fraction it stores, so 0.1 is not 1/10
    assert R.check(0.1) == sympy.Rational(3602879701896397, 36028797018963968)
    assert ac.delta(0.1, over=R) != ac.delta(Fraction(1, 10), over=R)
    # keys that cancel leave no key; sums of keys stay canonical
    assert ac.Function({0.25: 1, sympy.Rational(1, 4): -1}, over=R).support == frozenset()
    h = ac.delta(0.25, over=R) * ac.delta(Fraction(1, 4), over=R)
    assert h == ac.delta(sympy.Rational(1, 2), over=R)
    p = ac.Function({sympy.pi + Fraction(1, 2): 1}, over=R) * ac.delta(-sympy.pi, over=R)
    assert p + ac.delta(0.5, over=R) == 2 * ac.delta(Fraction(1, 2), over=R)


MASKED = np.ma.array([1, 2, 3, 4], mask=[0, 1, 0, 0])


@pytest.mark.parametrize("call", [
    lambda: ac.convolve(MASKED, [1, 1]),
    lambda: ac.convolve([1, 1], MASKED),
    lambda: ac.correlate(MASKED, [1]),
    lambda: ac.filter(MASKED, [1, 1]),
    lambda: ac.filter([1, 2], MASKED[:2]),
    lambda: ac.convolve_cyclic(MASKED, [1, 0, 0, 0]),
    lambda: ac.convolve_xor(MASKED, [1, 0, 0, 0]),
    lambda: ac.convolve_or(MASKED, [1, 0, 0, 0]),
    lambda: ac.convolve_dirichlet(MASKED, [1, 0, 0, 0]),
    lambda: ac.inverse(MASKED, over=ac.Multiplicative()),
    lambda: ac.Function.from_array(MASKED, over=ac.Integers()),
])
def test_masked_arrays_are_refused(call):
    with pytest.raises(ac.InvalidType, match="masked array, but masks are not honoured"):
        call()
