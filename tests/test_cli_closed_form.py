"""``algconv closed-form``: printed results, LaTeX, no closed form, and one-line errors."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from algconv.cli import main


def run(capsys, *argv):
    code = main(["closed-form", *argv])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_box_box_triangle(capsys):
    box = "Heaviside(t) - Heaviside(t - 1)"
    code, out, err = run(capsys, box, box)
    assert code == 0 and err == ""
    t = sp.Symbol("t", real=True)
    h = sp.sympify(out, locals={"t": t})
    for x0, v in [(-0.5, 0), (0.25, 0.25), (1.5, 0.5), (2.5, 0)]:
        assert float(h.subs(t, x0)) == pytest.approx(v)


def test_latex(capsys):
    code, out, _ = run(capsys, "exp(-t)*Heaviside(t)", "exp(-2*t)*Heaviside(t)", "--latex")
    assert code == 0
    assert out.startswith(r"\begin{cases}") and "e^{- 2 t}" in out


def test_poisson_over_naturals_with_lambda(capsys):
    code, out, _ = run(capsys, "exp(-lambda)*lambda**n/factorial(n)",
                       "exp(-mu)*mu**n/factorial(n)", "--over", "N", "--positive", "lambda,mu")
    assert code == 0
    lam, mu = sp.symbols("lambda mu", positive=True)
    n = sp.Symbol("n", integer=True, nonnegative=True)
    h = sp.sympify(out.replace("lambda", "lam"), locals={"lam": lam, "mu": mu, "n": n})
    expected = (lam + mu) ** n * sp.exp(-lam - mu) / sp.factorial(n)
    for n0 in range(6):
        assert sp.simplify((h - expected).subs({n: n0, lam: 2, mu: 3})) == 0


def test_integers_dice(capsys):
    die = "Piecewise((Rational(1, 6), (n >= 1) & (n <= 6)), (0, True))"
    code, out, _ = run(capsys, die, die, "--over", "Z")
    assert code == 0
    n = sp.Symbol("n", integer=True)
    h = sp.sympify(out, locals={"n": n})
    assert [h.subs(n, k) for k in range(1, 14)] == [0, *[sp.Rational(min(k - 1, 13 - k), 36)
                                                          for k in range(2, 13)], 0]


def test_no_closed_form_exits_1(capsys):
    code, out, _ = run(capsys, "exp(-t**4)", "exp(-t**4)", "--timeout", "2")
    assert code == 1 and out.startswith("no verified closed form") and "Integral" in out


@pytest.mark.parametrize("argv, match", [
    (["exp(-t**", "1"], "F='exp\\(-t\\*\\*'"),
    (["1", "t < 1"], "G='t < 1', but expected an expression"),
    (["1", "1", "--over", "Q"], "--over='Q', but the only valid values are 'R', 'Z', 'N'"),
    (["1", "1", "--var", "2x"], "--var='2x'"),
    (["1", "1", "--positive", "a b"], "--positive='a b'"),
    (["1", "1", "--timeout", "0"], "--timeout=0.0"),
])
def test_bad_input_one_line_exit_2(capsys, argv, match):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert re.search(match, err), err
