"""Subcommands of the ``algconv`` command line, one module each (see ``algconv.cli``), and
the argument types they share."""

from __future__ import annotations

import argparse
import math


def positive_seconds(text: str) -> float:
    """An argparse ``type``: a finite number of seconds > 0 (``inf``, ``nan``, 0 refused).

    Examples
    --------
    >>> positive_seconds("2.5")
    2.5
    >>> positive_seconds("inf")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a finite number of seconds > 0, got 'inf'
    """
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a finite number of seconds > 0, got "
                                         f"{text!r}")
    return value
