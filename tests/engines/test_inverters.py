"""The inversion engines (``INVERTERS``): each, forced, inverts against brute force; wrong
ones refuse; ``auto`` picks what the per-structure dispatcher of ``inverse`` picked."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv.engines import ENGINES, INVERTERS
from algconv.structures.base import Group

M, N = ac.Multiplicative(), ac.Naturals()
C2x3 = ac.product(ac.Cyclic(2), ac.Cyclic(3))
MAX3 = ac.Monoid.from_operation(max, 0, elements=range(3), commutative=True, name="max3")


def brute_product(f: dict, g: dict, over) -> dict:
    """``f * g`` by the defining sum over pairs, from the structure's operation alone."""
    out: dict = {}
    for a, x in f.items():
        for b, y in g.items():
            c = over.op(a, b)
            out[c] = out.get(c, 0) + x * y
    return {c: v for c, v in out.items() if v != 0}


def is_delta(h: dict, over, exact: bool = True) -> bool:
    e = over.identity
    if exact:
        return h == {e: 1}
    return abs(h.get(e, 0) - 1) < 1e-9 and all(abs(v) < 1e-9 for c, v in h.items() if c != e)


def old_choice(f: ac.Function) -> str:
    """The engine the per-structure dispatcher of ``inverse`` (before the registry) ran."""
    over = f.over
    if isinstance(over, ac.Multiplicative):
        return "dirichlet"
    if isinstance(over, ac.Naturals):
        return "series"
    support = f.to_dict()
    unit_point = (not f.is_dense and len(support) == 1
                  and (isinstance(over, Group) or next(iter(support)) == over.identity))
    if over.is_finite and not unit_point:
        values = [f(x) for x in over.elements()]
        numeric = any(isinstance(v, (float, complex, np.inexact)) for v in values)
        symbolic = any(isinstance(v, sympy.Basic) for v in values)
        if isinstance(over, (ac.BooleanGroup, ac.SubsetMonoid)):
            return "transform"
        cyclic = type(over) is ac.Cyclic or getattr(over, "is_cyclic_product", False)
        if numeric and cyclic:
            return "fft"
        if isinstance(over, ac.Cyclic) and not numeric and not symbolic:
            return "euclid"
        return "solve"
    return "point-mass"


def dense(over, kind, seed=0):
    """An invertible (diagonally dominant) Function on a finite structure, of a value kind."""
    rng = np.random.default_rng(seed)
    n = over.order
    ints = rng.integers(-3, 4, size=n)
    ints[over.index(over.identity)] = 4 * n + 1
    if kind == "int":
        values = ints.astype(np.int64)
    elif kind == "rational":
        values = np.array([Fraction(int(v), 3) for v in ints], dtype=object)
    elif kind == "float":
        values = ints.astype(float) + 0.25
    elif kind == "complex":
        values = ints * (1 + 0.5j)
    else:
        a = sympy.Symbol("a", positive=True)
        values = np.array([int(v) for v in ints], dtype=object)
        values[over.index(over.identity)] = 4 * n + a
    return ac.Function.from_array(values, over=over)


FINITE = [ac.Cyclic(1), ac.Cyclic(2), ac.Cyclic(7), ac.Cyclic(12), ac.BooleanGroup(1),
          ac.BooleanGroup(3), ac.SubsetMonoid(1), ac.SubsetMonoid(3), C2x3,
          ac.SymmetricGroup(3), ac.DihedralGroup(4), MAX3]
KINDS = ["int", "rational", "float", "complex", "symbolic"]


# --- auto picks what the old dispatcher picked -------------------------------------------------


@pytest.mark.parametrize("over", FINITE, ids=repr)
@pytest.mark.parametrize("kind", KINDS)
def test_auto_picks_the_old_choice_on_finite_structures(over, kind):
    f = dense(over, kind)  # choosing estimates only: no symbolic solve runs
    assert ac.choose_inverse(f).method == old_choice(f)


@pytest.mark.parametrize("kind", ["int", "rational", "float"])
def test_auto_keeps_the_old_choice_at_every_size(kind):
    """Across sizes the cost model may not cross over: euclid on Cyclic(n) for exact values
    and fft for floats, the transforms on the bitmask structures, at every order."""
    for n in list(range(1, 70)) + [100, 255, 256, 1000, 4096]:
        f = dense(ac.Cyclic(n), kind, seed=n)
        assert ac.choose_inverse(f).method == ("fft" if kind == "float" else "euclid"), n
    for k in range(1, 13):
        for over in (ac.BooleanGroup(k), ac.SubsetMonoid(k)):
            assert ac.choose_inverse(dense(over, kind, seed=k)).method == "transform", over
    for shape in ((2, 2), (3, 4), (16, 16)):
        over = ac.product(*(ac.Cyclic(m) for m in shape))
        want = "fft" if kind == "float" else "solve"
        assert ac.choose_inverse(dense(over, kind)).method == want


