"""``np.asarray(f)`` gives the dense array, and float values of mixed dtypes come out as one."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import algconv as ac

FINITE = [ac.Cyclic(5), ac.SymmetricGroup(3), ac.DihedralGroup(4), ac.BooleanGroup(3),
          ac.product(ac.Cyclic(2), ac.Cyclic(3))]


@pytest.mark.parametrize("over", FINITE, ids=repr)
def test_asarray_on_a_finite_structure_is_the_values_in_elements_order(over):
    elements = over.elements()
    values = {x: i * i + 1 for i, x in enumerate(elements) if i % 2 == 0}
    array = np.asarray(ac.Function(values, over=over))
    expected = [values.get(x, 0) for x in elements]  # written out by hand, element by element
    assert array.shape == (over.order,) and array.tolist() == expected


def test_asarray_on_lattices_is_the_bounding_box_from_start():
    f = ac.Function({(-1, 2): 3, (1, 0): 5}, over=ac.Lattice(2))
    array = np.asarray(f)
    assert array.shape == (3, 3) and f.start == (-1, 0)
    for i in range(3):
        for j in range(3):
            assert array[i, j] == f((i - 1, j + 0))
    assert np.asarray(ac.Function({2: 1, 4: 7}, over=ac.Integers())).tolist() == [1, 0, 7]
    assert np.asarray(ac.Function({0: 1, 2: 2}, over=ac.Naturals())).tolist() == [1, 0, 2]
    assert np.asarray(ac.Function({2: 1, 3: 4}, over=ac.Multiplicative())).tolist() == [1, 4]


def test_asarray_dtype_and_copy():
    f = ac.Function.from_array(np.array([1, 2, 3]), over=ac.Integers())
    array = np.asarray(f, dtype=np.float32)
    assert array.dtype == np.float32 and array.tolist() == [1.0, 2.0, 3.0]
    np.asarray(f)[0] = 100  # a copy: f itself does not change
    assert f(0) == 1
    assert np.array_equal(np.array(ac.delta(over=ac.Cyclic(3))), [1, 0, 0])


def test_asarray_without_a_dense_layout_is_invalid_type():
    f = ac.Function({"ab": 1}, over=ac.FreeMonoid("ab"))
    with pytest.raises(ac.InvalidType, match=r"over=FreeMonoid\('ab'\).*to_dict"):
        np.asarray(f)
    with pytest.raises(TypeError):  # InvalidType is also a TypeError
        np.asarray(ac.Function({1.5: 1}, over=ac.Reals()))


def test_numpy_scalars_still_scale_a_function():
    f = ac.Function({0: 1, 1: 2}, over=ac.Integers())
    for c in (np.float64(2.0), np.int64(2)):
        g = c * f
        assert isinstance(g, ac.Function) and g.to_dict() == {0: 2, 1: 4}


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([np.float32, np.float64, float]),
                          st.floats(-100, 100, allow_nan=False, width=32).filter(bool)),
                min_size=2, max_size=6))
def test_mixed_float_dtypes_come_out_in_one_dtype(pairs):
    values = {i: kind(v) for i, (kind, v) in enumerate(pairs)}
    f = ac.Function(values, over=ac.Integers())
    kinds = {kind for kind, _ in pairs}
    out = list(f.to_dict().values())
    if np.float32 in kinds and kinds - {np.float32}:  # float32 with float64 or a Python float
        assert {type(v) for v in out} == {np.float64}
        assert [float(v) for v in out] == [float(values[i]) for i in range(len(pairs))]
    for g in (f * f, f + f, f.pointwise(f)):
        dtypes = {np.asarray(v).dtype for v in g.to_dict().values()}
        assert len(dtypes) <= 1, g
    # the convolution's values agree with the brute-force sum over a + b = c in float64
    brute = {}
    for a, u in values.items():
        for b, w in values.items():
            brute[a + b] = brute.get(a + b, 0.0) + float(u) * float(w)
    got = (f * f).to_dict()
    for c, v in brute.items():
        assert float(got.get(c, 0.0)) == pytest.approx(v, rel=1e-5, abs=1e-3)


def test_float32_with_float64_on_a_free_monoid_product():
    F = ac.FreeMonoid("ab")
    f = ac.Function({"a": np.float32(1.5)}, over=F)
    g = ac.Function({"": 2.0, "b": np.float64(1.0)}, over=F)
    h = f * g
    assert h.to_dict() == {"a": 3.0, "ab": 1.5}
    assert {type(v) for v in h.to_dict().values()} == {np.float64}
