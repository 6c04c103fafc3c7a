r"""Step 5: image filters are 2-D convolutions with small kernels.

A 3x3 box blur averages each pixel with its neighbours; an edge detector subtracts them.  The
classic kernels of the GIMP "convolution matrix" documentation, on a procedurally drawn image,
and the boundary modes of ``ac.filter`` at the image's edge.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..filtering import filter as filter_image
from ._base import Context, Step

__all__ = ["STEP", "sample_image", "BLUR_AND_EDGES", "GIMP_KERNELS", "BOUNDARIES", "apply",
           "boundary_corners", "boundary_picture"]

BLUR_AND_EDGES = {
    "3x3 box blur": np.ones((3, 3)) / 9,
    "edges (8 neighbours)": np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]),
}

#: the 3x3 kernels of docs.gimp.org "Convolution Matrix" (GIMP 2.10 filters/generic)
GIMP_KERNELS = {
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
    "blur": np.ones((3, 3)) / 9,
    "edge enhance": np.array([[0, 0, 0], [-1, 1, 0], [0, 0, 0]]),
    "edge detect (4 neighbours)": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
    "emboss": np.array([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]]),
}

BOUNDARIES = ("fill", "wrap", "reflect", "mirror", "nearest")


def sample_image(n: int = 96) -> np.ndarray:
    """A grey test picture drawn with numpy: gradient sky, sun, house, stripes, in [0, 1].

    >>> img = sample_image(); img.shape, float(img.min()) >= 0, float(img.max()) <= 1
    ((96, 96), True, True)
    """
    y, x = np.mgrid[0:n, 0:n] / n
    img = 0.25 + 0.35 * (1 - y)                                  # sky, brighter at the top
    img[(x - 0.75) ** 2 + (y - 0.22) ** 2 < 0.012] = 0.95        # sun
    img[y > 0.72] = 0.35 + 0.25 * ((x[y > 0.72] * 10).astype(int) % 2)   # striped ground
    house = (x > 0.15) & (x < 0.5) & (y > 0.45) & (y <= 0.72)
    img[house] = 0.8
    roof = (y > 0.25) & (y <= 0.45) & (np.abs(x - 0.325) < (y - 0.25) * 0.9)
    img[roof] = 0.1
    img[(x > 0.27) & (x < 0.37) & (y > 0.58) & (y <= 0.72)] = 0.15   # door
    img[(x > 0.2) & (x < 0.26) & (y > 0.5) & (y < 0.56)] = 0.5       # window
    return img


def apply(image: np.ndarray, kernels: dict, boundary: str = "fill") -> dict:
    """``{name: (filtered image, its mean)}`` with the image edge handled as ``boundary``.

    >>> r = apply(np.ones((4, 4)), {"id": np.array([[1]])}); float(r["id"][1])
    1.0
    """
    from ..plot import filtered

    out = {}
    for name, kernel in kernels.items():
        result = filtered(image, kernel, boundary)
        out[name] = (result, float(result.mean()))
    return out


def boundary_corners(image: np.ndarray, size: int = 9) -> dict:
    """``{mode: ac.filter(image, size x size box blur, boundary=mode)}`` for every mode.

    >>> r = boundary_corners(np.ones((4, 4)), size=3)
    >>> {mode: round(float(v[0, 0]), 4) for mode, v in r.items()}
    {'fill': 0.4444, 'wrap': 1.0, 'reflect': 1.0, 'mirror': 1.0, 'nearest': 1.0}
    """
    kernel = np.ones((size, size)) / size**2
    return {mode: np.asarray(filter_image(image, kernel, boundary=mode), dtype=float)
            for mode in BOUNDARIES}


def run(ctx: Context) -> None:
    from .. import plot

    img = sample_image()
    ctx.print(f"image: {img.shape[0]}x{img.shape[1]} grey pixels drawn with numpy, mean "
              f"{img.mean():.4f}")
    for title, kernels, name in (("box blur and edge detection", BLUR_AND_EDGES,
                                  "image_blur_edges.png"),
                                 ("GIMP convolution-matrix kernels", GIMP_KERNELS,
                                  "image_gimp_kernels.png")):
        results = apply(img, kernels)
        for k, (_, mean) in results.items():
            ctx.print(f"  {k:<26} kernel sum {float(np.sum(kernels[k])):>5.2f}  mean of result "
                      f"{mean:.4f}")
        fig = plot.show_kernels(img, kernels, columns=3,
                                title=f"{title}: image * kernel (zero outside the image)")
        ctx.save(fig, name, f"The image convolved with each kernel ({title}); the kernel is "
                 "printed under each panel.")
    modes = boundary_corners(img)
    ctx.print("9x9 box blur, bottom-left pixel under each boundary mode of ac.filter:")
    for mode, result in modes.items():
        ctx.print(f"  {mode:<8} {result[-1, 0]:.4f}")
    fig = boundary_picture(img, modes)
    ctx.save(fig, "image_boundaries.png", "A 9x9 box blur under each boundary mode. Top: the "
             "bottom-left 12x12 pixels: zeros darken the edge, wrap brings in the sky from the "
             "top, and reflect, mirror and nearest agree there. Bottom: each mode minus "
             "'reflect' over the whole image, each on its own colour scale: the modes differ "
             "only within 4 pixels of the border (mirror and nearest only along the sky's "
             "gradient at the top).")


def boundary_picture(image: np.ndarray, modes: dict, crop: int = 12) -> Any:
    """Top row: the bottom-left ``crop`` x ``crop`` corner under each mode; bottom row: each
    mode minus ``'reflect'`` over the whole image (``'reflect'`` itself: the blurred image)."""
    from .. import plot

    fig = plot.new_figure(15, 6.4)
    axes = fig.subplots(2, len(modes))
    n = image.shape[0]
    reference = modes["reflect"]
    ticker = plot.require_extra("matplotlib.ticker")
    for (top, bottom), (mode, result) in zip(axes.T, modes.items()):
        top.imshow(result[-crop:, :crop], cmap="gray", vmin=0, vmax=1, interpolation="nearest",
                   extent=(-0.5, crop - 0.5, n - 0.5, n - crop - 0.5))
        top.set_title(f"boundary={mode!r}")
        top.set_xlabel(f"x (bottom-left {crop}x{crop})")
        top.set_ylabel("y")
        top.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))  # pixels: whole numbers
        top.yaxis.set_major_locator(ticker.MaxNLocator(integer=True))
        if mode == "reflect":
            bottom.imshow(result, cmap="gray", vmin=0, vmax=1)
            bottom.add_patch(_corner_box(n, crop))
            bottom.set_title("'reflect', the reference\n(red: the corner above)", fontsize=10)
        else:
            diff = max(float(np.abs(result - reference).max()), 1e-12)  # each on its own scale
            shown = bottom.imshow(result - reference, cmap="RdBu_r", vmin=-diff, vmax=diff)
            fig.colorbar(shown, ax=bottom, shrink=0.8)
            bottom.set_title(f"{mode!r} minus 'reflect'\n(largest {diff:.3f})", fontsize=10)
        bottom.set_xlabel("x")
        bottom.set_ylabel("y")
    fig.suptitle("ac.filter(image, 9x9 box blur, boundary=...): the modes differ only at the "
                 "edge")
    return fig


def _corner_box(n: int, crop: int) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((-0.5, n - crop - 0.5), crop, crop, fill=False, color="#d62728", lw=1.5)


STEP = Step(
    5, "images", "Image filters",
    "An image is a function on Z^2, and a filter is a convolution with a small kernel: a 3x3 box "
    "blur averages each pixel with its eight neighbours, an edge detector subtracts them so "
    "that flat regions vanish and edges light up. The classic kernels of the GIMP "
    "convolution-matrix documentation (sharpen, blur, edge enhance, edge detect, emboss) are "
    "applied below to a picture drawn with numpy; the two edge detectors differ in how many "
    "neighbours they subtract (all 8, or the 4 that share a side). Near the border the kernel "
    "reaches outside the image, and ac.filter's boundary modes say what it finds there: "
    "zeros, the opposite side (wrap), or the image mirrored or extended; the last picture "
    "shows the corner where they differ, and the differences.",
    run,
)
