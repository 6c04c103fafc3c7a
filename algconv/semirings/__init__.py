r"""Value algebras: the semirings convolution can add and multiply in.

A semiring ``(K, add, mul, zero, one)`` replaces sum and product in the one formula
``(f * g)(c) = add over a . b = c of mul(f(a), g(b))``: ``add`` is associative and
commutative with identity ``zero``, ``mul`` is associative with identity ``one`` and
distributes over ``add``, and ``zero`` annihilates.  Max-plus convolution is grey
dilation, min-plus powers are shortest paths, Boolean convolution is the Minkowski sum of
sets, log-sum-exp keeps probabilities in log space, and ``Modular(m)`` counts mod ``m``.

Every semiring validates its values (``check`` for one, ``check_array`` for an array) and
carries vectorised operations on numpy arrays for the direct and table engines
(``add_arrays``, ``mul_arrays``, ``zeros``); a user semiring built with
``Semiring.from_operations`` runs them element by element.

Examples
--------
>>> import algconv as ac
>>> S = ac.semirings.MaxPlus()
>>> S.add(3, 5), S.mul(3, 5), S.zero, S.one
(5, 8, -inf, 0)
>>> ac.convolve([0, 1, 5], [0, 2], semiring=S)
array([0, 2, 5, 7])
>>> ac.semirings.Modular(7) == ac.semirings.Modular(7)
True
"""

from ._base import FLOAT_EXACT, STANDARD, Semiring, Standard, check_semiring  # noqa: F401
from ._numbers import (  # noqa: F401 - Tropical: the base of MaxPlus, MinPlus, MaxTimes
    Boolean, LogSumExp, MaxPlus, MaxTimes, MinPlus, Modular, Tropical)

__all__ = [
    "Semiring",
    "Standard",
    "MaxPlus",
    "MinPlus",
    "MaxTimes",
    "Boolean",
    "LogSumExp",
    "Modular",
]
