import json

import numpy as np
import pytest

from algconv.cli import main


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out.strip(), err.strip()


def test_inline(capsys):
    assert run(capsys, "conv", "[1,2,3]", "[0,1,0.5]") == (0, "[0.0, 1.0, 2.5, 4.0, 1.5]", "")
    assert run(capsys, "conv", "[[1,2],[3,4]]", "[[1,1]]")[1] == "[[1, 3, 2], [3, 7, 4]]"
    assert run(capsys, "conv", "[1,2,3]", "[1,1,1]", "--mode", "valid")[1] == "[6]"


def test_big_ints_stay_exact(capsys):
    big = 2**63 - 1
    status, out, _ = run(capsys, "conv", f"[{big}, 5]", f"[{big}]")
    assert status == 0
    assert json.loads(out) == [big * big, 5 * big]


def test_fractions(capsys):
    assert run(capsys, "conv", '["1/2", "1/2"]', '["1/2", "1/2"]')[1] == '["1/4", "1/2", "1/4"]'


def test_files_in_and_out(tmp_path, capsys):
    np.save(tmp_path / "f.npy", np.array([1, 2, 3]))
    (tmp_path / "g.csv").write_text("1,1\n")
    (tmp_path / "h.json").write_text("[1, 0, -1]")
    assert run(capsys, "conv", str(tmp_path / "f.npy"), str(tmp_path / "g.csv"))[1] == \
        "[1, 3, 5, 3]"
    assert run(capsys, "conv", str(tmp_path / "f.npy"), str(tmp_path / "h.json"))[1] == \
        "[1, 2, 2, -2, -3]"
    for suffix in ("npy", "csv", "json"):
        out = tmp_path / f"out.{suffix}"
        assert run(capsys, "conv", "[1,2]", "[1,1]", "-o", str(out)) == (0, "", "")
        if suffix == "npy":
            got = np.load(out).tolist()
        elif suffix == "csv":
            got = [int(v) for v in out.read_text().strip().split(",")]
        else:
            got = json.loads(out.read_text())
        assert got == [1, 3, 2]


def test_npy_output_refuses_big_ints(tmp_path, capsys):
    status, _, err = run(capsys, "conv", f"[{2**70}]", "[1]", "-o", str(tmp_path / "o.npy"))
    assert status == 2 and "use --output with .json" in err


@pytest.mark.parametrize("f, message", [
    ("[1,2", "inline JSON"),
    ("[[1,2],[3]]", "different lengths"),
    ("missing.npy", "no such file"),
    ("7", "not a single number"),
    ('["x"]', "expected a number"),
])
def test_bad_input_exit_2(capsys, f, message):
    status, out, err = run(capsys, "conv", f, "[1]")
    assert status == 2 and out == ""
    assert message in err and len(err.splitlines()) == 1


def test_bad_file_contents_exit_2(tmp_path, capsys):
    (tmp_path / "bad.csv").write_text("1,zebra\n")
    status, _, err = run(capsys, "conv", str(tmp_path / "bad.csv"), "[1]")
    assert status == 2 and "zebra" in err


@pytest.mark.parametrize("spec", ["Cyclic(", "NoSuchGroup(3)", "__import__('os')"])
def test_bad_spec_exit_2(capsys, spec):
    status, out, err = run(capsys, "conv", "[1,2]", "[1,1]", "--over", spec)
    assert status == 2 and out == "" and len(err.splitlines()) == 1


def test_specs(capsys):
    assert run(capsys, "conv", "[1,0,0,1]", "[0,1,0,0]", "--over", "Cyclic(4)")[1] == \
        "[1, 1, 0, 0]"
    assert run(capsys, "conv", "[1,2,3]", "[1,1]", "--over", "Z")[1] == "[1, 3, 5, 3]"
    assert run(capsys, "conv", "[[1,2]]", "[[1],[1]]", "--over", "Z2")[1] == "[[1, 2], [1, 2]]"
    # product(Cyclic(2), Cyclic(3)) in itertools.product order; shift by (0, 1)
    assert run(capsys, "conv", "[1,2,0,0,0,0]", "[0,1,0,0,0,0]", "--over",
               "product(Cyclic(2), Cyclic(3))")[1] == "[0, 1, 2, 0, 0, 0]"
    # S_3 in lexicographic order; delta at (0,2,1) squared is the identity
    status, out, _ = run(capsys, "conv", "[0,1,0,0,0,0]", "[0,1,0,0,0,0]", "--over",
                         "SymmetricGroup(3)")
    assert (status, out) == (0, "[1, 0, 0, 0, 0, 0]")


def test_over_a_monoid_table_equals_the_brute_force_sum(tmp_path, capsys):
    table = [[0, 1, 2], [1, 1, 1], [2, 1, 2]]  # identity 0, absorbing 1: not a group
    path = tmp_path / "monoid.json"
    path.write_text(json.dumps(table))
    f, g = [1, 2, 3], [4, 0, 5]
    expected = [0, 0, 0]
    for a in range(3):
        for b in range(3):
            expected[table[a][b]] += f[a] * g[b]
    status, out, err = run(capsys, "conv", json.dumps(f), json.dumps(g), "--over", str(path))
    assert (status, json.loads(out), err) == (0, expected, "")


def test_over_a_non_associative_table_names_associativity(tmp_path, capsys):
    path = tmp_path / "loop.json"
    path.write_text(json.dumps([[0, 1, 2], [1, 2, 0], [2, 0, 0]]))
    status, out, err = run(capsys, "conv", "[1,2,3]", "[1,1,1]", "--over", str(path))
    assert status == 2 and out == "" and "associativity fails" in err
    assert len(err.splitlines()) == 1


def test_one_column_csv_reads_as_1d(tmp_path, capsys):
    path = tmp_path / "col.csv"
    path.write_text("1\n2\n3\n")
    status, out, err = run(capsys, "conv", str(path), "[1, 1]")
    assert (status, json.loads(out), err) == (0, [1, 3, 5, 3], "")
