"""``convolve``: verified closed forms of convolutions over R, Z and N.

Strategies are tried cheapest first, in a fixed order, each in a forked worker with a fixed
share of the CPU-second budget (never what an earlier strategy left over, so the answer does
not depend on machine load), and each candidate is verified (``verify.py``) before it is
returned.  ``convolve`` puts the inputs in a canonical order first, so ``convolve(f, g)`` and
``convolve(g, f)`` give the same expression (every structure here is commutative);
``_solve`` is the pipeline after that step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy as sp

from ..errors import InvalidArgument, InvalidType, NoClosedForm
from ..structures import Integers, Naturals, Reals
from . import budget as _budget
from .assemble import to_expr
from .cases import solve_by_cases
from .discrete import finite_table, sum_closed, sum_reps
from .families import discrete_family, real_family
from .normalise import Undecided, Unsupported, normalise_discrete, normalise_real
from .piecewise import convolve_reps
from .transforms import by_fourier, by_laplace
from .verify import verify_discrete, verify_real

__all__ = ["DISCRETE_STRATEGIES", "REAL_STRATEGIES", "convolve"]


# ------------------------------------------------------------------ strategies on R ------


def _families_r(f, g, t, x):
    try:
        fr, gr = normalise_real(f, t), normalise_real(g, t)
    except Unsupported:
        fr = gr = None
    out = real_family(f, g, t, x, fr, gr)
    if out is None:
        raise Unsupported("not a known family")
    return out


def _piecewise_r(f, g, t, x):
    return to_expr(convolve_reps(normalise_real(f, t), normalise_real(g, t), x))


def _cases_r(f, g, t, x, deadline=None):
    try:
        _piecewise_r(f, g, t, x)
    except Undecided as e:
        undecided = e
    else:
        raise Unsupported("no breakpoint order depends on a parameter")

    def solve(fc, gc):
        return _attempt_real(_piecewise_r, fc, gc, t, x, deadline)

    return solve_by_cases(solve, f, g, undecided)


def _as_piecewise_r(h, x):
    try:
        return to_expr(normalise_real(h, x))
    except Unsupported:
        return h


def _laplace_r(f, g, t, x):
    for e in (f, g):
        rep = normalise_real(e, t)
        if rep.pieces and not rep.pieces[0][0].is_nonnegative:
            raise Unsupported("not causal")
        if any(not p.is_nonnegative for _, p, _ in rep.deltas):
            raise Unsupported("not causal")
    return _as_piecewise_r(by_laplace(f, g, t, x), x)


def _fourier_r(f, g, t, x):
    return _as_piecewise_r(by_fourier(f, g, t, x), x)


def _integrate_r(f, g, t, x):
    a = sp.Dummy("a", real=True)
    h = sp.integrate(f.subs(t, a) * g.subs(t, x - a), (a, -sp.oo, sp.oo), conds="none")
    if h.has(sp.Integral):
        raise Unsupported("sympy.integrate left the integral")
    return _as_piecewise_r(sp.simplify(h), x)


#: (name, function, share of the CPU budget) in the order tried; the shares add up to 1.
#: Measured (CPU seconds, battery of tests/symbolic/battery.py, verification included): the
#: slowest closing case of each strategy needs at most 2/5 of its share of the default budget
#: (families 3.0 of 7.5 for normal(1, s1) * normal(-2, s2), piecewise 3.8 of 10.5 for
#: (delta + box) * (delta' + ramp), cases 1.6 of 4.5 for box(0, a) * box(0, 1))
REAL_STRATEGIES: list[tuple[str, Callable, float]] = [
    ("families", _families_r, 0.25),
    ("piecewise", _piecewise_r, 0.35),
    ("cases", _cases_r, 0.15),
    ("laplace", _laplace_r, 0.1),
    ("fourier", _fourier_r, 0.05),
    ("integrate", _integrate_r, 0.1),
]


# ------------------------------------------------------------- strategies on Z and N ------


def _lower(over):
    return 0 if isinstance(over, Naturals) else None


def _reps(f, g, k, over):
    return normalise_discrete(f, k, _lower(over)), normalise_discrete(g, k, _lower(over))


def _families_d(f, g, k, n, over):
    found = discrete_family(*_reps(f, g, k, over), n)
    if found is None:
        raise Unsupported("not a known family")
    shift, body = found
    if _lower(over) == 0 and shift == 0:
        return body
    return sp.Piecewise((0, n < shift), (body, True))


def _piecewise_d(f, g, k, n, over):
    fr, gr = _reps(f, g, k, over)
    if _lower(over) == 0 and len(fr.pieces) == len(gr.pieces) == 1 and all(
            r.pieces[0][0] == 0 and r.pieces[0][1] is sp.S.Infinity for r in (fr, gr)):
        raise Unsupported("one piece each on N: the same sum as the summation strategy")
    return to_expr(sum_reps(*_reps(f, g, k, over), n), lower=_lower(over))


def _table_d(f, g, k, n, over):
    return to_expr(finite_table(*_reps(f, g, k, over), n), lower=_lower(over))


def _summation_once(f, g, k, n, over):
    j = sp.Dummy("j", integer=True)
    lo = 0 if _lower(over) == 0 else -sp.oo
    hi = n if _lower(over) == 0 else sp.oo
    return sp.simplify(sum_closed(f.subs(k, j) * g.subs(k, n - j), j, lo, hi))


def _summation_d(f, g, k, n, over):
    h = _summation_once(f, g, k, n, over)
    if any(len(e.args) == 1 for e in h.atoms(sp.Heaviside)):
        h = to_expr(normalise_discrete(h, n, _lower(over)), lower=_lower(over))
    return h


def _summation_swapped_d(f, g, k, n, over):
    # sympy.summation is sensitive to which factor carries the index: the other order
    return _summation_d(g, f, k, n, over)


#: (name, function, share of the CPU budget) in the order tried; the shares add up to 1.
#: Measured as above: families 1.1 of 6 (Poisson with a step on Z), piecewise-sum 0.9 of 6
#: (two-sided geometric), summation 1.2 of 7.5 (harmonic 1/(n+1) * 1/(n+1))
DISCRETE_STRATEGIES: list[tuple[str, Callable, float]] = [
    ("families", _families_d, 0.2),
    ("piecewise-sum", _piecewise_d, 0.2),
    ("finite-table", _table_d, 0.1),
    ("summation", _summation_d, 0.25),
    ("summation-swapped", _summation_swapped_d, 0.25),
]


# ------------------------------------------------------------------------- driver ------


def _attempt_real(fn, f, g, t, x, deadline):
    if fn is _cases_r:
        candidate = sp.sympify(fn(f, g, t, x, deadline))
    else:
        candidate = sp.sympify(fn(f, g, t, x))
    verify_real(f, g, t, candidate, x, deadline)
    return candidate


def _attempt_discrete(fn, f, g, k, n, over, deadline):
    candidate = sp.sympify(fn(f, g, k, n, over))
    if any(len(e.args) == 1 for e in candidate.atoms(sp.Heaviside)):
        raise Unsupported("a bare Heaviside(n) is 1/2 at 0")
    verify_discrete(f, g, k, candidate, n, _lower(over), deadline)
    return candidate


def as_expr(value: Any, name: str) -> sp.Expr:
    """``value`` as a sympy expression (a number is sympified), or ``InvalidType`` naming
    ``name`` (strings too: parse them with ``sympy.sympify`` first).

    >>> as_expr(sp.Symbol("x") ** 2, "f"), as_expr(2, "g")
    (x**2, 2)
    """
    if isinstance(value, sp.Basic):
        if not isinstance(value, sp.Expr):
            raise InvalidType(f"Got {name}={value!r}, but expected a sympy expression")
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return sp.sympify(value)
    hint = "; parse strings with sympy.sympify first" if isinstance(value, str) else ""
    raise InvalidType(f"Got {name}={value!r}, but expected a sympy expression or a number{hint}")


def _check_args(f, g, var, over, out, timeout):
    f, g = as_expr(f, "f_expr"), as_expr(g, "g_expr")
    if not isinstance(var, sp.Symbol):
        raise InvalidType(f"Got var={var!r}, but expected a sympy Symbol")
    if out is not None and not isinstance(out, sp.Symbol):
        raise InvalidType(f"Got out={out!r}, but expected a sympy Symbol or None")
    if over is None:
        over = Reals()
    if not isinstance(over, (Reals, Integers, Naturals)):
        raise InvalidArgument(f"Got over={over!r}, but expected ac.Reals(), ac.Integers() or "
                              "ac.Naturals()")
    out = var if out is None else out
    if out != var and out in (f.free_symbols | g.free_symbols):
        raise InvalidArgument(f"Got out={out!r}, but it already appears in the inputs as a "
                              "parameter; choose another symbol")
    return f, g, over, out, _budget.checked_timeout(timeout)


def convolve(f_expr: Any, g_expr: Any, var: sp.Symbol, over: Any = None,
             out: sp.Symbol | None = None, *,
             timeout: float | None = _budget.DEFAULT_TIMEOUT) -> sp.Expr:
    r"""A verified closed form of the convolution of two expressions over R, Z or N.

    Parameters
    ----------
    f_expr, g_expr : sympy.Expr
        Functions of ``var``; other symbols are parameters (their assumptions are used to
        order symbolic breakpoints).  ``Heaviside``, ``Abs``, ``Min``, ``Max``, ``sign``,
        indicator ``Piecewise`` and, on R, ``DiracDelta`` (and its derivatives) are welcome.
        On Z and N values are taken literally (``Heaviside(0) = 1/2``; write the unit step
        as ``Heaviside(n, 1)``).
    var : sympy.Symbol
        The variable of ``f_expr`` and ``g_expr``.
    over : structure, optional
        ``ac.Reals()`` (the default), ``ac.Integers()``, ``ac.Naturals()``, ``ac.Reals(d)``,
        ``ac.PositiveReals()`` or ``ac.Circle(period)``.  Over ``ac.Reals(d)`` ``var`` (and
        ``out``) is a tuple of ``d`` symbols; ``ac.PositiveReals()`` is Mellin convolution
        ``int_0^oo f(x/y) g(y) dy/y``; ``ac.Circle(P)`` is ``int_0^P f(y) g(x - y) dy`` with
        f and g read on ``[0, P)`` (see ``groups.py``).
    out : sympy.Symbol, optional
        The variable of the result (default ``var``).
    timeout : float or None, optional
        The work budget of the call in CPU seconds (default ``DEFAULT_TIMEOUT`` = 30), or
        ``None`` for no limit.  Each strategy gets a fixed share of it (``REAL_STRATEGIES``,
        ``DISCRETE_STRATEGIES``), never what an earlier one left over, and CPU time, unlike
        wall time, does not grow on a busy machine: the answer does not depend on machine
        load.  Strategies run in killable worker processes, also stopped after
        ``budget.WALL_FACTOR`` times their share of wall time should they stall.

    Returns
    -------
    sympy.Expr
        The closed form, as an ordered ``Piecewise`` where supports demand it (exact at every
        integer on Z and N; never a bare ``Heaviside(n)``), plus ``DiracDelta`` terms on R.

    Raises
    ------
    NoClosedForm
        When no strategy produced a closed form that passed verification within the budget;
        ``.unevaluated`` holds the ``Integral`` or ``Sum``, ``.attempts`` each strategy tried
        and its outcome, ``.budget_ran_out`` the strategies stopped by the budget (a larger
        ``timeout`` may then find a closed form).
    InvalidType, InvalidArgument
        On a bad argument.

    See Also
    --------
    algconv.convolve : numeric and exact convolution of Functions and arrays.

    Notes
    -----
    .. math:: (f * g)(x) = \int_{-\infty}^{\infty} f(a)\, g(x - a)\, da, \qquad
              (f * g)(n) = \sum_k f(k)\, g(n - k)

    with ``k`` over Z, or ``0 <= k <= n`` over N.  Strategies, cheapest first: known
    families, piecewise integration/summation with DiracDelta sifting, parameter case splits
    (a ``Piecewise`` over conditions such as ``a < b`` when the order of breakpoints depends
    on the parameters), Laplace and Fourier transforms (finite tables and
    ``sympy.summation`` on Z and N), plain ``sympy.integrate``.
    Every candidate is compared numerically with the defining integral or sum at no fewer than
    six points, for generic parameter values and for coincident ones (equal rates or ratios,
    a parameter on a breakpoint; ``verify.parameter_points``), and discarded if it disagrees
    anywhere: answers hold for every parameter value the assumptions allow, with a branch on
    ``Eq(a, b)`` where a coincidence needs its own form.

    Examples
    --------
    >>> import sympy as sp
    >>> t = sp.Symbol("t", real=True)
    >>> box = sp.Heaviside(t) - sp.Heaviside(t - 1)
    >>> ac.symbolic.convolve(box, box, t)
    Piecewise((0, t < 0), (t, t < 1), (2 - t, t < 2), (0, True))
    >>> n = sp.Symbol("n", integer=True, nonnegative=True)
    >>> lam, mu = sp.symbols("lambda mu", positive=True)
    >>> poisson = lambda r: sp.exp(-r) * r**n / sp.factorial(n)
    >>> ac.symbolic.convolve(poisson(lam), poisson(mu), n, over=ac.Naturals())
    (lambda + mu)**n*exp(-lambda - mu)/factorial(n)
    """
    from .groups import convolve_group, handles

    if handles(over):  # R^d, the positive reals, the circle: groups.py
        return convolve_group(f_expr, g_expr, var, over, out, timeout)
    f, g, over, out, timeout = _check_args(f_expr, g_expr, var, over, out, timeout)
    discrete = not isinstance(over, Reals)
    assumptions = {"integer": True} if discrete else {"real": True}
    t, x = sp.Dummy("t", **assumptions), sp.Dummy("x", **assumptions)
    f, g = sorted((f.subs(var, t), g.subs(var, t)), key=sp.default_sort_key)
    try:
        return _solve(f, g, t, x, over, timeout).subs(x, out)
    except _Exhausted as e:
        ran_out = [name for name, outcome in e.attempts if outcome.startswith(_RAN_OUT)]
        limit = "no limit" if timeout is None else f"timeout={timeout:g} CPU s"
        note = (f"; the budget ran out in {', '.join(ran_out)}: a larger timeout may find one"
                if ran_out else "")
        raise NoClosedForm(
            f"Got f_expr={f_expr}, g_expr={g_expr} over {over!r}, but found no verified closed "
            f"form with {limit} (" + "; ".join(f"{n}: {o}" for n, o in e.attempts) + ")"
            + note, unevaluated=_unevaluated(f_expr, g_expr, var, over, out),
            attempts=e.attempts, budget_ran_out=ran_out) from None


_RAN_OUT = "budget ran out"


class _Exhausted(Exception):
    """Every strategy failed; ``attempts`` lists ``(name, outcome)`` in the order tried."""

    def __init__(self, attempts):
        super().__init__(attempts)
        self.attempts = attempts


def _solve(f, g, t, x, over, timeout):
    """The first verified closed form of ``f * g`` in ``x``, trying the strategies in order
    with the arguments in the order given (``convolve`` puts them in canonical order first)."""
    discrete = not isinstance(over, Reals)
    attempt = _attempt_discrete if discrete else _attempt_real
    attempts = []
    for name, fn, share in DISCRETE_STRATEGIES if discrete else REAL_STRATEGIES:
        seconds = None if timeout is None else share * timeout
        args = (fn, f, g, t, x, over) if discrete else (fn, f, g, t, x)
        try:
            return _budget.run_limited(_with_deadline(attempt), (*args, seconds), seconds)
        except _budget.TimeUp as e:
            attempts.append((name, f"{_RAN_OUT} ({e})"))
        except _budget.StrategyFailed as e:
            attempts.append((name, str(e)))
    raise _Exhausted(attempts)


def _with_deadline(attempt):
    def run(*args):
        *rest, seconds = args
        return attempt(*rest, _budget.Budget(seconds))

    return run


def _unevaluated(f, g, var, over, out):
    if isinstance(over, Reals):
        a = sp.Dummy("a", real=True)
        return sp.Integral(f.subs(var, a) * g.subs(var, out - a), (a, -sp.oo, sp.oo))
    k = sp.Dummy("k", integer=True)
    lo, hi = (0, out) if isinstance(over, Naturals) else (-sp.oo, sp.oo)
    return sp.Sum(f.subs(var, k) * g.subs(var, out - k), (k, lo, hi))
