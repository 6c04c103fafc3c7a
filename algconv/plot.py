r"""Pictures of convolutions (extra ``plot``: matplotlib with the Agg backend, pillow for GIFs).

Every function builds a :class:`matplotlib.figure.Figure` directly (no ``pyplot`` state, so
nothing changes the backend of a running notebook), returns it, and writes it to ``path``
when one is given.  ``import algconv`` does not import matplotlib; the first call here does,
and raises :class:`MissingExtra` naming the extra to install when it is absent.

Examples
--------
>>> fig = ac.plot.plot_functions([1, 1], [1, 2])
>>> [ax.get_title() for ax in fig.axes]
['f', 'g', 'f * g']
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any, Iterable, Mapping

import numpy as np

from ._files import write_file
from .errors import InvalidArgument, InvalidType, MissingExtra
from .validation import as_value_array, check_int, check_real, describe, value_kind

__all__ = [
    "MissingExtra",
    "plot_functions",
    "flip_and_slide",
    "slide_still",
    "show_kernels",
    "plot_cayley_graph",
    "new_figure",
    "save_figure",
]

#: colours of f, g, their product and f * g, used by every picture
COLORS = {"f": "#1f77b4", "g": "#ff7f0e", "product": "#2ca02c", "h": "#d62728"}


def require_extra(module: str, extra: str = "plot") -> Any:
    """Import ``module`` of an extra, or raise ``MissingExtra`` with the install command.

    >>> require_extra("no_such_plot_library")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    algconv.errors.MissingExtra: algconv.plot needs no_such_plot_library, which is not installed; ...
    """
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingExtra(
            f"algconv.plot needs {module.split('.')[0]}, which is not installed; "
            f"install the extra with: {install_command(extra)}"
        ) from e


def install_command(extra: str) -> str:
    """The pip command that installs ``extra``: editable from the clone when algconv runs
    from a source checkout (a ``pyproject.toml`` beside the package), else from PyPI.

    Examples
    --------
    >>> install_command("plot").startswith(('pip install "algconv[plot]"',
    ...                                      'pip install -e ".[plot]" (run in '))
    True
    """
    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file():
        return f'pip install -e ".[{extra}]" (run in {root})'
    return f'pip install "algconv[{extra}]"'


#: the smallest and largest figure side in inches (Agg draws at most 2**16 pixels a side)
MIN_INCHES, MAX_INCHES = 0.1, 600
#: the largest resolution a picture is drawn at
MAX_DPI = 1000


def _dpi(dpi: Any) -> int:
    return check_int(dpi, "dpi", minimum=1, maximum=MAX_DPI)


def _text(value: Any, name: str) -> str | None:
    """A label: a str, or None where the caller takes its default."""
    if value is not None and not isinstance(value, str):
        raise InvalidType(f"Got {name}={describe(value)}, but expected a str (or None)")
    return value


def _path(path: Any, name: str = "path") -> Path | None:
    """Where to write a picture: a file name, or None for nowhere."""
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise InvalidType(f"Got {name}={describe(path)}, but expected a file name (str or "
                          "pathlib.Path)")
    return None if path is None else Path(path)


def _mapping(value: Any, name: str) -> Mapping | None:
    if value is not None and not isinstance(value, Mapping):
        raise InvalidType(f"Got {name}={describe(value)}, but expected a dict (or None)")
    return value


def _listed(value: Any, name: str, what: str) -> list:
    """``list(value)`` of an iterable (not a str), or raise naming ``name``."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType(f"Got {name}={describe(value)}, but expected {what}")
    return list(value)


def _real_array(x: Any, name: str) -> np.ndarray:
    """``x`` as a float array of real values (an image or a kernel), or raise naming it."""
    array = as_value_array(x, name)
    if array.dtype.kind == "c" or (array.dtype == object and value_kind(array) == "complex"):
        raise InvalidType(f"Got {name}={describe(x)}, but expected real values")
    try:
        return array.astype(float)
    except OverflowError as e:
        raise InvalidArgument(f"Got {name}={describe(x)}, but its values are past the float "
                              "range (about 1.8e308)") from e
    except (TypeError, ValueError) as e:
        raise InvalidType(f"Got {name}={describe(x)}, but expected real numbers") from e


