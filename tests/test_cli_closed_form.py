"""``algconv closed-form``: printed results, LaTeX, no closed form, and one-line errors."""

from __future__ import annotations

import os
import re
import time

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
    (["1", "1", "--positive", "__import__"], "--positive='__import__'"),
    (["1", "1", "--var", "_t"], "--var='_t'"),
    (["1", "1", "--timeout", "inf"], "--timeout=inf"),
    (["1", "1", "--timeout", "0"], "--timeout=0.0"),
])
def test_bad_input_one_line_exit_2(capsys, argv, match):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert re.search(match, err), err


# ------------------------------------------------------- no code from strings (#13.1) ------


@pytest.mark.parametrize("formula, token", [
    ("__import__('os').system('touch x') or t", "__import__"),
    ("t.__class__", "."),
    ("(lambda: 1)()", ":"),
    ("exec('1')", "exec"),
    ("getattr(t, 'func')", "getattr"),
    ("'t'", "'t'"),
    ("[t][0]", "["),
    ("t if t else t", "if"),
    ("_t", "_t"),
    ("1_000*t", "1_000"),
    ("0x10*t", "0x10"),
    ("t; t", ";"),
    ("t(1)", "t"),  # a symbol is not a function
])
def test_formulas_are_screened_not_executed(capsys, tmp_path, monkeypatch, formula, token):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, formula, "Heaviside(t)", "--timeout", "5")
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert f"but {token!r} is not allowed in a formula" in err, err
    assert list(tmp_path.iterdir()) == []  # nothing ran: no file created


def test_the_reproduction_creates_no_file(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    res = subprocess.run([sys.executable, "-m", "algconv", "closed-form",
                          "__import__('os').system('touch x') or t", "Heaviside(t)"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and "__import__" in res.stderr
    assert not (tmp_path / "x").exists()


def _children_cpu():
    t = os.times()
    return t.children_user + t.children_system


@pytest.mark.parametrize("formula", ["10**10**10", "factorial(10**10)"])
def test_evaluating_a_formula_is_bounded(capsys, formula):
    from algconv.symbolic import budget

    start, cpu = time.monotonic(), _children_cpu()
    code, out, err = run(capsys, formula, "Heaviside(t)", "--timeout", "2")
    assert code == 2 and "evaluating it takes more than --timeout=2 CPU seconds" in err
    assert _children_cpu() - cpu < 3.5  # the 2 CPU seconds asked for, and no more
    # wall time only grows with the load of the machine, up to the stall backstop
    assert time.monotonic() - start < max(budget.MIN_WALL, 2 * budget.WALL_FACTOR) + 15


def test_names_and_functions_still_work(capsys):
    code, out, _ = run(capsys, "Piecewise((1, (t > 0) & (t < 1)), (0, True))",
                       "exp(-lambda*t)*Heaviside(t)", "--positive", "lambda")
    assert code == 0
    lam = sp.Symbol("lambda", positive=True)
    t = sp.Symbol("t", real=True)
    h = sp.sympify(out.replace("lambda", "lam"), locals={"lam": lam, "t": t})
    for x0 in (sp.Rational(1, 2), 2):  # int_0^min(x,1) e^(-lam (x - a)) da
        truth = sp.integrate(sp.exp(-lam * (x0 - sp.Symbol("a"))), (sp.Symbol("a"), 0, min(x0, 1)))
        assert sp.simplify(h.subs(t, x0) - truth) == 0
