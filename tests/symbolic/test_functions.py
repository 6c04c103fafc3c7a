"""Functions whose values are sympy expressions convolve exactly through the ordinary API."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy as sp

import algconv as ac

x, y, z = sp.symbols("x y z")


def brute(f: dict, g: dict, op) -> dict:
    """sum over a.b = c of f(a) g(b), written out, zeros (after expansion) dropped."""
    out: dict = {}
    for (a, u), (b, v) in itertools.product(f.items(), g.items()):
        c = op(a, b)
        out[c] = out.get(c, 0) + u * v
    return {c: v for c, v in out.items() if sp.expand(v) != 0}


def same(d1: dict, d2: dict) -> bool:
    return d1.keys() == d2.keys() and all(sp.expand(d1[k] - d2[k]) == 0 for k in d1)


@pytest.mark.parametrize("over, f, g, op", [
    (ac.Integers(), {0: x, 1: y, 3: sp.Rational(1, 3)}, {-1: 1, 2: x * y}, lambda a, b: a + b),
    (ac.Naturals(), {0: x, 2: sp.sqrt(2)}, {1: y, 2: -x}, lambda a, b: a + b),
    (ac.Cyclic(4), {0: x, 3: y}, {1: z, 3: x**2}, lambda a, b: (a + b) % 4),
    (ac.Lattice(2), {(0, 0): x, (1, -1): y}, {(0, 1): z, (1, 0): 2},
     lambda a, b: (a[0] + b[0], a[1] + b[1])),
    (ac.BooleanGroup(2), {1: x, 2: y}, {3: z, 1: x}, lambda a, b: a ^ b),
])
def test_function_product_is_the_defining_sum(over, f, g, op):
    h = ac.Function(f, over=over) * ac.Function(g, over=over)
    assert same(h.to_dict(), brute(f, g, op))


def test_noncommutative_group_keeps_order():
    S3 = ac.SymmetricGroup(3)
    a, b = (1, 0, 2), (0, 2, 1)
    f, g = {a: x, b: y}, {a: z, b: 1}
    h1 = (ac.Function(f, over=S3) * ac.Function(g, over=S3)).to_dict()
    h2 = (ac.Function(g, over=S3) * ac.Function(f, over=S3)).to_dict()
    assert same(h1, brute(f, g, S3.op)) and same(h2, brute(g, f, S3.op))
    assert not same(h1, h2)


def test_power_and_symbolic_cancellation():
    f = ac.Function({0: x + 1, 1: -(x + 1)}, over=ac.Integers())
    g = ac.Function({0: x**2 + 2 * x + 1, 1: (x + 1) ** 2}, over=ac.Integers())
    h = f * g
    assert h.support == frozenset({0, 2})  # (x+1)^3 - (x+1)(x^2+2x+1) is 0
    assert h == ac.Function({0: (x + 1) ** 3, 2: -(x + 1) ** 3}, over=ac.Integers())
    assert h != ac.Function({0: (x + 1) ** 3, 2: (x + 1) ** 3}, over=ac.Integers())
    cube = ac.Function({0: x, 1: y}, over=ac.Integers()) ** 3
    assert same(cube.to_dict(), {0: x**3, 1: 3 * x**2 * y, 2: 3 * x * y**2, 3: y**3})


def test_object_arrays_match_numpy_on_substitution():
    f = np.array([x, 1, sp.Rational(2, 3)], dtype=object)
    g = np.array([y, x * y], dtype=object)
    full = ac.convolve(f, g)
    expected = [sum(f[i] * g[k - i] for i in range(3) if 0 <= k - i < 2) for k in range(4)]
    assert all(sp.expand(a - b) == 0 for a, b in zip(full, expected))
    assert list(ac.convolve(f, g, mode="valid")) == list(full[1:3])
    assert len(ac.convolve(f, g, mode="same")) == 3
    values = {x: sp.Rational(3, 7), y: -2}
    numeric = np.convolve([float(v.subs(values)) if isinstance(v, sp.Basic) else float(v)
                           for v in f], [float(v.subs(values)) for v in g])
    assert np.allclose([float(sp.sympify(v).subs(values)) for v in full], numeric)


def test_object_arrays_2d_and_cyclic_and_correlate():
    a = np.array([[x, 1], [2, y]], dtype=object)
    k = np.array([[1, y]], dtype=object)
    h = ac.convolve(a, k)
    assert h.shape == (2, 3) and sp.expand(h[0, 1] - (x * y + 1)) == 0 and h[1, 2] == y**2
    c = ac.convolve(np.array([x, 1, 2], dtype=object), np.array([1, y, 3], dtype=object),
                    over=ac.Cyclic(3))
    assert [sp.expand(v) for v in c] == [x + 2 * y + 3, x * y + 7, 3 * x + y + 2]
    r = ac.correlate(np.array([x, y], dtype=object), np.array([1, sp.I], dtype=object))
    # (f (*) g)(c) = sum_a f(a + c) conj(g(a)), as scipy.signal.correlate
    assert [sp.expand(v) for v in r] == [-sp.I * x, x - sp.I * y, y]


def test_exact_rationals_stay_exact_with_symbols():
    h = ac.convolve([1, 2], [sp.Rational(1, 2), x])
    assert list(h) == [sp.Rational(1, 2), x + 1, 2 * x]
    assert all(isinstance(v, (int, sp.Basic)) for v in h)


def test_symbolic_engine_agrees_with_function_api_on_finite_support():
    n = sp.Symbol("n", integer=True)
    die = sp.Piecewise((sp.Rational(1, 6), (n >= 1) & (n <= 6)), (0, True))
    closed = ac.symbolic.convolve(die, die, n, over=ac.Integers())
    d = ac.Function({k: sp.Rational(1, 6) for k in range(1, 7)}, over=ac.Integers())
    two = (d * d).to_dict()
    assert all(closed.subs(n, k) == two.get(k, 0) for k in range(-2, 16))
