r"""Max-plus of concave (min-plus of convex) sequences in linear time: a merge of slopes."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import AlgconvError
from ._common import INT64_MAX, operands

__all__ = ["concave_tropical"]


def _slopes(x: np.ndarray) -> tuple[np.ndarray, np.ndarray | None] | None:
    """``(hi, lo)``: the differences ``x[k+1] - x[k]`` exactly as ``hi + lo`` (``lo`` None
    when every difference is exact), or ``None`` if one overflows."""
    if x.dtype.kind == "i":
        return np.diff(x), None
    hi = np.diff(x)
    if not np.isfinite(hi).all():
        return None
    # TwoSum: hi + lo == x[k+1] - x[k] exactly (no overflow: hi is finite)
    y, z = x[1:], -x[:-1]
    back = hi - y
    lo = (y - (hi - back)) + (z - back)
    return (hi, lo) if lo.any() else (hi, None)


def _non_increasing(hi: np.ndarray, lo: np.ndarray | None) -> bool:
    """Whether the exact slopes ``hi + lo`` never increase (``hi`` is their rounding, so a
    strict decrease of ``hi`` is one of the exact values; ties are decided by ``lo``)."""
    if hi.size < 2:
        return True
    step_hi = hi[1:] <= hi[:-1]
    if not step_hi.all():
        return False
    if lo is None:
        return True
    ties = np.flatnonzero(hi[1:] == hi[:-1])
    return bool((lo[ties + 1] <= lo[ties]).all())


def concave_tropical(a: Any, b: Any, *, maximize: bool = True) -> np.ndarray | None:
    r"""Max-plus convolution of two concave sequences (min-plus of convex ones) in O(n).

    Parameters
    ----------
    a, b : array_like, 1-D
        int (int64 range) or float values, all finite.
    maximize : bool, default True
        Max-plus (needs both concave: slopes non-increasing) or min-plus (both convex).

    Returns
    -------
    ndarray or None
        ``out[c] = max over i + j = c of (a[i] + b[j])``, exactly what the quadratic loop
        gives (int64, or float64 holding the rounded ``a[i] + b[j]`` of an optimal pair);
        ``None`` when the kernel does not apply: not both concave (convex), not 1-D,
        non-finite values, ints whose sums could leave int64, or other dtypes.

    Notes
    -----
    The detection is exact: float slopes are carried as ``hi + lo`` by an error-free
    TwoSum, and only ties of ``hi`` consult ``lo``.  For concave sequences the optimal pair
    of ``c`` takes the ``c`` largest slopes of the two merged; the merge is a
    ``searchsorted`` of one sorted run in the other (ties: ``a``'s slope first), and
    ``out[c] = a[i(c)] + b[c - i(c)]`` is read at the pair it names, so no rounding
    accumulates along a cumulative sum.

    Examples
    --------
    >>> concave_tropical([0, 3, 4], [0, 2, 2])
    array([0, 3, 5, 6, 6])
    >>> concave_tropical([0, 1, 4], [0, 0, 0]) is None  # not concave
    True
    >>> concave_tropical([0, 1, 4], [0, 0, 0], maximize=False)
    array([0, 0, 0, 1, 4])
    """
    try:
        a, b = operands(a, b, "concave_tropical")
    except AlgconvError:
        return None
    if a.ndim != 1 or a.dtype.kind not in "if" or b.dtype.kind not in "if":
        return None
    if a.dtype.kind == "f" or b.dtype.kind == "f":
        a, b = a.astype(np.float64), b.astype(np.float64)
        if not (np.isfinite(a).all() and np.isfinite(b).all()):
            return None
    else:
        a, b = a.astype(np.int64), b.astype(np.int64)
        top = max(abs(int(a.min())), abs(int(a.max())), abs(int(b.min())), abs(int(b.max())))
        if 2 * top > INT64_MAX:  # a sum or a difference could leave int64
            return None
    if a.dtype.kind == "i":
        return _merge_ints(a, b, maximize)
    if not maximize:
        a, b = -a, -b
    sa, sb = _slopes(a), _slopes(b)
    if sa is None or sb is None or not (_non_increasing(*sa) and _non_increasing(*sb)):
        return None
    take_a = _merge(sa, sb)
    out = _read(a, b, take_a)
    return out if maximize else -out


def _merge_ints(a: np.ndarray, b: np.ndarray, maximize: bool) -> np.ndarray | None:
    """Int sequences: the merged slopes' running sum is exact (every partial sum is an
    output, inside int64 by the caller's bound), so merge the values themselves: numpy's
    stable sort of two sorted runs is timsort's linear merge."""
    da, db = np.diff(a), np.diff(b)
    for d in (da, db):  # concave: non-increasing slopes; convex: non-decreasing
        if d.size > 1 and not ((d[1:] <= d[:-1]) if maximize else (d[1:] >= d[:-1])).all():
            return None
    runs = np.concatenate([da[::-1], db[::-1]] if maximize else [da, db])
    runs.sort(kind="stable")  # two ascending runs
    out = np.empty(a.size + b.size - 1, dtype=np.int64)
    out[0] = a[0] + b[0]
    np.cumsum(runs[::-1] if maximize else runs, out=out[1:])
    out[1:] += out[0]
    return out


def _merge(sa: tuple, sb: tuple) -> np.ndarray:
    """``i(c)`` for every output ``c``: how many of ``a``'s slopes the first ``c`` of the
    merged non-increasing sequence take (ties: ``a``'s first)."""
    (ha, la), (hb, lb) = sa, sb
    n, m = ha.size, hb.size
    # position of a's slope k in the merged run: k + (number of b's slopes > it)
    if la is None and lb is None:
        ahead = m - np.searchsorted(hb[::-1], ha, side="right")
    else:
        ahead = _ahead_exact(ha, la, hb, lb)
    flags = np.zeros(n + m + 1, dtype=np.int64)
    flags[np.arange(n) + ahead + 1] = 1
    return np.cumsum(flags)


def _ahead_exact(ha, la, hb, lb) -> np.ndarray:
    """For every slope of a: how many slopes of b exceed it exactly (``hi + lo`` pairs)."""
    m = hb.size
    rev = hb[::-1]  # non-decreasing
    greater = m - np.searchsorted(rev, ha, side="right")  # hb strictly above ha
    equal_hi = np.searchsorted(rev, ha, side="right") - np.searchsorted(rev, ha, side="left")
    ahead = greater.copy()
    la = np.zeros_like(ha) if la is None else la
    lb = np.zeros_like(hb) if lb is None else lb
    for k in np.flatnonzero(equal_hi):  # rare: equal roundings, decided by the lo parts
        start = greater[k]  # b's slopes with the same hi are at indices start.. of hb
        ahead[k] += int(np.count_nonzero(lb[start:start + equal_hi[k]] > la[k]))
    return ahead


def _read(a: np.ndarray, b: np.ndarray, take_a: np.ndarray) -> np.ndarray:
    c = np.arange(take_a.size)
    return a[take_a] + b[c - take_a]
