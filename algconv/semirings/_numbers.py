"""The built-in value algebras beyond the standard numbers: max-plus, min-plus, max-times
(``Tropical``), Boolean, log-sum-exp and the integers mod m, each with numpy operations."""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any

import numpy as np

from ..errors import InvalidArgument, InvalidType
from ..validation import INT64_MAX, as_value_array, check_int, describe, is_integer
from ._base import Semiring, guarded

__all__ = ["Tropical", "MaxPlus", "MinPlus", "MaxTimes", "Boolean", "LogSumExp", "Modular"]


# --- tropical and friends ------------------------------------------------------------------------


def _real(x: Any, name: str, semiring: Semiring, allowed_inf: float | None) -> Any:
    """A real value (int, Fraction, float) for a tropical semiring, or raise InvalidType."""
    if isinstance(x, (bool, np.bool_)) or not isinstance(x, numbers.Real) or isinstance(
            x, (str, bytes)):
        raise InvalidType(
            f"Got {name}={describe(x)}, but {semiring!r} takes real values (int, Fraction, "
            f"float){_inf_note(allowed_inf)}"
        )
    if is_integer(x):
        return int(x)
    if isinstance(x, Fraction):
        return x
    if not isinstance(x, (float, np.floating)):
        raise InvalidType(f"Got {name}={describe(x)}, but {semiring!r} takes int, Fraction "
                          "or float values")
    if math.isnan(x) or (math.isinf(x) and x != allowed_inf):
        raise InvalidType(f"Got {name}={describe(x)}, but {semiring!r} takes finite real "
                          f"values{_inf_note(allowed_inf)}")
    return x


def _inf_note(allowed_inf: float | None) -> str:
    if allowed_inf is None:
        return ""
    return f" and {'-' if allowed_inf < 0 else '+'}inf (its zero)"


class Tropical(Semiring):
    """Shared by MaxPlus, MinPlus, MaxTimes: real values, numpy ufuncs."""

    is_selective = True
    vectorised = True
    _add_ufunc: Any = None
    _mul_ufunc: Any = None
    _inf: float | None = None  # the one infinity in the carrier (the zero), if any
    _minimum: Any = None  # values must be >= this (MaxTimes: 0)

    @guarded
    def add(self, x: Any, y: Any) -> Any:
        return self._add_scalar(x, y)

    def check(self, x: Any, name: str) -> Any:
        x = _real(x, name, self, self._inf)
        if self._minimum is not None and x < self._minimum:
            raise InvalidType(f"Got {name}={describe(x)}, but {self!r} takes reals >= "
                              f"{self._minimum}")
        return x

    def check_array(self, data: Any, name: str) -> np.ndarray:
        array = _numeric_array(data, name, self)
        if array.dtype.kind == "f":
            if _finite_sum(array) and (self._minimum is None or array.size == 0
                                       or array.min() >= self._minimum):
                return array  # one pass: no NaN, no infinity, nothing below the minimum
            bad = np.isnan(array) | (np.isinf(array) & (array != (self._inf or 0)))
            if self._minimum is not None:
                bad |= array < self._minimum
            if bad.any():
                x = array[tuple(np.argwhere(bad)[0])]
                self.check(x.item(), f"{name} containing {x.item()!r}; entry")
        elif array.dtype.kind in "iu":
            if self._minimum is not None and array.size and array.min() < self._minimum:
                self.check(int(array.min()), f"{name} containing {int(array.min())}; entry")
        else:
            for index in np.ndindex(array.shape):
                array[index] = self.check(array[index], f"{name}[{index}]")
        return array

    def add_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return self._add_ufunc(x, y)

    def add_at(self, h: np.ndarray, index: np.ndarray, values: np.ndarray) -> None:
        self._add_ufunc.at(h, index, values)

    def mul_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return self._mul_ufunc(x, y)

    def zeros(self, shape: Any, like: np.dtype | None = None) -> np.ndarray:
        dtype = np.dtype(np.float64) if like is None or like.kind in "iu" else like
        if dtype == object:
            out = np.empty(shape, dtype=object)
            out[...] = self.zero
            return out
        return np.full(shape, self.zero, dtype=dtype)

    def result_dtype(self, *dtypes: np.dtype) -> np.dtype:
        if any(d == object for d in dtypes):
            return np.dtype(object)
        return np.result_type(*dtypes)


