"""``algconv closed-form --over R2|R3|R>0|T:PERIOD``: the new structures from the command line."""

from __future__ import annotations

import re

import mpmath
import pytest
import sympy as sp

from algconv.cli import main


def run(capsys, *argv):
    # a generous budget: a loaded machine must not turn a closed form into "no closed form"
    code = main(["closed-form", *argv, "--timeout", "240"])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_r2_translation(capsys):
    code, out, err = run(capsys, "exp(-x**2 - y**2)", "DiracDelta(x - 1)*DiracDelta(y)",
                         "--over", "R2")
    assert code == 0 and err == ""
    x, y = sp.symbols("x y", real=True)
    h = sp.sympify(out, locals={"x": x, "y": y})
    for p in [(0.3, -0.2), (1.7, 0.4)]:
        assert float(h.subs({x: p[0], y: p[1]})) == pytest.approx(
            mpmath.exp(-(p[0] - 1) ** 2 - p[1] ** 2))


def test_mellin_exponentials(capsys):
    code, out, _ = run(capsys, "exp(-t)", "exp(-t)", "--over", "R>0")
    assert code == 0
    t = sp.Symbol("t", positive=True)
    h = sp.sympify(out, locals={"t": t})
    for x0 in (0.5, 2.0):  # int_0^oo exp(-x/y) exp(-y) dy / y by mpmath
        want = mpmath.quad(lambda u: mpmath.exp(-x0 / u - u) / u, [0, 1, mpmath.inf])
        assert float(h.subs(t, x0)) == pytest.approx(float(want), rel=1e-8)


def test_circle_with_a_period(capsys):
    code, out, _ = run(capsys, "cos(t)", "cos(t)", "--over", "T:2*pi")
    assert code == 0
    t = sp.Symbol("t", real=True)
    assert sp.simplify(sp.sympify(out, locals={"t": t}) - sp.pi * sp.cos(t)) == 0


def test_r3_names_its_variables(capsys):
    code, out, _ = run(capsys, "exp(-u**2-v**2-w**2)", "DiracDelta(u)*DiracDelta(v)*DiracDelta(w-1)",
                       "--over", "R3", "--var", "u,v,w")
    assert code == 0 and set(out) >= {"u", "v", "w"}


@pytest.mark.parametrize("argv, message", [
    (["--over", "Q"], r"only valid values are .*'R>0' and 'T:PERIOD'"),
    (["--over", "T:a"], r"the period must be a number"),
    (["--over", "T:-1"], r"Got period=-1"),
    (["--over", "R2", "--var", "x"], r"Reals\(2\) needs 2 variable name"),
    (["--over", "R0"], r"only valid values"),
])
def test_bad_over(capsys, argv, message):
    code, _, err = run(capsys, "x", "x", *argv)
    assert code == 2
    assert re.search(message, err), err
