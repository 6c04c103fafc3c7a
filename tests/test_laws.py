"""Tests of algconv.laws: every built-in passes, and broken structures fail with minimal witnesses."""

import itertools
import warnings
import re
from fractions import Fraction

import pytest
from hypothesis import strategies as st
from sympy.combinatorics.named_groups import DihedralGroup as SympyDihedral
from sympy.combinatorics.named_groups import SymmetricGroup as SympySymmetric

import algconv as ac
from algconv.engines import ENGINES
from algconv.engines.base import Engine
from algconv.engines.direct import pair_sum
from algconv.laws import LAWS, ConvolutionLaws, applicable_laws, check
from algconv.structures import compose


def _max_monoid():
    return ac.Monoid.from_operation(max, 0, elements=range(5), commutative=True,
                                    name="max-monoid")


class IntMatrices(ac.Monoid):
    """2x2 integer matrices under multiplication, with the generator hook."""

    def _params(self):
        return ()

    @property
    def identity(self):
        return (1, 0, 0, 1)

    def op(self, x, y):
        a, b, c, d = x
        e, f, g, h = y
        return (a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)

    def contains(self, x):
        return isinstance(x, tuple) and len(x) == 4 and all(type(v) is int for v in x)

    def hypothesis_elements(self):
        return st.tuples(*[st.integers(-3, 3)] * 4)


BUILTINS = {
    "Integers": ac.Integers(),
    "Lattice2": ac.Lattice(2),
    "Naturals": ac.Naturals(),
    "Multiplicative": ac.Multiplicative(),
    "Reals": ac.Reals(),
    "Cyclic1": ac.Cyclic(1),
    "Cyclic12": ac.Cyclic(12),
    "BooleanGroup3": ac.BooleanGroup(3),
    "SubsetMonoid3": ac.SubsetMonoid(3),
    "SymmetricGroup4": ac.SymmetricGroup(4),
    "SymmetricGroup20": ac.SymmetricGroup(20),
    "AlternatingGroup4": ac.AlternatingGroup(4),
    "DihedralGroup2": ac.DihedralGroup(2),
    "DihedralGroup5": ac.DihedralGroup(5),
    "DihedralGroup20": ac.DihedralGroup(20),  # degree 20: the vectorised table overflowed
    "ProductC2C3": ac.product(ac.Cyclic(2), ac.Cyclic(3)),
    "ProductS3Subset1": ac.product(ac.SymmetricGroup(3), ac.SubsetMonoid(1)),
    "ProductZC3": ac.product(ac.Integers(), ac.Cyclic(3)),
    "FreeMonoidAB": ac.FreeMonoid("ab"),
    "FreeMonoidA": ac.FreeMonoid("a"),
    "CayleyTable": ac.FiniteGroup.from_cayley_table(
        [[0, 1, 2, 3], [1, 0, 3, 2], [2, 3, 1, 0], [3, 2, 0, 1]], labels="eabc"),
    "Generated": ac.FiniteGroup.from_generators([(1, 0, 2, 3), (1, 2, 3, 0)], compose),
    "SympyD4": ac.FiniteGroup.from_sympy(SympyDihedral(4)),
    "SympyS8": ac.FiniteGroup.from_sympy(SympySymmetric(8)),
    "MaxMonoid": _max_monoid(),
    "UserMatrices": IntMatrices(),
}

# The project's own use of ConvolutionLaws: one collected class per built-in structure.
for _name, _M in BUILTINS.items():
    globals()[f"TestLaws{_name}"] = ConvolutionLaws.for_structure(_M, max_examples=10)


def test_for_structure_makes_collectable_classes_with_one_test_per_law():
    T = ConvolutionLaws.for_structure(ac.Naturals())
    assert T.__name__.startswith("Test")
    tests = sorted(m for m in dir(T) if m.startswith("test_"))
    assert tests == sorted("test_" + n.replace("-", "_") for n in applicable_laws(ac.Naturals()))
    assert "test_inverses" not in tests  # N is not a group
    assert "test_commutativity" in dir(ConvolutionLaws.for_structure(ac.Cyclic(3)))
    assert "test_commutativity" not in dir(ConvolutionLaws.for_structure(ac.SymmetricGroup(3)))


