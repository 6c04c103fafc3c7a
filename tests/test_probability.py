"""Tests of algconv.probability against published tables, scipy and brute-force models."""

import itertools
import math
from fractions import Fraction

import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv import probability as P
from algconv import strategies
from algconv.structures import compose

# Published: the number of ways to roll each total with two and three six-sided dice.
TWO_D6 = {2: 1, 3: 2, 4: 3, 5: 4, 6: 5, 7: 6, 8: 5, 9: 4, 10: 3, 11: 2, 12: 1}
THREE_D6 = dict(zip(range(3, 19), [1, 3, 6, 10, 15, 21, 25, 27, 27, 25, 21, 15, 10, 6, 3, 1]))
# Bayer & Diaconis (1992), Table 1: total variation after k riffle shuffles of 52 cards.
BAYER_DIACONIS = [1.000, 1.000, 1.000, 1.000, 0.924, 0.614, 0.334, 0.167, 0.085, 0.043]


def test_two_and_three_dice_match_the_published_tables():
    assert P.dice(2).to_dict() == {s: Fraction(c, 36) for s, c in TWO_D6.items()}
    assert P.dice(3).to_dict() == {s: Fraction(c, 216) for s, c in THREE_D6.items()}
    assert P.dice(0) == ac.delta(over=ac.Integers())


def test_die_and_uniform():
    assert P.die(6).to_dict() == {k: Fraction(1, 6) for k in range(1, 7)}
    assert P.uniform(-2, 2).total() == 1 and P.uniform(3, 3).to_dict() == {3: 1}


@pytest.mark.parametrize("n, p", [(5, Fraction(1, 3)), (10, Fraction(7, 10)), (3, 1), (4, 0)])
def test_binomial_is_exact_and_a_bernoulli_power(n, p):
    b = P.binomial(n, p)
    assert b == P.bernoulli(p) ** n
    assert b.total() == 1
    for k in range(n + 1):
        assert float(b(k)) == pytest.approx(scipy.stats.binom.pmf(k, n, float(p)), abs=1e-12)


def test_float_probabilities_give_floats():
    b = P.binomial(8, 0.25)
    assert all(isinstance(v, float) for v in b.to_dict().values())
    assert b(2) == pytest.approx(scipy.stats.binom.pmf(2, 8, 0.25))


def test_geometric_is_exact_up_to_the_truncation():
    p = Fraction(1, 3)
    g = P.geometric(p, upto=10)
    for k in range(1, 11):
        assert g(k) == (1 - p) ** (k - 1) * p
        assert float(g(k)) == pytest.approx(scipy.stats.geom.pmf(k, float(p)))
    assert g(11) == 0 and g.total() == 1 - (1 - p) ** 10
    # the sum of two trials-counts is exact wherever both parts are kept: negative binomial
    two = g * g
    for k in range(2, 11):
        assert two(k) == (k - 1) * p**2 * (1 - p) ** (k - 2)


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_total_variation_is_a_metric_bounded_by_one(data):
    G = ac.Cyclic(6)
    weights = strategies.functions(G, st.integers(1, 9), max_support=6, min_support=1)
    p, q, r = (data.draw(weights) for _ in range(3))
    p, q, r = (f * Fraction(1, f.total()) for f in (p, q, r))
    d = P.total_variation
    assert d(p, p) == 0 and d(p, q) == d(q, p) and 0 <= d(p, q) <= 1
    assert d(p, r) <= d(p, q) + d(q, r)
    # equals the largest difference of event probabilities, by brute force over events
    els = G.elements()
    events = itertools.chain.from_iterable(itertools.combinations(els, k) for k in range(7))
    assert d(p, q) == max(abs(sum(p(x) - q(x) for x in A)) for A in events)


def test_random_walk_on_a_cycle():
    step = ac.Function({1: Fraction(1, 2), 4: Fraction(1, 2)}, over=ac.Cyclic(5))
    walk = P.random_walk(step, 3)
    expected = {}
    for s in itertools.product([1, 4], repeat=3):
        expected[sum(s) % 5] = expected.get(sum(s) % 5, 0) + Fraction(1, 8)
    assert walk.to_dict() == expected
    start = ac.delta(2, over=ac.Cyclic(5))
    assert P.random_walk(step, 1, start=start).to_dict() == {3: Fraction(1, 2), 1: Fraction(1, 2)}


