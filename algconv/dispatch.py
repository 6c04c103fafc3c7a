r"""``convolve``, ``correlate`` and ``choose_method``: from arguments to the cheapest correct engine.

The public functions validate and normalise their arguments into a ``Problem`` of two
Functions on one structure and hand it to the one selection loop (``algconv.selection``),
which runs the hard guards (the engine applies, keeps exact values exact, fits the memory
limit) and then picks the lowest cost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from . import config
from ._kernels import MODES, bool_operands, check_valid_shapes, conj_array
from .engines import ENGINES
from .engines.base import Problem
from .engines.fft import lattice_fft
from .errors import InvalidArgument, InvalidType, StructureMismatch
from .function import (Function, check_same_semiring, element_of, finite_vector,
                       trusted_dense, view)
from .selection import (MethodChoice, absorbs, choose, engine_for, explain_choice, guard,
                        refusal, run_engine)
from .semirings import Boolean, Semiring, check_semiring
from .structures.base import Group, Monoid, check_structure
from .structures.numbers import Integers, Lattice
from .validation import (as_value_array, check_axes, check_choice, dask_front_end, describe,
                         is_dask_array)

__all__ = ["convolve", "correlate", "choose_method", "MethodChoice", "MODES"]


# --- normalising arguments ---------------------------------------------------------------------


@dataclass
class _Request:
    """Arguments normalised to a Problem, plus how to turn the result back into the caller's form."""

    problem: Problem
    arrays: bool
    shape_f: tuple = ()
    shape_g: tuple = ()
    out_shape: tuple | None = None
    mode: str = "full"
    empty: np.ndarray | None = None
    scalar: bool = False  # two 0-d arrays, computed as 1-element ones: the result is 0-d


def _functions_request(f: Any, g: Any, over: Any, mode: str, name: str,
                       semiring: Semiring | None = None) -> _Request:
    if not (isinstance(f, Function) and isinstance(g, Function)):
        other = g if isinstance(f, Function) else f
        raise InvalidType(
            f"Got {describe(other)} beside a Function, but {name} takes two Functions or two "
            "arrays; build one with ac.Function.from_array(...)"
        )
    if f.over != g.over:
        raise StructureMismatch(
            f"Got Functions over {f.over!r} and {g.over!r}, but they must be over equal structures"
        )
    if over is not None and check_structure(over) != f.over:
        raise StructureMismatch(f"Got over={over!r}, but the Functions are over {f.over!r}")
    check_same_semiring(f, g)
    if semiring is not None and check_semiring(semiring) != f.semiring:
        raise StructureMismatch(
            f"Got semiring={semiring!r}, but the Functions' values are in {f.semiring!r}"
        )
    if mode != "full":
        raise InvalidArgument(
            f"Got mode={mode!r} with Functions, but modes apply to arrays on Z^d; a "
            "Function convolution is always the full one"
        )
    return _Request(Problem(f, g, f.over), arrays=False)


_INTEGERS = Integers()


def _lattice_for(ndim: int) -> Monoid:
    return _INTEGERS if ndim == 1 else Lattice(ndim)


def _array_request(f: Any, g: Any, over: Any, mode: str,
                   semiring: Semiring | None = None) -> _Request:
    """Arrays to a Problem.  Two bool arrays are values of the Boolean semiring (or, and),
    exactly as with ``semiring=Boolean()``; a bool array beside numbers is 0/1, as numpy
    promotes it.  Two 0-d arrays multiply, as scipy's do: they are convolved as 1-element
    arrays and the result is a scalar."""
    a, b, S = value_arrays(f, g, semiring)
    scalar = over is None and a.ndim == b.ndim == 0
    if scalar:
        a, b = a.reshape(1), b.reshape(1)
    return replace(_numeric_request(a, b, over, mode, S), scalar=scalar)


