"""The ``stencil`` engine: filter requests (``ac.filter``) on float and complex images by
flat shifted multiply-adds in cache-sized blocks of rows, on every core
(``algconv._stencil``).

Unlike ``scipy.ndimage`` it has no preconditions: every weight is multiplied (zeros and
tiny ones too, so ``inf * 0`` is NaN where the direct sum has it), the fill value may be
inf, NaN or complex, and the kernel may be longer than the image.  A kernel of numerical
rank 1 runs as one pass per factor when ``stencil_seconds`` estimates that cheaper.
Results are bitwise identical for every number of workers.
"""

from __future__ import annotations

import numpy as np

from .. import separable
from .._parallel import request_workers
from .._stencil import (
    IMAGE_DTYPES,
    STENCIL_OVERHEAD,
    stencil_bytes,
    stencil_filter,
    stencil_seconds,
)
from ..function import Function, trusted_dense
from ..structures.numbers import Integers, Lattice
from .base import Engine, Problem

__all__ = ["StencilEngine"]


class StencilEngine(Engine):
    """Filter requests on float / complex images by flat shifted multiply-adds.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.filter(np.array([1.0, 2.0, 3.0]), [1, 1, 1], method="stencil")
    array([3., 6., 5.])
    >>> ac.filter(np.array([1.0, np.inf]), [0.0, 1.0], method="stencil")  # 0 * inf + 1 * 1
    array([nan, inf])
    """

    name = "stencil"
    exact = False
    keeps_nonfinite = True  # every weight meets every value, as in the direct sum
    windows = True
    summary = "flat shifted multiply-adds in cache-sized row blocks, every core (filter only)"
    min_cost = STENCIL_OVERHEAD

    def applies(self, p: Problem) -> str | None:
        if p.window is None:
            return "it filters images (ac.filter), but this is a full convolution"
        if not p.semiring.is_standard:
            return f"it needs the standard numbers, but the values are in {p.semiring!r}"
        if not isinstance(p.over, (Integers, Lattice)):
            return f"it needs Integers() or Lattice(d), but over={p.over!r}"
        if not p.dense or p.fv.array.dtype not in IMAGE_DTYPES or (
                p.gv.array.dtype.kind not in "biufc"):
            return ("it sums float32/64 or complex64/128 images with numeric kernels in "
                    "double")
        return None

    def _factors(self, p: Problem) -> list | None:
        """The kernel's 1-D factors (real, 2 or more axes, rank 1), else None; kept on the
        problem (choosing and running both ask)."""
        if "_stencil_factors" not in p.__dict__:
            kernel = p.gv.array
            p._stencil_factors = None if kernel.dtype.kind == "c" or kernel.ndim < 2 else (
                separable.factors(kernel.astype(np.float64, copy=False)))
        return p._stencil_factors

    def cost(self, p: Problem) -> float:
        image, kernel = p.fv.array, p.gv.array
        kind = "complex" if image.dtype.kind == "c" or kernel.dtype.kind == "c" else "float"
        # one thread: the engine chosen, and so the result, never depends on the number of
        # workers (the other engines' costs do not count them either)
        whole = stencil_seconds(image.shape, kernel.shape, None, 1, kind)
        fs = self._factors(p) if self._passes_may_win(p, kind) else None
        if fs is None:
            return whole
        return min(whole, stencil_seconds(image.shape, kernel.shape, fs, 1, kind))

    def _passes_may_win(self, p: Problem, kind: str) -> bool:
        """Whether passes of a rank-1 kernel of this shape would be cheaper than every other
        way: only then is the kernel factorised (the estimates need only the factors'
        lengths, and a factorisation costs about 40 us)."""
        image, kernel = p.fv.array, p.gv.array
        lengths = [np.empty(k) for k in kernel.shape]  # stand-ins: only len() is read
        return (stencil_seconds(image.shape, kernel.shape, lengths, 1, kind)
                < stencil_seconds(image.shape, kernel.shape, None, 1, kind))

    def memory(self, p: Problem) -> float:
        return stencil_bytes(p.fv.array.shape, p.gv.array.shape, p.fv.array.dtype,
                             request_workers())

    def run(self, p: Problem) -> Function:
        w = p.window
        image, kernel = p.fv.array, p.gv.array
        kind = "complex" if image.dtype.kind == "c" or kernel.dtype.kind == "c" else "float"
        out = stencil_filter(image, kernel, w.centres, w.boundary, w.fill,
                             factors=self._factors(p) if self._passes_may_win(p, kind) else None)
        return trusted_dense(out, p.over, (0,) * out.ndim, p.semiring)
