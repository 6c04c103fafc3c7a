"""``check``: every applicable law of a structure, into a ``LawReport``."""

from __future__ import annotations

import contextlib
import tempfile
from typing import Callable, Iterable, Iterator

from hypothesis import strategies as st

from .. import strategies
from ..engines import ENGINES
from ..errors import InvalidArgument, InvalidType
from ..structures.base import Group, Monoid, check_structure
from ..validation import check_choice, check_int, describe
from ._axioms import (associativity_law, closure_law, commutativity_law, identity_law,
                      inverses_law)
from ._convolution import (bilinearity_law, conv_associativity_law, conv_commutativity_law,
                           conv_identity_law, engine_agreement_law)
from ._machinery import DEFAULT_MAX_EXAMPLES, Context
from ._report import LawReport

__all__ = ["LAWS", "RUNNERS", "applicable_laws", "check"]

#: every law, in the order ``check`` runs them
LAWS = (
    "closure",
    "associativity",
    "identity",
    "inverses",
    "commutativity",
    "convolution-associativity",
    "convolution-identity",
    "bilinearity",
    "convolution-commutativity",
    "engine-agreement",
)

RUNNERS = {
    "closure": closure_law,
    "associativity": associativity_law,
    "identity": identity_law,
    "inverses": inverses_law,
    "commutativity": commutativity_law,
    "convolution-associativity": conv_associativity_law,
    "convolution-identity": conv_identity_law,
    "bilinearity": bilinearity_law,
    "convolution-commutativity": conv_commutativity_law,
    "engine-agreement": engine_agreement_law,
}


def applicable_laws(M: Monoid) -> tuple:
    """The laws ``check(M)`` runs: ``inverses`` for groups, the commutative laws if claimed.

    Examples
    --------
    >>> import algconv as ac
    >>> "inverses" in ac.laws.applicable_laws(ac.Naturals())
    False
    >>> "convolution-commutativity" in ac.laws.applicable_laws(ac.SymmetricGroup(3))
    False
    """
    M = check_structure(M, "M")
    skip = set()
    if not isinstance(M, Group):
        skip.add("inverses")
    if not M.is_commutative:
        skip |= {"commutativity", "convolution-commutativity"}
    return tuple(name for name in LAWS if name not in skip)


def check(M: Monoid, *, engine: str = "auto", max_examples: int = DEFAULT_MAX_EXAMPLES,
          values: st.SearchStrategy | None = None, laws: Iterable[str] | None = None,
          progress: Callable[[int, int, str], None] | None = None) -> LawReport:
    r"""Check a structure's axioms and the convolution laws over it.

    Parameters
    ----------
    M : Monoid
        The structure, built-in or your own (finite, or with the ``hypothesis_elements()``
        hook described in ``ac.strategies``).
    engine : str, default 'auto'
        The ``method=`` the convolution laws use (``engine-agreement`` always runs every
        applicable engine).
    max_examples : int, default 50
        Hypothesis examples per sampled law.
    values : hypothesis strategy, optional
        Values of the sampled Functions; small integers by default, so laws hold exactly
        (float values are compared with a relative tolerance of 1e-9, sympy values by
        expanding the difference).
    laws : iterable of str, optional
        Check only these (names from ``LAWS`` that apply to ``M``).
    progress : callable, optional
        Called as ``progress(done, total, law)`` after each law.

    Returns
    -------
    LawReport
        ``ok``, ``results`` (``LawResult(name, held, counterexample)`` per law), ``failed``;
        ``str(report)`` is a table.

    Raises
    ------
    InvalidType
        If ``M`` is not a structure.
    InvalidArgument
        For an unknown or inapplicable law or engine name, or a structure
        ``ac.strategies`` cannot draw elements of.
    MethodNotApplicable
        If ``engine`` names an engine that cannot convolve over ``M``.

    Notes
    -----
    Axioms: closure (``a.b`` in ``M``), associativity, identity, inverses (groups),
    commutativity (when claimed).  Convolution laws, for Functions ``f, g, h``:

    .. math:: (f*g)*h = f*(g*h), \quad \delta_e * f = f * \delta_e = f, \quad
              f*(g+h) = f*g + f*h, \quad (cf)*g = c(f*g), \quad f*g = g*f \text{ (commutative)}

    and every engine that passes ``choose_method``'s guards equals the direct sum
    :math:`\sum_{a \cdot b = c} f(a) g(b)` (with default ``values``, on integer and on
    float Functions, so that engines that round are compared too).  Finite structures of order at most 60 have
    their axioms checked on every pair or triple (the first failure in ``elements()``
    order is the witness); other laws are sampled with hypothesis (derandomized, so runs
    repeat) and the witness is hypothesis's shrunk example.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.laws.check(ac.SymmetricGroup(3), max_examples=10).ok
    True
    >>> bad = ac.Monoid.from_operation(lambda a, b: (a - b) % 3, 0, elements=range(3))
    >>> report = ac.laws.check(bad, max_examples=10)
    >>> report.ok, [r.name for r in report.failed][:2]
    (False, ['associativity', 'identity'])
    >>> report["associativity"].counterexample
    (0, 0, 1)
    """
    M = check_structure(M, "M")
    max_examples = check_int(max_examples, "max_examples", minimum=1)
    engine = check_choice(engine, "engine", ("auto", *ENGINES))
    if values is not None and not isinstance(values, st.SearchStrategy):
        raise InvalidType(f"Got values={describe(values)}, but expected a hypothesis strategy "
                          "such as ac.strategies.values('rational')")
    if progress is not None and not callable(progress):
        raise InvalidType(f"Got progress={describe(progress)}, but expected a callable")
    applicable = applicable_laws(M)
    if laws is None:
        chosen = applicable
    else:
        if isinstance(laws, str) or not hasattr(laws, "__iter__"):
            raise InvalidType(f"Got laws={describe(laws)}, but expected a list of law names "
                              "such as ['associativity']")
        chosen = tuple(laws)
        for name in chosen:
            if name not in applicable:
                why = "not a law" if name not in LAWS else f"not a law {M!r} claims"
                raise InvalidArgument(
                    f"Got law={name!r}, but it is {why}; the laws here are "
                    + ", ".join(map(repr, applicable)))
    strategies.elements(M)  # fail early if M has no element strategy
    ctx = Context(M, engine, max_examples, values)
    report = LawReport(M)
    with _scratch_hypothesis_storage():
        for done, name in enumerate(chosen, 1):
            report.results.append(RUNNERS[name](ctx))
            if progress is not None:
                progress(done, len(chosen), name)
    return report


@contextlib.contextmanager
def _scratch_hypothesis_storage() -> Iterator[None]:
    """Keep hypothesis's on-disk cache (``.hypothesis/``) in a temporary folder while
    checking, so that ``check`` never writes into the caller's working directory."""
    from hypothesis import configuration

    previous = getattr(configuration, "__hypothesis_home_directory", None)
    with tempfile.TemporaryDirectory(prefix="algconv-hypothesis-") as scratch:
        configuration.set_hypothesis_home_dir(scratch)
        try:
            yield
        finally:
            configuration.set_hypothesis_home_dir(previous)
