import numpy as np
import scipy.stats

from algconv.tour import s09_closed_forms as s


def test_box_numeric_is_the_riemann_sum():
    t, h = s.box_numeric(0.1)
    m = 10
    truth = [min(k + 1, 2 * m - 1 - k) * 0.1 for k in range(2 * m - 1)]
    np.testing.assert_allclose(h, truth)
    np.testing.assert_allclose(t, (np.arange(2 * m - 1) + 1) * 0.1)
    np.testing.assert_allclose(h, np.maximum(0, np.minimum(t, 2 - t)), atol=1e-12)


def test_poisson_numeric_against_scipy():
    got = s.poisson_numeric(2, 3, 20)
    np.testing.assert_allclose(got, scipy.stats.poisson.pmf(np.arange(20), 5), rtol=1e-12)


def test_box_closed_form_is_triangle():
    import sympy

    x, tri = s.box_closed_form()
    for v in [-1, 0, sympy.Rational(1, 3), 1, sympy.Rational(3, 2), 2, 3]:
        truth = max(0, min(v, 2 - v))
        assert sympy.simplify(tri.subs(x, v) - truth) == 0


def test_poisson_closed_form():
    import sympy

    n, l1, l2, pois = s.poisson_closed_form()
    for k in range(6):
        truth = sympy.exp(-(l1 + l2)) * (l1 + l2) ** k / sympy.factorial(k)
        assert sympy.simplify(pois.subs(n, k) - truth) == 0


def test_run(ctx, figures):
    s.run(ctx)
    from .figures import all_integer, legend_overlaps

    fig = figures["closed_forms.png"]
    assert legend_overlaps(fig) == []
    assert all_integer(fig.axes[1].xaxis)  # n is a count
    assert f"P(5) = {scipy.stats.poisson.pmf(5, 5):.6f}" in ctx.text
    assert "box * box = Piecewise(" in ctx.text
    assert "(lambda1 + lambda2)**n" in ctx.text
    diff = float(ctx.text.split("on 199 points: max |diff| = ")[1].split()[0])
    assert diff < 1e-12
