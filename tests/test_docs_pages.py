"""The examples in docs/laws.md, probability.md, linear.md and functions.md run and are right."""

import doctest
from pathlib import Path

import numpy as np
import pytest

import algconv

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("page", ["laws.md", "probability.md", "linear.md", "functions.md"])
def test_page_examples(page):
    result = doctest.testfile(
        str(DOCS / page), module_relative=False, globs={"ac": algconv, "np": np},
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS, verbose=False)
    assert result.attempted > 0 and result.failed == 0
