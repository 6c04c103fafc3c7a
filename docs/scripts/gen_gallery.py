"""Regenerate the walkthrough gallery: run ``algconv tour`` into ``docs/assets/tour/`` and
write ``docs/gallery.md`` from its steps, printed numbers and pictures.

Run from the repository root: ``python docs/scripts/gen_gallery.py`` (``make gallery``).
The PNGs are drawn at 80 dpi to keep the committed pictures small.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from algconv.tour import run_tour  # noqa: E402
from algconv.tour._runner import ESSAY, EXAMPLE_SCRIPTS  # noqa: E402

DOCS = ROOT / "docs"
ASSETS = DOCS / "assets" / "tour"


def main() -> int:
    if ASSETS.exists():
        shutil.rmtree(ASSETS)
    results = run_tour(ASSETS, stream=io.StringIO())
    (ASSETS / "index.html").unlink()
    lines = [
        "# Walkthrough gallery",
        "",
        f"Every example of the walkthrough of Christopher Olah's essay [Understanding "
        f"Convolutions]({ESSAY}) (2014), as produced by `algconv tour` (regenerate with "
        "`make gallery`). Each section is one step of the tour and one script in `examples/`; "
        "all of them evaluate the one formula",
        "",
        "$$(f * g)(c) = \\sum_{a \\cdot b = c} f(a)\\, g(b)"
        " \\quad\\text{(on } \\mathbb{Z}: \\textstyle\\sum_a f(a)\\, g(c - a))$$",
        "",
    ]
    for r in results:
        s = r.step
        lines += [f"## {s.number}. {s.title}", "", s.explanation, ""]
        if r.status == "failed":
            lines += ['!!! failure "Failed"', f"    {r.error}", ""]
        if r.text.strip():
            lines += ["```text", r.text.rstrip(), "```", ""]
        for o in r.outputs:
            if o.kind == "image":
                lines += [f"![{o.caption}](assets/tour/{o.name})", "", f"*{o.caption}*", ""]
            elif o.kind == "audio":
                lines += [f'<audio controls src="assets/tour/{o.name}"></audio> '
                          f"[{o.name}](assets/tour/{o.name}): {o.caption}", ""]
        script = EXAMPLE_SCRIPTS[s.number]
        lines.append(f"Run it alone: `python examples/{script} --out DIR` or "
                     f"`algconv tour --only {s.key}`.")
        lines.append("")
    (DOCS / "gallery.md").write_text("\n".join(lines), encoding="utf-8")
    failed = [r for r in results if r.status == "failed"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
