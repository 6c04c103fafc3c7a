"""The examples of docs/symbolic.md run and print what the page says."""

from __future__ import annotations

import doctest
import pathlib

import pytest
import sympy as sp

import algconv as ac

PAGE = pathlib.Path(__file__).resolve().parents[2] / "docs" / "symbolic.md"


@pytest.mark.slow
def test_symbolic_page_examples():
    # code fences end an example's expected output
    text = "\n".join("" if line.startswith("```") else line
                     for line in PAGE.read_text().splitlines())
    globs = {"sp": sp, "ac": ac, "t": sp.Symbol("t", real=True)}
    test = doctest.DocTestParser().get_doctest(text, globs, "symbolic.md", str(PAGE), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 15 and result.failed == 0
