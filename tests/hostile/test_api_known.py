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
