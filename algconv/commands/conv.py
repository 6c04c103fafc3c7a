"""``algconv conv F G [--over SPEC]``: convolve two arrays given inline or as files.

Arrays are inline JSON (``"[1, 2, 3]"``, nested lists for 2-D, ``"1/3"`` strings for exact
fractions) or ``.npy`` / ``.csv`` / ``.json`` files.  ``--over`` takes a structure SPEC
(``Z``, ``Z2``, ``Cyclic(8)``, ``SymmetricGroup(3)``, ``product(Cyclic(2), Cyclic(3))``, ...)
parsed by ``algconv.spec.parse_structure``; without it the arrays live on Z^ndim.  Integers
stay exact (Python ints past int64; use ``.json`` output for those).  Numbers are spelled
plainly: ``1_000``, ``inf``, ``NaN`` and floats too large for a float are refused.  A
one-column CSV reads as a 1-D array.  JSON output (printed, or ``--output x.json``) writes
NaN and infinities as ``null``, since JSON has neither.  ``--output`` replaces its file by
renaming a temporary file onto it: a symlink there is replaced, never followed.

Examples
--------
>>> from algconv.cli import main
>>> main(["conv", "[1, 2, 3]", "[1, 1]"])
[1, 3, 5, 3]
0
>>> main(["conv", "[1, 2, 3]", "[1, 1]", "--mode", "same"])
[1, 3, 5]
0
>>> main(["conv", '["1/2", "1/2"]', '["1/3", 1]'])
["1/6", "2/3", "1/2"]
0
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from .. import config
from .._files import loads_json, read_text, write_file
from ..errors import AlgconvError, BadInput, InvalidArgument, InvalidType
from ..validation import as_value_array, describe

NAME = "conv"
HELP = "convolve two arrays (inline JSON or .npy/.csv/.json files) over a structure"
EXAMPLE = "algconv conv '[1, 2, 3]' '[0, 1, 0]' --over 'Cyclic(3)'"

SUFFIXES = (".npy", ".csv", ".json")
_INT = re.compile(r"^[+-]?[0-9]+$")
_FRACTION = re.compile(r"^[+-]?[0-9]+/[0-9]+$")
_FLOAT = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("f", help="first array: inline JSON like '[1,2,3]' or a .npy/.csv/.json "
                        "file")
    parser.add_argument("g", help="second array, the same way")
    parser.add_argument("--over", metavar="SPEC", default=None,
                        help="structure: Z, Z2, N, Cyclic(8), SymmetricGroup(3), "
                        "product(Cyclic(2), Cyclic(3)), ... (default: Z^ndim of the arrays); "
                        "on a finite structure arrays list values in its elements() order")
    parser.add_argument("--mode", default="full", help="full | same | valid (arrays on Z^d)")
    parser.add_argument("--method", default="auto", help="auto or an engine name")
    parser.add_argument("--output", "-o", metavar="PATH",
                        help="write the result to a .npy, .csv or .json file instead of "
                        "printing; PATH is overwritten (a symlink at PATH is replaced, never "
                        "followed); JSON writes NaN and infinities as null")


def _number(text: str, where: str) -> Any:
    """An int, a Fraction ``a/b`` or a finite float, spelled plainly (no ``1_000``, ``inf``)."""
    text = text.strip()
    try:
        if _INT.match(text):
            return int(text)
        if _FRACTION.match(text):
            return Fraction(text)
        if _FLOAT.match(text) and math.isfinite(value := float(text)):
            return value
    except (ValueError, ZeroDivisionError):  # more digits than int() reads, or a/0
        pass
    raise BadInput(f"Got {describe(text)} in {where}, but expected a number (int, a/b or a "
                   "finite float)")


def _from_json(data: Any, where: str) -> Any:
    if isinstance(data, list):
        return [_from_json(x, where) for x in data]
    if isinstance(data, str):
        return _number(data, where)
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        raise BadInput(f"Got {describe(data)} in {where}, but expected numbers in (nested) lists")
    return data


def read_array(text: str, name: str) -> np.ndarray:
    """An array from inline JSON or a .npy / .csv / .json file (exact ints stay exact).

    Examples
    --------
    >>> read_array("[[1, 2], [3, 4]]", "f").tolist()
    [[1, 2], [3, 4]]
    >>> read_array("[18446744073709551615, -1]", "f")
    array([18446744073709551615, -1], dtype=object)
    """
    if _is_file(text):
        path = Path(text)
        if not path.is_file():
            raise BadInput(f"Got {name}={text!r}, but there is no such file")
        values = _read_file(path, name)
    else:
        try:
            data = loads_json(text, name)
        except InvalidArgument as e:
            raise BadInput(f"{e}; expected inline JSON like '[1, 2, 3]' or a .npy/.csv/.json "
                           "file") from e
        values = _from_json(data, name)
    try:  # the library's one conversion: ints exact whatever their size, Fractions kept
        array = as_value_array(values, name)
    except InvalidArgument as e:
        raise BadInput(f"Got {name}={describe(text)}, but its rows have different lengths") from e
    if array.ndim == 0:
        raise BadInput(f"Got {name}={describe(text)}, but expected an array, not a single number")
    return array


def _is_file(text: str) -> bool:
    """Whether ``text`` names a file (by suffix, or because one exists) rather than being
    inline JSON; text that starts like JSON is never tried as a file name."""
    if text.lstrip()[:1] in ("[", "{", '"') or not text.strip():
        return False
    if Path(text).suffix.lower() in SUFFIXES:
        return True
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name too long or with a NUL byte is no file
        return False


def _read_file(path: Path, name: str) -> Any:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _from_json(loads_json(read_text(path, name), str(path)), str(path))
    try:
        if suffix == ".npy":
            return _read_npy(path, name).tolist()
        text = read_text(path, name)
        rows = [r for r in csv.reader(io.StringIO(text, newline="")) if any(c.strip() for c in r)]
        values = [[_number(c, str(path)) for c in row if c.strip()] for row in rows]
        if len(values) == 1 or all(len(row) == 1 for row in values):  # one row or one column
            return [x for row in values for x in row]
        return values
    except (OSError, ValueError, EOFError, csv.Error) as e:
        if isinstance(e, AlgconvError):
            raise
        raise BadInput(f"Got {name}={str(path)!r}, but it cannot be read as {suffix}: {e}") from e


def _read_npy(path: Path, name: str) -> np.ndarray:
    """``np.load`` without pickles, after ``algconv.config.check_npy`` has checked the header
    against the memory limit and the file's size (a header may claim any number of values)."""
    _, dtype = config.check_npy(path, name)
    if dtype.kind not in "iufc" or dtype.hasobject:
        raise BadInput(f"Got {name}={str(path)!r} of dtype {dtype}, but expected numbers")
    return np.load(path, allow_pickle=False)


