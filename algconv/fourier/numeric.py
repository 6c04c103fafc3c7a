r"""Irreps of any finite group, numerically, from its Cayley table.

1. **Characters** (Dixon / Burnside): the class sums span the centre of the group algebra;
   with structure constants :math:`K_r K_s = \sum_t a_{rst} K_t`, every central character
   :math:`\omega_\chi(K_t) = |C_t| \chi(z_t) / \chi(1)` is a common eigenvector of the
   matrices :math:`(a_{rst})_{s,t}`.  A random combination has simple eigenvalues, so one
   eigendecomposition finds them all; :math:`\chi(1)` follows from
   :math:`\sum_t |C_t| |\chi(z_t)|^2 = |G|`.
2. **Matrices**: the isotypic projector :math:`P_\chi = \frac{d}{|G|}\sum_g
   \overline{\chi(g)} R(g)` of the right regular representation has rank :math:`d^2`; a
   random Hermitian element of the left action (which commutes with ``R``) restricted to
   its image has ``d`` eigenvalues of multiplicity ``d``, and one eigenspace is an
   irreducible submodule.  Its orthonormal basis ``B`` gives the unitary
   :math:`\rho(g) = B R(g) B^*`.
3. **Validation**: Plancherel (:math:`\sum d^2 = |G|`), orthonormality of the characters,
   unitarity, ``trace(rho(g)) == chi(g)`` and the homomorphism property on sampled pairs;
   a failure raises ``AlgconvError``.
"""

from __future__ import annotations

import numpy as np

from .. import config
from ..errors import AlgconvError
from ..structures.base import FiniteGroup
from .representation import Representation

__all__ = ["conjugacy_classes", "character_table", "numeric_reps"]

TOL = 1e-8


def conjugacy_classes(group: FiniteGroup) -> np.ndarray:
    """``cls[i]`` = the class number of element ``i`` (classes numbered in order of first element).

    >>> conjugacy_classes(ac.SymmetricGroup(3))
    array([0, 1, 1, 2, 2, 1])
    """
    table, inv = group.cayley_table(), group.inverse_indices()
    n = group.order
    cls = np.full(n, -1, dtype=np.intp)
    everyone = np.arange(n)
    k = 0
    for x in range(n):
        if cls[x] < 0:
            cls[table[table[inv, x], everyone]] = k  # g^-1 . x . g for every g
            k += 1
    return cls


def _failure(group, what: str) -> AlgconvError:
    return AlgconvError(
        f"the numerical decomposition of {group!r} failed validation: {what}; this should "
        "not happen for a valid group table — please report it"
    )


