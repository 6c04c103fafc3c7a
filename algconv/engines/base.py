"""What every engine shares: the ``Problem`` it is handed and the ``Engine`` interface.

An engine declares where it applies (``applies`` returns ``None`` or the reason it does
not), whether it keeps exact values exact (``exact``), and estimates its ``cost`` in
seconds and its ``memory`` in bytes; ``run`` computes the *full* convolution as a
Function.  ``algconv.selection`` runs the hard guards (applicability, exactness, memory)
before comparing costs.

A filter request (``ac.filter``) is a Problem with a ``window``: the image extended past
its edges by a boundary rule, convolved with a centred kernel, the image's shape out.
Engines with ``windows`` compute it themselves; every other engine is handed the full
convolution of the extended image, whose ``valid`` part the selection loop keeps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..boundaries import padded
from ..separable import factors
from ..function import Function, View, trusted_dense, view
from ..structures.base import Monoid
from ..validation import KINDS, join_kinds

__all__ = ["Problem", "Window", "Engine", "EXACT_KINDS", "all_finite", "float_work_dtype",
           "holds_values", "kernel_factors",
           "double_precision_only", "too_many_axes", "NDARRAY_MAX_DIMS"]

#: value kinds that must never be rounded through floating point
EXACT_KINDS = frozenset({"int", "rational", "object"})
#: numpy dtype kind -> position in validation.KINDS
_NUMERIC_RANK = {"b": 0, "i": 0, "u": 0, "f": 2, "c": 3}


@dataclass(frozen=True)
class Window:
    """A filter request on a Problem: ``f`` is an image, continued past its edges by
    ``boundary`` (``fill`` outside it for ``'fill'``), ``g`` a kernel centred at index
    ``centres`` (``algconv.boundaries.kernel_and_centres``); the result has the image's
    shape, ``out[i] = sum_j g[j] E[i - j + c]`` with ``E`` the extended image.

    Examples
    --------
    >>> Window("fill", 0, (1,)).extend(np.array([1, 2, 3]), (3,))
    array([0, 1, 2, 3, 0])
    >>> Window("wrap", 0, (2,)).extend(np.array([1, 2, 3]), (3,))  # 0 before, 2 after
    array([1, 2, 3, 1, 2])
    """

    boundary: str
    fill: Any
    centres: tuple

    def extend(self, image: np.ndarray, kernel_shape: tuple) -> np.ndarray:
        """``image`` extended by the boundary rule as far as a kernel of ``kernel_shape``
        reaches: its ``valid`` convolution with the kernel is the filter."""
        return padded(image, kernel_shape, self.centres, self.boundary, self.fill)


@dataclass
class Problem:
    """A convolution to evaluate: ``f * g`` over ``over`` (Functions on equal structures).

    Examples
    --------
    >>> import algconv as ac
    >>> f = ac.Function({0: 1, 1: 2}, over=ac.Integers())
    >>> p = Problem(f, f, ac.Integers())
    >>> p.kind, p.pairs
    ('int', 4)
    """

    f: Function
    g: Function
    over: Monoid
    #: whether the caller asked for witnesses (``convolve(..., witness=True)``): only
    #: engines with ``witnesses`` may run it
    witness: bool = False
    #: a filter request (``ac.filter``): the image-shaped result of ``f`` extended by a
    #: boundary rule, convolved with the centred kernel ``g``; ``None``: the full convolution
    window: Window | None = None
    #: a correlation on a finite monoid that is not a group (``ac.correlate``):
    #: ``h(c) = sum over a of f(a . c) conj(g(a))``, which no convolution gives there; only
    #: engines with ``correlates`` may run it
    correlation: bool = False

    def __post_init__(self) -> None:
        #: the read views of ``f`` and ``g`` (``algconv.function.view``), kept for the problem
        self.fv: View = view(self.f)
        self.gv: View = view(self.g)

    @property
    def semiring(self):
        """The values' algebra (both Functions have it: dispatch checks)."""
        return self.f.semiring

    @property
    def kind(self) -> str:
        """The value kind of the result: 'int', 'rational', 'float', 'complex' or 'object'."""
        kind = self.__dict__.get("_kind")  # cached by hand: cached_property locks (3.11)
        if kind is None:
            a, b = self.fv.array, self.gv.array
            ranks = _NUMERIC_RANK.get(a.dtype.kind) if a is not None else None
            other = _NUMERIC_RANK.get(b.dtype.kind) if b is not None else None
            if ranks is not None and other is not None:  # numeric arrays: no value scan
                kind = KINDS[max(ranks, other)]
            else:
                kind = join_kinds(self.fv.kind, self.gv.kind)
            self._kind = kind
        return kind

    @property
    def finite(self) -> bool:
        """Whether every value is finite (no inf, no NaN); exact kinds always are."""
        finite = self.__dict__.get("_finite")
        if finite is None:
            by = self.__dict__.get("_finite_by")  # a probe asks the problem it stands for
            finite = by() if by is not None else self.kind not in ("float", "complex") or (
                _all_finite(self.fv) and _all_finite(self.gv))
            self._finite = finite
        return finite

    @property
    def dense(self) -> bool:
        """Whether both operands are stored as arrays."""
        return self.fv.array is not None and self.gv.array is not None

    def size(self, which: str) -> int:
        """Stored entries of ``f`` or ``g`` (array size, or support size for a dict)."""
        return (self.fv if which == "f" else self.gv).size

    @property
    def pairs(self) -> int:
        """How many ``(a, b)`` pairs a direct sum visits."""
        return self.size("f") * self.size("g")

    @property
    def itemsize(self) -> int:
        """Bytes per result value (object values count as 64)."""
        return {"int": 8, "float": 8, "complex": 16}.get(self.kind, 64)

    def shapes(self) -> tuple[tuple, tuple]:
        """Shapes of the stored operands (bounding boxes for dict-stored Functions)."""
        return self.fv.shape, self.gv.shape

    def full_shape(self) -> tuple:
        """Shape of the full result on a lattice layout (both operands dense)."""
        sf, sg = self.fv.array.shape, self.gv.array.shape
        if len(sf) == 1:  # the common case, without a generator
            return (sf[0] + sg[0] - 1 if sf[0] and sg[0] else 0,)
        return tuple(m + n - 1 if m and n else 0 for m, n in zip(sf, sg))

    def full_size(self) -> int:
        """Number of entries of the full dense result on a lattice layout."""
        return math.prod(self.full_shape())


