"""The exception hierarchy of algconv.

Every error algconv raises on bad input is an :class:`AlgconvError`, and also the
built-in exception a Python user would expect (``ValueError`` or ``TypeError``), so
``except ValueError`` keeps working.  Errors that report a failed law or a missing
closed form carry their data as attributes.

Examples
--------
>>> import algconv as ac
>>> try:
...     ac.Cyclic(0)
... except ac.InvalidArgument as e:
...     print(e)
Got n=0, but Cyclic(n) needs an int n >= 1
>>> issubclass(ac.InvalidArgument, ValueError)
True
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AlgconvError",
    "NotInStructure",
    "StructureMismatch",
    "InvalidStructure",
    "MethodNotApplicable",
    "NoClosedForm",
    "NotInvertible",
    "InvalidArgument",
    "InvalidType",
    "MissingExtra",
    "BadInput",
]


class AlgconvError(Exception):
    """Base class of every error algconv raises on purpose.

    Examples
    --------
    >>> import algconv as ac
    >>> issubclass(ac.NotInStructure, ac.AlgconvError)
    True
    """


class NotInStructure(AlgconvError, ValueError):
    """An element is not a member of the structure it was used with.

    Attributes
    ----------
    element : object
        The offending element.
    structure : Monoid
        The structure it is not in.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.Cyclic(4).check(7)
    Traceback (most recent call last):
    ...
    algconv.errors.NotInStructure: Got element=7, but it is not an element of Cyclic(4) (an int in range(4))
    """

    def __init__(self, message: str, element: Any = None, structure: Any = None):
        super().__init__(message)
        self.element = element
        self.structure = structure


class StructureMismatch(AlgconvError, ValueError):
    """Two operands live on different structures, or an array does not fit its structure.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.delta(over=ac.Cyclic(3)) + ac.delta(over=ac.Cyclic(4))
    Traceback (most recent call last):
    ...
    algconv.errors.StructureMismatch: Got Functions over Cyclic(3) and Cyclic(4), but they must be over equal structures
    """


class InvalidStructure(AlgconvError, ValueError):
    """A user-supplied structure breaks an axiom (closure, associativity, identity, inverses).

    Attributes
    ----------
    law : str
        The name of the failing axiom.
    witness : tuple
        The elements (or indices) that show the failure.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.FiniteGroup.from_cayley_table([[0, 1], [1, 1]])
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidStructure: inverses fails: element 1 has no inverse (no j with table[1, j] == 0)
    """

    def __init__(self, message: str, law: str | None = None, witness: tuple = ()):
        super().__init__(message)
        self.law = law
        self.witness = witness


class MethodNotApplicable(AlgconvError, ValueError):
    """The requested engine cannot evaluate this convolution.

    Examples
    --------
    >>> import algconv as ac
    >>> ac.convolve([1, 2], [3, 4], method="table")
    Traceback (most recent call last):
    ...
    algconv.errors.MethodNotApplicable: method='table' does not apply: it needs a finite structure, but over=Integers() is infinite; use method='auto'
    """


class NoClosedForm(AlgconvError, ValueError):
    """No verified closed form was found; ``unevaluated`` holds the Sum or Integral.

    Attributes
    ----------
    unevaluated : sympy.Expr or None
        The unevaluated ``Integral`` or ``Sum`` that defines the convolution.
    attempts : list of (str, str)
        Each strategy tried, in order, with why it gave no verified answer.
    budget_ran_out : list of str
        The strategies stopped by the work budget (empty: a larger budget would not help).

    Examples
    --------
    >>> import algconv as ac
    >>> e = ac.NoClosedForm("no closed form", unevaluated=None)
    >>> isinstance(e, ValueError), e.unevaluated, e.budget_ran_out
    (True, None, [])
    """

    def __init__(self, message: str, unevaluated: Any = None, attempts=(), budget_ran_out=()):
        super().__init__(message)
        self.unevaluated = unevaluated
        self.attempts = list(attempts)
        self.budget_ran_out = list(budget_ran_out)


class NotInvertible(AlgconvError, ValueError):
    """A function has no convolution inverse.

    Examples
    --------
    >>> import algconv as ac
    >>> issubclass(ac.NotInvertible, ValueError)
    True
    """


class InvalidArgument(AlgconvError, ValueError):
    """An argument has the right type but a bad value (unknown mode, negative size, ...).

    Examples
    --------
    >>> import algconv as ac
    >>> ac.convolve([1, 2], [3], mode="middle")
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got mode='middle', but the only valid values are 'full', 'same', 'valid'
    """


class InvalidType(AlgconvError, TypeError):
    """An argument has the wrong type (a string where a number belongs, a non-structure ``over``).

    Examples
    --------
    >>> import algconv as ac
    >>> ac.Function({0: 1}, over="Cyclic(6)")
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidType: Got over='Cyclic(6)', but expected a structure object such as ac.Cyclic(6) (spec strings belong to the command line)
    """


class MissingExtra(AlgconvError, ImportError):
    """An optional dependency of algconv is not installed; the message names the extra.

    Examples
    --------
    >>> import algconv as ac
    >>> issubclass(ac.plot.MissingExtra, ac.AlgconvError), ac.plot.MissingExtra is MissingExtra
    (True, True)
    """


class BadInput(InvalidArgument):
    """A command-line array or file that cannot be read (``algconv conv``).

    Examples
    --------
    >>> issubclass(BadInput, InvalidArgument)
    True
    """
