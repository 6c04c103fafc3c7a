"""The ``Monoid`` and ``Group`` protocols, the finite mixin, and user-built structures.

A structure is an object with ``identity``, ``op(a, b)``, ``contains(x)``,
``is_commutative`` and ``is_finite``; finite ones also enumerate their ``elements()`` in a
fixed order, know their ``order`` without enumerating, ``index(x)`` an element, and build
a cached ``cayley_table()``.  Structures compare equal and hash by value.
"""

from __future__ import annotations

import abc
from typing import Any, Callable, Hashable, Iterable

import numpy as np

from .. import config
from ..caches import TABLES
from ..errors import InvalidArgument, InvalidType, NotInStructure
from ..validation import describe

__all__ = ["Monoid", "Group", "FiniteMonoid", "FiniteGroup", "is_structure", "check_structure"]


class Monoid(abc.ABC):
    """A monoid ``(M, ., e)``: an associative operation with an identity element.

    Subclass it (implement ``identity``, ``op``, ``contains``, ``_params``) or build one
    with :meth:`Monoid.from_operation`.

    Attributes
    ----------
    is_commutative : bool
        Whether ``op(a, b) == op(b, a)`` for all elements (a claim ``ac.laws.check`` tests).
    is_finite : bool
        Whether the structure has finitely many elements.

    Examples
    --------
    >>> import algconv as ac
    >>> Z = ac.Integers()
    >>> Z.op(2, 3), Z.identity, Z.contains(1.5)
    (5, 0, False)
    """

    is_commutative: bool = False
    is_finite: bool = False
    #: how a Function stores values densely: 'lattice' (array + start, op adds
    #: coordinates), 'offset' (1-D array + start, other op), 'finite' (elements order), None
    dense_layout: str | None = None
    #: words for error messages: "an int in range(4)"
    element_description: str = "an element"

    @property
    @abc.abstractmethod
    def identity(self) -> Any:
        """The identity element ``e`` with ``op(e, x) == op(x, e) == x``."""

    @abc.abstractmethod
    def op(self, a: Any, b: Any) -> Any:
        """The product ``a . b``."""

    @abc.abstractmethod
    def contains(self, x: Any) -> bool:
        """Whether ``x`` is an element (wrong types are simply not elements)."""

    @abc.abstractmethod
    def _params(self) -> tuple:
        """The values that define this structure: used by ``==``, ``hash`` and ``repr``."""

    # --- shared behaviour ----------------------------------------------------------------

    def check(self, x: Any, name: str = "element") -> Any:
        """Return ``x`` in canonical form if it is an element, else raise ``NotInStructure``.

        Examples
        --------
        >>> import algconv as ac
        >>> ac.Integers().check(-3)
        -3
        """
        if not self.contains(x):
            raise NotInStructure(
                f"Got {name}={describe(x)}, but it is not an element of {self!r} "
                f"({self.element_description})",
                element=x,
                structure=self,
            )
        return self.canonical(x)

    def canonical(self, x: Any) -> Any:
        """The canonical Python form of an element (numpy ints become ints)."""
        return x

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        return type(self) is type(other) and self._params() == other._params()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._params()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(map(repr, self._params()))})"

    def _needs_finite(self, what: str):
        return InvalidArgument(f"{what} needs a finite structure, but {self!r} is infinite")

    def elements(self) -> tuple:
        """All elements in this structure's documented order (finite structures only)."""
        raise self._needs_finite("elements()")

    @property
    def order(self) -> int:
        """The number of elements (finite structures only)."""
        raise self._needs_finite("order")

    def index(self, x: Any) -> int:
        """The position of ``x`` in ``elements()`` (finite structures only)."""
        raise self._needs_finite("index()")

    def cayley_table(self) -> np.ndarray:
        """``T[i, j] = index(op(el[i], el[j]))`` (finite structures only)."""
        raise self._needs_finite("cayley_table()")

    @staticmethod
    def from_operation(
        op: Callable[[Any, Any], Any],
        identity: Hashable,
        elements: Iterable | None = None,
        inverse: Callable[[Any], Any] | None = None,
        commutative: bool | None = None,
        *,
        contains: Callable[[Any], bool] | None = None,
        name: str | None = None,
    ) -> "Monoid":
        """A structure from a Python operation; trusted, not checked (see ``ac.laws.check``).

        Parameters
        ----------
        op : callable
            ``op(a, b)``, the product.
        identity : hashable
            The identity element.
        elements : iterable, optional
            All elements, in the order ``elements()`` should use; makes the structure finite.
        inverse : callable, optional
            ``inverse(a)``; makes the structure a ``Group``.
        commutative : bool, optional
            Whether ``op`` is commutative; ``None`` (unknown) is treated as ``False``.
        contains : callable, optional
            Membership test for an infinite structure; by default every hashable value is
            an element (finite structures test membership in ``elements``).
        name : str, optional
            Shown by ``repr``.

        Returns
        -------
        Monoid
            A ``FiniteGroup``, ``FiniteMonoid``, ``Group`` or ``Monoid`` as the arguments allow.

        Examples
        --------
        >>> import algconv as ac
        >>> M = ac.Monoid.from_operation(max, 0, elements=range(4), commutative=True,
        ...                              name="max-monoid")
        >>> M, M.op(1, 3), M.order, M.is_commutative
        (max-monoid, 3, 4, True)
        """
        from .custom import from_operation

        return from_operation(op, identity, elements, inverse, commutative, contains, name)


