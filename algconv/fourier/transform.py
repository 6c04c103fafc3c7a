r"""The public Fourier API: ``irreps``, ``transform`` and ``inverse_transform``."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import InvalidType, StructureMismatch
from ..function import Function, trusted_dense, view
from ..structures.base import FiniteGroup, check_structure
from ..validation import describe, value_kind
from .bases import basis_of

__all__ = ["irreps", "transform", "inverse_transform"]


def irreps(G: FiniteGroup) -> list:
    r"""The irreducible unitary representations of a finite group, one per isomorphism class.

    Parameters
    ----------
    G : FiniteGroup
        ``Cyclic``, ``BooleanGroup``, ``SymmetricGroup``, ``AlternatingGroup``,
        ``DihedralGroup``, a ``product`` of finite groups, or any other finite group
        (``FiniteGroup.from_cayley_table``, ``from_sympy``, ``from_generators``).

    Returns
    -------
    list of Representation
        ``rho(op(a, b)) == rho(a) @ rho(b)``.  ``S_n``: Young's orthogonal form, one per
        partition (``name`` is the partition, ``(n,)`` first); ``A_n``: restrictions, with
        self-conjugate partitions split into ``"lam+"`` and ``"lam-"``; ``D_n``: the 1-D
        characters then the 2-D rotations ``"m=1"``, ...; ``Z/n``: ``"k=0"``, ...; products:
        Kronecker products ``"rho x sigma"``; other groups: ``"chi0"`` (trivial), ... by
        degree, computed numerically and validated.

    Raises
    ------
    InvalidArgument
        If ``G`` is not a finite group.
    AlgconvError
        If a numerical decomposition fails its validation (Plancherel, orthogonality,
        homomorphism).

    Notes
    -----
    Plancherel: :math:`\sum_\rho d_\rho^2 = |G|`; characters are orthonormal:
    :math:`\frac{1}{|G|}\sum_g \chi_\rho(g)\overline{\chi_\sigma(g)} = \delta_{\rho\sigma}`.

    Examples
    --------
    >>> [(r.name, r.dimension) for r in ac.fourier.irreps(ac.SymmetricGroup(3))]
    [('(3,)', 1), ('(2, 1)', 2), ('(1, 1, 1)', 1)]
    >>> sum(r.dimension ** 2 for r in ac.fourier.irreps(ac.AlternatingGroup(4)))
    12
    """
    return list(basis_of(check_structure(G, "G")).reps)


def _values(f: Function) -> np.ndarray:
    a, _ = view(f).dense()
    kind = value_kind(a)
    if kind not in ("int", "float", "complex"):
        raise InvalidType(
            f"Got values of kind {kind!r}, but the Fourier transform works in floating point: "
            "use ints, floats or complex numbers"
        )
    return a.astype(complex if kind == "complex" else float)


def transform(f: Function) -> list:
    r"""The Fourier transform ``F(rho) = sum_g f(g) rho(g)``, one matrix per irrep.

    Parameters
    ----------
    f : Function
        A Function on a finite group ``G``, with int, float or complex values.

    Returns
    -------
    list of ndarray
        ``F[k]`` has shape ``(d_k, d_k)`` for ``irreps(G)[k]``.

    Raises
    ------
    InvalidType
        If ``f`` is not a Function, or its values are not numbers numpy can hold.
    InvalidArgument
        If ``f`` is not on a finite group.

    See Also
    --------
    inverse_transform, irreps

    Notes
    -----
    .. math:: \hat f(\rho) = \sum_{g \in G} f(g)\, \rho(g)

    Because ``rho(a . b) = rho(a) rho(b)``, the convolution theorem reads
    :math:`\widehat{f * g}(\rho) = \hat f(\rho)\, \hat g(\rho)` — in this order.  On
    ``S_n`` the transform is Clausen's fast algorithm (no dense matrix).

    Examples
    --------
    >>> S3 = ac.SymmetricGroup(3)
    >>> f, g = ac.delta((1, 0, 2), over=S3), ac.delta((0, 2, 1), over=S3)
    >>> F, G, FG = (ac.fourier.transform(h) for h in (f, g, f * g))
    >>> all(np.allclose(x @ y, z) for x, y, z in zip(F, G, FG))
    True
    >>> ac.fourier.transform(ac.Function.from_array([1, 2], over=ac.Cyclic(2)))
    [array([[3.]]), array([[-1.]])]
    """
    if not isinstance(f, Function):
        raise InvalidType(f"Got f={describe(f)}, but expected an ac.Function on a finite group")
    basis = basis_of(f.over)
    return [block[0] for block in basis.forward(_values(f)[None, :])]


def inverse_transform(F: Any, over: FiniteGroup) -> Function:
    r"""The Function whose transform is ``F``: ``f(g) = 1/|G| sum d_rho tr(rho(g)^* F(rho))``.

    Parameters
    ----------
    F : sequence of array_like
        One square matrix per irrep, in ``irreps(over)`` order.
    over : FiniteGroup
        The group.

    Returns
    -------
    Function
        Dense; real values when ``F`` and every irrep are real, else complex.

    Raises
    ------
    StructureMismatch
        If ``F`` does not have one ``(d, d)`` matrix per irrep.

    See Also
    --------
    transform

    Notes
    -----
    .. math:: f(g) = \frac{1}{|G|} \sum_\rho d_\rho \operatorname{tr}\big(\rho(g)^*\,
              \hat f(\rho)\big)

    Examples
    --------
    >>> S3 = ac.SymmetricGroup(3)
    >>> f = ac.Function.from_array([1.0, 2, 3, 4, 5, 6], over=S3)
    >>> back = ac.fourier.inverse_transform(ac.fourier.transform(f), over=S3)
    >>> np.round(back.to_array(), 12)
    array([1., 2., 3., 4., 5., 6.])
    """
    over = check_structure(over)
    basis = basis_of(over)
    if isinstance(F, np.ndarray) or not hasattr(F, "__len__"):
        raise InvalidType(f"Got F={describe(F)}, but expected a list of matrices, one per irrep")
    if len(F) != len(basis.reps):
        raise StructureMismatch(
            f"Got {len(F)} matrices, but {over!r} has {len(basis.reps)} irreps"
        )
    blocks = []
    for k, (x, r) in enumerate(zip(F, basis.reps)):
        try:
            x = np.asarray(x)
        except (TypeError, ValueError) as e:  # pragma: no cover - ragged input
            raise InvalidType(f"Got F[{k}]={describe(x)}, but expected a matrix") from e
        if x.shape != (r.dimension, r.dimension) or x.dtype.kind not in "iufc":
            raise StructureMismatch(
                f"Got F[{k}] with shape {x.shape} and dtype {x.dtype}, but irrep {r.name} "
                f"needs a numeric ({r.dimension}, {r.dimension}) matrix"
            )
        blocks.append(x[None].astype(complex if x.dtype.kind == "c" else float))
    values = basis.inverse(blocks)[0]
    if np.iscomplexobj(values) and basis.real and not any(np.iscomplexobj(b) for b in blocks):
        values = values.real  # pragma: no cover - real bases stay real
    return trusted_dense(values, over)

