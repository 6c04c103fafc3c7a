"""``algconv elements SPEC``: a finite structure's elements with their indices.

The order is ``elements()``'s, the order ``algconv conv --over SPEC`` reads and writes
vectors in, so the index column says which entry of a vector belongs to which element.

Examples
--------
>>> from algconv.cli import main
>>> main(["elements", "SymmetricGroup(3)"])
0  (0, 1, 2)
1  (0, 2, 1)
2  (1, 0, 2)
3  (1, 2, 0)
4  (2, 0, 1)
5  (2, 1, 0)
0
>>> main(["elements", "Cyclic(100)", "--limit", "2"])
0  0
1  1
... 98 more of 100 elements (raise --limit to see them)
0
"""

from __future__ import annotations

import argparse

from ..errors import InvalidArgument
from ..spec import parse_structure

NAME = "elements"
HELP = ("print a finite structure's elements with their indices, in the order conv --over "
        "uses for vectors")
EXAMPLE = "algconv elements 'product(Cyclic(2), Cyclic(3))'"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``elements`` subcommand's arguments."""
    parser.add_argument("spec", metavar="SPEC",
                        help="a finite structure: Cyclic(6), S3, 'product(Z/2, Z/3)', "
                        "BooleanGroup(2), a table.json, ...")
    parser.add_argument("--limit", type=int, default=1000, metavar="K",
                        help="print at most K elements (default %(default)s)")


def run(args: argparse.Namespace) -> int:
    """Print ``index  element`` lines; exit 2 for an infinite or bad SPEC."""
    if args.limit < 0:
        raise InvalidArgument(f"Got --limit {args.limit}, but expected a count >= 0")
    structure = parse_structure(args.spec)
    if not structure.is_finite:
        raise InvalidArgument(f"Got SPEC={args.spec!r}, but {structure!r} is infinite; "
                              "elements lists finite structures")
    order = structure.order
    for i, x in zip(range(args.limit), structure.elements()):
        print(f"{i}  {x!r}")
    if order > args.limit:
        print(f"... {order - args.limit} more of {order} elements (raise --limit to see them)")
    return 0
