"""Structures built from a user's Python operation (``Monoid.from_operation``)."""

from __future__ import annotations

from typing import Any, Callable, Iterable

from ..errors import InvalidArgument, InvalidType
from ..validation import describe
from .base import FiniteGroup, FiniteMonoid, Group, Monoid

__all__ = ["from_operation"]


class _Custom:
    """Shared by the four custom classes: the user's op, identity and claims."""

    def _setup(self, op, identity, elements, inverse, commutative, contains, name):
        self._op, self._identity, self._inverse = op, identity, inverse
        self._elements_given, self._contains, self._name = elements, contains, name
        self.is_commutative = bool(commutative)

    def _params(self) -> tuple:
        return (
            self._op, self._identity, self._elements_given, self._inverse,
            self.is_commutative, self._contains, self._name,
        )

    def __repr__(self) -> str:
        if self._name:
            return self._name
        op = getattr(self._op, "__name__", repr(self._op))
        return f"Monoid.from_operation({op}, identity={self._identity!r})"

    @property
    def identity(self) -> Any:
        return self._identity

    def op(self, a: Any, b: Any) -> Any:
        """The user's operation."""
        return self._op(a, b)

    def inverse(self, a: Any) -> Any:
        """The user's inverse."""
        return self._inverse(a)

    def contains(self, x: Any) -> bool:
        if self._elements_given is not None:
            try:
                return x in self._index_map()
            except TypeError:
                return False
        if self._contains is not None:
            return bool(self._contains(x))
        try:
            hash(x)
        except TypeError:
            return False
        return True

    @property
    def element_description(self) -> str:
        return "one of its elements" if self._elements_given is not None else "a valid element"

    # finite only
    @property
    def order(self) -> int:
        if self._elements_given is None:
            raise self._needs_finite("order")
        return len(self._elements_given)

    def _enumerate(self) -> tuple:
        return self._elements_given


class _CustomMonoid(_Custom, Monoid):
    pass


class _CustomGroup(_Custom, Group):
    pass


class _CustomFiniteMonoid(_Custom, FiniteMonoid):
    pass


class _CustomFiniteGroup(_Custom, FiniteGroup):
    pass


def from_operation(
    op: Callable[[Any, Any], Any],
    identity: Any,
    elements: Iterable | None,
    inverse: Callable[[Any], Any] | None,
    commutative: bool | None,
    contains: Callable[[Any], bool] | None,
    name: str | None,
) -> Monoid:
    """See ``Monoid.from_operation``."""
    for arg, label in ((op, "op"), (inverse, "inverse"), (contains, "contains")):
        if arg is not None and not callable(arg):
            raise InvalidType(f"Got {label}={describe(arg)}, but expected a callable")
    if op is None:
        raise InvalidType("Got op=None, but expected a callable op(a, b)")
    if commutative is not None and not isinstance(commutative, bool):
        raise InvalidType(f"Got commutative={describe(commutative)}, but expected True, False or None")
    if name is not None and not isinstance(name, str):
        raise InvalidType(f"Got name={describe(name)}, but expected a str")
    try:
        hash(identity)
    except TypeError as e:
        raise InvalidType(f"Got identity={describe(identity)}, but elements must be hashable") from e
    if elements is not None:
        if isinstance(elements, (str, bytes)) or not hasattr(elements, "__iter__"):
            raise InvalidType(f"Got elements={describe(elements)}, but expected an iterable")
        try:
            elements = tuple(elements)
            distinct = len(set(elements)) == len(elements)
        except TypeError as e:
            raise InvalidType(
                f"Got elements={describe(elements)}, but elements must be hashable"
            ) from e
        if not distinct:
            raise InvalidArgument(f"Got elements={describe(elements)}, but they repeat")
        if identity not in elements:
            raise InvalidArgument(
                f"Got identity={identity!r}, but it is not among elements={describe(elements)}"
            )
        cls = _CustomFiniteGroup if inverse is not None else _CustomFiniteMonoid
    else:
        cls = _CustomGroup if inverse is not None else _CustomMonoid
    structure = cls.__new__(cls)
    structure._setup(op, identity, elements, inverse, commutative, contains, name)
    return structure
