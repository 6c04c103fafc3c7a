"""Junk arguments against the whole public API: anything raised is an ``AlgconvError``.

Every public callable — ``algconv.__all__`` and the ``__all__`` of the public submodules it
lists (structures, fourier, laws, strategies, graphs, probability, linear, symbolic, config),
plus ``ac.plot`` and the alternative constructors of the public classes — is called with
hypothesis-drawn junk: wrong types, NaN, inf, huge and negative sizes, empty and 0-d
arrays, bools, None, strings.  A call may succeed or raise an ``AlgconvError`` (which is
also the ``ValueError`` / ``TypeError`` a caller expects); any other exception fails, as
does a call that runs for more than ``SECONDS`` (under a small ``config.memory_limit``,
junk has no business computing for long).  Public methods of a few Functions and
structures get junk too, except the element operations ``op`` / ``inverse`` /
``canonical`` (documented to take elements; ``check`` and ``contains`` validate).  What the
sweep found in other modules is listed in ``KNOWN`` as expected failures, with the reason.
"""

from __future__ import annotations

import importlib
import inspect
import signal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import algconv as ac

#: a junk call that runs longer than this (seconds) is a failure
SECONDS = 10
#: memory any junk call may plan to use
MEMORY = 2**26

PUBLIC_MODULES = ("structures", "fourier", "laws", "strategies", "graphs", "probability",
                  "linear", "symbolic", "config", "plot", "semirings")


def _callable(obj) -> bool:
    """Public callables worth junk: not exception classes, not abstract base classes (whose
    instantiation is Python's own TypeError, not a bad value)."""
    return callable(obj) and not (isinstance(obj, type) and (
        issubclass(obj, BaseException) or inspect.isabstract(obj)))


def _public_callables() -> dict:
    found = {}
    for name in ac.__all__:
        obj = getattr(ac, name)
        if _callable(obj):
            found[f"ac.{name}"] = obj
    for mod_name in PUBLIC_MODULES:
        mod = importlib.import_module(f"algconv.{mod_name}")
        for name in getattr(mod, "__all__", ()):
            obj = getattr(mod, name)
            if _callable(obj):
                found.setdefault(f"ac.{mod_name}.{name}", obj)
    for cls, names in ((ac.Function, ("from_array", "from_callable")),
                       (ac.Monoid, ("from_operation",)),
                       (ac.semirings.Semiring, ("from_operations",)),
                       (ac.FiniteGroup, ("from_cayley_table", "from_generators", "from_sympy"))):
        for name in names:
            found[f"ac.{cls.__name__}.{name}"] = getattr(cls, name)
    for label, obj in _INSTANCES.items():
        for name in dir(obj):
            attr = inspect.getattr_static(type(obj), name, None)
            if (name.startswith("_") and name not in _DUNDERS) or isinstance(
                    attr, (property, staticmethod, classmethod)):
                continue  # constructors are swept once, above
            method = getattr(obj, name)
            if callable(method) and not isinstance(method, type):
                found[f"{label}.{name}"] = method
    return found


#: operators that are part of the public API of Functions and structures
_DUNDERS = {"__call__", "__add__", "__sub__", "__mul__", "__rmul__", "__pow__", "__neg__",
            "__eq__", "__matmul__", "__truediv__", "__getitem__", "__contains__"}
#: instances whose public methods get junk too
_INSTANCES = {
    "Function(on Cyclic(3))": ac.Function({0: 1, 1: 2}, over=ac.Cyclic(3)),
    "Function(on Z)": ac.Function({0: Fraction(1, 2), 3: 1}, over=ac.Integers()),
    "Function(dense on Z^2)": ac.Function.from_array(np.ones((2, 2)), over=ac.Lattice(2)),
    "Cyclic(3)": ac.Cyclic(3),
    "Integers()": ac.Integers(),
    "Lattice(2)": ac.Lattice(2),
    "SymmetricGroup(3)": ac.SymmetricGroup(3),
    "SubsetMonoid(2)": ac.SubsetMonoid(2),
    "FreeMonoid('ab')": ac.FreeMonoid("ab"),
    "Multiplicative()": ac.Multiplicative(),
    "product(Cyclic(2), Cyclic(3))": ac.product(ac.Cyclic(2), ac.Cyclic(3)),
    "Reals()": ac.Reals(),
    "Function(max-plus on Z)": ac.Function({0: 1, 2: -3}, over=ac.Integers(),
                                           semiring=ac.semirings.MaxPlus()),
    "Function(mod 7 on Cyclic(3))": ac.Function.from_array(
        [1, 5, 0], over=ac.Cyclic(3), semiring=ac.semirings.Modular(7)),
}


CALLABLES = _public_callables()


class _Hang(BaseException):
    """Raised by the alarm: a junk call ran past ``SECONDS``."""


def _alarm(signum, frame):
    raise _Hang()