def parse_over(spec: str | None) -> Any:
    """The structure named by ``spec`` (``algconv.spec.parse_structure``), or None."""
    if spec is None:
        return None
    from ..spec import parse_structure

    return parse_structure(spec)


def _jsonable(x: Any, *, strict: bool = True) -> Any:
    """Plain Python values for ``json.dumps``: exact Fractions as ``"a/b"``, non-finite
    floats as ``None`` (JSON has no NaN or Infinity; ``strict=False`` keeps them, for CSV)."""
    if isinstance(x, np.ndarray):
        return [_jsonable(v, strict=strict) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, Fraction):
        return str(x) if x.denominator != 1 else int(x)
    if isinstance(x, (float, np.floating)):
        return float(x) if math.isfinite(x) or not strict else None
    return str(x)


def write_array(result: np.ndarray, path: Path) -> None:
    """Write the result as .json (exact), .csv (1-D or 2-D) or .npy (numeric dtypes)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidArgument(f"Got --output {str(path)!r}, but expected a .npy, .csv or .json "
                              "file")
    if suffix == ".csv" and result.ndim > 2:
        raise InvalidArgument(f"Got a {result.ndim}-D result, but .csv holds 1-D or 2-D; use "
                              ".json or .npy")
    values = _numeric(result) if suffix == ".npy" else result
    try:
        write_file(path, lambda tmp: _WRITERS[suffix](values, tmp))
    except OSError as e:
        raise BadInput(f"Got --output {str(path)!r}, but it cannot be written: {e}") from e


def _write_json(result: np.ndarray, path: Path) -> None:
    path.write_text(json.dumps(_jsonable(result)) + "\n", encoding="utf-8")


def _write_csv(result: np.ndarray, path: Path) -> None:
    rows = [result] if result.ndim == 1 else list(result)
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([[_jsonable(v, strict=False) for v in row] for row in rows])


def _write_npy(result: np.ndarray, path: Path) -> None:
    with path.open("wb") as fh:  # a file object: np.save would add '.npy' to 'x.NPY'
        np.save(fh, result, allow_pickle=False)


_WRITERS = {".json": _write_json, ".csv": _write_csv, ".npy": _write_npy}


def _numeric(result: np.ndarray) -> np.ndarray:
    if result.dtype != object:
        return result
    flat = list(result.flat)
    if all(isinstance(v, int) and -2**63 <= v < 2**63 for v in flat):
        return result.astype(np.int64)
    raise InvalidArgument("Got a result with exact values beyond int64 (big ints or fractions), "
                          "but .npy cannot hold them; use --output with .json")


def run(args: argparse.Namespace) -> int:
    from ..dispatch import convolve

    f = read_array(args.f, "f")
    g = read_array(args.g, "g")
    over = parse_over(args.over)
    try:
        result = np.asarray(convolve(f, g, over=over, method=args.method, mode=args.mode))
    except TypeError as e:  # pragma: no cover - convolve raises InvalidType itself
        if isinstance(e, InvalidType):
            raise
        raise InvalidType(str(e)) from e
    if args.output:
        write_array(result, Path(args.output))
    else:
        print(json.dumps(_jsonable(result)))
    return 0