class Group(Monoid):
    """A group: a monoid in which every element has an inverse.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.Cyclic(5).inverse(2)
    3
    """

    @abc.abstractmethod
    def inverse(self, a: Any) -> Any:
        """The element ``b`` with ``op(a, b) == op(b, a) == identity``."""


#: bytes of one element of a finite structure unless it says otherwise (an int object, a
#: short tuple); permutation groups count their tuples by degree
ELEMENT_BYTES = 100


class FiniteMonoid(Monoid):
    """A finite monoid: enumerable elements, ``order``, ``index`` and a cached Cayley table.

    Subclasses implement ``_enumerate()`` (the elements in order) and ``order``; they may
    override ``index`` and ``_build_table`` with faster versions.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.SubsetMonoid(2).cayley_table()
    array([[0, 1, 2, 3],
           [1, 1, 3, 3],
           [2, 3, 2, 3],
           [3, 3, 3, 3]])
    """

    is_finite = True
    dense_layout = "finite"

    @abc.abstractmethod
    def _enumerate(self) -> Iterable:
        """The elements, in order."""

    @property
    @abc.abstractmethod
    def order(self) -> int:
        """The number of elements, computed without enumerating them."""

    def elements(self) -> tuple:
        """All elements in the structure's documented order (computed once, cached)."""
        cached = self.__dict__.get("_elements")
        if cached is None:
            config.check_memory(self.order * (self._element_bytes() + 8), f"elements() of {self!r}")
            cached = self.__dict__["_elements"] = tuple(self._enumerate())
        return cached

    def _element_bytes(self) -> int:
        """Estimated bytes of one element as ``elements()`` builds it (overridden where larger)."""
        return ELEMENT_BYTES

    def _index_map(self) -> dict:
        cached = self.__dict__.get("_index_of")
        if cached is None:
            cached = self.__dict__["_index_of"] = {x: i for i, x in enumerate(self.elements())}
        return cached

    def index(self, x: Any) -> int:
        """The position of ``x`` in ``elements()``; raises ``NotInStructure`` otherwise."""
        i = self._index_map().get(self.check(x))
        if i is None:  # pragma: no cover - contains() and elements() disagree
            raise NotInStructure(f"Got element={describe(x)}, but it is not in {self!r}", x, self)
        return i

    def cayley_table(self) -> np.ndarray:
        """The Cayley table ``T[i, j] = index(op(el[i], el[j]))``, built once and kept.

        Tables are kept by the structure's value (``algconv.caches.TABLES``, bounded by the
        memory limit), so equal structures share one.  The returned array is read-only.
        Raises ``InvalidArgument`` when the table would need more than
        ``algconv.config.memory_limit`` bytes.
        """
        own = self.own_table
        if own is not None:
            return own
        return TABLES.get(self, self._new_table, lambda table: table.nbytes)

    @property
    def own_table(self) -> np.ndarray | None:
        """The table that defines this structure (``FiniteGroup.from_cayley_table``), or
        ``None`` when the table is built from the operation."""
        return self.__dict__.get("_table")

    def _new_table(self) -> np.ndarray:
        n = self.order
        config.check_memory(8.0 * n * n, f"the Cayley table of {self!r} ({n} x {n})")
        table = np.ascontiguousarray(self._build_table(), dtype=np.intp)
        table.setflags(write=False)
        return table

    def _build_table(self) -> np.ndarray:
        els = self.elements()
        index = self._index_map()
        op = self.op
        return np.array([[index[op(a, b)] for b in els] for a in els], dtype=np.intp)

    def _identity_index(self) -> int:
        return self.index(self.identity)


