"""The ``Semiring`` base, user semirings (``Semiring.from_operations``) and the standard
numbers; ``check_semiring`` turns a ``semiring=`` argument into a Semiring."""

from __future__ import annotations

import functools
import operator
from typing import Any, Callable

import numpy as np

from ..errors import InvalidArgument, InvalidType
from ..validation import as_value_array, check_value, describe

__all__ = ["Semiring", "Standard", "STANDARD", "check_semiring", "guarded", "FLOAT_EXACT"]

#: ints below this magnitude are exact in float64 (a max-plus sum of two stays exact)
FLOAT_EXACT = 2**53


def guarded(op: Callable) -> Callable:
    """A built-in semiring's ``add`` or ``mul``, raising ``InvalidType`` (naming the
    operands) where Python or numpy would raise a bare error on values of the wrong type."""

    @functools.wraps(op)
    def run(self: "Semiring", x: Any, y: Any) -> Any:
        try:
            return op(self, x, y)
        except (TypeError, ValueError, OverflowError) as e:
            if isinstance(e, (InvalidType, InvalidArgument)):
                raise
            raise InvalidType(f"Got {op.__name__}({describe(x)}, {describe(y)}) in {self!r}, "
                              f"but it takes two values of {self!r}: {e}") from e

    return run


class Semiring:
    """A value algebra ``(K, add, mul, zero, one)``; subclasses are the built-ins.

    Attributes
    ----------
    zero, one
        The identities of ``add`` and ``mul``.
    is_commutative : bool
        Whether ``mul`` is commutative.
    is_selective : bool
        Whether ``add(x, y)`` is always ``x`` or ``y`` (max, min, or): such semirings
        have witnesses (``convolve(..., witness=True)``).
    name : str
        How it prints.

    Examples
    --------
    >>> import algconv as ac
    >>> S = ac.semirings.Semiring.from_operations(max, min, float("-inf"), float("inf"),
    ...                                           name="bottleneck")
    >>> S.add(2, 3), S.mul(2, 3), S.is_selective, S
    (3, 2, True, bottleneck)
    """

    zero: Any = 0
    one: Any = 1
    is_commutative: bool = True
    is_selective: bool = False
    #: whether ``f - g`` exists (a ring: Standard, Modular)
    has_subtraction: bool = False
    #: whether ``add_arrays`` / ``mul_arrays`` are numpy ufuncs (the built-ins) rather than
    #: Python calls entry by entry (``Semiring.from_operations``)
    vectorised: bool = False
    #: whether the values are an image of the integers (Boolean: ``n > 0``, Modular:
    #: ``n mod m``), so that an exact integer convolution followed by ``from_integers``
    #: computes the convolution: the standard engines' exact sums then serve it
    integer_image: bool = False
    name: str = ""

    # --- the scalar operations ---------------------------------------------------------------

    def add(self, x: Any, y: Any) -> Any:
        """``x + y`` in this semiring."""
        raise NotImplementedError

    def mul(self, x: Any, y: Any) -> Any:
        """``x * y`` in this semiring."""
        raise NotImplementedError

    def contains(self, x: Any) -> bool:
        """Whether ``x`` is a value of this semiring (exactly as given, not reduced)."""
        try:
            self.check(x, "x")
        except (InvalidType, InvalidArgument):
            return False
        return True

    def check(self, x: Any, name: str) -> Any:
        """``x`` as a value of this semiring (numpy scalars as Python ones), or raise
        ``InvalidType`` naming ``name``."""
        return x

    def is_zero(self, x: Any) -> bool:
        """Whether ``x`` equals ``zero`` (such values are not in a Function's support)."""
        try:
            return bool(x == self.zero)
        except (TypeError, ValueError):
            return False

    # --- vectorised operations for the engines -------------------------------------------------

    def check_array(self, data: Any, name: str) -> np.ndarray:
        """``data`` as a numpy array of values of this semiring, or raise naming ``name``."""
        array = np.empty(np.shape(data) if not isinstance(data, np.ndarray) else data.shape,
                         dtype=object)
        source = np.asarray(data, dtype=object) if not isinstance(data, np.ndarray) else data
        for index in np.ndindex(array.shape):
            array[index] = self.check(source[index], f"{name}[{', '.join(map(str, index))}]")
        return array

    def add_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """``add`` entry by entry (broadcasting)."""
        return _object_ufunc(self.add)(x, y)

    def mul_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """``mul`` entry by entry (broadcasting)."""
        return _object_ufunc(self.mul)(x, y)

    def add_at(self, h: np.ndarray, index: np.ndarray, values: np.ndarray) -> None:
        """``h[index[k]] = add(h[index[k]], values[k])`` for every ``k``, in place (indices
        may repeat, as ``numpy.ufunc.at``)."""
        for i, v in zip(index.tolist(), values):
            h[i] = self.add(h[i], v)

    def zero_mask(self, array: np.ndarray) -> np.ndarray:
        """A bool array: where ``array`` holds ``zero``."""
        if array.dtype == object:
            out = np.zeros(array.shape, dtype=bool)
            for index in np.ndindex(array.shape):
                out[index] = self.is_zero(array[index])
            return out
        return array == self.zero

    def zeros(self, shape: Any, like: np.dtype | None = None) -> np.ndarray:
        """An array of ``zero`` in the dtype results take when the inputs have ``like``."""
        out = np.empty(shape, dtype=object)
        out[...] = self.zero
        return out

    def result_dtype(self, *dtypes: np.dtype) -> np.dtype:
        """The dtype the engines compute in for operands of these dtypes."""
        return np.dtype(object)

    def reduce(self, values: Any) -> Any:
        """``add`` over ``values`` (``zero`` when empty)."""
        total = self.zero
        for v in values:
            total = self.add(total, v)
        return total

    def exact_for(self, dtype: np.dtype) -> bool:
        """Whether results in ``dtype`` are exact (ints, Fractions, bools): for dispatch."""
        return dtype.kind in "iubO"

    # --- identity --------------------------------------------------------------------------------

    def _key(self) -> tuple:
        return (type(self),)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Semiring) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return self.name or f"{type(self).__name__}()"

    @property
    def is_standard(self) -> bool:
        """Whether this is the ordinary ``+`` and ``x`` of numbers."""
        return False

    # --- user semirings --------------------------------------------------------------------------

    @staticmethod
    def from_operations(add: Callable[[Any, Any], Any], mul: Callable[[Any, Any], Any],
                        zero: Any, one: Any, *, name: str | None = None) -> "Semiring":
        """A semiring from its two operations and their identities (trusted).

        ``add`` and ``mul`` are called on single values, so Python's ``max`` and ``min``
        work; nothing is checked here (``ac.laws.check_semiring`` checks the laws).  It is
        selective when ``add`` is ``max``, ``min`` or ``operator.or_``, and commutative when
        ``mul`` is one of Python's commutative operators (``operator.add``,
        ``operator.mul``, ``max``, ``min``, ``operator.and_``, ``operator.or_``); other
        operations count as non-commutative, which is always safe.  Such semirings run
        on the direct and table engines, one value at a time.

        Parameters
        ----------
        add, mul : callable
            Two-argument functions on values.
        zero, one : object
            The identities of ``add`` and ``mul``.
        name : str, optional
            How it prints.

        Returns
        -------
        Semiring

        Raises
        ------
        InvalidType
            If ``add`` or ``mul`` is not callable, or ``name`` is not a str.

        Examples
        --------
        >>> import algconv as ac
        >>> from fractions import Fraction
        >>> S = ac.semirings.Semiring.from_operations(max, min, 0, 10**9, name="capacity")
        >>> f = ac.Function({0: 3, 1: 5}, over=ac.Integers(), semiring=S)
        >>> (f * f).to_dict()
        {0: 3, 1: 3, 2: 5}
        """
        for what, op in (("add", add), ("mul", mul)):
            if not callable(op):
                raise InvalidType(f"Got {what}={describe(op)}, but expected a callable "
                                  "taking two values")
        if name is not None and not isinstance(name, str):
            raise InvalidType(f"Got name={describe(name)}, but expected a str")
        return _UserSemiring(add, mul, zero, one, name)


