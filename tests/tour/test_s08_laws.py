from fractions import Fraction

from sympy.combinatorics import Permutation

import algconv as ac
from algconv.tour import s08_laws as s


def sympy_op(a, b):
    return tuple((Permutation(list(a)) * Permutation(list(b))).array_form)


def test_witness_against_sympy():
    r = s.witness()
    assert r["fg"].to_dict() == {sympy_op(s.SWAP01, s.SWAP12): 1}
    assert r["gf"].to_dict() == {sympy_op(s.SWAP12, s.SWAP01): 1}
    assert r["fg"] != r["gf"]


def test_laws():
    reports = s.check_laws(max_examples=10)
    assert reports["Z"].ok and reports["S3"].ok


def test_walk_total_variation():
    w = s.walk(3)
    # brute force: p_{k+1}(y) = sum over x . s = y of p_k(x) step(s)
    assert list(w["tv"]) == brute_walk_tv(3)
    assert w["dists"][0].to_dict() == {x: v for x, v in w["step"].to_dict().items()}


def test_shuffles_match_bayer_diaconis():
    curve = s.shuffles()
    published = [1.000, 1.000, 1.000, 1.000, 0.924, 0.614, 0.334, 0.167, 0.085, 0.043]
    assert [round(float(t), 3) for _, t in curve] == published


def brute_walk_tv(steps):
    D4 = ac.DihedralGroup(4)
    step = {D4.identity: Fraction(1, 3), s.ROTATE: Fraction(1, 3), s.REFLECT: Fraction(1, 3)}
    p = {x: Fraction(0) for x in D4.elements()}
    p[D4.identity] = Fraction(1)
    out = []
    for _ in range(steps):
        q = {x: Fraction(0) for x in D4.elements()}
        for x, px in p.items():
            for st, ps in step.items():
                q[D4.op(x, st)] += px * ps
        p = q
        out.append(sum(abs(v - Fraction(1, 8)) for v in p.values()) / 2)
    return out


def test_run(ctx):
    s.run(ctx)
    assert f"f * g = {{{sympy_op(s.SWAP01, s.SWAP12)}: 1}}" in ctx.text
    assert f"g * f = {{{sympy_op(s.SWAP12, s.SWAP01)}: 1}}" in ctx.text
    assert "f * g == g * f: False" in ctx.text
    line = "  ".join(f"k={k}: {float(t):.4f}" for k, t in enumerate(brute_walk_tv(6), 1))
    assert line in ctx.text
    assert (ctx.out / "cayley_random_walk.png").exists()
    published = "1: 1.000  2: 1.000  3: 1.000  4: 1.000  5: 0.924  6: 0.614  7: 0.334  " \
                "8: 0.167  9: 0.085  10: 0.043"
    assert published in ctx.text
    assert (ctx.out / "seven_shuffles.png").exists()
    assert "ac.laws.check(Z): ok = True" in ctx.text
    assert "ac.laws.check(S3): ok = True" in ctx.text
