"""``Representation``: one irreducible unitary representation of a finite group."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ..errors import InvalidType
from ..structures.base import FiniteGroup
from ..validation import check_int, describe

__all__ = ["Representation"]


class Representation:
    r"""A unitary matrix representation ``rho`` of a finite group ``G``.

    ``rho(op(a, b)) == rho(a) @ rho(b)`` for every pair, where ``op(a, b)`` is the group's
    product (for permutation groups: *first a, then b*, as in sympy).  Obtain them from
    :func:`algconv.fourier.irreps`.

    Attributes
    ----------
    group : FiniteGroup
        The group represented.
    dimension : int
        The size ``d`` of the matrices.
    name : str
        A label: the partition for ``S_n``, ``"k=1"`` for a character of ``Z/n``, ...
    real : bool
        Whether every matrix is real (then orthogonal).

    Notes
    -----
    The character is :math:`\chi(g) = \operatorname{tr} \rho(g)`, a class function.

    Examples
    --------
    >>> S3 = ac.SymmetricGroup(3)
    >>> rho = ac.fourier.irreps(S3)[1]
    >>> rho.name, rho.dimension, rho.real
    ('(2, 1)', 2, True)
    >>> a, b = (1, 0, 2), (0, 2, 1)
    >>> bool(np.allclose(rho(a) @ rho(b), rho(S3.op(a, b))))
    True
    >>> round(rho.character((1, 2, 0)), 12)
    -1.0
    """

    def __init__(self, group: FiniteGroup, dimension: int, name: str,
                 matrix: Callable[[Any], np.ndarray], real: bool):
        if not isinstance(group, FiniteGroup):
            raise InvalidType(f"Got group={describe(group)}, but expected a FiniteGroup")
        if not isinstance(name, str):
            raise InvalidType(f"Got name={describe(name)}, but expected a str label")
        if not callable(matrix):
            raise InvalidType(f"Got matrix={describe(matrix)}, but expected a callable "
                              "taking an element to its matrix")
        if not isinstance(real, (bool, np.bool_)):
            raise InvalidType(f"Got real={describe(real)}, but expected a bool")
        self.group = group
        self.dimension = check_int(dimension, "dimension", minimum=1)
        self.name = name
        self.real = bool(real)
        self._matrix = matrix

    def __call__(self, g: Any) -> np.ndarray:
        """The matrix ``rho(g)``, shape ``(dimension, dimension)``.

        Raises ``NotInStructure`` if ``g`` is not an element of the group.
        """
        return self._matrix(self.group.check(g, "g"))

    def character(self, g: Any) -> float | complex:
        """``trace(rho(g))``: a float for real representations, else a complex."""
        value = complex(np.trace(self(g)))
        return value.real if self.real else value

    def character_values(self) -> np.ndarray:
        """The character at every element, in ``group.elements()`` order.

        Examples
        --------
        >>> ac.fourier.irreps(ac.Cyclic(2))[1].character_values()
        array([ 1., -1.])
        """
        values = np.array([np.trace(self._matrix(g)) for g in self.group.elements()])
        return values.real if self.real else values

    def __repr__(self) -> str:
        return f"<Representation {self.name} of {self.group!r}, dimension {self.dimension}>"
