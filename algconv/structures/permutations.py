"""Permutation groups: symmetric, alternating, dihedral, and any sympy PermutationGroup.

Elements are tuples in one-line notation with 0-based images: ``p[i]`` is the image of
``i``.  The product follows sympy's convention, *first a, then b*:
``op(a, b)[i] == b[a[i]]``, so ``op(a, b)`` is ``tuple((Permutation(a) * Permutation(b)).array_form)``.
Elements are listed in lexicographic order of their tuples.
"""

from __future__ import annotations

import itertools
import math
from typing import Any, Iterable

import numpy as np

from .. import config
from ..errors import InvalidArgument, InvalidType
from ..validation import check_int, describe, is_integer
from .base import FiniteGroup

__all__ = [
    "PermutationGroupBase",
    "SymmetricGroup",
    "AlternatingGroup",
    "DihedralGroup",
    "SympyPermutationGroup",
    "compose",
    "invert",
    "is_even",
]


def compose(a: tuple, b: tuple) -> tuple:
    """First ``a``, then ``b``: ``compose(a, b)[i] == b[a[i]]`` (sympy's ``a * b``).

    ``a`` may be any map ``range(n) -> range(len(b))`` in one-line notation (a tuple of
    ints), so transformations compose too; anything else raises ``InvalidType`` or
    ``InvalidArgument`` naming it.

    Examples
    --------
    >>> compose((1, 0, 2), (0, 2, 1))
    (2, 0, 1)
    """
    a, b = _one_line(a, "a"), _one_line(b, "b")
    if any(not 0 <= i < len(b) for i in a):
        raise InvalidArgument(f"Got a={describe(a)}, but compose(a, b) needs every entry of a "
                              f"in range(len(b)) = range({len(b)})")
    return compose_trusted(a, b)


def compose_trusted(a: tuple, b: tuple) -> tuple:
    """``compose`` on trusted input (the groups' hot path): no checks.

    >>> compose_trusted((1, 0, 2), (0, 2, 1))
    (2, 0, 1)
    """
    return tuple(b[i] for i in a)


def _one_line(a: Any, name: str) -> tuple:
    """``a`` as a tuple of ints (a map in one-line notation), or raise naming ``name``."""
    if not isinstance(a, (tuple, list)) or not all(map(is_integer, a)):
        raise InvalidType(f"Got {name}={describe(a)}, but expected a tuple of ints in one-line "
                          "notation")
    return tuple(int(v) for v in a)


def invert(a: tuple) -> tuple:
    """The inverse permutation.

    Examples
    --------
    >>> invert((1, 2, 0))
    (2, 0, 1)
    """
    a = _one_line(a, "a")
    if sorted(a) != list(range(len(a))):
        raise InvalidArgument(f"Got a={describe(a)}, but expected a permutation of "
                              f"range({len(a)}) in one-line notation")
    return _invert(a)


def _invert(a: tuple) -> tuple:
    """``invert`` on trusted input (the groups' hot path)."""
    inv = [0] * len(a)
    for i, ai in enumerate(a):
        inv[ai] = i
    return tuple(inv)


def is_even(a: tuple) -> bool:
    """Whether ``a`` is an even permutation (by counting cycles).

    Examples
    --------
    >>> is_even((1, 2, 0)), is_even((1, 0, 2))
    (True, False)
    """
    seen = [False] * len(a)
    transpositions = 0
    for i in range(len(a)):
        j, length = i, 0
        while not seen[j]:
            seen[j] = True
            j = a[j]
            length += 1
        transpositions += max(length - 1, 0)
    return transpositions % 2 == 0


#: largest code space (``degree ** len(base)``) looked up through a dense array when
#: building a Cayley table (64 MiB of intp)
LOOKUP_ENTRIES = 1 << 23


#: seconds to compute ``n!`` with ``bits`` bits, ``FACTORIAL_SECONDS * bits ** 1.45``
#: (math.factorial measured at n = 1e5 and 1e6: 0.7 s and 25 s, 1.5e6 and 1.8e7 bits)
FACTORIAL_SECONDS = 7.8e-10


def _factorial(n: int, what: str) -> int:
    """``n!``, refused up front when its digits would not fit or take too long to compute."""
    bits = math.lgamma(n + 1) / math.log(2)
    config.check_memory(bits / 8, what)
    config.check_time(FACTORIAL_SECONDS * bits**1.45, what)
    return math.factorial(n)


