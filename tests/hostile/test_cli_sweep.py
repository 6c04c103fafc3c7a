"""Hypothesis sweeps over command-line arguments and file contents.

``algconv.cli.main`` runs in-process with captured output; whatever the input, it returns
0, 1 or 2 (argparse's own usage errors exit 2), never raises, and never prints a
traceback.  The suite runs under the address-space limit of ``conftest.py``.
"""

from __future__ import annotations

import io
import json
import re

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from .conftest import run_cli

SETTINGS = dict(derandomize=True, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))

_TOKENS = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["1_000", "1e5000", "-1e5000", "NaN", "Infinity", "-0", "0.5", "1e-400",
                     '"1/3"', '"1/0"', '"-2/4"', '"1_000"', '"1e5000"', '"x"', '"inf"', "null",
                     "true", "{}", '{"a": 1}', "[]", '""', "9" * 400, '"' + "9" * 5000 + '"']),
)
ARRAYS = st.one_of(
    st.recursive(_TOKENS, lambda inner: st.lists(inner, max_size=4).map(
        lambda xs: "[" + ", ".join(xs) + "]"), max_leaves=12),
    st.text(max_size=40),
    st.sampled_from(["[" * 70 + "]" * 70, "[1, 2", "[[1, 2], [3]]", "[[[]]]", " [1] ",
                     "-", "missing.csv", "dir/../x.json", "\x00", "[1]" * 100]),
)
_SPEC_WORDS = ["Z", "N", "R", "Z2", "Z^2", "Z/6", "C4", "S3", "A4", "D4", "Cyclic(5)",
               "BooleanGroup(2)", "SubsetMonoid(2)", "SymmetricGroup(3)", "Multiplicative",
               "FreeMonoid('ab')", "product(Cyclic(2), Cyclic(3))", "product(Z, C2)",
               "Lattice(3)", "Reals", "Naturals()", "ac.Cyclic(3)", "Integers(1)", "Cyclic()",
               "Cyclic(0)", "S0", "Z^0", "product()", "FreeMonoid('')", "Cyclic('3')"]
SPECS = st.one_of(st.sampled_from(_SPEC_WORDS),
                  st.text(alphabet="ZCSADNRprodutcyliMf()^/,' 0123456789.-", max_size=20))


def _small(spec: str) -> bool:
    """Specs whose numbers are below 10 (so law checks stay quick)."""
    return all(len(n) == 1 for n in re.findall(r"\d+", spec))


def _assert_clean(run) -> None:
    assert run.status in (0, 1, 2), run
    assert "Traceback" not in run.err and "Traceback" not in run.out, run.err


@settings(max_examples=200, **SETTINGS)
@given(f=ARRAYS, g=ARRAYS,
       over=st.one_of(st.none(), SPECS),
       mode=st.sampled_from([None, "full", "same", "valid", "middle", ""]),
       method=st.sampled_from([None, "auto", "direct", "fft", "exact", "table", "fourier",
                               "transforms", "nope"]))
def test_conv_arguments(f, g, over, mode, method):
    argv = ["conv", f, g]
    for flag, value in (("--over", over), ("--mode", mode), ("--method", method)):
        if value is not None:
            argv += [flag, value]
    _assert_clean(run_cli(*argv))


def _npy_bytes(draw) -> bytes:
    kind = draw(st.sampled_from(["valid", "header", "truncated"]))
    array = np.asarray(draw(st.lists(st.integers(0, 5), min_size=0, max_size=6))).astype(
        draw(st.sampled_from(["<i8", "<f4", "<c16", "|u1", "<U2", "|b1", ">f8"])))
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    data = buffer.getvalue()
    if kind == "header":  # corrupt the header's text
        cut = draw(st.integers(8, 40))
        return data[:cut] + draw(st.binary(max_size=40)) + data[cut + 20:]
    if kind == "truncated":
        return data[:draw(st.integers(0, len(data)))]
    return data


@st.composite
def files(draw):
    suffix = draw(st.sampled_from([".json", ".csv", ".npy", ".JSON", ".Csv"]))
    if suffix.lower() == ".npy":
        return suffix, _npy_bytes(draw)
    content = draw(st.one_of(
        ARRAYS.map(str.encode),
        st.binary(max_size=80),
        st.lists(st.lists(_TOKENS, max_size=3), max_size=4).map(
            lambda rows: "\n".join(",".join(r) for r in rows).encode()),
        st.sampled_from([b"\xff\xfe[1]", b"1,2\r\n3,4", b"1\n2\n3\n", b'"1",\x00',
                         b"[[0,1],[1,0]]", b'{"table": [[0]], "labels": [{"a": 1}]}',
                         b'{"table": [[0, 1], [1, 1]]}', b'{"table": "x"}']),
    ))
    return suffix, content


@settings(max_examples=150, **SETTINGS)
@given(file=files(), as_over=st.booleans(),
       output=st.sampled_from([None, "r.json", "r.csv", "r.npy", "r.NPY", "r.txt", "r"]))
def test_conv_file_contents(tmp_path_factory, file, as_over, output):
    folder = tmp_path_factory.mktemp("conv")
    suffix, content = file
    path = folder / f"input{suffix}"
    path.write_bytes(content)
    argv = ["conv", "[1, 0]", "[0, 1]", "--over", str(path)] if as_over and \
        suffix.lower() == ".json" else ["conv", str(path), "[1, 2]"]
    if output:
        argv += ["--output", str(folder / output)]
    run = run_cli(*argv)
    _assert_clean(run)
    if output and run.status == 0:
        written = folder / output
        assert written.is_file() and not written.is_symlink()
        if output.endswith(".json"):
            json.loads(written.read_text())  # strict JSON: no NaN, no Infinity


@settings(max_examples=40, **SETTINGS)
@given(spec=SPECS, law=st.sampled_from([None, "closure", "associativity", "inverses",
                                        "engine-agreement", "bogus"]),
       engine=st.sampled_from([None, "auto", "direct", "fft", "nope"]))
def test_laws_arguments(spec, law, engine):
    assume(_small(spec))
    argv = ["laws", spec, "--max-examples", "2", "--quiet"]
    if law:
        argv += ["--law", law]
    if engine:
        argv += ["--engine", engine]
    _assert_clean(run_cli(*argv))


@settings(max_examples=40, **SETTINGS)
@given(file=files())
def test_laws_table_files(tmp_path_factory, file):
    _, content = file
    path = tmp_path_factory.mktemp("laws") / "table.json"
    path.write_bytes(content)
    _assert_clean(run_cli("laws", str(path), "--max-examples", "2", "--quiet"))


@settings(max_examples=60, **SETTINGS)
@given(argv=st.lists(st.sampled_from(["conv", "laws", "tour", "bench", "closed-form", "--help",
                                      "--version", "-h", "--nope", "[1]", "S3", "--over",
                                      "--mode", "--timeout", "inf", "--only", "99", ""]),
                     max_size=4))
def test_argument_shapes(argv):
    # no command that would run for long: tour and bench only with --help or bad options
    if argv and argv[0] in ("tour", "bench", "closed-form"):
        argv = argv[:1] + ["--help"]
    _assert_clean(run_cli(*argv))
