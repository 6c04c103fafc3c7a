"""The ``algconv`` command (also ``python -m algconv``): one subcommand per module in
``algconv/commands/``.

Each command module exposes ``NAME``, ``HELP``, ``EXAMPLE`` (shown at the end of its
``--help``), ``add_arguments(parser)`` and ``run(args) -> int`` (the exit status).  Errors
a user can fix print one line and exit 2; so does ``algconv`` without a command (usage).

Examples
--------
>>> from algconv.cli import main
>>> main(["--version"])
algconv 0.1.0
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from .errors import AlgconvError

__all__ = ["main", "build_parser", "COMMANDS"]

#: module names under algconv.commands, in the order ``--help`` lists them
COMMANDS = ("tour", "conv", "closed_form", "laws", "elements", "bench")


def _load(name: str):
    return importlib.import_module(f"algconv.commands.{name}")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand.

    Examples
    --------
    >>> 'laws' in build_parser().format_help()
    True
    """
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="algconv",
        description="Convolution over any algebraic structure: (f*g)(c) = sum over a.b=c "
        "of f(a) g(b).",
        epilog="example:\n  algconv conv '[1, 2, 3]' '[1, 1]' --over 'Cyclic(3)'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = _load(name)
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP,
                           epilog=f"example:\n  {module.EXAMPLE}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    parser.set_defaults(_version=__version__)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Examples
    --------
    >>> main(['laws', 'NoSuchGroup(3)'])
    2
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"algconv {args._version}")
        return 0
    if not getattr(args, "_run", None):
        parser.print_usage(sys.stderr)
        return 2
    try:
        return int(args._run(args) or 0)
    except AlgconvError as e:
        print(f"algconv {args.command}: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
