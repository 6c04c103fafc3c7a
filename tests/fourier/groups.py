"""The acceptance groups of the fourier tests, built independently of algconv.fourier."""

from __future__ import annotations

import algconv as ac


def order21() -> ac.FiniteGroup:
    """The non-abelian group of order 21, Z_7 x| Z_3: (a, b)(c, d) = (a + 2^b c, b + d)."""
    els = [(a, b) for a in range(7) for b in range(3)]
    index = {x: i for i, x in enumerate(els)}

    def op(x, y):
        return ((x[0] + pow(2, x[1], 7) * y[0]) % 7, (x[1] + y[1]) % 3)

    table = [[index[op(x, y)] for y in els] for x in els]
    return ac.FiniteGroup.from_cayley_table(table, labels=els)


def acceptance() -> dict:
    """name -> group: S_5, D_6, A_4, Z_3 x S_3 and the order-21 Cayley table."""
    return {
        "S5": ac.SymmetricGroup(5),
        "D6": ac.DihedralGroup(6),
        "A4": ac.AlternatingGroup(4),
        "C3xS3": ac.product(ac.Cyclic(3), ac.SymmetricGroup(3)),
        "order21": order21(),
    }


def more() -> dict:
    """Further groups exercising every family and the corner cases."""
    from sympy.combinatorics.named_groups import AlternatingGroup, DihedralGroup

    return {
        "S1": ac.SymmetricGroup(1),
        "S2": ac.SymmetricGroup(2),
        "S4": ac.SymmetricGroup(4),
        "A1": ac.AlternatingGroup(1),
        "A2": ac.AlternatingGroup(2),
        "A3": ac.AlternatingGroup(3),
        "A5": ac.AlternatingGroup(5),
        "A6": ac.AlternatingGroup(6),
        "D1": ac.DihedralGroup(1),
        "D2": ac.DihedralGroup(2),
        "D3": ac.DihedralGroup(3),
        "D5": ac.DihedralGroup(5),
        "C1": ac.Cyclic(1),
        "C7": ac.Cyclic(7),
        "B3": ac.BooleanGroup(3),
        "C2xD3xC3": ac.product(ac.Cyclic(2), ac.DihedralGroup(3), ac.Cyclic(3)),
        "A4xB2": ac.product(ac.AlternatingGroup(4), ac.BooleanGroup(2)),
        "sympy-A4": ac.FiniteGroup.from_sympy(AlternatingGroup(4)),
        "sympy-D4": ac.FiniteGroup.from_sympy(DihedralGroup(4)),
        "generated-S3": ac.FiniteGroup.from_generators([(1, 0, 2), (0, 2, 1)],
                                                       ac.structures.compose),
    }
