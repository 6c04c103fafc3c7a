r"""Max-plus and min-plus ("tropical") convolution and filtering of arrays.

``out[c] = max over i + j = c of (a[i] + b[j])`` (``min`` for min-plus), with the semiring's
zero (``-inf`` for max-plus, ``+inf`` for min-plus) annihilating: a pair holding the zero is
the zero, even beside the opposite infinity.  Integers stay integers: int64 when a bound on
``a + b`` proves every sum fits, else Python ints (never wrapping).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import scipy.ndimage

from ..errors import InvalidArgument, InvalidType
from ..validation import describe
from ._common import (
    INT64_MAX,
    INT64_MIN,
    full_shape,
    int_range,
    operands,
    python_ints,
    reject_nan,
)

__all__ = ["tropical_convolve", "tropical_filter"]

#: ints below this magnitude (and their sums) are exact in float64, as scipy.ndimage adds
FLOAT_EXACT = 2**53


def _name(maximize: bool) -> str:
    return "max-plus" if maximize else "min-plus"


def _zero(maximize: bool) -> float:
    return -math.inf if maximize else math.inf


def _kind(x: np.ndarray) -> str:
    """'int', 'float' or 'object' (Python values other than ints: Fractions, mixed)."""
    if x.dtype.kind in "biu":
        return "int"
    if x.dtype.kind == "f":
        return "float"
    return "int" if python_ints(x, "") is not None else "object"


def _prepare(a: np.ndarray, b: np.ndarray, maximize: bool) -> tuple:
    """``(a, b, path)`` with path in int64 / float / object, the arrays cast for it."""
    kinds = {_kind(a), _kind(b)}
    for name, x in (("a", a), ("b", b)):
        reject_nan(x, name, _name(maximize))
    if "object" in kinds:
        return _objects(a, maximize), _objects(b, maximize), "object"
    if "float" in kinds:
        dtype = np.result_type(*(x.dtype for x in (a, b) if x.dtype.kind == "f"), np.float64)
        return a.astype(dtype, copy=False), b.astype(dtype, copy=False), "float"
    a, b = python_ints(a, "a") if a.dtype == object else a, (
        python_ints(b, "b") if b.dtype == object else b)
    (lo_a, hi_a), (lo_b, hi_b) = int_range(a), int_range(b)
    if INT64_MIN <= lo_a + lo_b and hi_a + hi_b <= INT64_MAX and all(
            INT64_MIN <= v <= INT64_MAX for v in (lo_a, hi_a, lo_b, hi_b)):
        return a.astype(np.int64), b.astype(np.int64), "int64"
    return python_ints(a, "a"), python_ints(b, "b"), "object"


def _is_nan(v: Any) -> bool:
    return isinstance(v, (float, np.floating)) and math.isnan(v)


def _objects(x: np.ndarray, maximize: bool) -> np.ndarray:
    out = x.astype(object)
    for v in out.flat:
        if _is_nan(v):
            raise InvalidArgument(f"Got a NaN value, but NaN is not a value of "
                                  f"{_name(maximize)}")
        if isinstance(v, (complex, np.complexfloating)) or not isinstance(
                v, (int, float, np.integer, np.floating)) and not hasattr(v, "denominator"):
            raise InvalidType(f"Got the value {describe(v)}, but {_name(maximize)} needs real "
                              "numbers")
    return out


def tropical_convolve(a: Any, b: Any, *, maximize: bool = True,
                      witness: bool = False) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    r"""Full max-plus (or min-plus) convolution of two N-D arrays.

    Parameters
    ----------
    a, b : array_like, one ndim
        Real values: ints (any dtype, or Python ints in an object array), floats with
        ``±inf`` allowed, or Fractions in an object array.  Not empty; no NaN.
    maximize : bool, default True
        ``max`` (max-plus, zero ``-inf``) or ``min`` (min-plus, zero ``+inf``).
    witness : bool, default False
        Also return, for every output, the flat C-order index into ``a`` of a pair
        attaining it (the smallest such index), ``-1`` where every pair is the zero.

    Returns
    -------
    out : ndarray, shape ``a.shape + b.shape - 1``
        ``out[c] = max over i + j = c of (a[i] + b[j])``.  Ints give int64 when
        ``min(a) + min(b)`` and ``max(a) + max(b)`` fit, else Python ints (object); floats
        give float64 (or wider); Fractions give objects.
    where : ndarray of int64, same shape, only with ``witness=True``

    Raises
    ------
    StructureMismatch
        If the arrays have different ndim.
    InvalidArgument
        Empty arrays, NaN.
    InvalidType
        Complex or non-numeric values.

    Notes
    -----
    One vectorised ``add`` and ``max`` per entry of the smaller array (``O(|a| |b|)``
    work, no general subquadratic algorithm being known).  For long 1-D inputs with finite
    values, pruning is tried first: the pairs through the ``K = 2 sqrt(n)`` largest entries
    of either side are candidates, every other pair is at most the sum of the two sides'
    ``K``-th largest values, so outputs whose best candidate beats that bound are proven
    exact after ``2K`` passes; the rest (mostly the ends) get their full sum.  On general
    (random) values that is several times faster; where a cheap sample shows it would not
    settle most outputs (sorted or bunched values), the plain loop runs.  The zero
    annihilates: ``-inf + inf`` is ``-inf`` under max-plus (NaN-ignoring ``fmax`` drops
    such pairs).

    Examples
    --------
    >>> tropical_convolve([0, 2, 1], [0, 1])
    array([0, 2, 3, 2])
    >>> tropical_convolve([0, 2, 1], [0, 1], maximize=False)
    array([0, 1, 1, 2])
    >>> out, where = tropical_convolve([0.0, 2.0, -np.inf], [0.0, 1.0], witness=True)
    >>> out.tolist(), where.tolist()
    ([0.0, 2.0, 3.0, -inf], [0, 1, 1, -1])
    """
    a, b = operands(a, b, f"{_name(maximize)} convolution")
    a, b, path = _prepare(a, b, maximize)
    zero = _zero(maximize)
    shape = full_shape(a, b)
    if path == "object":
        out = np.empty(shape, dtype=object)
        out[...] = zero
    else:
        dtype = a.dtype
        out = np.full(shape, zero if path == "float" else 0, dtype=dtype)
        if path == "int64":  # every output has a pair: start from one of them
            out[...] = np.iinfo(np.int64).min if maximize else np.iinfo(np.int64).max
    pruned = _pruned(a, b, maximize, path) if a.ndim == 1 else None
    if pruned is not None:
        return pruned if witness else pruned[0]
    where = np.full(shape, -1, dtype=np.int64) if witness else None
    with np.errstate(invalid="ignore"):  # inf - inf pairs: fmax / fmin drop the NaN
        _loop(a, b, out, where, maximize, path)
    if path == "object":
        out = _narrow(out)
    return (out, where) if witness else out


#: pairs below which pruning is not tried
PRUNE_PAIRS = 10**6
#: pruning gives up when more than 1 / GIVE_UP of the outputs (or pairs) remain open
GIVE_UP = 8


def prune_count(n: int, m: int) -> int:
    """How many of the largest entries of each side are candidates: ``2 sqrt(n)``."""
    return int(min(n, m, max(32, 2 * math.isqrt(max(n, m)))))


def _pruned(a: np.ndarray, b: np.ndarray, maximize: bool, path: str) -> tuple | None:
    """``(out, where)`` by candidate pairs and a proof that the others cannot win, or
    ``None`` when the proof fails for too many outputs (then the full loop runs).

    With ``A`` the ``K`` largest entries of ``a`` (``a_K`` the least of them) and ``B``
    those of ``b``, every pair outside ``A x all`` and ``all x B`` is at most
    ``a_K + b_K``.  So an output whose best candidate pair exceeds ``a_K + b_K`` is exact
    after ``2K`` vectorised passes; the rest (the ends of the output, mostly) get their
    full sum of pairs.  Exact for any data; fast when the large values are spread out, as
    they are for general (random) values: ``K = 2 sqrt(n)`` leaves almost nothing over.
    """
    n, m = a.size, b.size
    if n * m < PRUNE_PAIRS or path == "object":
        return None
    if path == "float" and not (np.isfinite(a).all() and np.isfinite(b).all()):
        return None
    if not maximize:
        if path == "int64" and (a.min() == INT64_MIN or b.min() == INT64_MIN):
            return None
        a, b = -a, -b
    k = prune_count(n, m)
    top_a = np.sort(np.argpartition(a, n - k)[n - k:])
    top_b = np.sort(np.argpartition(b, m - k)[m - k:])
    threshold = a[top_a].min() + b[top_b].min()
    if threshold >= a.max() + b.max():  # the largest values tie: nothing can be proven
        return None
    if not _promising(a, b, top_a, top_b, threshold):
        return None
    start = -np.inf if path == "float" else np.iinfo(np.int64).min
    out = np.full(n + m - 1, start, dtype=a.dtype)
    where = np.full(n + m - 1, -1, dtype=np.int64)
    tmp = np.empty(m, dtype=a.dtype)
    for i, v in zip(top_a.tolist(), a[top_a].tolist()):  # increasing i: the first one wins
        np.add(b, v, out=tmp)
        view, wview = out[i:i + m], where[i:i + m]
        mask = tmp > view
        np.copyto(view, tmp, where=mask)
        wview[mask] = i
    tmp, index = np.empty(n, dtype=a.dtype), np.arange(n)
    for j, v in zip(top_b.tolist(), b[top_b].tolist()):
        np.add(a, v, out=tmp)
        view, wview = out[j:j + n], where[j:j + n]
        mask = (tmp > view) | ((tmp == view) & ((index < wview) | (wview < 0)))
        np.copyto(view, tmp, where=mask)
        np.copyto(wview, index, where=mask)
    open_ = np.flatnonzero(~(out > threshold))
    lo = np.maximum(open_ - m + 1, 0)
    hi = np.minimum(open_, n - 1)
    if open_.size > (n + m) // GIVE_UP or int((hi - lo + 1).sum()) > n * m // GIVE_UP:
        return None  # the large values are bunched: the full loop is cheaper
    for c, i0, i1 in zip(open_.tolist(), lo.tolist(), hi.tolist()):
        values = a[i0:i1 + 1] + b[c - i1:c - i0 + 1][::-1]
        best = int(np.argmax(values))  # the first: the smallest index into a
        out[c], where[c] = values[best], i0 + best
    return (out, where) if maximize else (-out, where)


#: outputs sampled to decide whether pruning will pay (evenly spaced)
PRUNE_SAMPLE = 64


def _promising(a, b, top_a, top_b, threshold) -> bool:
    """Whether the candidates settle most of ``PRUNE_SAMPLE`` sampled outputs (a cheap
    forecast: pruning that settles too few outputs costs ``2K`` passes for nothing)."""
    n, m = a.size, b.size
    c = np.linspace(0, n + m - 2, PRUNE_SAMPLE).astype(np.int64)[:, None]
    best = np.full(c.shape[0], False)
    for top, x, y, limit in ((top_a, a, b, m), (top_b, b, a, n)):
        partner = c - top[None, :]
        ok = (partner >= 0) & (partner < limit)
        values = x[top][None, :] + y[np.clip(partner, 0, limit - 1)]
        best |= (ok & (values > threshold)).any(axis=1)
    return int(best.sum()) * GIVE_UP >= (GIVE_UP - 1) * PRUNE_SAMPLE


def _narrow(out: np.ndarray) -> np.ndarray:
    """An object result of Python ints within int64 as int64 (ints stay exact either way)."""
    if out.size and all(type(v) is int for v in out.flat):
        lo, hi = min(out.flat), max(out.flat)
        if INT64_MIN <= lo and hi <= INT64_MAX:
            return out.astype(np.int64)
    return out


def _loop(a: np.ndarray, b: np.ndarray, out: np.ndarray, where: np.ndarray | None,
          maximize: bool, path: str) -> None:
    """``out`` (and ``where``) updated by every pair, looping over the smaller array."""
    zero = _zero(maximize)
    over_a = a.size <= b.size  # loop over the entries of a: their index is the witness
    small, big = (a, b) if over_a else (b, a)
    pick = (np.fmax if maximize else np.fmin) if path == "float" else (
        np.maximum if maximize else np.minimum)
    tmp = np.empty(big.shape, dtype=out.dtype)
    big_zero = None
    if path == "object":
        big_zero = np.array([v == zero for v in big.flat], dtype=bool).reshape(big.shape)
    a_index = None if (where is None or over_a) else np.arange(a.size).reshape(a.shape)
    better = (np.greater if over_a else np.greater_equal) if maximize else (
        np.less if over_a else np.less_equal)
    values = small.ravel().tolist()
    if where is None and big_zero is None and small.ndim == 1:  # the hot loop, bare
        n = big.size
        for j, v in enumerate(values):
            if v != zero:
                view = out[j:j + n]
                np.add(big, v, out=tmp)
                pick(view, tmp, out=view)
        return
    for k, (index, v) in enumerate(zip(np.ndindex(small.shape), values)):
        if v == zero:
            continue  # the zero annihilates: every pair with it is the zero
        view = out[tuple(slice(i, i + n) for i, n in zip(index, big.shape))]
        np.add(big, v, out=tmp)
        if big_zero is not None:
            tmp[big_zero] = zero
        if where is None:
            pick(view, tmp, out=view)
            continue
        mask = better(tmp, view)
        wview = where[tuple(slice(i, i + n) for i, n in zip(index, big.shape))]
        if path == "object":
            mask = mask.astype(bool)
        elif path == "int64":  # the start value is an int too: the first pair always wins
            mask |= wview == -1
        np.copyto(view, tmp, where=mask)
        np.copyto(wview, k if over_a else a_index, where=mask)
    if where is not None and path != "int64":
        where[_is_zero(out, zero)] = -1


def _is_zero(x: np.ndarray, zero: float) -> np.ndarray:
    if x.dtype == object:
        return np.array([v == zero for v in x.flat], dtype=bool).reshape(x.shape)
    return x == zero


# --------------------------------------------------------------------------- filtering


def tropical_filter(image: Any, kernel: Any, *, maximize: bool = True, boundary: str = "fill",
                    fillvalue: Any = None, origin: Any = 0) -> np.ndarray:
    r"""Max-plus (grey dilation) or min-plus filter of an image, same shape out.

    The geometry is ``algconv.filter``'s: the kernel is flipped (a convolution, as
    ``scipy.ndimage.convolve``), centred at ``k // 2 + origin`` on an axis of length ``k``,
    and the image continues past its edges by ``boundary``.

    Parameters
    ----------
    image : array_like, shape (n_1, ..., n_d)
        Real values (ints, floats with ``±inf``, Fractions); no NaN.
    kernel : array_like, d dimensions
        The structuring function, not empty; entries equal to the semiring's zero
        (``-inf`` for max-plus) are outside the footprint.
    maximize : bool, default True
        Max-plus (dilation, zero ``-inf``) or min-plus (zero ``+inf``).
    boundary : {'fill', 'wrap', 'reflect', 'mirror', 'nearest', 'constant'}
        scipy.ndimage's meanings, as ``algconv.filter``.
    fillvalue : number, optional
        The value outside the image with ``boundary='fill'``; default the semiring's zero,
        which never wins (every output has a pair inside the image).
    origin : int or sequence of int, default 0
        Shifts the kernel's centre, exactly as ``scipy.ndimage``'s ``origin``.

    Returns
    -------
    ndarray, the image's shape
        ``out[i] = max over j of (kernel[j] + E[i - j + c])``.  Ints stay ints (int64, or
        Python ints past it), floats give float64.

    Raises
    ------
    StructureMismatch
        If kernel and image differ in ndim.
    InvalidArgument
        Unknown boundary, empty kernel, NaN, ``origin`` outside the kernel.

    Notes
    -----
    ``scipy.ndimage.grey_dilation`` / ``grey_erosion`` (and ``maximum_filter`` /
    ``minimum_filter`` for a flat kernel, whose separable passes cost ``O(1)`` per pixel
    and axis) compute it wherever their conventions provably agree: float64 values (ints
    whose sums are exact in float64), no kernel axis longer than the image's, no infinity
    of the wrong sign in the kernel.  Elsewhere a loop over the kernel's entries on the
    image padded by ``boundary``.

    Examples
    --------
    >>> tropical_filter([0, 5, 0, 0], [0, 0, 0])
    array([5, 5, 5, 0])
    >>> tropical_filter([0, 5, 0, 0], [0, 1, 0], maximize=False, boundary="nearest")
    array([0, 0, 0, 0])
    >>> tropical_filter([0.0, 5.0, 0.0], [1.0, 0.0])  # kernel flipped: out[i] = max(a[i], a[i+1] + 1)
    array([6., 5., 0.])
    """
    from ..boundaries import check_boundary, kernel_and_centres, padded

    image, kernel = np.asarray(image), np.asarray(kernel)
    if image.ndim == 0:
        raise InvalidArgument("Got a 0-dimensional image, but expected an array of ndim >= 1")
    if image.size == 0:
        raise InvalidArgument(f"Got image with shape {image.shape}, but expected a non-empty "
                              "image")
    boundary = check_boundary(boundary)
    zero = _zero(maximize)
    kernel, centres = kernel_and_centres(kernel, image.ndim, origin, None)
    fill_is_zero = boundary != "fill" or fillvalue is None or fillvalue == zero
    probe = np.array([zero if fillvalue is None else fillvalue])
    if fillvalue is not None and np.asarray(fillvalue).dtype.kind not in "biuf":
        probe = np.array([fillvalue], dtype=object)
    # the fill joins the values' kind only when it can win
    parts = (image, kernel) if fill_is_zero else (image, kernel, probe)
    kinds = {_kind(np.asarray(x)) for x in parts}
    for name, x in (("image", image), ("kernel", kernel)):
        reject_nan(x, name, _name(maximize))
    if not fill_is_zero and _is_nan(fillvalue):
        raise InvalidArgument(f"Got fillvalue={describe(fillvalue)}, but NaN is not a value "
                              f"of {_name(maximize)}")
    in_footprint = ~_is_zero(kernel, zero) if kernel.dtype.kind in "fO" else np.ones(
        kernel.shape, dtype=bool)
    if not in_footprint.any():
        raise InvalidArgument(f"Got a kernel whose every entry is the {_name(maximize)} zero "
                              f"{zero}: the result would be the zero everywhere")
    if "object" in kinds:
        path = "object"
    elif "float" in kinds:
        path = "float"
    else:
        path = "int"
    if path == "float":
        image = image.astype(np.result_type(image.dtype, np.float64), copy=False)
        kernel = kernel.astype(image.dtype, copy=False)
        fill = zero if fill_is_zero else float(fillvalue)
    elif path == "int":
        image, kernel, fill = _int_operands(image, kernel, in_footprint, maximize,
                                            None if fill_is_zero else fillvalue)
        if image.dtype == object:
            path = "object"
    else:
        image, kernel = _objects(image, maximize), _objects(kernel, maximize)
        fill = zero if fill_is_zero else fillvalue
    fast = _ndimage(image, kernel, in_footprint, centres, boundary, fill, maximize, path)
    if fast is not None:
        return fast
    padded = padded(image, kernel.shape, centres, boundary, fill)
    with np.errstate(invalid="ignore"):  # inf - inf pairs: fmax / fmin drop the NaN
        return _valid_loop(padded, kernel, in_footprint, image.shape, maximize, path)


def _int_operands(image: np.ndarray, kernel: np.ndarray, in_footprint: np.ndarray,
                  maximize: bool, fillvalue: Any) -> tuple:
    """Int image and kernel as int64 (or Python ints where a sum could leave int64), and a
    fill: ``fillvalue``, or for the zero a sentinel that never wins."""
    image = python_ints(image, "image") if image.dtype == object else image
    kernel = python_ints(kernel, "kernel") if kernel.dtype == object else kernel
    lo_i, hi_i = int_range(image)
    lo_k, hi_k = int_range(kernel)
    if fillvalue is None:  # below (above) every pair with a value of the image
        fill = lo_i - (hi_k - lo_k) - 1 if maximize else hi_i + (hi_k - lo_k) + 1
    else:
        fill = int(fillvalue)
    lo_e, hi_e = min(lo_i, fill), max(hi_i, fill)
    if INT64_MIN <= lo_e + lo_k and hi_e + hi_k <= INT64_MAX and INT64_MIN <= lo_e and (
            hi_e <= INT64_MAX):
        return image.astype(np.int64), kernel.astype(np.int64), fill
    return python_ints(image, "image"), python_ints(kernel, "kernel"), fill


def _ndimage(image: np.ndarray, kernel: np.ndarray, in_footprint: np.ndarray, centres: tuple,
             boundary: str, fill: Any, maximize: bool, path: str) -> np.ndarray | None:
    """The filter by scipy.ndimage where its conventions provably agree, else ``None``."""
    from ..boundaries import BOUNDARIES

    if path == "object" or any(n > m for m, n in zip(image.shape, kernel.shape)):
        return None  # ndimage extends the image once, then reads past it
    if path == "float":
        if image.dtype != np.float64:
            return None
        wrong = np.inf if maximize else -np.inf  # wrong + zero would be NaN in ndimage
        if (kernel == wrong).any():
            return None
    else:
        top = max(abs(int(image.min())), abs(int(image.max())), abs(int(fill)))
        if top + max(abs(int(kernel.min())), abs(int(kernel.max()))) >= FLOAT_EXACT:
            return None
    mode = BOUNDARIES[boundary][0]
    output = np.float64 if path == "float" else np.int64
    # ndimage's correlation origin for our convolution centre c on an axis of length k
    origin = [k - 1 - c - k // 2 for k, c in zip(kernel.shape, centres)]
    values = kernel[in_footprint]
    if in_footprint.all() and (values == values.flat[0]).all():  # flat: separable passes
        level = values.flat[0]
        pick = scipy.ndimage.maximum_filter if maximize else scipy.ndimage.minimum_filter
        out = pick(image, size=kernel.shape, mode=mode, cval=fill, origin=origin,
                   output=output)
        if level != 0:
            out += level
        return out
    structure = np.where(in_footprint, kernel, 0).astype(np.float64)
    if maximize:  # grey_dilation flips structure and origin itself: a convolution
        return scipy.ndimage.grey_dilation(
            image, footprint=in_footprint, structure=structure, mode=mode, cval=fill,
            origin=[c - k // 2 for k, c in zip(kernel.shape, centres)], output=output)
    flip = (slice(None, None, -1),) * kernel.ndim
    return scipy.ndimage.grey_erosion(image, footprint=in_footprint[flip],
                                      structure=-structure[flip], mode=mode, cval=fill,
                                      origin=origin, output=output)


def _valid_loop(padded: np.ndarray, kernel: np.ndarray, in_footprint: np.ndarray,
                shape: tuple, maximize: bool, path: str) -> np.ndarray:
    """``out[i] = max_j kernel[j] + padded[i + n - 1 - j]``: one pass per kernel entry."""
    zero = _zero(maximize)
    pick = (np.fmax if maximize else np.fmin) if path == "float" else (
        np.maximum if maximize else np.minimum)
    out = None
    for index in zip(*np.nonzero(in_footprint)):
        start = [n - 1 - j for n, j in zip(kernel.shape, index)]
        view = padded[tuple(slice(s, s + m) for s, m in zip(start, shape))]
        k = kernel[index]
        term = view + k
        if path == "object":  # the zero annihilates
            term[_is_zero(view, zero)] = zero
        out = term if out is None else pick(out, term, out=out)
    if path == "object":
        return _narrow(out)
    return out
