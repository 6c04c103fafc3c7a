"""Rules of the source tree that keep the engine contract (issue 14), checked by reading it.

1. No module imports a ``_private`` name from another module (``from x import _name``):
   what a module shares, it shares under a public name (private modules such as
   ``algconv._kernels`` hold public names).
2. No module but ``function.py`` touches ``Function``'s storage: the rest of the package
   reads a Function through its one view (``algconv.function.view``) and builds one with
   the trusted constructors (``trusted_dense``, ``trusted_dict``).
3. Data flows down: ``engines/`` import nothing from the layers above them.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "algconv"
SOURCES = sorted(PACKAGE.rglob("*.py"))

#: the attributes and methods that hold or expose a Function's storage
FUNCTION_STORAGE = frozenset({
    "_array", "_dict", "_start", "_dense_form", "_box", "_items", "_dense_items",
    "_position", "_from_dense", "_from_dict", "_set",
})

#: modules the engines may not import (they sit above the engines)
ABOVE_ENGINES = ("dispatch", "filtering", "daskarray", "inverse", "laws", "linear",
                 "probability", "graphs", "plot", "cli", "commands", "tour", "symbolic",
                 "named", "cyclic", "transforms")


def _tree(path: pathlib.Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(path: pathlib.Path) -> str:
    return str(path.relative_to(PACKAGE.parent)) if path.is_relative_to(PACKAGE) else path.name


def test_the_tree_is_found():
    names = {p.name for p in SOURCES}
    assert {"function.py", "dispatch.py", "_kernels.py"} <= names


def private_imports(path: pathlib.Path) -> list[str]:
    """``from x import _name`` lines of one file (dunder names are not private)."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"{_name(path)}:{node.lineno}: from {'.' * node.level}"
                                 f"{node.module or ''} import {alias.name}")
    return found


def storage_access(path: pathlib.Path) -> list[str]:
    """Attribute accesses to Function storage names in one file."""
    return [f"{_name(path)}:{node.lineno}: .{node.attr}" for node in ast.walk(_tree(path))
            if isinstance(node, ast.Attribute) and node.attr in FUNCTION_STORAGE]


def upward_imports(path: pathlib.Path) -> list[str]:
    """Imports of an engine module from the layers above the engines."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.level >= 2:
            top = (node.module or "").split(".")[0]
            names = [top] if top else [a.name for a in node.names]
            found += [f"{_name(path)}:{node.lineno}: {n}" for n in names if n in ABOVE_ENGINES]
    return found


def test_no_module_imports_a_private_name():
    found = [line for path in SOURCES for line in private_imports(path)]
    assert found == [], "\n".join(found)


def test_only_function_py_touches_function_storage():
    found = [line for path in SOURCES if path.name != "function.py"
             or path.parent != PACKAGE for line in storage_access(path)]
    assert found == [], "\n".join(found)


def test_engines_import_nothing_from_above():
    found = [line for path in sorted((PACKAGE / "engines").glob("*.py"))
             for line in upward_imports(path)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("source, rule, expected", [
    ("from .function import _conj_array, Function\n", private_imports,
     ["x.py:1: from .function import _conj_array"]),
    ("from .function import Function as _F\nfrom . import __version__\n", private_imports, []),
    ("a = f._array\nb = g._dense_form()\nc = h.array\n", storage_access,
     ["x.py:1: ._array", "x.py:2: ._dense_form"]),
    ("from ..dispatch import convolve\nfrom .. import arith\nfrom .base import Engine\n",
     upward_imports, ["x.py:1: dispatch"]),
])
def test_the_rules_catch_what_they_name(tmp_path, source, rule, expected):
    path = tmp_path / "x.py"
    path.write_text(source)
    assert rule(path) == expected
