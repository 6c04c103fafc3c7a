r"""Check that a structure keeps its promises, and that convolution over it behaves.

``check(M)`` tests the axioms ``M`` claims (closure, associativity, identity, inverses
for a group, commutativity where ``M.is_commutative`` says so) and the convolution laws
that follow from them (associativity, identity, bilinearity, commutativity for a
commutative ``M``, and agreement of every applicable engine with the direct sum).  Finite
structures of order at most ``EXHAUSTIVE_ORDER`` have their axioms checked on every pair
or triple; everything else is sampled with hypothesis, and counterexamples are shrunk.
Every law runs, whatever failed before it.

Examples
--------
>>> import algconv as ac
>>> print(ac.laws.check(ac.Cyclic(4), max_examples=10))  # doctest: +ELLIPSIS
laws of Cyclic(4): all 10 held
  law                        result  checked                        counterexample
  closure                    held    all 16 pairs                   -
  ...
  engine-agreement           held    10 samples (direct, ...)        -
"""

from __future__ import annotations

import contextlib
import itertools
import re
import tempfile
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

import numpy as np
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st

from . import strategies
from .engines import ENGINES
from .engines.base import Problem
from .engines.direct import pair_sum
from .errors import InvalidArgument, InvalidType, MethodNotApplicable
from .function import Function, delta, trusted_dict
from .structures.base import Group, Monoid, check_structure
from .validation import check_choice, check_int, describe

__all__ = [
    "check",
    "LawReport",
    "LawResult",
    "ConvolutionLaws",
    "LAWS",
    "applicable_laws",
    "EXHAUSTIVE_ORDER",
]

#: finite structures up to this order have their axioms checked on every pair / triple
EXHAUSTIVE_ORDER = 60
#: finite structures up to this order also get dense (full-vector) Functions in samples
DENSE_ORDER = 12
#: lattices Z^d up to this d also get dense Functions (a 3 x ... x 3 box: 3**d values)
DENSE_LATTICE_DIM = 3
#: hypothesis examples per sampled law unless ``max_examples`` says otherwise
DEFAULT_MAX_EXAMPLES = 50

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


@dataclass(frozen=True)
class LawResult:
    """The outcome of one law.

    Attributes
    ----------
    name : str
        The law, one of ``LAWS``.
    held : bool
        Whether no counterexample was found.
    counterexample : tuple or None
        The witnesses (elements, or Functions for convolution laws), shrunk; ``None`` if held.
    checked : str
        How the law was checked (``'all 16 pairs'``, ``'50 samples'``).
    detail : str
        What went wrong, in words (empty if held).

    Examples
    --------
    >>> import algconv as ac
    >>> r = ac.laws.LawResult("closure", True, None, "all 4 pairs")
    >>> r.held, r.counterexample
    (True, None)
    """

    name: str
    held: bool
    counterexample: tuple | None = None
    checked: str = ""
    detail: str = ""

    def __str__(self) -> str:
        if self.held:
            return f"{self.name}: held ({self.checked})"
        return f"{self.name}: FAILED for {self.counterexample!r}: {self.detail}"


