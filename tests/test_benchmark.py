"""The benchmark runner and ``algconv bench``: every workload's two sides agree (quick sizes)."""

import pytest

from algconv.benchmark import collect, run
from algconv.benchmark.runner import format_row
from algconv.cli import main


@pytest.mark.slow
def test_every_workload_agrees_with_its_peer_at_quick_sizes(capsys):
    rows = run(collect(), quick=True, repeat=1)
    assert len(rows) == len(collect()) >= 10
    assert not [r for r in rows if r[6] == "WRONG"]
    assert "| 1-D float 1e5 x 1e5 |" in capsys.readouterr().out


def test_bench_command_runs_one_row(capsys):
    assert main(["bench", "--quick", "--only", "length-10", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "| length-10 call overhead | numpy.convolve |" in out


def test_format_row_marks_informational_rows():
    assert format_row(("a", "b", 1.0, 2.0, 0.5, None, "info")).endswith("| - | info |")
