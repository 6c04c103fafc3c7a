r"""Fourier bases: a group's irreps together with a forward transform and its adjoint.

Every basis has ``reps`` (a list of :class:`Representation`), ``forward(a)`` mapping a
batch ``a`` of shape ``(batch, |G|)`` (values in ``elements()`` order) to the list
``[F(rho) (batch, d, d)]`` with :math:`F(\rho) = \sum_g a(g) \rho(g)`, and ``adjoint(F)``
with :math:`\mathrm{adjoint}(F)(g) = \sum_\rho \langle \rho(g), F(\rho) \rangle` (the
Frobenius product, conjugating ``rho``).  The inverse transform is
``adjoint(d_rho F(rho) / |G|)``.

Families: ``Cyclic`` (FFT), ``BooleanGroup`` (Walsh-Hadamard), ``SymmetricGroup`` (Young's
orthogonal form, Clausen's fast transform), ``AlternatingGroup`` (restriction and
splitting, through the ``S_n`` transform), ``DihedralGroup`` (explicit 1-D and 2-D irreps),
direct products (tensor products, transformed one factor at a time), and any other finite
group (numerical decomposition, see ``numeric.py``), whose transforms are dense.
"""

from __future__ import annotations

import cmath
import math

import numpy as np

from .. import config
from ..caches import BASES
from .._kernels import walsh_hadamard
from ..errors import InvalidArgument
from ..structures.base import FiniteGroup
from ..structures.finite import BooleanGroup, Cyclic
from ..structures.permutations import AlternatingGroup, DihedralGroup, SymmetricGroup, is_even
from ..structures.product import Product
from ..validation import describe
from .representation import Representation
from .symmetric import conjugate, symmetric_data, tableaux

__all__ = ["Basis", "DenseBasis", "basis_of"]


class Basis:
    """Irreps of a group with a forward transform and its adjoint (see module docstring).

    >>> basis = basis_of(ac.Cyclic(4))
    >>> f = np.array([[1.0, 2.0, 3.0, 4.0]])
    >>> bool(np.allclose(basis.inverse(basis.forward(f)), f))
    True
    """

    group: FiniteGroup
    reps: list
    #: whether every matrix is real
    real: bool = False
    #: a fast (not dense |G| x |G|) transform
    fast: bool = False

    def forward(self, a: np.ndarray) -> list:
        raise NotImplementedError

    def adjoint(self, blocks: list) -> np.ndarray:
        raise NotImplementedError

    def inverse(self, blocks: list) -> np.ndarray:
        """``f(g) = (1/|G|) sum_rho d_rho <rho(g), F(rho)>``."""
        n = self.group.order
        return self.adjoint([b * (r.dimension / n) for b, r in zip(blocks, self.reps)])


class DenseBasis(Basis):
    """Every ``rho(g)`` stored: ``|G| * sum d^2 = |G|^2`` numbers.

    >>> type(basis_of(ac.DihedralGroup(4))).__name__
    'DenseBasis'
    """

    def __init__(self, group: FiniteGroup, reps: list, matrices: list):
        self.group, self.reps = group, reps
        self.matrices = [m.reshape(group.order, -1) for m in matrices]
        self.real = all(r.real for r in reps)

    def forward(self, a: np.ndarray) -> list:
        return [(a @ m).reshape(a.shape[0], r.dimension, r.dimension)
                for m, r in zip(self.matrices, self.reps)]

    def adjoint(self, blocks: list) -> np.ndarray:
        out = 0
        for b, m in zip(blocks, self.matrices):
            out = out + b.reshape(b.shape[0], -1) @ m.conj().T
        return out


