"""``algconv bench``: time algconv against numpy, scipy, sympy and python-flint, print ratios."""

from __future__ import annotations

import argparse

NAME = "bench"
HELP = "time algconv against its peers (numpy, scipy, sympy, python-flint) and print ratios"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--quick``, ``--only``, ``--repeat``, ``--clock``."""
    from ..benchmark.runner import add_arguments as runner_arguments

    runner_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Run the benchmark table; exit 1 if a result disagrees with its peer."""
    from ..benchmark.runner import run_from_args

    return run_from_args(args)
