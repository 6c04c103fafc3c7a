"""Fast engines for the built-in semirings on dense arrays over Z, Z^d and N.

Each wraps one kernel of ``algconv._semiring_kernels`` (numpy arrays in and out, full
convolution on Z^d, exact or with a proven error bound) and applies only to its semiring on
a lattice layout with both operands dense; everything else stays with the direct and table
engines, which take every semiring.

* ``tropical``: max-plus / min-plus, one vectorised max (min) per entry of the smaller
  array, witnesses included; ``concave``: max-plus of two concave sequences (min-plus of
  two convex ones) by a merge of slopes, in linear time;
* ``boolean``, ``modular``, ``logsumexp``: their semirings' kernels.
"""

from __future__ import annotations

import numpy as np

from ..semirings import Boolean, LogSumExp, MaxPlus, MinPlus, Modular
from ..function import trusted_dense
from .base import Engine, Problem, lattice_result

__all__ = ["TropicalEngine", "ConcaveEngine", "BooleanEngine", "ModularEngine",
           "LogSumExpEngine", "SEMIRING_ENGINES"]

#: tropical_convolve: seconds per pair and per entry of the smaller operand, and per call
#: (float64 on the 2-core machine, best of 3: 1.1e-9 per pair at 1e4 x 1e4, 0.9e-9 at
#: 1e5 x 100, 2.4e-9 at 512^2 x 5^2; 43 us at 1000 x 10)
SECONDS_PER_TROPICAL_PAIR = 1.1e-9
SECONDS_PER_TROPICAL_SHIFT = 2e-6
TROPICAL_OVERHEAD = 1e-5
#: the concave merge: seconds per output entry, and per call
SECONDS_PER_LINEAR_ENTRY = 3e-8
FAST_OVERHEAD = 5e-5
#: the transform kernels, per output entry times log2 of the output length, plus a fixed
#: cost per call: boolean_convolve 0.11 s at 1e6 x 1e6 and 0.9 ms at 1e4 x 1e4,
#: modular_convolve (998244353) 0.57 s at 1e6 and 4.8 ms at 1e4, 1.5 times that for
#: 2**61 - 1; measured under a load of about 2 and halved, as the idle-measured constants
#: of the fft and exact engines they are compared with
SECONDS_PER_BOOLEAN_ENTRY = 1.3e-9
SECONDS_PER_MODULAR_ENTRY = 6.5e-9
TRANSFORM_OVERHEAD = 2.5e-4
#: logsumexp_convolve is exact-order work per pair (2.6e-9 per pair at 1e4 x 1e4 under
#: load, 1e-8 at 1e3 x 1e3: a fixed cost per entry of the shorter operand)
SECONDS_PER_LOGSUMEXP_PAIR = 1.3e-9
SECONDS_PER_LOGSUMEXP_SHIFT = 5e-6


def _dense_lattice(p: Problem) -> str | None:
    if not (p.dense and p.over.dense_layout == "lattice"):
        return ("it needs two arrays on Z, Z^d or N (a lattice layout), but "
                f"over={p.over!r}" + ("" if p.dense else " with dict-stored Functions"))
    if p.fv.array.size == 0 or p.gv.array.size == 0:
        return "it needs non-empty arrays"
    return None


class _SemiringKernelEngine(Engine):
    """An engine for one semiring (``kinds``) on dense lattice arrays, through a kernel."""

    exact = True
    keeps_nonfinite = True
    semirings = True
    kinds: tuple = ()

    def applies(self, p: Problem) -> str | None:
        S = p.semiring
        if type(S) not in self.kinds:
            names = " or ".join(f"{k.__name__}()" if k is not Modular else "Modular(m)"
                                for k in self.kinds)
            return f"it needs values in {names}, but they are in {S!r}"
        return _dense_lattice(p)

    def _full(self, p: Problem) -> np.ndarray:
        raise NotImplementedError

    def run(self, p: Problem):
        return lattice_result(self._full(p), p)