_NAN, _INF = float("nan"), float("inf")
JUNK = [
    None, True, False, 0, -1, 1, 2, 3, 7, 10**6, 2**70, -(2**70), 10**5000, 1.5, -0.5, _NAN, _INF,
    -_INF,
    1j, Fraction(1, 3), "", "abc", "Cyclic(3)", "full", b"x", (), [], [[]], [1, 2], [0, 1, 2, 3],
    [[1, 2], [3]], [_NAN, 1.0], [_INF, 0.0], ["a", "b"], [None], {}, {0: 1}, {(0, 0): 1.5},
    np.array(5), np.array([]), np.zeros((0, 3)), np.array([1.0, _NAN]), np.array(["a"]),
    np.arange(8), np.ones((2, 2)), np.array([1, 2], dtype=object), np.float64(_NAN),
    np.int64(-3), object(), ac.Cyclic(3), ac.Integers(), ac.SymmetricGroup(3), ac.Naturals(),
    ac.Function({0: 1}, over=ac.Cyclic(3)), ac.Function({1: 2}, over=ac.Integers()),
    len, (lambda *a: 0),
]
junk = st.sampled_from(JUNK)
#: parameters that take the user's own callable, whose exceptions are the user's: they get
#: junk that is not callable, or a callable that accepts anything
USER_CALLABLES = {"op", "fn", "inverse", "contains", "progress"}
user_junk = st.sampled_from([x for x in JUNK if not callable(x)] + [lambda *a, **k: 0])


def _calls(fn) -> st.SearchStrategy:
    """Junk ``(args, kwargs)`` that bind to ``fn``'s signature (an arity error is Python's,
    not a bad value): every required argument, some optional ones."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return st.tuples(st.lists(junk, max_size=3).map(tuple), st.just({}))
    params = [p for p in sig.parameters.values() if p.name != "self"]
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    required = sum(p.default is p.empty for p in positional)
    most = len(positional) + (2 if any(p.kind == p.VAR_POSITIONAL for p in params) else 0)
    named = [p.name for p in params if p.kind == p.KEYWORD_ONLY]
    needed = {p.name for p in params if p.kind == p.KEYWORD_ONLY and p.default is p.empty}

    def value(name):
        return user_junk if name in USER_CALLABLES else junk

    @st.composite
    def draw(draw_):
        n = draw_(st.integers(required, max(required, min(most, required + 3))))
        args = tuple(draw_(value(p.name)) for p in positional[:n]) + tuple(
            draw_(junk) for _ in range(n - len(positional)))
        later = [p.name for p in positional[n:]] + named
        chosen = draw_(st.sets(st.sampled_from(later), max_size=2)) if later else set()
        kwargs = {k: draw_(value(k)) for k in chosen | needed}
        return args, kwargs

    return draw()


def call_with_junk(fn, args: tuple, kwargs: dict):
    """Call ``fn``; return the exception it raised, or None (timing out as ``_Hang``)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, SECONDS)
    try:
        with ac.config.limit_memory(MEMORY):
            result = fn(*args, **kwargs)
            if inspect.isgenerator(result):
                for _ in zip(range(3), result):
                    pass
        return None
    except ac.AlgconvError:
        return None
    except (_Hang, Exception) as e:  # everything else is a finding
        return e
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def _scratch_cwd(tmp_path, monkeypatch):
    """Junk file names (plot paths, tour folders) land in a temporary folder."""
    monkeypatch.chdir(tmp_path)


#: methods on elements that are the structures' hot path, documented to take elements (as
#: ``int.__add__`` takes ints): ``check(x)`` / ``contains(x)`` validate, these do not
ELEMENT_OPERATIONS = ("op", "inverse", "canonical")

#: what the sweep found in modules this suite's authors do not own, each reported to the
#: lead (issue 12 point 8); they fail today and are expected to, visibly, until fixed
KNOWN: dict = {}
#: cases that take the interpreter down (python-flint aborts when an allocation fails under
#: the address-space limit), so they cannot even run as expected failures
CRASHES: dict = {}


def _cases():
    for name in sorted(CALLABLES):
        if name.rsplit(".", 1)[-1] in ELEMENT_OPERATIONS and "(" in name:
            continue
        marks = []
        if name in KNOWN:
            marks.append(pytest.mark.xfail(reason=KNOWN[name], strict=False))
        if name in CRASHES:
            marks.append(pytest.mark.skip(reason=CRASHES[name]))
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(_cases()))
def test_junk_raises_only_algconv_errors(name):
    fn = CALLABLES[name]
    calls = _calls(fn)

    @settings(max_examples=20, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck), phases=(Phase.generate,))
    @given(calls)
    def sweep(call):
        args, kwargs = call
        error = call_with_junk(fn, args, kwargs)
        if error is not None:
            shown = ", ".join([ac.validation.describe(a, 40) for a in args]
                              + [f"{k}={ac.validation.describe(v, 40)}" for k, v in kwargs.items()])
            what = "ran past %d s" % SECONDS if isinstance(error, _Hang) else \
                f"raised {type(error).__name__}: {error}"
            raise AssertionError(f"{name}({shown}) {what}")

    sweep()


def test_the_sweep_sees_the_whole_public_api():
    assert {"ac.convolve", "ac.filter", "ac.inverse", "ac.probability.mixing_curve",
            "ac.graphs.cayley_graph", "ac.FiniteGroup.from_cayley_table",
            "ac.symbolic.convolve", "ac.laws.check", "ac.laws.check_semiring",
            "ac.semirings.Modular", "ac.Semiring.from_operations"} <= set(CALLABLES)
    assert len(CALLABLES) > 80
