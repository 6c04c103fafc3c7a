"""A real browser: headless Chromium opens the tour's index.html and the docs site from file://.

Every image and audio element must load, math must render as MathML, and nothing may report
an error: no console.error, no uncaught exception, no resource that failed to load (which is
also how a request to the network shows, since the pages must work offline).  A small script,
injected first into a copy of each page, collects this once the page has loaded and writes
it into the DOM that ``chromium --dump-dom`` prints.  Screenshots are written under the
test's temporary folder.  ``.ci/run`` installs chromium when it is missing; without it the
tests skip, except in CI, where they fail.
"""

import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]

CHECK = """<script>(function () {
  var errors = [];
  var original = console.error;
  console.error = function () {
    errors.push("console.error: " + Array.prototype.slice.call(arguments).join(" "));
    return original.apply(console, arguments);
  };
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) {
      errors.push("failed to load: " + (t.src || t.href));
    } else {
      errors.push("uncaught: " + e.message);
    }
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    errors.push("unhandled rejection: " + e.reason);
  });
  window.addEventListener("load", function () {
    setTimeout(function () {
      function all(selector, f) {
        return Array.prototype.map.call(document.querySelectorAll(selector), f);
      }
      var report = {
        errors: errors,
        images: all("img", function (i) {
          return {src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0};
        }),
        audio: all("audio", function (a) {
          return {src: a.currentSrc || a.src, ok: !a.error && a.readyState >= 1,
                  duration: a.duration};
        }),
        math: all("math", function (m) {
          return {display: getComputedStyle(m).display,
                  height: m.getBoundingClientRect().height};
        }),
        anchors: all("a[href^='#']", function (a) {
          return document.getElementById(decodeURIComponent(a.hash.slice(1))) !== null;
        })
      };
      var pre = document.createElement("pre");
      pre.id = "browser-check";
      pre.textContent = JSON.stringify(report);
      document.body.appendChild(pre);
    }, 1500);
  });
})();</script>"""


@pytest.fixture(scope="module")
def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
    pytest.skip("chromium is not installed (apt-get install chromium)")


def _run(chromium, tmp_path, *args, url):
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
               "--enable-logging=stderr", "--v=0", *args, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def open_page(chromium, page: Path, tmp_path) -> dict:
    """Load ``page`` from file:// with the check injected; the report, and console lines."""
    text = page.read_text(encoding="utf-8")
    checked = page.with_name(f"_browser_check_{page.name}")
    head = re.search(r"<head[^>]*>", text)
    at = head.end() if head else 0
    checked.write_text(text[:at] + CHECK + text[at:], encoding="utf-8")
    try:
        proc = _run(chromium, tmp_path, "--virtual-time-budget=20000", "--dump-dom",
                    url=checked.as_uri())
    finally:
        checked.unlink()
    found = re.search(r'<pre id="browser-check">(.*?)</pre>', proc.stdout, re.S)
    assert found, f"the page did not finish loading:\n{proc.stderr[-2000:]}"
    report = json.loads(html.unescape(found.group(1)))
    report["console"] = re.findall(r":CONSOLE[^\]]*\] (.*)", proc.stderr)
    return report


def screenshot(chromium, page: Path, path: Path, height: int = 2400) -> np.ndarray:
    """Write a screenshot of ``page`` to ``path``; return its pixels."""
    from PIL import Image

    _run(chromium, path.parent, f"--window-size=1280,{height}", f"--screenshot={path}",
         "--virtual-time-budget=10000", url=page.as_uri())
    assert path.exists(), f"no screenshot of {page}"
    return np.asarray(Image.open(path).convert("L"))


def assert_loaded(report: dict, images: int, audio: int = 0, math: int = 0) -> None:
    assert report["errors"] == []
    assert not [line for line in report["console"] if "Uncaught" in line or "Error" in line]
    assert len(report["images"]) >= images
    assert [i["src"] for i in report["images"] if not i["ok"]] == []
    assert len(report["audio"]) == audio
    for a in report["audio"]:
        assert a["ok"] and a["duration"] > 0, a
    assert len(report["math"]) >= math
    for m in report["math"]:  # MathML laid out by the browser itself, not raw TeX
        assert "math" in m["display"] and m["height"] > 0, m
    assert all(report["anchors"]), "a link to #anchor that is not on the page"


@pytest.mark.slow
def test_tour_index_in_chromium(chromium, tmp_path):
    from algconv.tour import run_tour

    out = tmp_path / "tour"
    results = run_tour(out, only=["flip-and-slide", "echo", "laws"], stream=io.StringIO(),
                       progress=io.StringIO())
    assert [r.status for r in results] == ["ok"] * 3
    images = sum(o.kind == "image" for r in results for o in r.outputs)
    report = open_page(chromium, out / "index.html", tmp_path)
    assert_loaded(report, images=images, audio=2, math=1)
    assert [round(a["duration"], 2) for a in report["audio"]] == [1.0, 1.25]  # the WAVs
    pixels = screenshot(chromium, out / "index.html", tmp_path / "tour.png")
    assert pixels.std() > 10  # not a blank page


@pytest.mark.slow
def test_docs_site_in_chromium(chromium, tmp_path):
    for needed in ("mkdocs", "mkdocstrings", "latex2mathml"):
        pytest.importorskip(needed)
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                           str(site)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    home = open_page(chromium, site / "index.html", tmp_path)
    assert_loaded(home, images=0)
    gallery = open_page(chromium, site / "gallery.html", tmp_path)
    assert_loaded(gallery, images=10, audio=2, math=1)
    api = open_page(chromium, site / "api" / "convolve.html", tmp_path)
    assert_loaded(api, images=0, math=5)
    for name, page in (("home", "index.html"), ("gallery", "gallery.html"),
                       ("api", "api/convolve.html")):
        pixels = screenshot(chromium, site / page, tmp_path / f"docs_{name}.png")
        assert pixels.std() > 10
