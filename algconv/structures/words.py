"""The free monoid of strings over an alphabet, under concatenation."""

from __future__ import annotations

from typing import Any, Iterable

from ..errors import InvalidArgument, InvalidType
from ..validation import describe
from .base import Monoid

__all__ = ["FreeMonoid"]


class FreeMonoid(Monoid):
    """Strings over ``alphabet`` under concatenation; the identity is ``""``.

    Parameters
    ----------
    alphabet : str or iterable of single-character str
        The distinct letters, at least one.

    Notes
    -----
    Commutative only when the alphabet has one letter.  Convolution here multiplies
    non-commutative polynomials (formal sums of words).

    Examples
    --------
    >>> import algconv as ac
    >>> W = ac.FreeMonoid("ab")
    >>> W.op("ab", "ba"), W.identity, W.contains("abc"), W.is_commutative
    ('abba', '', False, False)
    """

    def __init__(self, alphabet: str | Iterable[str]):
        if isinstance(alphabet, str):
            letters = tuple(alphabet)
        else:
            try:
                letters = tuple(alphabet)
            except TypeError as e:
                raise InvalidType(
                    f"Got alphabet={describe(alphabet)}, but expected a str of letters"
                ) from e
        if not all(isinstance(c, str) and len(c) == 1 for c in letters):
            raise InvalidType(
                f"Got alphabet={describe(alphabet)}, but expected single-character strings"
            )
        if not letters or len(set(letters)) != len(letters):
            raise InvalidArgument(
                f"Got alphabet={describe(alphabet)}, but expected at least one letter, none repeated"
            )
        self.alphabet = "".join(letters)
        self._letters = frozenset(letters)
        self.is_commutative = len(letters) == 1

    def _params(self) -> tuple:
        return (self.alphabet,)

    @property
    def element_description(self) -> str:
        return f"a str over the alphabet {self.alphabet!r}"

    @property
    def identity(self) -> str:
        return ""

    def op(self, a: str, b: str) -> str:
        """Concatenation."""
        return a + b

    def contains(self, x: Any) -> bool:
        return isinstance(x, str) and self._letters.issuperset(x)
