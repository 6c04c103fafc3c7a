"""Run tour steps into a folder, report progress on stderr, and write ``index.html``."""

from __future__ import annotations

import argparse
import html
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence, TextIO

from .._files import write_file
from ..errors import InvalidArgument
from ._base import Context, Output, Step

__all__ = ["StepResult", "run_tour", "find_step", "write_index", "example_main"]


@dataclass
class StepResult:
    """What one step did: ``status`` is ``'ok'`` or ``'failed'``."""

    step: Step
    status: str
    seconds: float
    text: str = ""
    outputs: list[Output] = field(default_factory=list)
    error: str = ""


def _steps() -> tuple[Step, ...]:
    from . import STEPS

    return STEPS


def find_step(name: str | int) -> Step:
    """The step with this number (``'3'`` or ``3``) or key (``'echo'``).

    Examples
    --------
    >>> find_step("echo").number
    3
    """
    steps = _steps()
    for step in steps:
        if str(name) in (str(step.number), step.key):
            return step
    allowed = ", ".join(f"{s.number} ({s.key})" for s in steps)
    raise InvalidArgument(f"Got step={name!r}, but the only valid steps are {allowed}")


def _check_plot_extra() -> None:
    from ..plot import require_extra

    require_extra("matplotlib")
    require_extra("PIL")


def run_tour(out: str | Path = "algconv-tour", only: Iterable[str | int] | None = None, *,
             stream: TextIO | None = None, progress: TextIO | None = None) -> list[StepResult]:
    """Run the steps (all, or those named in ``only``) into ``out`` and write ``index.html``.

    Parameters
    ----------
    out : str or Path
        The folder for pictures, animation, sounds and ``index.html`` (created if needed);
        nothing is written anywhere else.
    only : iterable of str or int, optional
        Step numbers or keys to run; all ten when omitted.
    stream, progress : file, optional
        Where the steps print (stdout) and where the progress lines go (stderr).

    Returns
    -------
    list of StepResult

    Raises
    ------
    MissingExtra
        If matplotlib or pillow (the ``plot`` extra) is not installed.
    InvalidArgument
        If ``only`` names an unknown step.
    """
    _check_plot_extra()
    if only is None:
        steps = _steps()
    else:  # in walkthrough order, each once
        steps = tuple(sorted({find_step(s).number: find_step(s) for s in only}.values(),
                             key=lambda s: s.number))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    progress = progress if progress is not None else sys.stderr
    stream = stream if stream is not None else sys.stdout
    results = []
    for i, step in enumerate(steps, 1):
        bar = "#" * i + "." * (len(steps) - i)
        print(f"[{bar}] {i}/{len(steps)} step {step.number}: {step.title} ...", file=progress,
              flush=True)
        print(f"\n== {step.number}. {step.title} ==", file=stream)
        ctx = Context(out, stream)
        t0 = time.perf_counter()
        try:
            step.run(ctx)
            status, error = "ok", ""
        except Exception as e:  # reported per step; run_tour's caller sets the exit status
            status, error = "failed", f"{type(e).__name__}: {e}"
            traceback.print_exc(file=progress)
        seconds = time.perf_counter() - t0
        print(f"    {status} in {seconds:.1f} s", file=progress, flush=True)
        results.append(StepResult(step, status, seconds, ctx.text, ctx.outputs, error))
    write_index(out, results)
    return results


_CSS = """body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;
color:#222}h2{border-bottom:1px solid #ccc;padding-bottom:.2em}pre{background:#f6f6f6;
padding:.8em;overflow-x:auto;font-size:.85em}img{max-width:100%;border:1px solid #eee}
figure{margin:1em 0}figcaption{color:#555;font-size:.9em}.failed{color:#b00}
nav ol{columns:2}math[display=block]{font-size:1.3em;margin:1em 0}.run{font-size:.9em}"""

#: where the walkthrough's ideas come from, and where each step's script lives
ESSAY = "https://colah.github.io/posts/2014-07-Understanding-Convolutions/"
EXAMPLES = "https://github.com/algconv/algconv/tree/main/examples"
EXAMPLE_SCRIPTS = {1: "01_ball_drop.py", 2: "02_flip_and_slide.py", 3: "03_echo.py",
                   4: "04_ball_drop_2d.py", 5: "05_images.py", 6: "06_conv_layer.py",
                   7: "07_fft_vs_direct.py", 8: "08_laws_and_groups.py",
                   9: "09_closed_forms.py", 10: "10_dirichlet.py"}

