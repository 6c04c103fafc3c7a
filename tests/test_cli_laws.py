"""Tests of ``algconv laws SPEC`` (algconv/commands/laws.py)."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import algconv as ac
from algconv.cli import main
from algconv.commands.laws import ProgressBar

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("spec, laws", [
    ("Cyclic(12)", 10),
    ("SymmetricGroup(4)", 8),
    ("product(Cyclic(2), Cyclic(3))", 10),
    ("Z", 10),
    ("Z2", 10),
    ("FreeMonoid('ab')", 7),
])
def test_builtins_pass_with_exit_status_0(spec, laws, capsys):
    assert main(["laws", spec, "--max-examples", "10", "--quiet"]) == 0
    out, err = capsys.readouterr()
    first = out.splitlines()[0]
    assert first.endswith(f"all {laws} held") and err == ""


def test_group_table_file(tmp_path, capsys):
    path = tmp_path / "table.json"
    path.write_text(json.dumps({"table": [[0, 1, 2, 3], [1, 0, 3, 2], [2, 3, 0, 1],
                                          [3, 2, 1, 0]], "labels": ["e", "a", "b", "c"]}))
    assert main(["laws", str(path), "--max-examples", "10", "--quiet"]) == 0
    assert "all 10 held" in capsys.readouterr().out


def test_failing_table_exits_1_with_witness(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"table": [[0, 1], [0, 1]], "labels": ["e", "x"]}))
    assert main(["laws", str(path), "--max-examples", "10", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "identity                   FAILED" in out and "('x',)" in out


def test_monoid_table_is_checked_as_a_monoid(tmp_path, capsys):
    path = tmp_path / "monoid.json"
    path.write_text(json.dumps([[0, 1, 2], [1, 1, 1], [2, 1, 2]]))
    assert main(["laws", str(path), "--max-examples", "20", "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].endswith("all 9 held") and "inverses" not in out and err == ""


@pytest.mark.parametrize("table", [
    [[0, 1, 2], [1, 2, 0], [2, 0, 0]],  # commutative, with inverses
    [[0, 1, 2, 3, 4, 5], [1, 0, 3, 4, 5, 2], [2, 4, 0, 5, 1, 3], [3, 5, 1, 0, 2, 4],
     [4, 2, 5, 1, 3, 0], [5, 3, 4, 2, 0, 1]],  # non-commutative, with inverses
])
def test_non_associative_table_is_one_clean_report(tmp_path, table):
    path = tmp_path / "loop.json"
    path.write_text(json.dumps(table))
    run = subprocess.run([sys.executable, "-W", "error::RuntimeWarning", "-m", "algconv",
                          "laws", str(path), "--max-examples", "20", "--quiet"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1 and run.stderr == ""
    failed = [line.split()[0] for line in run.stdout.splitlines()[2:] if " FAILED " in line]
    assert failed == ["associativity", "convolution-associativity"]


@pytest.mark.parametrize("spec", ["Foo(3)", "Cyclic(0)", "Cyclic(", "missing.json"])
def test_bad_spec_is_a_one_line_error_with_exit_2(spec, capsys):
    assert main(["laws", spec]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("algconv laws: error: Got ")
    assert err.count("\n") == 1


def test_only_chosen_laws(capsys):
    argv = ["laws", "S3", "--law", "associativity", "--law", "engine-agreement", "--quiet"]
    assert main(argv + ["--max-examples", "5"]) == 0
    out = capsys.readouterr().out
    assert "all 2 held" in out and "closure" not in out


def test_inapplicable_law_is_an_error(capsys):
    assert main(["laws", "S3", "--law", "commutativity"]) == 2
    assert "not a law SymmetricGroup(3) claims" in capsys.readouterr().err


def test_progress_bar_on_stderr(capsys):
    assert main(["laws", "Cyclic(3)", "--max-examples", "3", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "[####################] 10/10 laws" in err and err.endswith("\n")


def test_progress_bar_waits_for_long_runs():
    stream = io.StringIO()
    bar = ProgressBar(stream, after=3600)
    bar(1, 2, "closure")
    assert stream.getvalue() == ""
    bar = ProgressBar(stream, after=0)
    bar(1, 2, "closure")
    assert stream.getvalue().startswith("\r[##########..........] 1/2 laws, last: closure")


def test_help_lists_laws(capsys):
    with pytest.raises(SystemExit) as info:
        main(["laws", "--help"])
    assert info.value.code == 0
    assert "table.json" in capsys.readouterr().out


def test_python_dash_m_exit_status(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("[[1, 0], [0, 0]]")  # no identity
    result = subprocess.run([sys.executable, "-m", "algconv", "laws", str(path), "--quiet",
                             "--max-examples", "5"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1 and "identity" in result.stdout


def test_no_progress_bar_off_a_terminal():
    # stderr is a pipe here: a long run (S4, 50 examples) shows no bar unless asked
    run = subprocess.run([sys.executable, "-m", "algconv", "laws", "SymmetricGroup(4)",
                          "--law", "convolution-associativity"], capture_output=True,
                         text=True, cwd=ROOT)
    assert run.returncode == 0 and run.stderr == ""


def test_elements_lists_the_order_conv_uses(capsys):
    assert main(["elements", "product(Cyclic(2), Cyclic(3))"]) == 0
    lines = capsys.readouterr().out.splitlines()
    G = ac.product(ac.Cyclic(2), ac.Cyclic(3))
    assert lines == [f"{i}  {x!r}" for i, x in enumerate(G.elements())]
    # the index column is where conv --over puts each element's value
    f = [0] * 6
    f[lines.index("4  (1, 1)")] = 1
    assert main(["conv", json.dumps(f), "[1, 0, 0, 0, 0, 0]", "--over",
                 "product(Cyclic(2), Cyclic(3))"]) == 0
    assert json.loads(capsys.readouterr().out) == f


@pytest.mark.parametrize("spec, message", [("Z", "infinite"), ("Cyclic(0)", "n >= 1")])
def test_elements_bad_spec(capsys, spec, message):
    assert main(["elements", spec]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.splitlines()) == 1
