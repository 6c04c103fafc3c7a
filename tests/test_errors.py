"""One table of bad inputs across the public API: each raises the right AlgconvError subclass
with a message that names the bad value."""

from fractions import Fraction

import numpy as np
import pytest

import algconv as ac

Z, C4, S3 = ac.Integers(), ac.Cyclic(4), ac.SymmetricGroup(3)
f_z = ac.Function({0: 1}, over=Z)
f_c4 = ac.Function({0: 1}, over=C4)

BAD = [
    # (label, call, error class, text the message must contain)
    ("Cyclic(0)", lambda: ac.Cyclic(0), ac.InvalidArgument, "n=0"),
    ("Cyclic(-3)", lambda: ac.Cyclic(-3), ac.InvalidArgument, "n=-3"),
    ("Cyclic('6')", lambda: ac.Cyclic("6"), ac.InvalidType, "n='6'"),
    ("Cyclic(2.0)", lambda: ac.Cyclic(2.0), ac.InvalidType, "n=2.0"),
    ("Cyclic(True)", lambda: ac.Cyclic(True), ac.InvalidType, "n=True"),
    ("Lattice(0)", lambda: ac.Lattice(0), ac.InvalidArgument, "d=0"),
    ("SymmetricGroup(None)", lambda: ac.SymmetricGroup(None), ac.InvalidType, "n=None"),
    ("BooleanGroup(-1)", lambda: ac.BooleanGroup(-1), ac.InvalidArgument, "n=-1"),
    ("FreeMonoid('')", lambda: ac.FreeMonoid(""), ac.InvalidArgument, "alphabet=''"),
    ("FreeMonoid(['ab'])", lambda: ac.FreeMonoid(["ab"]), ac.InvalidType, "alphabet=['ab']"),
    ("product()", lambda: ac.product(), ac.InvalidArgument, "no factors"),
    ("product(5)", lambda: ac.product(ac.Cyclic(2), 5), ac.InvalidType, "factors[1]=5"),
    ("over as string", lambda: ac.Function({0: 1}, over="Cyclic(6)"), ac.InvalidType, "over='Cyclic(6)'"),
    ("over missing", lambda: ac.Function({0: 1}, over=None), ac.InvalidType, "over=None"),
    ("mapping is a list", lambda: ac.Function([1, 2], over=Z), ac.InvalidType, "mapping=[1, 2]"),
    ("key not in Z", lambda: ac.Function({1.5: 1}, over=Z), ac.NotInStructure, "key=1.5"),
    ("key not in C4", lambda: ac.Function({4: 1}, over=C4), ac.NotInStructure, "key=4"),
    ("string value", lambda: ac.Function({0: "3"}, over=Z), ac.InvalidType, "'3'"),
    ("bool value", lambda: ac.Function({0: True}, over=Z), ac.InvalidType, "True"),
    ("None value", lambda: ac.Function({0: None}, over=Z), ac.InvalidType, "None"),
    ("evaluate outside", lambda: f_c4(9), ac.NotInStructure, "x=9"),
    ("from_array wrong length", lambda: ac.Function.from_array([1, 2, 3], over=C4), ac.StructureMismatch, "shape (3,)"),
    ("from_array wrong ndim", lambda: ac.Function.from_array([[1]], over=Z), ac.StructureMismatch, "2 dimensions"),
    ("from_array start on finite", lambda: ac.Function.from_array([1] * 4, over=C4, start=1), ac.InvalidArgument, "start=1"),
    ("from_array bad start", lambda: ac.Function.from_array([[1]], over=ac.Lattice(2), start=(0,)), ac.InvalidType, "start=(0,)"),
    ("from_array negative start on N", lambda: ac.Function.from_array([1], over=ac.Naturals(), start=-1), ac.NotInStructure, "start=-1"),
    ("from_array on FreeMonoid", lambda: ac.Function.from_array([1], over=ac.FreeMonoid("a")), ac.InvalidArgument, "FreeMonoid('a')"),
    ("from_callable infinite", lambda: ac.Function.from_callable(abs, over=Z), ac.InvalidArgument, "Integers()"),
    ("from_callable bad value", lambda: ac.Function.from_callable(str, over=C4), ac.InvalidType, "'0'"),
    ("delta outside", lambda: ac.delta(7, over=C4), ac.NotInStructure, "x=7"),
    ("mixed structures +", lambda: f_z + f_c4, ac.StructureMismatch, "Cyclic(4)"),
    ("mixed structures *", lambda: f_z * f_c4, ac.StructureMismatch, "Cyclic(4)"),
    ("Function + number", lambda: f_z + 1, ac.InvalidType, "1"),
    ("Function * string", lambda: f_z * "x", ac.InvalidType, "'x'"),
    ("Function * ndarray", lambda: f_z * np.ones(2), ac.InvalidType, "ndarray"),
    ("negative power", lambda: f_z ** -2, ac.InvalidArgument, "k=-2"),
    ("unknown mode", lambda: ac.convolve([1], [1], mode="middle"), ac.InvalidArgument, "mode='middle'"),
    ("mode not a string", lambda: ac.convolve([1], [1], mode=1), ac.InvalidType, "mode=1"),
    ("unknown method", lambda: ac.convolve([1], [1], method="magic"), ac.InvalidArgument, "method='magic'"),
    ("method not applicable", lambda: ac.convolve([1], [1], method="table"), ac.MethodNotApplicable, "method='table'"),
    ("string array", lambda: ac.convolve(["1", "2"], [1]), ac.InvalidType, "'1'"),
    ("string argument", lambda: ac.convolve("12", [1]), ac.InvalidType, "f='12'"),
    ("object array with str", lambda: ac.convolve(np.array([1, "a"], dtype=object), [1]), ac.InvalidType, "'a'"),
    ("ragged list", lambda: ac.convolve([[1, 2], [3]], [[1]]), ac.InvalidArgument, "rectangular"),
    ("bool array", lambda: ac.Function.from_array(np.array([True, False]), over=Z), ac.InvalidType, "bool"),
    ("ndim mismatch", lambda: ac.convolve([1, 2], [[1]]), ac.StructureMismatch, "1 dimensions and g with 2"),
    ("0-d beside 1-d", lambda: ac.convolve(3, [4]), ac.StructureMismatch, "0 dimensions and g with 1"),
    ("valid mode misfit", lambda: ac.convolve(np.ones((2, 3)), np.ones((3, 2)), mode="valid"), ac.InvalidArgument, "(2, 3) and (3, 2)"),
    ("cyclic wrong length", lambda: ac.convolve([1, 2, 3], [1, 2, 3], over=C4), ac.StructureMismatch, "shape (3,)"),
    ("cyclic unequal shapes", lambda: ac.convolve([1] * 4, [[1, 1], [1, 1]], over=ac.product(ac.Cyclic(2), ac.Cyclic(2))), ac.StructureMismatch, "(4,)"),
    ("mode on a group", lambda: ac.convolve([1] * 4, [1] * 4, over=C4, mode="same"), ac.InvalidArgument, "mode='same'"),
    ("over not a structure", lambda: ac.convolve([1], [1], over=6), ac.InvalidType, "over=6"),
    ("arrays over FreeMonoid", lambda: ac.convolve([1], [1], over=ac.FreeMonoid("a")), ac.InvalidArgument, "FreeMonoid('a')"),
    ("Function beside array", lambda: ac.convolve(f_z, [1]), ac.InvalidType, "[1]"),
    ("Functions with mode", lambda: ac.convolve(f_z, f_z, mode="same"), ac.InvalidArgument, "mode='same'"),
    ("over disagrees", lambda: ac.convolve(f_z, f_z, over=C4), ac.StructureMismatch, "over=Cyclic(4)"),
    ("over passed positionally", lambda: ac.convolve([1] * 4, [1] * 4, C4), ac.InvalidType, "over= is keyword-only"),
    ("over passed fourth", lambda: ac.correlate([1] * 4, [1] * 4, "full", C4), ac.InvalidType, "method=Cyclic(4)"),
    ("choose_method over positional", lambda: ac.choose_method(f_z, f_z, Z), ac.InvalidType, "mode=Integers()"),
    ("correlate on N", lambda: ac.correlate(ac.delta(over=ac.Naturals()), ac.delta(over=ac.Naturals())), ac.InvalidArgument, "Naturals()"),
    ("table not square", lambda: ac.FiniteGroup.from_cayley_table([[0, 1]]), ac.InvalidStructure, "shape (1, 2)"),
    ("table of floats", lambda: ac.FiniteGroup.from_cayley_table([[0.5]]), ac.InvalidType, "float64"),
    ("table out of range", lambda: ac.FiniteGroup.from_cayley_table([[0, 5], [1, 0]]), ac.InvalidStructure, "= 5"),
    ("generators not callable op", lambda: ac.FiniteGroup.from_generators([1], op=3), ac.InvalidType, "op=3"),
    ("from_sympy non-group", lambda: ac.FiniteGroup.from_sympy([1, 2]), ac.InvalidType, "group=[1, 2]"),
    ("elements of Z", lambda: ac.Integers().elements(), ac.InvalidArgument, "Integers()"),
    ("index of non-element", lambda: S3.index((0, 1)), ac.NotInStructure, "(0, 1)"),
    ("isclose symbolic", lambda: ac.Function({0: __import__("sympy").Symbol("x")}, over=Z).isclose(f_z), ac.InvalidType, "numeric"),
    ("start on FreeMonoid", lambda: ac.Function({"a": 1}, over=ac.FreeMonoid("a")).start, ac.InvalidArgument, "FreeMonoid('a')"),
]


@pytest.mark.parametrize("label, call, error, text", BAD, ids=[b[0] for b in BAD])
def test_bad_input_raises_named_error(label, call, error, text):
    with pytest.raises(error) as info:
        call()
    assert isinstance(info.value, ac.AlgconvError)
    assert isinstance(info.value, (ValueError, TypeError))
    assert text in str(info.value), str(info.value)


def test_table_is_large_enough():
    assert len(BAD) >= 25


def test_hierarchy():
    for cls in (ac.NotInStructure, ac.StructureMismatch, ac.InvalidStructure,
                ac.MethodNotApplicable, ac.NoClosedForm, ac.NotInvertible, ac.InvalidArgument):
        assert issubclass(cls, ac.AlgconvError) and issubclass(cls, ValueError)
    assert issubclass(ac.InvalidType, ac.AlgconvError) and issubclass(ac.InvalidType, TypeError)


def test_fraction_values_are_fine():
    assert ac.Function({0: Fraction(1, 2)}, over=Z)(0) == Fraction(1, 2)
