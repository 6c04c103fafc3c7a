"""Hypothesis: convolution is associative on every monoid, commutative exactly when it is."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac

small = st.integers(-5, 5)


def functions(M, elements, max_size=4):
    return st.dictionaries(elements, small, max_size=max_size).map(lambda d: ac.Function(d, over=M))


def finite_functions(M, max_size=5):
    return functions(M, st.sampled_from(M.elements()), max_size)


def _order21():
    els = [(a, b) for a in range(7) for b in range(3)]
    index = {x: i for i, x in enumerate(els)}
    op = lambda x, y: ((x[0] + pow(2, x[1], 7) * y[0]) % 7, (x[1] + y[1]) % 3)  # noqa: E731
    table = [[index[op(x, y)] for y in els] for x in els]
    return ac.FiniteGroup.from_cayley_table(table, labels=els)


STRUCTURES = {
    "Z": (ac.Integers(), st.integers(-10, 10)),
    "Z2": (ac.Lattice(2), st.tuples(st.integers(-5, 5), st.integers(-5, 5))),
    "S4": (ac.SymmetricGroup(4), None),
    "D5": (ac.DihedralGroup(5), None),
    "order21": (_order21(), None),
    "FreeMonoid": (ac.FreeMonoid("ab"), st.text(alphabet="ab", max_size=3)),
}


def _strategy(name):
    M, els = STRUCTURES[name]
    return M, (functions(M, els) if els is not None else finite_functions(M))


def make_associativity_test(name):
    M, fns = _strategy(name)

    @settings(max_examples=40, deadline=None)
    @given(fns, fns, fns)
    def test(f, g, h):
        assert (f * g) * h == f * (g * h)

    return test


for _name in STRUCTURES:
    globals()[f"test_associativity_{_name}"] = make_associativity_test(_name)


@settings(max_examples=40, deadline=None)
@given(functions(ac.Integers(), st.integers(-10, 10)), functions(ac.Integers(), st.integers(-10, 10)))
def test_commutative_on_z(f, g):
    assert f * g == g * f


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(-9, 9), min_size=1, max_size=8),
       st.lists(st.integers(-9, 9), min_size=1, max_size=8))
def test_arrays_and_functions_agree(a, b):
    Z = ac.Integers()
    h = ac.Function.from_array(a, over=Z) * ac.Function.from_array(b, over=Z)
    assert h == ac.Function.from_array(np.convolve(a, b), over=Z)


def test_commutativity_fails_on_s3_with_a_witness():
    S3 = ac.SymmetricGroup(3)
    witness = None
    for a in S3.elements():
        for b in S3.elements():
            f, g = ac.delta(a, over=S3), ac.delta(b, over=S3)
            if f * g != g * f:
                witness = (a, b)
                break
        if witness:
            break
    assert witness is not None
    a, b = witness
    assert S3.op(a, b) != S3.op(b, a)
