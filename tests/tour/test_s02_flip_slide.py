from math import comb

import numpy as np
import pytest
from PIL import Image

import algconv as ac
from algconv.tour import s02_flip_slide as s

from .figures import all_integer, legend_overlaps


def test_box_overlaps_are_the_triangle():
    w = s.BOX_WIDTH
    cs = range(-3, 2 * w + 3)
    got = s.overlaps(s.box(), s.box(), cs)
    assert got == {c: max(0, min(c + 1, 2 * w - 1 - c)) for c in cs}


def test_bumps_convolve_to_binomial_20():
    f, g = s.bumps()
    got = s.overlaps(f, g, range(21))
    for c in range(21):
        assert got[c] == pytest.approx(comb(20, c) / 2**20, abs=1e-15)


def test_pairs_are_every_a_plus_b_equal_c():
    f, g = np.array([1, 2, 2, 1]), s.RAMP
    for c in range(-1, len(f) + len(g)):
        brute = [(a, b, f[a] * g[b]) for a in range(len(f)) for b in range(len(g)) if a + b == c]
        assert s.pairs(f, g, c) == brute
        assert sum(v for *_, v in brute) == (np.convolve(f, g)[c] if 0 <= c < 7 else 0)


def test_flip_picture_shows_g_mirrored_then_slid():
    f, g, c = np.array([1, 2, 2, 1]), s.RAMP, 4
    fig = s.flip_picture(f, g, c)
    heights = [{round(p.get_x() + p.get_width() / 2, 6): p.get_height() for p in ax.patches
                if p.get_height()} for ax in fig.axes]
    assert heights[0] == {b: g[b] for b in range(len(g))}
    assert heights[1] == {-b: g[b] for b in range(len(g))}            # g(-a): mirrored at 0
    assert heights[2] == {c - b: g[b] for b in range(len(g))}         # g(c - a): slid to c
    texts = [t.get_text() for t in fig.axes[3].texts]
    assert texts == ["f(1)g(3)\n= 2", "f(2)g(2)\n= 4", "f(3)g(1)\n= 3"]
    assert fig.axes[3].get_title() == "4. (f * g)(4) = 2 + 4 + 3 = 9"
    assert int(np.convolve(f, g)[c]) == 9
    assert legend_overlaps(fig) == []
    assert all(all_integer(ax.xaxis) for ax in fig.axes)


def test_slide_legends_are_off_the_curves():
    for c in (0, 10, 15, 20):
        assert legend_overlaps(ac.plot.slide_still(*s.bumps(), c)) == []


def test_explanation_says_why_the_flip():
    text = s.STEP.explanation
    assert "a + b = c" in text and "read backwards" in text and "g(-a)" in text
    assert "reversed" in text and "step 6" in text


def test_run(ctx):
    s.run(ctx)
    assert "a runs up [1, 2, 3] while b = c - a runs down [3, 2, 1]" in ctx.text
    assert "f(1)g(3) + f(2)g(2) + f(3)g(1) = 2 + 4 + 3 = 9" in ctx.text
    w = s.BOX_WIDTH
    assert f"peak {w} at c = {w - 1}" in ctx.text
    assert " ".join(f"{c}:{max(0, min(c + 1, 2 * w - 1 - c))}" for c in range(-1, 2 * w)) \
        in ctx.text
    assert f"(f * g)(10) = {comb(20, 10) / 2**20:.4f}" in ctx.text
    assert f"(f * g)(15) = {comb(20, 15) / 2**20:.4f}" in ctx.text
    gif = Image.open(ctx.out / "flip_and_slide.gif")
    assert gif.n_frames > 10
    assert {o.name for o in ctx.outputs} == {"flip_explained.png", "flip_and_slide.gif",
                                            "slide_aligned.png", "slide_separating.png"}