class MaxPlus(Tropical):
    """``(R ∪ {-inf}, max, +)``: grey dilation, longest paths, Viterbi in log space.

    Examples
    --------
    >>> import algconv as ac
    >>> S = ac.semirings.MaxPlus()
    >>> S.add(2, 7), S.mul(2, 7), S.zero, S.one, S.is_selective
    (7, 9, -inf, 0, True)
    """

    zero, one, _inf = float("-inf"), 0, float("-inf")
    name = "MaxPlus()"
    _add_ufunc, _mul_ufunc = np.maximum, np.add

    def _add_scalar(self, x: Any, y: Any) -> Any:
        return x if x >= y else y

    @guarded
    def mul(self, x: Any, y: Any) -> Any:
        return x + y


class MinPlus(Tropical):
    """``(R ∪ {+inf}, min, +)``: erosion, shortest paths, distance transforms.

    Examples
    --------
    >>> import algconv as ac
    >>> S = ac.semirings.MinPlus()
    >>> S.add(2, 7), S.mul(2, 7), S.zero, S.one
    (2, 9, inf, 0)
    """

    zero, one, _inf = float("inf"), 0, float("inf")
    name = "MinPlus()"
    _add_ufunc, _mul_ufunc = np.minimum, np.add

    def _add_scalar(self, x: Any, y: Any) -> Any:
        return x if x <= y else y

    @guarded
    def mul(self, x: Any, y: Any) -> Any:
        return x + y


class MaxTimes(Tropical):
    """``(R >= 0, max, x)``: Viterbi with probabilities.

    Examples
    --------
    >>> import algconv as ac
    >>> S = ac.semirings.MaxTimes()
    >>> S.add(0.5, 0.25), S.mul(0.5, 0.25), S.zero, S.one
    (0.5, 0.125, 0, 1)
    """

    zero, one, _minimum = 0, 1, 0
    name = "MaxTimes()"
    _add_ufunc, _mul_ufunc = np.maximum, np.multiply

    def _add_scalar(self, x: Any, y: Any) -> Any:
        return x if x >= y else y

    @guarded
    def mul(self, x: Any, y: Any) -> Any:
        return x * y

    def zeros(self, shape: Any, like: np.dtype | None = None) -> np.ndarray:
        dtype = np.dtype(np.int64) if like is None else like
        if dtype == object:
            out = np.empty(shape, dtype=object)
            out[...] = 0
            return out
        return np.zeros(shape, dtype=dtype)


