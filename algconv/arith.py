"""Exact-or-bounded arithmetic on value arrays: the guard against silent wrap-around.

Integer arrays stay ``int64`` only while a bound proves every result fits; otherwise they
become object arrays of Python ints.  Fractions and sympy values live in object arrays.
Floats and complex numbers follow numpy's promotion.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .errors import InvalidArgument
from .validation import INT64_MAX, describe, join_kinds, scalar_kind, value_kind

__all__ = [
    "INT64_MAX",
    "max_abs",
    "to_object",
    "exact_pair",
    "safe_sum",
    "zero_like",
    "widen_ints",
    "conjugate",
    "values_array",
]


def max_abs(array: np.ndarray) -> Any:
    """The largest absolute value as a Python number (0 for an empty array).

    Examples
    --------
    >>> max_abs(np.array([-2**63, 5]))
    9223372036854775808
    """
    if array.size == 0:
        return 0
    if array.dtype.kind in "iu":
        return max(int(array.max()), -int(array.min()))
    if array.dtype.kind == "O":
        try:
            return max(abs(x) for x in array.flat)
        except TypeError:  # symbolic values have no order
            return None
    return float(np.max(np.abs(array)))


def to_object(array: np.ndarray) -> np.ndarray:
    """An object array of Python scalars (ints stay exact ints).

    Examples
    --------
    >>> type(to_object(np.array([7]))[0])
    <class 'int'>
    """
    if array.dtype == object:
        return array
    return array.astype(object)


def exact_pair(a: np.ndarray, b: np.ndarray, terms: int) -> tuple[np.ndarray, np.ndarray]:
    """Cast two value arrays so that sums of ``terms`` products are exact or numpy-promoted.

    Integer pairs become int64 when ``max|a| * max|b| * terms`` fits, else object arrays of
    Python ints; anything exact mixed with object values becomes object; floats and complex
    are returned as they are.

    >>> a, b = exact_pair(np.array([2**40]), np.array([2**40]), terms=1)
    >>> a.dtype, b.dtype
    (dtype('O'), dtype('O'))
    >>> exact_pair(np.array([3]), np.array([4]), terms=1)[0].dtype
    dtype('int64')
    """
    ka, kb = a.dtype.kind, b.dtype.kind
    if ka in "iu" and kb in "iu":
        if max_abs(a) * max_abs(b) * max(terms, 1) <= INT64_MAX:
            return a.astype(np.int64, copy=False), b.astype(np.int64, copy=False)
        return to_object(a), to_object(b)
    if ka == "O" or kb == "O":
        kind = join_kinds(value_kind(a), value_kind(b))
        if kind in ("float", "complex"):
            return as_floats(a, kind), as_floats(b, kind)
        return to_object(a), to_object(b)
    return a, b


def as_floats(array: np.ndarray, kind: str) -> np.ndarray:
    """``array`` as float64 (``kind='float'``) or complex128 values, to meet float values;
    an exact value past the float range is refused, naming it, rather than overflowing.

    >>> as_floats(np.array([1, 2**70], dtype=object), "float")
    array([1.00000000e+00, 1.18059162e+21])
    >>> as_floats(np.array([10**400], dtype=object), "float")
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got the value 1000...000... in float arithmetic, but it is past the float range (about 1.8e308); give the float values as Fractions (or ints) to compute exactly
    """
    try:
        return array.astype(kind_dtype(kind))
    except OverflowError:
        for value in array.flat:
            try:
                complex(value)
            except OverflowError as e:
                raise InvalidArgument(
                    f"Got the value {describe(value)} in float arithmetic, but it is past the "
                    "float range (about 1.8e308); give the float values as Fractions (or ints) "
                    "to compute exactly") from e
        raise


def widen_ints(array: np.ndarray, terms: int = 1) -> np.ndarray:
    """An integer array in which sums of ``terms`` of its values cannot wrap.

    Every integer dtype (``uint8``, ``int16``, ...) becomes ``int64`` when
    ``terms * max|array|`` fits in it, else an object array of Python ints; other arrays
    are returned as they are.

    Examples
    --------
    >>> widen_ints(np.array([255], np.uint8)).dtype, widen_ints(np.array([2**62]), 4).dtype
    (dtype('int64'), dtype('O'))
    """
    if array.dtype.kind not in "iu":
        return array
    if max_abs(array) * max(terms, 1) <= INT64_MAX:
        return array.astype(np.int64, copy=False)
    return array.astype(object)  # numpy ints become Python ints


def kind_dtype(kind: str) -> Any:
    """The numpy dtype that holds values of ``kind``."""
    return {"int": np.int64, "float": np.float64, "complex": np.complex128}.get(kind, object)


def safe_sum(array: np.ndarray) -> Any:
    """The exact sum of an array (Python int for integers, never wrapping).

    Examples
    --------
    >>> safe_sum(np.array([2**62, 2**62, 2**62]))
    13835058055282163712
    """
    if array.dtype.kind in "iu":
        if max_abs(array) * max(array.size, 1) <= INT64_MAX:
            return int(array.sum(dtype=np.int64))
        return sum(int(x) for x in array.flat)
    if array.dtype == object:
        return sum(array.flat, 0)
    return array.sum().item()


def zero_like(array: np.ndarray) -> Any:
    """The zero of an array's values, as a Python scalar.

    Examples
    --------
    >>> zero_like(np.array([1.5])), zero_like(np.array([1]))
    (0.0, 0)
    """
    return 0 if array.dtype == object else array.dtype.type(0).item()


def conjugate(value: Any) -> Any:
    """Complex conjugate of one value (identity on reals; ``sympy.conjugate`` on expressions).

    Examples
    --------
    >>> conjugate(1 + 2j), conjugate(3)
    ((1-2j), 3)
    """
    if isinstance(value, (complex, np.complexfloating)):
        return value.conjugate()
    if hasattr(value, "conjugate") and not isinstance(value, (int, float, np.number)):
        import sympy

        if isinstance(value, sympy.Basic):
            return sympy.conjugate(value)
        return value.conjugate()
    return value


def values_array(values: list) -> np.ndarray:
    """A 1-D array for a list of validated values: numeric dtype when exact, else object.

    Examples
    --------
    >>> values_array([1, 2]).dtype, values_array([1, 2**64]).dtype
    (dtype('int64'), dtype('O'))
    """
    kind = join_kinds(*(scalar_kind(v) for v in values)) if values else "int"
    if kind == "int":
        if all(-INT64_MAX <= v <= INT64_MAX for v in values):
            return np.array(values, dtype=np.int64)
        return _object_array(values)
    if kind in ("float", "complex"):
        return np.array(values, dtype=kind_dtype(kind))
    return _object_array(values)


def _object_array(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out
