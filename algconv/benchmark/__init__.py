"""Benchmarks that time algconv against its peers (numpy, scipy, sympy, python-flint) in one
process and print ratios: ``algconv bench`` and the scripts in ``benchmarks/``.

Not imported by ``import algconv``.

Examples
--------
>>> from algconv.benchmark import collect
>>> any(w["peer"] == "scipy.signal.oaconvolve" for w in collect())
True
"""

from .runner import collect, main, run

__all__ = ["collect", "run", "main"]