#: (f * g)(c) = sum over a . b = c of f(a) g(b) = sum over a of f(a) g(c - a), as MathML
#: (rendered by the browser itself: no script, no network)
_FORMULA = (
    "<math display='block'><mrow><mo>(</mo><mi>f</mi><mo>*</mo><mi>g</mi><mo>)</mo><mo>(</mo>"
    "<mi>c</mi><mo>)</mo><mo>=</mo><munder><mo>&#x2211;</mo><mrow><mi>a</mi><mo>&#xB7;</mo>"
    "<mi>b</mi><mo>=</mo><mi>c</mi></mrow></munder><mi>f</mi><mo>(</mo><mi>a</mi><mo>)</mo>"
    "<mspace width='0.2em'/><mi>g</mi><mo>(</mo><mi>b</mi><mo>)</mo><mspace width='1em'/>"
    "<mtext>on&#xA0;Z:</mtext><mspace width='0.5em'/><mo>=</mo><munder><mo>&#x2211;</mo>"
    "<mi>a</mi></munder><mi>f</mi><mo>(</mo><mi>a</mi><mo>)</mo><mspace width='0.2em'/>"
    "<mi>g</mi><mo>(</mo><mi>c</mi><mo>&#x2212;</mo><mi>a</mi><mo>)</mo></mrow></math>")


def write_index(out: Path, results: Sequence[StepResult]) -> Path:
    """Write ``out/index.html``: contents, the formula, then every step in order with its
    explanation, text and files, and a link to the script that runs it alone."""
    e = html.escape
    parts = ["<!doctype html><html><head><meta charset='utf-8'>",
             "<title>algconv tour: Understanding Convolutions</title>",
             f"<style>{_CSS}</style></head><body>",
             "<h1 id='top'>algconv tour: understanding convolutions</h1>",
             "<p>One formula, one example at a time, following Christopher Olah's essay "
             f"<a href='{ESSAY}'>Understanding Convolutions</a> (2014):</p>", _FORMULA,
             "<p>Produced by <code>algconv tour</code>. Every step is also a script in "
             f"<a href='{EXAMPLES}'><code>examples/</code></a> that runs it alone.</p>",
             "<nav><h2>Contents</h2><ol>"]
    parts += [f"<li value='{r.step.number}'><a href='#{e(r.step.key)}'>{e(r.step.title)}</a></li>"
              for r in results]
    parts.append("</ol></nav>")
    for r in results:
        s = r.step
        parts.append(f"<section id='{e(s.key)}'><h2>{s.number}. {e(s.title)}</h2>")
        parts.append(f"<p>{e(s.explanation)}</p>")
        if s.number in EXAMPLE_SCRIPTS:
            script = EXAMPLE_SCRIPTS[s.number]
            parts.append(f"<p class='run'>Alone: <a href='{EXAMPLES}/{script}'><code>python "
                         f"examples/{script}</code></a> &middot; <a href='#top'>contents</a></p>")
        if r.status != "ok":
            parts.append(f"<p class='{r.status}'>{r.status}: {e(r.error)}</p>")
        if r.text.strip():
            parts.append(f"<pre>{e(r.text.rstrip())}</pre>")
        for o in r.outputs:
            if o.kind == "image":
                media = f"<img src='{e(o.name)}' alt='{e(o.caption)}'>"
            elif o.kind == "audio":
                media = f"<audio controls src='{e(o.name)}'></audio> <a href='{e(o.name)}'>" \
                        f"{e(o.name)}</a>"
            else:
                media = f"<a href='{e(o.name)}'>{e(o.name)}</a>"
            parts.append(f"<figure>{media}<figcaption>{e(o.caption)}</figcaption></figure>")
        parts.append("</section>")
    parts.append("</body></html>")
    return write_file(Path(out) / "index.html",
                      lambda tmp: tmp.write_text("\n".join(parts), encoding="utf-8"))


def example_main(step: str, argv: Sequence[str] | None = None) -> int:
    """The ``main`` of an ``examples/`` script: run one step into ``--out`` (exit status)."""
    s = find_step(step)
    parser = argparse.ArgumentParser(description=f"Walkthrough step {s.number}: {s.title}. "
                                     + s.explanation)
    parser.add_argument("--out", default=f"algconv-examples/{s.number:02d}_{s.key}",
                        help="folder for the pictures and index.html (default: %(default)s)")
    args = parser.parse_args(argv)
    results = run_tour(args.out, only=[s.key])
    print(f"\nwrote {', '.join(o.name for o in results[0].outputs) or 'no files'} and "
          f"index.html into {args.out}/")
    return 1 if results[0].status == "failed" else 0
