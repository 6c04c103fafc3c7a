"""The structure axioms: closure, associativity, identity, inverses, commutativity."""

from __future__ import annotations


from ..validation import describe
from ._machinery import Context, element_law, first_hit, op_table
from ._report import LawResult

__all__ = ["closure_law", "associativity_law", "identity_law", "inverses_law",
           "commutativity_law"]


def closure_law(ctx: Context) -> LawResult:
    M = ctx.M

    def closed(a, b):
        c = M.op(a, b)
        return None if M.contains(c) else f"op{(a, b)!r} = {describe(c)} is not an element"

    return element_law(ctx, "closure", 2, closed)


def associativity_law(ctx: Context) -> LawResult:
    op = ctx.M.op

    def associative(a, b, c):
        left, right = op(op(a, b), c), op(a, op(b, c))
        return None if left == right else (
            f"(a.b).c = {describe(left)} but a.(b.c) = {describe(right)}")

    table = op_table(ctx) if ctx.exhaustive else None
    if table is None:
        return element_law(ctx, "associativity", 3, associative)
    n = len(table)
    for a in range(n):  # (a.b).c versus a.(b.c), one a at a time
        hit = first_hit(table[table[a]] != table[a][table])
        if hit is not None:
            els = ctx.elements()
            witness = (els[a], els[hit[0]], els[hit[1]])
            return LawResult("associativity", False, witness, f"all {n ** 3} triples",
                             associative(*witness))
    return LawResult("associativity", True, None, f"all {n ** 3} triples")


def identity_law(ctx: Context) -> LawResult:
    M = ctx.M
    e = M.identity
    if not M.contains(e):
        return LawResult("identity", False, (e,), "the identity",
                         f"identity={describe(e)} is not an element")

    def neutral(a):
        left, right = M.op(e, a), M.op(a, e)
        if left == a and right == a:
            return None
        return f"e.a = {describe(left)} and a.e = {describe(right)}, but a = {describe(a)}"

    return element_law(ctx, "identity", 1, neutral)


def inverses_law(ctx: Context) -> LawResult:
    M = ctx.M
    e = M.identity

    def invertible(a):
        b = M.inverse(a)
        if not M.contains(b):
            return f"inverse(a) = {describe(b)} is not an element"
        left, right = M.op(a, b), M.op(b, a)
        if left == e and right == e:
            return None
        return (f"inverse(a) = {describe(b)}, but a.inverse(a) = {describe(left)} and "
                f"inverse(a).a = {describe(right)}, not the identity {describe(e)}")

    return element_law(ctx, "inverses", 1, invertible)


def commutativity_law(ctx: Context) -> LawResult:
    op = ctx.M.op

    def commutes(a, b):
        left, right = op(a, b), op(b, a)
        return None if left == right else (
            f"is_commutative is claimed, but a.b = {describe(left)} and b.a = {describe(right)}")

    table = op_table(ctx) if ctx.exhaustive else None
    if table is None:
        return element_law(ctx, "commutativity", 2, commutes)
    n = len(table)
    hit = first_hit(table != table.T)
    if hit is None:
        return LawResult("commutativity", True, None, f"all {n ** 2} pairs")
    witness = tuple(ctx.elements()[i] for i in hit)
    return LawResult("commutativity", False, witness, f"all {n ** 2} pairs", commutes(*witness))