def _all_finite(v: View) -> bool:
    if v.is_dense and v.array.dtype.kind in "fc":
        return all_finite(v.array)
    values = v.array.flat if v.is_dense else v.mapping.values()
    return all(not isinstance(v, (float, complex, np.inexact)) or np.isfinite(v) for v in values)


def all_finite(array: np.ndarray) -> bool:
    """Whether a float or complex array holds no inf and no NaN.

    A finite sum proves it in one pass without a temporary (inf and NaN survive every
    sum); only a sum that is not finite (overflow, or a real inf / NaN) is checked entry
    by entry.

    >>> all_finite(np.array([1e308, 1e308])), all_finite(np.array([1.0, np.nan]))
    (True, False)
    """
    with np.errstate(over="ignore", invalid="ignore"):
        if np.isfinite(array.sum()):
            return True
    return bool(np.isfinite(array).all())


def holds_values(array: np.ndarray) -> bool:
    """False for a shape-only probe (``numpy.broadcast_to`` of one value, every stride 0),
    whose values stand for unknown ones (``selection.extended_problem``): an engine may
    read its shape, never its values.

    >>> holds_values(np.zeros((3, 3))), holds_values(np.broadcast_to(0.0, (3, 3)))
    (True, False)
    """
    return array.size <= 1 or any(array.strides)


def kernel_factors(p: Problem) -> list | None:
    """The 1-D float64 factors of ``p``'s kernel ``g`` (``separable.factors``: rank 1 to a
    few ulps), or None for a complex or 1-D kernel; kept on the problem, so that the filter
    engines (``ndimage``, ``stencil``) factorise a kernel once between them.

    >>> import algconv as ac
    >>> f = trusted_dense(np.ones((3, 3)), ac.Lattice(2), (0, 0))
    >>> [x.tolist() for x in kernel_factors(Problem(f, f, ac.Lattice(2)))]
    [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]
    """
    if "_kernel_factors" not in p.__dict__:
        kernel = p.gv.array
        p._kernel_factors = None if kernel.dtype.kind == "c" or kernel.ndim < 2 else (
            factors(kernel.astype(np.float64, copy=False)))
    return p._kernel_factors


def float_work_dtype(dtype: np.dtype) -> np.dtype:
    """The dtype a float sum runs in: float16 in float32 (its result is rounded back once).

    >>> float_work_dtype(np.dtype(np.float16))
    dtype('float32')
    >>> float_work_dtype(np.dtype(np.longdouble)) == np.longdouble
    True
    """
    return np.dtype(np.float32) if dtype == np.float16 else dtype


