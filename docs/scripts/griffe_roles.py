"""Griffe extension: read algconv's numpydoc (Sphinx dialect) as the Markdown mkdocstrings renders.

The docstrings follow scipy's numpydoc, so they say ``:func:`convolve```, ``:math:`x```,
``.. math::`` blocks and bare names under "See Also".  mkdocstrings reads docstring text as
Markdown, where those would show literally.  After griffe has loaded the whole ``algconv``
package this rewrites every docstring once, before it is parsed:

* ``:func:`name``` (also ``:class:``, ``:meth:``, ``:mod:``, ``:attr:``, ``:exc:``, ``:obj:``,
  ``:data:``; ``~`` shortens the title) becomes a cross-reference to the documented object,
  resolved in the docstring's own scope, then among ``algconv``'s exports; a name that
  resolves nowhere stays code;
* every name listed under "See Also" becomes such a cross-reference;
* ``:math:`tex``` becomes ``$tex$`` and a ``.. math::`` block becomes ``$$ tex $$``, which
  pymdownx.arithmatex marks and ``hooks.py`` turns into MathML.

The docstrings themselves stay in the dialect ``help()`` and numpydoc tools read.
"""

from __future__ import annotations

import re

import griffe

ROLE = re.compile(r":(?:py:)?(func|class|meth|mod|attr|exc|obj|data|math):`([^`]+)`")
MATH_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\. math::[ \t]*(?P<first>.*)$")
SECTION = re.compile(r"^(?P<title>[A-Z][A-Za-z ]+)\n-{3,}$", re.M)
SEE_ALSO_ENTRY = re.compile(r"^(?P<names>[\w.~]+(?:\(\))?(?:\s*,\s*[\w.~]+(?:\(\))?)*)"
                            r"\s*(?::\s*(?P<desc>.*))?$")


def _target_path(obj: griffe.Object, name: str) -> str | None:
    """The canonical path of ``name`` as seen from ``obj``, or None when it is not algconv's."""
    name = name.strip().lstrip("~").removesuffix("()")
    candidates = []
    try:
        candidates.append(obj.resolve(name))
    except Exception:  # griffe raises NameResolutionError, or KeyError on partial paths
        pass
    package = obj.package.path
    candidates += [f"{package}.{name}", name]
    for path in candidates:
        try:
            target = obj.modules_collection[path]
            if isinstance(target, griffe.Alias):
                target = target.final_target
        except Exception:  # not loaded, not found, or an alias to another package
            continue
        if target.path.split(".")[0] == package:
            return target.path
    return None


def _link(obj: griffe.Object, name: str) -> str:
    name = name.strip()
    shown = name.lstrip("~")
    if name.startswith("~"):
        shown = shown.rsplit(".", 1)[-1]
    path = _target_path(obj, name)
    if path is None:
        return f"`{shown}`"
    return f'<autoref identifier="{path}" optional><code>{shown}</code></autoref>'


def _roles(obj: griffe.Object, text: str) -> str:
    def sub(m: re.Match) -> str:
        role, body = m.groups()
        if role == "math":
            return f"${body.strip()}$"
        return _link(obj, body)
    return ROLE.sub(sub, text)


def _math_blocks(text: str) -> str:
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        m = MATH_DIRECTIVE.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        indent, body = m["indent"], [m["first"].strip()] if m["first"].strip() else []
        i += 1
        if not body:  # the formula on the following indented lines, after blank lines
            while i < len(lines) and not lines[i].strip():
                i += 1
        while i < len(lines) and lines[i].strip() and \
                len(lines[i]) - len(lines[i].lstrip()) > len(indent):
            body.append(lines[i].strip())
            i += 1
        out += ["", f"{indent}$$", f"{indent}{' '.join(body)}", f"{indent}$$", ""]
    return "\n".join(out)


def _see_also(obj: griffe.Object, text: str) -> str:
    heads = list(SECTION.finditer(text))
    for k, head in reversed(list(enumerate(heads))):
        if head["title"].strip() != "See Also":
            continue
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        items = []
        for line in text[head.end():end].strip("\n").split("\n"):
            entry = SEE_ALSO_ENTRY.match(line) if not line.startswith((" ", "\t")) else None
            if entry:
                names = ", ".join(_link(obj, n) for n in entry["names"].split(","))
                items.append(f"- {names}" + (f": {entry['desc']}" if entry["desc"] else ""))
            elif line.strip() and items:  # a description continued on an indented line
                items[-1] += " " + line.strip()
            elif line.strip():
                items.append(f"- {line.strip()}")
        text = text[:head.end()] + "\n" + "\n".join(items) + "\n\n" + text[end:].lstrip("\n")
    return text


def markdown_docstring(obj: griffe.Object, text: str) -> str:
    """The Markdown mkdocstrings should render for ``obj``'s numpydoc ``text``."""
    return _roles(obj, _math_blocks(_see_also(obj, text)))


class SphinxRolesToMarkdown(griffe.Extension):
    """Rewrite every docstring of the loaded package (see the module docstring)."""

    def on_package(self, *, pkg: griffe.Module, **kwargs) -> None:
        seen: set[int] = set()
        stack = [pkg]
        while stack:
            obj = stack.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj.docstring is not None:
                obj.docstring.value = markdown_docstring(obj, obj.docstring.value)
            stack += [m for m in obj.members.values() if not m.is_alias]