def value_arrays(f: Any, g: Any, semiring: Any) -> tuple:
    """``(a, b, S)``: two validated value arrays and their semiring (``semiring``, or for
    ``None`` the standard numbers, ``Boolean()`` for two bool arrays)."""
    S = check_semiring(semiring)
    if not S.is_standard:
        return S.check_array(f, "f"), S.check_array(g, "g"), S
    a = as_value_array(f, "f", bools=True)
    b = as_value_array(g, "g", bools=True)
    if a.dtype == bool and b.dtype == bool:
        return a, b, BOOLEAN
    a, b, _ = bool_operands(a, b)  # a bool array beside numbers counts True as 1
    return a, b, S


BOOLEAN = Boolean()


def _numeric_request(a: np.ndarray, b: np.ndarray, over: Any, mode: str,
                     S: Semiring) -> _Request:
    if over is None or isinstance(over, Lattice):
        if over is not None and a.ndim != over.d:
            raise StructureMismatch(f"Got f with {a.ndim} dimensions, but {over!r} needs {over.d}")
        if a.ndim != b.ndim:
            raise StructureMismatch(
                f"Got f with {a.ndim} dimensions and g with {b.ndim}, but they must have the same "
                "number of dimensions"
            )
        if a.ndim == 0:
            raise InvalidArgument("Got 0-dimensional f and g, but expected arrays of ndim >= 1")
        if mode == "valid":
            check_valid_shapes(a.shape, b.shape)
        lattice = over if over is not None else _lattice_for(a.ndim)
        zero = (0,) * a.ndim
        p = Problem(trusted_dense(a, lattice, zero, S), trusted_dense(b, lattice, zero, S),
                    lattice)
        return _Request(p, True, a.shape, b.shape, mode=mode)
    over = check_structure(over)
    if mode != "full":
        raise InvalidArgument(
            f"Got mode={mode!r} with over={over!r}, but modes apply only to arrays on Z^d; "
            "convolution on a finite structure has no boundary"
        )
    if over.dense_layout == "lattice":  # Naturals: power-series coefficients from 0
        if a.ndim != 1 or b.ndim != 1:
            raise StructureMismatch(
                f"Got arrays of shapes {a.shape} and {b.shape}, but {over!r} takes 1-D "
                "coefficient arrays"
            )
        p = Problem(trusted_dense(a, over, (0,), S), trusted_dense(b, over, (0,), S), over)
        return _Request(p, True, a.shape, b.shape)
    if over.dense_layout != "finite":
        hint = ("use ac.convolve_dirichlet for arrays, or Functions"
                if over.dense_layout == "offset" else "use Functions: ac.Function(..., over=...)")
        raise InvalidArgument(
            f"Got arrays with over={over!r}, but arrays are accepted on Z^d, N and finite "
            f"structures; {hint}"
        )
    va = finite_vector(a, over, "f")
    vb = finite_vector(b, over, "g")
    if a.shape != b.shape:
        raise StructureMismatch(
            f"Got f with shape {a.shape} and g with shape {b.shape}, but they must match"
        )
    p = Problem(trusted_dense(va, over, None, S), trusted_dense(vb, over, None, S), over)
    return _Request(p, True, a.shape, b.shape, out_shape=a.shape)


#: the fast path's limit: two 1-D float64 (or complex128) arrays with at most this many
#: products, where the direct engine's cost (1.5 us + 0.34 ns a product) is below every
#: other engine's fixed cost (fft 20 us), so ``method='auto'`` picks direct anyway
SMALL_DIRECT_TERMS = 4096
_SMALL_DTYPES = (np.dtype(np.float64), np.dtype(np.complex128))


def _small_direct(f: Any, g: Any, mode: Any) -> np.ndarray | None:
    """``convolve(f, g, mode)`` for small 1-D float64 / complex128 ndarrays, or None.

    The engine ``method='auto'`` picks there (direct: ``numpy.convolve``, cropped as
    ``apply_mode`` crops), without building a Problem; everything the general path
    validates is already known here (ndarrays of one numeric dtype, ndim 1, not empty, a
    valid mode), and anything else returns None and takes that path.
    """
    if type(f) is not np.ndarray or type(g) is not np.ndarray or f.ndim != 1 or g.ndim != 1:
        return None
    if f.dtype != g.dtype or f.dtype not in _SMALL_DTYPES or type(mode) is not str:
        return None
    m, n = f.shape[0], g.shape[0]
    if not 0 < m * n <= SMALL_DIRECT_TERMS or mode not in MODES:
        return None
    with np.errstate(invalid="ignore"):
        return apply_mode(np.convolve(f, g), (m,), (n,), mode)


