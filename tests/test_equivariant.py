"""p4 / p4m layers: equivariance to 1e-10 on random inputs, against an independent loop."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

import algconv as ac
from algconv.equivariant import (
    GroupConv,
    LiftingConv,
    group_convolution,
    lifting_convolution,
    transform_image,
)

ROT = {"axes": (-2, -1)}


def rotate(out):  # spatial rotation of every map
    return np.rot90(out, 1, **ROT)


@pytest.mark.parametrize("mode,size,k", [("valid", 9, 3), ("same", 8, 3), ("valid", 7, 4),
                                         ("same", 7, 5)])
def test_p4_lifting_and_group_convolution_are_rotation_equivariant(mode, size, k):
    rng = np.random.default_rng(0)
    image = rng.normal(size=(2, size, size))
    lift = rng.normal(size=(3, 2, k, k))
    gfilt = rng.normal(size=(2, 3, 4, k, k))
    out = group_convolution(lifting_convolution(image, lift, mode=mode), gfilt, mode=mode)
    image_r = rotate(image)
    lifted_r = lifting_convolution(image_r, lift, mode=mode)
    expected_lift = np.roll(rotate(lifting_convolution(image, lift, mode=mode)), 1, axis=1)
    np.testing.assert_allclose(lifted_r, expected_lift, atol=1e-10)
    out_r = group_convolution(lifted_r, gfilt, mode=mode)
    np.testing.assert_allclose(out_r, np.roll(rotate(out), 1, axis=1), atol=1e-10)
    # four rotations come back to the start
    np.testing.assert_allclose(np.roll(out, 4, axis=1), out)


@pytest.mark.parametrize("mode", ["valid", "same"])
def test_p4m_layers_are_equivariant_to_rotations_and_flips(mode):
    rng = np.random.default_rng(1)
    image = rng.normal(size=(1, 9, 9))
    lift = rng.normal(size=(2, 1, 3, 3))
    gfilt = rng.normal(size=(2, 2, 8, 3, 3))

    def net(x):
        return group_convolution(lifting_convolution(x, lift, "p4m", mode), gfilt, "p4m", mode)

    out = net(image).reshape(2, 2, 4, *net(image).shape[-2:])  # (o, m, r, y, x)
    # rotation: out'[m, r] = R out[m, r - 1]
    rot = net(rotate(image)).reshape(out.shape)
    np.testing.assert_allclose(rot, np.roll(rotate(out), 1, axis=2), atol=1e-10)
    # flip: out'[m, r] = F out[1 - m, -r]
    flip = net(np.flip(image, -1)).reshape(out.shape)
    expected = np.flip(out, -1)[:, ::-1][:, :, (-np.arange(4)) % 4]
    np.testing.assert_allclose(flip, expected, atol=1e-10)


def test_lifting_matches_a_direct_loop():
    rng = np.random.default_rng(2)
    image, psi = rng.normal(size=(2, 6, 6)), rng.normal(size=(1, 2, 3, 3))
    out = lifting_convolution(image, psi, "p4m")
    for h, (m, r) in enumerate([(m, r) for m in range(2) for r in range(4)]):
        w = np.rot90(np.flip(psi[0], -1) if m else psi[0], r, axes=(1, 2))
        for i in range(4):
            for j in range(4):
                assert out[0, h, i, j] == pytest.approx((image[:, i:i + 3, j:j + 3] * w).sum())


def test_group_convolution_matches_a_direct_loop_on_p4():
    rng = np.random.default_rng(3)
    f, psi = rng.normal(size=(1, 4, 5, 5)), rng.normal(size=(1, 1, 4, 2, 2))
    out = group_convolution(f, psi)
    for r in range(4):
        for i in range(4):
            for j in range(4):
                total = sum((f[0, s, i:i + 2, j:j + 2]
                             * np.rot90(psi[0, 0, (s - r) % 4], r)).sum() for s in range(4))
                assert out[0, r, i, j] == pytest.approx(total)


def test_exact_values_stay_exact():
    image = np.array([[1, 2], [3, 4]])
    out = lifting_convolution(image, [[1, 0], [0, 0]])
    assert out.dtype == np.int64 and out[0, :, 0, 0].tolist() == [1, 3, 4, 2]
    frac = lifting_convolution([[Fraction(1, 2)]], [[Fraction(1, 3)]])
    assert frac[0, 0, 0, 0] == Fraction(1, 6)
    big = lifting_convolution([[2**62]], [[4]])
    assert big[0, 0, 0, 0] == 2**64


def test_layers():
    layer = LiftingConv(1, 2, kernel_size=3, seed=0)
    assert layer.weights.shape == (2, 1, 3, 3)
    out = layer(np.ones((1, 5, 5)))
    assert out.shape == (2, 4, 5, 5)
    g = GroupConv(2, 1, kernel_size=3, group="p4", seed=0)
    assert g(out).shape == (1, 4, 5, 5)
    assert "GroupConv(2, 1" in repr(g)


def test_transform_image_is_the_group_action():
    x = np.arange(9).reshape(3, 3)
    np.testing.assert_array_equal(transform_image(x, 0, 1), np.rot90(x))
    np.testing.assert_array_equal(transform_image(x, 1, 1), np.rot90(np.flip(x, -1)))


def test_bad_arguments():
    img = np.zeros((1, 5, 5))
    with pytest.raises(ac.InvalidArgument, match="group"):
        lifting_convolution(img, np.zeros((1, 1, 3, 3)), group="p6")
    with pytest.raises(ac.InvalidArgument, match="mode"):
        lifting_convolution(img, np.zeros((1, 1, 3, 3)), mode="full")
    with pytest.raises(ac.InvalidArgument, match="even kernel"):
        lifting_convolution(img, np.zeros((1, 1, 2, 2)), mode="same")
    with pytest.raises(ac.StructureMismatch, match="square kernels"):
        lifting_convolution(img, np.zeros((1, 1, 3, 2)))
    with pytest.raises(ac.StructureMismatch, match="input channels"):
        lifting_convolution(img, np.zeros((1, 2, 3, 3)))
    with pytest.raises(ac.StructureMismatch, match="at least as large"):
        lifting_convolution(np.zeros((2, 2)), np.zeros((3, 3)))
    with pytest.raises(ac.StructureMismatch, match="group axis"):
        group_convolution(np.zeros((1, 8, 5, 5)), np.zeros((1, 1, 4, 3, 3)))
    with pytest.raises(ac.StructureMismatch, match="dimensions"):
        group_convolution(img, np.zeros((1, 1, 4, 3, 3)))
    with pytest.raises(ac.InvalidType, match="numbers"):
        lifting_convolution("image", np.zeros((3, 3)))
    with pytest.raises(ac.InvalidType):
        LiftingConv("1", 2)