#: the most axes a numpy array can have (numpy 2: 64, numpy 1: 32)
NDARRAY_MAX_DIMS = 64 if int(np.__version__.split(".")[0]) >= 2 else 32


def too_many_axes(ndim: int) -> str | None:
    """Why an engine that lays values out with one array axis per dimension cannot run on
    ``ndim`` dimensions (numpy's limit), or ``None``.

    >>> too_many_axes(3) is None
    True
    >>> too_many_axes(70)
    'it lays values out with one array axis per dimension, but there are 70 and numpy arrays have at most 64 axes'
    """
    if ndim > NDARRAY_MAX_DIMS:
        return (f"it lays values out with one array axis per dimension, but there are {ndim} "
                f"and numpy arrays have at most {NDARRAY_MAX_DIMS} axes")
    return None


def double_precision_only(p: Problem) -> str | None:
    """Why a transform engine in double precision must leave ``p`` to the direct sum:
    long doubles keep their precision only there (``None`` for every other dtype)."""
    for h in (p.fv, p.gv):
        if h.array is not None and h.array.dtype in (np.longdouble, np.clongdouble) and (
                np.finfo(np.longdouble).eps < np.finfo(np.float64).eps):
            return (f"it computes in double precision, but the values are "
                    f"{h.array.dtype} (the direct sum keeps their precision)")
    return None


class Engine:
    """Interface of a convolution engine; subclasses override the methods below.

    Examples
    --------
    >>> import algconv as ac
    >>> from algconv.engines import ENGINES
    >>> ENGINES["direct"].exact, ENGINES["fft"].exact
    (True, False)
    """

    #: the ``method=`` name
    name: str = ""
    #: whether int / Fraction / sympy values stay exact
    exact: bool = True
    #: whether inf and NaN come out as in the direct sum over every stored pair (``inf * 0``
    #: is NaN, and stays at the outputs that pair reaches); transforms spread them to every
    #: output, so dispatch keeps engines without it away from values that are not finite
    keeps_nonfinite: bool = False
    #: whether every value enters every output through a transform rounded to about eps
    #: times the largest value (fft, overlap-add, fourier), so that a much smaller value
    #: can leave no trace; dispatch then prefers the direct sum (``selection.absorbs``)
    transforms: bool = False
    #: one line for ``choose_method``'s explanation
    summary: str = ""
    #: a lower bound of ``cost`` on any input (the fixed per-call seconds); lets
    #: ``convolve`` skip estimating an engine that cannot beat the best found so far
    min_cost: float = 0.0
    #: whether ``applies``/``run`` handle values in any semiring (``p.semiring``); an engine
    #: without it sees only the standard numbers (and, for ``Boolean()`` and
    #: ``Modular(m)``, the exact integer problem they are an image of: see dispatch)
    semirings: bool = False
    #: whether ``run_witness`` gives witnesses (selective semirings)
    witnesses: bool = False
    #: whether ``applies``/``cost``/``memory``/``run`` take filter requests (``p.window``)
    #: themselves, ``run`` returning the image-shaped result; an engine without it is
    #: handed the full convolution of the extended image (``selection.extended_problem``)
    windows: bool = False
    #: whether ``run`` also evaluates correlation problems (``p.correlation``)
    correlates: bool = False

    def applies(self, p: Problem) -> str | None:
        """``None`` if this engine can evaluate ``p``, else why not (completes "it needs ...")."""
        return None

    def cost(self, p: Problem) -> float:
        """Estimated seconds."""
        raise NotImplementedError

    def memory(self, p: Problem) -> float:
        """Estimated peak working memory in bytes."""
        return 0.0

    def run(self, p: Problem) -> Function:
        """The full convolution ``p.f * p.g``."""
        raise NotImplementedError

    def run_witness(self, p: Problem) -> tuple:
        """``(p.f * p.g, where)`` for a selective semiring: ``where`` holds, per output, the
        flat index into ``p.f``'s array (dense operands: an array shaped as the result's,
        -1 where no pair) or ``{c: a}`` (dict operands)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<engine {self.name!r}>"


def lattice_result(array: np.ndarray, p: Problem) -> Function:
    """Wrap a full lattice convolution array with the right start (``start_f + start_g``)."""
    sf, sg = p.fv.start, p.gv.start
    start = (sf[0] + sg[0],) if len(sf) == 1 else tuple(a + b for a, b in zip(sf, sg))
    return trusted_dense(array, p.over, start, p.semiring)

