"""The R^2, R^3, Mellin and circle battery: every closed form against quadrature.

The cases and the checker are in ``groups_cases.py`` (shared with
``benchmarks/bench_symbolic_groups.py``).  Truth never comes from the library: scipy's ``nquad`` on R^2, a tensor Gauss-Legendre rule
on R^3 (boxes and Gaussians, split at every jump), scipy's ``quad`` of
``int_0^oo f(x/y) g(y) dy/y`` and of ``int_0^P f(y) g(x - y) dy``, and the sifting property
for point masses.  Each case is checked at several points and parameter values (equal
parameters included).
"""

from __future__ import annotations

import pytest
import sympy as sp

import algconv as ac

from .groups_cases import CASES, TIMEOUT, check

@pytest.mark.parametrize("case", [pytest.param(c, id=c.name,
                                               marks=[pytest.mark.slow] if c.slow else [])
                                  for c in CASES])
def test_battery_case_closes_and_matches_quadrature(case):
    h = ac.symbolic.convolve(case.f, case.g, case.var, over=case.over, timeout=TIMEOUT)
    assert not h.has(sp.Integral)
    check(case, h)


def test_battery_size_and_coverage():
    kinds = [type(c.over).__name__ + (str(c.over.d) if isinstance(c.over, ac.Reals) else "")
             for c in CASES]
    assert len(CASES) >= 30
    assert {k: kinds.count(k) >= 4 for k in set(kinds)} == dict.fromkeys(
        ["Reals2", "Reals3", "PositiveReals", "Circle"], True)