def test_mixing_curve_of_a_lazy_walk_decreases_to_zero():
    G = ac.Cyclic(4)
    lazy = ac.Function({0: Fraction(1, 2), 1: Fraction(1, 4), 3: Fraction(1, 4)}, over=G)
    ks = [8, 0, 1, 2, 4]
    curve = P.mixing_curve(lazy, ks)
    uniform = P.uniform_on(G)
    assert curve == [P.total_variation(lazy**k, uniform) for k in ks]
    assert curve[1] == Fraction(3, 4)
    ordered = [curve[ks.index(k)] for k in sorted(ks)]
    assert ordered == sorted(ordered, reverse=True) and ordered[-1] > 0


def _gsr_by_enumeration(n, a):
    """Independent model of an a-shuffle: all a**n pile sequences equally likely.

    Output position t takes the next card of pile w[t]; pile j holds the cards after
    those of piles < j.  Returns {p: probability} with p[card] = new position.
    """
    counts = {}
    for w in itertools.product(range(a), repeat=n):
        offset = [sum(1 for v in w if v < j) for j in range(a)]
        taken = [0] * a
        deck = []
        for pile in w:
            deck.append(offset[pile] + taken[pile])
            taken[pile] += 1
        p = [0] * n
        for position, card in enumerate(deck):
            p[card] = position
        counts[tuple(p)] = counts.get(tuple(p), 0) + Fraction(1, a**n)
    return counts


@pytest.mark.parametrize("n, a", [(3, 2), (5, 2), (4, 3), (3, 5)])
def test_riffle_shuffle_matches_the_physical_model(n, a):
    assert P.riffle_shuffle(n, a).to_dict() == _gsr_by_enumeration(n, a)


def test_riffle_shuffle_powers_are_riffle_shuffles_on_s5():
    Q2 = P.riffle_shuffle(5, 2)
    power = ac.delta(over=ac.SymmetricGroup(5))
    for k in range(1, 5):
        power = power * Q2
        assert power == P.riffle_shuffle(5, 2**k)  # exact Fractions
        assert Q2**k == power


def test_a_then_b_shuffle_is_an_ab_shuffle_in_both_orders():
    Q2, Q3 = P.riffle_shuffle(4, 2), P.riffle_shuffle(4, 3)
    assert Q2 * Q3 == Q3 * Q2 == P.riffle_shuffle(4, 6)


def test_rising_sequences_of_the_deck():
    # p sends the card at i to p[i]; the deck left is p's inverse.
    for p in itertools.permutations(range(5)):
        deck = [0] * 5
        for card, position in enumerate(p):
            deck[position] = card
        where = {card: i for i, card in enumerate(deck)}
        runs = 1 + sum(1 for c in range(4) if where[c + 1] < where[c])
        assert P.rising_sequences(p) == runs


def test_eulerian_numbers():
    assert P.eulerian_numbers(1) == [1]
    assert P.eulerian_numbers(5) == [1, 26, 66, 26, 1]
    for n in range(1, 9):
        row = P.eulerian_numbers(n)
        assert sum(row) == math.factorial(n)
        by_count = [0] * n
        if n <= 6:
            for p in itertools.permutations(range(n)):
                by_count[P.rising_sequences(p) - 1] += 1
            assert row == by_count


def test_bayer_diaconis_table_for_52_cards():
    got = [round(float(P.riffle_total_variation(52, k)), 3) for k in range(1, 11)]
    assert got == BAYER_DIACONIS
    assert isinstance(P.riffle_total_variation(52, 7), Fraction)


@pytest.mark.parametrize("n", [3, 5])
def test_riffle_total_variation_equals_the_distance_of_the_convolution_power(n):
    Q2 = P.riffle_shuffle(n, 2)
    uniform = P.uniform_on(ac.SymmetricGroup(n))
    for k in range(4):
        assert P.riffle_total_variation(n, k) == P.total_variation(Q2**k, uniform)


