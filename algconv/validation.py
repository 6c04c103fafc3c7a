"""Argument validation shared by every public function.

Each helper takes the argument's *name* so that every message is worded the same way:
``Got name=value!r, but <what was expected>``.  Public wrappers validate with these;
private cores trust their input.
"""

from __future__ import annotations

import math

import numbers
from decimal import Decimal
from fractions import Fraction
from typing import Any, Iterable

import numpy as np

from .errors import InvalidArgument, InvalidType, StructureMismatch

__all__ = [
    "describe",
    "check_int",
    "check_real",
    "check_choice",
    "is_integer",
    "is_value",
    "check_value",
    "as_value_array",
    "as_value_vector",
    "value_kind",
    "join_kinds",
    "is_dask_array",
    "dask_front_end",
    "check_kernel",
    "INT64_MAX",
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


def check_int(value: Any, name: str, *, minimum: int | None = None,
              maximum: int | None = None, what: str = "") -> int:
    """Return ``value`` as an int, or raise naming ``name``.

    Strings, floats and bools are rejected (``InvalidType``); values below ``minimum`` or
    above ``maximum`` raise ``InvalidArgument``.

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
    if maximum is not None and value > maximum:
        verb = f"{what} needs" if what else "expected"
        raise InvalidArgument(f"Got {name}={describe(value)}, but {verb} an int {name} <= "
                              f"{maximum}")
    return value


def check_real(value: Any, name: str, *, minimum: Any = None, maximum: Any = None,
               to_float: bool = False, what: str = "a real number") -> Any:
    """Return ``value`` if it is a real number (not a bool, not NaN) within the bounds.

    Ints, Fractions and numpy scalars are returned as they are (or as a float with
    ``to_float=True``, refusing values past the float range); anything else raises
    ``InvalidType``, and NaN or a value outside ``[minimum, maximum]`` ``InvalidArgument``.

    Examples
    --------
    >>> check_real(2.5, 'width', minimum=0), check_real(2**70, 'nbytes')
    (2.5, 1180591620717411303424)
    >>> check_real(None, 'rtol')
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidType: Got rtol=None, but expected a real number
    >>> check_real(-1, 'rtol', minimum=0)
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got rtol=-1, but expected a real number rtol >= 0
    """
    if not isinstance(value, numbers.Real) or isinstance(value, (bool, np.bool_)):
        raise InvalidType(f"Got {name}={describe(value)}, but expected {what}")
    if value != value:
        raise InvalidArgument(f"Got {name}={describe(value)}, but expected {what}, not NaN")
    if minimum is not None and value < minimum:
        raise InvalidArgument(f"Got {name}={describe(value)}, but expected {what} "
                              f"{name} >= {minimum}")
    if maximum is not None and value > maximum:
        raise InvalidArgument(f"Got {name}={describe(value)}, but expected {what} "
                              f"{name} <= {maximum}")
    if to_float:
        try:
            return float(value)
        except OverflowError as e:
            raise InvalidArgument(f"Got {name}={describe(value)}, but expected {what} within "
                                  "the float range (about 1.8e308)") from e
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


def dask_front_end(name: str) -> Any:
    """``algconv.daskarray``'s entry point ``name`` (``"convolve"`` or ``"filter"``).

    The one documented hook up the layers: ``convolve`` and ``filter`` hand a dask array
    to the lazy front end, which sits above them and calls them back chunk by chunk.
    Imported on first use, so ``import algconv`` never imports dask.

    >>> dask_front_end("filter").__module__
    'algconv.daskarray'
    """
    from . import daskarray  # the dask hook (extra dask): the only import of a layer above

    return getattr(daskarray, name)


# --- values ------------------------------------------------------------------------------------

#: Value kinds, from most to least exact-and-cheap.  ``join_kinds`` picks the result kind.
KINDS = ("int", "rational", "float", "complex", "object")
_KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


def _sympy_expr():
    import sympy

    return sympy.Expr


def is_value(x: Any) -> bool:
    """True if ``x`` can be a value of a Function: a number or a sympy expression.

    Bools, strings, None, containers and ``Decimal`` are not values (see ``check_value``).

    Examples
    --------
    >>> from decimal import Decimal
    >>> is_value(2), is_value(0.5), is_value('2'), is_value(True), is_value(Decimal('0.5'))
    (True, True, False, False, False)
    """
    if isinstance(x, (bool, np.bool_, str, bytes, Decimal)):
        return False
    if isinstance(x, numbers.Number):
        return True
    return isinstance(x, _sympy_expr())


def _not_a_value(x: Any, name: str, *, entry: bool = False) -> InvalidType:
    """The error for a value ``is_value`` rejects: ``name``'s value, or one ``entry`` of it."""
    got = f"Got {name} containing {describe(x)}" if entry else f"Got {name}={describe(x)}"
    if isinstance(x, Decimal):
        return InvalidType(
            f"{got}, but Decimal values are not accepted: their arithmetic rounds to the "
            "decimal context's precision and does not mix with float, complex or Fraction; "
            f"use Fraction({x!r}) for exact arithmetic or float(...) for floating point"
        )
    if entry:
        return InvalidType(f"{got}, but every entry must be a number (int, Fraction, float, "
                           "complex) or a sympy expression")
    return InvalidType(f"{got}, but expected a number (int, Fraction, float, complex, "
                       "numpy scalar) or a sympy expression")


def check_value(x: Any, name: str) -> Any:
    """Return ``x`` if it is a valid value, else raise ``InvalidType``.

    A numpy integer comes back as a Python int, whose arithmetic never wraps around.

    Examples
    --------
    >>> check_value(np.uint8(200), 'c') * 2
    400
    >>> check_value(None, 'c')
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidType: Got c=None, but expected a number (int, Fraction, float, complex, numpy scalar) or a sympy expression
    """
    if not is_value(x):
        raise _not_a_value(x, name)
    return int(x) if isinstance(x, np.integer) else x


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


def as_value_array(data: Any, name: str, *, bools: bool = False) -> np.ndarray:
    """Turn array-like ``data`` into a numpy array of valid values, or raise.

    This is the one place where array-likes become arrays, so every public function that
    takes arrays gets the same rules:

    * numeric ndarrays pass through without a copy (callers that keep the array copy it);
    * integers are exact whatever their size: a nested list of Python (or numpy) ints
      gives ``int64`` when every value fits, else an object array of Python ints (numpy
      alone would round ``[2**64 - 1, 5]`` or ``[2**63, -1]`` to float64);
    * object arrays hold Python scalars (numpy ints inside become Python ints, which do
      not wrap), Fractions, floats, complex numbers or sympy expressions;
    * an empty sequence (no ndarray) is ``int64``, not numpy's float64, so an exact partner
      stays exact;
    * strings, None, ``Decimal`` (see ``check_value``), ragged nesting and masked arrays
      (whose mask would be silently dropped) are refused;
    * bool arrays pass only with ``bools=True`` (``convolve``, ``correlate`` and ``filter``,
      where two bool arrays are values of the Boolean semiring, as in numpy and scipy);
      elsewhere they are refused, since counting True as 1 should be asked for.

    Examples
    --------
    >>> as_value_array([1, 2**70], 'f').dtype
    dtype('O')
    >>> as_value_array([2**64 - 1, 5], 'f')
    array([18446744073709551615, 5], dtype=object)
    >>> as_value_array([], 'f').dtype
    dtype('int64')
    >>> as_value_array([[1], [2, 3]], 'f')
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got f=[[1], [2, 3]], but expected a rectangular array of numbers (nested sequences of equal lengths): ...
    """
    if isinstance(data, np.ma.MaskedArray):
        raise InvalidType(
            f"Got {name} as a numpy masked array, but masks are not honoured (numpy would drop "
            f"it); pass {name}.filled(value) with the value the masked entries should take"
        )
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
            array = _exact_ints(data, np.asarray(data))
        except (ValueError, TypeError) as e:
            raise InvalidArgument(
                f"Got {name}={describe(data)}, but expected a rectangular array of numbers "
                f"(nested sequences of equal lengths): {e}"
            ) from e
        if array.size == 0 and array.dtype.kind == "f":
            array = array.astype(np.int64)  # no values: int, not numpy's float64 guess, so
            # nothing exact met with it gets rounded
    kind = array.dtype.kind
    if kind == "u" and array.dtype.itemsize == 8 and array.size and array.max() > INT64_MAX:
        return _python_ints(array)  # uint64 values past int64 would wrap in int64 engines
    if kind in "iufc":
        return array
    if kind == "b":
        if bools:
            return array
        raise InvalidType(
            f"Got {name} with dtype bool, but expected numbers; "
            f"convert with {name}.astype(int) to count True as 1"
        )
    if kind == "O":
        return _object_values(array, data, name)
    raise InvalidType(
        f"Got {name}={describe(data)} with dtype {array.dtype}, but expected an array of numbers"
    )


#: the largest int64, the bound of every exact int64 computation
INT64_MAX = 2**63 - 1


def _exact_ints(data: Any, array: np.ndarray) -> np.ndarray:
    """``array`` = ``np.asarray(data)``, unless numpy rounded integers of ``data`` to floats.

    numpy gives float64 for integers that fit no single integer dtype (``[2**63, -1]``); a
    float as large as ``2**63`` is the sign of that, and then the entries are read again
    from ``data``: if every one is an integer, the result is their exact array.
    """
    if array.dtype.kind != "f" or not array.size or not np.any(np.abs(array) >= 2.0**63):
        return array
    entries = np.array(data, dtype=object)
    if entries.shape != array.shape or not all(map(is_integer, entries.flat)):
        return array  # a genuine float among them: float arithmetic, as Python's
    return _python_ints(entries)


def _python_ints(array: np.ndarray) -> np.ndarray:
    """An integer array as int64 when every value fits, else as Python ints in an object array."""
    values = [int(x) for x in array.flat]
    if all(-INT64_MAX - 1 <= v <= INT64_MAX for v in values):
        return np.array(values, dtype=np.int64).reshape(array.shape)
    out = np.empty(array.shape, dtype=object)
    out.reshape(-1)[:] = values
    return out


def _object_values(array: np.ndarray, data: Any, name: str) -> np.ndarray:
    """Check an object array's entries; numpy ints among them become Python ints (a copy)."""
    numpy_ints = False
    for x in array.flat:
        if isinstance(x, (list, tuple, np.ndarray)):
            raise InvalidArgument(
                f"Got {name}={describe(data)}, but expected a rectangular array of numbers "
                "(nested sequences of equal lengths)"
            )
        if not is_value(x):
            raise _not_a_value(x, name, entry=True)
        numpy_ints = numpy_ints or isinstance(x, np.integer)
    if not numpy_ints:
        return array
    out = np.empty(array.shape, dtype=object)
    out.reshape(-1)[:] = [int(x) if isinstance(x, np.integer) else x for x in array.flat]
    return out


def check_axes(axes: Any, ndim: int, name: str = "axes") -> tuple:
    """``axes`` as a tuple of distinct axes in ``range(ndim)`` (negative ones count from the
    end, as numpy's), in the order given; an int is one axis.

    >>> check_axes(-1, 3), check_axes([0, -2], 3)
    ((2,), (0, 1))
    >>> check_axes([0, 0], 2)
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got axes=[0, 0], but expected distinct axes
    """
    values = [axes] if is_integer(axes) else axes
    if not isinstance(values, (list, tuple, range, np.ndarray)) or not all(
            map(is_integer, values)):
        raise InvalidType(f"Got {name}={describe(axes)}, but expected an int or a sequence of ints")
    out = []
    for ax in values:
        if not -ndim <= ax < ndim:
            raise InvalidArgument(
                f"Got {name}={describe(axes)}, but axis {int(ax)} is out of range for arrays "
                f"of {ndim} dimensions"
            )
        out.append(int(ax) % ndim)
    if not out:
        raise InvalidArgument(f"Got {name}={describe(axes)}, but expected at least one axis")
    if len(set(out)) != len(out):
        raise InvalidArgument(f"Got {name}={describe(axes)}, but expected distinct axes")
    return tuple(out)


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


def check_kernel(kernel: Any, name: str = "kernel") -> np.ndarray:
    """A kernel as a non-empty value array of at least one dimension.

    >>> check_kernel([1, 2]).tolist()
    [1, 2]
    >>> check_kernel([])
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got kernel with shape (0,), but expected a non-empty array
    """
    k = as_value_array(kernel, name)
    if k.ndim == 0 or k.size == 0:
        raise InvalidArgument(f"Got {name} with shape {k.shape}, but expected a non-empty array")
    return k
