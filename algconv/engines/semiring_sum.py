"""The a.b=c sum in any semiring, for the direct and table engines, with witnesses.

Three layouts, as for the standard numbers:

* ``lattice_semiring``: dense arrays on Z, Z^d and N, as shifted copies of the larger array,
  one semiring multiply-add per entry of the smaller one;
* ``pairs_semiring``: a loop over pairs of the two supports (any monoid);
* ``table_semiring``: finite structures, one row of the Cayley table at a time.

``Boolean()`` and ``Modular(m)`` are images of the integers (``counts > 0``, ``counts mod
m``), so without witnesses they reuse the exact integer sums of ``direct`` and ``table``.
``LogSumExp()`` runs in two passes: the max-plus value ``M[c]``, then ``M[c] + log(sum of
exp(f(a) + g(b) - M[c]))``, every term at most 1 and the largest exactly 1, so no entry
underflows however tiny (a relative error of about ``terms * eps``).  Integer values under
``MaxPlus``/``MinPlus``/``MaxTimes`` stay exact: float64 while every sum or product is below
2**53, else Python ints; the result is int64 wherever every output has a pair.

A witness array (``witness=True``, selective semirings) holds, for each output, the flat
index into ``f``'s array (arrays, table) or the element ``a`` (pairs) of a pair attaining it,
-1 / absent where no pair exists.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .. import arith
from ..function import trusted_dense, trusted_dict, view
from ..semirings import FLOAT_EXACT, Boolean, LogSumExp, MaxPlus, Modular, Semiring, Tropical

__all__ = ["lattice_semiring", "pairs_semiring", "table_semiring", "exact_tropical",
           "run_direct", "run_table"]

_MAX_PLUS = MaxPlus()


def exact_tropical(a: np.ndarray, b: np.ndarray, S: Semiring) -> tuple:
    """``(a, b, restore)``: working arrays for a tropical semiring and the map back.

    Two int arrays are computed in float64 while every ``mul`` stays below 2**53 (exact),
    else as Python ints; ``restore`` gives int64 where no output is the zero (every output
    has a pair), else floats (or objects past 2**53) holding the zero.  Floats keep their
    dtype; anything else runs as objects.

    >>> a, b, restore = exact_tropical(np.array([1, 2]), np.array([3]), MaxPlus())
    >>> a.dtype, restore(np.array([4.0, 5.0]))
    (dtype('float64'), array([4, 5]))
    """
    if not isinstance(S, Tropical):
        return a, b, lambda out: out
    if a.dtype.kind in "iu" and b.dtype.kind in "iu":
        ma, mb = arith.max_abs(a), arith.max_abs(b)
        bound = ma * mb if S.mul(2, 3) == 6 else ma + mb
        if bound < FLOAT_EXACT:
            return a.astype(np.float64), b.astype(np.float64), _restore_floats
        return arith.to_object(a), arith.to_object(b), _restore_objects
    if a.dtype == object or b.dtype == object:
        return arith.to_object(a), arith.to_object(b), lambda out: out
    dtype = np.result_type(a, b)
    if dtype.kind != "f":
        dtype = np.dtype(np.float64)
    return a.astype(dtype, copy=False), b.astype(dtype, copy=False), lambda out: out


def _restore_floats(out: np.ndarray) -> np.ndarray:
    return out.astype(np.int64) if out.size == 0 or np.isfinite(out).all() else out


def _restore_objects(out: np.ndarray) -> np.ndarray:
    if any(isinstance(v, float) for v in out.flat):
        return out  # Python ints beside the zero (an infinity)
    if all(-arith.INT64_MAX <= v <= arith.INT64_MAX for v in out.flat):
        return out.astype(np.int64)
    return out


# --- dense arrays on Z^d ------------------------------------------------------------------------


def lattice_semiring(a: np.ndarray, b: np.ndarray, S: Semiring,
                     witness: bool = False) -> Any:
    """The full ``S``-convolution of two same-ndim arrays (and the witnesses, flat indices
    into ``a``, with ``witness=True``).

    >>> from algconv.semirings import MinPlus
    >>> lattice_semiring(np.array([0, 5]), np.array([1, 1, 9]), MinPlus(), witness=True)
    (array([ 1,  1,  6, 14]), array([0, 0, 1, 1]))
    """
    shape = tuple(m + n - 1 if m and n else 0 for m, n in zip(a.shape, b.shape))
    if not witness and isinstance(S, (Boolean, Modular)):
        from .direct import lattice_direct

        if 0 in shape:
            return S.zeros(shape)
        counts = lattice_direct(_as_counts(a, S), _as_counts(b, S))
        return counts > 0 if isinstance(S, Boolean) else S.output(counts % S.m)
    if isinstance(S, LogSumExp):
        return _lattice_logsumexp(a, b, shape)
    a, b, restore = exact_tropical(a, b, S)
    out = S.zeros(shape, S.result_dtype(a.dtype, b.dtype))
    where = np.full(shape, -1, dtype=np.intp) if witness else None
    if 0 in shape:
        return (restore(out), where) if witness else restore(out)
    small_is_a = a.size <= b.size
    small, big = (a, b) if small_is_a else (b, a)
    a_index = None if small_is_a else np.arange(a.size).reshape(a.shape)
    zero_small = S.zero_mask(small) if not witness else np.zeros(small.shape, dtype=bool)
    for index in np.ndindex(small.shape):
        if zero_small[index]:
            continue  # zero annihilates: nothing to add
        v = small[index]
        cand = S.mul_arrays(v, big) if small_is_a else S.mul_arrays(big, v)
        at = tuple(slice(i, i + n) for i, n in zip(index, big.shape))
        if witness:
            old = out[at]
            new = S.add_arrays(old, cand)
            take = (where[at] < 0) | (new != old)
            where[at][take] = (np.ravel_multi_index(index, a.shape) if small_is_a
                               else a_index[take])
            out[at] = new
        else:
            out[at] = S.add_arrays(out[at], cand)
    return (restore(out), where) if witness else restore(out)


def _as_counts(x: np.ndarray, S: Semiring) -> np.ndarray:
    """Boolean values as 0/1 ints; residues as they are (exact integer sums follow)."""
    return x.astype(np.uint8) if isinstance(S, Boolean) else x


def _lattice_logsumexp(a: np.ndarray, b: np.ndarray, shape: tuple) -> np.ndarray:
    """Two passes: the max-plus value, then the sum of exponentials below it."""
    dtype = np.result_type(a, b, np.float64)
    a, b = a.astype(dtype, copy=False), b.astype(dtype, copy=False)
    if 0 in shape:
        return np.full(shape, -np.inf, dtype=dtype)
    top = lattice_semiring(a, b, _MAX_PLUS)
    shift = np.where(np.isfinite(top), top, 0)
    total = np.zeros(shape, dtype=dtype)
    small_is_a = a.size <= b.size
    small, big = (a, b) if small_is_a else (b, a)
    for index in np.ndindex(small.shape):
        v = small[index]
        if v == -np.inf:
            continue
        at = tuple(slice(i, i + n) for i, n in zip(index, big.shape))
        total[at] += np.exp(big + v - shift[at])
    with np.errstate(divide="ignore"):
        return np.where(np.isfinite(top), shift + np.log(total), -np.inf)


# --- pairs of supports (any monoid) -------------------------------------------------------------


def pairs_semiring(f: Any, g: Any, S: Semiring, witness: bool = False) -> Any:
    """``{c: add over a . b = c of mul(f(a), g(b))}`` over the two supports (and ``{c: a}``
    with ``witness=True``).

    >>> import algconv as ac
    >>> from algconv.semirings import MaxPlus
    >>> f = ac.Function({"a": 1, "b": 2}, over=ac.FreeMonoid("ab"), semiring=MaxPlus())
    >>> pairs_semiring(f, f, MaxPlus(), witness=True)[0]
    {'aa': 2, 'ab': 3, 'ba': 3, 'bb': 4}
    """
    op = f.over.op
    g_items = list(view(g).items())
    if isinstance(S, LogSumExp):
        terms: dict = {}
        for a, fa in view(f).items():
            for b, gb in g_items:
                terms.setdefault(op(a, b), []).append(fa + gb)
        return {c: _logsumexp(ts) for c, ts in terms.items()}
    h: dict = {}
    where: dict = {}
    for a, fa in view(f).items():
        for b, gb in g_items:
            c, v = op(a, b), S.mul(fa, gb)
            if c not in h:
                h[c] = v
                where[c] = a
                continue
            new = S.add(h[c], v)
            if witness and new != h[c]:
                where[c] = a
            h[c] = new
    return (h, where) if witness else h


def _logsumexp(terms: list) -> float:
    top = max(terms)
    if top == -math.inf:
        return top
    return top + math.log(math.fsum(math.exp(t - top) for t in terms))


# --- the Cayley table of a finite structure -----------------------------------------------------


def table_semiring(over: Any, a: np.ndarray, b: np.ndarray, S: Semiring,
                   witness: bool = False) -> Any:
    """The ``S``-convolution of two vectors in ``over.elements()`` order, one row of the
    Cayley table per non-zero entry of ``a`` (and the witnesses, indices into ``a``).

    >>> import algconv as ac
    >>> from algconv.semirings import MaxPlus
    >>> table_semiring(ac.Cyclic(3), np.array([0, 1, -5]), np.array([0, 0, 2]), MaxPlus())
    array([3, 1, 2])
    """
    if not witness and isinstance(S, (Boolean, Modular)):
        from .table import table_convolve

        counts = table_convolve(over, _as_counts(a, S), _as_counts(b, S))
        return counts > 0 if isinstance(S, Boolean) else S.output(counts % S.m)
    n = over.order
    table = over.cayley_table()
    permutes = _is_group(over)
    if isinstance(S, LogSumExp):
        dtype = np.result_type(a, b, np.float64)
        a, b = a.astype(dtype, copy=False), b.astype(dtype, copy=False)
        top = table_semiring(over, a, b, _MAX_PLUS)
        shift = np.where(np.isfinite(top), top, 0)
        total = np.zeros(n, dtype=dtype)
        for i in np.flatnonzero(a != -np.inf):
            np.add.at(total, table[i], np.exp(a[i] + b - shift[table[i]]))
        with np.errstate(divide="ignore"):
            return np.where(np.isfinite(top), shift + np.log(total), -np.inf)
    a, b, restore = exact_tropical(a, b, S)
    h = S.zeros(n, S.result_dtype(a.dtype, b.dtype))
    where = np.full(n, -1, dtype=np.intp) if witness else None
    rows = np.arange(n) if witness else np.flatnonzero(~S.zero_mask(a))
    for i in rows:
        cand, targets = S.mul_arrays(a[i], b), table[i]
        if permutes:  # every c once per row: h[targets] in one step
            old = h[targets]
            new = S.add_arrays(old, cand)
            if witness:
                take = (where[targets] < 0) | (new != old)
                where[targets[take]] = i
            h[targets] = new
        elif witness:
            for j, c in enumerate(targets.tolist()):
                new = S.add(h[c], cand[j])
                if where[c] < 0 or new != h[c]:
                    where[c] = i
                h[c] = new
        else:
            S.add_at(h, targets, cand)
    return (restore(h), where) if witness else restore(h)


def _is_group(over: Any) -> bool:
    from ..structures.base import Group

    return isinstance(over, Group)


# --- the engines' runs --------------------------------------------------------------------------


def run_direct(p: Any, witness: bool = False) -> Any:
    """The direct engine on a problem with values in ``p.semiring`` (``(h, where)`` with
    ``witness``): shifted arrays on a lattice layout, else pairs of supports."""
    S = p.semiring
    if p.dense and p.over.dense_layout == "lattice":
        out = lattice_semiring(p.fv.array, p.gv.array, S, witness)
        array, where = out if witness else (out, None)
        start = tuple(a + b for a, b in zip(p.fv.start, p.gv.start))
        h = trusted_dense(array, p.over, start, S)
        return (h, where) if witness else h
    out = pairs_semiring(p.f, p.g, S, witness)
    h, where = out if witness else (out, None)
    h = trusted_dict(h, p.over, S)
    return (h, where) if witness else h


def run_table(p: Any, witness: bool = False) -> Any:
    """The table engine on a problem with values in ``p.semiring``."""
    a, _ = p.fv.dense()
    b, _ = p.gv.dense()
    out = table_semiring(p.over, a, b, p.semiring, witness)
    array, where = out if witness else (out, None)
    h = trusted_dense(array, p.over, None, p.semiring)
    return (h, where) if witness else h


def table_correlate(over: Any, a: np.ndarray, b: np.ndarray, S: Semiring) -> np.ndarray:
    """``h[c] = add over x of mul(a[x . c], b[x])`` through the Cayley table (finite monoids).

    >>> import algconv as ac
    >>> from algconv.semirings import MaxPlus
    >>> table_correlate(ac.Cyclic(3), np.array([0, 1, 2]), np.array([0, -9, -9]), MaxPlus())
    array([0, 1, 2])
    """
    a, b, restore = exact_tropical(a, b, S)
    table = over.cayley_table()
    h = S.zeros(over.order, S.result_dtype(a.dtype, b.dtype))
    for x in np.flatnonzero(~S.zero_mask(b)):
        h = S.add_arrays(h, S.mul_arrays(a[table[x]], b[x]))
    return restore(h)
