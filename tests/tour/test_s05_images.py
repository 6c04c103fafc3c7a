import numpy as np
import pytest
import scipy.ndimage

from algconv.tour import s05_images as s

SCIPY_MODE = {"fill": "constant", "wrap": "wrap", "reflect": "reflect", "mirror": "mirror",
              "nearest": "nearest"}


def test_gimp_kernels_are_the_documented_ones():
    assert s.GIMP_KERNELS["sharpen"].tolist() == [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]
    assert s.GIMP_KERNELS["edge detect (4 neighbours)"].tolist() == [[0, 1, 0], [1, -4, 1],
                                                                     [0, 1, 0]]
    assert s.GIMP_KERNELS["emboss"].tolist() == [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]]
    assert s.GIMP_KERNELS["edge enhance"].tolist() == [[0, 0, 0], [-1, 1, 0], [0, 0, 0]]


@pytest.mark.parametrize("kernels", [s.BLUR_AND_EDGES, s.GIMP_KERNELS])
def test_filtered_images_match_scipy(kernels):
    img = s.sample_image()
    for name, (result, mean) in s.apply(img, kernels).items():
        truth = scipy.ndimage.convolve(img, np.asarray(kernels[name], float), mode="constant")
        np.testing.assert_allclose(result, truth, atol=1e-12)
        assert mean == pytest.approx(truth.mean(), abs=1e-12)


def test_boundary_modes_match_scipy():
    img = s.sample_image()
    k = np.ones((9, 9)) / 81
    for mode, result in s.boundary_corners(img).items():
        np.testing.assert_allclose(result, scipy.ndimage.convolve(img, k, mode=SCIPY_MODE[mode]),
                                   atol=1e-12)


def test_edge_kernels_have_distinct_names():
    edges = [name for kernels in (s.BLUR_AND_EDGES, s.GIMP_KERNELS) for name in kernels
             if "edge" in name and "enhance" not in name]
    assert len(edges) == 2 and len(set(edges)) == 2
    assert s.BLUR_AND_EDGES[edges[0]].tolist() == [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]


def test_boundary_picture_shows_the_corner_and_the_differences():
    img = s.sample_image()
    modes = s.boundary_corners(img)
    fig = s.boundary_picture(img, modes)
    panels = [ax for ax in fig.axes if ax.images]
    assert len(panels) == 10
    k = np.ones((9, 9)) / 81
    for top, bottom, mode in zip(panels[:5], panels[5:], s.BOUNDARIES):
        truth = scipy.ndimage.convolve(img, k, mode=SCIPY_MODE[mode])
        reflect = scipy.ndimage.convolve(img, k, mode="reflect")
        np.testing.assert_allclose(top.images[0].get_array(), truth[-12:, :12], atol=1e-12)
        shown = bottom.images[0].get_array()
        expected = reflect if mode == "reflect" else truth - reflect
        np.testing.assert_allclose(shown, expected, atol=1e-12)
        if mode != "reflect":  # the differences are confined to the 4-pixel border band
            assert np.abs(np.asarray(shown)[4:-4, 4:-4]).max() < 1e-12
            assert np.abs(shown).max() > 1e-4
    # the crops are not all alike: fill and wrap differ from reflect in the corner
    crops = [np.asarray(ax.images[0].get_array()) for ax in panels[:5]]
    assert np.abs(crops[0] - crops[2]).max() > 0.1 and np.abs(crops[1] - crops[2]).max() > 0.05


def test_run(ctx):
    s.run(ctx)
    img = s.sample_image()
    assert f"mean {img.mean():.4f}" in ctx.text
    for kernels in (s.BLUR_AND_EDGES, s.GIMP_KERNELS):
        for name, k in kernels.items():
            mean = scipy.ndimage.convolve(img, np.asarray(k, float), mode="constant").mean()
            assert f"{name:<26} kernel sum {float(np.sum(k)):>5.2f}  mean of result {mean:.4f}" \
                in ctx.text
    k = np.ones((9, 9)) / 81
    for mode, sm in SCIPY_MODE.items():
        v = scipy.ndimage.convolve(img, k, mode=sm)[-1, 0]
        assert f"{mode:<8} {v:.4f}" in ctx.text
    assert (ctx.out / "image_blur_edges.png").exists()
    assert (ctx.out / "image_gimp_kernels.png").exists()
