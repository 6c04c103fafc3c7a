"""Input handling shared by the semiring kernels: arrays of one ndim, their value kind."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import InvalidArgument, InvalidType, StructureMismatch

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def operands(a: Any, b: Any, what: str) -> tuple[np.ndarray, np.ndarray]:
    """``a`` and ``b`` as non-empty numpy arrays of one ndim (0-d become 1-d)."""
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim == 0:
        a = a.reshape(1)
    if b.ndim == 0:
        b = b.reshape(1)
    if a.ndim != b.ndim:
        raise StructureMismatch(
            f"Got arrays with {a.ndim} and {b.ndim} dimensions, but {what} needs one ndim")
    for name, x in (("a", a), ("b", b)):
        if x.size == 0:
            raise InvalidArgument(f"Got {name} with shape {x.shape}, but {what} needs "
                                  "non-empty arrays")
        if x.dtype.kind not in "biufO":
            raise InvalidType(f"Got {name} of dtype {x.dtype}, but {what} needs real values "
                              "(bool, int, float, or Python ints)")
    return a, b


def full_shape(a: np.ndarray, b: np.ndarray) -> tuple:
    """The shape of the full convolution: ``a.shape + b.shape - 1``."""
    return tuple(m + n - 1 for m, n in zip(a.shape, b.shape))


def python_ints(x: np.ndarray, name: str = "") -> np.ndarray | None:
    """An int / bool / object array as an object array of Python ints, or ``None`` for an
    object array holding something else."""
    if x.dtype.kind in "biu":
        return x.astype(np.int64).astype(object) if x.dtype.kind != "u" else x.astype(object)
    out = np.empty(x.shape, dtype=object)
    flat = []
    for v in x.flat:
        if isinstance(v, (bool, np.bool_)):
            v = int(v)
        if not isinstance(v, (int, np.integer)):
            return None
        flat.append(int(v))
    out.flat[:] = flat
    return out


def int_range(x: np.ndarray) -> tuple[int, int]:
    """``(min, max)`` of an int or object-of-ints array as Python ints."""
    if x.dtype == object:
        return min(x.flat), max(x.flat)
    return int(x.min()), int(x.max())


def reject_nan(x: np.ndarray, name: str, what: str) -> None:
    """Raise ``InvalidArgument`` if the float array ``x`` holds a NaN."""
    if x.dtype.kind == "f" and x.size and np.isnan(x.max()):  # max propagates NaN
        raise InvalidArgument(f"Got {name} holding NaN, but NaN is not a value of {what}")
