"""Type aliases shared by algconv's public signatures.

Examples
--------
>>> from algconv.typing import ArrayLike, Value
>>> isinstance(3, Value.__args__)
True
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Hashable, Union

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["ArrayLike", "Element", "Value", "Mode", "Boundary"]

#: an element of a structure: an int, a tuple, a str, a user's label
Element = Hashable
#: a value of a Function (sympy expressions are also accepted at run time)
Value = Union[int, Fraction, float, complex, np.number]
#: ``mode=`` of array convolution on Z^d
Mode = str
#: ``boundary=`` of ``filter``
Boundary = str

del Any
