from sympy import divisor_count

from algconv.tour import s10_dirichlet as s


def brute_mobius(n):
    # mu(1) = 1 and sum over d | n of mu(d) = 0 for n > 1
    mu = {1: 1}
    for k in range(2, n + 1):
        mu[k] = -sum(mu[d] for d in range(1, k) if k % d == 0)
    return mu


def test_table_against_divisor_counts_and_mobius():
    mu = brute_mobius(s.N)
    rows = s.dirichlet_table()
    assert rows == [(k, int(divisor_count(k)), mu[k], int(k == 1)) for k in range(1, s.N + 1)]


def test_run(ctx):
    s.run(ctx)
    mu = brute_mobius(s.N)
    for k in range(1, s.N + 1):
        assert f"{k:>4} {int(divisor_count(k)):>16} {mu[k]:>6} {int(k == 1):>10}" in ctx.text
    assert (ctx.out / "dirichlet.png").exists()


def test_run_cross_checks_convolve_dirichlet(ctx):
    s.run(ctx)
    counts = [int(divisor_count(k)) for k in range(1, s.N + 1)]
    assert f"= {counts}: agrees True" in ctx.text
    assert "mu from ac.inverse(1):" in ctx.text
