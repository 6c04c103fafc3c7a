r"""Check that a structure keeps its promises, and that convolution over it behaves.

``check(M)`` tests the axioms ``M`` claims (closure, associativity, identity, inverses
for a group, commutativity where ``M.is_commutative`` says so) and the convolution laws
that follow from them (associativity, identity, bilinearity, commutativity for a
commutative ``M``, and agreement of every applicable engine with the direct sum).  Finite
structures of order at most ``EXHAUSTIVE_ORDER`` have their axioms checked on every pair
or triple; everything else is sampled with hypothesis, and counterexamples are shrunk.
Every law runs, whatever failed before it.

Examples
--------
>>> import algconv as ac
>>> print(ac.laws.check(ac.Cyclic(4), max_examples=10))  # doctest: +ELLIPSIS
laws of Cyclic(4): all 10 held
  law                        result  checked                        counterexample
  closure                    held    all 16 pairs                   -
  ...
  engine-agreement           held    10 samples (direct, ...)        -

The package is split by job: ``_report`` (``LawResult``, ``LawReport``), ``_machinery``
(exhaustive or hypothesis checking), ``_axioms`` (the structure's claims), ``_convolution``
(the convolution laws and engine agreement), ``_checking`` (``check``) and ``_testing``
(the pytest glue, ``ConvolutionLaws``).
"""

from ._checking import LAWS, applicable_laws, check
from ._machinery import EXHAUSTIVE_ORDER
from ._machinery import (  # noqa: F401 - the tuning constants laws.py had
    DEFAULT_MAX_EXAMPLES, DENSE_LATTICE_DIM, DENSE_ORDER)
from ._report import LawReport, LawResult
from ._testing import ConvolutionLaws

__all__ = [
    "check",
    "LawReport",
    "LawResult",
    "ConvolutionLaws",
    "LAWS",
    "applicable_laws",
    "EXHAUSTIVE_ORDER",
]
