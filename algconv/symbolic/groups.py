"""The driver for convolution over R^d, the positive reals (Mellin) and the circle.

``api.convolve`` hands these structures here.  Each structure has a table of strategies in
its own module (``multivariate``, ``mellin``, ``circle``); every strategy returns a candidate
that the module's ``verify`` checks by quadrature of the defining integral, and each runs in a
killable worker with its share of the time budget (``budget.run_limited``), as on R.
"""

from __future__ import annotations

import os
import signal
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
    from .api import _as_expr

    f, g = _as_expr(f_expr, "f_expr"), _as_expr(g_expr, "g_expr")
    d = over.d if isinstance(over, Reals) else 1
    var = _symbols(var, "var", d)
    out = _symbols(out, "out", d, allow_none=True) or var
    clash = (set(out) - set(var)) & (f.free_symbols | g.free_symbols)
    if clash:
        raise InvalidArgument(f"Got out={out if d > 1 else out[0]!r}, but {sorted(map(str, clash))} "
                              "already appear in the inputs as parameters; choose other symbols")
    if timeout is None:
        timeout = _budget.DEFAULT_TIMEOUT
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise InvalidArgument(f"Got timeout={timeout!r}, but expected a number of seconds > 0")
    return f, g, var, out, float(timeout)


def _die_with_parent() -> None:  # pragma: no cover - runs in forked grandchildren
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass


def _attempt(module, fn, f, g, ts, xs, over, seconds):
    # strategies here call the one-variable ``convolve``, which forks its own workers: tie
    # them to this worker, so that killing it when its time is up leaves no orphans running
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_die_with_parent)
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
        seconds = min(clock.remaining(), share * timeout)
        if seconds <= 0.05:
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
        f"within timeout={timeout:g} s (" + "; ".join(failures) + ")",
        unevaluated=module.unevaluated(f_expr, g_expr, var, out, over))