def dense_from_reps(group: FiniteGroup, reps: list) -> DenseBasis:
    """A ``DenseBasis`` holding ``rho(g)`` of every irrep at every element.

    >>> dense_from_reps(ac.Cyclic(3), basis_of(ac.Cyclic(3)).reps).matrices[1].shape
    (3, 1)
    """
    config.check_memory(16.0 * group.order**2, f"the dense Fourier basis of {group!r}")
    els = group.elements()
    mats = [np.array([r._matrix(g) for g in els]) for r in reps]
    return DenseBasis(group, reps, mats)


# --- abelian families --------------------------------------------------------------------------


class CyclicBasis(Basis):
    """Characters ``chi_k(x) = exp(2 pi i k x / n)``; the transform is an FFT.

    >>> CyclicBasis(ac.Cyclic(2)).forward(np.array([[1.0, 2.0]]))
    [array([[[3.]]]), array([[[-1.]]])]
    """

    fast = True

    def __init__(self, group: Cyclic):
        n = self.n = group.order
        self.group = group
        self.real = n <= 2

        def character(k):
            if n <= 2:
                return lambda x: np.array([[(-1.0) ** (k * x)]])
            return lambda x: np.array([[cmath.exp(2j * math.pi * k * x / n)]])

        self.reps = [Representation(group, 1, f"k={k}", character(k), self.real) for k in range(n)]

    def forward(self, a: np.ndarray) -> list:
        out = np.fft.ifft(a, axis=-1) * self.n
        out = out.real if self.real and np.isrealobj(a) else out
        return [out[:, k, None, None] for k in range(self.n)]

    def adjoint(self, blocks: list) -> np.ndarray:
        stacked = np.stack([b[:, 0, 0] for b in blocks], axis=-1)
        out = np.fft.fft(stacked, axis=-1)
        return out.real if self.real and np.isrealobj(stacked) else out


class BooleanBasis(Basis):
    """Characters ``chi_S(x) = (-1)^popcount(S & x)``; the transform is Walsh-Hadamard.

    >>> [b[0, 0, 0] for b in BooleanBasis(ac.BooleanGroup(2)).forward(np.array([[1.0, 0, 0, 0]]))]
    [np.float64(1.0), np.float64(1.0), np.float64(1.0), np.float64(1.0)]
    """

    fast = True
    real = True

    def __init__(self, group: BooleanGroup):
        self.group, self.bits = group, group.n

        def character(s):
            return lambda x: np.array([[(-1.0) ** bin(s & x).count("1")]])

        self.reps = [Representation(group, 1, f"S={s}", character(s), True)
                     for s in range(group.order)]

    def forward(self, a: np.ndarray) -> list:
        out = walsh_hadamard(np.array(a), self.bits)
        return [out[:, s, None, None] for s in range(self.group.order)]

    def adjoint(self, blocks: list) -> np.ndarray:
        return walsh_hadamard(np.stack([b[:, 0, 0] for b in blocks], axis=-1), self.bits)


# --- symmetric and alternating groups ----------------------------------------------------------


def _check_tableaux(group) -> None:
    """Refuse degrees whose standard tableaux (one per basis vector) would not fit in memory."""
    n, involutions, previous = group.degree, 1, 1  # I(k) = I(k-1) + (k-1) I(k-2)
    for k in range(2, n + 1):
        involutions, previous = involutions + (k - 1) * previous, involutions
    config.check_memory(150.0 * n * involutions, f"the Young tableaux of {group!r}")


class SymmetricBasis(Basis):
    """Young's orthogonal form, indexed by partitions; Clausen's fast transform.

    >>> [r.name for r in SymmetricBasis(ac.SymmetricGroup(3)).reps]
    ['(3,)', '(2, 1)', '(1, 1, 1)']
    """

    fast = True
    real = True

    def __init__(self, group: SymmetricGroup):
        self.group = group
        _check_tableaux(group)
        self.data = symmetric_data(group.degree)

        def matrix(lam):
            return lambda g: self.data.matrix(lam, g)

        self.reps = [Representation(group, self.data.dims[lam], str(lam), matrix(lam), True)
                     for lam in self.data.shapes]

    def forward(self, a: np.ndarray) -> list:
        return self.data.forward(a)

    def adjoint(self, blocks: list) -> np.ndarray:
        return self.data.adjoint(blocks)


