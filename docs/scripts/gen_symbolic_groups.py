"""Draw ``docs/assets/symbolic_gauss_box.png``: a Gaussian blurred by a box, over R^2.

The closed form comes from ``ac.symbolic.convolve(..., over=ac.Reals(2))``; the heat maps
show the Gaussian, the box and their convolution.  Run from the repository root:
``python docs/scripts/gen_symbolic_groups.py`` (80 dpi, to keep the picture small).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import sympy as sp  # noqa: E402

import algconv as ac  # noqa: E402

OUT = ROOT / "docs" / "assets" / "symbolic_gauss_box.png"


def main() -> int:
    x, y = sp.symbols("x y", real=True)
    gauss = sp.exp(-x**2 - y**2)
    box = (sp.Heaviside(x) - sp.Heaviside(x - 1)) * (sp.Heaviside(y) - sp.Heaviside(y - 1))
    h = ac.symbolic.convolve(gauss, box, (x, y), over=ac.Reals(2), timeout=300)
    grid = np.linspace(-2.5, 3.5, 241)
    X, Y = np.meshgrid(grid, grid)
    heav = {"Heaviside": lambda v, h0=0.5: np.heaviside(v, h0)}
    panels = [("f = exp(-x² - y²)", gauss), ("g = box [0, 1]²", box), ("f * g (closed form)", h)]
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.6), constrained_layout=True)
    for ax, (title, e) in zip(axes, panels):
        Z = np.broadcast_to(sp.lambdify((x, y), e, modules=[heav, "numpy", "scipy"])(X, Y),
                            X.shape)
        im = ax.imshow(Z, extent=(grid[0], grid[-1], grid[0], grid[-1]), origin="lower",
                       cmap="viridis")
        ax.set_title(title)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        fig.colorbar(im, ax=ax, shrink=0.8)
    fig.suptitle(f"over R²: f * g = {h}", fontsize=8)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(OUT, dpi=80)
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
