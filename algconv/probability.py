r"""Probability as convolution: distributions are Functions, sums of independent steps convolve.

If ``X ~ f`` and ``Y ~ g`` are independent elements of a monoid, ``X . Y ~ f * g``.  Here:
dice and standard distributions on ``Z`` as exact Fractions, total variation distance,
random walks on groups and their mixing, and riffle shuffles of a deck (the
Gilbert-Shannon-Reeds model) with Bayer and Diaconis's exact distance from uniform.

Examples
--------
>>> import algconv as ac
>>> two = ac.probability.dice(2)
>>> two(7), two(12)
(Fraction(1, 6), Fraction(1, 36))
"""

from __future__ import annotations

import itertools
import math
import numbers
from fractions import Fraction
from typing import Any, Iterable

from . import config
from .errors import InvalidArgument, InvalidType, StructureMismatch
from .function import Function, delta
from .structures.base import check_structure
from .structures.numbers import Integers
from .structures.permutations import SymmetricGroup
from .validation import check_int, describe, is_integer

__all__ = [
    "die",
    "dice",
    "bernoulli",
    "binomial",
    "uniform",
    "geometric",
    "total_variation",
    "random_walk",
    "mixing_curve",
    "uniform_on",
    "rising_sequences",
    "riffle_shuffle",
    "eulerian_numbers",
    "riffle_total_variation",
]

#: ``riffle_shuffle`` enumerates n! permutations; beyond this n use riffle_total_variation
RIFFLE_MAX_N = 9
#: ``eulerian_numbers`` makes n^2 / 2 big-integer steps (n = 1000: about a second)
EULERIAN_MAX_N = 1000
#: bytes a stored exact value costs beyond its digits (dict entry, Fraction, two ints)
BYTES_PER_VALUE = 200