def _request(f: Any, g: Any, over: Any, mode: Any, name: str,
             semiring: Any = None) -> _Request:
    mode = check_choice(mode, "mode", MODES)
    if isinstance(f, Function) or isinstance(g, Function):
        return _functions_request(f, g, over, mode, name, semiring)
    return _array_request(f, g, over, mode, semiring)


def _centered(array: np.ndarray, shape: tuple) -> np.ndarray:
    start = [(m - n) // 2 for m, n in zip(array.shape, shape)]
    return array[tuple(slice(s, s + n) for s, n in zip(start, shape))]


def apply_mode(full: np.ndarray, shape_f: tuple, shape_g: tuple, mode: str) -> np.ndarray:
    """Crop a full convolution to scipy.signal.convolve's ``same`` or ``valid`` shape."""
    if mode == "full":
        return full
    if mode == "same":
        return _centered(full, shape_f)
    shape = tuple(abs(m - n) + 1 for m, n in zip(shape_f, shape_g))
    return _centered(full, shape)


def _finish(req: _Request, result: Function) -> Any:
    if not req.arrays:
        return result
    p = req.problem
    if p.over.dense_layout == "finite":
        out = result.to_array()
        out = out.reshape(req.out_shape) if req.out_shape is not None else out
    elif 0 in req.shape_f or 0 in req.shape_g:
        out = np.zeros((0,) * len(req.shape_f), dtype=view(result).dense()[0].dtype)
    else:
        out = apply_mode(view(result).dense()[0], req.shape_f, req.shape_g, req.mode)
    return out.reshape(())[()] if req.scalar else out


def _finish_witness(req: _Request, result: Function, where: Any) -> tuple:
    """``(values, where)`` in the caller's form (see ``convolve``'s ``witness``)."""
    values = _finish(req, result)
    p = req.problem
    if not req.arrays:
        return values, _witness_dict(p, result, where)
    if p.over.dense_layout == "finite":
        return values, where.reshape(req.out_shape) if req.out_shape is not None else where
    if 0 in req.shape_f or 0 in req.shape_g:
        where = np.full(values.shape, -1, dtype=np.intp)
    else:
        where = apply_mode(where, req.shape_f, req.shape_g, req.mode).copy()
        where[p.semiring.zero_mask(np.asarray(values))] = -1  # no pair contributes
    if len(req.shape_f) > 1:
        index = np.stack(np.unravel_index(np.maximum(where, 0), req.shape_f), axis=-1)
        index[where < 0] = -1
        where = index
    return values, (where.reshape(())[()] if req.scalar else where)


def _witness_dict(p: Problem, result: Function, where: Any) -> dict:
    """``{c: a}`` over the result's support, from an engine's witnesses."""
    support = result.support
    if isinstance(where, dict):
        return {c: a for c, a in where.items() if c in support}
    f = p.fv
    if f.start is None:
        elements = p.over.elements()
        return {c: elements[int(where[p.over.index(c)])] for c in support}
    _, start = view(result).dense()
    out = {}
    for c in support:
        coords = (c,) if getattr(p.over, "scalar_elements", False) else c
        i = int(where[tuple(x - s for x, s in zip(coords, start))])
        index = np.unravel_index(i, f.array.shape)
        out[c] = element_of(p.over, tuple(s + int(k) for s, k in zip(f.start, index)))
    return out


def along_axes(a: Any, b: Any, mode: str, axes: tuple, full: Any, batched: Any = None) -> Any:
    """Convolve ``a`` and ``b`` along ``axes`` and broadcast the other axes, as
    ``scipy.signal.fftconvolve(a, b, mode, axes)``; ``full(x, y)`` is the full convolution
    of two arrays on Z^k (numpy or dask arrays alike).

    As in scipy, an axis of ``axes`` where either array has length 1 is broadcast, not
    convolved, and the other axes must have equal lengths or length 1 in one array.  An
    axis where one array has length 1 is convolved with it all the same (a convolution with
    one entry is the broadcast product, of the same length); only the axes where both have
    the same length ``n > 1`` are batched: one full convolution per index on them, unless
    ``batched(a, b, conv, batch)`` returns the whole full result at once (``None``: it
    declines).  As in scipy, ``same`` then crops every axis to ``a``'s length, ``valid`` the
    convolved ones.
    """
    if 0 in a.shape or 0 in b.shape:  # empty, as scipy, before any check of the shapes
        return full(a, b)
    conv = [ax for ax in axes if a.shape[ax] != 1 and b.shape[ax] != 1]
    others = [ax for ax in range(a.ndim) if ax not in conv]
    if any(1 != a.shape[ax] != b.shape[ax] != 1 for ax in others):
        raise StructureMismatch(
            f"Got shapes {a.shape} and {b.shape} with axes={axes}, but the axes not convolved "
            "must have equal lengths or length 1 in one of the arrays"
        )
    if mode == "valid":
        check_valid_shapes(tuple(a.shape[ax] for ax in conv), tuple(b.shape[ax] for ax in conv))
    batch = [ax for ax in others if a.shape[ax] == b.shape[ax] != 1]
    out = None if not batch or batched is None else batched(a, b, conv, batch)
    if not batch:
        out = full(a, b)
    elif out is None:
        sizes = tuple(a.shape[ax] for ax in batch)
        parts = []
        for index in np.ndindex(*sizes):
            at = [slice(None)] * a.ndim
            for ax, i in zip(batch, index):
                at[ax] = i
            parts.append(full(a[tuple(at)], b[tuple(at)]))
        out = np.stack(parts).reshape(sizes + parts[0].shape)
        out = np.moveaxis(out, range(len(batch)), batch)
    if mode == "same":  # every axis, as scipy: a broadcast one too, to a's length
        return _centered(out, a.shape)
    if mode == "valid":
        keep = list(out.shape)
        for ax in conv:
            keep[ax] = abs(a.shape[ax] - b.shape[ax]) + 1
        return _centered(out, keep)
    return out


#: seconds per ``convolve`` call in the batch loop of ``along_axes`` on top of the engine's
#: own cost (validation, dispatch, the result's crop): 33 us for 256 x 16 floats, measured
#: on the 2-core project machine
BATCH_CALL_OVERHEAD = 3.3e-5


def _fft_batches(method: str) -> Any:
    """``along_axes``'s ``batched`` for in-memory arrays: every batch in one FFT along the
    convolved axes (scipy.fft's ``axes``, as scipy.signal.fftconvolve), where ``method``
    is ``'fft'``, or ``'auto'`` and one batched FFT costs less than the engine it picks for
    one batch times the batches (with ``BATCH_CALL_OVERHEAD`` each), and the whole arrays
    pass the fft engine's guards (float values, all finite, none it would absorb, the
    memory limit); otherwise ``None``, and each batch goes through ``convolve`` with its
    own guards, errors and warnings."""
    fft = ENGINES["fft"]

    def run(a: np.ndarray, b: np.ndarray, conv: list, batch: list) -> np.ndarray | None:
        if method not in ("auto", "fft") or not conv or bool in (a.dtype, b.dtype):
            return None
        first = tuple(0 if ax in batch else slice(None) for ax in range(a.ndim))
        one = _request(a[first], b[first], None, "full", "convolve").problem
        whole = _request(a, b, None, "full", "convolve").problem
        count = int(np.prod([a.shape[ax] for ax in batch]))
        if method == "auto":
            best = ENGINES[choose(one)[0]]
            if best is not fft:  # one FFT call for all batches against one call per batch
                loop = count * (best.cost(one) + BATCH_CALL_OVERHEAD)
                if (guard(fft, one) is not None
                        or fft.min_cost + count * (fft.cost(one) - fft.min_cost) >= loop):
                    return None
        if (refusal(fft, whole) is not None or absorbs(whole)
                or fft.memory(one) * count > config.memory_limit):
            return None
        return lattice_fft(a, b, axes=tuple(conv))

    return run


def _axes_operands(f: Any, g: Any, over: Any, axes: Any, semiring: Any = None) -> tuple:
    """Validated arrays for ``axes=``, which applies to arrays on Z^d only."""
    if isinstance(f, Function) or isinstance(g, Function) or not (
            over is None or isinstance(over, Lattice)):
        what = "Functions" if isinstance(f, Function) or isinstance(g, Function) else (
            f"over={over!r}")
        raise InvalidArgument(
            f"Got axes={axes!r} with {what}, but axes= applies only to arrays on Z^d "
            "(over=None or a Lattice)"
        )
    if semiring is not None and not check_semiring(semiring).is_standard:
        a, b, _ = value_arrays(f, g, semiring)
    else:
        a = as_value_array(f, "f", bools=True)
        b = as_value_array(g, "g", bools=True)
    if a.ndim != b.ndim:
        raise StructureMismatch(
            f"Got f with {a.ndim} dimensions and g with {b.ndim}, but they must have the same "
            "number of dimensions"
        )
    if over is not None and a.ndim != over.d:
        raise StructureMismatch(f"Got f with {a.ndim} dimensions, but {over!r} needs {over.d}")
    return a, b, check_axes(axes, a.ndim)


def _reject_positional_structure(mode: Any, method: Any, name: str,
                                 second: str = "method") -> None:
    """Raise ``InvalidType`` if a structure came in the ``mode`` or ``method`` position.

    Before scipy's positional order, ``over`` was the third argument; say how to write it now.
    """
    for arg, value in (("mode", mode), (second, method)):
        if isinstance(value, Monoid):
            raise InvalidType(
                f"Got {arg}={value!r}, a structure, but over= is keyword-only (the positional "
                f"order is scipy's: f, g, mode, {second}); write {name}(f, g, over={value!r})"
            )


# --- public API --------------------------------------------------------------------------------


def convolve(f: Any, g: Any, mode: str = "full", method: str = "auto", *,
             over: Monoid | None = None, axes: Any = None, semiring: Semiring | None = None,
             witness: bool = False) -> Any:
    r"""Convolve ``f`` and ``g`` over a monoid: ``(f * g)(c) = sum over a . b = c of f(a) g(b)``.

    Parameters
    ----------
    f, g : Function or array_like
        Two Functions on equal structures, or two arrays.
    mode : {'full', 'same', 'valid'}
        Arrays on Z^d only, as in ``scipy.signal.convolve``: ``same`` keeps the first
        argument's shape, ``valid`` keeps the entries that need no zero padding.
    method : {'auto', 'direct', 'fft', 'overlap-add', 'exact', 'table', ...}
        ``'auto'`` picks the cheapest correct engine (see ``choose_method``); a name forces
        that engine, or raises ``MethodNotApplicable``.
    over : Monoid, optional, keyword-only
        For arrays: ``None`` means ``Z^ndim`` (scipy.signal.convolve's conventions); a
        finite structure takes 1-D arrays of length ``over.order`` in ``elements()`` order
        (a product of cyclics also its N-D shape) and gives circular convolution on cyclics;
        ``Naturals()`` takes 1-D power-series coefficients.  For Functions it may repeat
        their structure.  The positional order ``(f, g, mode, method)`` is
        scipy.signal.convolve's, so a structure passed third or fourth is an error.
    axes : int or sequence of int, optional, keyword-only
        Arrays on Z^d only: convolve along these axes and broadcast the others, as
        ``scipy.signal.fftconvolve``'s ``axes`` (the other axes must have equal lengths or
        length 1 in one array; an axis of ``axes`` where either array has length 1 is
        broadcast too; ``mode`` crops the convolved axes only).  ``None``: every axis.
    semiring : Semiring, optional, keyword-only
        The values' algebra (``ac.semirings``): ``add`` replaces the sum and ``mul`` the
        product, ``(f * g)(c) = add over a . b = c of mul(f(a), g(b))``.  ``None``: the
        standard numbers for arrays (``Boolean()`` for two bool arrays), the Functions'
        own semiring for Functions (an explicit one must equal it).
    witness : bool, default False, keyword-only
        For a selective semiring (max, min, or), also return ``where``: for every output,
        a pair attaining it, as the index into ``f`` (an int array for 1-D arrays; for
        N-D arrays a last axis of length ``ndim``; -1 where no pair contributes, i.e.
        where the output is the semiring's zero; for finite structures the position in
        ``elements()`` order) or, for Functions, a dict ``{c: a}`` over the result's
        support.

    Returns
    -------
    Function or ndarray
        A Function for Functions, an array for arrays (``(values, where)`` with
        ``witness=True``).  Integer input gives exact integers
        (int64 where a bound proves it safe, else Python ints in an object array); Fractions
        and sympy values stay exact; floats follow numpy.  Two bool arrays are values of the
        Boolean semiring (or adds, and multiplies) and give a bool array, as in scipy and
        numpy: True where some pair of Trues meets (to count them, pass ``.astype(int)``);
        a bool array beside numbers counts True as 1.  Two 0-d inputs multiply, as in scipy:
        the result is a scalar.

    Raises
    ------
    StructureMismatch
        Operands on different structures, or shapes that do not fit ``over``.
    InvalidArgument
        Unknown ``mode`` or ``method``, a ``valid`` mode neither array fits in, ``axes``
        out of range, repeated, or given with Functions or a structure other than Z^d, or
        ``witness=True`` with a semiring that is not selective.
    InvalidType
        Non-numeric values (values outside ``semiring``), a non-structure ``over``, a
        Function beside an array, or a structure passed positionally (``over=`` is
        keyword-only).
    MethodNotApplicable
        ``method`` names an engine that cannot evaluate this input.

    See Also
    --------
    correlate, choose_method, Function

    Notes
    -----
    .. math:: (f * g)(c) = \sum_{a \cdot b = c} f(a)\, g(b)

    On a group this is :math:`\sum_a f(a)\, g(a^{-1} c)`; it is associative on every monoid
    and commutative exactly when the monoid is.  Empty arrays give an empty result, as
    ``scipy.signal.fftconvolve`` does.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.convolve([1, 2, 3], [0, 1, 0.5])
    array([0. , 1. , 2.5, 4. , 1.5])
    >>> ac.convolve([1, 2, 3], [1, 1], "same")  # scipy.signal.convolve's positional order
    array([1, 3, 5])
    >>> ac.convolve([1, 0, 1, 0], [1, 1, 0, 0], over=ac.Cyclic(4))
    array([1, 1, 1, 1])
    >>> ac.convolve([[1, 2], [3, 4]], [[1, 1]], axes=1)  # each row with its own kernel row
    array([[1, 3, 2],
           [3, 7, 4]])
    >>> ac.convolve([True, False, True], [True, True]), ac.convolve(2.0, 3.0)
    (array([ True,  True,  True,  True]), np.float64(6.0))
    >>> S3 = ac.SymmetricGroup(3)
    >>> f, g = ac.delta((1, 0, 2), over=S3), ac.delta((0, 2, 1), over=S3)
    >>> ac.convolve(f, g).to_dict()
    {(2, 0, 1): 1}
    >>> ac.convolve([0, 3, 1], [0, 1], semiring=ac.semirings.MaxPlus(), witness=True)
    (array([0, 3, 4, 2]), array([0, 1, 1, 2]))
    """
    if (over is None and axes is None and semiring is None and witness is False
            and type(method) is str and method == "auto"):  # the standard numbers only
        small = _small_direct(f, g, mode)
        if small is not None:
            return small
    _reject_positional_structure(mode, method, "convolve")
    witness = _check_witness(witness, semiring, f, g)
    if is_dask_array(f) or is_dask_array(g):  # lazy, chunked: algconv.daskarray (extra dask)
        _standard_only(semiring, witness, "a dask array")
        return dask_front_end("convolve")(f, g, over=over, method=method, mode=mode, axes=axes)
    if axes is not None:
        _standard_only(None, witness, "axes=")
        a, b, axes = _axes_operands(f, g, over, axes, semiring)
        S = None if semiring is None else check_semiring(semiring)
        return along_axes(a, b, check_choice(mode, "mode", MODES), axes,
                          lambda x, y: convolve(x, y, "full", method, semiring=S),
                          _fft_batches(method) if S is None or S.is_standard else None)
    req = _request(f, g, over, mode, "convolve", semiring)
    p = req.problem
    if witness:
        if not p.semiring.is_selective:
            raise InvalidArgument(
                f"Got witness=True with values in {p.semiring!r}, but witnesses exist only "
                "for selective semirings (add is max, min or or: MaxPlus, MinPlus, MaxTimes, "
                "Boolean)"
            )
        p = replace(p, witness=True)
        return _finish_witness(replace(req, problem=p), *engine_for(p, method).run_witness(p))
    return _finish(req, run_engine(engine_for(p, method), p))


def _check_witness(witness: Any, semiring: Any, f: Any, g: Any) -> bool:
    if not isinstance(witness, (bool, np.bool_)):
        raise InvalidType(f"Got witness={describe(witness)}, but expected a bool")
    if semiring is not None:
        check_semiring(semiring)
    return bool(witness)


def _standard_only(semiring: Any, witness: bool, what: str) -> None:
    """Raise ``InvalidArgument`` for a semiring or witnesses where only the standard numbers
    run (dask arrays in ``convolve``, witnesses with ``axes``)."""
    if witness or (semiring is not None and not check_semiring(semiring).is_standard):
        raise InvalidArgument(
            f"Got {'witness=True' if witness else f'semiring={semiring!r}'} with {what}, but "
            "that takes the standard numbers only; use in-memory arrays without axes (or "
            "ac.filter, which takes dask arrays in any semiring)"
        )


def correlate(f: Any, g: Any, mode: str = "full", method: str = "auto", *,
              over: Monoid | None = None, axes: Any = None,
              semiring: Semiring | None = None) -> Any:
    r"""Cross-correlate: ``(f (*) g)(c) = sum over a of f(a . c) conj(g(a))``.

    On arrays with ``over=None`` this equals ``scipy.signal.correlate(f, g, mode)``, with the
    same positional order.  On a group it is ``g~ * f`` with ``g~(x) = conj(g(x^-1))``; on a
    finite monoid the defining sum is evaluated through the Cayley table.

    Parameters
    ----------
    f, g, mode, method, over
        As for :func:`convolve` (``over`` is keyword-only).
    axes : int or sequence of int, optional, keyword-only
        As for :func:`convolve`: ``correlate(f, g, axes=ax)`` is
        ``convolve(f, np.flip(g.conj(), ax), axes=ax)`` (scipy.signal.correlate has no
        ``axes``; this is its correlation along those axes only).
    semiring : Semiring, optional, keyword-only
        As for :func:`convolve`: ``add over a of mul(f(a . c), g(a))``, without
        conjugation outside the standard numbers.

    Returns
    -------
    Function or ndarray

    Raises
    ------
    InvalidArgument
        On an infinite monoid that is not a group (the sum over ``a`` is unbounded).

    See Also
    --------
    convolve

    Examples
    --------
    >>> import algconv as ac
    >>> ac.correlate([1, 2, 3], [0, 1, 0.5])
    array([0.5, 2. , 3.5, 3. , 0. ])
    >>> ac.correlate([1, 2, 3], [0, 1, 0.5], "valid")
    array([3.5])
    >>> ac.correlate([[1, 2, 3], [4, 5, 6]], [[1, 0], [0, 1]], "valid", axes=-1)
    array([[1, 2],
           [5, 6]])
    >>> ac.correlate([1, 2, 3, 4], [1, 0, 0, 0], over=ac.Cyclic(4))
    array([1, 2, 3, 4])
    >>> ac.correlate([0, 5, 1], [0, 2], semiring=ac.semirings.MaxPlus())  # max of f(a + c) + g(a)
    array([2, 7, 5, 1])
    """
    _reject_positional_structure(mode, method, "correlate")
    if is_dask_array(f) or is_dask_array(g):
        _standard_only(semiring, False, "a dask array")
    if axes is not None:
        a, b, axes = _axes_operands(f, g, over, axes, semiring)
        S = None if semiring is None else check_semiring(semiring)
        standard = S is None or S.is_standard
        flipped = np.flip(b, axes)
        return along_axes(a, conj_array(flipped) if standard else flipped,
                          check_choice(mode, "mode", MODES), axes,
                          lambda x, y: convolve(x, y, "full", method, semiring=S),
                          _fft_batches(method) if standard else None)
    req = _request(f, g, over, mode, "correlate", semiring)
    p = req.problem
    S = p.semiring
    if isinstance(p.over, Group):
        if req.arrays and p.over.dense_layout == "lattice":
            b = p.gv.array[(slice(None, None, -1),) * p.gv.array.ndim]
            adj = trusted_dense(conj_array(b) if S.is_standard else b, p.over, p.gv.start, S)
            q = Problem(p.f, adj, p.over)
            return _finish(replace(req, problem=q), run_engine(engine_for(q, method), q))
        q = Problem(p.g.reflected_conjugate(), p.f, p.over)
        return _finish(replace(req, problem=q), run_engine(engine_for(q, method), q))
    if not p.over.is_finite:
        raise InvalidArgument(
            f"Got over={p.over!r}, but correlate needs a group or a finite monoid: on an "
            "infinite monoid without inverses the sum over a is unbounded"
        )
    q = replace(p, correlation=True)
    return _finish(replace(req, problem=q), run_engine(engine_for(q, method), q))


def choose_method(f: Any, g: Any, mode: str = "full", measure: bool = False, *,
                  over: Monoid | None = None, semiring: Semiring | None = None,
                  witness: bool = False) -> MethodChoice:
    """Which engine ``convolve(f, g, mode, over=over)`` would use, and why.

    Hard guards come first (the engine applies to the structure, keeps exact values
    exact, fits ``config.memory_limit``); among the engines that pass, the lowest
    estimated cost wins, or the fastest measured one with ``measure=True`` (which runs
    each candidate estimated to take at most ``MEASURE_MAX_SECONDS`` once; slower ones
    keep their estimate, so measuring a huge input never hangs).

    Parameters
    ----------
    f, g, mode, over, semiring, witness
        As for :func:`convolve` (keyword-only after ``measure``).  The positional order
        ``(f, g, mode, measure)`` is ``scipy.signal.choose_conv_method``'s.
    measure : bool, default False
        Time the applicable engines instead of estimating (those estimated to take more
        than ``MEASURE_MAX_SECONDS`` are not run).

    Returns
    -------
    MethodChoice
        ``.method`` is the engine name; ``str()`` explains every candidate.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.choose_method([1, 2, 3], [4, 5]).method
    'direct'
    >>> print(ac.choose_method([1, 2], [3, 4], over=ac.Cyclic(2)))  # doctest: +ELLIPSIS
    method=...
      direct ...
      table ...
    """
    _reject_positional_structure(mode, measure, "choose_method", second="measure")
    p = _request(f, g, over, mode, "choose_method", semiring).problem
    if _check_witness(witness, semiring, f, g):
        p = replace(p, witness=True)
    return explain_choice(p, measure=measure)
