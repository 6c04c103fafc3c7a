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
from .base import Engine, Problem, kernel_factors

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

    def _plan(self, p: Problem) -> tuple[float, list | None]:
        """(seconds, factors or None): every tap, or one pass per factor of a rank-1 kernel
        when cheaper; kept on the problem (choosing and running both ask).  The kernel is
        factorised only when such passes could win (the estimates read only the factors'
        lengths; a factorisation costs about 40 us).  Costs are for one thread: the engine
        chosen, and so the result, never depends on the number of workers (the other
        engines' costs do not count them either)."""
        plan = p.__dict__.get("_stencil_plan")
        if plan is None:
            image, kernel = p.fv.array, p.gv.array
            kind = "complex" if "c" in (image.dtype.kind, kernel.dtype.kind) else "float"
            whole = stencil_seconds(image.shape, kernel.shape, None, 1, kind)
            lengths = [np.empty(k) for k in kernel.shape]  # stand-ins: only len() is read
            passes = stencil_seconds(image.shape, kernel.shape, lengths, 1, kind)
            fs = kernel_factors(p) if passes < whole else None
            plan = p._stencil_plan = (whole, None) if fs is None else (passes, fs)
        return plan

    def cost(self, p: Problem) -> float:
        return self._plan(p)[0]

    def memory(self, p: Problem) -> float:
        return stencil_bytes(p.fv.array.shape, p.gv.array.shape, p.fv.array.dtype,
                             request_workers())

    def run(self, p: Problem) -> Function:
        w = p.window
        out = stencil_filter(p.fv.array, p.gv.array, w.centres, w.boundary, w.fill,
                             factors=self._plan(p)[1])
        return trusted_dense(out, p.over, (0,) * out.ndim, p.semiring)
