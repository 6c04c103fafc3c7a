r"""Irreducible representations of ``S_n`` (Young's orthogonal form) and a fast transform.

Irreps of ``S_n`` are indexed by partitions ``lam`` of ``n``; the basis of ``rho_lam`` is
the standard Young tableaux of shape ``lam``, ordered *adapted to the chain*
``S_1 < S_2 < ... < S_n``: tableaux are grouped by the removable corner that holds the
largest entry (corners by increasing row), and within a group ordered as the basis of the
smaller shape.  Restricted to ``S_{n-1}`` (permutations fixing ``n - 1``) every matrix is
then block diagonal, ``rho_lam = (+) rho_mu`` over the shapes ``mu`` with one box less.

Young's orthogonal form gives the adjacent transposition ``s_i = (i, i+1)``:

.. math:: \rho(s_i) e_T = \tfrac{1}{r} e_T + \sqrt{1 - r^{-2}}\, e_{s_i T},
          \qquad r = c_T(i+1) - c_T(i)

with ``c_T(e) = column - row`` of entry ``e``.  The matrices are real, symmetric and
orthogonal.  A permutation is written as an ``op``-product of adjacent transpositions
(``op(a, b)`` is *first a, then b*), so ``rho(op(a, b)) == rho(a) @ rho(b)``.

The fast transform (Clausen) uses left cosets ``g = c_j . h`` of ``S_{k-1}`` in ``S_k``
with ``c_j = s_j . s_{j+1} ... s_{k-2}``: ``F(lam) = sum_j rho(c_j) (+)_mu F_j(mu)``; each
``rho(s_i)`` has at most two non-zeros per row, so a level costs ``O(k^2 k!)`` per
subproblem instead of a dense ``|G| x |G|`` matrix.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

__all__ = [
    "partitions",
    "conjugate",
    "tableaux",
    "SymmetricData",
    "symmetric_data",
    "word",
]


@lru_cache(maxsize=None)
def partitions(n: int) -> tuple:
    """Partitions of ``n`` in reverse lexicographic order, ``(n)`` first.

    >>> partitions(4)
    ((4,), (3, 1), (2, 2), (2, 1, 1), (1, 1, 1, 1))
    """
    out = []

    def rec(rest: int, largest: int, prefix: tuple) -> None:
        if rest == 0:
            out.append(prefix)
            return
        for part in range(min(rest, largest), 0, -1):
            rec(rest - part, part, prefix + (part,))

    rec(n, n, ())
    return tuple(out)


def conjugate(lam: tuple) -> tuple:
    """The transposed partition.

    >>> conjugate((3, 1))
    (2, 1, 1)
    """
    return tuple(sum(1 for part in lam if part > i) for i in range(lam[0])) if lam else ()


def corners(lam: tuple) -> list:
    """Rows whose last box is removable, increasing.

    >>> corners((3, 1, 1))
    [0, 2]
    """
    return [r for r in range(len(lam)) if r == len(lam) - 1 or lam[r] > lam[r + 1]]


def remove_box(lam: tuple, row: int) -> tuple:
    """``lam`` with the last box of ``row`` removed.

    >>> remove_box((2, 1), 1)
    (2,)
    """
    mu = list(lam)
    mu[row] -= 1
    return tuple(p for p in mu if p)


@lru_cache(maxsize=None)
def tableaux(lam: tuple) -> tuple:
    """Standard tableaux of shape ``lam`` in the chain-adapted order.

    Each tableau is a tuple ``cells`` with ``cells[e] = (row, col)`` of entry ``e``.

    >>> tableaux((2, 1))
    (((0, 0), (1, 0), (0, 1)), ((0, 0), (0, 1), (1, 0)))
    """
    n = sum(lam)
    if n <= 1:
        return (((0, 0),),) if n == 1 else ((),)
    out = []
    for row in corners(lam):
        for t in tableaux(remove_box(lam, row)):
            out.append(t + ((row, lam[row] - 1),))
    return tuple(out)


class Transposition:
    """Young's orthogonal matrix of ``s_i`` on one shape, stored sparsely.

    ``R[t, t] = diag[t]``, ``R[partner[t], t] = off[t]`` (symmetric); ``off`` is 0 where
    ``i`` and ``i + 1`` share a row or a column.

    >>> Transposition((2, 1), 1).dense().round(3)
    array([[ 0.5  ,  0.866],
           [ 0.866, -0.5  ]])
    """

    __slots__ = ("diag", "partner", "off")

    def __init__(self, lam: tuple, i: int):
        basis = tableaux(lam)
        where = {t: k for k, t in enumerate(basis)}
        d = len(basis)
        self.diag = np.empty(d)
        self.partner = np.arange(d)
        self.off = np.zeros(d)
        for k, t in enumerate(basis):
            (r0, c0), (r1, c1) = t[i], t[i + 1]
            r = (c1 - r1) - (c0 - r0)
            self.diag[k] = 1.0 / r
            if abs(r) != 1:
                swapped = list(t)
                swapped[i], swapped[i + 1] = t[i + 1], t[i]
                self.partner[k] = where[tuple(swapped)]
                self.off[k] = math.sqrt(1.0 - 1.0 / (r * r))

    def left_inplace(self, x: np.ndarray) -> None:
        """``x[...] = R @ x`` over the second-to-last axis, with one temporary."""
        moved = x[..., self.partner, :]
        moved *= self.off[:, None]
        x *= self.diag[:, None]
        x += moved

    def right(self, x: np.ndarray) -> np.ndarray:
        """``x @ R`` over the last axis."""
        return x * self.diag + x[..., self.partner] * self.off

    def dense(self) -> np.ndarray:
        d = len(self.diag)
        m = np.diag(self.diag)
        m[self.partner, np.arange(d)] += self.off
        return m


def word(g: tuple) -> list:
    """Adjacent transpositions ``[i1, i2, ...]`` with ``g == s_i1 . s_i2 . ...`` (``op`` order).

    Follows the coset decomposition ``g = c_j . h``, ``c_j = s_j . s_{j+1} ... s_{k-2}``.

    >>> word((1, 0, 2))
    [0]
    """
    g = list(g)
    out = []
    for k in range(len(g), 1, -1):
        j = g.index(k - 1)
        out.extend(range(j, k - 1))
        # h = c_j^{-1} . g: h[i] = g[c_j^{-1}[i]], c_j^{-1} moves i -> i+1 on j..k-2, k-1 -> j
        g = g[:j] + g[j + 1 : k] + [g[j]] + g[k:]
    return out


class SymmetricData:
    """Everything about ``S_n`` the transform needs, built once per ``n``.

    >>> data = SymmetricData(3)
    >>> data.shapes, [data.dims[lam] for lam in data.shapes]
    (((3,), (2, 1), (1, 1, 1)), [1, 2, 1])
    >>> [block.shape for block in data.forward(np.ones((1, 6)))]
    [(1, 1, 1), (1, 2, 2), (1, 1, 1)]
    """

    def __init__(self, n: int):
        self.n = n
        self.shapes = partitions(n)
        #: transposition matrices per level k (shapes of k) and i in range(k - 1)
        self.levels = {
            k: {lam: [Transposition(lam, i) for i in range(k - 1)] for lam in partitions(k)}
            for k in range(1, n + 1)
        }
        self.dims = {lam: len(tableaux(lam)) for k in range(1, n + 1) for lam in partitions(k)}
        self._order = None

    def matrix(self, lam: tuple, g: tuple) -> np.ndarray:
        """The dense ``rho_lam(g)``."""
        ts = self.levels[self.n][lam]
        m = np.eye(self.dims[lam])
        for i in word(g):
            m = ts[i].right(m)
        return m

    def recursion_order(self) -> np.ndarray:
        """``order[flat] = index in SymmetricGroup(n).elements()`` of the recursion's element.

        The flat index is ``j_n (n-1)! + j_{n-1} (n-2)! + ... + j_2`` for
        ``g = c_{j_n} . c_{j_{n-1}} ... c_{j_2}``.
        """
        if self._order is None:
            n = self.n
            elems = np.arange(n, dtype=np.intp)[None, :]
            for k in range(2, n + 1):
                blocks = []
                for j in range(k):
                    c = list(range(n))  # c_j = s_j . ... . s_{k-2}: j -> k-1, i -> i-1 between
                    c[j] = k - 1
                    for i in range(j + 1, k):
                        c[i] = i - 1
                    # op(c, h)[i] = h[c[i]]
                    blocks.append(elems[:, c])
                elems = np.concatenate(blocks, axis=0)
            weights = n ** np.arange(n - 1, -1, -1, dtype=np.int64)
            codes = elems.astype(np.int64) @ weights
            rank = np.empty(len(codes), dtype=np.intp)
            rank[np.argsort(codes, kind="stable")] = np.arange(len(codes))
            self._order = rank
        return self._order

    # --- the fast transform and its adjoint ---------------------------------------------------

    def forward(self, a: np.ndarray) -> list:
        """``a`` (batch, n!) in elements() order -> ``[F(lam) (batch, d, d)]`` over ``shapes``."""
        n, batch = self.n, a.shape[0]
        flat = a[:, self.recursion_order()]
        current = {(1,): flat.reshape(-1, 1, 1)}  # batch * n! subproblems on S_1
        for k in range(2, n + 1):
            nxt = {}
            for lam in partitions(k):
                d = self.dims[lam]
                first = current[next(iter(current))]
                m = first.shape[0] // k
                b = np.zeros((m, k, d, d), dtype=first.dtype)
                at = 0
                for row in corners(lam):
                    mu = remove_box(lam, row)
                    dm = self.dims[mu]
                    b[:, :, at : at + dm, at : at + dm] = current[mu].reshape(m, k, dm, dm)
                    at += dm
                ts = self.levels[k][lam]
                for i in range(k - 2, -1, -1):
                    ts[i].left_inplace(b[:, : i + 1])
                nxt[lam] = b.sum(axis=1)
            current = nxt
        return [current[lam].reshape(batch, self.dims[lam], self.dims[lam]) for lam in self.shapes]

    def adjoint(self, blocks: list) -> np.ndarray:
        """The adjoint of ``forward``: ``out[:, g] = sum_lam <rho_lam(g), blocks[lam]>``."""
        n = self.n
        batch = blocks[0].shape[0]
        current = {lam: x for lam, x in zip(self.shapes, blocks)}
        for k in range(n, 1, -1):
            nxt: dict = {}
            for lam in partitions(k):
                g = current[lam]
                m = g.shape[0]
                x = np.broadcast_to(g[:, None], (m, k) + g.shape[1:]).copy()
                ts = self.levels[k][lam]
                for i in range(k - 1):
                    ts[i].left_inplace(x[:, : i + 1])
                at = 0
                for row in corners(lam):
                    mu = remove_box(lam, row)
                    dm = self.dims[mu]
                    piece = x[:, :, at : at + dm, at : at + dm].reshape(m * k, dm, dm)
                    nxt[mu] = nxt[mu] + piece if mu in nxt else piece
                    at += dm
            current = nxt
        flat = current[(1,)].reshape(batch, -1)
        out = np.empty_like(flat)
        out[:, self.recursion_order()] = flat
        return out


@lru_cache(maxsize=16)
def symmetric_data(n: int) -> SymmetricData:
    """The cached ``SymmetricData`` of ``S_n``.

    >>> symmetric_data(4) is symmetric_data(4)
    True
    """
    return SymmetricData(n)
