"""Tests of algconv.spec: the structure grammar of the command line, and Cayley-table files."""

import json

import pytest

import algconv as ac
from algconv.spec import load_table, parse_structure

GOOD = [
    ("Z", ac.Integers()),
    ("Integers", ac.Integers()),
    ("Integers()", ac.Integers()),
    ("Z2", ac.Lattice(2)),
    ("Z^3", ac.Lattice(3)),
    ("Lattice(2)", ac.Lattice(2)),
    ("Z/6", ac.Cyclic(6)),
    ("C6", ac.Cyclic(6)),
    ("Cyclic(12)", ac.Cyclic(12)),
    ("  Cyclic( 12 ) ", ac.Cyclic(12)),
    ("ac.Cyclic(5)", ac.Cyclic(5)),
    ("N", ac.Naturals()),
    ("Naturals", ac.Naturals()),
    ("Multiplicative", ac.Multiplicative()),
    ("R", ac.Reals()),
    ("Reals()", ac.Reals()),
    ("BooleanGroup(3)", ac.BooleanGroup(3)),
    ("SubsetMonoid(2)", ac.SubsetMonoid(2)),
    ("SymmetricGroup(4)", ac.SymmetricGroup(4)),
    ("S4", ac.SymmetricGroup(4)),
    ("AlternatingGroup(5)", ac.AlternatingGroup(5)),
    ("A5", ac.AlternatingGroup(5)),
    ("DihedralGroup(6)", ac.DihedralGroup(6)),
    ("D6", ac.DihedralGroup(6)),
    ("FreeMonoid('ab')", ac.FreeMonoid("ab")),
    ('FreeMonoid("xyz")', ac.FreeMonoid("xyz")),
    ("product(Cyclic(2), Cyclic(3))", ac.product(ac.Cyclic(2), ac.Cyclic(3))),
    ("product(Z/2, S3, product(Z, N))",
     ac.product(ac.Cyclic(2), ac.SymmetricGroup(3), ac.product(ac.Integers(), ac.Naturals()))),
    ("ac.product(ac.Cyclic(2),ac.Z/3)", ac.product(ac.Cyclic(2), ac.Cyclic(3))),
]


@pytest.mark.parametrize("spec, expected", GOOD)
def test_good_specs(spec, expected):
    assert parse_structure(spec) == expected


BAD = [
    ("", "it is empty"),
    ("Foo", "'Foo' is not a structure name; known names"),
    ("Cyclic", "Cyclic takes one int argument"),
    ("Cyclic(", "expected"),
    ("Cyclic(3", "expected ')'"),
    ("Cyclic(3))", "unexpected ')'"),
    ("Cyclic(2, 3)", "Cyclic takes one int argument"),
    ("Cyclic(2.5)", "character '.'"),
    ("Cyclic(-1)", "character '-'"),
    ("Integers(3)", "Integers takes no arguments"),
    ("product()", "one or more structures"),
    ("product(3)", "one or more structures"),
    ("FreeMonoid(3)", "quoted alphabet"),
    ("Z^", "expected an int"),
    ("__import__('os').system('echo hacked')", "character '.'"),
    ("Cyclic(3) + Cyclic(4)", "character '+'"),
    ("X9", "'X9' is not a structure name"),
]


@pytest.mark.parametrize("spec, match", BAD)
def test_bad_specs_raise_one_line_errors(spec, match):
    with pytest.raises(ac.InvalidArgument) as info:
        parse_structure(spec)
    message = str(info.value)
    assert match in message and "\n" not in message
    assert message.startswith(f"Got spec={spec!r}")


def test_constructor_validation_still_applies():
    with pytest.raises(ac.InvalidArgument, match="Got n=0"):
        parse_structure("Cyclic(0)")
    with pytest.raises(ac.InvalidType, match="spec=6"):
        parse_structure(6)


