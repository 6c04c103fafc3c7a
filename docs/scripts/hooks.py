"""mkdocs hooks: keep the nav and the API reference to the pages and modules that exist.

Area pages (engines, symbolic, laws, ...) and modules arrive from parallel work; the nav in
mkdocs.yml lists them all, and this hook drops the ones not present yet, so that
``mkdocs build --strict`` stays clean at every stage.  ``api.md`` is generated: one section per
importable module, rendered by mkdocstrings from the numpy-style docstrings.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.structure.files import File

#: (heading, module) of the API reference, in reading order
API_MODULES = [
    ("Convolution", "algconv.dispatch"),
    ("Functions", "algconv.function"),
    ("Structures", "algconv.structures"),
    ("Cyclic convolution", "algconv.cyclic"),
    ("Image filters", "algconv.filtering"),
    ("Bitmask transforms", "algconv.engines.transforms"),
    ("Walsh-Hadamard, zeta and Moebius transforms", "algconv.transforms"),
    ("Dirichlet convolution", "algconv.engines.dirichlet"),
    ("Inverses", "algconv.inverse"),
    ("Symbolic", "algconv.symbolic"),
    ("Laws", "algconv.laws"),
    ("Strategies", "algconv.strategies"),
    ("Probability", "algconv.probability"),
    ("Graphs", "algconv.graphs"),
    ("Linear algebra", "algconv.linear"),
    ("Fourier analysis", "algconv.fourier"),
    ("Equivariant layers", "algconv.equivariant"),
    ("Dask arrays", "algconv.daskarray"),
    ("Structure specs", "algconv.spec"),
    ("Plots", "algconv.plot"),
    ("The tour", "algconv.tour"),
    ("Engines", "algconv.engines.base"),
    ("Errors", "algconv.errors"),
    ("Configuration", "algconv.config"),
    ("Types", "algconv.typing"),
]


ROOT = Path(__file__).resolve().parents[2]


def _importable(name: str) -> bool:
    if str(ROOT) not in sys.path:  # mkdocstrings reads the source tree (paths: [.])
        sys.path.insert(0, str(ROOT))
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def _prune(nav, docs: Path):
    kept = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                value = _prune(value, docs)
                if value:
                    kept.append({title: value})
            elif value == "api.md" or (docs / value).exists() or "://" in value:
                kept.append(item)
        elif item == "api.md" or (docs / item).exists():
            kept.append(item)
    return kept


def on_config(config):
    config["nav"] = _prune(config["nav"], Path(config["docs_dir"]))
    return config


def api_page() -> str:
    parts = ["# API reference\n",
             "Generated from the docstrings (numpy style). `import algconv as ac` re-exports "
             "the public names of these modules.\n"]
    for heading, module in API_MODULES:
        if _importable(module):
            parts.append(f"## {heading}\n\n::: {module}\n")
    return "\n".join(parts)


def on_files(files, config):
    files.append(File.generated(config, "api.md", content=api_page()))
    return files