def new_figure(width: float = 8.0, height: float = 4.5) -> Any:
    """A matplotlib Figure on the Agg canvas, outside pyplot's global state.

    Examples
    --------
    >>> fig = ac.plot.new_figure(4, 3)
    >>> [float(v) for v in fig.get_size_inches()]
    [4.0, 3.0]
    """
    width = check_real(width, "width", minimum=MIN_INCHES, maximum=MAX_INCHES,
                       to_float=True, what="a size in inches")
    height = check_real(height, "height", minimum=MIN_INCHES, maximum=MAX_INCHES,
                        to_float=True, what="a size in inches")
    require_extra("matplotlib")
    figure = require_extra("matplotlib.figure")
    agg = require_extra("matplotlib.backends.backend_agg")
    fig = figure.Figure(figsize=(width, height), dpi=100, layout="constrained")
    agg.FigureCanvasAgg(fig)
    return fig


def save_figure(fig: Any, path: str | Path | None, dpi: int = 100) -> None:
    """Write ``fig`` to ``path`` (format from the suffix); do nothing when ``path`` is None.

    Examples
    --------
    >>> save_figure(None, None) is None
    True
    """
    path = _path(path)
    if path is None:
        return None
    dpi = _dpi(dpi)
    if not isinstance(fig, require_extra("matplotlib.figure").Figure):
        raise InvalidType(f"Got fig={describe(fig)}, but expected a matplotlib Figure")
    write_file(path, lambda tmp: fig.savefig(tmp, dpi=dpi))


# --- data as (positions, values) ---------------------------------------------------------------


def _series(f: Any, name: str) -> tuple[np.ndarray, np.ndarray, list | None]:
    """``(x, y, tick_labels)`` of a 1-D array (positions 0..n-1) or a Function."""
    from .function import Function

    if isinstance(f, Function):
        layout = f.over.dense_layout
        if layout == "finite":
            labels = [str(x) for x in f.over.elements()]
            y = f.to_array()
            return np.arange(len(y)), _floats(y, name), labels
        if layout in ("lattice", "offset") and getattr(f.over, "d", 1) == 1:
            y = f.to_array()
            return f.start + np.arange(len(y)), _floats(y, name), None
        raise InvalidArgument(
            f"Got {name} over {f.over!r}, but plots need a 1-D structure (Z, N, "
            "Multiplicative) or a finite one"
        )
    try:
        y = np.asarray(f)
    except Exception as e:  # ragged input
        raise InvalidType(
            f"Got {name}={describe(f)}, but expected a 1-D array or a Function"
        ) from e
    if y.ndim != 1:
        raise InvalidArgument(f"Got {name} with shape {y.shape}, but expected a 1-D array")
    return np.arange(len(y)), _floats(y, name), None


def _floats(y: np.ndarray, name: str) -> np.ndarray:
    try:
        return np.asarray([complex(v).real for v in y.ravel()], dtype=float).reshape(y.shape)
    except (TypeError, ValueError) as e:
        raise InvalidType(f"Got {name}={describe(y)}, but expected numeric values to plot") from e


def plot_functions(f: Any, g: Any, h: Any = None, path: str | Path | None = None, *,
                   names: tuple[str, str, str] = ("f", "g", "f * g"),
                   title: str | None = None, xlabel: str = "x",
                   ylabel: str | None = None) -> Any:
    """Bar plots of ``f``, ``g`` and their convolution ``h``, one panel each.

    Parameters
    ----------
    f, g : Function or array_like
        1-D arrays (position ``i`` holds ``f(i)``), or Functions on Z, N, Multiplicative or a
        finite structure (bars in ``elements()`` order, labelled by element).
    h : Function or array_like, optional
        The convolution; ``ac.convolve(f, g)`` when omitted.
    path : str or Path, optional
        Where to write the picture (``.png``, ``.svg``, ``.pdf``).
    names : tuple of 3 str
        Panel titles.
    title : str, optional
        A title over all three panels.
    xlabel : str
        The label of the horizontal axes.
    ylabel : str, optional
        The label of the vertical axes (default: ``name(xlabel)`` for each panel).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    MissingExtra
        If matplotlib is not installed.
    InvalidArgument
        If a Function is not on a 1-D or finite structure, or an array is not 1-D.

    Examples
    --------
    >>> fig = ac.plot.plot_functions([1, 2], [1, 1])
    >>> fig.axes[2].get_ylabel()
    '(f * g)(x)'
    """
    from .dispatch import convolve

    names = _listed(names, "names", "3 panel titles (str)")
    if len(names) != 3 or not all(isinstance(name, str) for name in names):
        raise InvalidArgument(f"Got names={describe(names)}, but expected 3 panel titles (str)")
    title, xlabel, ylabel = _text(title, "title"), _text(xlabel, "xlabel"), _text(ylabel, "ylabel")
    if xlabel is None:
        raise InvalidType("Got xlabel=None, but expected a str")
    path = _path(path)
    series = [_series(f, names[0]), _series(g, names[1])]
    if h is None:
        h = convolve(f, g)
    series.append(_series(h, names[2]))
    fig = new_figure(11, 3.8)
    axes = fig.subplots(1, 3, sharey=False)
    for ax, (x, y, labels), name, color in zip(axes, series, names, ("f", "g", "h")):
        ax.bar(x, y, color=COLORS[color], width=0.8)
        ax.set_title(name)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel or (f"{name}({xlabel})" if len(name) == 1 else
                                 f"({name})({xlabel})"))
        ax.xaxis.set_major_locator(require_extra("matplotlib.ticker").MaxNLocator(integer=True))
        if labels is not None:
            ax.set_xticks(x, labels, rotation=60, fontsize=7)
        ax.grid(axis="y", alpha=0.3)
    if title:
        fig.suptitle(title)
    save_figure(fig, path)
    return fig