def _splitting(lam: tuple) -> tuple:
    """Orthonormal ``(U_plus, U_minus)`` splitting ``rho_lam`` on ``A_n`` (``lam`` self-conjugate).

    ``J e_T = sign(T) e_{T'}`` (``T'`` the transpose, ``sign(T)`` the parity of the
    permutation taking a fixed tableau to ``T``) anticommutes with every ``rho(s_i)``, so it
    commutes with ``rho`` on even permutations; its two eigenspaces are the two irreps.
    """
    basis = tableaux(lam)
    where = {t: k for k, t in enumerate(basis)}
    reference = {cell: e for e, cell in enumerate(basis[0])}
    d = len(basis)
    j = np.zeros((d, d))
    for k, t in enumerate(basis):
        perm = tuple(reference[cell] for cell in t)
        transposed = tuple((c, r) for r, c in t)
        j[where[transposed], k] = 1.0 if is_even(perm) else -1.0
    h = j if np.allclose(j, j.T) else 1j * j
    values, vectors = np.linalg.eigh(h)
    return vectors[:, values > 0], vectors[:, values < 0]


class AlternatingBasis(Basis):
    """Irreps of ``A_n`` from ``S_n``: ``rho_lam`` restricted, for ``lam`` after its conjugate;
    a self-conjugate ``lam`` splits into two halves ``U_+^* rho_lam U_+`` and ``U_-^* rho_lam U_-``.
    The transform runs through the fast ``S_n`` transform of the zero-extended function.

    >>> [(r.name, r.dimension) for r in AlternatingBasis(ac.AlternatingGroup(3)).reps]
    [('(3,)', 1), ('(2, 1)+', 1), ('(2, 1)-', 1)]
    """

    fast = True

    def __init__(self, group: AlternatingGroup):
        self.group = group
        _check_tableaux(group)
        n = group.degree
        self.sym = SymmetricGroup(n)
        self.data = symmetric_data(n)
        self.positions = np.array([self.sym.index(g) for g in group.elements()], dtype=np.intp)
        self.parts = []  # (index of lam in data.shapes, U or None)
        self.reps = []
        for s, lam in enumerate(self.data.shapes):
            lam_c = conjugate(lam)
            if n == 1 or lam > lam_c:
                self.parts.append((s, None))
                self.reps.append(self._rep(lam, None, str(lam)))
            elif lam == lam_c:
                for sign, u in zip("+-", _splitting(lam)):
                    self.parts.append((s, u))
                    self.reps.append(self._rep(lam, u, f"{lam}{sign}"))
            if n == 1:
                break
        self.real = all(r.real for r in self.reps)

    def _rep(self, lam, u, name):
        data = self.data
        if u is None:
            return Representation(self.group, data.dims[lam], name,
                                  lambda g: data.matrix(lam, g), True)
        return Representation(self.group, u.shape[1], name,
                              lambda g: u.conj().T @ data.matrix(lam, g) @ u,
                              not np.iscomplexobj(u))

    def forward(self, a: np.ndarray) -> list:
        full = np.zeros((a.shape[0], self.sym.order), dtype=a.dtype)
        full[:, self.positions] = a
        blocks = self.data.forward(full)
        return [blocks[s] if u is None else u.conj().T @ blocks[s] @ u for s, u in self.parts]

    def adjoint(self, blocks: list) -> np.ndarray:
        batch = blocks[0].shape[0]
        dtype = np.result_type(*blocks, *(u for _, u in self.parts if u is not None))
        lifted = [np.zeros((batch, d, d), dtype=dtype)
                  for d in (self.data.dims[lam] for lam in self.data.shapes)]
        for (s, u), b in zip(self.parts, blocks):
            lifted[s] = lifted[s] + (b if u is None else u @ b @ u.conj().T)
        return self.data.adjoint(lifted)[:, self.positions]


