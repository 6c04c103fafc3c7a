from fractions import Fraction

import numpy as np

from sympy.combinatorics import Permutation

import algconv as ac
from algconv.tour import s08_laws as s

from .figures import all_integer


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


def test_d4_layout_is_two_squares_with_named_elements():
    names, pos = s.d4_layout()
    D4 = ac.DihedralGroup(4)
    assert sorted(names.values()) == sorted(["e", "r", "r²", "r³", "s", "rs", "r²s", "r³s"])
    assert set(names) == set(D4.elements())
    r, refl = s.ROTATE, s.REFLECT
    power = {0: "e", 1: "r", 2: "r²", 3: "r³"}
    x = D4.identity
    for k in range(4):  # the names, recomputed with sympy's composition
        assert names[x] == power[k]
        assert names[D4.op(x, refl)] == \
            (power[k] if k else "") + "s"
        x = D4.op(x, r)
    radius = {x: round(float(np.hypot(*p)), 6) for x, p in pos.items()}
    assert {radius[x] for x, n in names.items() if "s" not in n} == {1.0}    # outer square
    assert {radius[x] for x, n in names.items() if "s" in n} == {0.45}       # inner square
    for x in D4.elements():  # every reflect edge is a spoke: x and x . s on one ray
        y = D4.op(x, refl)
        assert abs(pos[x][0] * pos[y][1] - pos[x][1] * pos[y][0]) < 1e-12


def test_cayley_picture_names_and_legend_clear_of_nodes(ctx, figures):
    s.run(ctx)
    fig = figures["cayley_random_walk.png"]
    ax = fig.axes[0]
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == sorted(["e", "r", "r²", "r³", "s", "rs", "r²s", "r³s"])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0].startswith("rotate") and legend[1].startswith("reflect")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = ax.get_legend().get_window_extent(renderer)
    for node in ax.collections:
        for x, y in node.get_offset_transform().transform(node.get_offsets()):
            assert not (box.x0 - 20 <= x <= box.x1 + 20 and box.y0 - 20 <= y <= box.y1 + 20)
    shuffles = figures["seven_shuffles.png"].axes[0]
    assert all_integer(shuffles.xaxis)
    assert [t.get_text() for t in shuffles.texts] == [f"k = 7: {float(dict(s.shuffles())[7]):.3f}"]
    assert shuffles.texts[0].xy == (7, float(dict(s.shuffles())[7]))


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
