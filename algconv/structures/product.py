"""Direct products of structures: ``product(G, H, ...)``, elements as tuples."""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np

from .. import config
from ..errors import InvalidArgument
from .base import FiniteGroup, FiniteMonoid, Group, Monoid, check_structure

__all__ = ["product", "Product"]


class Product:
    """Shared behaviour of direct products; ``isinstance(P, ac.structures.Product)`` tells one.

    The concrete class is a ``FiniteGroup``, ``FiniteMonoid``, ``Group`` or ``Monoid`` as
    the factors allow.

    Examples
    --------
    >>> import algconv as ac
    >>> P = ac.product(ac.Cyclic(2), ac.Cyclic(3))
    >>> isinstance(P, Product), P.shape, P.is_cyclic_product
    (True, (2, 3), True)
    """

    factors: tuple

    def _setup(self, factors: tuple) -> None:
        self.factors = factors
        self.is_commutative = all(f.is_commutative for f in factors)

    def _params(self) -> tuple:
        return self.factors

    def __repr__(self) -> str:
        return f"product({', '.join(map(repr, self.factors))})"

    @property
    def element_description(self) -> str:
        return "a tuple (" + ", ".join(f.element_description for f in self.factors) + ")"

    @property
    def identity(self) -> tuple:
        return tuple(f.identity for f in self.factors)

    def op(self, a: tuple, b: tuple) -> tuple:
        """Component-wise product."""
        return tuple(f.op(x, y) for f, x, y in zip(self.factors, a, b))

    def inverse(self, a: tuple) -> tuple:
        """Component-wise inverse."""
        return tuple(f.inverse(x) for f, x in zip(self.factors, a))

    def contains(self, x: Any) -> bool:
        return (
            isinstance(x, tuple)
            and len(x) == len(self.factors)
            and all(f.contains(v) for f, v in zip(self.factors, x))
        )

    def canonical(self, x: Any) -> tuple:
        return tuple(f.canonical(v) for f, v in zip(self.factors, x))

    # --- finite products --------------------------------------------------------------------

    @property
    def order(self) -> int:
        if not self.is_finite:
            raise self._needs_finite("order")
        return math.prod(f.order for f in self.factors)

    @property
    def shape(self) -> tuple:
        """The orders of the factors: the N-D shape of a dense array on a finite product."""
        return tuple(f.order for f in self.factors)

    def _element_bytes(self) -> int:
        return config.tuple_bytes(len(self.factors))  # the factors' elements are shared

    def _enumerate(self):
        return itertools.product(*(f.elements() for f in self.factors))

    def index(self, x: Any) -> int:
        """Mixed-radix index from the factors' indices (``itertools.product`` order)."""
        x = self.check(x)
        return int(np.ravel_multi_index(
            tuple(f.index(v) for f, v in zip(self.factors, x)), self.shape))

    def _build_table(self) -> np.ndarray:
        table = np.zeros((1, 1), dtype=np.intp)
        for f in self.factors:
            t, m = f.cayley_table(), f.order
            # combined[(i, k), (j, l)] = table[i, j] * m + t[k, l]
            table = (table[:, None, :, None] * m + t[None, :, None, :]).reshape(
                table.shape[0] * m, table.shape[1] * m)
        return table

    @property
    def is_cyclic_product(self) -> bool:
        """True when every factor is a ``Cyclic`` group (N-D FFT applies)."""
        from .finite import Cyclic

        return all(type(f) is Cyclic for f in self.factors)


class _ProductMonoid(Product, Monoid):
    pass


class _ProductGroup(Product, Group):
    pass


class _ProductFiniteMonoid(Product, FiniteMonoid):
    pass


class _ProductFiniteGroup(Product, FiniteGroup):
    pass


def product(*factors: Monoid) -> Monoid:
    """The direct product ``G x H x ...``: tuples, combined component-wise.

    Parameters
    ----------
    *factors : Monoid
        At least one structure.

    Returns
    -------
    Monoid
        A ``FiniteGroup`` when every factor is one, a ``Group`` when every factor is a
        group, finite when every factor is; elements of a finite product are in
        ``itertools.product`` order of the factors' elements.

    Raises
    ------
    InvalidArgument
        With no factors (the empty product is rejected).
    InvalidType
        If a factor is not a structure.

    Examples
    --------
    >>> import algconv as ac
    >>> G = ac.product(ac.Cyclic(2), ac.Cyclic(3))
    >>> G, G.order, G.op((1, 2), (1, 2)), isinstance(G, ac.FiniteGroup)
    (product(Cyclic(2), Cyclic(3)), 6, (0, 1), True)
    >>> G.elements()[:4]
    ((0, 0), (0, 1), (0, 2), (1, 0))
    """
    if not factors:
        raise InvalidArgument("Got product() with no factors, but expected at least one structure")
    factors = tuple(check_structure(f, f"factors[{i}]") for i, f in enumerate(factors))
    finite = all(f.is_finite for f in factors)
    group = all(isinstance(f, Group) for f in factors)
    cls = {
        (True, True): _ProductFiniteGroup,
        (True, False): _ProductFiniteMonoid,
        (False, True): _ProductGroup,
        (False, False): _ProductMonoid,
    }[finite, group]
    structure = cls.__new__(cls)
    structure._setup(factors)
    return structure