@pytest.mark.parametrize("f", [
    ac.Function({3: 2}, over=ac.Cyclic(5)),
    ac.Function({(1, 0, 2): 2.0}, over=ac.SymmetricGroup(3)),
    ac.Function({0: Fraction(1, 2)}, over=MAX3),
    ac.Function({2: 1}, over=MAX3),  # not a unit: the solve decides
    ac.Function({5: 3}, over=ac.BooleanGroup(3)),
    ac.Function({2: 3}, over=ac.Integers()),
    ac.Function({0: 1, 1: 1}, over=ac.Integers()),
    ac.Function({(1, 2): 1.5}, over=ac.Lattice(2)),
    ac.Function({"a": 1}, over=ac.FreeMonoid("ab")),
    ac.Function({0.5: 2.0}, over=ac.Reals()),
    ac.Function({1: 2, 4: 1}, over=M),
    ac.Function({0: 2, 3: 1}, over=N),
    ac.Function({0: 2}, over=N),
], ids=repr)
def test_auto_picks_the_old_choice_on_point_masses_and_infinite_structures(f):
    assert ac.choose_inverse(f).method == old_choice(f)


def test_the_choice_is_the_explained_one():
    """One selection loop: the engine inverse runs is the one choose_inverse explains."""
    from algconv.selection import engine_for
    from algconv.engines.inverters import inverse_problem

    for over in FINITE:
        for kind in ("int", "float"):
            p = inverse_problem(dense(over, kind))
            assert engine_for(p, "auto", INVERTERS).name == ac.choose_inverse(p.f).method


# --- every engine, forced, against brute force -------------------------------------------------

#: (method, structures it applies to among FINITE)
FORCED = {
    "solve": FINITE,
    "transform": [over for over in FINITE if isinstance(over, (ac.BooleanGroup, ac.SubsetMonoid))],
    "fft": [over for over in FINITE if type(over) is ac.Cyclic or over is C2x3],
    "euclid": [over for over in FINITE if isinstance(over, ac.Cyclic)],
}


@pytest.mark.parametrize("method, over", [(m, o) for m, structures in FORCED.items()
                                          for o in structures], ids=repr)
def test_forced_engines_invert_exactly(method, over):
    for kind in ("int", "rational", "float", "complex"):
        f = dense(over, kind, seed=over.order)
        if method == "fft" and kind in ("int", "rational"):
            with pytest.raises(ac.MethodNotApplicable, match="rounds through floating point"):
                ac.inverse(f, method=method)
            continue
        if method == "euclid" and kind in ("float", "complex"):
            with pytest.raises(ac.MethodNotApplicable, match="int or rational"):
                ac.inverse(f, method=method)
            continue
        g = ac.inverse(f, method=method)
        exact = kind in ("int", "rational")
        fd, gd = f.to_dict(), g.to_dict()
        assert is_delta(brute_product(fd, gd, over), over, exact)
        assert is_delta(brute_product(gd, fd, over), over, exact)
        if exact:
            assert all(type(v) in (int, Fraction) for v in gd.values())
            assert g == ac.inverse(f)  # every exact engine gives the one inverse
        else:
            assert g.isclose(ac.inverse(f), atol=1e-12)


@settings(max_examples=25, deadline=None)
@given(values=st.lists(st.integers(-4, 4), min_size=8, max_size=8),
       method=st.sampled_from(["solve", "transform"]),
       over=st.sampled_from([ac.BooleanGroup(3), ac.SubsetMonoid(3)]))
def test_exact_engines_agree_on_inverse_or_non_invertible(values, method, over):
    f = ac.Function.from_array(values, over=over)
    try:
        want = ac.inverse(f, method="solve")
    except ac.NotInvertible:
        with pytest.raises(ac.NotInvertible):
            ac.inverse(f, method=method)
        return
    g = ac.inverse(f, method=method)
    assert g == want and is_delta(brute_product(f.to_dict(), g.to_dict(), over), over)


@settings(max_examples=25, deadline=None)
@given(values=st.lists(st.integers(-4, 4), min_size=6, max_size=6))
def test_euclid_and_solve_agree_on_cyclic(values):
    f = ac.Function.from_array(values, over=ac.Cyclic(6))
    try:
        want = ac.inverse(f, method="solve")
    except ac.NotInvertible:
        with pytest.raises(ac.NotInvertible, match="shares a factor with x\\^n - 1"):
            ac.inverse(f, method="euclid")
        return
    assert ac.inverse(f, method="euclid") == want


def test_symbolic_values_through_solve_and_transform():
    a = sympy.Symbol("a", positive=True)
    for over, method in ((ac.SymmetricGroup(3), "solve"), (ac.BooleanGroup(2), "transform"),
                         (ac.BooleanGroup(2), "solve")):
        f = ac.Function({over.identity: a, over.elements()[1]: 1}, over=over)
        g = ac.inverse(f, method=method)
        h = brute_product(f.to_dict(), g.to_dict(), over)
        assert all(sympy.simplify(h.get(x, 0) - int(x == over.identity)) == 0
                   for x in over.elements())


