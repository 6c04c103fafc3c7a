"""How a law is checked: on every tuple of a small finite structure, else by hypothesis."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st

from .. import strategies
from ..errors import MethodNotApplicable
from ..function import Function
from ..structures.base import Monoid
from ._report import LawResult

__all__ = ["EXHAUSTIVE_ORDER", "DENSE_ORDER", "DENSE_LATTICE_DIM", "DEFAULT_MAX_EXAMPLES",
           "Context", "outcome", "sampled", "counterexample", "exhaustive", "first_failure",
           "element_law", "law_result", "op_table", "first_hit"]

#: finite structures up to this order have their axioms checked on every pair / triple
EXHAUSTIVE_ORDER = 60
#: finite structures up to this order also get dense (full-vector) Functions in samples
DENSE_ORDER = 12
#: lattices Z^d up to this d also get dense Functions (a 3 x ... x 3 box: 3**d values)
DENSE_LATTICE_DIM = 3
#: hypothesis examples per sampled law unless ``max_examples`` says otherwise
DEFAULT_MAX_EXAMPLES = 50

class _Failure(Exception):
    def __init__(self, witness: tuple, detail: str):
        super().__init__(detail)
        self.witness, self.detail = witness, detail


@dataclass
class Context:
    M: Monoid
    engine: str
    max_examples: int
    values: Any
    cache: dict = field(default_factory=dict)
    semiring: Any = None  # None: the standard numbers

    @property
    def exhaustive(self) -> bool:
        return bool(self.M.is_finite and self.M.order <= EXHAUSTIVE_ORDER)

    def elements(self) -> tuple:
        return self.M.elements()

    def functions(self, values: Any = None) -> st.SearchStrategy:
        """Sparse Functions, and dense ones where the structure has a dense layout."""
        values = self.values if values is None else values
        key = ("functions", id(values))
        f = self.cache.get(key)
        if f is None:
            S = self.semiring
            sparse = strategies.functions(self.M, values, max_support=4, semiring=S)
            layout = self.M.dense_layout
            dense_ok = layout == "offset" or (
                layout == "lattice" and getattr(self.M, "d", 1) <= DENSE_LATTICE_DIM) or (
                layout == "finite" and self.M.order <= DENSE_ORDER)
            f = st.one_of(sparse, strategies.functions(self.M, values, 3, dense=True,
                                                       semiring=S)) \
                if dense_ok else sparse
            self.cache[key] = (f, values)  # keep values alive: its id is the key
        return self.cache[key][0]

    def convolve(self, f: Function, g: Function) -> Function:
        from ..dispatch import convolve

        return convolve(f, g, method=self.engine)


def outcome(predicate: Callable[..., str | None], args: tuple) -> str | None:
    """``predicate(*args)``: ``None`` if the law holds there, else what went wrong."""
    try:
        return predicate(*args)
    except MethodNotApplicable:
        raise
    except Exception as e:  # a user's op may raise anything: that is a failed law
        return f"raised {type(e).__name__}: {e}"


def sampled(ctx: Context, strats: tuple, predicate) -> tuple | None:
    """Hypothesis search for a counterexample; ``(witness, detail)`` shrunk, or ``None``."""
    return counterexample(strats, predicate, ctx.max_examples)


def counterexample(strats: tuple, predicate, max_examples: int) -> tuple | None:
    """``(args, detail)`` for a shrunk tuple drawn from ``strats`` where ``predicate``
    fails, or ``None`` after ``max_examples`` derandomized draws."""

    @settings(max_examples=max_examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), report_multiple_bugs=False,
              verbosity=Verbosity.quiet, phases=(Phase.explicit, Phase.generate, Phase.shrink),
              print_blob=False)
    @given(st.tuples(*strats))
    def search(args):
        detail = outcome(predicate, args)
        if detail is not None:
            raise _Failure(args, detail)

    try:
        search()
    except _Failure as failure:
        return failure.witness, failure.detail
    return None


def exhaustive(ctx: Context, arity: int, predicate) -> tuple | None:
    """The first ``arity``-tuple of elements where ``predicate`` fails, with what failed."""
    return first_failure(itertools.product(ctx.elements(), repeat=arity), predicate)


def first_failure(candidates, predicate) -> tuple | None:
    """``(args, detail)`` for the first tuple of ``candidates`` where ``predicate`` fails."""
    for args in candidates:
        detail = outcome(predicate, args)
        if detail is not None:
            return args, detail
    return None


_ARITY_WORDS = {1: "elements", 2: "pairs", 3: "triples"}


def element_law(ctx: Context, name: str, arity: int, predicate) -> LawResult:
    """Check ``predicate`` on every ``arity``-tuple of elements, or on hypothesis samples."""
    if ctx.exhaustive:
        found = exhaustive(ctx, arity, predicate)
        checked = f"all {ctx.M.order ** arity} {_ARITY_WORDS[arity]}"
    else:
        found = sampled(ctx, (strategies.elements(ctx.M),) * arity, predicate)
        checked = f"{ctx.max_examples} samples"
    return law_result(name, found, checked)


def law_result(name: str, found: tuple | None, checked: str) -> LawResult:
    if found is None:
        return LawResult(name, True, None, checked)
    return LawResult(name, False, tuple(found[0]), checked, found[1])


def op_table(ctx: Context) -> np.ndarray | None:
    """The Cayley table built from ``op`` itself (``None`` if the operation is not closed)."""
    if "table" not in ctx.cache:
        els, op, table = ctx.elements(), ctx.M.op, None
        index = {x: i for i, x in enumerate(els)}
        try:
            table = np.array([[index[op(a, b)] for b in els] for a in els], dtype=np.intp)
        except Exception:
            table = None
        ctx.cache["table"] = table
    return ctx.cache["table"]


def first_hit(mask: np.ndarray) -> tuple | None:
    hits = np.argwhere(mask)
    return tuple(int(i) for i in hits[0]) if len(hits) else None
