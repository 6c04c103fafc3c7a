r"""Dask arrays: lazy, chunked ``filter`` and ``convolve`` for images larger than memory.

``ac.filter(x, kernel, ...)`` and ``ac.convolve(x, kernel, ...)`` hand a ``dask.array.Array``
``x`` to this module.  Both return a lazy dask array; every chunk is computed in memory by
algconv itself, so the values equal the in-memory result for the same data:

* ``filter`` (image-style boundaries, same shape and chunks as ``x``) uses
  ``dask.array.map_overlap``: each chunk is extended by the kernel radius from its
  neighbours (and, at the outer edges, by the boundary rule), then filtered in memory by
  ``ac.filter``.
* ``convolve`` (``mode='full' | 'same' | 'valid'``) is overlap-add: each chunk is convolved
  in full in memory (the engine ``choose_method`` picks for that chunk), and the tails that
  spill over a chunk border are added into the neighbouring output chunk.

Exact integer input stays exact: the result is ``int64`` when the dtype of ``x`` and the
kernel prove that no sum can overflow, else an object array of Python ints.

This module imports dask only inside its functions, so ``import algconv`` never imports it.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np

from . import arith
from ._kernels import MODES, bool_operands, check_valid_shapes
from .boundaries import BOUNDARIES, check_boundary, kernel_and_centres
from .dispatch import along_axes, apply_mode
from .dispatch import convolve as _convolve_in_memory
from .engines import ENGINES
from .errors import InvalidArgument, InvalidType, StructureMismatch
from .filtering import boolean_fill, holds
from .filtering import filter as filter_in_memory
from .semirings import Boolean, check_semiring
from .structures.numbers import Integers, Lattice
from .validation import (
    as_value_array,
    check_axes,
    check_choice,
    check_value,
    describe,
    is_dask_array,
    join_kinds,
    scalar_kind,
    value_kind,
)

__all__ = ["BOUNDARIES", "convolve", "filter", "result_dtype"]


#: boundary -> dask.array.map_overlap's name for the same extension (mirror has none)
_DASK_BOUNDARY = {"wrap": "periodic", "reflect": "reflect", "nearest": "nearest"}


# --- validation --------------------------------------------------------------------------------


def _check_x(x: Any, name: str) -> None:
    if x.dtype.kind not in "biufcO":
        raise InvalidType(
            f"Got {name}={describe(x)} with dtype {x.dtype}, but expected an array of numbers"
        )
    if x.ndim == 0:
        raise InvalidArgument(f"Got 0-dimensional {name}, but expected a dask array of ndim >= 1")
    if any(math.isnan(c) for chunks in x.chunks for c in chunks):
        raise InvalidArgument(
            f"Got {name} with unknown chunk sizes {x.chunks}, but the overlap needs them; "
            f"call {name}.compute_chunk_sizes() first"
        )


def _reject_dask_kernel(kernel: Any, name: str) -> None:
    if is_dask_array(kernel):
        raise InvalidType(
            f"Got {name}={describe(kernel)}, but the kernel must be in memory (a numpy array "
            "or nested lists); only the image may be a dask array: use .compute()"
        )


def _check_kernel(kernel: Any, x: Any, names: tuple) -> np.ndarray:
    k = as_value_array(kernel, names[1], bools=True)
    if k.ndim != x.ndim:
        raise StructureMismatch(
            f"Got {names[0]} with {x.ndim} dimensions and {names[1]} with {k.ndim}, but they "
            "must have the same number of dimensions"
        )
    return k


# --- dtypes: exact stays exact -----------------------------------------------------------------


def _dtype_bound(dtype: np.dtype) -> int | None:
    """The largest absolute value an integer dtype can hold, or None for int64/uint64."""
    if dtype.kind not in "iu" or dtype.itemsize >= 8:
        return None
    info = np.iinfo(dtype)
    return max(int(info.max), -int(info.min))


def result_dtype(x_dtype: Any, kernel: np.ndarray, extra: tuple = ()) -> np.dtype:
    """The dtype of a lazy filter or convolution of an ``x_dtype`` array with ``kernel``.

    Floats and complex follow numpy's promotion (``filter`` and ``convolve`` then keep the
    dtype the in-memory engines give a float chunk: a float32 image stays float32 in
    ``filter``, as in ``ac.filter``).  Integers give ``int64`` when the dtype of
    ``x`` proves the bound ``max|x| * sum|kernel| <= 2**63 - 1`` (int8 to int32 and uint8 to
    uint32 with a small enough kernel), else ``object`` (Python ints); Fractions and object
    values give ``object``.  ``extra`` holds scalars that also enter the sums (a fill value).

    Parameters
    ----------
    x_dtype : dtype
        The dtype of the dask array.
    kernel : ndarray
        The in-memory kernel.
    extra : tuple, optional
        Further values that may appear in place of ``x`` values.

    Returns
    -------
    numpy.dtype

    Examples
    --------
    >>> from algconv.daskarray import result_dtype
    >>> result_dtype(np.int32, np.ones((3, 3), dtype=int))
    dtype('int64')
    >>> result_dtype(np.int64, np.ones((3, 3), dtype=int))
    dtype('O')
    >>> result_dtype(np.float32, np.ones(3))
    dtype('float64')
    """
    x_dtype = np.dtype(x_dtype)
    x_kind = value_kind(np.empty(0, dtype=x_dtype)) if x_dtype != object else "object"
    kind = join_kinds(x_kind, value_kind(kernel), *(scalar_kind(v) for v in extra))
    if kind == "int":
        bound = _dtype_bound(x_dtype)
        if bound is not None:
            bound = max([bound, *(abs(int(v)) for v in extra)])
            if bound * arith.safe_sum(np.abs(kernel.astype(object))) <= arith.INT64_MAX:
                return np.dtype(np.int64)
        return np.dtype(object)
    if kind in ("float", "complex"):
        return np.result_type(x_dtype, kernel.dtype, *extra, np.float64 if kind == "float"
                              else np.complex128)
    return np.dtype(object)


def _cast(block: np.ndarray, dtype: np.dtype | None) -> np.ndarray:
    if dtype is None or block.dtype == dtype:
        return block
    if dtype == object:
        return arith.to_object(block)
    return block.astype(dtype)


def _working(x: Any, dtype: np.dtype, fill: Any = 0) -> Any:
    """``x`` in the dtype its chunks are computed in (object keeps Python ints exact).

    Float images stay as they are (the in-memory engines promote them) unless they cannot
    hold ``fill``; integer images become int64, Python ints, or the float result dtype (so
    a float fill is not truncated), and keep their dtype only while it holds ``fill``.
    """
    if dtype == object:
        return x if x.dtype == object else x.map_blocks(arith.to_object, dtype=object)
    if x.dtype.kind == dtype.kind and holds(x.dtype, fill):
        return x
    return x.astype(dtype)


def _probe_dtype(block_fn: Any, shape: tuple, work_dtype: np.dtype, dtype: np.dtype,
                 **kwargs: Any) -> np.dtype:
    """Run the in-memory call once on a tiny block, so that its errors (a ``method`` that
    does not apply) surface now rather than at compute time; float chunks take the dtype it
    gives, exact kinds keep ``dtype``."""
    probe = block_fn(np.ones(shape, dtype=work_dtype), out_dtype=None, **kwargs).dtype
    return probe if dtype.kind in "fc" else dtype


# --- chunks ------------------------------------------------------------------------------------


def _min_chunks(chunks: tuple, size: int) -> tuple:
    """Chunks along one axis, merged so that every chunk holds at least ``size`` entries."""
    n = sum(chunks)
    if len(chunks) == 1 or min(chunks) >= size:
        return chunks
    if size >= n:
        return (n,)
    from dask.array.overlap import ensure_minimum_chunksize

    return ensure_minimum_chunksize(size, chunks)


def _rechunked(x: Any, sizes: tuple) -> Any:
    chunks = tuple(_min_chunks(c, s) for c, s in zip(x.chunks, sizes))
    return x if chunks == x.chunks else x.rechunk(chunks)


# --- filter ------------------------------------------------------------------------------------


def _radii(shape: tuple, centres: tuple) -> tuple:
    """``(left, right)`` reach per axis of a kernel centred at ``centres`` (``filter``
    reads ``k - 1 - c`` entries before and ``c`` after each one)."""
    return tuple((k - 1 - c, c) for k, c in zip(shape, centres))


def _filter_block(block: np.ndarray, kernel: np.ndarray, origin: tuple, radii: tuple,
                  reach: tuple, out_dtype: np.dtype, semiring: Any = None,
                  method: str = "auto") -> np.ndarray:
    """The filtered interior of one chunk extended by ``reach`` on every side."""
    inner = block[tuple(slice(d - l, block.shape[ax] - (d - r))
                        for ax, (d, (l, r)) in enumerate(zip(reach, radii)))]
    out = filter_in_memory(inner, kernel, boundary="fill", origin=origin, semiring=semiring,
                           method=method)
    out = out[tuple(slice(l, n - r) for (l, r), n in zip(radii, out.shape))]
    return _cast(np.asarray(out), out_dtype)


def _extension_index(i: np.ndarray, n: int, boundary: str) -> np.ndarray:
    """Where position ``i`` (outside ``range(n)``) reads from, as scipy.ndimage extends."""
    if boundary == "wrap":
        return i % n
    if boundary == "nearest":
        return np.clip(i, 0, n - 1)
    if boundary == "reflect":  # d c b a | a b c d | d c b a, period 2n
        j = i % (2 * n)
        return np.where(j < n, j, 2 * n - 1 - j)
    if n == 1:  # mirror of one entry
        return np.zeros_like(i)
    j = i % (2 * n - 2)  # mirror: d c b | a b c d | c b a, period 2n - 2
    return np.where(j < n, j, 2 * n - 2 - j)


def _pad_axis(x: Any, ax: int, depth: int, boundary: str, fillvalue: Any) -> Any:
    """``x`` extended by ``depth`` on both sides of axis ``ax``, pads merged into edge chunks."""
    import dask.array as da

    if depth == 0:
        return x
    n = x.shape[ax]
    if boundary == "fill":
        shape = x.shape[:ax] + (depth,) + x.shape[ax + 1:]
        chunks = x.chunks[:ax] + ((depth,),) + x.chunks[ax + 1:]
        left = right = da.full(shape, fillvalue, dtype=x.dtype, chunks=chunks)
    else:
        left = da.take(x, _extension_index(np.arange(-depth, 0), n, boundary), axis=ax)
        right = da.take(x, _extension_index(np.arange(n, n + depth), n, boundary), axis=ax)
    padded = da.concatenate([left, x, right], axis=ax)
    chunks = list(x.chunks[ax])
    chunks[0] += depth
    chunks[-1] += depth
    return padded.rechunk({ax: tuple(chunks)})


def filter(image: Any, kernel: Any, boundary: str = "fill", fillvalue: Any = None, *,
           origin: Any = 0, axes: Any = None, semiring: Any = None, method: str = "auto") -> Any:
    r"""Filter a dask image with an in-memory kernel, lazily; same shape and chunks out.

    Parameters
    ----------
    image : dask.array.Array
        The image, signal or volume (any ndim >= 1), chunked any way.
    kernel : array_like
        In memory, with ``kernel.ndim == image.ndim`` (``len(axes)`` with ``axes``); centred
        as ``scipy.ndimage.convolve`` centres it (odd and even sizes), shifted by ``origin``.
    boundary : {'fill', 'wrap', 'reflect', 'mirror', 'nearest', 'constant'}
        How ``image`` is extended beyond its edges, with scipy.ndimage's meanings:
        ``fill`` (constant ``fillvalue``), ``wrap`` (periodic), ``reflect``
        (``d c b a | a b c d | d c b a``), ``mirror`` (``d c b | a b c d | c b a``),
        ``nearest`` (``a a a | a b c d | d d d``).
    fillvalue : number, optional
        The value outside ``image`` for ``boundary='fill'`` (ndimage's ``constant``);
        ``None`` is the semiring's zero (0 for the standard numbers).
    semiring : Semiring, optional, keyword-only
        As for :func:`algconv.filter`: each chunk, extended by the boundary rule (``fill``:
        the semiring's zero by default), is filtered in memory with ``semiring``.  Integer
        images under ``MaxPlus()`` / ``MinPlus()`` with a ``fill`` boundary compute in
        float64 (exact below 2**53) and give float64.
    origin, axes : keyword-only
        As for :func:`algconv.filter` (ndimage's ``origin`` and ``axes``).
    method : str, default 'auto', keyword-only
        The engine each chunk is filtered by, as for :func:`algconv.filter`.

    Returns
    -------
    dask.array.Array
        Lazy; equal to the in-memory ``ac.filter`` of ``image.compute()``, with the chunks
        of ``image``.  Integer input gives ``int64`` where the dtypes prove it safe, else
        Python ints (see :func:`result_dtype`).

    Raises
    ------
    InvalidType
        A dask ``kernel``, non-numeric dtypes, a non-numeric ``fillvalue``.
    StructureMismatch
        ``kernel.ndim != image.ndim`` (``len(axes)`` with ``axes``).
    InvalidArgument
        Unknown ``boundary``, an empty kernel, a 0-d ``image``, an ``origin`` outside the
        kernel, bad ``axes``.

    See Also
    --------
    convolve : full / same / valid convolution of a dask array.

    Notes
    -----
    .. math:: y[i] = \sum_j w[j]\, \tilde x[i + c - j], \qquad c_k = \lfloor n_k / 2 \rfloor

    where :math:`\tilde x` is the image extended by the boundary rule.  It runs
    ``dask.array.map_overlap`` with depth ``max(c_k, n_k - 1 - c_k)`` on axis ``k``: ``fill``,
    ``wrap``, ``reflect`` and ``nearest`` use dask's own ``constant``, ``periodic``,
    ``reflect`` and ``nearest`` boundaries; ``mirror`` (which dask lacks), and any rule
    whose depth exceeds the length of an axis, pad ``image`` explicitly first.  Chunks smaller
    than the depth are merged for the computation (``image`` is rechunked automatically) and
    the result is rechunked back to the chunks of ``image``.

    Examples
    --------
    >>> import dask.array as da
    >>> from algconv.daskarray import filter
    >>> x = da.from_array(np.arange(8, dtype=np.int32), chunks=3)
    >>> y = filter(x, [1, 1, 1], boundary="nearest")
    >>> y.chunks, y.compute()
    (((3, 3, 2),), array([ 1,  3,  6,  9, 12, 15, 18, 20]))
    >>> filter(x, [1, 1, 1], boundary="mirror").compute()
    array([ 2,  3,  6,  9, 12, 15, 18, 19])
    """
    import dask.array as da

    x = image
    _reject_dask_kernel(kernel, "kernel")
    if not is_dask_array(x):
        raise InvalidType(f"Got image={describe(x)}, but expected a dask.array.Array")
    _check_x(x, "image")
    S = check_semiring(semiring)
    if not S.is_standard:
        return _semiring_filter(x, kernel, boundary, fillvalue, origin, axes, S, method)
    if fillvalue is None:
        fillvalue = 0
    x, k, boolean = bool_operands(x, as_value_array(kernel, "kernel", bools=True))
    k, centres = kernel_and_centres(k, x.ndim, origin, axes)
    boundary = check_boundary(boundary)
    fillvalue = boolean_fill(fillvalue) if boolean else check_value(fillvalue, "fillvalue")
    dtype = result_dtype(x.dtype, k, (fillvalue,) if boundary == "fill" else ())
    radii = _radii(k.shape, centres)
    depth = tuple(max(lr) for lr in radii)
    if 0 in x.shape:
        return da.zeros(x.shape, dtype=bool if boolean else dtype, chunks=x.chunks)
    work = _rechunked(_working(x, dtype, fillvalue if boundary == "fill" else 0), depth)
    fill = _cast(np.array([fillvalue], dtype=object), work.dtype)[0]
    origin = tuple(c - n // 2 for n, c in zip(k.shape, centres))
    block = {"kernel": k, "origin": origin, "radii": radii, "reach": depth, "method": method}
    dtype = _probe_dtype(_filter_block, tuple(2 * d + 1 for d in depth), work.dtype, dtype,
                         **block)
    block["out_dtype"] = dtype
    source, rule = work, "none"
    if boundary != "mirror" and all(d <= n for d, n in zip(depth, x.shape)):
        rule = fill if boundary == "fill" else _DASK_BOUNDARY[boundary]  # dask's own edges
    else:  # pad explicitly, pads merged into the edge chunks, then overlap only inside
        for ax, d in enumerate(depth):
            source = _pad_axis(source, ax, d, boundary, fill)
    out = da.map_overlap(_filter_block, source, depth=depth, boundary=rule, trim=False,
                         chunks=work.chunks, dtype=dtype, meta=np.empty((0,) * x.ndim, dtype),
                         token="algconv-filter", **block)
    out = out if out.chunks == x.chunks else out.rechunk(x.chunks)
    return out > 0 if boolean else out  # Boolean semiring: exact counts, True where one


def _semiring_filter(x: Any, kernel: Any, boundary: str, fillvalue: Any, origin: Any,
                     axes: Any, S: Any, method: str) -> Any:
    """``filter`` of a dask image with values in ``S``: padded explicitly by the boundary
    rule, then each chunk with its overlap filtered in memory by ``ac.filter(semiring=S)``."""
    import dask.array as da

    k = S.check_array(kernel, "kernel")
    k, centres = kernel_and_centres(k, x.ndim, origin, axes)
    boundary = check_boundary(boundary)
    fill = S.zero if fillvalue is None else S.check(fillvalue, "fillvalue")
    if x.dtype == bool and not isinstance(S, Boolean) or x.dtype.kind not in "iufb":
        raise InvalidType(f"Got image with dtype {x.dtype}, but {S!r} takes "
                          f"{'bool' if isinstance(S, Boolean) else 'int or float'} images")
    if boundary == "fill" and not holds(x.dtype, fill):
        x = x.astype(np.float64)
    radii = _radii(k.shape, centres)
    depth = tuple(max(lr) for lr in radii)
    probe = filter_in_memory(np.zeros((1,) * x.ndim, dtype=x.dtype), np.zeros_like(k)[
        tuple(slice(0, 1) for _ in k.shape)], semiring=S)
    dtype = probe.dtype
    if 0 in x.shape:
        return da.zeros(x.shape, dtype=dtype, chunks=x.chunks)
    source = _rechunked(x, depth)
    chunks = source.chunks
    for ax, d in enumerate(depth):
        source = _pad_axis(source, ax, d, boundary, fill)
    origin = tuple(c - n // 2 for n, c in zip(k.shape, centres))
    out = da.map_overlap(_filter_block, source, depth=depth, boundary="none", trim=False,
                         chunks=chunks, dtype=dtype, meta=np.empty((0,) * x.ndim, dtype),
                         token="algconv-filter-semiring", kernel=k, origin=origin,
                         radii=radii, reach=depth, out_dtype=dtype, semiring=S, method=method)
    return out if out.chunks == x.chunks else out.rechunk(x.chunks)


# --- convolve: overlap-add ---------------------------------------------------------------------


def _full_block(block: np.ndarray, kernel: np.ndarray, method: str,
                out_dtype: np.dtype) -> np.ndarray:
    """The full in-memory convolution of one chunk (the engine choose_method picks)."""
    return _cast(np.asarray(_convolve_in_memory(block, kernel, method=method)), out_dtype)


def _overlap_add(pieces: list, regions: list, shape: tuple, dtype: np.dtype) -> np.ndarray:
    """One output chunk: the sum of the parts of neighbouring full chunk convolutions."""
    out = np.zeros(shape, dtype=dtype)  # object zeros are the Python int 0
    for piece, (src, dst) in zip(pieces, regions):
        out[dst] += piece[src]
    return out


def _overlap_add_graph(y: Any, chunks: tuple, tails: tuple, dtype: np.dtype) -> Any:
    """Sum the full chunk convolutions ``y`` into the full result, chunked as ``chunks``.

    Output chunk ``I`` covers the same offsets as input chunk ``I`` (the last one per axis
    extended by the tail); it is its own chunk's head plus the tails of the chunks just
    before it on each axis, which reach at most one chunk since every chunk >= tail.
    """
    import dask.array as da
    from dask.base import tokenize
    from dask.highlevelgraph import HighLevelGraph

    name = "algconv-overlap-add-" + tokenize(y.name, chunks)
    out_chunks = tuple(c[:-1] + (c[-1] + t,) for c, t in zip(chunks, tails))
    dsk = {}
    for index in itertools.product(*(range(len(c)) for c in chunks)):
        shape = tuple(oc[i] for oc, i in zip(out_chunks, index))
        keys, regions = [], []
        for step in itertools.product((0, 1), repeat=len(index)):
            if any(s and (i == 0 or t == 0) for s, i, t in zip(step, index, tails)):
                continue
            src, dst = [], []
            for s, i, c, t, n in zip(step, index, chunks, tails, shape):
                if s:  # the tail of the previous chunk lands at the start of this one
                    src.append(slice(c[i - 1], c[i - 1] + t))
                    dst.append(slice(0, t))
                else:
                    src.append(slice(0, n))
                    dst.append(slice(0, n))
            keys.append((y.name, *(i - s for i, s in zip(index, step))))
            regions.append((tuple(src), tuple(dst)))
        dsk[(name, *index)] = (_overlap_add, keys, regions, shape, dtype)
    graph = HighLevelGraph.from_collections(name, dsk, dependencies=[y])
    return da.Array(graph, name, out_chunks, meta=np.empty((0,) * len(chunks), dtype))


def _check_over(over: Any, ndim: int) -> None:
    if over is None:
        return
    if isinstance(over, (Integers, Lattice)):
        d = over.d if isinstance(over, Lattice) else 1
        if d != ndim:
            raise StructureMismatch(f"Got f with {ndim} dimensions, but {over!r} needs {d}")
        return
    raise InvalidArgument(
        f"Got over={describe(over)} with a dask array, but dask arrays are convolved on Z^d "
        "only (over=None); compute() the array for other structures"
    )


def _check_method(method: Any) -> str:
    return check_choice(method, "method", ("auto", *ENGINES))


def convolve(f: Any, g: Any, mode: str = "full", method: str = "auto", *,
             over: Any = None, axes: Any = None) -> Any:
    r"""Convolve a dask array with an in-memory kernel, lazily, by overlap-add.

    Parameters
    ----------
    f : dask.array.Array
        The signal, image or volume, chunked any way.
    g : array_like
        The kernel, in memory, with ``g.ndim == f.ndim``.
    mode : {'full', 'same', 'valid'}
        As in ``scipy.signal.convolve``: ``same`` keeps the shape of ``f`` (and its chunks).
    method : {'auto', 'direct', ...}
        The in-memory engine for each chunk; ``'auto'`` lets ``choose_method`` pick per chunk.
    over : None or Lattice, optional, keyword-only
        Only Z^d (``None``, ``ac.Integers()`` in 1-D, ``ac.Lattice(f.ndim)``).
    axes : int or sequence of int, optional, keyword-only
        As for :func:`algconv.convolve` (scipy.signal.fftconvolve's ``axes``): each index
        of the axes where both arrays have the same length ``n > 1`` is one lazy
        overlap-add convolution.

    Returns
    -------
    dask.array.Array
        Lazy; equal to ``ac.convolve(f.compute(), g, mode=mode)``.  Integer input gives
        ``int64`` where the dtypes prove it safe, else Python ints (see :func:`result_dtype`).
        Two bool arrays give bool (the Boolean semiring, as in memory).

    Raises
    ------
    InvalidType
        A dask ``g``, non-numeric dtypes.
    StructureMismatch
        ``g.ndim != f.ndim``, or an ``over`` of another dimension.
    InvalidArgument
        Unknown ``mode`` or ``method``, an ``over`` other than Z^d, a ``valid`` mode that
        neither array fits in.

    See Also
    --------
    filter : same-shape filtering with image boundaries.

    Notes
    -----
    .. math:: (f * g)[c] = \sum_{a + b = c} f[a]\, g[b]
              = \sum_{\text{chunks } B} (f|_B * g)[c]

    Each chunk ``B`` is convolved in full in memory; its result reaches ``len(g) - 1``
    entries past the chunk's end on every axis, and those tails are added into the next
    output chunk (overlap-add).  Chunks shorter than ``len(g) - 1`` are merged first (``f``
    is rechunked automatically), so a tail reaches one neighbour at most.

    Examples
    --------
    >>> import dask.array as da
    >>> from algconv.daskarray import convolve
    >>> x = da.from_array(np.arange(6, dtype=np.int32), chunks=2)
    >>> convolve(x, [1, 1, 1]).compute()
    array([ 0,  1,  3,  6,  9, 12,  9,  5])
    >>> convolve(x.astype(np.int64), [1, 1, 1]).dtype  # int64 input: no proof, Python ints
    dtype('O')
    >>> convolve(x, [1, 1, 1], "same").chunks
    ((2, 2, 2),)
    """
    import dask.array as da

    x = f
    if not is_dask_array(x):
        raise InvalidType(
            f"Got f={describe(x)} beside a dask array, but only the first argument may be a "
            "dask array; the kernel must be in memory"
        )
    _reject_dask_kernel(g, "g")
    _check_x(x, "f")
    k = _check_kernel(g, x, ("f", "g"))
    mode = check_choice(mode, "mode", MODES)
    method = _check_method(method)
    _check_over(over, x.ndim)
    if axes is not None:
        return along_axes(x, k, mode, check_axes(axes, x.ndim),
                          lambda a, b: convolve(a, b, "full", method))
    x, k, boolean = bool_operands(x, k)
    if boolean:  # exact counts of the pairs of Trues that meet: True where there is one
        return convolve(x, k, mode, method) > 0
    if mode == "valid":
        check_valid_shapes(x.shape, k.shape)
    dtype = result_dtype(x.dtype, k)
    if 0 in x.shape or k.size == 0:
        return da.zeros((0,) * x.ndim, dtype=dtype)
    tails = tuple(n - 1 for n in k.shape)
    work = _rechunked(_working(x, dtype), tails)
    dtype = _probe_dtype(_full_block, (1,) * x.ndim, work.dtype, dtype, kernel=k, method=method)
    full_chunks = tuple(tuple(c + t for c in cs) for cs, t in zip(work.chunks, tails))
    y = work.map_blocks(_full_block, kernel=k, method=method, out_dtype=dtype, dtype=dtype,
                        chunks=full_chunks, token="algconv-convolve-chunk",
                        meta=np.empty((0,) * x.ndim, dtype))
    full = _overlap_add_graph(y, work.chunks, tails, dtype)
    out = apply_mode(full, x.shape, k.shape, mode)
    if mode == "same" and out.chunks != x.chunks:
        out = out.rechunk(x.chunks)
    return out
