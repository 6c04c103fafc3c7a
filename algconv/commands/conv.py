"""``algconv conv F G [--over SPEC]``: convolve two arrays given inline or as files.

Arrays are inline JSON (``"[1, 2, 3]"``, nested lists for 2-D, ``"1/3"`` strings for exact
fractions) or ``.npy`` / ``.csv`` / ``.json`` files.  ``--over`` takes a structure SPEC
(``Z``, ``Z2``, ``Cyclic(8)``, ``SymmetricGroup(3)``, ``product(Cyclic(2), Cyclic(3))``, ...)
parsed by ``algconv.spec.parse_structure``; without it the arrays live on Z^ndim.  Integers
stay exact (Python ints past int64; use ``.json`` output for those).

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
import json
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import AlgconvError, InvalidArgument, InvalidType
from ..validation import as_value_array, describe

NAME = "conv"
HELP = "convolve two arrays (inline JSON or .npy/.csv/.json files) over a structure"

SUFFIXES = (".npy", ".csv", ".json")
_INT = re.compile(r"^[+-]?\d+$")


class BadInput(InvalidArgument):
    """A command-line array or file that cannot be read."""


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
                        help="write the result to a .npy, .csv or .json file instead of printing")


def _number(text: str, where: str) -> Any:
    text = text.strip()
    try:
        if _INT.match(text):
            return int(text)
        if "/" in text:
            return Fraction(text)
        return float(text)
    except (ValueError, ZeroDivisionError) as e:
        raise BadInput(f"Got {text!r} in {where}, but expected a number (int, a/b or float)") \
            from e


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
    path = Path(text)
    if path.suffix.lower() in SUFFIXES or path.is_file():
        if not path.is_file():
            raise BadInput(f"Got {name}={text!r}, but there is no such file")
        values = _read_file(path, name)
    else:
        try:
            values = _from_json(json.loads(text), f"{name}")
        except json.JSONDecodeError as e:
            raise BadInput(f"Got {name}={describe(text)}, but expected inline JSON like "
                           f"'[1, 2, 3]' or a .npy/.csv/.json file ({e.msg})") from e
    try:  # the library's one conversion: ints exact whatever their size, Fractions kept
        array = as_value_array(values, name)
    except InvalidArgument as e:
        raise BadInput(f"Got {name}={describe(text)}, but its rows have different lengths") from e
    if array.ndim == 0:
        raise BadInput(f"Got {name}={describe(text)}, but expected an array, not a single number")
    return array


def _read_file(path: Path, name: str) -> Any:
    suffix = path.suffix.lower()
    try:
        if suffix == ".npy":
            array = np.load(path, allow_pickle=False)
            if array.dtype.kind not in "iufc":
                raise BadInput(f"Got {name}={str(path)!r} of dtype {array.dtype}, but expected "
                               "numbers")
            return array.tolist()
        if suffix == ".json":
            return _from_json(json.loads(path.read_text(encoding="utf-8")), str(path))
        with path.open(newline="", encoding="utf-8") as fh:
            rows = [r for r in csv.reader(fh) if any(c.strip() for c in r)]
        values = [[_number(c, str(path)) for c in row if c.strip()] for row in rows]
        return values[0] if len(values) == 1 else values
    except (OSError, ValueError, UnicodeDecodeError) as e:
        if isinstance(e, AlgconvError):
            raise
        raise BadInput(f"Got {name}={str(path)!r}, but it cannot be read as {suffix}: {e}") from e


def parse_over(spec: str | None) -> Any:
    """The structure named by ``spec`` (``algconv.spec.parse_structure``), or None."""
    if spec is None:
        return None
    try:
        from ..spec import parse_structure
    except ModuleNotFoundError as e:
        if e.name != "algconv.spec":
            raise
        raise InvalidArgument(f"Got --over {spec!r}, but structure SPECs need algconv.spec, "
                              "which this build does not have yet") from e
    return parse_structure(spec)


def _jsonable(x: Any) -> Any:
    if isinstance(x, np.ndarray):
        return [_jsonable(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, Fraction):
        return str(x) if x.denominator != 1 else int(x)
    if isinstance(x, (float, np.floating)):
        return float(x)
    return str(x)


def write_array(result: np.ndarray, path: Path) -> None:
    """Write the result as .json (exact), .csv (1-D or 2-D) or .npy (numeric dtypes)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidArgument(f"Got --output {str(path)!r}, but expected a .npy, .csv or .json "
                              "file")
    try:
        if suffix == ".json":
            path.write_text(json.dumps(_jsonable(result)) + "\n", encoding="utf-8")
        elif suffix == ".csv":
            if result.ndim > 2:
                raise InvalidArgument(f"Got a {result.ndim}-D result, but .csv holds 1-D or 2-D;"
                                      " use .json or .npy")
            rows = [result] if result.ndim == 1 else list(result)
            with path.open("w", newline="", encoding="utf-8") as fh:
                csv.writer(fh).writerows([[_jsonable(v) for v in row] for row in rows])
        else:
            np.save(path, _numeric(result), allow_pickle=False)
    except OSError as e:
        raise BadInput(f"Got --output {str(path)!r}, but it cannot be written: {e}") from e


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
