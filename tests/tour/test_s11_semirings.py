import itertools
import math

import numpy as np
import scipy.ndimage

from algconv.tour import s11_semirings as s


def test_morphology_is_scipy_grey_dilation_and_erosion():
    img = s.sample_image()
    r = s.morphology(img)
    np.testing.assert_array_equal(r["dilation"], scipy.ndimage.grey_dilation(
        img, size=(5, 5), mode="reflect"))
    np.testing.assert_array_equal(r["erosion"], scipy.ndimage.grey_erosion(
        img, size=(5, 5), mode="reflect"))
    np.testing.assert_allclose(r["blur"], scipy.ndimage.uniform_filter(img, 5, mode="reflect"),
                               atol=1e-12)


def test_cheapest_falls_against_enumeration():
    costs, witnesses = s.cheapest_falls(12, 6)
    for k in range(1, 7):
        for d in range(1, 13):
            options = [sum(s.STEP_COSTS[x] for x in falls)
                       for falls in itertools.product(s.STEP_COSTS, repeat=k) if sum(falls) == d]
            want = min(options) if options else math.inf
            assert costs[k](d) == want
            if options:
                path = s.route(d, k, witnesses)
                assert sum(path) == d and len(path) == k
                assert sum(s.STEP_COSTS[x] for x in path) == want


def test_dice_mod_prime_is_the_exact_count_mod_p():
    for dice, total in ((1, 3), (3, 10), (100, 350)):
        modular, exact = s.dice_mod(dice, total)
        # independent count: coefficient of x^total in (x + ... + x^6)^dice
        poly = [1]
        for _ in range(dice):
            new = [0] * (len(poly) + 6)
            for i, c in enumerate(poly):
                for face in range(1, 7):
                    new[i + face] += c
            poly = new
        assert exact == poly[total] and modular == poly[total] % s.PRIME


def test_step_runs_and_saves_two_pictures(ctx, figures):
    s.STEP.run(ctx)
    assert set(figures) == {"semiring_morphology.png", "semiring_falls.png"}
    assert "cheapest: 18 in 6 falls [2, 2, 2, 2, 2, 2]" in ctx.text
    assert "equal to the exact count mod p" in ctx.text
