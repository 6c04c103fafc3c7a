"""Argument validation shared by every public function.

Each helper takes the argument's *name* so that every message is worded the same way:
``Got name=value!r, but <what was expected>``.  Public wrappers validate with these;
private cores trust their input.
"""

from __future__ import annotations

import math

import numbers
from fractions import Fraction
from typing import Any, Iterable

import numpy as np

from .errors import InvalidArgument, InvalidType, StructureMismatch

__all__ = [
    "describe",
    "check_int",
    "check_choice",
    "is_integer",
    "is_value",
    "check_value",
    "as_value_array",
    "as_value_vector",
    "value_kind",
    "join_kinds",
    "is_dask_array",
]


def describe(value: Any, limit: int = 80) -> str:
    """``repr(value)``, shortened to ``limit`` characters for error messages.

    Examples
    --------
    >>> describe('x' * 100, limit=10)
    "'xxxxxx..."
    >>> describe(10**5000)
    '<int of 5001 digits>'
    """
    try:
        text = repr(value)
    except ValueError:  # an int (or a container of one) past sys.get_int_max_str_digits()
        text = (f"<int of {math.floor(value.bit_length() * math.log10(2)) + 1} digits>"
                if isinstance(value, int) else f"<{type(value).__name__} holding a huge int>")
    return text if len(text) <= limit else text[: limit - 3] + "..."


def is_integer(x: Any) -> bool:
    """True for Python and numpy integers, but not for bools.

    Examples
    --------
    >>> is_integer(3), is_integer(np.int8(3)), is_integer(True), is_integer(3.0)
    (True, True, False, False)
    """
    return isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_))


def check_int(value: Any, name: str, *, minimum: int | None = None, what: str = "") -> int:
    """Return ``value`` as an int, or raise naming ``name``.

    Strings, floats and bools are rejected (``InvalidType``); values below ``minimum`` raise
    ``InvalidArgument``.

    Examples
    --------
    >>> check_int(5, 'n', minimum=1)
    5
    >>> check_int(0, 'n', minimum=1)
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got n=0, but expected an int n >= 1
    """
    expected = f"an int >= {minimum}" if minimum is not None else "an int"
    if what:
        expected = f"{what} needs {expected}"
    if not is_integer(value):
        raise InvalidType(f"Got {name}={describe(value)}, but {expected}")
    value = int(value)
    if minimum is not None and value < minimum:
        verb = f"{what} needs" if what else "expected"
        raise InvalidArgument(f"Got {name}={describe(value)}, but {verb} an int {name} >= "
                              f"{minimum}")
    return value


