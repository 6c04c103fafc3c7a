r"""The fourier engine: convolution on a finite group through its irreducible representations.

``f * g = inverse_transform([F(rho) @ G(rho)])`` with ``F(rho) = sum_x f(x) rho(x)``
(``algconv.fourier``).  On ``S_n`` (and ``A_n`` through it) the transforms are Clausen's
fast algorithm, ``O(n^3 n!)`` instead of the ``(n!)^2`` terms of the direct sum, and no
Cayley table is needed; on other groups they are dense (``|G|^2`` numbers, like the table
engine).  Floating point only: exact values are left to the exact engines.
"""

from __future__ import annotations

import math

import numpy as np

from ..caches import AMORTISED_CALLS
from ..function import Function, trusted_dense
from ..structures.base import FiniteGroup
from ..structures.finite import BooleanGroup, Cyclic
from ..structures.permutations import AlternatingGroup, DihedralGroup, SymmetricGroup
from ..structures.product import Product
from .base import Engine, Problem, double_precision_only

__all__ = ["FourierEngine", "fourier_convolve"]

# Seconds, measured with benchmarks/bench_fourier.py on the shared 2-core machine (best of
# 5; e.g. S_5 0.7 ms, S_7 6 ms, S_8 38 ms, D_6 0.04 ms, order-21 table group 0.04 ms):
#: per-call overhead of a convolution through the transform
OVERHEAD = 5e-5
#: S_n fast transforms (two forward, one inverse): Python work per n^3, arithmetic per n^2 n!
SECONDS_PER_SN_LEVEL = 5e-6
SECONDS_PER_SN_TERM = 1.5e-8
#: dense transforms: per |G|^2 (S_6 as a sympy group: 0.4 ms; order 2520: 33 ms)
SECONDS_PER_DENSE_TERM = 2e-9
#: building a dense basis the first time: explicit irreps per |G|^2, numerical per |G|^3
SECONDS_PER_BASIS_ENTRY = 1e-6
SECONDS_PER_NUMERIC_TERM = 5e-9
#: abelian factors (FFT / Walsh-Hadamard): per |G| log2 |G|
SECONDS_PER_FFT_TERM = 2e-8
#: largest group the numerical decomposition is attempted on (order 2520 takes ~20 s)
NUMERIC_MAX_ORDER = 3000


