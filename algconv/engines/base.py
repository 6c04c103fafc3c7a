"""What every engine shares: the ``Problem`` it is handed and the ``Engine`` interface.

An engine declares where it applies (``applies`` returns ``None`` or the reason it does
not), whether it keeps exact values exact (``exact``), and estimates its ``cost`` in
seconds and its ``memory`` in bytes; ``run`` computes the *full* convolution as a
Function.  ``algconv.dispatch`` runs the hard guards (applicability, exactness, memory)
before comparing costs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from ..function import Function
from ..structures.base import Monoid
from ..validation import join_kinds, scalar_kind, value_kind

__all__ = ["Problem", "Engine", "EXACT_KINDS"]

#: value kinds that must never be rounded through floating point
EXACT_KINDS = frozenset({"int", "rational", "object"})


@dataclass
class Problem:
    """A convolution to evaluate: ``f * g`` over ``over`` (Functions on equal structures)."""

    f: Function
    g: Function
    over: Monoid
    #: free-form hints for engines (e.g. the array API's mode), never needed for correctness
    hints: dict = field(default_factory=dict)

    @cached_property
    def kind(self) -> str:
        """The value kind of the result: 'int', 'rational', 'float', 'complex' or 'object'."""
        return join_kinds(_function_kind(self.f), _function_kind(self.g))

    @cached_property
    def dense(self) -> bool:
        """Whether both operands are stored as arrays."""
        return self.f.is_dense and self.g.is_dense

    def size(self, which: str) -> int:
        """Stored entries of ``f`` or ``g`` (array size, or support size for a dict)."""
        h = getattr(self, which)
        return int(h._array.size) if h.is_dense else len(h._dict)

    @property
    def pairs(self) -> int:
        """How many ``(a, b)`` pairs a direct sum visits."""
        return self.size("f") * self.size("g")

    @property
    def itemsize(self) -> int:
        """Bytes per result value (object values count as 64)."""
        return {"int": 8, "float": 8, "complex": 16}.get(self.kind, 64)

    def full_shape(self) -> tuple:
        """Shape of the full result on a lattice layout (both operands dense)."""
        return tuple(
            max(m + n - 1, 0) if m and n else 0
            for m, n in zip(self.f._array.shape, self.g._array.shape)
        )

    def full_size(self) -> int:
        """Number of entries of the full dense result on a lattice layout."""
        return math.prod(self.full_shape())


def _function_kind(f: Function) -> str:
    if f.is_dense:
        return value_kind(f._array)
    return join_kinds(*(scalar_kind(v) for v in f._dict.values())) if f._dict else "int"


class Engine:
    """Interface of a convolution engine; subclasses override the methods below.

    Examples
    --------
    >>> import algconv as ac
    >>> from algconv.engines import ENGINES
    >>> {"direct", "table"} <= set(ENGINES)
    True
    """

    #: the ``method=`` name
    name: str = ""
    #: whether int / Fraction / sympy values stay exact
    exact: bool = True
    #: one line for ``choose_method``'s explanation
    summary: str = ""

    def applies(self, p: Problem) -> str | None:
        """``None`` if this engine can evaluate ``p``, else why not (completes "it needs ...")."""
        return None

    def cost(self, p: Problem) -> float:
        """Estimated seconds."""
        raise NotImplementedError

    def memory(self, p: Problem) -> float:
        """Estimated peak working memory in bytes."""
        return 0.0

    def run(self, p: Problem) -> Function:
        """The full convolution ``p.f * p.g``."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<engine {self.name!r}>"


def lattice_result(array: np.ndarray, p: Problem) -> Function:
    """Wrap a full lattice convolution array with the right start (``start_f + start_g``)."""
    start = tuple(a + b for a, b in zip(p.f._start, p.g._start))
    return Function._from_dense(array, p.over, start)

