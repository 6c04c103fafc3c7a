"""mkdocs hooks: the generated API reference, and math rendered at build time.

The nav in mkdocs.yml lists every page; a page or module that is missing fails
``mkdocs build --strict`` (nothing is dropped quietly).  The API reference is generated: one page
per area (``API_PAGES``), rendered by mkdocstrings from the numpy-style docstrings, which
``griffe_roles.py`` reads as Markdown.  Math is rendered to MathML here at build time, so the
site needs no script and no network (it works from ``file://``), and the build fails on any
Sphinx role or ``.. math::`` left literal in a page.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

#: the API reference, one page per area, in reading order: (title, page, modules); a module
#: written ``module:name`` shows only that member (``ac.fourier.transform`` the function is
#: hidden behind the submodule of the same name)
API_PAGES = [
    ("Convolution", "convolve", ["algconv.dispatch", "algconv.named", "algconv.filtering",
                                 "algconv.separable"]),
    ("Functions", "function", ["algconv.function"]),
    ("Structures", "structures", ["algconv.structures", "algconv.spec"]),
    ("Value algebras (semirings)", "semirings", ["algconv.semirings"]),
    ("Transforms, Dirichlet and inverses", "transforms",
     ["algconv.transforms", "algconv.engines.transforms", "algconv.engines.dirichlet",
      "algconv.inverse"]),
    ("Symbolic", "symbolic", ["algconv.symbolic"]),
    ("Laws and strategies", "laws", ["algconv.laws", "algconv.strategies"]),
    ("Probability and graphs", "probability", ["algconv.probability", "algconv.graphs"]),
    ("Linear algebra and Fourier analysis", "linear",
     ["algconv.linear", "algconv.fourier", "algconv.fourier.transform:transform",
      "algconv.equivariant"]),
    ("Dask arrays", "dask", ["algconv.daskarray"]),
    ("Plots and the tour", "plot", ["algconv.plot", "algconv.tour"]),
    ("Engines, errors, configuration, types", "internals",
     ["algconv.engines.base", "algconv.errors", "algconv.config", "algconv.caches"]),
]

#: what a docstring in Sphinx's dialect leaves in the HTML when nothing rendered it
LITERAL_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|attr|exc|obj|data|math|ref|doc):"
                          r"(?:`|<code>)|\.\. math::")
ARITHMATEX = re.compile(r'<(?P<tag>span|div) class="arithmatex">\s*\\(?P<open>[(\[])'
                        r'(?P<tex>.*?)\\[)\]]\s*</(?P=tag)>', re.S)


ROOT = Path(__file__).resolve().parents[2]


def _api_pages() -> list[tuple[str, str, list[str]]]:
    """``(title, page, modules)`` of every API page; every module must import."""
    if str(ROOT) not in sys.path:  # mkdocstrings reads the source tree (paths: [.])
        sys.path.insert(0, str(ROOT))
    for _, _, modules in API_PAGES:
        for module in modules:
            importlib.import_module(module.split(":")[0])  # a missing module fails the build
    return [(title, f"api/{slug}.md", modules) for title, slug, modules in API_PAGES]


def _expand(nav):
    """The nav with the generated reference (``api/index.md``) expanded to one page per area."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            if value == "api/index.md":
                value = ["api/index.md"] + [{t: p} for t, p, _ in _api_pages()]
            elif isinstance(value, list):
                value = _expand(value)
            out.append({title: value})
        else:
            out.append(item)
    return out


def on_config(config):
    config["nav"] = _expand(config["nav"])
    return config


def api_index() -> str:
    parts = ["# API reference\n",
             "Generated from the numpy-style docstrings. `import algconv as ac` re-exports the "
             "public names of these modules; start with `ac.convolve`, `ac.Function` and the "
             "structures.\n"]
    for title, page, modules in _api_pages():
        names = ", ".join(f"`{m}`" for m in modules if ":" not in m)
        parts.append(f"- [{title}]({page.removeprefix('api/')}): {names}")
    return "\n".join(parts) + "\n"


def api_page(title: str, modules: list[str]) -> str:
    parts = [f"# {title}\n"]
    for module in modules:
        module, _, member = module.partition(":")
        if member:
            parts.append(f"::: {module}\n    options:\n      members: [{member}]\n"
                         "      show_root_heading: false\n")
        else:
            parts.append(f"## `{module}`\n\n::: {module}\n")
    return "\n".join(parts)


def on_files(files, config):
    files.append(File.generated(config, "api/index.md", content=api_index()))
    for title, page, modules in _api_pages():
        files.append(File.generated(config, page, content=api_page(title, modules)))
    return files


def _mathml(match: re.Match) -> str:
    from latex2mathml.converter import convert

    display = "block" if match["open"] == "[" else "inline"
    return convert(html.unescape(match["tex"]).strip(), display=display)


def on_post_page(output: str, page, config) -> str:
    """Render math as MathML (no script, no network), then refuse any role left literal."""
    output = ARITHMATEX.sub(_mathml, output)
    for found in (LITERAL_ROLE.search(output), re.search('class="arithmatex"', output)):
        if found:
            around = output[max(0, found.start() - 80):found.end() + 80]
            raise PluginError(f"{page.file.src_uri}: {found.group()!r} left unrendered in "
                              f"the HTML, near {around!r}")
    return output