class PermutationGroupBase(FiniteGroup):
    """Shared machinery of groups of permutations of ``range(degree)``.

    Examples
    --------
    >>> import algconv as ac
    >>> isinstance(ac.DihedralGroup(4), PermutationGroupBase)
    True
    """

    degree: int

    @property
    def element_description(self) -> str:
        return f"a tuple in one-line notation that is a permutation of range({self.degree})"

    @property
    def identity(self) -> tuple:
        config.check_memory(self._element_bytes(), f"the identity of {self!r}")
        return tuple(range(self.degree))

    def _element_bytes(self) -> int:
        return config.tuple_bytes(self.degree, config.distinct_ints(self.degree))

    def op(self, a: tuple, b: tuple) -> tuple:
        """First ``a``, then ``b`` (sympy's ``Permutation(a) * Permutation(b)``)."""
        return compose_trusted(a, b)

    def inverse(self, a: tuple) -> tuple:
        """The inverse permutation."""
        return _invert(a)

    def _is_permutation(self, x: Any) -> bool:
        return (
            isinstance(x, tuple)
            and len(x) == self.degree
            and all(map(is_integer, x))
            and sorted(x) == list(range(self.degree))
        )

    def contains(self, x: Any) -> bool:
        return self._is_permutation(x) and self._contains_permutation(self.canonical(x))

    def _contains_permutation(self, p: tuple) -> bool:
        return True

    def canonical(self, x: Any) -> tuple:
        return tuple(int(v) for v in x)

    def _permutation_array(self) -> np.ndarray:
        """The elements as an ``(order, degree)`` int array, lexicographically sorted."""
        cached = self.__dict__.get("_perm_array")
        if cached is None:
            config.check_memory(8.0 * self.order * self.degree,
                                f"the permutations of {self!r} as an array")
            cached = np.array(self.elements(), dtype=np.intp).reshape(self.order, self.degree)
            self.__dict__["_perm_array"] = cached
        return cached

    def _base(self, perms: np.ndarray) -> tuple[list, np.ndarray] | None:
        """A base (points whose images tell every element apart) and the elements' codes.

        Greedy: a point joins when it splits more elements apart; an element's code is its
        images of the base points in base ``degree``.  ``None`` when the codes would not
        fit in int64.  A dihedral group needs 2 points, ``S_n`` needs ``n - 1``.
        """
        n, codes, distinct, base = len(perms), np.zeros(len(perms), dtype=np.int64), 1, []
        for point in range(self.degree):
            if distinct == n:
                break
            if self.degree ** (len(base) + 1) > 2**62:
                return None
            candidate = codes * self.degree + perms[:, point]
            count = len(np.unique(candidate))
            if count > distinct:
                base, codes, distinct = base + [point], candidate, count
        return base, codes

    def _build_table(self) -> np.ndarray:
        """Vectorised: compose all pairs on the base points only, then look the codes up.

        ``op(a, b)[i] = b[a[i]]`` is known once its images of the base are; so each block
        of rows costs ``rows x order x len(base)`` gathers (the dihedral group of order 3000
        builds in well under a second).  Without a base that fits int64 codes, the generic
        dict-based table is used.
        """
        perms = self._permutation_array()
        found = self._base(perms)
        if found is None:
            return super()._build_table()
        base, codes = found
        n = self.order
        space = self.degree ** len(base)
        if space <= LOOKUP_ENTRIES:  # a direct lookup table beats a binary search
            lookup = np.zeros(space, dtype=np.intp)
            lookup[codes] = np.arange(n)
            find = lookup.__getitem__
        else:
            sorter = np.argsort(codes, kind="stable")
            sorted_codes = codes[sorter]
            find = lambda c: sorter[np.searchsorted(sorted_codes, c)]  # noqa: E731
        table = np.empty((n, n), dtype=np.intp)
        columns = np.ascontiguousarray(perms.T)  # columns[i, b] = b[i]: contiguous rows
        rows = max(1, (1 << 22) // n)
        for lo in range(0, n, rows):
            images = perms[lo : lo + rows][:, base]  # a[i] for i in the base
            # the code of op(a, b) = b o a on the base: b[a[base[j]]] = columns[a[base[j]], b]
            product_codes = np.zeros((len(images), n), dtype=np.int64)
            for j in range(len(base)):
                product_codes = product_codes * self.degree + columns[images[:, j]]
            table[lo : lo + rows] = find(product_codes)
        return table


class SymmetricGroup(PermutationGroupBase):
    """The symmetric group ``S_n`` of all permutations of ``range(n)``; order ``n!``.

    ``index`` is the Lehmer-code rank, so no enumeration is needed for it.

    Examples
    --------
    >>> import algconv as ac
    >>> S3 = ac.SymmetricGroup(3)
    >>> S3.order, S3.elements()[:3], S3.op((1, 0, 2), (0, 2, 1))
    (6, ((0, 1, 2), (0, 2, 1), (1, 0, 2)), (2, 0, 1))
    >>> S3.index((2, 1, 0)), S3.is_commutative
    (5, False)
    """

    def __init__(self, n: int):
        self.degree = check_int(n, "n", minimum=1, what="SymmetricGroup(n)")
        self.is_commutative = self.degree <= 2

    def _params(self) -> tuple:
        return (self.degree,)

    @property
    def order(self) -> int:
        return _factorial(self.degree, f"the order of {self!r}")

    def _enumerate(self) -> Iterable:
        return itertools.permutations(range(self.degree))

    def index(self, x: Any) -> int:
        """The lexicographic rank of ``x`` (Lehmer code), without enumeration."""
        p = self.check(x)
        n, rank = len(p), 0
        for i, v in enumerate(p):
            smaller = sum(1 for w in p[i + 1 :] if w < v)
            rank += smaller * math.factorial(n - 1 - i)
        return rank


class AlternatingGroup(PermutationGroupBase):
    """The alternating group ``A_n`` of even permutations of ``range(n)``; order ``n!/2``.

    ``A_1`` and ``A_2`` are the trivial group on 1 and 2 points (sympy's ``A_2`` acts on one
    point; here ``A_n`` always acts on ``n``).

    Examples
    --------
    >>> import algconv as ac
    >>> A4 = ac.AlternatingGroup(4)
    >>> A4.order, A4.contains((1, 0, 2, 3)), A4.contains((1, 0, 3, 2))
    (12, False, True)
    """

    def __init__(self, n: int):
        self.degree = check_int(n, "n", minimum=1, what="AlternatingGroup(n)")
        self.is_commutative = self.degree <= 3

    def _params(self) -> tuple:
        return (self.degree,)

    @property
    def order(self) -> int:
        return max(1, _factorial(self.degree, f"the order of {self!r}") // 2)

    def _contains_permutation(self, p: tuple) -> bool:
        return is_even(p)

    def _enumerate(self) -> Iterable:
        return filter(is_even, itertools.permutations(range(self.degree)))


class DihedralGroup(PermutationGroupBase):
    """The dihedral group ``D_n`` of order ``2n``, as sympy's ``DihedralGroup(n)``.

    For ``n >= 3`` it acts on the ``n`` vertices of a polygon: rotations ``i -> i + k`` and
    reflections ``i -> k - i`` (mod ``n``).  As in sympy, ``D_1`` acts on 2 points and
    ``D_2`` (the Klein four-group) on 4.

    Examples
    --------
    >>> import algconv as ac
    >>> D4 = ac.DihedralGroup(4)
    >>> D4.order, D4.contains((1, 2, 3, 0)), D4.contains((1, 0, 2, 3))
    (8, True, False)
    """

    def __init__(self, n: int):
        self.n = check_int(n, "n", minimum=1, what="DihedralGroup(n)")
        self.degree = {1: 2, 2: 4}.get(self.n, self.n)
        self.is_commutative = self.n <= 2

    def _params(self) -> tuple:
        return (self.n,)

    @property
    def order(self) -> int:
        return 2 * self.n

    def _element_bytes(self) -> int:
        return super()._element_bytes() + 8 * self.degree  # and its row of the int array

    def _small(self) -> set:
        return {(0, 1), (1, 0)} if self.n == 1 else {
            (0, 1, 2, 3), (1, 0, 3, 2), (2, 3, 0, 1), (3, 2, 1, 0)}

    def _contains_permutation(self, p: tuple) -> bool:
        if self.n <= 2:
            return p in self._small()
        n, k = self.n, p[0]
        return all(p[i] == (k + i) % n for i in range(n)) or all(
            p[i] == (k - i) % n for i in range(n)
        )

    def _enumerate(self) -> Iterable:
        if self.n <= 2:
            return sorted(self._small())
        n = self.n
        k, i = np.arange(n)[:, None], np.arange(n)
        perms = np.concatenate([(k + i) % n, (k - i) % n])  # rotations, reflections
        # for n >= 3 the first two images tell the elements apart: sort by them
        perms = perms[np.lexsort((perms[:, 1], perms[:, 0]))]
        return (tuple(row.tolist()) for row in perms)  # one row of Python ints at a time


class SympyPermutationGroup(PermutationGroupBase):
    """Any sympy ``PermutationGroup``, via ``ac.FiniteGroup.from_sympy``.

    Membership uses sympy's Schreier-Sims ``contains``; no enumeration until ``elements()``.
    Two such groups are equal when their degrees and generator sets are equal.

    Examples
    --------
    >>> import algconv as ac
    >>> from sympy.combinatorics.named_groups import SymmetricGroup
    >>> G = ac.FiniteGroup.from_sympy(SymmetricGroup(3))
    >>> G.order, G.contains((1, 2, 0))
    (6, True)
    """

    def __init__(self, group: Any):
        from sympy.combinatorics import PermutationGroup

        if not isinstance(group, PermutationGroup):
            raise InvalidType(
                f"Got group={describe(group)}, but expected a sympy.combinatorics.PermutationGroup"
            )
        self.group = group
        self.degree = int(group.degree)
        self._generators = tuple(sorted(tuple(g.array_form) for g in group.generators))
        self.is_commutative = bool(group.is_abelian)

    def _params(self) -> tuple:
        return (self.degree, self._generators)

    def __repr__(self) -> str:
        gens = ", ".join(f"Permutation({list(g)})" for g in self._generators)
        return f"FiniteGroup.from_sympy(PermutationGroup([{gens}]))"

    @property
    def order(self) -> int:
        return int(self.group.order())

    def _contains_permutation(self, p: tuple) -> bool:
        from sympy.combinatorics import Permutation

        return bool(self.group.contains(Permutation(list(p))))

    def _enumerate(self) -> Iterable:
        return sorted(tuple(g.array_form) for g in self.group.generate())
