"""The bare exceptions of issue 12 point 8, and the ones the sweep found, each pinned down."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

import algconv as ac


@pytest.mark.parametrize("table", [[[0, 1], [1, 0], [0, 1]], [[0, 1, 2]], [[0], [0, 1]],
                                   np.zeros((2, 2, 2), int), [[]]])
def test_a_cayley_table_that_is_not_square_is_an_invalid_structure(table):
    with pytest.raises(ac.InvalidStructure, match="square"):
        ac.FiniteGroup.from_cayley_table(table)


def test_mixing_curve_with_a_number_for_ks():
    step = ac.Function({1: Fraction(1, 2), 0: Fraction(1, 2)}, over=ac.Cyclic(2))
    with pytest.raises(ac.InvalidType):
        ac.probability.mixing_curve(step, 5)


def test_cayley_graph_of_a_monoid_has_an_edge_per_element_and_generator():
    graph = ac.graphs.cayley_graph(ac.SubsetMonoid(2), [1, 2])
    assert graph.number_of_edges() == 4 * 2


@pytest.mark.parametrize("call", [
    lambda: ac.Cyclic(-(10**5000)),
    lambda: ac.Cyclic(3).check(10**5000),
    lambda: ac.Function({10**5000: 1}, over=ac.Cyclic(3)),
    lambda: ac.convolve([1], [1], mode=10**5000),
])
def test_a_5000_digit_int_in_an_error_message(call):
    # repr() of an int past sys.get_int_max_str_digits() raises ValueError itself
    with pytest.raises(ac.AlgconvError, match="<int of 5001 digits>"):
        call()


# --- the sweep's KNOWN entries, each fixed at its cause ------------------------------------------

_HUGE = 10**5000


@pytest.mark.parametrize("call, error, match", [
    (lambda: ac.config.check_memory(None, "x"), ac.InvalidType, "nbytes=None"),
    (lambda: ac.config.check_memory(float("nan"), "x"), ac.InvalidArgument, "nbytes=nan"),
    (lambda: ac.config.check_time("1", "x"), ac.InvalidType, "seconds='1'"),
    (lambda: ac.fourier.Representation(None, 1, "a", len, True), ac.InvalidType, "group=None"),
    (lambda: ac.fourier.Representation(ac.Cyclic(2), None, "a", len, True), ac.InvalidType,
     "dimension=None"),
    (lambda: ac.fourier.Representation(ac.Cyclic(2), 0, "a", len, True), ac.InvalidArgument,
     "dimension=0"),
    (lambda: ac.fourier.Representation(ac.Cyclic(2), 1, "a", None, True), ac.InvalidType,
     "matrix=None"),
    (lambda: ac.structures.compose(None, None), ac.InvalidType, "a=None"),
    (lambda: ac.structures.compose((0, 1), "ab"), ac.InvalidType, "b='ab'"),
    (lambda: ac.structures.compose((0, 5), (1, 0)), ac.InvalidArgument, r"range\(2\)"),
    (lambda: ac.structures.invert(None), ac.InvalidType, "a=None"),
    (lambda: ac.structures.invert((0, 0)), ac.InvalidArgument, r"a=\(0, 0\)"),
    (lambda: ac.strategies.finite_groups(2**70), ac.InvalidArgument, "max_order=1180591"),
    (lambda: ac.strategies.finite_monoids(2**70), ac.InvalidArgument, "max_order=1180591"),
    (lambda: ac.Function({0: 1}, over=ac.Cyclic(3)).isclose(
        ac.Function({0: 1}, over=ac.Cyclic(3)), rtol=ac.Function({0: 1}, over=ac.Cyclic(3))),
     ac.InvalidType, "rtol=Function"),
    (lambda: ac.Function({0: 1}, over=ac.Cyclic(3)).isclose(
        ac.Function({0: 1}, over=ac.Cyclic(3)), atol=_HUGE), ac.InvalidArgument,
     "atol=<int of 5001 digits>"),
])
def test_bad_arguments_are_named(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_compose_and_invert_still_work_on_good_input():
    # against sympy's product (first a, then b) and inverse
    from sympy.combinatorics import Permutation

    a, b = (2, 0, 3, 1), (1, 3, 0, 2)
    assert ac.structures.compose(a, b) == tuple((Permutation(a) * Permutation(b)).array_form)
    assert ac.structures.invert(a) == tuple((~Permutation(a)).array_form)
    assert ac.structures.compose((0, 0, 1), (2, 1)) == (2, 2, 1)  # a transformation


@pytest.mark.parametrize("scale", [lambda f: f * _HUGE, lambda f: _HUGE * f,
                                   lambda f: f * np.array([_HUGE], dtype=object)[0]])
def test_float_values_times_an_int_past_the_float_range(scale):
    f = ac.Function.from_array(np.ones((2, 2)), over=ac.Lattice(2))
    with pytest.raises(ac.InvalidArgument, match="<int of 5001 digits>.*float range"):
        scale(f)
    # within the float range the product is Python's float product
    assert (f * 2**70).to_array().tolist() == [[float(2**70)] * 2] * 2


def test_convolving_floats_with_an_int_past_the_float_range_names_it():
    with pytest.raises(ac.InvalidArgument, match="float range"):
        ac.convolve([1.5], [10**400])


def test_an_empty_list_is_an_empty_int_array():
    assert ac.validation.as_value_array([], "f").dtype == np.int64
    out = ac.convolve([], [10**400])
    assert out.size == 0 and out.dtype.kind in "iO"


@pytest.mark.parametrize("f", [
    ac.Function.from_array(np.ones((2, 2)), over=ac.Lattice(2)),
    ac.Function({0: Fraction(1, 2), 3: 1}, over=ac.Integers()),
    ac.Function({0: 1, 1: 2}, over=ac.Cyclic(3)),
])
def test_a_power_with_a_5000_digit_exponent_is_refused_up_front(f):
    with pytest.raises(ac.InvalidArgument, match=r"f \*\* <int of 5001 digits>"):
        f ** _HUGE


def _lattice_pair(d, values):
    L = ac.Lattice(d)
    origin, step = (0,) * d, (1,) + (0,) * (d - 1)
    return ac.Function({origin: values[0], step: values[1]}, over=L)


@pytest.mark.parametrize("values", [(1, 2), (1.5, 2.0)])
@pytest.mark.parametrize("method", ["exact", "fft", "overlap-add"])
def test_array_engines_refuse_more_axes_than_numpy_has(values, method):
    f = _lattice_pair(70, values)
    with pytest.raises(ac.MethodNotApplicable, match="at most 64 axes"):
        ac.convolve(f, f, method=method)


@pytest.mark.parametrize("values", [(1, 2), (1.5, 2.0)])
def test_auto_on_lattice_70_takes_the_direct_sum(values):
    f = _lattice_pair(70, values)
    h = ac.convolve(f, f)
    a, b = values
    e0, e1 = (0,) * 70, (1,) + (0,) * 69
    e2 = (2,) + (0,) * 69
    # brute force: sum over x + y = c of f(x) f(y)
    assert h.to_dict() == {e0: a * a, e1: 2 * a * b, e2: b * b}
    assert ac.convolve(f, f, method="direct") == h


@pytest.mark.parametrize("call, error, match", [
    (lambda: ac.plot.new_figure(2**70), ac.InvalidArgument, "width=1180591"),
    (lambda: ac.plot.new_figure("4"), ac.InvalidType, "width='4'"),
    (lambda: ac.plot.new_figure(4, float("nan")), ac.InvalidArgument, "height=nan"),
    (lambda: ac.plot.save_figure("fig", "x.png"), ac.InvalidType, "fig='fig'"),
    (lambda: ac.plot.save_figure(ac.plot.new_figure(), 3), ac.InvalidType, "path=3"),
    (lambda: ac.plot.save_figure(ac.plot.new_figure(), "x.png", dpi=10**6), ac.InvalidArgument,
     "dpi=1000000"),
    (lambda: ac.plot.flip_and_slide([1], [1], None), ac.InvalidArgument, "path=None"),
    (lambda: ac.plot.flip_and_slide([1], [1], 5), ac.InvalidType, "path=5"),
    (lambda: ac.plot.flip_and_slide([1], [1], "x.gif", dpi=2**70), ac.InvalidArgument, "dpi="),
    (lambda: ac.plot.plot_cayley_graph(ac.Cyclic(3), None), ac.InvalidType, "generators=None"),
    (lambda: ac.plot.plot_cayley_graph(ac.Cyclic(3), [1], generator_names=-1), ac.InvalidType,
     "generator_names=-1"),
    (lambda: ac.plot.plot_cayley_graph(ac.Cyclic(3), [1], layout={0: (0, 0)}),
     ac.InvalidArgument, "no entry for the element 1"),
    (lambda: ac.plot.plot_cayley_graph(ac.Cyclic(3), [1], values=[1, 2, 3]), ac.InvalidType,
     "values="),
    (lambda: ac.plot.plot_functions([1], [1], names=None), ac.InvalidType, "names=None"),
    (lambda: ac.plot.plot_functions([1], [1], names=-1), ac.InvalidType, "names=-1"),
    (lambda: ac.plot.plot_functions([1], [1], names=("f", "g")), ac.InvalidArgument, "names="),
    (lambda: ac.plot.plot_functions([1], [1], title=3), ac.InvalidType, "title=3"),
    (lambda: ac.plot.show_kernels(np.eye(3), {"k": np.ones((2, 2)) * 1j}), ac.InvalidType,
     "real values"),
    (lambda: ac.plot.show_kernels([[1j, 0], [0, 1]], {}), ac.InvalidType, "image="),
    (lambda: ac.plot.show_kernels(np.eye(3), None), ac.InvalidType, "kernels=None"),
])
def test_plot_arguments_are_validated(call, error, match, tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(error, match=match):
        call()