def check_choice(value: Any, name: str, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise naming the valid values.

    Examples
    --------
    >>> check_choice('full', 'mode', ('full', 'same'))
    'full'
    """
    choices = tuple(choices)
    if not isinstance(value, str):
        raise InvalidType(f"Got {name}={describe(value)}, but expected a str, one of {choices}")
    if value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise InvalidArgument(f"Got {name}={value!r}, but the only valid values are {allowed}")
    return value


def is_dask_array(x: Any) -> bool:
    """True for a ``dask.array.Array``, checked without importing dask.

    >>> is_dask_array(np.zeros(3))
    False
    """
    return type(x).__module__.startswith("dask.array")


# --- values ------------------------------------------------------------------------------------

#: Value kinds, from most to least exact-and-cheap.  ``join_kinds`` picks the result kind.
KINDS = ("int", "rational", "float", "complex", "object")
_KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


def _sympy_expr():
    import sympy

    return sympy.Expr


def is_value(x: Any) -> bool:
    """True if ``x`` can be a value of a Function: a number or a sympy expression.

    Bools, strings, None and containers are not values.

    Examples
    --------
    >>> is_value(2), is_value(0.5), is_value('2'), is_value(True)
    (True, True, False, False)
    """
    if isinstance(x, (bool, np.bool_, str, bytes)):
        return False
    if isinstance(x, numbers.Number):
        return True
    return isinstance(x, _sympy_expr())


def check_value(x: Any, name: str) -> Any:
    """Return ``x`` if it is a valid value, else raise ``InvalidType``.

    Examples
    --------
    >>> check_value(None, 'c')
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidType: Got c=None, but expected a number (int, Fraction, float, complex, numpy scalar) or a sympy expression
    """
    if not is_value(x):
        raise InvalidType(
            f"Got {name}={describe(x)}, but expected a number (int, Fraction, float, complex, "
            "numpy scalar) or a sympy expression"
        )
    return x


def scalar_kind(x: Any) -> str:
    """The kind of a single valid value."""
    if is_integer(x):
        return "int"
    if isinstance(x, Fraction):
        return "rational"
    if isinstance(x, (float, np.floating)):
        return "float"
    if isinstance(x, (complex, np.complexfloating)):
        return "complex"
    return "object"


def join_kinds(*kinds: str) -> str:
    """The kind of a sum of products of values of the given kinds.

    >>> join_kinds("int", "rational")
    'rational'
    >>> join_kinds("rational", "float")
    'float'
    """
    if "object" in kinds:
        return "object"
    return max(kinds, key=_KIND_RANK.__getitem__) if kinds else "int"


def value_kind(array: np.ndarray) -> str:
    """The kind of the values of an already-validated array.

    Examples
    --------
    >>> from fractions import Fraction
    >>> value_kind(np.array([1, 2])), value_kind(np.array([Fraction(1, 2)], dtype=object))
    ('int', 'rational')
    """
    kind = array.dtype.kind
    if kind in "iu":
        return "int"
    if kind == "f":
        return "float"
    if kind == "c":
        return "complex"
    return join_kinds(*(scalar_kind(x) for x in array.flat)) if array.size else "int"


def as_value_array(data: Any, name: str) -> np.ndarray:
    """Turn array-like ``data`` into a numpy array of valid values, or raise.

    Numeric dtypes pass through without a copy.  Python ints too large for int64 and
    Fractions give an object array; strings, bools, None and ragged nesting are rejected.

    Examples
    --------
    >>> as_value_array([1, 2**70], 'f').dtype
    dtype('O')
    >>> as_value_array([[1], [2, 3]], 'f')
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got f=[[1], [2, 3]], but expected a rectangular array of numbers (nested sequences of equal lengths): ...
    """
    if isinstance(data, np.ndarray):
        array = data
    else:
        if is_dask_array(data):  # np.asarray would compute it, maybe larger than memory
            raise InvalidType(
                f"Got {name}={describe(data)}, but a dask array is accepted only as the image "
                "of ac.filter or the first argument of ac.convolve; use .compute() for the rest"
            )
        if isinstance(data, (str, bytes)):
            raise InvalidType(f"Got {name}={describe(data)}, but expected an array of numbers")
        try:
            array = np.asarray(data)
        except (ValueError, TypeError) as e:
            raise InvalidArgument(
                f"Got {name}={describe(data)}, but expected a rectangular array of numbers "
                f"(nested sequences of equal lengths): {e}"
            ) from e
        if array.dtype.kind == "u" and array.dtype.itemsize == 8:
            array = array.astype(object)  # Python ints between 2**63 and 2**64
    kind = array.dtype.kind
    if kind in "iufc":
        return array
    if kind == "b":
        raise InvalidType(
            f"Got {name} with dtype bool, but expected numbers; "
            f"convert with {name}.astype(int) to count True as 1"
        )
    if kind == "O":
        for x in array.flat:
            if isinstance(x, (list, tuple, np.ndarray)):
                raise InvalidArgument(
                    f"Got {name}={describe(data)}, but expected a rectangular array of numbers "
                    "(nested sequences of equal lengths)"
                )
            if not is_value(x):
                raise InvalidType(
                    f"Got {name} containing {describe(x)}, but every entry must be a number "
                    "(int, Fraction, float, complex) or a sympy expression"
                )
        return array
    raise InvalidType(
        f"Got {name}={describe(data)} with dtype {array.dtype}, but expected an array of numbers"
    )


def as_value_vector(data: Any, name: str, expected: str) -> np.ndarray:
    """``as_value_array`` for arguments that must be 1-D; ``expected`` ends the message.

    >>> as_value_vector([[1, 2]], "f", "f takes 1-D arrays")
    Traceback (most recent call last):
    ...
    algconv.errors.StructureMismatch: Got f with shape (1, 2), but f takes 1-D arrays
    """
    array = as_value_array(data, name)
    if array.ndim != 1:
        raise StructureMismatch(f"Got {name} with shape {array.shape}, but {expected}")
    return array