_SELECTIVE = (max, min, operator.or_)
_COMMUTATIVE = (operator.add, operator.mul, max, min, operator.and_, operator.or_,
                operator.xor)


class _UserSemiring(Semiring):
    """A semiring from ``Semiring.from_operations``: element-by-element operations."""

    def __init__(self, add: Callable, mul: Callable, zero: Any, one: Any, name: str | None):
        self._add, self._mul, self.zero, self.one = add, mul, zero, one
        self.name = name or f"Semiring.from_operations({_op_name(add)}, {_op_name(mul)}, " \
                            f"{zero!r}, {one!r})"
        self.is_selective = any(add is op for op in _SELECTIVE)
        self.is_commutative = any(mul is op for op in _COMMUTATIVE)

    def add(self, x: Any, y: Any) -> Any:
        return self._add(x, y)

    def mul(self, x: Any, y: Any) -> Any:
        return self._mul(x, y)

    def check(self, x: Any, name: str) -> Any:
        if x is None or isinstance(x, (str, bytes)):
            raise InvalidType(f"Got {name}={describe(x)}, but expected a value of {self!r}")
        return int(x) if isinstance(x, np.integer) else x

    def _key(self) -> tuple:
        return (_UserSemiring, self._add, self._mul, _hashable(self.zero),
                _hashable(self.one), self.name)