class TropicalEngine(_SemiringKernelEngine):
    """Max-plus / min-plus on dense arrays: one vectorised max per entry of the smaller.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.convolve([0, 2, 1], [0, 1], method="tropical", semiring=ac.semirings.MaxPlus())
    array([0, 2, 3, 2])
    """

    name = "tropical"
    kinds = (MaxPlus, MinPlus)
    witnesses = True
    windows = True
    summary = "max-plus / min-plus by vectorised shifts (algconv._semiring_kernels)"

    def applies(self, p: Problem) -> str | None:
        reason = super().applies(p)
        if reason is None and p.window is not None and p.semiring.zero_mask(p.gv.array).all():
            return "it needs a kernel with an entry other than the semiring's zero"
        return reason

    def cost(self, p: Problem) -> float:
        if p.window is not None:  # grey dilation / erosion: a pair per image x kernel entry
            return TROPICAL_OVERHEAD + p.size("g") * SECONDS_PER_TROPICAL_SHIFT \
                + p.pairs * SECONDS_PER_TROPICAL_PAIR
        return TROPICAL_OVERHEAD + min(p.size("f"), p.size("g")) * SECONDS_PER_TROPICAL_SHIFT \
            + p.pairs * SECONDS_PER_TROPICAL_PAIR

    def memory(self, p: Problem) -> float:
        if p.window is not None:  # the extended image, the result and a temporary
            return 3.0 * np.prod([m + n - 1 for m, n in zip(*p.shapes())]) * max(p.itemsize, 8)
        return 3.0 * p.full_size() * max(p.itemsize, 8)

    def run(self, p: Problem):
        if p.window is None:
            return super().run(p)
        from .._semiring_kernels import tropical_filter  # scipy.ndimage: on first use

        # grey dilation / erosion: scipy.ndimage where its conventions provably agree
        w, kernel = p.window, p.gv.array
        out = tropical_filter(p.fv.array, kernel, maximize=isinstance(p.semiring, MaxPlus),
                              boundary=w.boundary, fillvalue=w.fill,
                              origin=[c - k // 2 for k, c in zip(kernel.shape, w.centres)])
        return trusted_dense(out, p.over, p.fv.start, p.semiring)

    def _full(self, p: Problem) -> np.ndarray:
        from .._semiring_kernels import tropical_convolve  # scipy.ndimage: on first use

        return tropical_convolve(p.fv.array, p.gv.array,
                                         maximize=isinstance(p.semiring, MaxPlus))

    def run_witness(self, p: Problem) -> tuple:
        from .._semiring_kernels import tropical_convolve

        out, where = tropical_convolve(p.fv.array, p.gv.array,
                                               maximize=isinstance(p.semiring, MaxPlus),
                                               witness=True)
        return lattice_result(out, p), where


def _shaped(p: Problem, maximize: bool) -> str | None:
    """Why two 1-D arrays are not both concave (max-plus) / convex (min-plus), or None."""
    for name, h in (("f", p.fv.array), ("g", p.gv.array)):
        if h.ndim != 1:
            return f"it needs 1-D arrays, but {name} has {h.ndim} dimensions"
        if h.dtype.kind not in "iuf":
            return f"it needs int or float arrays, but {name} has dtype {h.dtype}"
        if h.dtype.kind == "f" and not np.isfinite(h).all():
            return f"it needs finite values, but {name} holds an infinity"
        second = np.diff(h.astype(np.float64) if h.dtype.kind == "f" else h, 2)
        bent = (second > 0) if maximize else (second < 0)
        if bent.any():
            return f"{name} is not {'concave' if maximize else 'convex'}"
    return None


class ConcaveEngine(_SemiringKernelEngine):
    """Max-plus of two concave sequences (min-plus of two convex): a merge of slopes.

    Examples
    --------
    >>> import algconv as ac
    >>> S = ac.semirings.MaxPlus()
    >>> ac.convolve([0, 3, 4], [0, 2, 3], semiring=S).tolist()
    [0, 3, 5, 6, 7]
    """

    name = "concave"
    kinds = (MaxPlus, MinPlus)
    summary = "concave max-plus / convex min-plus by a merge of slopes, linear time"

    def applies(self, p: Problem) -> str | None:
        return super().applies(p) or _shaped(p, isinstance(p.semiring, MaxPlus))

    def cost(self, p: Problem) -> float:
        return FAST_OVERHEAD + p.full_size() * SECONDS_PER_LINEAR_ENTRY

    def memory(self, p: Problem) -> float:
        return 4.0 * p.full_size() * 8

    def _full(self, p: Problem) -> np.ndarray:
        from .._semiring_kernels import concave_tropical, tropical_convolve

        maximize = isinstance(p.semiring, MaxPlus)
        out = concave_tropical(p.fv.array, p.gv.array, maximize=maximize)
        if out is None:  # not concave after all (the kernel's own test): the general path
            out = tropical_convolve(p.fv.array, p.gv.array, maximize=maximize)
        return out


def _transform_cost(p: Problem, per_entry: float) -> float:
    n = p.full_size()
    return TRANSFORM_OVERHEAD + n * max(np.log2(max(n, 2)), 1.0) * per_entry


class BooleanEngine(_SemiringKernelEngine):
    """Boolean (or, and) convolution of bool arrays by an exact count."""

    name = "boolean"
    kinds = (Boolean,)
    summary = "Boolean or-and convolution, exact (algconv._semiring_kernels)"

    def cost(self, p: Problem) -> float:
        return _transform_cost(p, SECONDS_PER_BOOLEAN_ENTRY)

    def memory(self, p: Problem) -> float:
        return 6.0 * p.full_size() * 8

    def _full(self, p: Problem) -> np.ndarray:
        from .._semiring_kernels import boolean_convolve

        return boolean_convolve(p.fv.array, p.gv.array)


class ModularEngine(_SemiringKernelEngine):
    """Convolution mod m, exact for every m >= 2."""

    name = "modular"
    kinds = (Modular,)
    summary = "products mod m, exact for every m (algconv._semiring_kernels)"

    def cost(self, p: Problem) -> float:
        bits = max(0.5 + p.semiring.m.bit_length() / 60.0, 1.0)
        return _transform_cost(p, SECONDS_PER_MODULAR_ENTRY * bits)

    def memory(self, p: Problem) -> float:
        return 12.0 * p.full_size() * 8 * max(p.semiring.m.bit_length() / 30.0, 1.0)

    def _full(self, p: Problem) -> np.ndarray:
        from .._semiring_kernels import modular_convolve

        return modular_convolve(p.fv.array, p.gv.array, p.semiring.m)


class LogSumExpEngine(_SemiringKernelEngine):
    """Log-sum-exp convolution, accurate in every entry."""

    name = "logsumexp"
    kinds = (LogSumExp,)
    summary = "log-sum-exp, accurate in every entry (algconv._semiring_kernels)"

    def cost(self, p: Problem) -> float:
        return FAST_OVERHEAD + p.pairs * SECONDS_PER_LOGSUMEXP_PAIR + min(
            p.size("f"), p.size("g")) * SECONDS_PER_LOGSUMEXP_SHIFT

    def memory(self, p: Problem) -> float:
        return 8.0 * p.full_size() * 8

    def _full(self, p: Problem) -> np.ndarray:
        from .._semiring_kernels import logsumexp_convolve

        return logsumexp_convolve(p.fv.array, p.gv.array)


#: registered after the standard engines, in this order
SEMIRING_ENGINES = (TropicalEngine, ConcaveEngine, BooleanEngine, ModularEngine,
                    LogSumExpEngine)
