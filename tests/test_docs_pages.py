"""Every ```python block in docs/*.md is a doctest, and they all run and are right."""

import doctest
import re
from pathlib import Path

import numpy as np
import pytest

import algconv

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(p.name for p in DOCS.glob("*.md") if p.name != "gallery.md")  # gallery: generated
NEEDS = {"dask.md": "dask", "getting-started.md": "matplotlib"}
RUN_ELSEWHERE = {"symbolic.md"}  # tests/symbolic/test_docs.py runs its examples


def _python_blocks(page):
    return re.findall(r"^```python\n(.*?)^```", (DOCS / page).read_text(), flags=re.M | re.S)


@pytest.mark.parametrize("page", PAGES)
def test_every_python_block_is_a_doctest(page):
    for block in _python_blocks(page):
        assert block.lstrip().startswith(">>>"), f"{page}: a block that does not run:\n{block}"
        assert block.endswith("\n\n"), f"{page}: end the block with a blank line:\n{block}"


@pytest.mark.parametrize("page", [p for p in PAGES
                                  if _python_blocks(p) and p not in RUN_ELSEWHERE])
def test_page_examples(page, tmp_path, monkeypatch):
    if page in NEEDS:
        pytest.importorskip(NEEDS[page])
    monkeypatch.chdir(tmp_path)  # examples that save pictures write here
    result = doctest.testfile(
        str(DOCS / page), module_relative=False, globs={"ac": algconv, "np": np},
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0
    assert result.attempted >= sum(b.count(">>> ") for b in _python_blocks(page))
