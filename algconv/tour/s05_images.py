r"""Step 5: image filters are 2-D convolutions with small kernels.

A 3x3 box blur averages each pixel with its neighbours; an edge detector subtracts them.  The
classic kernels of the GIMP "convolution matrix" documentation, on a procedurally drawn image,
and the boundary modes of ``ac.filter`` at the image's edge.
"""

from __future__ import annotations

import numpy as np

from ..filtering import filter as filter_image
from ._base import Context, Step

__all__ = ["STEP", "sample_image", "BLUR_AND_EDGES", "GIMP_KERNELS", "BOUNDARIES", "apply",
           "boundary_corners"]

BLUR_AND_EDGES = {
    "3x3 box blur": np.ones((3, 3)) / 9,
    "edge detection": np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]),
}

#: the 3x3 kernels of docs.gimp.org "Convolution Matrix" (GIMP 2.10 filters/generic)
GIMP_KERNELS = {
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
    "blur": np.ones((3, 3)) / 9,
    "edge enhance": np.array([[0, 0, 0], [-1, 1, 0], [0, 0, 0]]),
    "edge detect": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
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
            ctx.print(f"  {k:<15} kernel sum {float(np.sum(kernels[k])):>5.2f}  mean of result "
                      f"{mean:.4f}")
        fig = plot.show_kernels(img, kernels, columns=3,
                                title=f"{title}: image * kernel (zero outside the image)")
        ctx.save(fig, name, f"The image convolved with each kernel ({title}); the kernel is "
                 "printed under each panel.")
    modes = boundary_corners(img)
    ctx.print("9x9 box blur, bottom-left pixel under each boundary mode of ac.filter:")
    for mode, result in modes.items():
        ctx.print(f"  {mode:<8} {result[-1, 0]:.4f}")
    fig = plot.new_figure(14, 3.6)
    axes = fig.subplots(1, len(modes))
    for ax, (mode, result) in zip(axes, modes.items()):
        ax.imshow(result[-32:, :32], cmap="gray", vmin=0, vmax=1, interpolation="nearest",
                  extent=(-0.5, 31.5, result.shape[0] - 0.5, result.shape[0] - 32.5))
        ax.set_title(f"boundary={mode!r}")
        ax.set_xlabel("x (bottom-left 32x32 corner)")
        ax.set_ylabel("y")
    fig.suptitle("ac.filter(image, 9x9 box blur, boundary=...): how the edge is filled")
    ctx.save(fig, "image_boundaries.png", "A 9x9 box blur near the image's bottom-left corner "
             "under each boundary mode: zeros darken the edge, wrap brings in the sky from the "
             "top, the others extend the ground.")


STEP = Step(
    5, "images", "Image filters",
    "An image is a function on Z^2, and a filter is a convolution with a small kernel: a 3x3 box "
    "blur averages each pixel with its eight neighbours, an edge detector subtracts them so "
    "that flat regions vanish and edges light up. The classic kernels of the GIMP "
    "convolution-matrix documentation (sharpen, blur, edge enhance, edge detect, emboss) are "
    "applied below to a picture drawn with numpy, and ac.filter's boundary modes compared.",
    run,
)
