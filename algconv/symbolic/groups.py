"""The driver for convolution over R^d, the positive reals (Mellin) and the circle.

``api.convolve`` hands these structures here.  Each structure has a table of strategies in
its own module (``multivariate``, ``mellin``, ``circle``); every strategy returns a candidate
that the module's ``verify`` checks by quadrature of the defining integral, and each runs in a
killable worker with its share of the time budget (``budget.run_limited``), as on R.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from ..errors import InvalidArgument, InvalidType, NoClosedForm
from ..structures import Circle, PositiveReals, Reals
from . import budget as _budget

__all__ = ["convolve_group", "handles"]


def handles(over: Any) -> bool:
    """True for the structures this driver serves: ``Reals(d)`` with ``d >= 2``,
    ``PositiveReals()`` and ``Circle(period)``."""
    return isinstance(over, (PositiveReals, Circle)) or (isinstance(over, Reals) and over.d > 1)


def _module(over):
    if isinstance(over, Reals):
        from . import multivariate as module
    elif isinstance(over, PositiveReals):
        from . import mellin as module
    else:
        from . import circle as module
    return module


def _symbols(value: Any, name: str, d: int, allow_none: bool = False) -> tuple | None:
    if value is None and allow_none:
        return None
    items = (value,) if isinstance(value, sp.Symbol) and d == 1 else value
    if (not isinstance(items, (tuple, list)) or len(items) != d
            or not all(isinstance(s, sp.Symbol) for s in items) or len(set(items)) != d):
        what = "a sympy Symbol" if d == 1 else f"a tuple of {d} distinct sympy Symbols"
        raise InvalidType(f"Got {name}={value!r}, but expected {what}"
                          + (" or None" if allow_none else ""))
    return tuple(items)


def _check(f_expr, g_expr, var, over, out, timeout):
    from .api import as_expr

    f, g = as_expr(f_expr, "f_expr"), as_expr(g_expr, "g_expr")
    d = over.d if isinstance(over, Reals) else 1
    var = _symbols(var, "var", d)
    out = _symbols(out, "out", d, allow_none=True) or var
    clash = (set(out) - set(var)) & (f.free_symbols | g.free_symbols)
    if clash:
        raise InvalidArgument(f"Got out={out if d > 1 else out[0]!r}, but {sorted(map(str, clash))} "
                              "already appear in the inputs as parameters; choose other symbols")
    return f, g, var, out, _budget.checked_timeout(timeout)


def _attempt(module, fn, f, g, ts, xs, over, seconds):
    # workers the strategy starts (the one-variable ``convolve``) die with this one: every
    # ``run_limited`` worker asks for PR_SET_PDEATHSIG and leads its own process group
    clock = _budget.Budget(seconds)
    candidate = sp.sympify(fn(f, g, ts, xs, over, clock))
    module.verify(f, g, ts, candidate, xs, over, clock)
    return candidate


def convolve_group(f_expr: Any, g_expr: Any, var: Any, over: Any, out: Any = None,
                   timeout: float | None = None) -> sp.Expr:
    """``ac.symbolic.convolve`` over R^d, (R>0, x) or a circle (see its docstring)."""
    f, g, var, out, timeout = _check(f_expr, g_expr, var, over, out, timeout)
    module = _module(over)
    clock = _budget.Budget(timeout)
    ts = tuple(sp.Dummy(f"t{i}", **module.ASSUMPTIONS) for i in range(len(var)))
    xs = tuple(sp.Dummy(f"x{i}", **module.ASSUMPTIONS) for i in range(len(var)))
    f, g = (e.subs(dict(zip(var, ts)), simultaneous=True) for e in (f, g))
    failures = []
    for name, fn, share in module.STRATEGIES:
        seconds = None if timeout is None else min(clock.remaining(), share * timeout)
        if seconds is not None and seconds <= 0.05:
            failures.append(f"{name}: no time left")
            break
        try:
            answer = _budget.run_limited(_attempt, (module, fn, f, g, ts, xs, over, seconds),
                                         seconds)
        except (_budget.TimeUp, _budget.StrategyFailed) as e:
            failures.append(f"{name}: {e}")
            continue
        return answer.subs(dict(zip(xs, out)), simultaneous=True)
    raise NoClosedForm(
        f"Got f_expr={f_expr}, g_expr={g_expr} over {over!r}, but found no verified closed form "
        f"with {'no limit' if timeout is None else f'timeout={timeout:g} CPU s'} ("
        + "; ".join(failures) + ")",
        unevaluated=module.unevaluated(f_expr, g_expr, var, out, over))