@pytest.mark.parametrize("M", [ac.Cyclic(6), ac.SymmetricGroup(3), ac.Integers()], ids=repr)
def test_check_runs_every_applicable_law_in_order(M):
    report = check(M, max_examples=5)
    assert [r.name for r in report.results] == list(applicable_laws(M))
    assert report.ok and report.failed == []
    assert all(r.counterexample is None for r in report.results)


def test_applicable_laws():
    assert applicable_laws(ac.Cyclic(3)) == LAWS
    assert set(LAWS) - set(applicable_laws(ac.SymmetricGroup(3))) == {
        "commutativity", "convolution-commutativity"}
    assert set(LAWS) - set(applicable_laws(ac.FreeMonoid("ab"))) == {
        "inverses", "commutativity", "convolution-commutativity"}


# --- failures with minimal witnesses -----------------------------------------------------------


def _first_failure(elements, arity, holds):
    """Independent truth: the first tuple in elements order where a law fails."""
    return next(t for t in itertools.product(elements, repeat=arity) if not holds(*t))


def test_non_associative_operation_fails_with_first_triple():
    sub = lambda a, b: (a - b) % 5  # noqa: E731
    M = ac.Monoid.from_operation(sub, 0, elements=range(5), commutative=False)
    report = check(M, max_examples=20)
    assert not report.ok
    r = report["associativity"]
    assert not r.held and r.checked == "all 125 triples"
    expected = _first_failure(range(5), 3, lambda a, b, c: sub(sub(a, b), c) == sub(a, sub(b, c)))
    assert r.counterexample == expected == (0, 0, 1)
    assert "(a.b).c = 4 but a.(b.c) = 1" in r.detail
    # convolution inherits the failure, witnessed by Functions
    conv = report["convolution-associativity"]
    assert not conv.held and all(isinstance(f, ac.Function) for f in conv.counterexample)
    # ... and check did not stop at the first failure
    assert [x.name for x in report.results] == list(applicable_laws(M))


def test_non_associative_infinite_operation_is_shrunk():
    M = ac.Monoid.from_operation(lambda a, b: a - b, 0, inverse=lambda a: a,
                                 contains=lambda x: type(x) is int)
    M.hypothesis_elements = lambda: st.integers(-1000, 1000)
    r = check(M, max_examples=50)["associativity"]
    assert not r.held
    a, b, c = r.counterexample
    assert (a, b) == (0, 0) and abs(c) == 1  # (a-b)-c == a-(b-c) iff c == 0
    conv = check(M, max_examples=50, laws=["convolution-associativity"]).results[0]
    f, g, h = conv.counterexample
    assert not conv.held
    assert max(len(f.support), len(g.support), len(h.support)) == 1  # shrunk to deltas


def test_false_commutativity_claim_fails_with_witness_pair():
    S3 = ac.SymmetricGroup(3)
    M = ac.Monoid.from_operation(compose, S3.identity, elements=S3.elements(),
                                 inverse=ac.structures.invert, commutative=True)
    report = check(M, max_examples=20)
    failed = {r.name for r in report.failed}
    assert failed == {"commutativity", "convolution-commutativity"}
    a, b = report["commutativity"].counterexample
    assert compose(a, b) != compose(b, a)
    assert (a, b) == _first_failure(S3.elements(), 2, lambda x, y: compose(x, y) == compose(y, x))
    f, g = report["convolution-commutativity"].counterexample
    assert ac.convolve(f, g) != ac.convolve(g, f)


def test_false_commutativity_claim_on_an_infinite_structure():
    W = ac.Monoid.from_operation(lambda a, b: a + b, "", commutative=True,
                                 contains=lambda x: isinstance(x, str))
    W.hypothesis_elements = lambda: st.text("ab", max_size=5)
    r = check(W, max_examples=50)["commutativity"]
    assert not r.held and sorted(r.counterexample) == ["a", "b"]


def test_table_without_identity_fails_identity():
    left_zero = [[0, 0, 0], [1, 1, 1], [2, 2, 2]]  # a.b = a: associative, no identity
    M = ac.Monoid.from_operation(lambda a, b: left_zero[a][b], 0, elements=range(3))
    report = check(M, max_examples=20)
    assert report["associativity"].held and report["closure"].held
    r = report["identity"]
    assert not r.held and r.counterexample == (1,)
    assert not report["convolution-identity"].held