# --- flip and slide ----------------------------------------------------------------------------


def _slide_data(f: Any, g: Any) -> dict:
    fx, fy, _ = _series(f, "f")
    gx, gy, _ = _series(g, "g")
    h = np.convolve(fy, gy)
    hx = fx[0] + gx[0] + np.arange(len(h))
    return {"fx": fx, "fy": fy, "gx": gx, "gy": gy, "hx": hx, "hy": h}


class _Slide:
    """Two panels: f(a) with g(c - a) over it and their product; f * g traced up to c.

    The static parts are drawn once; :meth:`draw` moves g and the traced curve to a new c.
    """

    def __init__(self, fig: Any, d: dict):
        self.d = d
        top, bottom = self.top, self.bottom = fig.subplots(2, 1, sharex=True)
        lo = min(d["fx"][0], d["hx"][0] - d["gx"][-1]) - 1
        hi = max(d["fx"][-1], d["hx"][-1]) + 1
        self.a = np.arange(lo, hi + 1)
        self.fa = np.interp(self.a, d["fx"], d["fy"], left=0, right=0)
        top.step(self.a, self.fa, where="mid", color=COLORS["f"], lw=2, label="f(a)")
        (self.g_line,) = top.step(self.a, 0 * self.fa, where="mid", color=COLORS["g"], lw=2,
                                  label="g(c - a)")
        top.fill_between([], [], color=COLORS["product"], alpha=0.45, label="f(a) g(c - a)")
        self.top_c = top.axvline(0, color="gray", ls=":", lw=1)
        top.set_ylim(0, max(d["fy"].max(), d["gy"].max(), 1e-12) * 1.25)
        top.set_ylabel("value")
        top.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)  # off the curves
        bottom.plot(d["hx"], d["hy"], color=COLORS["h"], alpha=0.3, lw=1, drawstyle="steps-mid")
        (self.traced,) = bottom.plot([], [], color=COLORS["h"], lw=2, label="(f * g)(c)",
                                     drawstyle="steps-mid")
        (self.dot,) = bottom.plot([], [], "o", color=COLORS["h"])
        self.bottom_c = bottom.axvline(0, color="gray", ls=":", lw=1)
        bottom.set_ylim(0, max(d["hy"].max(), 1e-12) * 1.15)
        bottom.set_xlim(lo, hi)
        bottom.xaxis.set_major_locator(require_extra("matplotlib.ticker").MaxNLocator(integer=True))
        bottom.set_xlabel("a (top), c (bottom)")
        bottom.set_ylabel("(f * g)(c)")
        bottom.set_title("f * g traced so far: (f * g)(c) = sum over a of f(a) g(c - a)")
        bottom.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)
        self.fills: list = []

    def draw(self, c: int) -> None:
        d, a = self.d, self.a
        for artist in self.fills:
            artist.remove()
        # g(c - a): g flipped (a -> -a) and slid so that its origin sits at a = c
        ga = np.interp(c - a, d["gx"], d["gy"], left=0, right=0)
        prod = self.fa * ga
        self.g_line.set_ydata(ga)
        done = d["hx"] <= c
        self.fills = [
            self.top.fill_between(a, prod, step="mid", color=COLORS["product"], alpha=0.45),
            self.bottom.fill_between(d["hx"][done], d["hy"][done], step="mid",
                                     color=COLORS["h"], alpha=0.5),
        ]
        self.traced.set_data(d["hx"][done], d["hy"][done])
        at = d["hx"] == c
        self.dot.set_data(d["hx"][at], d["hy"][at])
        self.top_c.set_xdata([c, c])
        self.bottom_c.set_xdata([c, c])
        self.top.set_title(f"flip g and slide it to c = {c}: overlap sum = {prod.sum():.4g}")


