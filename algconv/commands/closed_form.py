"""``algconv closed-form F G --var t --over R|Z|N|Rd|R>0|T:PERIOD [--latex]``: a closed form of F * G.

``--over R2`` (any ``Rd``) convolves over R^d in the variables ``--var x,y`` (default ``x,y``
and ``x,y,z``); ``R>0`` is Mellin convolution over the positive reals (variable ``t > 0``);
``T:2*pi`` the circle of that period.

Prints the closed form (``--latex`` for LaTeX); exits 1 with the unevaluated integral or sum
when there is none, and 2 with a one-line error on a bad expression or option.  Formulas are
never run as Python: every token is checked against a whitelist (numbers, operators, the
symbols, ``FUNCTIONS``) and the survivors are evaluated with no builtins, in a worker process
under the ``--timeout`` budget.

Examples
--------
>>> from algconv.cli import main
>>> main(["closed-form", "Heaviside(t) - Heaviside(t - 1)", "Heaviside(t) - Heaviside(t - 1)"])
Piecewise((0, t < 0), (t, t < 1), (2 - t, t < 2), (0, True))
0
"""

from __future__ import annotations

import argparse
import keyword
import re

from ..errors import InvalidArgument, NoClosedForm

NAME = "closed-form"
HELP = "a verified closed form of the convolution of two expressions over R, Z or N"
EXAMPLE = "algconv closed-form 'exp(-t)*Heaviside(t)' 'exp(-t)*Heaviside(t)'"

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
                        help="CPU seconds of work for the search, and for evaluating each "
                        "formula (default 30)")
    parser.add_argument("--latex", action="store_true", help="print LaTeX")


def _names(text: str, what: str) -> list[str]:
    names = [s.strip() for s in text.split(",") if s.strip()]
    for s in names:
        if not s.isidentifier() or s.startswith("_") or (keyword.iskeyword(s)
                                                         and s != "lambda"):
            raise InvalidArgument(f"Got {what}={text!r}, but expected comma-separated names "
                                  "(no keywords, none starting with '_')")
    return names


#: the sympy functions and constants a formula may name (besides its symbols)
FUNCTIONS = tuple(sorted("""
    Abs DiracDelta E Eq Heaviside I KroneckerDelta Max Min Ne Piecewise Rational acos asin atan
    atan2 binomial ceiling cos cosh cot erf erfc exp factorial floor gamma harmonic log oo pi
    sign sin sinh sqrt tan tanh
""".split()))
_OPS = {"+", "-", "*", "/", "**", "//", "%", "(", ")", ",", "<", ">", "<=", ">=", "==", "!=",
        "&", "|", "~", "!"}
_NUMBER = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _screen(text: str, name: str, shown: str) -> None:
    """Refuse every token a formula does not need: only numbers, the operators in ``_OPS``,
    declared symbols, other plain names used as symbols, and ``FUNCTIONS``.  No attribute
    access, strings, keywords, subscripts or names starting with an underscore; a name
    followed by ``(`` must be one of ``FUNCTIONS``."""
    import io
    import tokenize

    def bad(tok: str, why: str):
        return InvalidArgument(f"Got {name}={shown!r}, but {tok!r} is not allowed in a formula "
                               f"({why}); use numbers, + - * / ** ( ), comparisons, the "
                               "symbols and sympy functions such as exp, Heaviside, Piecewise")

    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError) as e:
        raise InvalidArgument(f"Got {name}={shown!r}, but it is not a sympy expression "
                              f"({type(e).__name__})") from e
    for i, tok in enumerate(tokens):
        kind, value = tok.type, tok.string
        nxt = tokens[i + 1].string if i + 1 < len(tokens) else ""
        if kind in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER):
            continue
        if kind == tokenize.NUMBER:
            if not _NUMBER.fullmatch(value):
                raise bad(value, "only decimal numbers")
        elif kind == tokenize.NAME:
            if value.startswith("_") or (keyword.iskeyword(value)
                                         and value not in ("True", "False")):
                raise bad(value, "a Python keyword or private name")
            if nxt == "(" and value not in FUNCTIONS:
                raise bad(value, "not a known function")
        elif kind in (tokenize.OP, tokenize.ERRORTOKEN) and value in _OPS:
            continue
        elif kind == tokenize.ERRORTOKEN and value.isspace():
            continue
        else:
            raise bad(value, "not a number, operator or name")