# --- dihedral groups ---------------------------------------------------------------------------


def _dihedral_reps(group: DihedralGroup) -> list:
    """Explicit irreps of ``D_n``; an element ``p`` is ``(k, s)``: rotation ``i -> i + k``
    (``s = 0``) or reflection ``i -> k - i`` (``s = 1``).  ``rho = sigma^T`` for the usual
    ``sigma(rot k) = R(2 pi m k / n)``, ``sigma(ref k) = R(2 pi m k / n) diag(1, -1)``, so
    that ``rho(op(a, b)) = rho(a) rho(b)`` with ``op`` = first ``a``, then ``b``."""
    n = group.n
    if n <= 2:  # D_1 = Z/2, D_2 = the Klein four-group: characters from two generators
        gens = [(1, 0)] if n == 1 else [(1, 0, 3, 2), (2, 3, 0, 1)]
        # express each element as a product of generators (all commute, all involutions)
        words = {group.identity: ()}
        for g in gens:
            for x, w in list(words.items()):
                words[group.op(x, g)] = w + (g,)
        reps = []
        for signs in np.ndindex(*(2,) * len(gens)):
            chi = {x: float(np.prod([(-1.0) ** signs[gens.index(g)] for g in w]))
                   for x, w in words.items()}
            name = "trivial" if not any(signs) else "chi" + "".join(map(str, signs))
            reps.append(Representation(group, 1, name, lambda x, c=chi: np.array([[c[x]]]), True))
        return reps

    def parse(p):
        return p[0], int(p[1] != (p[0] + 1) % n)

    def one(values):
        return lambda p: np.array([[values(*parse(p))]], dtype=float)

    reps = [
        Representation(group, 1, "trivial", one(lambda k, s: 1.0), True),
        Representation(group, 1, "sign", one(lambda k, s: (-1.0) ** s), True),
    ]
    if n % 2 == 0:
        reps.append(Representation(group, 1, "alt", one(lambda k, s: (-1.0) ** k), True))
        reps.append(Representation(group, 1, "alt-sign", one(lambda k, s: (-1.0) ** (k + s)),
                                   True))

    def two(m):
        def matrix(p):
            k, s = parse(p)
            t = 2 * math.pi * m * k / n
            sigma = np.array([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]])
            if s:
                sigma = sigma @ np.diag([1.0, -1.0])
            return sigma.T.copy()

        return matrix

    for m in range(1, (n - 1) // 2 + 1):
        reps.append(Representation(group, 2, f"m={m}", two(m), True))
    return reps


# --- direct products ---------------------------------------------------------------------------


class ProductBasis(Basis):
    """Irreps of ``G x H`` are ``rho (x) sigma`` (Kronecker products), ``rho`` major; the
    transform is taken one factor at a time.

    >>> [r.name for r in basis_of(ac.product(ac.Cyclic(2), ac.Cyclic(2))).reps]
    ['k=0 x k=0', 'k=0 x k=1', 'k=1 x k=0', 'k=1 x k=1']
    """

    def __init__(self, group: FiniteGroup, first: Basis, rest: Basis):
        self.group, self.first, self.rest = group, first, rest
        self.n1, self.n2 = first.group.order, rest.group.order
        self.real = first.real and rest.real
        self.fast = first.fast and rest.fast
        self.reps = []
        nested = len(group.factors) > 2
        for r in first.reps:
            for s in rest.reps:
                def matrix(x, r=r, s=s):
                    tail = x[1:] if nested else x[1]
                    return np.kron(r._matrix(x[0]), s._matrix(tail))

                self.reps.append(Representation(group, r.dimension * s.dimension,
                                                f"{r.name} x {s.name}", matrix,
                                                r.real and s.real))

    def forward(self, a: np.ndarray) -> list:
        b = a.shape[0]
        inner = self.rest.forward(a.reshape(b * self.n1, self.n2))
        out = []  # sigma-major
        for s_block in inner:
            ds = s_block.shape[-1]
            x = s_block.reshape(b, self.n1, ds * ds).transpose(0, 2, 1).reshape(-1, self.n1)
            for r_block in self.first.forward(x):
                dr = r_block.shape[-1]
                y = r_block.reshape(b, ds, ds, dr, dr).transpose(0, 3, 1, 4, 2)
                out.append(y.reshape(b, dr * ds, dr * ds))
        k1, k2 = len(self.first.reps), len(self.rest.reps)
        return [out[j * k1 + i] for i in range(k1) for j in range(k2)]  # rho-major

    def adjoint(self, blocks: list) -> np.ndarray:
        b = blocks[0].shape[0]
        k2 = len(self.rest.reps)
        inner = []
        for j, s in enumerate(self.rest.reps):
            ds = s.dimension
            per_r = []
            for i, r in enumerate(self.first.reps):
                dr = r.dimension
                y = blocks[i * k2 + j].reshape(b, dr, ds, dr, ds).transpose(0, 2, 4, 1, 3)
                per_r.append(y.reshape(b * ds * ds, dr, dr))
            x = self.first.adjoint(per_r)  # (b * ds * ds, n1)
            inner.append(x.reshape(b, ds * ds, self.n1).transpose(0, 2, 1).reshape(-1, ds, ds))
        return self.rest.adjoint(inner).reshape(b, self.n1 * self.n2)


def _product_basis(group) -> Basis:
    from ..structures.product import product

    factors = group.factors
    first = basis_of(factors[0])
    rest = basis_of(factors[1]) if len(factors) == 2 else basis_of(product(*factors[1:]))
    return ProductBasis(group, first, rest)


# --- choosing a basis --------------------------------------------------------------------------


def _build(group: FiniteGroup) -> Basis:
    if type(group) is Cyclic:
        return CyclicBasis(group)
    if type(group) is BooleanGroup:
        return BooleanBasis(group)
    if type(group) is SymmetricGroup:
        return SymmetricBasis(group)
    if type(group) is AlternatingGroup:
        return AlternatingBasis(group)
    if type(group) is DihedralGroup:
        return dense_from_reps(group, _dihedral_reps(group))
    if isinstance(group, Product):
        return _product_basis(group)
    from .numeric import numeric_reps

    return dense_from_reps(group, numeric_reps(group))


def basis_of(group) -> Basis:
    """The cached Fourier basis of a finite group (built on first use).

    Bases are kept by the group's value (``algconv.caches.BASES``, bounded by the memory
    limit): equal groups share one.

    >>> basis_of(ac.SymmetricGroup(4)) is basis_of(ac.SymmetricGroup(4))
    True
    """
    if not isinstance(group, FiniteGroup):
        raise InvalidArgument(
            f"Got over={describe(group)}, but Fourier analysis needs a finite group "
            "(ac.FiniteGroup, e.g. ac.SymmetricGroup(4))"
        )
    return BASES.get(group, lambda: _build(group), lambda basis: basis_bytes(group))


def basis_bytes(group) -> float:
    """Estimated bytes of the Fourier basis of ``group`` (what ``BASES`` counts).

    >>> basis_bytes(ac.SymmetricGroup(3)), basis_bytes(ac.DihedralGroup(3))
    (1728.0, 1728.0)
    """
    n = group.order
    if type(group) in (SymmetricGroup, AlternatingGroup):
        return 96.0 * group.degree * math.factorial(group.degree)
    if isinstance(group, (Cyclic, BooleanGroup)) or (
            isinstance(group, Product) and all(isinstance(f, (Cyclic, BooleanGroup))
                                               for f in group.factors)):
        return 96.0 * n * max(1, int(math.log2(n)))
    return 48.0 * n * n
