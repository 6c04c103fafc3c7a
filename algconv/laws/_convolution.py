"""The convolution laws: associativity, identity, bilinearity, commutativity, and the
agreement of every applicable engine with the direct sum."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from .. import strategies
from ..engines import ENGINES
from ..engines.base import Problem
from ..engines.direct import pair_sum
from ..validation import describe
from ..function import Function, delta, trusted_dict
from ._machinery import Context, law_result, sampled
from ._report import LawResult

__all__ = ["conv_associativity_law", "conv_identity_law", "bilinearity_law",
           "conv_commutativity_law", "engine_agreement_law"]


def close(x: Any, y: Any) -> bool:
    if x == y:
        return True
    import sympy

    if isinstance(x, sympy.Basic) or isinstance(y, sympy.Basic):
        return sympy.expand(x - y) == 0
    if isinstance(x, (float, complex, np.inexact)) or isinstance(y, (float, complex, np.inexact)):
        return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
    return False


def same_functions(f: Function, g: Function) -> bool:
    if f == g:
        return True
    if f.semiring != g.semiring:
        return False
    a, b, zero = f.to_dict(), g.to_dict(), f.semiring.zero
    return all(close(a.get(k, zero), b.get(k, zero)) for k in a.keys() | b.keys())


def differ(name: str, left: Function, right: Function) -> str:
    return f"{name}: {describe(left, 120)} != {describe(right, 120)}"


def function_law(ctx: Context, name: str, arity: int, predicate) -> LawResult:
    found = sampled(ctx, (ctx.functions(),) * arity, predicate)
    return law_result(name, found, f"{ctx.max_examples} samples")


def conv_associativity_law(ctx: Context) -> LawResult:
    conv = ctx.convolve

    def associative(f, g, h):
        left, right = conv(conv(f, g), h), conv(f, conv(g, h))
        return None if same_functions(left, right) else differ("(f*g)*h != f*(g*h)", left, right)

    return function_law(ctx, "convolution-associativity", 3, associative)


def conv_identity_law(ctx: Context) -> LawResult:
    conv = ctx.convolve

    def neutral(f):
        e = delta(over=ctx.M, semiring=ctx.semiring)
        left, right = conv(e, f), conv(f, e)
        if not same_functions(left, f):
            return differ("delta*f != f", left, f)
        return None if same_functions(right, f) else differ("f*delta != f", right, f)

    return function_law(ctx, "convolution-identity", 1, neutral)


def bilinearity_law(ctx: Context) -> LawResult:
    conv = ctx.convolve

    def bilinear(f, g, h):
        if ctx.semiring is not None and not ctx.semiring.is_standard:
            return semiring_bilinear(conv, ctx.semiring, f, g, h)
        checks = (
            ("f*(g+h) != f*g + f*h", conv(f, g + h), conv(f, g) + conv(f, h)),
            ("(f+g)*h != f*h + g*h", conv(f + g, h), conv(f, h) + conv(g, h)),
            ("(3f)*g != 3(f*g)", conv(3 * f, g), 3 * conv(f, g)),
            ("f*(-2g) != -2(f*g)", conv(f, -2 * g), -2 * conv(f, g)),
        )
        for what, left, right in checks:
            if not same_functions(left, right):
                return differ(what, left, right)
        return None

    return function_law(ctx, "bilinearity", 3, bilinear)


def semiring_bilinear(conv, S, f, g, h) -> str | None:
    """Distributivity of convolution over ``+`` and scalars of ``S`` on the outside:
    ``(c f) * g = c (f * g)`` and ``f * (g c) = (f * g) c``."""
    c = SCALARS.get(type(S).__name__, S.one)
    c = S.check(c % S.m, "c") if hasattr(S, "m") else c
    checks = (
        ("f*(g+h) != f*g + f*h", conv(f, g + h), conv(f, g) + conv(f, h)),
        ("(f+g)*h != f*h + g*h", conv(f + g, h), conv(f, h) + conv(g, h)),
        (f"({c!r}f)*g != {c!r}(f*g)", conv(c * f, g), c * conv(f, g)),
        (f"f*(g{c!r}) != (f*g){c!r}", conv(f, g * c), conv(f, g) * c),
    )
    for what, left, right in checks:
        if not same_functions(left, right):
            return differ(what, left, right)
    return None


#: the scalar ``c`` of the semiring bilinearity law, per built-in semiring
SCALARS = {"MaxPlus": 3, "MinPlus": 3, "MaxTimes": 2, "Boolean": True, "LogSumExp": 0.5,
           "Modular": 3}


def conv_commutativity_law(ctx: Context) -> LawResult:
    conv = ctx.convolve

    def commutes(f, g):
        left, right = conv(f, g), conv(g, f)
        return None if same_functions(left, right) else differ("f*g != g*f", left, right)

    return function_law(ctx, "convolution-commutativity", 2, commutes)


_FLOATS = strategies.values("float")


def engine_agreement_law(ctx: Context) -> LawResult:
    from ..selection import guard, run_engine
    from ..engines.semiring_sum import pairs_semiring

    used: set = set()

    def agree(f, g):
        p = Problem(f, g, ctx.M)
        S = f.semiring
        reference = trusted_dict(pair_sum(f, g), ctx.M) if S.is_standard else (
            trusted_dict(pairs_semiring(f, g, S), ctx.M, S))
        for name, engine in ENGINES.items():
            if guard(engine, p) is not None:
                continue
            used.add(name)
            try:
                result = run_engine(engine, p)
            except Exception as e:
                return f"engine {name!r} raised {type(e).__name__}: {e}"
            if not same_functions(result, reference):
                return differ(f"engine {name!r} disagrees with the direct sum", result,
                               reference)
        return None

    pairs = st.tuples(ctx.functions(), ctx.functions())
    if ctx.values is None and ctx.semiring is None:  # also float pairs, for engines that round
        floats = ctx.functions(_FLOATS)
        pairs = st.one_of(pairs, st.tuples(floats, floats))
    found = sampled(ctx, (pairs,), lambda fg: agree(*fg))
    if found is not None:
        found = (found[0][0], found[1])
    checked = f"{ctx.max_examples} samples ({', '.join(sorted(used))})"
    return law_result("engine-agreement", found, checked)
