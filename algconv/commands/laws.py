"""``algconv laws SPEC``: check a structure's axioms and the convolution laws over it.

Prints ``ac.laws.check``'s table; exit status 0 when every law held, 1 when one failed,
2 for a bad SPEC.  Long runs show a progress bar on stderr when it is a terminal.

Examples
--------
>>> from algconv.cli import main
>>> main(["laws", "Cyclic(3)", "--max-examples", "5"])  # doctest: +ELLIPSIS
laws of Cyclic(3): all 10 held
...
0
"""

from __future__ import annotations

import argparse
import sys
import time

from ..laws import LAWS, check
from ..spec import parse_structure

NAME = "laws"
HELP = ("check a structure's axioms and the convolution laws over it "
        "(exit 1 if a law fails)")
EXAMPLE = "algconv laws 'product(Cyclic(2), SymmetricGroup(3))' --max-examples 20"

#: show the progress bar once a run has taken this long (seconds)
PROGRESS_AFTER = 0.5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``laws`` subcommand's arguments."""
    parser.add_argument(
        "spec", metavar="SPEC",
        help="a structure: Cyclic(12), SymmetricGroup(4), 'product(Cyclic(2), Cyclic(3))', "
             "Z, Z2 (= Z^2), Z/6, S4, ... or a table.json holding a Cayley table "
             "(rows of indices, or {\"table\": ..., \"labels\": ...})")
    parser.add_argument("--max-examples", type=int, default=50, metavar="K",
                        help="hypothesis examples per sampled law (default 50)")
    parser.add_argument("--engine", default="auto",
                        help="engine the convolution laws use (default auto)")
    parser.add_argument("--law", action="append", choices=LAWS, metavar="LAW",
                        help="check only this law (repeatable); one of " + ", ".join(LAWS))
    parser.add_argument("--progress", action="store_true",
                        help="always show the progress bar (default: only on long runs, and "
                        "only when stderr is a terminal)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


class ProgressBar:
    """A plain-text progress bar on a stream, shown once a run outlasts ``after`` seconds.

    Examples
    --------
    >>> import io
    >>> from algconv.commands.laws import ProgressBar
    >>> stream = io.StringIO()
    >>> bar = ProgressBar(stream, after=0, width=4)
    >>> bar(1, 2, "closure")
    >>> stream.getvalue().strip()
    '[##..] 1/2 laws, last: closure'
    """

    def __init__(self, stream=None, after: float = PROGRESS_AFTER, width: int = 20):
        self.stream = stream if stream is not None else sys.stderr
        self.after, self.width = after, width
        self.start, self.shown = time.perf_counter(), False

    def __call__(self, done: int, total: int, law: str) -> None:
        if not self.shown and time.perf_counter() - self.start < self.after:
            return
        self.shown = True
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if done == total else ""
        self.stream.write(f"\r[{bar}] {done}/{total} laws, last: {law:<26}{end}")
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    """Check the laws of ``args.spec``; 0 if all held, 1 if one failed."""
    structure = parse_structure(args.spec, validate_tables=False)
    progress = None
    if args.progress or (not args.quiet and sys.stderr.isatty()):
        progress = ProgressBar(after=0.0 if args.progress else PROGRESS_AFTER)
    report = check(structure, engine=args.engine, max_examples=args.max_examples,
                   laws=args.law, progress=progress)
    print(report)
    return 0 if report.ok else 1
