r"""Group-equivariant convolution layers on the square grid (Cohen & Welling, 2016).

The groups are ``p4`` (translations and rotations by 90 degrees) and ``p4m`` (also
reflections).  Their point groups ``H`` act on images through ``T_(m, r) = R^r F^m``:
``F`` flips left-right (``np.flip(x, -1)``), ``R`` rotates by 90 degrees counter-clockwise
(``np.rot90(x, 1, axes=(-2, -1))``).  Point-group elements are indexed ``4 m + r`` (``p4``
has only ``m = 0``), and ``(m1, r1)(m2, r2) = (m1 + m2, r1 + (-1)^m1 r2)``.

* The **lifting** convolution takes an image ``x`` on ``Z^2`` to a function on
  ``H x Z^2``: :math:`(x \star \psi)(h, t) = \sum_{y} x(y)\, (T_h \psi)(y - t)`.
* The **group** convolution takes a function on ``H x Z^2`` to another:
  :math:`(f \star \psi)(h, t) = \sum_{j \in H} \sum_y f(j, y)\, (T_h \psi_{h^{-1} j})(y - t)`.

Values keep their kind: integers stay exact integers (Python ints past int64), Fractions
and sympy values stay exact, floats follow numpy.  Both are correlations, as in deep learning (a convolution flips the kernel), summed over
input channels.  They are equivariant: transforming the input by ``k`` transforms every
output map by ``T_k`` and permutes the group axis, ``out'[h] = T_k out[k^-1 h]``; for a
rotation this is a cyclic shift of the rotation axis.  Exact for the ``valid`` mode and for
``same`` with an odd kernel (symmetric zero padding) on square inputs.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import arith
from .errors import InvalidArgument, StructureMismatch
from .validation import as_value_array, check_choice, check_int

__all__ = [
    "POINT_GROUPS",
    "transform_image",
    "lifting_convolution",
    "group_convolution",
    "LiftingConv",
    "GroupConv",
]

#: name -> list of point-group elements ``(m, r)``, in index order ``4 m + r``
POINT_GROUPS = {
    "p4": [(0, r) for r in range(4)],
    "p4m": [(m, r) for m in range(2) for r in range(4)],
}
MODES = ("valid", "same")


def _mul(a: tuple, b: tuple) -> tuple:
    (m1, r1), (m2, r2) = a, b
    return ((m1 + m2) % 2, (r1 + (-1) ** m1 * r2) % 4)


def _inv(a: tuple) -> tuple:
    m, r = a
    return (m, r) if m else (0, -r % 4)


def transform_image(x: Any, m: int, r: int) -> np.ndarray:
    """``T_(m, r) x = R^r F^m x`` on the last two axes (flip left-right, then rotate).

    Examples
    --------
    >>> from algconv.equivariant import transform_image
    >>> transform_image([[1, 2], [3, 4]], 0, 1)
    array([[2, 4],
           [1, 3]])
    >>> transform_image([[1, 2], [3, 4]], 1, 0)
    array([[2, 1],
           [4, 3]])
    """
    x = np.asarray(x)
    if m:
        x = np.flip(x, axis=-1)
    return np.rot90(x, r, axes=(-2, -1))


def _correlate(x: np.ndarray, w: np.ndarray, mode: str) -> np.ndarray:
    """``out[o, i, j] = sum_{c,u,v} x[c, i + u, j + v] w[o, c, u, v]`` (zero padded for same)."""
    k = w.shape[-1]
    x, w = arith.exact_pair(x, w, terms=w[0].size)
    if mode == "same":
        p = k // 2
        x = np.pad(x, ((0, 0), (p, p), (p, p)))
    windows = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(1, 2))
    return np.tensordot(w, windows, axes=([1, 2, 3], [0, 3, 4]))


def _check(group: str, mode: str, kernel: np.ndarray, image: np.ndarray) -> list:
    check_choice(mode, "mode", MODES)
    elements = POINT_GROUPS[check_choice(group, "group", tuple(POINT_GROUPS))]
    k1, k2 = kernel.shape[-2:]
    if k1 != k2:
        raise StructureMismatch(
            f"Got filters with kernel shape {(k1, k2)}, but rotations need square kernels"
        )
    if mode == "same" and k1 % 2 == 0:
        raise InvalidArgument(
            f"Got mode='same' with kernel size {k1}, but an even kernel cannot be padded "
            "symmetrically (equivariance would break); use an odd size or mode='valid'"
        )
    if mode == "valid" and min(image.shape[-2:]) < k1:
        raise StructureMismatch(
            f"Got an image of shape {image.shape[-2:]} and a kernel of size {k1}, but "
            "mode='valid' needs the image at least as large as the kernel"
        )
    return elements


def _values(x: Any, name: str, ndims: tuple) -> np.ndarray:
    a = as_value_array(x, name)
    if a.ndim not in ndims:
        raise StructureMismatch(
            f"Got {name} with shape {a.shape}, but expected {' or '.join(map(str, ndims))} "
            "dimensions"
        )
    return a


def lifting_convolution(image: Any, filters: Any, group: str = "p4",
                        mode: str = "valid") -> np.ndarray:
    r"""Lift an image on ``Z^2`` to feature maps on the group ``p4`` or ``p4m``.

    Parameters
    ----------
    image : array_like, shape (C_in, H, W) or (H, W)
        Input channels (a 2-D image is one channel).
    filters : array_like, shape (C_out, C_in, k, k) or (k, k)
        Square kernels (a 2-D kernel means one input and one output channel).
    group : {'p4', 'p4m'}
        Rotations (4 point-group elements) or rotations and reflections (8).
    mode : {'valid', 'same'}
        ``valid`` keeps the positions that need no padding; ``same`` zero-pads an odd
        kernel symmetrically and keeps the image size.

    Returns
    -------
    ndarray, shape (C_out, |H|, H', W')
        ``out[o, 4 m + r] = sum_c correlate(image[c], T_(m, r) filters[o, c])``.

    Raises
    ------
    StructureMismatch
        Channels that do not match, a non-square kernel, an image smaller than the kernel.
    InvalidArgument
        Unknown ``group`` or ``mode``, ``same`` with an even kernel.

    Notes
    -----
    .. math:: (x \star \psi)(h, t) = \sum_{y \in \mathbb{Z}^2} \sum_c x_c(y)\,
              (T_h \psi_c)(y - t)

    Rotating the image by 90 degrees (``np.rot90``) rotates every output map and shifts the
    rotation axis cyclically by one: ``out' = np.roll(np.rot90(out, axes=(-2, -1)), 1, 1)``.

    Examples
    --------
    >>> from algconv.equivariant import lifting_convolution
    >>> out = lifting_convolution(np.eye(3), [[1.0, 0.0], [0.0, 0.0]])
    >>> out.shape
    (1, 4, 2, 2)
    >>> out[0, 0]
    array([[1., 0.],
           [0., 1.]])
    """
    x = _values(image, "image", (2, 3))
    w = _values(filters, "filters", (2, 4))
    x = x[None] if x.ndim == 2 else x
    w = w[None, None] if w.ndim == 2 else w
    elements = _check(group, mode, w, x)
    if w.shape[1] != x.shape[0]:
        raise StructureMismatch(
            f"Got filters for {w.shape[1]} input channels, but the image has {x.shape[0]}"
        )
    stacked = np.stack([transform_image(w, m, r) for m, r in elements], axis=1)
    out, g = stacked.shape[0], len(elements)
    result = _correlate(x, stacked.reshape((out * g,) + w.shape[1:]), mode)
    return result.reshape((out, g) + result.shape[1:])


def group_convolution(features: Any, filters: Any, group: str = "p4",
                      mode: str = "valid") -> np.ndarray:
    r"""Convolve feature maps on ``p4`` / ``p4m`` with filters on the same group.

    Parameters
    ----------
    features : array_like, shape (C_in, |H|, H, W)
        A function on the group (e.g. the output of :func:`lifting_convolution`).
    filters : array_like, shape (C_out, C_in, |H|, k, k)
        One square kernel per input channel and point-group element.
    group : {'p4', 'p4m'}
    mode : {'valid', 'same'}
        As for :func:`lifting_convolution`.

    Returns
    -------
    ndarray, shape (C_out, |H|, H', W')
        ``out[o, h] = sum_{c, j} correlate(features[c, j], T_h filters[o, c, h^-1 j])``.

    Raises
    ------
    StructureMismatch, InvalidArgument
        As for :func:`lifting_convolution`; also a group axis of the wrong length.

    Notes
    -----
    .. math:: (f \star \psi)(h, t) = \sum_{j \in H} \sum_{y} \sum_c f_c(j, y)\,
              (T_h \psi_{c,\, h^{-1} j})(y - t)

    Equivariant: ``(L_k f)(j) = T_k f(k^{-1} j)`` gives ``(L_k out)``.

    Examples
    --------
    >>> from algconv.equivariant import group_convolution
    >>> f = np.zeros((1, 4, 3, 3)); f[0, 0, 1, 1] = 1.0
    >>> psi = np.zeros((1, 1, 4, 1, 1)); psi[0, 0, 0] = 2.0
    >>> out = group_convolution(f, psi)
    >>> out[0, :, 1, 1]
    array([2., 0., 0., 0.])
    """
    x = _values(features, "features", (4,))
    w = _values(filters, "filters", (5,))
    elements = _check(group, mode, w, x)
    g = len(elements)
    if x.shape[1] != g or w.shape[2] != g:
        raise StructureMismatch(
            f"Got a group axis of length {x.shape[1]} (features) and {w.shape[2]} (filters), "
            f"but group={group!r} has {g} point-group elements"
        )
    if w.shape[1] != x.shape[0]:
        raise StructureMismatch(
            f"Got filters for {w.shape[1]} input channels, but the features have {x.shape[0]}"
        )
    index = {e: i for i, e in enumerate(elements)}
    per_h = []
    for h in elements:
        hinv = _inv(h)
        perm = [index[_mul(hinv, j)] for j in elements]
        per_h.append(transform_image(w[:, :, perm], *h))
    stacked = np.stack(per_h, axis=1)  # (C_out, |H|, C_in, |H|, k, k)
    c_out, c_in, k = w.shape[0], w.shape[1], w.shape[-1]
    result = _correlate(x.reshape((c_in * g,) + x.shape[2:]),
                        stacked.reshape(c_out * g, c_in * g, k, k), mode)
    return result.reshape((c_out, g) + result.shape[1:])


class _Layer:
    def __init__(self, in_channels: int, out_channels: int, kernel_size: int,
                 group: str, mode: str, seed: Any, group_axis: bool):
        self.in_channels = check_int(in_channels, "in_channels", minimum=1)
        self.out_channels = check_int(out_channels, "out_channels", minimum=1)
        self.kernel_size = check_int(kernel_size, "kernel_size", minimum=1)
        self.group = check_choice(group, "group", tuple(POINT_GROUPS))
        self.mode = check_choice(mode, "mode", MODES)
        g = len(POINT_GROUPS[group])
        shape = (out_channels, in_channels) + ((g,) if group_axis else ()) + (kernel_size,) * 2
        fan_in = int(np.prod(shape[1:]))
        rng = np.random.default_rng(seed)
        #: the filters; replace them to load trained weights
        self.weights = rng.normal(scale=np.sqrt(2.0 / fan_in), size=shape)

    def __repr__(self) -> str:
        return (f"{type(self).__name__}({self.in_channels}, {self.out_channels}, "
                f"kernel_size={self.kernel_size}, group={self.group!r}, mode={self.mode!r})")


class LiftingConv(_Layer):
    """A lifting layer with random (He-initialised) weights; ``layer(image)`` is its forward pass.

    Examples
    --------
    >>> from algconv.equivariant import LiftingConv
    >>> layer = LiftingConv(1, 2, kernel_size=3, group="p4m", mode="same", seed=0)
    >>> layer(np.ones((1, 5, 5))).shape
    (2, 8, 5, 5)
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 3,
                 group: str = "p4", mode: str = "same", seed: Any = None):
        super().__init__(in_channels, out_channels, kernel_size, group, mode, seed, False)

    def __call__(self, image: Any) -> np.ndarray:
        return lifting_convolution(image, self.weights, self.group, self.mode)


class GroupConv(_Layer):
    """A group convolution layer on ``p4`` / ``p4m`` with random (He-initialised) weights.

    Examples
    --------
    >>> from algconv.equivariant import GroupConv
    >>> layer = GroupConv(2, 3, kernel_size=3, seed=0)
    >>> layer(np.ones((2, 4, 6, 6))).shape
    (3, 4, 6, 6)
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 3,
                 group: str = "p4", mode: str = "same", seed: Any = None):
        super().__init__(in_channels, out_channels, kernel_size, group, mode, seed, True)

    def __call__(self, features: Any) -> np.ndarray:
        return group_convolution(features, self.weights, self.group, self.mode)