def _factor_cost(group: FiniteGroup) -> tuple[float, float]:
    """``(fixed, per_batch)`` seconds of two transforms and one inverse on ``group``; on a
    product, the factor transforms run on batches of ``|G| / |factor|`` functions."""
    n = group.order
    t = type(group)
    if t in (SymmetricGroup, AlternatingGroup):
        k = group.degree
        return SECONDS_PER_SN_LEVEL * k**3, SECONDS_PER_SN_TERM * k * k * math.factorial(k)
    if t in (Cyclic, BooleanGroup):
        return 0.0, SECONDS_PER_FFT_TERM * n * max(1.0, math.log2(n))
    if isinstance(group, Product):
        parts = [_factor_cost(f) for f in group.factors]
        return (sum(fixed for fixed, _ in parts),
                sum(per * (n // f.order) for (_, per), f in zip(parts, group.factors)))
    build = SECONDS_PER_BASIS_ENTRY * n * n if t is DihedralGroup else (
        SECONDS_PER_NUMERIC_TERM * float(n) ** 3)
    return build / AMORTISED_CALLS, SECONDS_PER_DENSE_TERM * n * n  # built once, kept


def _numeric_order(group: FiniteGroup) -> int:
    """The order of the largest factor that needs a numerical (dense, non-family) basis."""
    if isinstance(group, Product):
        return max(_numeric_order(f) for f in group.factors)
    known = (SymmetricGroup, AlternatingGroup, Cyclic, BooleanGroup, DihedralGroup)
    return 0 if type(group) in known else group.order


def _not_a_group(group: FiniteGroup) -> str | None:
    """Why ``group``'s Cayley table is not a group's (``None`` if it is), checked once.

    Permutation groups, cyclic and Boolean groups and validated tables are groups by
    construction (a product, when its factors are); a ``Monoid.from_operation`` or
    ``from_generators`` structure is only trusted, and a numerical decomposition of a
    table that is not a group's computes nonsense (NaN).
    """
    from ..structures.permutations import PermutationGroupBase
    from ..structures.tables import CayleyTableGroup, validate_group_table

    if isinstance(group, Product):
        return next(filter(None, map(_not_a_group, group.factors)), None)
    if isinstance(group, (PermutationGroupBase, CayleyTableGroup, Cyclic, BooleanGroup)):
        return None
    verdict = group.__dict__.get("_fourier_not_a_group")
    if verdict is None:
        try:
            validate_group_table(group.cayley_table())
            verdict = ""
        except Exception as e:  # a trusted user op may raise anything: not a usable group
            verdict = str(e) or type(e).__name__
        group.__dict__["_fourier_not_a_group"] = verdict
    return verdict or None


def fourier_convolve(over: FiniteGroup, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The convolution of two float/complex vectors in ``over.elements()`` order (any finite
    group; the engine itself is offered on non-abelian groups only).

    >>> fourier_convolve(ac.SymmetricGroup(2), np.array([1.0, 2.0]), np.array([0.0, 1.0]))
    array([2., 1.])
    """
    from ..fourier.bases import basis_of

    basis = basis_of(over)
    out = np.result_type(a.dtype, b.dtype)
    dtype = np.result_type(out, np.float64)
    both = np.stack([a, b]).astype(dtype)
    blocks = basis.forward(both)
    h = basis.inverse([x[:1] @ x[1:] for x in blocks])[0]
    if dtype.kind == "f" and np.iscomplexobj(h):
        h = h.real
    return np.ascontiguousarray(h, dtype=out if out.kind in "fc" else dtype)


class FourierEngine(Engine):
    """Convolution theorem on a finite group: ``(f * g)^(rho) = f^(rho) g^(rho)``.

    Examples
    --------
    >>> S3 = ac.SymmetricGroup(3)
    >>> f = ac.Function({(1, 0, 2): 1.0}, over=S3)
    >>> g = ac.Function({(0, 2, 1): 2.0}, over=S3)
    >>> h = ac.convolve(f, g, method="fourier")
    >>> h.isclose(f * g, atol=1e-12), round(float(h((2, 0, 1))), 12)
    (True, 2.0)
    """

    name = "fourier"
    exact = False
    transforms = True
    summary = "product of Fourier transforms over irreps (finite groups; fast on S_n)"

    def applies(self, p: Problem) -> str | None:
        if not isinstance(p.over, FiniteGroup):
            return f"it needs a finite group, but over={p.over!r} is not one"
        if p.over.is_commutative:
            return (f"it is for non-abelian groups, but over={p.over!r} is abelian (its "
                    "characters are the fft / transforms engines' job)")
        if p.kind not in ("int", "float", "complex"):
            return f"it needs numeric values, but they are {p.kind}"
        reason = double_precision_only(p)
        if reason is not None:
            return reason
        big = _numeric_order(p.over)
        if big > NUMERIC_MAX_ORDER:
            return (
                f"a group of order {big} without a known family of irreps needs a numerical "
                f"decomposition, attempted only up to order {NUMERIC_MAX_ORDER}"
            )
        if big and (broken := _not_a_group(p.over)) is not None:
            return f"over={p.over!r} is not a group: {broken}"
        return None

    def cost(self, p: Problem) -> float:
        return OVERHEAD + sum(_factor_cost(p.over))

    def memory(self, p: Problem) -> float:
        n = p.over.order
        group = p.over
        if type(group) in (SymmetricGroup, AlternatingGroup):
            degree = group.degree
            return 96.0 * degree * math.factorial(degree)
        if _numeric_order(group) == 0 and type(group) is not DihedralGroup:
            return 96.0 * n * max(1, int(math.log2(n)))
        return 48.0 * n * n

    def run(self, p: Problem) -> Function:
        a, _ = p.fv.dense()
        b, _ = p.gv.dense()
        return trusted_dense(fourier_convolve(p.over, a, b), p.over)
