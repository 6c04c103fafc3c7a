"""``algconv closed-form F G --var t --over R|Z|N [--latex]``: a verified closed form of F * G.

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
from . import positive_seconds

NAME = "closed-form"
HELP = "a verified closed form of the convolution of two expressions over R, Z or N"
EXAMPLE = "algconv closed-form 'exp(-t)*Heaviside(t)' 'exp(-t)*Heaviside(t)'"

_OVER = {"R": "Reals", "Z": "Integers", "N": "Naturals"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("f", metavar="F", help="first expression, e.g. 'exp(-t)*Heaviside(t)'")
    parser.add_argument("g", metavar="G", help="second expression")
    parser.add_argument("--var", default=None,
                        help="the variable (default: t over R, n over Z and N)")
    parser.add_argument("--over", default="R", help="R (integral), Z or N (sum); default R")
    parser.add_argument("--positive", default="",
                        help="comma-separated parameters assumed positive, e.g. 'a,lambda'")
    parser.add_argument("--timeout", type=positive_seconds, default=30.0,
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

    from .. import structures
    from ..symbolic import convolve

    over_key = args.over.upper() if isinstance(args.over, str) else args.over
    if over_key not in _OVER:
        raise InvalidArgument(f"Got --over={args.over!r}, but the only valid values are "
                              "'R', 'Z', 'N'")
    over = getattr(structures, _OVER[over_key])()
    var_name = args.var or ("t" if over_key == "R" else "n")
    if not var_name.isidentifier():
        raise InvalidArgument(f"Got --var={var_name!r}, but expected a variable name")
    if not args.timeout > 0:
        raise InvalidArgument(f"Got --timeout={args.timeout!r}, but expected seconds > 0")
    assume = {"R": {"real": True}, "Z": {"integer": True},
              "N": {"integer": True, "nonnegative": True}}[over_key]
    var = sp.Symbol(var_name, **assume)
    local = {var_name: var}
    local.update({p: sp.Symbol(p, positive=True) for p in _names(args.positive, "--positive")})
    f, g = _parse(args.f, "F", local), _parse(args.g, "G", local)
    try:
        h = convolve(f, g, var, over=over, timeout=args.timeout)
    except NoClosedForm as e:
        print(f"no verified closed form; the convolution is {e.unevaluated}")
        return 1
    print(sp.latex(h) if args.latex else h)
    return 0


try:  # the tokenizer's error class moved between Python versions
    from tokenize import TokenError
except ImportError:  # pragma: no cover
    TokenError = SyntaxError  # type: ignore[misc,assignment]
