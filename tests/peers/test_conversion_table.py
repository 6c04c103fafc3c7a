"""docs/scipy-sympy.md: its examples run, and its tables name every parameter of every peer."""

import doctest
import inspect
import re
from pathlib import Path

import numpy as np
import pytest
import scipy.ndimage
import scipy.signal
import sympy.discrete

import algconv

PAGE = Path(__file__).resolve().parents[2] / "docs" / "scipy-sympy.md"

PEERS = [
    scipy.signal.convolve, scipy.signal.correlate, scipy.signal.fftconvolve,
    scipy.signal.oaconvolve, scipy.signal.convolve2d, scipy.signal.choose_conv_method,
    scipy.ndimage.convolve, scipy.ndimage.correlate, scipy.ndimage.convolve1d,
    np.convolve, np.correlate,
    sympy.discrete.convolution, sympy.discrete.covering_product,
    sympy.discrete.intersecting_product,
]
TRANSFORMS = [sympy.discrete.fwht, sympy.discrete.ifwht, sympy.discrete.mobius_transform,
              sympy.discrete.inverse_mobius_transform, sympy.discrete.fft, sympy.discrete.ifft,
              sympy.discrete.ntt, sympy.discrete.intt]


def _section(text, heading):
    """The text under ``### heading``, up to the next heading of any level."""
    start = text.index(f"### {heading}\n")
    match = re.compile(r"^#{2,3} ", re.M).search(text, start + 4)
    return text[start:match.start() if match else len(text)]


def _first_column(section):
    return [line.split("|")[1].strip() for line in section.splitlines()
            if line.startswith("| ") and not line.startswith("| parameter")]


def _public_name(fn):
    module = fn.__module__.split("._")[0].replace("numpy._core", "numpy")
    if module.startswith("sympy.discrete"):
        module = "sympy.discrete"
    return f"{module}.{fn.__name__}"


@pytest.mark.parametrize("fn", PEERS, ids=_public_name)
def test_every_parameter_has_a_row(fn):
    section = _section(PAGE.read_text(), _public_name(fn))
    rows = " ".join(_first_column(section))
    for name in inspect.signature(fn).parameters:
        assert f"`{name}`" in rows, f"{_public_name(fn)}: no row for {name!r}"


def test_every_transform_parameter_has_a_row():
    rows = " ".join(_first_column(_section(PAGE.read_text(), "sympy.discrete.transforms")))
    for fn in TRANSFORMS:
        for name in inspect.signature(fn).parameters:
            assert f"`{name}`" in rows, f"{fn.__name__}: no row for {name!r}"
        assert fn.__name__ in _section(PAGE.read_text(), "sympy.discrete.transforms")


def test_page_is_in_the_nav():
    nav = (PAGE.parents[1] / "mkdocs.yml").read_text()
    assert re.search(r"^\s+- .+: scipy-sympy\.md$", nav, re.M)


def test_page_examples():
    result = doctest.testfile(
        str(PAGE), module_relative=False, globs={"ac": algconv, "np": np},
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS, verbose=False)
    assert result.attempted > 10 and result.failed == 0
