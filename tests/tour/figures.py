"""Checks on drawn matplotlib Figures: legends off the data, integer ticks, readable text."""

import numpy as np


def _renderer(fig):
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def data_points(ax):
    """Display coordinates of every plotted point: line vertices, bar tops, scatter points."""
    points = [line.get_transform().transform(line.get_xydata()) for line in ax.lines
              if len(line.get_xydata()) and line.get_visible()]
    for patch in ax.patches:
        if hasattr(patch, "get_height") and patch.get_height() != 0:
            x, y, w, h = patch.get_x(), patch.get_y(), patch.get_width(), patch.get_height()
            points.append(patch.get_transform().transform([(x + w / 2, y + h), (x, y + h),
                                                           (x + w, y + h)]))
    for collection in ax.collections:
        offsets = collection.get_offsets()
        if len(offsets):
            points.append(collection.get_offset_transform().transform(offsets))
    return np.concatenate(points) if points else np.zeros((0, 2))


def legend_overlaps(fig):
    """``[(axes title, number of data points under its legend)]`` for legends that cover data."""
    renderer = _renderer(fig)
    bad = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None:
            continue
        box = legend.get_window_extent(renderer)
        inside = [p for p in data_points(ax)
                  if box.x0 <= p[0] <= box.x1 and box.y0 <= p[1] <= box.y1]
        if inside:
            bad.append((ax.get_title(), len(inside)))
    return bad


def tick_values(axis):
    lo, hi = sorted(axis.get_view_interval())
    return [t for t in axis.get_majorticklocs() if lo <= t <= hi]


def all_integer(axis):
    values = tick_values(axis)
    return bool(values) and all(float(v).is_integer() for v in values)


def luminance(rgba):
    r, g, b = rgba[:3]
    return 0.299 * r + 0.587 * g + 0.114 * b