def character_table(group: FiniteGroup, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``(chars, cls)``: irreducible characters on classes (rows), and the class of each element.

    Rows are sorted: trivial first, then by degree; validated (Plancherel, orthonormality).

    >>> chars, cls = character_table(ac.SymmetricGroup(3))
    >>> chars.real.round(6) + 0.0
    array([[ 1.,  1.,  1.],
           [ 1., -1.,  1.],
           [ 2.,  0., -1.]])
    """
    table, inv = group.cayley_table(), group.inverse_indices()
    n = group.order
    cls = conjugacy_classes(group)
    k = int(cls.max()) + 1
    sizes = np.bincount(cls, minlength=k).astype(float)
    reps = np.array([int(np.flatnonzero(cls == t)[0]) for t in range(k)])
    everyone = np.arange(n)
    a = np.zeros((k, k, k))
    for t in range(k):
        np.add.at(a[:, :, t], (cls, cls[table[inv[everyone], reps[t]]]), 1.0)
    e_class = int(cls[group._identity_index()])
    rng = np.random.default_rng(seed)
    for _attempt in range(8):
        combo = np.einsum("r,rst->st", rng.normal(size=k) + 1j * rng.normal(size=k), a)
        values, vectors = np.linalg.eig(combo)
        gaps = np.abs(values[:, None] - values[None, :]) + np.eye(k) * 1e300
        if gaps.min() > 1e-6 * max(1.0, np.abs(values).max()):
            break
    else:
        raise _failure(group, "no combination of class sums with simple eigenvalues")
    omega = vectors / vectors[e_class]
    degrees = np.sqrt(n / (np.abs(omega) ** 2 / sizes[:, None]).sum(axis=0))
    rounded = np.rint(degrees)
    if np.abs(degrees - rounded).max() > 1e-6:
        raise _failure(group, f"degrees {degrees} are not integers")
    chars = (rounded[None, :] * omega / sizes[:, None]).T  # (irreps, classes)
    if int((rounded**2).sum()) != n:
        raise _failure(group, f"Plancherel: sum of squared degrees {rounded} != {n}")
    gram = (chars * sizes) @ chars.conj().T / n
    if np.abs(gram - np.eye(k)).max() > TOL:
        raise _failure(group, "the characters are not orthonormal")
    key = [(d, tuple(np.round(-c.real, 6)), tuple(np.round(c.imag, 6)))
           for d, c in zip(rounded, chars)]
    order = sorted(range(k), key=key.__getitem__)
    return chars[order], cls


def _irreducible_basis(group, chi: np.ndarray, d: int, rng) -> np.ndarray:
    """Orthonormal rows ``B`` (d x |G|) spanning one irreducible right submodule for ``chi``."""
    table, inv = group.cayley_table(), group.inverse_indices()
    n = group.order
    chi = chi.real if np.abs(chi.imag).max() < 1e-12 else chi
    projector = (d / n) * np.conj(chi)[table[inv]]  # P[x, y] = d/|G| conj(chi(x^-1 y))
    b = rng.normal(size=(d * d, n)) @ projector  # rows span the isotypic component
    import scipy.linalg  # on first use: ``import algconv`` stays light

    for _ in range(2):  # Cholesky QR, twice for accuracy (much faster than numpy's qr here)
        lower = np.linalg.cholesky(b @ b.conj().T)
        b = scipy.linalg.solve_triangular(lower, b, lower=True)
    left = table[:, inv].T  # left[x, y] = index(y . x^-1)
    for _attempt in range(8):
        c = rng.normal(size=n)
        c = c + c[inv]
        h = b @ c[left] @ b.conj().T
        h = (h + h.conj().T) / 2
        values, vectors = np.linalg.eigh(h)
        spread = values[d - 1] - values[0]
        gap = values[d] - values[d - 1]
        if spread < 1e-7 * (1 + abs(values).max()) and gap > 1e-4:
            return vectors[:, :d].conj().T @ b
    raise _failure(group, f"no irreducible submodule of degree {d} was separated")


def generators(group: FiniteGroup) -> tuple:
    """A small generating set, and a breadth-first spanning tree of the Cayley graph.

    Returns ``(gens, parent, via)``: every element ``y`` other than the identity is
    ``op(parent[y], gens[via[y]])``, and ``layers`` lists the elements by distance from
    the identity (parents before children).

    >>> gens, parent, via, layers = generators(ac.Cyclic(6))
    >>> gens, [layer.tolist() for layer in layers]
    ([1], [[1], [2], [3], [4], [5]])
    """
    table = group.cayley_table()
    n = group.order
    e = group._identity_index()
    gens: list = []
    reached = np.zeros(n, dtype=bool)
    reached[e] = True
    for x in range(n):
        if reached[x]:
            continue
        gens.append(x)
        frontier = np.flatnonzero(reached)
        while len(frontier):  # closure of the subgroup generated so far
            new = np.unique(table[frontier][:, gens].ravel())
            new = new[~reached[new]]
            reached[new] = True
            frontier = new
    parent = np.full(n, -1, dtype=np.intp)
    via = np.full(n, -1, dtype=np.intp)
    seen = np.zeros(n, dtype=bool)
    seen[e] = True
    layers, frontier = [], np.array([e])
    while len(frontier):
        nxt = []
        for k, g in enumerate(gens):
            ys = table[frontier, g]
            fresh = ~seen[ys]
            ys, xs = ys[fresh], frontier[fresh]
            ys, first = np.unique(ys, return_index=True)
            seen[ys] = True
            parent[ys], via[ys] = xs[first], k
            nxt.append(ys)
        frontier = np.concatenate(nxt) if nxt else np.array([], dtype=np.intp)
        if len(frontier):
            layers.append(frontier)
    return gens, parent, via, layers


def _matrices(group, b: np.ndarray) -> np.ndarray:
    """``rho(g) = B R(g) B^*`` on generators (``(B R(g))[:, y] = B[:, index(y . g^-1)]``),
    then ``rho(x . s) = rho(x) rho(s)`` along a breadth-first spanning tree."""
    table, inv = group.cayley_table(), group.inverse_indices()
    n, d = group.order, b.shape[0]
    gens, parent, via, layers = _tree(group)
    gen_mats = np.stack([b[:, table[:, inv[g]]] @ b.conj().T for g in gens])
    out = np.empty((n, d, d), dtype=b.dtype)
    out[group._identity_index()] = np.eye(d)
    for layer in layers:
        out[layer] = out[parent[layer]] @ gen_mats[via[layer]]
    return out


def _tree(group):
    cached = group.__dict__.get("_spanning_tree")
    if cached is None:
        cached = group.__dict__["_spanning_tree"] = generators(group)
    return cached


def _validate(group, mats: np.ndarray, chi: np.ndarray, rng) -> None:
    d = mats.shape[1]
    if np.abs(np.einsum("gii->g", mats) - chi).max() > 1e-7:
        raise _failure(group, "a matrix trace differs from its character")
    if np.abs(np.einsum("gij,gkj->gik", mats, mats.conj()) - np.eye(d)).max() > 1e-7:
        raise _failure(group, "a matrix is not unitary")
    table = group.cayley_table()
    n = group.order
    a = rng.integers(n, size=min(n, 16))
    for x in a:
        if np.abs(mats[x][None] @ mats - mats[table[x]]).max() > 1e-7:
            raise _failure(group, "rho(a . b) != rho(a) rho(b)")


def numeric_reps(group: FiniteGroup) -> list:
    """Validated unitary irreps of ``group`` (trivial first, then by degree).

    >>> from sympy.combinatorics.named_groups import AlternatingGroup
    >>> [r.dimension for r in numeric_reps(ac.FiniteGroup.from_sympy(AlternatingGroup(4)))]
    [1, 1, 1, 3]
    """
    n = group.order
    config.check_memory(48.0 * n * n, f"the numerical decomposition of {group!r}")
    chars, cls = character_table(group)
    rng = np.random.default_rng(1)
    reps = []
    for i, row in enumerate(chars):
        chi = row[cls]
        d = round(chi[group._identity_index()].real)
        if d == 1:
            mats = chi.reshape(n, 1, 1)
        else:
            mats = _matrices(group, _irreducible_basis(group, chi, d, rng))
        if np.abs(mats.imag).max() < 1e-12:
            mats = mats.real.copy()
        _validate(group, mats, chi, rng)
        reps.append(_stored(group, mats, f"chi{i}", d))
    return reps


def _stored(group, mats: np.ndarray, name: str, d: int) -> Representation:
    index = group._index_map()
    return Representation(group, d, name, lambda g: mats[index[g]].copy(),
                          not np.iscomplexobj(mats))
