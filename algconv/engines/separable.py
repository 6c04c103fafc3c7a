"""The separable engine: a rank-1 operand on Z^d as one direct pass per axis.

When one operand is the outer product ``f_0 (x) ... (x) f_{d-1}`` of 1-D factors (a box,
a Gaussian, Sobel's kernels; found by ``algconv.separable.factors``), convolving with it
is convolving with each factor in turn along its axis: ``sum(k_i)`` shifted adds of the
other operand instead of ``prod(k_i)``.  Each pass is the direct engine's sum, so exact
values stay exact (exact operands are split only when the factorisation is exact, and
every pass widens int64 to Python ints under the same bound as the direct engine);
floats keep every product, as the direct sum does, with a rank-1 check to a few ulps.
Values that are not all finite are left to the direct sum (``inf * 0`` placements).
"""

from __future__ import annotations

import numpy as np

from .. import arith, separable
from ..function import Function
from .base import Engine, Problem, holds_values, lattice_result
from .direct import (
    DIRECT_OVERHEAD_ND,
    SECONDS_PER_OBJECT_TERM,
    SECONDS_PER_SHIFT,
    SECONDS_PER_SHIFT_TERM,
    lattice_direct,
)

__all__ = ["SeparableEngine", "SEPARABLE_MAX_SIZE"]

#: the largest operand tested for rank 1 (one outer product of its size); larger kernels
#: go to the FFT engines anyway
SEPARABLE_MAX_SIZE = 2**16


def _split(p: Problem) -> tuple[np.ndarray, list[np.ndarray]] | None:
    """``(other operand, factors)`` of the smaller operand of rank 1 (else of the larger),
    or None; cached on the Problem."""
    if "_separable" in p.__dict__:
        return p._separable
    p._separable = None
    a, b = p.fv.array, p.gv.array
    for small, big in sorted(((a, b), (b, a)), key=lambda pair: pair[0].size):
        fs = separable.factors(small) if (small.size <= SEPARABLE_MAX_SIZE
                                          and holds_values(small)) else None
        if fs is not None:
            p._separable = (big, fs)
            break
    return p._separable


class SeparableEngine(Engine):
    """One direct pass per axis with the factors of a rank-1 operand (Z^d, d >= 2).

    Examples
    --------
    >>> import algconv as ac
    >>> image = np.arange(12).reshape(3, 4)
    >>> box = np.ones((2, 2), dtype=int)
    >>> np.array_equal(ac.convolve(image, box, method="separable"),
    ...                ac.convolve(image, box, method="direct"))
    True
    """

    name = "separable"
    exact = True
    keeps_nonfinite = False
    summary = "a rank-1 operand as one direct pass per axis (Z^d, d >= 2)"
    min_cost = DIRECT_OVERHEAD_ND

    def applies(self, p: Problem) -> str | None:
        if p.over.dense_layout != "lattice" or getattr(p.over, "d", 1) < 2 or not p.dense:
            return f"it needs dense arrays on Z^d with d >= 2, but over={p.over!r}"
        if p.kind not in ("int", "float", "rational"):
            return f"it needs int, Fraction or real float values, but the values are {p.kind}"
        if _split(p) is None:
            return ("it needs one operand of rank 1 (an outer product of 1-D factors, exactly "
                    f"for exact values) of at most {SEPARABLE_MAX_SIZE} entries")
        return None

    def cost(self, p: Problem) -> float:
        big, fs = _split(p)
        a, b = p.fv.array, p.gv.array
        kind = p.kind
        objects = kind == "rational" or a.dtype.kind == "O" or b.dtype.kind == "O"
        if kind == "int" and not objects:
            bound = arith.max_abs(a) * arith.max_abs(b) * min(a.size, b.size)
            objects = bound > arith.INT64_MAX
        shape, seconds = list(big.shape), 0.0
        for ax, f in enumerate(fs):
            size = int(np.prod(shape))
            if objects:
                seconds += size * len(f) * SECONDS_PER_OBJECT_TERM
            else:
                seconds += (DIRECT_OVERHEAD_ND + len(f) * SECONDS_PER_SHIFT
                            + size * len(f) * SECONDS_PER_SHIFT_TERM)
            shape[ax] += len(f) - 1
        return seconds

    def memory(self, p: Problem) -> float:
        return 3.0 * p.full_size() * p.itemsize  # the passes' input, output and one block

    def run(self, p: Problem) -> Function:
        big, fs = _split(p)
        out = big
        for ax, f in enumerate(fs):
            shape = [1] * big.ndim
            shape[ax] = len(f)
            out = lattice_direct(out, f.reshape(shape))
        a, b = p.fv.array, p.gv.array
        if p.kind == "float":  # the dtype the direct sum gives
            out = out.astype(np.result_type(a, b), copy=False)
        return lattice_result(out, p)
