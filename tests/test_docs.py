"""The documentation site builds with warnings as errors (mkdocs --strict) and renders.

Rendered means: no Sphinx role or ``.. math::`` left literal, math as MathML with no script
from the network, "See Also" names as links, formatted signatures, and the API reference split
by area with ``convolve``, ``Function`` and the structures first.
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "docs" / "scripts"


def _load(name):
    spec = importlib.util.spec_from_file_location(f"_docs_{name}", SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    for needed in ("mkdocs", "mkdocstrings", "latex2mathml"):
        pytest.importorskip(needed)
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                           str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out


def _pages(site):
    return {p.relative_to(site).as_posix(): p.read_text() for p in site.rglob("*.html")}


@pytest.mark.slow
def test_mkdocs_build_strict(site):
    api = "".join(t for name, t in _pages(site).items() if name.startswith("api/"))
    assert api.count('id="algconv.') > 50
    gallery = (site / "gallery.html").read_text()
    assert "flip_and_slide.gif" in gallery and gallery.count(".png") >= 8


@pytest.mark.slow
def test_no_literal_roles_and_math_is_mathml_without_network(site):
    pages = _pages(site)
    for name, text in pages.items():
        assert not re.search(r":(func|class|meth|mod|math):(`|<code>)|\.\. math::", text), name
        assert 'class="arithmatex"' not in text, name
        assert not re.search(r"<(script|link)[^>]+(src|href)=['\"](https?:)?//", text), name
    convolve = pages["api/convolve.html"]
    # the Notes formula of ac.convolve: a sum under a . b = c, as MathML
    assert re.search(r'<math [^>]*display="block"><mrow>.*?<munder><mo>&#x02211;</mo>', convolve)
    assert sum(t.count("<math ") for t in pages.values()) > 60


@pytest.mark.slow
def test_see_also_entries_link(site):
    convolve = (site / "api" / "convolve.html").read_text()
    start = convolve.index('id="algconv.dispatch.convolve"')
    see_also = re.search(r'<details class="see-also" open>(.*?)</details>', convolve[start:], re.S)
    links = re.findall(r'href="([^"]+)"[^>]*><code>\s*(\w+)</code></a>', see_also.group(1))
    assert [name for _, name in links] == ["correlate", "choose_method", "Function"]
    assert links[2][0] == "function.html#algconv.function.Function"


@pytest.mark.slow
def test_signatures_are_formatted_and_reference_starts_with_convolve(site):
    convolve = (site / "api" / "convolve.html").read_text()
    ids = re.findall(r'id="(algconv\.dispatch\.\w+)"', convolve)
    assert ids[0] == "algconv.dispatch.convolve"
    signature = re.search(r'<div class="doc-signature highlight"><pre>(.*?)</pre>', convolve,
                          re.S).group(1)
    text = re.sub(r"<[^>]+>", "", signature)
    assert text.startswith("convolve(\n    f: Any,\n    g: Any,")  # one parameter a line
    nav = re.findall(r'href="api/(\w+)\.html"', (site / "index.html").read_text())
    assert [n for n in nav if n != "index"][:3] == ["convolve", "function", "structures"]


def test_roles_become_markdown():
    griffe = pytest.importorskip("griffe")
    roles = _load("griffe_roles")
    pkg = griffe.load("algconv", search_paths=[str(ROOT)])
    cyclic = pkg["named"]["convolve_cyclic"]
    text = "See :func:`convolve` and :math:`a^{-1}`.\n\n.. math:: x = y\n          + z\n\nEnd."
    out = roles.markdown_docstring(cyclic, text)
    assert out == ('See <autoref identifier="algconv.dispatch.convolve" optional>'
                   "<code>convolve</code></autoref> and $a^{-1}$.\n\n\n$$\nx = y + z\n$$\n\n"
                   "\nEnd.")
    see = roles.markdown_docstring(cyclic, "See Also\n--------\nconvolve : the same.\nnowhere\n")
    assert 'identifier="algconv.dispatch.convolve"' in see and "- `nowhere`" in see


def test_a_literal_role_fails_the_build():
    pytest.importorskip("mkdocs")
    hooks = _load("hooks")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="api/x.md"))
    assert hooks.on_post_page("<p>fine</p>", page, {}) == "<p>fine</p>"
    from mkdocs.exceptions import PluginError

    for literal in ["<p>see :func:<code>convolve</code></p>", "<p>.. math:: x</p>",
                    "<p>:math:<code>x</code></p>"]:
        with pytest.raises(PluginError, match="left unrendered"):
            hooks.on_post_page(literal, page, {})


def test_gallery_pictures_are_committed_and_small():
    assets = ROOT / "docs" / "assets" / "tour"
    files = list(assets.iterdir())
    assert sum(f.stat().st_size for f in files) < 2_000_000
    text = (ROOT / "docs" / "gallery.md").read_text()
    for f in files:
        assert f"assets/tour/{f.name}" in text
