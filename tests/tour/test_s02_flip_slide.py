from math import comb

import pytest
from PIL import Image

from algconv.tour import s02_flip_slide as s


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


def test_run(ctx):
    s.run(ctx)
    w = s.BOX_WIDTH
    assert f"peak {w} at c = {w - 1}" in ctx.text
    assert " ".join(f"{c}:{max(0, min(c + 1, 2 * w - 1 - c))}" for c in range(-1, 2 * w)) \
        in ctx.text
    assert f"(f * g)(10) = {comb(20, 10) / 2**20:.4f}" in ctx.text
    assert f"(f * g)(15) = {comb(20, 15) / 2**20:.4f}" in ctx.text
    gif = Image.open(ctx.out / "flip_and_slide.gif")
    assert gif.n_frames > 10
    assert {o.name for o in ctx.outputs} == {"flip_and_slide.gif", "slide_aligned.png",
                                            "slide_separating.png"}