def _evaluate(text: str, local: dict):
    """``parse_expr`` with nothing but the whitelisted names and no builtins (in a worker)."""
    import sympy as sp
    from sympy.parsing.sympy_parser import parse_expr

    names = {"__builtins__": {}, "Symbol": sp.Symbol, "Integer": sp.Integer,
             "Float": sp.Float, "Rational": sp.Rational, "factorial": sp.factorial}
    names.update({f: getattr(sp, f) for f in FUNCTIONS})
    return parse_expr(text, local_dict=dict(local), global_dict=names)


def _parse(text: str, name: str, local: dict, seconds: float):
    import sympy as sp

    from ..symbolic.budget import StrategyFailed, TimeUp, run_limited

    # 'lambda' is a Python keyword but the usual name of a rate: sympy spells it 'lamda'
    text_py = re.sub(r"\blambda\b", "lamda", text)
    local = {("lamda" if k == "lambda" else k): v for k, v in local.items()}
    _screen(text_py, name, text)
    try:  # evaluation can be unbounded (10**10**10): it runs in a worker under the budget
        expr = run_limited(_evaluate, (text_py, local), seconds)
    except TimeUp as e:
        raise InvalidArgument(f"Got {name}={text!r}, but evaluating it takes more than "
                              f"--timeout={seconds:g} CPU seconds") from e
    except StrategyFailed as e:
        raise InvalidArgument(f"Got {name}={text!r}, but it is not a sympy expression "
                              f"({str(e).split(':')[0]})") from e
    if not isinstance(expr, sp.Expr):
        raise InvalidArgument(f"Got {name}={text!r}, but expected an expression, not "
                              f"{type(expr).__name__}")
    return expr


def run(args: argparse.Namespace) -> int:
    import sympy as sp

    from ..symbolic import convolve

    over, names, assume = _structure(args.over, args.timeout)
    names = _names(args.var, "--var") if args.var else names
    if len(names) != getattr(over, "d", 1):
        raise InvalidArgument(f"Got --var={args.var!r}, but {over!r} needs "
                              f"{getattr(over, 'd', 1)} variable name(s)")
    if not 0 < args.timeout < float("inf"):
        raise InvalidArgument(f"Got --timeout={args.timeout!r}, but expected a finite number "
                              "of CPU seconds > 0")
    syms = [sp.Symbol(n, **assume) for n in names]
    var = syms[0] if len(syms) == 1 else tuple(syms)
    local = dict(zip(names, syms))
    local.update({p: sp.Symbol(p, positive=True) for p in _names(args.positive, "--positive")})
    f, g = (_parse(text, name, local, args.timeout) for text, name in ((args.f, "F"),
                                                                        (args.g, "G")))
    try:
        h = convolve(f, g, var, over=over, timeout=args.timeout)
    except NoClosedForm as e:
        print(f"no verified closed form; the convolution is {e.unevaluated}")
        if e.budget_ran_out:
            print(f"(the budget ran out in: {', '.join(e.budget_ran_out)}; a larger --timeout "
                  "may find one)")
        return 1
    print(sp.latex(h) if args.latex else h)
    return 0


def _structure(text: str, seconds: float):
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
        period = _parse(text.strip()[2:], "--over period", {}, seconds)
        if period.free_symbols:
            raise InvalidArgument(f"Got --over={text!r}, but the period must be a number such "
                                  "as 2*pi")
        return structures.Circle(period), ["t"], {"real": True}
    raise InvalidArgument(f"Got --over={text!r}, but the only valid values are 'R', 'Z', 'N', "
                          "'R2', 'R3' (any 'Rd'), 'R>0' and 'T:PERIOD' (e.g. 'T:2*pi')")

