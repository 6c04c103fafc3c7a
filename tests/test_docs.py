"""The documentation site builds with warnings as errors (mkdocs --strict)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                           str(tmp_path / "site")], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    site = tmp_path / "site"
    assert (site / "api" / "index.html").read_text().count('id="algconv.') > 50
    gallery = (site / "gallery" / "index.html").read_text()
    assert "flip_and_slide.gif" in gallery and gallery.count(".png") >= 8


def test_gallery_pictures_are_committed_and_small():
    assets = ROOT / "docs" / "assets" / "tour"
    files = list(assets.iterdir())
    assert sum(f.stat().st_size for f in files) < 2_000_000
    text = (ROOT / "docs" / "gallery.md").read_text()
    for f in files:
        assert f"assets/tour/{f.name}" in text