def test_monoid_claimed_to_be_a_group_fails_inverses():
    M = ac.Monoid.from_operation(max, 0, elements=range(4), inverse=lambda a: a,
                                 commutative=True)
    report = check(M, max_examples=20)
    r = report["inverses"]
    assert not r.held and r.counterexample == (1,)
    assert "not the identity 0" in r.detail
    assert report["associativity"].held and report["identity"].held


def test_identity_that_is_not_an_element():
    M = ac.Monoid.from_operation(lambda a, b: (a + b) % 3, 0, elements=range(3),
                                 commutative=True)
    M._identity = 7  # a lying claim
    r = check(M, max_examples=5)["identity"]
    assert not r.held and r.counterexample == (7,)


def test_operation_that_leaves_the_set_fails_closure_and_still_checks_the_rest():
    M = ac.Monoid.from_operation(lambda a, b: a + b, 0, elements=range(4), commutative=True)
    report = check(M, max_examples=10)
    r = report["closure"]
    assert not r.held and r.counterexample == (1, 3)
    assert report["associativity"].held  # checked by brute force despite closure failing
    assert len(report.results) == len(applicable_laws(M))


def test_operation_that_raises_is_a_failure_not_a_crash():
    def op(a, b):
        if a == 2 and b == 2:
            raise ZeroDivisionError("boom")
        return max(a, b)

    M = ac.Monoid.from_operation(op, 0, elements=range(3), commutative=True)
    r = check(M, max_examples=5)["closure"]
    assert not r.held and r.counterexample == (2, 2) and "ZeroDivisionError" in r.detail


class _Broken(Engine):
    name = "broken"
    summary = "adds one at the identity"

    def applies(self, p):
        return None if p.over.is_finite else "it is a test double"

    def cost(self, p):
        return 1e9  # never chosen by auto

    def run(self, p):
        right = ac.Function._from_dict(pair_sum(p.f, p.g), p.over)
        return right + ac.delta(over=p.over) if right.support else right


def test_engine_agreement_names_a_wrong_engine(monkeypatch):
    monkeypatch.setitem(ENGINES, "broken", _Broken())
    report = check(ac.Cyclic(4), max_examples=20)
    assert [r.name for r in report.failed] == ["engine-agreement"]
    r = report["engine-agreement"]
    assert "'broken'" in r.detail and "broken" in r.checked
    f, g = r.counterexample
    assert len(f.support) == len(g.support) == 1  # shrunk to two deltas


def test_engine_agreement_runs_every_applicable_engine():
    r = check(ac.Cyclic(5), laws=["engine-agreement"], max_examples=5).results[0]
    assert r.held and "direct" in r.checked and "table" in r.checked
    r = check(ac.FreeMonoid("ab"), laws=["engine-agreement"], max_examples=5).results[0]
    assert "table" not in r.checked  # infinite: the table engine does not apply


def test_forced_engine_must_apply():
    with pytest.raises(ac.MethodNotApplicable, match="method='table'"):
        check(ac.Integers(), engine="table", laws=["convolution-identity"], max_examples=5)
    assert check(ac.Cyclic(4), engine="table", max_examples=5).ok


@pytest.mark.parametrize("kind", ["rational", "float", "complex", "sympy"])
def test_other_value_kinds(kind):
    report = check(ac.DihedralGroup(3), values=ac.strategies.values(kind), max_examples=10)
    assert report.ok, str(report)


def test_user_structure_with_hook_passes():
    report = check(IntMatrices(), max_examples=30)
    assert report.ok, str(report)
    assert "inverses" not in [r.name for r in report.results]


def test_report_table_and_result_strings():
    M = ac.Monoid.from_operation(lambda a, b: (a - b) % 3, 0, elements=range(3))
    report = check(M, max_examples=10)
    text = str(report)
    lines = text.splitlines()
    assert re.match(r"laws of .*: \d+ of \d+ FAILED", lines[0])
    assert lines[1].split() == ["law", "result", "checked", "counterexample"]
    assert any(line.split()[:2] == ["associativity", "FAILED"] for line in lines)
    assert "(0, 0, 1)" in text and "associativity: (a.b).c" in text
    assert str(report["closure"]).startswith("closure: held")
    assert str(report["associativity"]).startswith("associativity: FAILED for (0, 0, 1)")
    with pytest.raises(ac.InvalidArgument, match="name='nonsense', but this report checked"):
        report["nonsense"]