def _op_name(op: Callable) -> str:
    return getattr(op, "__name__", None) or repr(op)


def _hashable(x: Any) -> Any:
    try:
        hash(x)
    except TypeError:
        return ("id", id(x))
    return x


def _object_ufunc(op: Callable) -> Callable:
    """``op`` on object arrays, entry by entry (the result an object array)."""
    u = np.frompyfunc(op, 2, 1)

    def run(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        out = u(x, y)
        return out if isinstance(out, np.ndarray) else np.array(out, dtype=object)

    return run


# --- the standard numbers ------------------------------------------------------------------------


class Standard(Semiring):
    """The ordinary numbers with ``+`` and ``x`` (the default semiring).

    Examples
    --------
    >>> import algconv as ac
    >>> S = ac.semirings.Standard()
    >>> S.add(2, 3), S.mul(2, 3), S.zero, S.one, S.is_selective
    (5, 6, 0, 1, False)
    """

    has_subtraction = True
    vectorised = True
    name = "Standard()"

    @guarded
    def add(self, x: Any, y: Any) -> Any:
        return x + y

    @guarded
    def mul(self, x: Any, y: Any) -> Any:
        return x * y

    def check(self, x: Any, name: str) -> Any:
        return check_value(x, name)

    def check_array(self, data: Any, name: str) -> np.ndarray:
        return as_value_array(data, name)

    def add_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return x + y

    def mul_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return x * y

    @property
    def is_standard(self) -> bool:
        return True


#: the default semiring
STANDARD = Standard()


def check_semiring(semiring: Any, name: str = "semiring") -> Semiring:
    """``semiring`` as a Semiring (``None`` is ``Standard()``), or raise ``InvalidType``.

    >>> check_semiring(None)
    Standard()
    >>> check_semiring("max-plus")
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidType: Got semiring='max-plus', but expected an ac.semirings.Semiring such as ac.semirings.MaxPlus() (or None for the standard numbers)
    """
    if semiring is None:
        return STANDARD
    if not isinstance(semiring, Semiring):
        raise InvalidType(
            f"Got {name}={describe(semiring)}, but expected an ac.semirings.Semiring such as "
            "ac.semirings.MaxPlus() (or None for the standard numbers)"
        )
    return semiring
