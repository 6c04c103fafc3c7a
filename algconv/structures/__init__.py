"""Monoids and groups: the protocols, the built-ins, and constructors for your own.

Examples
--------
>>> import algconv as ac
>>> ac.Cyclic(6) == ac.Cyclic(6), hash(ac.Cyclic(6)) == hash(ac.Cyclic(6))
(True, True)
"""

from .base import FiniteGroup, FiniteMonoid, Group, Monoid, check_structure, is_structure
from .continuous import Circle, PositiveReals
from .finite import BooleanGroup, Cyclic, SubsetMonoid
from .numbers import Integers, Lattice, Multiplicative, Naturals, Reals
from .permutations import (
    AlternatingGroup,
    DihedralGroup,
    SymmetricGroup,
    compose,
    invert,
)
from .product import Product, product
from .words import FreeMonoid

__all__ = [
    "Monoid",
    "Group",
    "FiniteMonoid",
    "FiniteGroup",
    "Integers",
    "Lattice",
    "Naturals",
    "Multiplicative",
    "Reals",
    "PositiveReals",
    "Circle",
    "Cyclic",
    "BooleanGroup",
    "SubsetMonoid",
    "SymmetricGroup",
    "AlternatingGroup",
    "DihedralGroup",
    "FreeMonoid",
    "Product",
    "product",
    "compose",
    "invert",
    "is_structure",
    "check_structure",
]