def _write(tmp_path, data, name="table.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return str(path)


def test_table_file_as_rows(tmp_path):
    path = _write(tmp_path, [[0, 1, 2], [1, 2, 0], [2, 0, 1]])
    G = parse_structure(path)
    assert isinstance(G, ac.FiniteGroup) and G.order == 3 and G.op(1, 2) == 0


def test_table_file_with_labels_lists_become_tuples(tmp_path):
    S3 = ac.SymmetricGroup(3)
    data = {"table": S3.cayley_table().tolist(), "labels": [list(p) for p in S3.elements()]}
    G = load_table(_write(tmp_path, data))
    assert G.elements() == S3.elements()
    assert all(G.op(a, b) == S3.op(a, b) for a in S3.elements() for b in S3.elements())


MONOID = [[0, 1, 2], [1, 1, 1], [2, 1, 2]]  # identity 0, absorbing 1, idempotent 2
LOOP = [[0, 1, 2], [1, 2, 0], [2, 0, 0]]  # identity and inverses, but (1.1).2 != 1.(1.2)


def test_monoid_table_is_a_validated_monoid(tmp_path):
    M = parse_structure(_write(tmp_path, {"table": MONOID, "labels": ["e", "z", "p"]}))
    labels = ["e", "z", "p"]
    assert isinstance(M, ac.Monoid) and not isinstance(M, ac.Group)
    assert M.identity == "e" and M.elements() == ("e", "z", "p") and M.is_commutative
    assert all(M.op(labels[i], labels[j]) == labels[MONOID[i][j]]
               for i in range(3) for j in range(3))


def test_table_that_is_not_a_monoid_names_the_failing_axiom(tmp_path):
    with pytest.raises(ac.InvalidStructure, match="associativity") as e:
        parse_structure(_write(tmp_path, LOOP))
    assert e.value.law == "associativity" and e.value.witness == (1, 1, 2)
    with pytest.raises(ac.InvalidStructure, match="identity"):
        parse_structure(_write(tmp_path, [[0, 0], [1, 1]]))


@pytest.mark.parametrize("table, group", [
    ([[0, 1, 2], [1, 2, 0], [2, 0, 1]], True),
    (MONOID, False),
    (LOOP, False),  # inverses but not associative: checked as a monoid claim
])
def test_unchecked_table_claims_a_group_only_for_a_group_table(tmp_path, table, group):
    M = parse_structure(_write(tmp_path, table), validate_tables=False)
    assert isinstance(M, ac.Group) is group


def test_unchecked_monoid_table_passes_every_law(tmp_path):
    M = parse_structure(_write(tmp_path, {"table": [[0, 1], [1, 1]], "labels": ["e", "x"]}),
                        validate_tables=False)
    report = ac.laws.check(M, max_examples=10)
    assert report.ok and "inverses" not in [r.name for r in report.results]


def test_unchecked_table_with_out_of_range_entry_fails_closure(tmp_path):
    M = load_table(_write(tmp_path, [[0, 1], [1, 5]]), validate=False)
    r = ac.laws.check(M, max_examples=5)["closure"]
    assert not r.held and r.counterexample == (1, 1)


def test_unchecked_table_without_identity(tmp_path):
    M = load_table(_write(tmp_path, [[0, 0], [1, 1]]), validate=False)
    assert not ac.laws.check(M, max_examples=5)["identity"].held


@pytest.mark.parametrize("content, match", [
    ("{not json", "not valid JSON"),
    ('{"rows": []}', "no 'table'"),
    ('{"table": [[0]], "labels": "a"}', "expected a list"),
    ('[["a"]]', "integer indices"),
])
def test_bad_table_files(tmp_path, content, match):
    with pytest.raises(ac.AlgconvError, match=match):
        parse_structure(_write(tmp_path, content))


def test_missing_table_file(tmp_path):
    with pytest.raises(ac.InvalidArgument, match="cannot be read"):
        parse_structure(str(tmp_path / "nope.json"))