BAD = [
    (lambda: P.die(0), ac.InvalidArgument, "sides"),
    (lambda: P.dice(-1), ac.InvalidArgument, "k"),
    (lambda: P.bernoulli("1/2"), ac.InvalidType, "p='1/2'"),
    (lambda: P.bernoulli(Fraction(3, 2)), ac.InvalidArgument, "in \\[0, 1\\]"),
    (lambda: P.bernoulli(True), ac.InvalidType, "p=True"),
    (lambda: P.uniform(3, 1), ac.InvalidArgument, "low <= high"),
    (lambda: P.geometric(0, 5), ac.InvalidArgument, "p > 0"),
    (lambda: P.geometric(0.5, 0), ac.InvalidArgument, "upto"),
    (lambda: P.total_variation(P.die(), {1: 1}), ac.InvalidType, "q="),
    (lambda: P.total_variation(P.die(), ac.delta(over=ac.Cyclic(2))), ac.StructureMismatch,
     "equal structures"),
    (lambda: P.random_walk([1], 2), ac.InvalidType, "step="),
    (lambda: P.uniform_on(ac.Integers()), ac.InvalidArgument, "finite"),
    (lambda: P.riffle_shuffle(10), ac.InvalidArgument, "riffle_total_variation"),
    (lambda: P.riffle_total_variation(52, -1), ac.InvalidArgument, "k"),
]


@pytest.mark.parametrize("call, error, match", BAD)
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_composition_convention_of_the_walk():
    # a walk that first applies s then t ends at compose(s, t)
    S3 = ac.SymmetricGroup(3)
    s, t = (1, 0, 2), (0, 2, 1)
    walk = ac.delta(s, over=S3) * ac.delta(t, over=S3)
    assert walk.to_dict() == {compose(s, t): 1}


def test_mixing_curve_needs_an_iterable_of_steps():
    step = ac.Function({1: Fraction(1, 2), 2: Fraction(1, 2)}, over=ac.Cyclic(3))
    with pytest.raises(ac.InvalidType, match="ks=5"):
        ac.probability.mixing_curve(step, 5)


@pytest.mark.parametrize("p", [None, 5, (0, 0), ("a", 1), (True, False)])
def test_rising_sequences_needs_a_permutation(p):
    with pytest.raises(ac.AlgconvError, match="p="):
        ac.probability.rising_sequences(p)


@pytest.mark.parametrize("call", [
    lambda: ac.probability.dice(10**6),
    lambda: ac.probability.uniform(-(2**70), 0),
    lambda: ac.probability.binomial(10**6, Fraction(1, 3)),
    lambda: ac.probability.geometric(Fraction(1, 3), 10**6),
    lambda: ac.probability.riffle_total_variation(52, 2**70),
])
def test_huge_exact_distributions_are_refused_up_front(call):
    with pytest.raises(ac.InvalidArgument, match="memory_limit"):
        call()


def test_eulerian_numbers_refuses_past_its_limit():
    with pytest.raises(ac.InvalidArgument, match="n <= 1000"):
        ac.probability.eulerian_numbers(10**6)


def test_binomial_with_float_p_past_float_range_of_the_coefficients():
    from scipy.stats import binom

    b = ac.probability.binomial(2000, 0.3)
    assert max(abs(b(k) - binom.pmf(k, 2000, 0.3)) for k in range(2001)) < 1e-12
    assert abs(b.total() - 1) < 1e-9


@pytest.mark.parametrize("call", [
    lambda: ac.probability.random_walk(ac.Function({1: 2}, over=ac.Integers()), 2**70),
    lambda: ac.probability.random_walk(
        ac.Function({0: Fraction(1, 2), 1: Fraction(1, 2)}, over=ac.Integers()), 10**6),
    lambda: ac.probability.die(10**5000),
    lambda: ac.probability.riffle_total_variation(1, 10**5000),
])
def test_huge_walks_and_sizes_are_refused_up_front(call):
    with pytest.raises(ac.InvalidArgument, match="memory_limit"):
        call()


def test_random_walk_within_limits_still_runs():
    step = ac.Function({0: Fraction(1, 2), 1: Fraction(1, 2)}, over=ac.Integers())
    walk = ac.probability.random_walk(step, 40)
    assert walk.to_dict() == {k: Fraction(math.comb(40, k), 2**40) for k in range(41)}
