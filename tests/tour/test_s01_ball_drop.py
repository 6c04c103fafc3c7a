from fractions import Fraction

import numpy as np

from algconv.tour import s01_ball_drop as s


def brute(f, g):
    h = {}
    for a, fa in f.items():
        for b, gb in g.items():
            h[a + b] = h.get(a + b, 0) + fa * gb
    return h


def test_both_forms_equal_brute_force():
    r = s.ball_drop()
    truth = brute(s.F, s.G)
    assert r["pairs"] == truth
    assert r["standard"] == truth
    assert sum(r["pairs"].values()) == 1


def test_against_numpy_floats():
    r = s.ball_drop()
    f = np.array([float(s.F[a]) for a in range(5)])
    g = np.array([float(s.G[b]) for b in range(4)])
    np.testing.assert_allclose([float(v) for v in r["pairs"].values()], np.convolve(f, g))


def test_ways_to_three():
    r = s.ball_drop()
    assert [(a, b) for a, b, _ in r["ways"]] == [(0, 3), (1, 2), (2, 1), (3, 0)]
    assert sum(v for *_, v in r["ways"]) == Fraction(27, 100)


def test_run_prints_and_draws(ctx):
    s.run(ctx)
    truth = brute(s.F, s.G)
    assert "= 1/100 + 1/25 + 4/25 + 3/50 = 27/100" in ctx.text
    for c, v in truth.items():
        assert f"{c:>3} {str(v):>16} {str(v):>18}" in ctx.text
    assert "both forms agree at every c: True; total probability 1" in ctx.text
    assert (ctx.out / "ball_drop.png").stat().st_size > 1000
