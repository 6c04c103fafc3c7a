"""``algconv bench``: time algconv against numpy, scipy, sympy and python-flint, print ratios."""

from __future__ import annotations

import argparse

from ..errors import InvalidArgument

NAME = "bench"
HELP = "time algconv against its peers (numpy, scipy, sympy, python-flint) and print ratios"
EXAMPLE = "algconv bench --quick --only XOR"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--quick``, ``--only``, ``--repeat``, ``--clock``."""
    from ..benchmark.runner import add_arguments as runner_arguments

    runner_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Run the benchmark table; exit 1 if a result disagrees with its peer, 2 if ``--only``
    matches no workload."""
    from ..benchmark.runner import collect, label, matches, run_from_args

    workloads = collect()
    names = [label(w, args.quick) for w in workloads]
    if not any(matches(w, args.only) for w in workloads):
        raise InvalidArgument(f"Got --only {args.only!r}, but no workload's name contains it; "
                              "the workloads are " + ", ".join(repr(n.strip()) for n in names))
    return run_from_args(args)
