"""``algconv closed-form F G --var t --over R|Z|N|Rd|R>0|T:PERIOD [--latex]``: a closed form of F * G.

``--over R2`` (any ``Rd``) convolves over R^d in the variables ``--var x,y`` (default ``x,y``
and ``x,y,z``); ``R>0`` is Mellin convolution over the positive reals (variable ``t > 0``);
``T:2*pi`` the circle of that period.

Prints the closed form (``--latex`` for LaTeX); exits 1 with the unevaluated integral or sum
when there is none, and 2 with a one-line error on a bad expression or option.

Examples
--------
>>> from algconv.cli import main
>>> main(["closed-form", "Heaviside(t) - Heaviside(t - 1)", "Heaviside(t) - Heaviside(t - 1)"])
Piecewise((0, t < 0), (t, t < 1), (2 - t, t < 2), (0, True))
0
"""

from __future__ import annotations

import argparse
import re

from ..errors import InvalidArgument, NoClosedForm

NAME = "closed-form"
HELP = "a verified closed form of the convolution of two expressions over R, Z or N"

_OVER = {"R": "Reals", "Z": "Integers", "N": "Naturals"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("f", metavar="F", help="first expression, e.g. 'exp(-t)*Heaviside(t)'")
    parser.add_argument("g", metavar="G", help="second expression")
    parser.add_argument("--var", default=None,
                        help="the variable (default: t over R, n over Z and N)")
    parser.add_argument("--over", default="R",
                        help="R (integral), Z or N (sum), R2/R3/Rd (R^d), R>0 (Mellin) or "
                             "T:PERIOD (circle, e.g. T:2*pi); default R")
    parser.add_argument("--positive", default="",
                        help="comma-separated parameters assumed positive, e.g. 'a,lambda'")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds for the search (default 30)")
    parser.add_argument("--latex", action="store_true", help="print LaTeX")


def _names(text: str, what: str) -> list[str]:
    names = [s.strip() for s in text.split(",") if s.strip()]
    for s in names:
        if not s.isidentifier():
            raise InvalidArgument(f"Got {what}={text!r}, but expected comma-separated names")
    return names


def _parse(text: str, name: str, local: dict):
    import sympy as sp
    from sympy.parsing.sympy_parser import parse_expr

    # 'lambda' is a Python keyword but the usual name of a rate: sympy spells it 'lamda'
    text_py = re.sub(r"\blambda\b", "lamda", text)
    local = {("lamda" if k == "lambda" else k): v for k, v in local.items()}
    try:
        expr = parse_expr(text_py, local_dict=local)
    except (SyntaxError, TypeError, ValueError, AttributeError, NameError, TokenError) as e:
        raise InvalidArgument(f"Got {name}={text!r}, but it is not a sympy expression "
                              f"({type(e).__name__})") from e
    if not isinstance(expr, sp.Expr):
        raise InvalidArgument(f"Got {name}={text!r}, but expected an expression, not "
                              f"{type(expr).__name__}")
    return expr


def run(args: argparse.Namespace) -> int:
    import sympy as sp

    from ..symbolic import convolve

    over, names, assume = _structure(args.over)
    names = _names(args.var, "--var") if args.var else names
    if len(names) != getattr(over, "d", 1):
        raise InvalidArgument(f"Got --var={args.var!r}, but {over!r} needs "
                              f"{getattr(over, 'd', 1)} variable name(s)")
    if not args.timeout > 0:
        raise InvalidArgument(f"Got --timeout={args.timeout!r}, but expected seconds > 0")
    syms = [sp.Symbol(n, **assume) for n in names]
    var = syms[0] if len(syms) == 1 else tuple(syms)
    local = dict(zip(names, syms))
    local.update({p: sp.Symbol(p, positive=True) for p in _names(args.positive, "--positive")})
    f, g = _parse(args.f, "F", local), _parse(args.g, "G", local)
    try:
        h = convolve(f, g, var, over=over, timeout=args.timeout)
    except NoClosedForm as e:
        print(f"no verified closed form; the convolution is {e.unevaluated}")
        return 1
    print(sp.latex(h) if args.latex else h)
    return 0


def _structure(text: str):
    """``(structure, default variable names, their assumptions)`` for an ``--over`` value."""
    import sympy as sp

    from .. import structures

    key = text.strip().upper() if isinstance(text, str) else text
    if key in _OVER:
        assume = {"R": {"real": True}, "Z": {"integer": True},
                  "N": {"integer": True, "nonnegative": True}}[key]
        return getattr(structures, _OVER[key])(), ["t" if key == "R" else "n"], assume
    if key == "R>0":
        return structures.PositiveReals(), ["t"], {"positive": True}
    if re.fullmatch(r"R[1-9][0-9]*", key or ""):
        d = int(key[1:])
        names = ["x", "y", "z"][:d] if d <= 3 else [f"x{i}" for i in range(1, d + 1)]
        return structures.Reals(d), names, {"real": True}
    if key.startswith("T:"):
        period = _parse(text.strip()[2:], "--over period", {})
        if period.free_symbols:
            raise InvalidArgument(f"Got --over={text!r}, but the period must be a number such "
                                  "as 2*pi")
        return structures.Circle(period), ["t"], {"real": True}
    raise InvalidArgument(f"Got --over={text!r}, but the only valid values are 'R', 'Z', 'N', "
                          "'R2', 'R3' (any 'Rd'), 'R>0' and 'T:PERIOD' (e.g. 'T:2*pi')")


try:  # the tokenizer's error class moved between Python versions
    from tokenize import TokenError
except ImportError:  # pragma: no cover
    TokenError = SyntaxError  # type: ignore[misc,assignment]
