from fractions import Fraction

import pytest
from sympy.combinatorics import Permutation

import algconv as ac
from algconv.tour import StepSkipped
from algconv.tour import s08_laws as s


def sympy_op(a, b):
    return tuple((Permutation(list(a)) * Permutation(list(b))).array_form)


def test_witness_against_sympy():
    r = s.witness()
    assert r["fg"].to_dict() == {sympy_op(s.SWAP01, s.SWAP12): 1}
    assert r["gf"].to_dict() == {sympy_op(s.SWAP12, s.SWAP01): 1}
    assert r["fg"] != r["gf"]


def test_laws():
    try:
        reports = s.check_laws(max_examples=10)
    except StepSkipped as e:
        pytest.skip(str(e))
    assert reports["Z"].ok and reports["S3"].ok


def test_walk_total_variation():
    try:
        w = s.walk(3)
    except StepSkipped as e:
        pytest.skip(str(e))
    D4 = ac.DihedralGroup(4)
    p = {x: 0 for x in D4.elements()}
    p[D4.identity] = 1
    for k in range(3):  # brute force: p_{k+1}(y) = sum over x . s = y of p_k(x) step(s)
        q = {x: 0 for x in D4.elements()}
        for x, px in p.items():
            for st, ps in w["step"].to_dict().items():
                q[D4.op(x, st)] += px * ps
        p = q
        tv = sum(abs(v - Fraction(1, 8)) for v in p.values()) / 2
        assert w["tv"][k] == tv


def test_shuffles_match_bayer_diaconis():
    try:
        curve = s.shuffles()
    except StepSkipped as e:
        pytest.skip(str(e))
    published = [1.000, 1.000, 1.000, 1.000, 0.924, 0.614, 0.334, 0.167, 0.085, 0.043]
    assert [round(float(t), 3) for _, t in curve] == published


def test_run(ctx):
    s.run(ctx)
    assert f"f * g = {{{sympy_op(s.SWAP01, s.SWAP12)}: 1}}" in ctx.text
    assert "f * g == g * f: False" in ctx.text
