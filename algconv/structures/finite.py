"""Finite abelian built-ins: ``Cyclic(n)``, ``BooleanGroup(n)`` and ``SubsetMonoid(n)``."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..validation import check_int, is_integer
from .base import FiniteGroup, FiniteMonoid

__all__ = ["Cyclic", "BooleanGroup", "SubsetMonoid"]


class _IntRange(FiniteMonoid):
    """Shared by structures whose elements are ``range(order)`` with ``index(x) == x``."""

    is_commutative = True

    @property
    def element_description(self) -> str:
        return f"an int in range({self.order})"

    @property
    def identity(self) -> int:
        return 0

    def contains(self, x: Any) -> bool:
        return is_integer(x) and 0 <= x < self.order

    def canonical(self, x: Any) -> int:
        return int(x)

    def _enumerate(self) -> range:
        return range(self.order)

    def index(self, x: Any) -> int:
        """``x`` itself (elements are ``range(order)``)."""
        return self.check(x)


class Cyclic(_IntRange, FiniteGroup):
    """The cyclic group ``Z/n`` of integers ``0..n-1`` under addition mod ``n``.

    Parameters
    ----------
    n : int
        The order, ``n >= 1``.

    Examples
    --------
    >>> import algconv as ac
    >>> C = ac.Cyclic(6)
    >>> C, C.op(4, 5), C.inverse(2), C.elements()
    (Cyclic(6), 3, 4, (0, 1, 2, 3, 4, 5))
    """

    def __init__(self, n: int):
        self.n = check_int(n, "n", minimum=1, what="Cyclic(n)")

    def _params(self) -> tuple:
        return (self.n,)

    @property
    def order(self) -> int:
        return self.n

    def op(self, a: int, b: int) -> int:
        """``(a + b) % n``."""
        return (a + b) % self.n

    def inverse(self, a: int) -> int:
        """``-a % n``."""
        return -a % self.n

    def _build_table(self) -> np.ndarray:
        r = np.arange(self.n)
        return (r[:, None] + r[None, :]) % self.n


class _Bitmasks(_IntRange):
    """Shared by structures on the subsets of ``{0..n-1}``, as bitmasks ``0..2**n - 1``."""

    def __init__(self, n: int):
        self.n = check_int(n, "n", minimum=1, what=f"{type(self).__name__}(n)")

    def _params(self) -> tuple:
        return (self.n,)

    @property
    def order(self) -> int:
        return 1 << self.n


class BooleanGroup(_Bitmasks, FiniteGroup):
    """The Boolean group ``({0,1}^n, XOR)``; elements are bitmasks ``0..2**n - 1``.

    Examples
    --------
    >>> import algconv as ac
    >>> B = ac.BooleanGroup(3)
    >>> B.op(0b101, 0b011), B.inverse(5), B.order
    (6, 5, 8)
    """

    def op(self, a: int, b: int) -> int:
        """``a ^ b``."""
        return a ^ b

    def inverse(self, a: int) -> int:
        """Every element is its own inverse."""
        return a

    def _build_table(self) -> np.ndarray:
        r = np.arange(self.order)
        return r[:, None] ^ r[None, :]


class SubsetMonoid(_Bitmasks):
    """Subsets of ``{0..n-1}`` under union, as bitmasks; a commutative monoid, not a group.

    Examples
    --------
    >>> import algconv as ac
    >>> S = ac.SubsetMonoid(3)
    >>> S.op(0b001, 0b100), S.identity, isinstance(S, ac.Group)
    (5, 0, False)
    """

    def op(self, a: int, b: int) -> int:
        """``a | b``."""
        return a | b

    def _build_table(self) -> np.ndarray:
        r = np.arange(self.order)
        return r[:, None] | r[None, :]