def slide_still(f: Any, g: Any, c: int, path: str | Path | None = None) -> Any:
    """One frame of :func:`flip_and_slide`: ``g(c - a)`` over ``f(a)`` at a fixed ``c``.

    Parameters
    ----------
    f, g : Function or array_like
        1-D arrays (position ``i`` holds ``f(i)``) or Functions on Z.
    c : int
        Where the flipped ``g`` sits.
    path : str or Path, optional
        Where to write the picture.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = ac.plot.slide_still([1, 1, 1], [1, 1, 1], 2)
    >>> fig.axes[0].get_title()
    'flip g and slide it to c = 2: overlap sum = 3'
    """
    c = check_int(c, "c")
    path = _path(path)
    fig = new_figure(8, 5.5)
    _Slide(fig, _slide_data(f, g)).draw(c)
    save_figure(fig, path)
    return fig


def flip_and_slide(f: Any, g: Any, path: str | Path, *, frames: int = 40,
                   duration_ms: int = 120, dpi: int = 70) -> Any:
    r"""Animate the flip-and-slide view of convolution into a GIF.

    Each frame shows ``f(a)``, ``g(c - a)`` (``g`` flipped and slid to ``c``) and the area of
    their product, above the curve ``(f * g)(c)`` traced up to the current ``c``.

    Parameters
    ----------
    f, g : Function or array_like
        1-D arrays (position ``i`` holds ``f(i)``) or Functions on Z.
    path : str or Path
        The ``.gif`` file to write.
    frames : int
        At most this many frames (values of ``c`` spread over the support of ``f * g``).
    duration_ms : int
        Milliseconds per frame.
    dpi : int
        Resolution of the frames (70 keeps a 40-frame GIF near 300 kB).

    Returns
    -------
    matplotlib.figure.Figure
        The figure, showing the last frame.

    Raises
    ------
    MissingExtra
        If matplotlib or pillow is not installed.
    InvalidArgument
        If ``path`` does not end in ``.gif`` or ``frames < 2``.

    Notes
    -----
    .. math:: (f * g)(c) = \sum_a f(a)\, g(c - a)

    Examples
    --------
    >>> import tempfile, os
    >>> from PIL import Image
    >>> box = [1] * 5
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     fig = ac.plot.flip_and_slide(box, box, os.path.join(tmp, "s.gif"), frames=5)
    ...     Image.open(os.path.join(tmp, "s.gif")).n_frames
    5
    """
    path = _path(path)
    if path is None or path.suffix.lower() != ".gif":
        raise InvalidArgument(f"Got path={describe(str(path) if path else path)}, but "
                              "flip_and_slide writes a .gif file")
    frames = check_int(frames, "frames", minimum=2)
    duration_ms = check_int(duration_ms, "duration_ms", minimum=1)
    dpi = _dpi(dpi)
    image = require_extra("PIL.Image")
    d = _slide_data(f, g)
    lo, hi = int(d["hx"][0]) - 1, int(d["hx"][-1]) + 1
    cs = np.unique(np.round(np.linspace(lo, hi, frames)).astype(int))
    fig = new_figure(8, 5.5)
    fig.set_dpi(dpi)
    pictures = []
    slide = _Slide(fig, d)
    for i, c in enumerate(cs):
        slide.draw(int(c))
        fig.canvas.draw()
        if i == 0:  # the layout is fixed by the first frame; later frames only move data
            fig.set_layout_engine("none")
        rgba = np.asarray(fig.canvas.buffer_rgba())
        pictures.append(image.fromarray(rgba[..., :3].copy()).convert("P", palette=1, colors=64))
    fig.set_dpi(100)
    write_file(path, lambda tmp: pictures[0].save(tmp, save_all=True,
                                                  append_images=pictures[1:],
                                                  duration=duration_ms, loop=0, optimize=True))
    return fig


# --- images ------------------------------------------------------------------------------------