def test_point_mass_forced():
    S3 = ac.SymmetricGroup(3)
    x = (1, 2, 0)
    g = ac.inverse(ac.Function({x: 4}, over=S3), method="point-mass")
    assert g.to_dict() == {S3.inverse(x): Fraction(1, 4)}
    assert ac.inverse(ac.Function({x: 4}, over=S3), method="solve") == g
    assert ac.inverse(ac.Function({(2, -1): -2}, over=ac.Lattice(2)),
                      method="point-mass").to_dict() == {(-2, 1): Fraction(-1, 2)}


def test_series_engines_forced_against_brute_force():
    f = [3, -1, 0, 2, 5]
    g = ac.inverse(f, over=M, length=30, method="dirichlet").tolist()
    full = f + [0] * 26
    assert [sum(full[d - 1] * g[m // d - 1] for d in range(1, m + 1) if m % d == 0)
            for m in range(1, 31)] == [1] + [0] * 29
    g = ac.inverse(f, over=N, length=20, method="series").tolist()
    assert [sum(f[i] * g[k - i] for i in range(min(k, 4) + 1)) for k in range(21)] == (
        [1] + [0] * 20)


# --- wrong methods -----------------------------------------------------------------------------


@pytest.mark.parametrize("f, method, match", [
    (dense(ac.Cyclic(4), "int"), "fft", "rounds through floating point"),
    (dense(ac.Cyclic(4), "float"), "transform", "BooleanGroup"),
    (dense(ac.SymmetricGroup(3), "int"), "euclid", "Cyclic"),
    (dense(ac.Cyclic(4), "symbolic"), "euclid", "int or rational"),
    (dense(ac.Cyclic(4), "int"), "series", "Naturals"),
    (dense(ac.Cyclic(4), "int"), "dirichlet", "Multiplicative"),
    (dense(ac.Cyclic(4), "int"), "point-mass", "stored as one point"),
    (ac.Function({0: 1, 1: 1}, over=ac.Integers()), "solve", "infinite"),
    (ac.Function({0: 1, 1: 1}, over=N), "point-mass", "series"),
    (ac.Function({1: 1, 2: 1}, over=M), "series", "Naturals"),
], ids=str)
def test_wrong_methods_are_not_applicable(f, method, match):
    with pytest.raises(ac.MethodNotApplicable, match=match):
        ac.inverse(f, method=method)


def test_unknown_and_mistyped_methods():
    with pytest.raises(ac.InvalidArgument, match="only valid values are 'auto', 'point-mass'"):
        ac.inverse([1, 2], over=ac.Cyclic(2), method="direct")  # a convolution engine
    with pytest.raises(ac.InvalidType, match="method=3"):
        ac.inverse([1, 2], over=ac.Cyclic(2), method=3)


def test_memory_guard_names_the_limit():
    f = ac.Function({0: 2, 1: 1}, over=ac.BooleanGroup(20))
    with ac.config.limit_memory(10**6):
        with pytest.raises(ac.InvalidArgument, match="algconv.config.memory_limit="):
            ac.inverse(f)
        with pytest.raises(ac.InvalidArgument, match="method='transform' on this input"):
            ac.inverse(f, method="transform")


def test_registries_are_separate():
    assert set(INVERTERS) == {"point-mass", "dirichlet", "series", "transform", "fft",
                              "euclid", "solve"}
    assert "solve" not in ENGINES and "direct" not in INVERTERS


# --- the other public functions with method= ---------------------------------------------------


@pytest.mark.parametrize("method", ["auto", *ENGINES])
def test_correlate_and_convolve_cyclic_honour_every_method_or_refuse(method):
    """Each engine name either runs (and gives the defining sum) or raises
    MethodNotApplicable: no name is silently ignored."""
    a, b = np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.5, -1.0, 0.0, 2.0])
    n = 4
    want_corr = [sum(a[(x + c) % n] * b[x] for x in range(n)) for c in range(n)]
    want_conv = [sum(a[x] * b[(c - x) % n] for x in range(n)) for c in range(n)]
    for call, want in ((lambda: ac.correlate(a, b, over=ac.Cyclic(n), method=method),
                        want_corr),
                       (lambda: ac.convolve_cyclic(a, b, method=method), want_conv),
                       (lambda: ac.convolve_cyclic(a, b[:3], period=n, method=method),
                        [sum(a[x] * b[(c - x) % n] for x in range(n) if (c - x) % n < 3)
                         for c in range(n)])):
        try:
            got = call()
        except ac.MethodNotApplicable as e:
            assert method != "auto" and f"method={method!r} does not apply" in str(e)
            continue
        np.testing.assert_allclose(got, want, atol=1e-12)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_solve_refuses_values_that_are_not_finite_with_an_algconv_error(bad):
    S3 = ac.SymmetricGroup(3)
    f = ac.Function({(0, 1, 2): bad, (1, 2, 0): 1.0}, over=S3)
    with pytest.raises(ac.NotInvertible, match="not all finite"):
        ac.inverse(f, method="solve")
    with pytest.raises(ac.NotInvertible, match="not all finite"):
        ac.inverse(f)  # auto picks solve on a non-abelian group
