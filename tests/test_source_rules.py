"""Rules of the source tree that keep the engine contract (issue 14), checked by reading it.

1. No module imports a ``_private`` name from another module (``from x import _name``):
   what a module shares, it shares under a public name (private modules such as
   ``algconv._kernels`` hold public names).
2. No module but ``function.py`` touches ``Function``'s storage: the rest of the package
   reads a Function through its one view (``algconv.function.view``) and builds one with
   the trusted constructors (``trusted_dense``, ``trusted_dict``).
3. Data flows down (DESIGN.md, "Layers"): no module imports from a layer above its own,
   but for the two documented hand-offs -- ``Function.__mul__`` to ``convolve``, and the
   dask hook ``validation.dask_front_end`` -- which import inside a function.
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

#: the layer of each top-level module or package of algconv, lowest first
LAYERS = {
    **dict.fromkeys(("errors", "config", "validation", "arith", "caches", "_files",
                     "_parallel"), 0),
    **dict.fromkeys(("structures", "semirings"), 1),
    **dict.fromkeys(("_kernels", "separable", "boundaries", "_stencil"), 2),
    "function": 3,
    **dict.fromkeys(("engines", "_semiring_kernels", "fourier", "symbolic"), 4),
    **dict.fromkeys(("selection", "dispatch", "transforms"), 5),
    **dict.fromkeys(("named", "filtering", "inverse", "daskarray"), 6),
    **dict.fromkeys(("probability", "linear", "equivariant", "graphs", "laws", "strategies"), 7),
    **dict.fromkeys(("spec", "plot", "cli", "commands", "tour", "benchmark", "__main__"), 8),
}
#: the documented imports up the layers: (importing module, imported module)
HAND_OFFS = {
    ("algconv.function", "algconv.dispatch"),  # Function.__mul__ is convolve
    ("algconv.validation", "algconv.daskarray"),  # the dask hook, dask_front_end
}


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


def _module(path: pathlib.Path, root: pathlib.Path) -> list[str]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _layer(parts: list[str]) -> int | None:
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def upward_imports(path: pathlib.Path, root: pathlib.Path = PACKAGE) -> list[str]:
    """Relative imports of one module from a layer above its own (hand-offs excepted)."""
    me = _module(path, root)
    package = me if path.name == "__init__.py" else me[:-1]
    mine, found = _layer(me), []
    for node in ast.walk(_tree(path)):
        if not (isinstance(node, ast.ImportFrom) and node.level):
            continue
        base = package[:len(package) - (node.level - 1)]
        targets = ([base + node.module.split(".")] if node.module
                   else [base + [a.name] for a in node.names])
        for target in targets:
            theirs = _layer(target)
            pair = (".".join(me), ".".join(target[:2]))
            if mine is not None and theirs is not None and theirs > mine and (
                    pair not in HAND_OFFS):
                found.append(f"{'.'.join(me)}:{node.lineno}: imports {'.'.join(target)}")
    return found


def test_no_module_imports_a_private_name():
    found = [line for path in SOURCES for line in private_imports(path)]
    assert found == [], "\n".join(found)


def test_only_function_py_touches_function_storage():
    found = [line for path in SOURCES if path.name != "function.py"
             or path.parent != PACKAGE for line in storage_access(path)]
    assert found == [], "\n".join(found)


def test_every_module_has_a_layer():
    missing = [str(p) for p in SOURCES if _layer(_module(p, PACKAGE)) is None
               and p.name != "__init__.py"]
    assert missing == []


def test_data_flows_down():
    found = [line for path in SOURCES for line in upward_imports(path)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("source, rule, expected", [
    ("from .function import _conj_array, Function\n", private_imports,
     ["x.py:1: from .function import _conj_array"]),
    ("from .function import Function as _F\nfrom . import __version__\n", private_imports, []),
    ("a = f._array\nb = g._dense_form()\nc = h.array\n", storage_access,
     ["x.py:1: ._array", "x.py:2: ._dense_form"]),
])
def test_the_rules_catch_what_they_name(tmp_path, source, rule, expected):
    path = tmp_path / "x.py"
    path.write_text(source)
    assert rule(path) == expected


def test_the_layer_rule_catches_an_upward_import(tmp_path):
    engines = tmp_path / "algconv" / "engines"
    engines.mkdir(parents=True)
    path = engines / "x.py"
    path.write_text("from ..dispatch import convolve\nfrom .. import arith\nfrom .base import E\n"
                    "from ..validation import describe\n")
    assert upward_imports(path, tmp_path / "algconv") == [
        "algconv.engines.x:1: imports algconv.dispatch"]
    hook = tmp_path / "algconv" / "validation.py"
    hook.write_text("def f():\n    from . import daskarray\n")
    assert upward_imports(hook, tmp_path / "algconv") == []