class FiniteGroup(FiniteMonoid, Group):
    """A finite group; also the home of the constructors for user-defined finite groups.

    Examples
    --------
    >>> import algconv as ac
    >>> G = ac.FiniteGroup.from_cayley_table([[0, 1, 2], [1, 2, 0], [2, 0, 1]], labels="abc")
    >>> G.op("b", "c"), G.inverse("b"), G.is_commutative
    ('a', 'c', True)
    """

    def inverse_indices(self) -> np.ndarray:
        """``inv[i] = index(inverse(el[i]))``, from the Cayley table, cached."""
        cached = self.__dict__.get("_inverse_indices")
        if cached is None:
            table = self.cayley_table()
            cached = np.argmax(table == self._identity_index(), axis=1)
            cached.setflags(write=False)
            self.__dict__["_inverse_indices"] = cached
        return cached

    @staticmethod
    def from_cayley_table(table: Any, labels: Iterable | None = None) -> "FiniteGroup":
        """A finite group from its Cayley table, validated.

        Parameters
        ----------
        table : array_like of int, shape (n, n)
            ``table[i, j]`` is the index of the product of elements ``i`` and ``j``.
        labels : iterable of n distinct hashables, optional
            The elements, in index order (default ``0..n-1``).

        Returns
        -------
        FiniteGroup

        Raises
        ------
        InvalidStructure
            If closure, identity, inverses or associativity fails; the message names the
            failing element or triple (as labels).
        InvalidType, InvalidArgument
            If ``table`` is not a square integer array or ``labels`` do not fit.

        Notes
        -----
        Associativity is checked by Light's test restricted to a generating set: if
        ``(x s) y == x (s y)`` for all ``x, y`` and every ``s`` of a set ``S``, it holds for
        every product of elements of ``S``, so it suffices for a set whose products reach
        every element.  ``S`` is chosen greedily (at most ``log2(n) + 1`` elements for a
        group), which makes the check ``O(n^2 log n)`` instead of ``O(n^3)``: a valid
        2000 x 2000 table validates in about a second.

        Examples
        --------
        >>> import algconv as ac
        >>> K = ac.FiniteGroup.from_cayley_table([[0, 1], [1, 0]])
        >>> K.order, K.elements(), K.op(1, 1)
        (2, (0, 1), 0)
        """
        from .tables import CayleyTableGroup

        return CayleyTableGroup(table, labels)

    @staticmethod
    def from_generators(
        generators: Iterable, op: Callable[[Any, Any], Any], max_order: int = 100_000
    ) -> "FiniteGroup":
        """The finite group generated by ``generators`` under ``op``, by breadth-first search.

        Parameters
        ----------
        generators : iterable of hashable
            At least one element.
        op : callable
            The group operation.
        max_order : int, default 100_000
            Give up (``InvalidArgument``) if the closure grows past this many elements.

        Returns
        -------
        FiniteGroup
            Elements in breadth-first order from the identity (words of increasing length
            in the generators).

        Examples
        --------
        >>> import algconv as ac
        >>> G = ac.FiniteGroup.from_generators([2], lambda a, b: (a + b) % 6)
        >>> G.elements(), G.identity
        ((0, 2, 4), 0)
        """
        from .tables import GeneratedGroup

        return GeneratedGroup(generators, op, max_order)

    @staticmethod
    def from_sympy(group: Any) -> "FiniteGroup":
        """A sympy ``PermutationGroup`` as an algconv group of one-line-notation tuples.

        Examples
        --------
        >>> import algconv as ac
        >>> from sympy.combinatorics.named_groups import CyclicGroup
        >>> G = ac.FiniteGroup.from_sympy(CyclicGroup(3))
        >>> G.elements()
        ((0, 1, 2), (1, 2, 0), (2, 0, 1))
        """
        from .permutations import SympyPermutationGroup

        return SympyPermutationGroup(group)


def is_structure(x: Any) -> bool:
    """Whether ``x`` is an algconv structure (a ``Monoid``).

    Examples
    --------
    >>> import algconv as ac
    >>> ac.structures.is_structure(ac.Cyclic(3)), ac.structures.is_structure('Cyclic(3)')
    (True, False)
    """
    return isinstance(x, Monoid)


def check_structure(over: Any, name: str = "over") -> Monoid:
    """Return ``over`` if it is a structure object, else raise ``InvalidType``.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.structures.check_structure(ac.Integers())
    Integers()
    """
    if not isinstance(over, Monoid):
        hint = " (spec strings belong to the command line)" if isinstance(over, str) else ""
        raise InvalidType(
            f"Got {name}={describe(over)}, but expected a structure object such as "
            f"ac.Cyclic(6){hint}"
        )
    return over
