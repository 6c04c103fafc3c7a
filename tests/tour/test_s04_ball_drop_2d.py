import numpy as np
import scipy.signal

from algconv.tour import s04_ball_drop_2d as s


def test_against_scipy_and_moments():
    r = s.ball_drop_2d()
    truth = scipy.signal.convolve2d(s.first_drop(), s.second_drop())
    np.testing.assert_allclose(r["h"], truth, atol=1e-15)
    np.testing.assert_allclose(r["totals"], (1, 1, 1), rtol=1e-15)
    # binomial(12) has variance 3, binomial(4) variance 1; variances of sums add
    np.testing.assert_allclose(r["spread_f"], (3, 1))
    np.testing.assert_allclose(r["spread_g"], (3, 3))
    np.testing.assert_allclose(r["spread"], (6, 4))
    iy, ix = np.unravel_index(np.argmax(truth), truth.shape)
    assert r["mode"] == (ix - 12, iy - 12) == (0, 0)
    assert r["peak"] == truth.max()


def test_run(ctx):
    s.run(ctx)
    truth = scipy.signal.convolve2d(s.first_drop(), s.second_drop())
    assert f"(x, y) = (0, 0) with probability {truth.max():.5f}" in ctx.text
    assert "in x: 3.0000 + 3.0000 = 6.0000; in y: 1.0000 + 3.0000 = 4.0000" in ctx.text
    assert "totals of f, g, f * g: 1.000000, 1.000000, 1.000000" in ctx.text
