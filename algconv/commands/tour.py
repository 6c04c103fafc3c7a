"""``algconv tour``: every example of the walkthrough, printed and pictured into a folder.

Examples
--------
>>> from algconv.cli import main
>>> import contextlib, io, tempfile
>>> with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stderr(io.StringIO()):
...     with contextlib.redirect_stdout(io.StringIO()):
...         status = main(["tour", "--out", tmp, "--only", "ball-drop"])
>>> status
0
"""

from __future__ import annotations

import argparse
import sys

NAME = "tour"
HELP = ("run the walkthrough of 'Understanding Convolutions': print every example and write "
        "its pictures, animation, sounds and index.html into a folder")
EXAMPLE = "algconv tour --out algconv-tour --only echo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default="algconv-tour", metavar="DIR",
                        help="folder for the output (default: %(default)s), created if needed. "
                        "index.html and the steps' pictures, animation and sounds (*.png, "
                        "*.gif, *.wav named in index.html) in DIR are overwritten; a symlink "
                        "at one of those names is replaced, never followed, and nothing is "
                        "written outside DIR")
    parser.add_argument("--only", action="append", metavar="STEP",
                        help="run only this step, by number (1-10) or name (ball-drop, "
                        "flip-and-slide, echo, ball-drop-2d, images, conv-layer, fft, laws, "
                        "closed-forms, dirichlet); repeatable")


def run(args: argparse.Namespace) -> int:
    from ..tour import run_tour

    try:
        results = run_tour(args.out, only=args.only)
    except OSError as e:
        print(f"algconv tour: error: cannot write into --out {args.out!r}: {e}", file=sys.stderr)
        return 1
    failed = [r for r in results if r.status == "failed"]
    files = sum(len(r.outputs) for r in results)
    print(f"\nalgconv tour: {len(results) - len(failed)} steps ran, {len(failed)} failed; "
          f"{files} files and index.html in {args.out}/", file=sys.stderr)
    if failed:
        for r in failed:
            print(f"algconv tour: error: step {r.step.number} ({r.step.title}) failed: {r.error}",
                  file=sys.stderr)
        return 1
    return 0