def _finite_sum(array: np.ndarray) -> bool:
    """Whether a float array's sum is finite, which proves it holds no NaN and no infinity
    (one pass, no temporary; a sum that overflows only sends the caller to the full check)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return bool(np.isfinite(array.sum()))


def _numeric_array(data: Any, name: str, semiring: Semiring) -> np.ndarray:
    """An int, float or object array for a real-valued semiring (bool and complex refused)."""
    if isinstance(data, np.ndarray) and data.dtype == bool or (
            not isinstance(data, np.ndarray) and np.asarray(data).dtype == bool):
        raise InvalidType(f"Got {name} with dtype bool, but {semiring!r} takes real values; "
                          "use semiring=Boolean() for bools")
    array = as_value_array(data, name)
    if array.dtype.kind == "c":
        bad = array.flat[0] if array.size else None
        raise InvalidType(f"Got {name} containing {describe(bad)} (dtype {array.dtype}), but "
                          f"{semiring!r} takes real values")
    if array.dtype == object:
        array = array.copy()
    return array


# --- Boolean --------------------------------------------------------------------------------------


class Boolean(Semiring):
    """``({False, True}, or, and)``: reachability, Minkowski sums of sets.

    Examples
    --------
    >>> import algconv as ac
    >>> S = ac.semirings.Boolean()
    >>> S.add(False, True), S.mul(False, True), S.zero, S.one
    (True, False, False, True)
    """

    zero, one = False, True
    is_selective = True
    vectorised = True
    name = "Boolean()"

    @guarded
    def add(self, x: Any, y: Any) -> Any:
        return bool(x or y)

    @guarded
    def mul(self, x: Any, y: Any) -> Any:
        return bool(x and y)

    def check(self, x: Any, name: str) -> Any:
        if not isinstance(x, (bool, np.bool_)):
            raise InvalidType(f"Got {name}={describe(x)}, but {self!r} takes bool values "
                              "(False, True)")
        return bool(x)

    def check_array(self, data: Any, name: str) -> np.ndarray:
        array = data if isinstance(data, np.ndarray) else _asarray(data, name)
        if array.dtype != bool:
            if array.dtype == object and all(isinstance(x, (bool, np.bool_))
                                             for x in array.flat):
                return array.astype(bool)
            bad = array.flat[0] if array.size else None
            raise InvalidType(f"Got {name} with dtype {array.dtype} (e.g. {describe(bad)}), "
                              f"but {self!r} takes bool arrays")
        return array

    integer_image = True

    def to_integers(self, array: np.ndarray) -> np.ndarray:
        """Bools as the counts 0 and 1."""
        return array.astype(np.uint8)

    def from_integers(self, array: np.ndarray) -> np.ndarray:
        """Counts of pairs of Trues as bools: True where there is one."""
        return array > 0

    def add_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.logical_or(x, y)

    def add_at(self, h: np.ndarray, index: np.ndarray, values: np.ndarray) -> None:
        np.logical_or.at(h, index, values)

    def mul_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.logical_and(x, y)

    def zeros(self, shape: Any, like: np.dtype | None = None) -> np.ndarray:
        return np.zeros(shape, dtype=bool)

    def result_dtype(self, *dtypes: np.dtype) -> np.dtype:
        return np.dtype(bool)


def _asarray(data: Any, name: str) -> np.ndarray:
    if isinstance(data, (str, bytes)):
        raise InvalidType(f"Got {name}={describe(data)}, but expected an array")
    try:
        return np.asarray(data)
    except (ValueError, TypeError) as e:
        raise InvalidArgument(f"Got {name}={describe(data)}, but expected a rectangular "
                              f"array: {e}") from e


# --- log-sum-exp ----------------------------------------------------------------------------------


class LogSumExp(Semiring):
    """``(R ∪ {-inf}, logaddexp, +)``: probabilities in log space, without underflow.

    Examples
    --------
    >>> import algconv as ac, math
    >>> S = ac.semirings.LogSumExp()
    >>> round(math.exp(S.add(math.log(0.25), math.log(0.5))), 12), S.zero, S.one
    (0.75, -inf, 0.0)
    """

    zero, one = float("-inf"), 0.0
    vectorised = True
    name = "LogSumExp()"

    @guarded
    def add(self, x: Any, y: Any) -> Any:
        return float(np.logaddexp(x, y))

    @guarded
    def mul(self, x: Any, y: Any) -> Any:
        return float(x) + float(y)

    def check(self, x: Any, name: str) -> Any:
        return float(_real(x, name, self, float("-inf")))

    def check_array(self, data: Any, name: str) -> np.ndarray:
        array = _numeric_array(data, name, self)
        if array.dtype == object:
            array = np.array([self.check(v, f"{name} entry") for v in array.flat],
                             dtype=np.float64).reshape(array.shape)
        if array.dtype.kind != "f":
            array = array.astype(np.float64)
        if _finite_sum(array):
            return array
        bad = np.isnan(array) | (array == np.inf)
        if bad.any():
            x = array[tuple(np.argwhere(bad)[0])]
            self.check(x.item(), f"{name} containing {x.item()!r}; entry")
        return array

    def add_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.logaddexp(x, y)

    def add_at(self, h: np.ndarray, index: np.ndarray, values: np.ndarray) -> None:
        np.logaddexp.at(h, index, values)

    def mul_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.add(x, y)

    def zeros(self, shape: Any, like: np.dtype | None = None) -> np.ndarray:
        dtype = like if like is not None and like.kind == "f" else np.dtype(np.float64)
        return np.full(shape, -np.inf, dtype=dtype)

    def result_dtype(self, *dtypes: np.dtype) -> np.dtype:
        return np.result_type(np.float64, *[d for d in dtypes if d.kind == "f"])

    def exact_for(self, dtype: np.dtype) -> bool:
        return False


# --- integers mod m -------------------------------------------------------------------------------


class Modular(Semiring):
    """``(Z/m, + mod m, x mod m)`` for any int ``m >= 2``: counting mod a prime, GF(p)[x].

    Ints outside ``range(m)`` are reduced mod ``m``; results are ints in ``range(m)``
    (int64 arrays for ``m <= 2**63``, else Python ints), exact for every ``m``.

    Parameters
    ----------
    m : int
        The modulus, ``>= 2`` (any size).

    Raises
    ------
    InvalidType
        If ``m`` is not an int (a float, str or bool).
    InvalidArgument
        If ``m < 2``.

    Examples
    --------
    >>> import algconv as ac
    >>> S = ac.semirings.Modular(7)
    >>> S.add(5, 4), S.mul(5, 4), S.check(-1, "x"), S
    (2, 6, 6, Modular(7))
    """

    zero, one = 0, 1
    has_subtraction = True
    vectorised = True

    def __init__(self, m: int):
        self.m = check_int(m, "m", minimum=2, what="Modular(m)")
        self.name = f"Modular({self.m})"

    @guarded
    def add(self, x: Any, y: Any) -> Any:
        return (x + y) % self.m

    @guarded
    def mul(self, x: Any, y: Any) -> Any:
        return (x * y) % self.m

    def check(self, x: Any, name: str) -> Any:
        if not is_integer(x):
            raise InvalidType(f"Got {name}={describe(x)}, but {self!r} takes ints (reduced "
                              f"mod {self.m})")
        return int(x) % self.m

    def check_array(self, data: Any, name: str) -> np.ndarray:
        if isinstance(data, np.ndarray) and data.dtype == bool or (
                not isinstance(data, np.ndarray) and not np.isscalar(data)
                and _asarray(data, name).dtype == bool):
            raise InvalidType(f"Got {name} with dtype bool, but {self!r} takes ints")
        array = as_value_array(data, name)
        if array.dtype.kind in "iu":
            if self.m <= INT64_MAX:
                return np.mod(array.astype(np.int64, copy=False), self.m) if (
                    array.dtype != np.uint64) else np.mod(array, self.m).astype(np.int64)
            return np.array([int(v) % self.m for v in array.flat] + [None],
                            dtype=object)[:-1].reshape(array.shape)
        if array.dtype == object:
            out = np.empty(array.shape, dtype=object)
            for index in np.ndindex(array.shape):
                out[index] = self.check(array[index], f"{name} entry")
            return out.astype(np.int64) if self.m <= INT64_MAX else out
        bad = array.flat[0] if array.size else None
        raise InvalidType(f"Got {name} with dtype {array.dtype} (e.g. {describe(bad)}), but "
                          f"{self!r} takes ints")

    @property
    def dtype(self) -> np.dtype:
        """int64 when every residue fits, else object (Python ints)."""
        return np.dtype(np.int64) if self.m <= INT64_MAX + 1 else np.dtype(object)

    def add_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        if self.m <= 2**62:
            return np.mod(np.add(x, y), self.m)
        return np.mod(_objects(x) + _objects(y), self.m)

    integer_image = True

    def to_integers(self, array: np.ndarray) -> np.ndarray:
        """Residues as the integers they are."""
        return array

    def from_integers(self, array: np.ndarray) -> np.ndarray:
        """Exact integer sums reduced mod ``m``."""
        if self.m > INT64_MAX:
            array = _objects(array)
        return self.output(np.mod(array, self.m))

    def add_at(self, h: np.ndarray, index: np.ndarray, values: np.ndarray) -> None:
        if h.dtype == np.int64 and self.m <= 2**31:  # len(values) * m stays below 2**63
            np.add.at(h, index, values)
            np.mod(h, self.m, out=h)
        else:
            super().add_at(h, index, values)

    def mul_arrays(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        if self.m <= 2**31:
            return np.mod(np.multiply(x, y), self.m)
        return np.mod(_objects(x) * _objects(y), self.m)

    def zeros(self, shape: Any, like: np.dtype | None = None) -> np.ndarray:
        if self.m <= 2**62:
            return np.zeros(shape, dtype=np.int64)
        out = np.empty(shape, dtype=object)
        out[...] = 0
        return out

    def result_dtype(self, *dtypes: np.dtype) -> np.dtype:
        return np.dtype(np.int64) if self.m <= 2**62 else np.dtype(object)

    def output(self, array: np.ndarray) -> np.ndarray:
        """Residues as the result dtype: int64 for ``m <= 2**63``, else Python ints."""
        if self.m <= INT64_MAX + 1:
            return array.astype(np.int64, copy=False)
        return _objects(array)

    def _key(self) -> tuple:
        return (Modular, self.m)


def _objects(x: Any) -> Any:
    if isinstance(x, np.ndarray) and x.dtype != object:
        return x.astype(object)
    return x