def _kernel_text(kernel: np.ndarray) -> str:
    def cell(v: Any) -> str:
        v = complex(v).real
        return f"{int(v)}" if v == int(v) else f"{v:.2g}"

    return "\n".join(" ".join(f"{cell(v):>4}" for v in row) for row in np.atleast_2d(kernel))


def show_kernels(image: Any, kernels: Mapping[str, Any], path: str | Path | None = None, *,
                 boundary: str = "fill", columns: int = 3, title: str | None = None) -> Any:
    """The image and its convolution with each kernel, side by side, kernels printed below.

    Parameters
    ----------
    image : array_like, shape (m, n)
        A grey image with values in [0, 1].
    kernels : mapping of str to array_like
        Panel title -> small 2-D kernel.  Results are shown clipped to [0, 1], as an image
        editor shows them.
    path : str or Path, optional
        Where to write the picture.
    boundary : {'fill', 'wrap', 'reflect', 'mirror', 'nearest'}
        Passed to ``ac.filter``; ``'fill'`` (zeros outside) also works without it.
    columns : int
        Panels per row.
    title : str, optional
        A title over all panels.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    MissingExtra
        If matplotlib is not installed.
    InvalidArgument
        If the image is not 2-D or a kernel is not 2-D.

    Examples
    --------
    >>> img = np.zeros((8, 8)); img[2:6, 2:6] = 1
    >>> fig = ac.plot.show_kernels(img, {"blur": np.ones((3, 3)) / 9})
    >>> [ax.get_title() for ax in fig.axes]
    ['image', 'blur']
    """
    image = _real_array(image, "image")
    if image.ndim != 2:
        raise InvalidArgument(f"Got image with shape {image.shape}, but expected a 2-D array")
    columns = check_int(columns, "columns", minimum=1)
    kernels, title, path = _mapping(kernels, "kernels"), _text(title, "title"), _path(path)
    if kernels is None:
        raise InvalidType("Got kernels=None, but expected a dict of panel title -> kernel")
    panels = [("image", image, None)]
    for name, kernel in kernels.items():
        if not isinstance(name, str):
            raise InvalidType(f"Got a kernel named {describe(name)}, but expected str names")
        kernel = _real_array(kernel, f"kernels[{name!r}]")
        if kernel.ndim != 2:
            raise InvalidArgument(
                f"Got kernel {name!r} with shape {kernel.shape}, but expected 2-D"
            )
        panels.append((name, filtered(image, kernel, boundary), kernel))
    rows = -(-len(panels) // columns)
    ncols = min(columns, len(panels))
    fig = new_figure(3.2 * ncols, 4.1 * rows + (0.4 if title else 0))
    axes = np.atleast_1d(fig.subplots(rows, ncols)).ravel()
    for ax, (name, result, kernel) in zip(axes, panels):
        ax.imshow(np.clip(result, 0, 1), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        ax.set_title(name)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel("original" if kernel is None else _kernel_text(kernel),
                      family="monospace", fontsize=8)
    for ax in axes[len(panels):]:
        ax.remove()
    if title:
        fig.suptitle(title)
    save_figure(fig, path)
    return fig


def filtered(image: np.ndarray, kernel: np.ndarray, boundary: str = "fill") -> np.ndarray:
    """``ac.filter(image, kernel, boundary)`` as floats, for pictures.

    Examples
    --------
    >>> ac.plot.filtered(np.eye(3), np.ones((1, 1)) * 2)
    array([[2., 0., 0.],
           [0., 2., 0.],
           [0., 0., 2.]])
    """
    from .filtering import filter as filter_image

    return np.asarray(filter_image(image, kernel, boundary=boundary), dtype=float)


# --- Cayley graphs -----------------------------------------------------------------------------


def plot_cayley_graph(G: Any, generators: Iterable[Any], path: str | Path | None = None, *,
                      values: Any = None, title: str | None = None,
                      layout: Mapping[Any, tuple[float, float]] | None = None,
                      labels: Mapping[Any, str] | None = None,
                      generator_names: Iterable[str] | None = None) -> Any:
    """Draw the Cayley graph of ``G`` (``ac.graphs.cayley_graph``) with networkx.

    Parameters
    ----------
    G : FiniteGroup
        The group.
    generators : iterable of elements
        One edge colour per generator: ``x -> x . s``.  A generator that is its own inverse
        (a reflection, a transposition) joins ``x`` and ``x . s`` both ways, so it is drawn
        as one line without arrows.
    path : str or Path, optional
        Where to write the picture.
    values : Function, optional
        A Function on ``G`` (say a random walk's distribution) colouring the nodes.
    title : str, optional
        The picture's title (default: ``"Cayley graph of G"``).
    layout : mapping of element to (x, y), optional
        Node positions (default: networkx's Kamada-Kawai layout).
    labels : mapping of element to str, optional
        Node names (default: the element, tuples written as digits).
    generator_names : iterable of str, optional
        Legend entries, one per generator (default: ``x -> x . s``).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    MissingExtra
        If matplotlib is not installed.

    Examples
    --------
    >>> fig = ac.plot.plot_cayley_graph(ac.Cyclic(4), [1])
    >>> fig.axes[0].get_title()
    'Cayley graph of Cyclic(4)'
    >>> fig = ac.plot.plot_cayley_graph(ac.Cyclic(4), [1, 2], generator_names=["+1", "+2"])
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['+1', '+2']
    """
    import networkx as nx

    from . import graphs  # ac.graphs builds the graph

    from .function import Function

    generators = _listed(generators, "generators", "an iterable of elements")
    names = _listed(generator_names, "generator_names", "an iterable of str") \
        if generator_names is not None else [f"x -> x . {_short(s)}" for s in generators]
    if len(names) != len(generators) or not all(isinstance(name, str) for name in names):
        raise InvalidArgument(f"Got generator_names={describe(names)}, but expected one name "
                              f"for each of the {len(generators)} generators")
    layout, labels = _mapping(layout, "layout"), _mapping(labels, "labels")
    title, path = _text(title, "title"), _path(path)
    graph = graphs.cayley_graph(G, generators)
    if values is not None and not (isinstance(values, Function) and values.over == G):
        raise InvalidType(f"Got values={describe(values)}, but expected a Function on {G!r}")
    for name, given in (("layout", layout), ("labels", labels)):
        missing = [x for x in graph if given is not None and x not in given]
        if missing:
            raise InvalidArgument(f"Got {name}={describe(given)}, but it has no entry for the "
                                  f"element {describe(missing[0])}")
    fig = new_figure(7, 6.6)
    ax = fig.subplots()
    pos = dict(layout) if layout is not None else (
        nx.kamada_kawai_layout(graph) if len(graph) > 2 else nx.circular_layout(graph))
    cmap = require_extra("matplotlib").colormaps["tab10"]
    for i, s in enumerate(generators):
        edges = [(u, v) for u, v, data in graph.edges(data=True)
                 if _edge_generator(data) == s or (len(generators) == 1)]
        involution = G.op(s, s) == G.identity
        if involution:  # x -> x.s -> x: one undirected line per pair
            edges = list({frozenset(e): e for e in edges}.values())
        nx.draw_networkx_edges(graph, pos, edgelist=edges, ax=ax, edge_color=[cmap(i)],
                               arrows=True, arrowsize=14, width=2, node_size=900,
                               arrowstyle="-" if involution else "-|>",
                               connectionstyle="arc3" if involution else "arc3,rad=0.08")
        ax.plot([], [], color=cmap(i), lw=2, label=names[i])
    nodes = list(graph.nodes)
    if values is not None:
        colors = [_floats(np.asarray([values(x)], dtype=object), "values")[0] for x in nodes]
        drawn = nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_color=colors,
                                       cmap="viridis", ax=ax, node_size=900)
        fig.colorbar(drawn, ax=ax, label="probability", shrink=0.8)
    else:
        nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_color="#dddddd", ax=ax,
                               node_size=900)
    if len(nodes) <= 30:
        names_of = dict(labels) if labels is not None else {x: _short(x) for x in nodes}
        nx.draw_networkx_labels(graph, pos, {x: names_of[x] for x in nodes}, ax=ax, font_size=10,
                                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none",
                                      "alpha": 0.85})
    ax.set_title(title or f"Cayley graph of {G!r}")
    ax.set_xlabel("edge colour = generator multiplied on the right")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=len(generators),
              fontsize=9, frameon=False)  # below the axes, clear of every node
    ax.set_xticks([])
    ax.set_yticks([])
    ax.margins(0.12)
    save_figure(fig, path)
    return fig


def _edge_generator(data: dict) -> Any:
    for key in ("generator", "label", "gen"):
        if key in data:
            return data[key]
    return None


def _short(x: Any) -> str:
    return "".join(map(str, x)) if isinstance(x, tuple) else str(x)