def _check_size(values: int, bits: int, what: str) -> None:
    """Refuse up front a result of ``values`` exact numbers of about ``bits`` bits each that
    would need more than ``config.memory_limit`` (integer arithmetic: the counts may be
    far beyond a float)."""
    need = values * (bits // 8 + BYTES_PER_VALUE)
    config.check_memory(float(min(need, 2**100)), what)


def _bits(p: Any, n: int) -> int:
    """Bits of ``p ** n``: numerator and denominator grow with exact ``p``; 64 for a float."""
    if isinstance(p, (int, Fraction)):
        p = Fraction(p)
        return n * (p.numerator.bit_length() + p.denominator.bit_length()) + 64
    return 64


def _probability(p: Any, name: str = "p") -> Any:
    if isinstance(p, bool) or not isinstance(p, numbers.Real):
        raise InvalidType(f"Got {name}={describe(p)}, but expected a probability: an int, "
                          "Fraction or float in [0, 1]")
    if not 0 <= p <= 1:
        raise InvalidArgument(f"Got {name}={p!r}, but expected a probability in [0, 1]")
    return p


def _on_z(values: dict) -> Function:
    return Function(values, over=Integers())


def die(sides: int = 6) -> Function:
    """A fair die: ``1/sides`` on each of ``1..sides``, on ``Integers()``.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.probability.die(4).to_dict()
    {1: Fraction(1, 4), 2: Fraction(1, 4), 3: Fraction(1, 4), 4: Fraction(1, 4)}
    """
    sides = check_int(sides, "sides", minimum=1, what="die(sides)")
    return uniform(1, sides)


def dice(k: int, sides: int = 6) -> Function:
    """The distribution of the total of ``k`` fair dice: the ``k``-fold convolution power.

    Examples
    --------
    >>> import algconv as ac
    >>> three = ac.probability.dice(3)
    >>> [three(s) * 216 for s in (3, 10, 11, 18)]
    [Fraction(1, 1), Fraction(27, 1), Fraction(27, 1), Fraction(1, 1)]
    """
    k = check_int(k, "k", minimum=0, what="dice(k)")
    sides = check_int(sides, "sides", minimum=1, what="dice(k, sides)")
    _check_size(k * (sides - 1) + 1, k * sides.bit_length() + 1,
                f"dice({describe(k)}, {describe(sides)})")
    return die(sides) ** k


def bernoulli(p: Any) -> Function:
    """``1`` with probability ``p``, else ``0``.

    Examples
    --------
    >>> import algconv as ac
    >>> from fractions import Fraction
    >>> ac.probability.bernoulli(Fraction(1, 3)).to_dict()
    {0: Fraction(2, 3), 1: Fraction(1, 3)}
    """
    p = _probability(p)
    return _on_z({0: 1 - p, 1: p})


def binomial(n: int, p: Any) -> Function:
    """The number of successes in ``n`` independent trials of probability ``p``.

    Computed from the formula ``C(n, k) p^k (1-p)^(n-k)`` (exact for Fractions); it equals
    ``bernoulli(p) ** n``.

    Examples
    --------
    >>> import algconv as ac
    >>> from fractions import Fraction
    >>> b = ac.probability.binomial(4, Fraction(1, 2))
    >>> [b(k) * 16 for k in range(5)]
    [Fraction(1, 1), Fraction(4, 1), Fraction(6, 1), Fraction(4, 1), Fraction(1, 1)]
    >>> b == ac.probability.bernoulli(Fraction(1, 2)) ** 4
    True
    """
    n = check_int(n, "n", minimum=0, what="binomial(n, p)")
    p = _probability(p)
    _check_size(n + 1, _bits(p, n), f"binomial({describe(n)}, p)")
    return _on_z({k: _binomial_term(n, k, p) for k in range(n + 1)})


def _binomial_term(n: int, k: int, p: Any) -> Any:
    """``C(n, k) p^k (1-p)^(n-k)``; for a float ``p`` whose C(n, k) overflows a float, in
    log space."""
    try:
        return math.comb(n, k) * p**k * (1 - p) ** (n - k)
    except OverflowError:
        if p in (0, 1):  # the overflowing C(n, k) multiplies an exact zero
            return 0.0
        log = (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
               + k * math.log(p) + (n - k) * math.log1p(-p))
        return math.exp(log)


def uniform(low: int, high: int) -> Function:
    """The uniform distribution on the integers ``low..high`` (both included).

    Examples
    --------
    >>> import algconv as ac
    >>> ac.probability.uniform(-1, 1).to_dict()
    {-1: Fraction(1, 3), 0: Fraction(1, 3), 1: Fraction(1, 3)}
    """
    low, high = check_int(low, "low"), check_int(high, "high")
    if high < low:
        raise InvalidArgument(f"Got low={low}, high={high}, but expected low <= high")
    _check_size(high - low + 1, 64, f"uniform({describe(low)}, {describe(high)})")
    mass = Fraction(1, high - low + 1)
    return _on_z({k: mass for k in range(low, high + 1)})


def geometric(p: Any, upto: int) -> Function:
    r"""The number of trials up to and including the first success, truncated at ``upto``.

    A Function has finite support, so the tail is *dropped, not renormalised*: the value
    at every ``k <= upto`` is the exact :math:`P(X = k) = (1-p)^{k-1} p`, and the total is
    :math:`1 - (1-p)^{upto}`.  Convolutions of truncated geometrics are therefore exact at
    every ``k <= upto`` (sums of ``m`` trials-counts need each count ``<= k - m + 1``).

    Parameters
    ----------
    p : int, Fraction or float
        Success probability, ``0 < p <= 1``.
    upto : int
        Largest ``k`` kept, ``>= 1``.

    Examples
    --------
    >>> import algconv as ac
    >>> from fractions import Fraction
    >>> g = ac.probability.geometric(Fraction(1, 2), upto=3)
    >>> g.to_dict(), g.total()
    ({1: Fraction(1, 2), 2: Fraction(1, 4), 3: Fraction(1, 8)}, Fraction(7, 8))
    """
    p = _probability(p)
    if p == 0:
        raise InvalidArgument("Got p=0, but a geometric distribution needs p > 0")
    upto = check_int(upto, "upto", minimum=1, what="geometric(p, upto)")
    _check_size(upto, _bits(p, upto), f"geometric(p, upto={describe(upto)})")
    return _on_z({k: (1 - p) ** (k - 1) * p for k in range(1, upto + 1)})


def total_variation(p: Function, q: Function) -> Any:
    r"""The total variation distance :math:`\frac12 \sum_x |p(x) - q(x)|`, exact for Fractions.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.probability.total_variation(ac.probability.die(6), ac.probability.uniform(1, 3))
    Fraction(1, 2)
    """
    for name, f in (("p", p), ("q", q)):
        if not isinstance(f, Function):
            raise InvalidType(f"Got {name}={describe(f)}, but expected a Function")
    if p.over != q.over:
        raise StructureMismatch(f"Got Functions over {p.over!r} and {q.over!r}, but they must "
                                "be over equal structures")
    a, b = p.to_dict(), q.to_dict()
    total = sum((abs(a.get(x, 0) - b.get(x, 0)) for x in a.keys() | b.keys()), 0)
    return Fraction(total) / 2 if isinstance(total, (int, Fraction)) else total / 2


def random_walk(step: Function, k: int, start: Function | None = None) -> Function:
    """Where a walk is after ``k`` independent steps: ``start * step ** k``.

    With the product ``op(a, b)`` meaning *first a, then b*, the walk is at
    ``x0 . s1 . s2 ... sk``; ``start`` defaults to the identity.

    Examples
    --------
    >>> import algconv as ac
    >>> from fractions import Fraction
    >>> step = ac.Function({1: Fraction(1, 2), 5: Fraction(1, 2)}, over=ac.Cyclic(6))
    >>> ac.probability.random_walk(step, 2).to_dict()
    {2: Fraction(1, 4), 0: Fraction(1, 2), 4: Fraction(1, 4)}
    """
    if not isinstance(step, Function):
        raise InvalidType(f"Got step={describe(step)}, but expected a Function")
    k = check_int(k, "k", minimum=0, what="random_walk(step, k)")
    _check_walk(step, k)
    walk = step ** k
    return walk if start is None else start * walk


def _check_walk(step: Function, k: int) -> None:
    """Refuse a walk whose distribution ``step ** k`` could not fit in memory: at least
    ``k * (support - 1) + 1`` points on an infinite structure (all of a finite one), each
    exact value with ``k`` times the bits of the step's values."""
    values = step.to_dict().values()
    exact = all(isinstance(v, (int, Fraction)) for v in values)
    bits = max((_bits(v, 1) - 64 for v in values), default=1) * k + 64 if exact else 64
    size = step.over.order if step.over.is_finite else k * max(len(values) - 1, 0) + 1
    _check_size(size, bits, f"random_walk(step, k={describe(k)})")


def uniform_on(G: Any) -> Function:
    """The uniform distribution on a finite structure.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.probability.uniform_on(ac.Cyclic(2)).to_dict()
    {0: Fraction(1, 2), 1: Fraction(1, 2)}
    """
    G = check_structure(G, "G")
    if not G.is_finite:
        raise InvalidArgument(f"Got G={G!r}, but a uniform distribution needs a finite structure")
    mass = Fraction(1, G.order)
    return Function({x: mass for x in G.elements()}, over=G)


def mixing_curve(step: Function, ks: Iterable[int], target: Function | None = None) -> list:
    """Total variation distance from ``target`` after ``k`` steps, for each ``k`` in ``ks``.

    Parameters
    ----------
    step : Function
        The step distribution on a finite group.
    ks : iterable of int
        Step counts (any order; each power is computed once, incrementally).
    target : Function, optional
        Defaults to the uniform distribution on ``step.over``.

    Returns
    -------
    list
        ``[total_variation(step ** k, target) for k in ks]``, exact for Fractions.

    Examples
    --------
    >>> import algconv as ac
    >>> from fractions import Fraction
    >>> lazy = ac.Function({0: Fraction(1, 2), 1: Fraction(1, 2)}, over=ac.Cyclic(2))
    >>> ac.probability.mixing_curve(lazy, [0, 1, 2])
    [Fraction(1, 2), Fraction(0, 1), Fraction(0, 1)]
    """
    if not isinstance(step, Function):
        raise InvalidType(f"Got step={describe(step)}, but expected a Function")
    if isinstance(ks, (str, bytes)) or not hasattr(ks, "__iter__"):
        raise InvalidType(f"Got ks={describe(ks)}, but expected an iterable of step counts "
                          "such as [1, 2, 4]")
    ks = [check_int(k, "k", minimum=0) for k in ks]
    target = uniform_on(step.over) if target is None else target
    distances, power, done = {}, delta(over=step.over), 0
    for k in sorted(set(ks)):
        power = power * step ** (k - done) if k > done else power
        done = k
        distances[k] = total_variation(power, target)
    return [distances[k] for k in ks]


# --- riffle shuffles ---------------------------------------------------------------------------


def rising_sequences(p: tuple) -> int:
    """The rising sequences of the deck a shuffle ``p`` leaves: ``1 + descents of p``.

    ``p[i]`` is where the card from position ``i`` ends up (see :func:`riffle_shuffle`);
    the deck it leaves, read top to bottom, is ``p``'s inverse, and its rising sequences
    (maximal runs of consecutive cards ``c, c+1, ...`` in increasing positions) number
    ``1 + #{i : p[i+1] < p[i]}``.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.probability.rising_sequences((0, 1, 2, 3)), ac.probability.rising_sequences((3, 2, 1, 0))
    (1, 4)
    """
    try:
        if isinstance(p, (str, bytes)):
            raise TypeError
        p = tuple(p)
    except TypeError as e:
        raise InvalidType(f"Got p={describe(p)}, but expected a permutation tuple such as "
                          "(1, 0, 2)") from e
    if sorted(x if is_integer(x) else -1 for x in p) != list(range(len(p))):
        raise InvalidArgument(f"Got p={describe(p)}, but expected a permutation of "
                              f"0..{len(p) - 1} in one-line notation")
    return _rising(p)


def _rising(p: tuple) -> int:
    return 1 + sum(1 for i in range(len(p) - 1) if p[i + 1] < p[i])


def riffle_shuffle(n: int, a: int = 2) -> Function:
    r"""The Gilbert-Shannon-Reeds ``a``-shuffle of ``n`` cards as a Function on ``SymmetricGroup(n)``.

    Cut the deck into ``a`` packets (multinomially) and riffle them together, dropping
    cards with probability proportional to packet sizes.  The shuffle ``p`` has
    probability

    .. math:: Q_a(p) = \binom{a + n - r(p)}{n} \Big/ a^n

    with ``r(p)`` the rising sequences of the deck it leaves (:func:`rising_sequences`).

    Parameters
    ----------
    n : int
        Cards, ``1 <= n <= 9`` (the Function lists all ``n!`` permutations).
    a : int, default 2
        Packets; ``a = 2`` is the ordinary riffle shuffle.

    Returns
    -------
    Function
        Exact Fractions on ``SymmetricGroup(n)``.  An element ``p`` is the shuffle that
        sends the card at position ``i`` to position ``p[i]``; since ``op(a, b)`` is *first
        a, then b*, ``Q_a * Q_b`` is an ``a``-shuffle followed by a ``b``-shuffle, which is
        an ``ab``-shuffle: ``riffle_shuffle(n, 2) ** k == riffle_shuffle(n, 2 ** k)``.

    References
    ----------
    D. Bayer and P. Diaconis, "Trailing the dovetail shuffle to its lair", Ann. Appl.
    Probab. 2 (1992) 294-313.

    Examples
    --------
    >>> import algconv as ac
    >>> Q = ac.probability.riffle_shuffle(3)
    >>> Q((0, 1, 2)), Q((2, 1, 0)), Q.total()
    (Fraction(1, 2), 0, Fraction(1, 1))
    >>> Q ** 2 == ac.probability.riffle_shuffle(3, 4)
    True
    """
    n = check_int(n, "n", minimum=1, what="riffle_shuffle(n)")
    a = check_int(a, "a", minimum=1, what="riffle_shuffle(n, a)")
    if n > RIFFLE_MAX_N:
        raise InvalidArgument(
            f"Got n={n}, but riffle_shuffle lists all n! permutations and allows "
            f"n <= {RIFFLE_MAX_N}; for the distance from uniform use riffle_total_variation")
    denominator = a**n
    values = {}
    for p in itertools.permutations(range(n)):
        count = math.comb(a + n - _rising(p), n)
        if count:
            values[p] = Fraction(count, denominator)
    return Function(values, over=SymmetricGroup(n))


def eulerian_numbers(n: int) -> list:
    """``[A(n, 0), ..., A(n, n-1)]``: permutations of ``n`` with ``m`` descents.

    ``A(n, r - 1)`` permutations leave a deck with ``r`` rising sequences.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.probability.eulerian_numbers(4)
    [1, 11, 11, 1]
    """
    n = check_int(n, "n", minimum=1, what="eulerian_numbers(n)")
    if n > EULERIAN_MAX_N:
        raise InvalidArgument(f"Got n={n}, but eulerian_numbers computes exact rows for "
                              f"n <= {EULERIAN_MAX_N} (n^2 / 2 big-integer steps)")
    row = [1]
    for m in range(2, n + 1):  # A(m, j) = (m - j) A(m-1, j-1) + (j + 1) A(m-1, j)
        row = [(m - j) * (row[j - 1] if j else 0) + (j + 1) * (row[j] if j < m - 1 else 0)
               for j in range(m)]
    return row


def riffle_total_variation(n: int, k: int, a: int = 2) -> Fraction:
    r"""Exact total variation distance from uniform after ``k`` ``a``-shuffles of ``n`` cards.

    ``k`` ``a``-shuffles are one ``a^k``-shuffle, whose probabilities depend only on the
    rising sequences ``r``, and ``A(n, r-1)`` permutations have ``r`` of them, so

    .. math:: \|Q_{a^k} - U\| = \frac12 \sum_{r=1}^{n} A(n, r-1)
              \left| \binom{a^k + n - r}{n} a^{-kn} - \frac{1}{n!} \right|

    Examples
    --------
    >>> import algconv as ac
    >>> [round(float(ac.probability.riffle_total_variation(52, k)), 3) for k in (5, 6, 7, 8)]
    [0.924, 0.614, 0.334, 0.167]
    """
    n = check_int(n, "n", minimum=1, what="riffle_total_variation(n, k)")
    k = check_int(k, "k", minimum=0, what="riffle_total_variation(n, k)")
    a = check_int(a, "a", minimum=1, what="riffle_total_variation(n, k, a)")
    _check_size(n, n * k * a.bit_length() + n * n.bit_length(),
                f"riffle_total_variation({describe(n)}, {describe(k)})")
    packets, uniform_mass = a**k, Fraction(1, math.factorial(n))
    denominator = packets**n
    total = sum(count * abs(Fraction(math.comb(packets + n - r, n), denominator) - uniform_mass)
                for r, count in enumerate(eulerian_numbers(n), 1))
    return total / 2