@dataclass
class LawReport:
    """Every law checked for one structure.

    Attributes
    ----------
    structure : Monoid
        The structure checked.
    results : list of LawResult
        One per law, in ``LAWS`` order.

    Examples
    --------
    >>> import algconv as ac
    >>> report = ac.laws.check(ac.SubsetMonoid(2), max_examples=5)
    >>> report.ok, [r.name for r in report.results][:3], report.failed
    (True, ['closure', 'associativity', 'identity'], [])
    """

    structure: Monoid
    results: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every checked law held."""
        return all(r.held for r in self.results)

    @property
    def failed(self) -> list:
        """The results that did not hold."""
        return [r for r in self.results if not r.held]

    def __getitem__(self, name: str) -> LawResult:
        """The result of the law called ``name``."""
        for r in self.results:
            if r.name == name:
                return r
        checked = ", ".join(repr(r.name) for r in self.results)
        raise InvalidArgument(f"Got name={name!r}, but this report checked only {checked}")

    def __str__(self) -> str:
        bad = self.failed
        head = (f"all {len(self.results)} held" if not bad
                else f"{len(bad)} of {len(self.results)} FAILED")
        lines = [f"laws of {self.structure!r}: {head}",
                 f"  {'law':<26} {'result':<7} {'checked':<30} counterexample"]
        for r in self.results:
            shown = "-" if r.held else describe(r.counterexample, 60)
            lines.append(f"  {r.name:<26} {'held' if r.held else 'FAILED':<7} "
                         f"{r.checked:<30} {shown}")
        lines += [f"  {r.name}: {r.detail}" for r in bad]
        return "\n".join(lines)


# --- checking machinery ------------------------------------------------------------------------


class _Failure(Exception):
    def __init__(self, witness: tuple, detail: str):
        super().__init__(detail)
        self.witness, self.detail = witness, detail


@dataclass
class _Context:
    M: Monoid
    engine: str
    max_examples: int
    values: Any
    cache: dict = field(default_factory=dict)

    @property
    def exhaustive(self) -> bool:
        return bool(self.M.is_finite and self.M.order <= EXHAUSTIVE_ORDER)

    def elements(self) -> tuple:
        return self.M.elements()

    def functions(self, values: Any = None) -> st.SearchStrategy:
        """Sparse Functions, and dense ones where the structure has a dense layout."""
        values = self.values if values is None else values
        key = ("functions", id(values))
        f = self.cache.get(key)
        if f is None:
            sparse = strategies.functions(self.M, values, max_support=4)
            layout = self.M.dense_layout
            dense_ok = layout == "offset" or (
                layout == "lattice" and getattr(self.M, "d", 1) <= DENSE_LATTICE_DIM) or (
                layout == "finite" and self.M.order <= DENSE_ORDER)
            f = st.one_of(sparse, strategies.functions(self.M, values, 3, dense=True)) \
                if dense_ok else sparse
            self.cache[key] = (f, values)  # keep values alive: its id is the key
        return self.cache[key][0]

    def convolve(self, f: Function, g: Function) -> Function:
        from .dispatch import convolve

        return convolve(f, g, method=self.engine)


def _outcome(predicate: Callable[..., str | None], args: tuple) -> str | None:
    """``predicate(*args)``: ``None`` if the law holds there, else what went wrong."""
    try:
        return predicate(*args)
    except MethodNotApplicable:
        raise
    except Exception as e:  # a user's op may raise anything: that is a failed law
        return f"raised {type(e).__name__}: {e}"


def _sampled(ctx: _Context, strats: tuple, predicate) -> tuple | None:
    """Hypothesis search for a counterexample; ``(witness, detail)`` shrunk, or ``None``."""

    @settings(max_examples=ctx.max_examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), report_multiple_bugs=False,
              verbosity=Verbosity.quiet, phases=(Phase.explicit, Phase.generate, Phase.shrink),
              print_blob=False)
    @given(st.tuples(*strats))
    def search(args):
        detail = _outcome(predicate, args)
        if detail is not None:
            raise _Failure(args, detail)

    try:
        search()
    except _Failure as failure:
        return failure.witness, failure.detail
    return None


def _exhaustive(ctx: _Context, arity: int, predicate) -> tuple | None:
    for args in itertools.product(ctx.elements(), repeat=arity):
        detail = _outcome(predicate, args)
        if detail is not None:
            return args, detail
    return None


_ARITY_WORDS = {1: "elements", 2: "pairs", 3: "triples"}


def _element_law(ctx: _Context, name: str, arity: int, predicate) -> LawResult:
    """Check ``predicate`` on every ``arity``-tuple of elements, or on hypothesis samples."""
    if ctx.exhaustive:
        found = _exhaustive(ctx, arity, predicate)
        checked = f"all {ctx.M.order ** arity} {_ARITY_WORDS[arity]}"
    else:
        found = _sampled(ctx, (strategies.elements(ctx.M),) * arity, predicate)
        checked = f"{ctx.max_examples} samples"
    return _result(name, found, checked)


def _result(name: str, found: tuple | None, checked: str) -> LawResult:
    if found is None:
        return LawResult(name, True, None, checked)
    return LawResult(name, False, tuple(found[0]), checked, found[1])


def _op_table(ctx: _Context) -> np.ndarray | None:
    """The Cayley table built from ``op`` itself (``None`` if the operation is not closed)."""
    if "table" not in ctx.cache:
        els, op, table = ctx.elements(), ctx.M.op, None
        index = {x: i for i, x in enumerate(els)}
        try:
            table = np.array([[index[op(a, b)] for b in els] for a in els], dtype=np.intp)
        except Exception:
            table = None
        ctx.cache["table"] = table
    return ctx.cache["table"]


def _first(mask: np.ndarray) -> tuple | None:
    hits = np.argwhere(mask)
    return tuple(int(i) for i in hits[0]) if len(hits) else None


# --- the structure axioms ----------------------------------------------------------------------


def _closure(ctx: _Context) -> LawResult:
    M = ctx.M

    def closed(a, b):
        c = M.op(a, b)
        return None if M.contains(c) else f"op{(a, b)!r} = {describe(c)} is not an element"

    return _element_law(ctx, "closure", 2, closed)


def _associativity(ctx: _Context) -> LawResult:
    op = ctx.M.op

    def associative(a, b, c):
        left, right = op(op(a, b), c), op(a, op(b, c))
        return None if left == right else (
            f"(a.b).c = {describe(left)} but a.(b.c) = {describe(right)}")

    table = _op_table(ctx) if ctx.exhaustive else None
    if table is None:
        return _element_law(ctx, "associativity", 3, associative)
    n = len(table)
    for a in range(n):  # (a.b).c versus a.(b.c), one a at a time
        hit = _first(table[table[a]] != table[a][table])
        if hit is not None:
            els = ctx.elements()
            witness = (els[a], els[hit[0]], els[hit[1]])
            return LawResult("associativity", False, witness, f"all {n ** 3} triples",
                             associative(*witness))
    return LawResult("associativity", True, None, f"all {n ** 3} triples")


def _identity(ctx: _Context) -> LawResult:
    M = ctx.M
    e = M.identity
    if not M.contains(e):
        return LawResult("identity", False, (e,), "the identity",
                         f"identity={describe(e)} is not an element")

    def neutral(a):
        left, right = M.op(e, a), M.op(a, e)
        if left == a and right == a:
            return None
        return f"e.a = {describe(left)} and a.e = {describe(right)}, but a = {describe(a)}"

    return _element_law(ctx, "identity", 1, neutral)


def _inverses(ctx: _Context) -> LawResult:
    M = ctx.M
    e = M.identity

    def invertible(a):
        b = M.inverse(a)
        if not M.contains(b):
            return f"inverse(a) = {describe(b)} is not an element"
        left, right = M.op(a, b), M.op(b, a)
        if left == e and right == e:
            return None
        return (f"inverse(a) = {describe(b)}, but a.inverse(a) = {describe(left)} and "
                f"inverse(a).a = {describe(right)}, not the identity {describe(e)}")

    return _element_law(ctx, "inverses", 1, invertible)


def _commutativity(ctx: _Context) -> LawResult:
    op = ctx.M.op

    def commutes(a, b):
        left, right = op(a, b), op(b, a)
        return None if left == right else (
            f"is_commutative is claimed, but a.b = {describe(left)} and b.a = {describe(right)}")

    table = _op_table(ctx) if ctx.exhaustive else None
    if table is None:
        return _element_law(ctx, "commutativity", 2, commutes)
    n = len(table)
    hit = _first(table != table.T)
    if hit is None:
        return LawResult("commutativity", True, None, f"all {n ** 2} pairs")
    witness = tuple(ctx.elements()[i] for i in hit)
    return LawResult("commutativity", False, witness, f"all {n ** 2} pairs", commutes(*witness))


# --- the convolution laws ----------------------------------------------------------------------


def _close(x: Any, y: Any) -> bool:
    if x == y:
        return True
    import sympy

    if isinstance(x, sympy.Basic) or isinstance(y, sympy.Basic):
        return sympy.expand(x - y) == 0
    if isinstance(x, (float, complex, np.inexact)) or isinstance(y, (float, complex, np.inexact)):
        return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
    return False


def _same(f: Function, g: Function) -> bool:
    if f == g:
        return True
    a, b = f.to_dict(), g.to_dict()
    return all(_close(a.get(k, 0), b.get(k, 0)) for k in a.keys() | b.keys())


def _differ(name: str, left: Function, right: Function) -> str:
    return f"{name}: {describe(left, 120)} != {describe(right, 120)}"


def _function_law(ctx: _Context, name: str, arity: int, predicate) -> LawResult:
    found = _sampled(ctx, (ctx.functions(),) * arity, predicate)
    return _result(name, found, f"{ctx.max_examples} samples")


def _conv_associativity(ctx: _Context) -> LawResult:
    conv = ctx.convolve

    def associative(f, g, h):
        left, right = conv(conv(f, g), h), conv(f, conv(g, h))
        return None if _same(left, right) else _differ("(f*g)*h != f*(g*h)", left, right)

    return _function_law(ctx, "convolution-associativity", 3, associative)


def _conv_identity(ctx: _Context) -> LawResult:
    conv = ctx.convolve

    def neutral(f):
        e = delta(over=ctx.M)
        left, right = conv(e, f), conv(f, e)
        if not _same(left, f):
            return _differ("delta*f != f", left, f)
        return None if _same(right, f) else _differ("f*delta != f", right, f)

    return _function_law(ctx, "convolution-identity", 1, neutral)


def _bilinearity(ctx: _Context) -> LawResult:
    conv = ctx.convolve

    def bilinear(f, g, h):
        checks = (
            ("f*(g+h) != f*g + f*h", conv(f, g + h), conv(f, g) + conv(f, h)),
            ("(f+g)*h != f*h + g*h", conv(f + g, h), conv(f, h) + conv(g, h)),
            ("(3f)*g != 3(f*g)", conv(3 * f, g), 3 * conv(f, g)),
            ("f*(-2g) != -2(f*g)", conv(f, -2 * g), -2 * conv(f, g)),
        )
        for what, left, right in checks:
            if not _same(left, right):
                return _differ(what, left, right)
        return None

    return _function_law(ctx, "bilinearity", 3, bilinear)


def _conv_commutativity(ctx: _Context) -> LawResult:
    conv = ctx.convolve

    def commutes(f, g):
        left, right = conv(f, g), conv(g, f)
        return None if _same(left, right) else _differ("f*g != g*f", left, right)

    return _function_law(ctx, "convolution-commutativity", 2, commutes)


_FLOATS = strategies.values("float")


def _engine_agreement(ctx: _Context) -> LawResult:
    from .dispatch import guard

    used: set = set()

    def agree(f, g):
        p = Problem(f, g, ctx.M)
        reference = trusted_dict(pair_sum(f, g), ctx.M)
        for name, engine in ENGINES.items():
            if guard(engine, p) is not None:
                continue
            used.add(name)
            try:
                result = engine.run(p)
            except Exception as e:
                return f"engine {name!r} raised {type(e).__name__}: {e}"
            if not _same(result, reference):
                return _differ(f"engine {name!r} disagrees with the direct sum", result,
                               reference)
        return None

    pairs = st.tuples(ctx.functions(), ctx.functions())
    if ctx.values is None:  # also float pairs, so engines that round (fft) are compared too
        floats = ctx.functions(_FLOATS)
        pairs = st.one_of(pairs, st.tuples(floats, floats))
    found = _sampled(ctx, (pairs,), lambda fg: agree(*fg))
    if found is not None:
        found = (found[0][0], found[1])
    checked = f"{ctx.max_examples} samples ({', '.join(sorted(used))})"
    return _result("engine-agreement", found, checked)


_RUNNERS = {
    "closure": _closure,
    "associativity": _associativity,
    "identity": _identity,
    "inverses": _inverses,
    "commutativity": _commutativity,
    "convolution-associativity": _conv_associativity,
    "convolution-identity": _conv_identity,
    "bilinearity": _bilinearity,
    "convolution-commutativity": _conv_commutativity,
    "engine-agreement": _engine_agreement,
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
    ctx = _Context(M, engine, max_examples, values)
    report = LawReport(M)
    with _scratch_hypothesis_storage():
        for done, name in enumerate(chosen, 1):
            report.results.append(_RUNNERS[name](ctx))
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


# --- pytest integration ------------------------------------------------------------------------


def _slug(M: Monoid) -> str:
    words = re.findall(r"[A-Za-z0-9]+", repr(M))
    return "".join(w[:1].upper() + w[1:] for w in words)[:60] or "Structure"


def _law_test(law: str):
    def test(self) -> None:
        report = check(self.structure, engine=self.engine, max_examples=self.max_examples,
                       values=self.values, laws=[law])
        result = report.results[0]
        assert result.held, str(result)

    test.__name__ = "test_" + law.replace("-", "_")
    test.__doc__ = f"The law {law!r} holds over the structure."
    return test


class ConvolutionLaws:
    """Base of the pytest test classes made by :meth:`ConvolutionLaws.for_structure`.

    One test method per applicable law (``test_closure``, ``test_associativity``, ...,
    ``test_engine_agreement``), each failing with the law's shrunk counterexample.  Class
    attributes ``max_examples``, ``engine`` and ``values`` tune the checks.

    Examples
    --------
    >>> import algconv as ac
    >>> TestC6 = ac.laws.ConvolutionLaws.for_structure(ac.Cyclic(6))
    >>> TestC6.__name__, TestC6.structure
    ('TestLawsCyclic6', Cyclic(6))
    >>> TestC6().test_associativity()
    """

    structure: Monoid
    max_examples: int = 25
    engine: str = "auto"
    values: Any = None

    @classmethod
    def for_structure(cls, M: Monoid, *, max_examples: int | None = None,
                      engine: str = "auto", values: st.SearchStrategy | None = None,
                      name: str | None = None) -> type:
        """A pytest-collectable class (named ``Test...``) checking every law of ``M``.

        Parameters
        ----------
        M : Monoid
            The structure.
        max_examples : int, optional
            Hypothesis examples per sampled law (default 25).
        engine, values
            As for :func:`check`.
        name : str, optional
            The class name; default ``'TestLaws' + <structure>``.

        Returns
        -------
        type
            Assign it to a ``Test*`` name in a test module:
            ``TestMine = ac.laws.ConvolutionLaws.for_structure(M)``.

        Examples
        --------
        >>> import algconv as ac
        >>> T = ac.laws.ConvolutionLaws.for_structure(ac.Naturals(), max_examples=5)
        >>> sorted(m for m in dir(T) if m.startswith("test_"))[:3]
        ['test_associativity', 'test_bilinearity', 'test_closure']
        """
        M = check_structure(M, "M")
        attrs = {"structure": M, "engine": engine, "values": values,
                 "__doc__": f"The algconv laws over {M!r}."}
        if max_examples is not None:
            attrs["max_examples"] = check_int(max_examples, "max_examples", minimum=1)
        for law in applicable_laws(M):
            test = _law_test(law)
            attrs[test.__name__] = test
        return type(name or f"TestLaws{_slug(M)}", (cls,), attrs)
