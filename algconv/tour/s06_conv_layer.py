r"""Step 6: a convolutional layer is multiplication by a matrix of shared weights.

Neuron ``i`` of a 1-D layer sees inputs ``x[i], ..., x[i + k - 1]`` through the same weights,
so the layer's weight matrix repeats the kernel, reversed, along its diagonals with zeros
elsewhere, and ``M @ x`` is the valid convolution.  In 2-D the neuron is applied to every
image patch, which is a 2-D convolution.
"""

from __future__ import annotations

import numpy as np

from .. import symbolic
from ..dispatch import convolve
from ..linear import conv_matrix
from ._base import Context, Step

__all__ = ["STEP", "KERNEL", "INPUT", "layer_matrix", "symbolic_matrix", "patch_layer"]

KERNEL = np.array([1, 2, -1])
INPUT = np.array([3, 1, 4, 1, 5, 9, 2, 6])
KERNEL_2D = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]])   # Sobel: vertical edges


def layer_matrix(kernel: np.ndarray = KERNEL, x: np.ndarray = INPUT) -> dict:
    """The layer's matrix ``M = ac.linear.conv_matrix(kernel, len(x))`` and both outputs.

    >>> r = layer_matrix(np.array([1, 2]), np.array([1, 0, 3])); r["M"].tolist(), r["Mx"].tolist()
    ([[2, 1, 0], [0, 2, 1]], [2, 3])
    """
    M = np.asarray(conv_matrix(kernel, len(x), mode="valid"))
    return {"M": M, "Mx": M @ x, "conv": convolve(x, kernel, mode="valid")}


def symbolic_matrix(k: int = 3, n: int = 6):
    """``ac.symbolic.conv_matrix`` with sympy weight symbols ``w0 .. w{k-1}``, and the inputs.

    >>> M, x, w = symbolic_matrix(2, 3); M.tolist(), (M * x)[0]
    ([[w1, w0, 0], [0, w1, w0]], w0*x1 + w1*x0)
    """
    import sympy

    w = sympy.symbols(f"w0:{k}")
    x = sympy.symbols(f"x0:{n}")
    M = sympy.Matrix(np.asarray(symbolic.conv_matrix(list(w), n, mode="valid")).tolist())
    return M, sympy.Matrix(x), w


def patch_layer(image: np.ndarray, kernel: np.ndarray = KERNEL_2D) -> dict:
    """One neuron (weights = the flipped kernel) applied to every patch, and ``ac.convolve``.

    >>> r = patch_layer(np.arange(16).reshape(4, 4))
    >>> r["layer"].shape, bool((r["layer"] == r["conv"]).all())
    ((2, 2), True)
    """
    kh, kw = kernel.shape
    patches = np.lib.stride_tricks.sliding_window_view(image, (kh, kw))
    weights = kernel[::-1, ::-1]
    layer = np.einsum("ijkl,kl->ij", patches, weights)
    return {"patches": patches, "layer": layer, "conv": convolve(image, kernel, mode="valid")}


def small_image() -> np.ndarray:
    """An 8x8 int image: a bright square on a dark background.

    >>> int(small_image().sum())
    144
    """
    img = np.zeros((8, 8), dtype=np.int64)
    img[2:6, 3:7] = 9
    return img


