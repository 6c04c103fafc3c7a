"""algconv: convolution over any algebraic structure.

``(f * g)(c) = sum over a . b = c of f(a) g(b)`` over integers, lattices, cyclic,
permutation and user-defined groups, monoids of strings, subsets and divisors; numeric,
exact and symbolic.  This module only re-exports; see ``__all__``.

Examples
--------
>>> import algconv as ac
>>> ac.convolve([1, 1], [1, 1])
array([1, 2, 1])
"""

from . import (
    config,
    fourier,
    graphs,
    linear,
    probability,
    semirings,
    structures,
    symbolic,
    transforms,
)
from .dispatch import MethodChoice, choose_method, convolve, correlate
from .named import (convolve_and, convolve_cyclic, convolve_dirichlet, convolve_or,
                    convolve_subset, convolve_xor)
from .errors import (
    AlgconvError,
    InvalidArgument,
    InvalidStructure,
    InvalidType,
    MethodNotApplicable,
    NoClosedForm,
    NotInStructure,
    NotInvertible,
    StructureMismatch,
)
from .filtering import filter  # noqa: A004 - shadows the builtin inside algconv only
from .function import Function, delta
from .inverse import choose_inverse, inverse
from .structures import (
    AlternatingGroup,
    BooleanGroup,
    Circle,
    Cyclic,
    DihedralGroup,
    FiniteGroup,
    FiniteMonoid,
    FreeMonoid,
    Group,
    Integers,
    Lattice,
    Monoid,
    Multiplicative,
    Naturals,
    PositiveReals,
    Reals,
    SubsetMonoid,
    SymmetricGroup,
    product,
)

__version__ = "0.1.0"

__all__ = [
    # structures
    "structures",
    "Monoid",
    "Group",
    "FiniteMonoid",
    "FiniteGroup",
    "Integers",
    "Lattice",
    "Naturals",
    "Multiplicative",
    "Reals",
    "PositiveReals",
    "Circle",
    "Cyclic",
    "BooleanGroup",
    "SubsetMonoid",
    "SymmetricGroup",
    "AlternatingGroup",
    "DihedralGroup",
    "FreeMonoid",
    "product",
    # functions and convolution
    "Function",
    "delta",
    "convolve",
    "correlate",
    "convolve_cyclic",
    "filter",
    "choose_method",
    "convolve_xor",
    "convolve_or",
    "convolve_and",
    "convolve_subset",
    "convolve_dirichlet",
    "inverse",
    "choose_inverse",
    "MethodChoice",
    "config",
    # around convolution
    "fourier",
    "laws",
    "strategies",
    "graphs",
    "probability",
    "linear",
    "symbolic",
    "transforms",
    "semirings",
    # errors
    "AlgconvError",
    "NotInStructure",
    "StructureMismatch",
    "InvalidStructure",
    "MethodNotApplicable",
    "NoClosedForm",
    "NotInvertible",
    "InvalidArgument",
    "InvalidType",
]


#: submodules imported on first access, so ``import algconv`` loads no hypothesis
#: (laws, strategies) nor matplotlib (plot) until a feature needs them
_LAZY_SUBMODULES = ("laws", "plot", "strategies")


def __getattr__(name: str):
    if name in _LAZY_SUBMODULES:
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY_SUBMODULES))