def test_progress_callback():
    calls = []
    check(ac.Cyclic(3), max_examples=3, progress=lambda *a: calls.append(a))
    assert calls == [(i, 10, name) for i, name in enumerate(LAWS, 1)]


def test_failing_generated_test_class_reports_the_counterexample():
    M = ac.Monoid.from_operation(max, 0, elements=range(3), inverse=lambda a: a,
                                 commutative=True)
    T = ConvolutionLaws.for_structure(M, max_examples=5, name="TestBroken")
    T().test_associativity()
    with pytest.raises(AssertionError, match=r"inverses: FAILED for \(1,\)"):
        T().test_inverses()


def test_check_is_deterministic():
    M = ac.Monoid.from_operation(lambda a, b: a - b, 0, contains=lambda x: type(x) is int)
    M.hypothesis_elements = lambda: st.integers()
    a = check(M, max_examples=30, laws=["identity", "bilinearity"])
    b = check(M, max_examples=30, laws=["identity", "bilinearity"])
    assert [r.counterexample for r in a.results] == [r.counterexample for r in b.results]


BAD = [
    (lambda: check("Cyclic(3)"), ac.InvalidType, "expected a structure object"),
    (lambda: check(ac.Cyclic(3), engine="nope"), ac.InvalidArgument, "engine='nope'"),
    (lambda: check(ac.Naturals(), laws=["inverses"]), ac.InvalidArgument,
     "not a law Naturals\\(\\) claims"),
    (lambda: check(ac.Cyclic(3), laws=["gravity"]), ac.InvalidArgument, "not a law;"),
    (lambda: check(ac.Cyclic(3), max_examples=0), ac.InvalidArgument, "max_examples=0"),
    (lambda: check(ac.Cyclic(3), engine=["direct"]), ac.InvalidType, "engine="),
    (lambda: check(ac.Cyclic(3), laws="associativity"), ac.InvalidType, "list of law names"),
    (lambda: check(ac.Cyclic(3), values=[1, 2]), ac.InvalidType, "values="),
    (lambda: check(ac.Cyclic(3), progress=5), ac.InvalidType, "progress=5"),
    (lambda: check(ac.Monoid.from_operation(max, 0)), ac.InvalidArgument, "hypothesis_elements"),
    (lambda: ConvolutionLaws.for_structure(3), ac.InvalidType, "M=3"),
]


@pytest.mark.parametrize("call, error, match", BAD)
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_fraction_values_stay_exact_in_laws():
    half = st.just(Fraction(1, 3))
    assert check(ac.Cyclic(3), values=half, max_examples=3).ok


def test_check_writes_nothing_into_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert ac.laws.check(ac.Cyclic(3), max_examples=5).ok
    assert list(tmp_path.iterdir()) == []


def test_fourier_refuses_a_trusted_structure_that_is_not_a_group():
    # a non-commutative loop (identity, two-sided inverses) that is not associative
    table = [[0, 1, 2, 3, 4, 5], [1, 0, 3, 4, 5, 2], [2, 4, 0, 5, 1, 3], [3, 5, 1, 0, 2, 4],
             [4, 2, 5, 1, 3, 0], [5, 3, 4, 2, 0, 1]]
    G = ac.Monoid.from_operation(lambda a, b: table[a][b], 0, elements=range(6),
                                 inverse=lambda a: table[a].index(0))
    f = ac.Function({1: 1.0, 2: 2.0}, over=G)
    with pytest.raises(ac.MethodNotApplicable, match="not a group: associativity fails"):
        ac.convolve(f, f, method="fourier")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = ac.laws.check(G, max_examples=10, laws=["engine-agreement"]).results[0]
    assert "fourier" not in result.checked and "raised" not in result.detail
    # a valid group given the same way still gets the fourier engine
    S3 = ac.SymmetricGroup(3)
    els = S3.elements()
    H = ac.Monoid.from_operation(S3.op, els[0], elements=els, inverse=S3.inverse)
    h = ac.Function({els[1]: 1.0, els[3]: 2.0}, over=H)
    assert ac.convolve(h, h, method="fourier").isclose(ac.convolve(h, h, method="direct"),
                                                       atol=1e-12)