def run(ctx: Context) -> None:
    from .. import plot

    r = layer_matrix()
    ctx.print(f"kernel {KERNEL.tolist()}, input x = {INPUT.tolist()}; weight matrix M "
              f"({r['M'].shape[0]}x{r['M'].shape[1]}):")
    for row in r["M"]:
        ctx.print("  [" + " ".join(f"{int(v):>3}" for v in row) + " ]")
    ctx.print(f"M @ x             = {r['Mx'].tolist()}")
    ctx.print(f"convolve(x, k)    = {np.asarray(r['conv']).tolist()}  "
              f"equal: {bool(np.array_equal(r['Mx'], r['conv']))}")
    fig = plot.new_figure(8, 4.2)
    ax = fig.subplots()
    _number_grid(ax, r["M"], "coolwarm")
    ax.set_title(f"1-D convolutional layer as a matrix: every row holds the kernel "
                 f"{KERNEL.tolist()} reversed, {KERNEL[::-1].tolist()}")
    ax.set_xlabel("input x[j]")
    ax.set_ylabel("neuron i")
    ctx.save(fig, "conv_layer_matrix.png", "The weight matrix of a 1-D convolutional layer: "
             "the kernel reversed on every row, shifted one place per neuron, zeros elsewhere. "
             "Row i is reversed because output c = i + 2 pairs x[j] with k[c - j].")
    M, x, w = symbolic_matrix()
    ctx.print(f"with symbols w = {w}: M =")
    for i in range(M.rows):
        ctx.print("  [" + ", ".join(f"{str(v):>3}" for v in M.row(i)) + "]")
    ctx.print(f"(M @ x)[0] = {(M * x)[0]}")
    img = small_image()
    r2 = patch_layer(img)
    equal = bool(np.array_equal(r2["layer"], r2["conv"]))
    ctx.print(f"2-D layer: one neuron whose weights are the Sobel kernel flipped (rows and "
              f"columns reversed), on each of the {r2['layer'].size} 3x3 patches of an 8x8 "
              f"image, equals convolve(image, kernel, mode='valid'): {equal}")
    ctx.print("  layer output row 2: " + str(r2["layer"][2].tolist()))
    fig = plot.new_figure(15, 4.6)
    axes = fig.subplots(1, 4, gridspec_kw={"width_ratios": [8, 3, 3, 6]})
    panels = ((img, "input image", "gray"), (KERNEL_2D, "kernel k (Sobel)", "coolwarm"),
              (KERNEL_2D[::-1, ::-1], "neuron weights = k flipped", "coolwarm"),
              (r2["layer"], "layer output = image * k", "coolwarm"))
    for ax, (data, title, cmap) in zip(axes, panels):
        _number_grid(ax, data, cmap)
        ax.set_title(title)
    fig.suptitle("2-D convolutional layer: one neuron (the kernel flipped) applied to every "
                 "3x3 patch")
    ctx.save(fig, "conv_layer_2d.png", "A 2-D layer: the same neuron on every patch is a 2-D "
             "convolution; its weights are the kernel flipped, and it finds the square's "
             "vertical edges (positive on the left edge, negative on the right).")


def _number_grid(ax, data: np.ndarray, cmap: str) -> None:
    """``data`` as coloured cells with each value written in a colour readable on its cell."""
    lim = max(float(np.abs(data).max()), 1e-12)
    lo = 0 if cmap == "gray" else -lim
    image = ax.imshow(data, cmap=cmap, vmin=lo, vmax=lim)
    for (i, j), v in np.ndenumerate(data):
        r, g, b, _ = image.cmap(image.norm(v))
        dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5
        ax.text(j, i, f"{int(v)}", ha="center", va="center", fontsize=10,
                color="white" if dark else "black")
    ax.set_xticks(range(data.shape[1]))
    ax.set_yticks(range(data.shape[0]))
    ax.set_xlabel("column")
    ax.set_ylabel("row")


STEP = Step(
    6, "conv-layer", "A convolutional layer as a matrix",
    "In a convolutional layer every neuron applies the same weights to its own window of the "
    "input. Written as a weight matrix, the same few weights repeat along the diagonals and "
    "everything else is zero, and multiplying by that matrix is exactly convolving with the "
    "kernel. Each row holds the kernel reversed, for the reason of step 2: output c pairs "
    "input x[j] with k[c - j], which runs backwards as j runs forwards. In two dimensions the "
    "neuron, whose weights are the kernel flipped in both directions, is applied to every "
    "patch of the image: a 2-D convolution.",
    run,
)
