r"""``ac.laws.check_semiring``: check that a value algebra is a semiring.

The laws: ``add`` associative and commutative with identity ``zero``; ``mul`` associative
with identity ``one``; ``mul`` distributes over ``add`` on both sides; ``zero``
annihilates.  A small finite carrier (``Boolean()``, ``Modular(m)`` for small ``m``, or a
short list of ``values``) is checked on every triple; otherwise hypothesis samples the
values and shrinks a counterexample.  Floats are compared with a relative tolerance of
1e-9 (``LogSumExp`` rounds).
"""

from __future__ import annotations

import itertools
import math
from typing import Any, Iterable

from hypothesis import strategies as st

from .. import strategies
from ..errors import InvalidType
from ..semirings import Semiring
from ..semirings import check_semiring as as_semiring
from ..validation import check_int, describe
from ._machinery import counterexample, first_failure
from ._report import LawReport, LawResult

__all__ = ["check_semiring", "SEMIRING_LAWS"]

#: the laws ``check_semiring`` checks, in order
SEMIRING_LAWS = (
    "add-associativity",
    "add-commutativity",
    "add-identity",
    "mul-associativity",
    "mul-identity",
    "distributivity",
    "annihilation",
)
#: value lists of at most this many entries are checked on every triple
EXHAUSTIVE_VALUES = 16
#: small ints a user semiring's values default to (with its zero and one)
USER_VALUES = tuple(range(-3, 4))


def _equal(x: Any, y: Any) -> bool:
    try:
        if x == y:
            return True
    except Exception:  # noqa: BLE001 - a user's values may compare in any way
        return False
    if isinstance(x, float) or isinstance(y, float):
        try:
            x, y = float(x), float(y)
        except (TypeError, ValueError):
            return False
        if math.isinf(x) or math.isinf(y) or math.isnan(x) or math.isnan(y):
            return False
        return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
    return False


def _laws(S: Semiring) -> dict:
    """name -> (arity, predicate returning None or what went wrong)."""
    add, mul, zero, one = S.add, S.mul, S.zero, S.one

    def differ(what: str, left: Any, right: Any) -> str | None:
        return None if _equal(left, right) else f"{what}: {left!r} != {right!r}"

    return {
        "add-associativity": (3, lambda a, b, c: differ(
            "(a+b)+c != a+(b+c)", add(add(a, b), c), add(a, add(b, c)))),
        "add-commutativity": (2, lambda a, b: differ("a+b != b+a", add(a, b), add(b, a))),
        "add-identity": (1, lambda a: differ("zero+a != a", add(zero, a), a)
                         or differ("a+zero != a", add(a, zero), a)),
        "mul-associativity": (3, lambda a, b, c: differ(
            "(ab)c != a(bc)", mul(mul(a, b), c), mul(a, mul(b, c)))),
        "mul-identity": (1, lambda a: differ("one*a != a", mul(one, a), a)
                         or differ("a*one != a", mul(a, one), a)),
        "distributivity": (3, lambda a, b, c: differ(
            "a(b+c) != ab+ac", mul(a, add(b, c)), add(mul(a, b), mul(a, c)))
            or differ("(a+b)c != ac+bc", mul(add(a, b), c), add(mul(a, c), mul(b, c)))),
        "annihilation": (1, lambda a: differ("zero*a != zero", mul(zero, a), zero)
                         or differ("a*zero != zero", mul(a, zero), zero)),
    }


def check_semiring(S: Semiring, *, values: Any = None, max_examples: int = 100):
    r"""Check that ``S`` is a semiring: the seven laws, with a shrunk counterexample.

    Parameters
    ----------
    S : Semiring
        A built-in or ``Semiring.from_operations(...)``.
    values : iterable or hypothesis strategy, optional
        The values to check on: a list (every triple when it has at most 16 entries) or a
        strategy.  By default: every value of a small finite carrier (``Boolean()``,
        ``Modular(m)`` for ``m <= 12``), ``ac.strategies.values(semiring=S)`` for the
        other built-ins, and for a user semiring the ints -3..3 with ``S.zero`` and
        ``S.one``.
    max_examples : int, default 100
        Hypothesis examples per sampled law.

    Returns
    -------
    LawReport
        One ``LawResult`` per law: ``add-associativity``, ``add-commutativity``,
        ``add-identity``, ``mul-associativity``, ``mul-identity``, ``distributivity``,
        ``annihilation``.

    Raises
    ------
    InvalidType
        If ``S`` is not a Semiring or ``values`` is neither an iterable nor a strategy.

    Notes
    -----
    .. math:: (a \oplus b) \oplus c = a \oplus (b \oplus c), \quad a \oplus b = b \oplus a,
              \quad 0 \oplus a = a, \quad (a \otimes b) \otimes c = a \otimes (b \otimes c),
              \quad 1 \otimes a = a \otimes 1 = a,

    .. math:: a \otimes (b \oplus c) = a \otimes b \oplus a \otimes c, \quad
              (a \oplus b) \otimes c = a \otimes c \oplus b \otimes c, \quad
              0 \otimes a = a \otimes 0 = 0

    Examples
    --------
    >>> import algconv as ac, operator
    >>> ac.laws.check_semiring(ac.semirings.Modular(6)).ok
    True
    >>> bad = ac.semirings.Semiring.from_operations(operator.add, operator.add, 0, 0)
    >>> report = ac.laws.check_semiring(bad)
    >>> [r.name for r in report.failed]
    ['distributivity', 'annihilation']
    >>> report["annihilation"].counterexample
    (-3,)
    """
    S = as_semiring(S, "S")
    max_examples = check_int(max_examples, "max_examples", minimum=1)
    listed, strategy = _values(S, values)
    report = LawReport(S)
    for name, (arity, predicate) in _laws(S).items():
        if listed is not None:
            found = first_failure(itertools.product(listed, repeat=arity), predicate)
            checked = f"all {len(listed) ** arity} " + ("values" if arity == 1 else
                                                        "pairs" if arity == 2 else "triples")
        else:
            found = counterexample((strategy,) * arity, predicate, max_examples)
            checked = f"{max_examples} samples"
        report.results.append(LawResult(name, True, None, checked) if found is None else
                              LawResult(name, False, tuple(found[0]), checked, found[1]))
    return report


def _values(S: Semiring, values: Any) -> tuple:
    """``(list or None, strategy or None)``: what to check the laws on."""
    if isinstance(values, st.SearchStrategy):
        return None, values
    if values is not None:
        if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            raise InvalidType(f"Got values={describe(values)}, but expected a list of values "
                              "or a hypothesis strategy")
        listed = [S.check(v, "values entry") for v in values]
        if len(listed) <= EXHAUSTIVE_VALUES:
            return listed, None
        return None, st.sampled_from(listed)
    carrier = strategies.finite_carrier(S)
    if carrier is not None:
        return carrier, None
    if S.vectorised:  # a built-in: its own value strategy
        return None, strategies.values(semiring=S)
    listed = [S.zero, S.one, *(v for v in USER_VALUES if not _equal(v, S.zero)
                               and not _equal(v, S.one))]
    return listed, None
