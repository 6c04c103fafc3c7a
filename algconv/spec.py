"""Structure specs for the command line: ``'Cyclic(12)'``, ``'product(Z/2, S3)'``, ``'table.json'``.

A tiny grammar, parsed without ``eval``::

    spec    := call | FILE.json
    call    := NAME | NAME '(' [arg (',' arg)*] ')' | 'Z^' INT | 'Z/' INT
    arg     := INT | call | 'text' | "text"

Names (``ac.`` prefix optional): ``Integers``/``Z``, ``Lattice(d)``/``Z^d``/``Zd`` (so
``Z2`` is the lattice Z^2, not Z/2), ``Naturals``/``N``, ``Multiplicative``, ``Reals``/``R``,
``Cyclic(n)``/``Z/n``/``Cn``, ``BooleanGroup(n)``, ``SubsetMonoid(n)``,
``SymmetricGroup(n)``/``Sn``, ``AlternatingGroup(n)``/``An``, ``DihedralGroup(n)``/``Dn``
(order 2n), ``FreeMonoid('ab')``, ``product(A, B, ...)``.  A spec ending in ``.json`` names
a file holding a Cayley table: a list of rows of indices, or an object
``{"table": [[...]], "labels": [...]}``.

Examples
--------
>>> from algconv.spec import parse_structure
>>> parse_structure("product(Z/2, S3)")
product(Cyclic(2), SymmetricGroup(3))
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np

from ._files import loads_json, read_text
from .errors import InvalidArgument, InvalidStructure, InvalidType
from .structures.tables import validate_group_table
from .structures import (
    AlternatingGroup,
    BooleanGroup,
    Cyclic,
    DihedralGroup,
    FiniteGroup,
    FreeMonoid,
    Integers,
    Lattice,
    Monoid,
    Multiplicative,
    Naturals,
    Reals,
    SubsetMonoid,
    SymmetricGroup,
    product,
)
from .validation import describe

__all__ = ["parse_structure", "load_table", "NAMES"]

#: name -> (constructor, arguments: '' none, 'i' one int, 's' one quoted str, '*' structures)
NAMES: dict[str, tuple[Any, str]] = {
    "Integers": (Integers, ""),
    "Z": (Integers, ""),
    "Naturals": (Naturals, ""),
    "N": (Naturals, ""),
    "Multiplicative": (Multiplicative, ""),
    "Reals": (Reals, ""),
    "R": (Reals, ""),
    "Lattice": (Lattice, "i"),
    "Cyclic": (Cyclic, "i"),
    "BooleanGroup": (BooleanGroup, "i"),
    "SubsetMonoid": (SubsetMonoid, "i"),
    "SymmetricGroup": (SymmetricGroup, "i"),
    "AlternatingGroup": (AlternatingGroup, "i"),
    "DihedralGroup": (DihedralGroup, "i"),
    "FreeMonoid": (FreeMonoid, "s"),
    "product": (product, "*"),
}

#: short names with the int argument glued on: ``S4``, ``C12``, ``Z2`` (= Z^2)
SHORT = {"Z": Lattice, "C": Cyclic, "S": SymmetricGroup, "A": AlternatingGroup,
         "D": DihedralGroup}

_TOKEN = re.compile(r"""\s*(?:(?P<int>\d+)|(?P<name>[A-Za-z_][A-Za-z_0-9]*)|"""
                    r"""(?P<str>'[^']*'|"[^"]*")|(?P<punct>[(),^/]))""")

_ALL_NAMES = ", ".join(NAMES) + ", Z^d, Z/n, Zd, Cn, Sn, An, Dn"


def _bad(spec: str, why: str, names: bool = False) -> InvalidArgument:
    known = f"; known names: {_ALL_NAMES}" if names else ""
    return InvalidArgument(f"Got spec={describe(spec, 120)}, but {why}{known}")


def _tokens(spec: str) -> list:
    out, pos, text = [], 0, spec.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise _bad(spec, f"character {text[pos:].lstrip()[:1]!r} is not part of the "
                       "grammar")
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


#: deepest nesting of structures a spec may have, and the most digits an int in it may have
MAX_DEPTH, MAX_DIGITS = 32, 100


class _Parser:
    def __init__(self, spec: str):
        self.spec, self.tokens, self.i, self.depth = spec, _tokens(spec), 0, 0

    def integer(self, text: str) -> int:
        if len(text) > MAX_DIGITS:
            raise _bad(self.spec, f"an int of {len(text)} digits is too large (at most "
                       f"{MAX_DIGITS} digits)")
        return int(text)

    def peek(self) -> tuple:
        return self.tokens[self.i] if self.i < len(self.tokens) else ("end", "")

    def take(self, kind: str, value: str | None = None) -> str:
        k, v = self.peek()
        if k != kind or (value is not None and v != value):
            want = repr(value) if value is not None else {"int": "an int", "name": "a name"}[kind]
            got = "the end" if k == "end" else repr(v)
            raise _bad(self.spec, f"expected {want} at {got}")
        self.i += 1
        return v

    def structure(self) -> Monoid:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _bad(self.spec, f"structures nest deeper than {MAX_DEPTH} levels")
        try:
            return self._structure()
        finally:
            self.depth -= 1

    def _structure(self) -> Monoid:
        name = self.take("name")
        if self.peek() == ("punct", "^") and name == "Z":
            self.take("punct", "^")
            return self.build("Lattice", [self.integer(self.take("int"))])
        if self.peek() == ("punct", "/") and name == "Z":
            self.take("punct", "/")
            return self.build("Cyclic", [self.integer(self.take("int"))])
        if self.peek() != ("punct", "("):
            return self.bare(name)
        self.take("punct", "(")
        args = []
        if self.peek() != ("punct", ")"):
            args.append(self.arg())
            while self.peek() == ("punct", ","):
                self.take("punct", ",")
                args.append(self.arg())
        self.take("punct", ")")
        return self.build(name, args)

    def arg(self) -> Any:
        kind, value = self.peek()
        if kind == "int":
            self.i += 1
            return self.integer(value)
        if kind == "str":
            self.i += 1
            return value[1:-1]
        return self.structure()

    def bare(self, name: str) -> Monoid:
        if name in NAMES:
            return self.build(name, [])
        m = re.fullmatch(r"([ZCSAD])(\d+)", name)
        if m:
            return SHORT[m.group(1)](self.integer(m.group(2)))
        raise _bad(self.spec, f"{name!r} is not a structure name", names=True)

    def build(self, name: str, args: list) -> Monoid:
        if name not in NAMES:
            raise _bad(self.spec, f"{name!r} is not a structure name", names=True)
        constructor, signature = NAMES[name]
        if signature == "*":
            if not args or not all(isinstance(a, Monoid) for a in args):
                raise _bad(self.spec, f"{name}(...) takes one or more structures")
        elif signature == "s" and name == "FreeMonoid":
            if len(args) != 1 or not isinstance(args[0], str):
                raise _bad(self.spec, "FreeMonoid takes one quoted alphabet, e.g. FreeMonoid('ab')")
        elif len(args) != len(signature) or not all(isinstance(a, int) for a in args):
            wanted = "no arguments" if not signature else "one int argument"
            raise _bad(self.spec, f"{name} takes {wanted}")
        return constructor(*args)


def parse_structure(spec: str, *, validate_tables: bool = True) -> Monoid:
    """Turn a spec string into a structure (no ``eval``: a small grammar over the built-ins).

    Parameters
    ----------
    spec : str
        For example ``'Cyclic(12)'``, ``'SymmetricGroup(4)'``, ``'product(Cyclic(2),
        Cyclic(3))'``, ``'Z'``, ``'Z2'`` (the lattice Z^2), ``'Z/6'``, ``'S4'``, or a path to a
        ``.json`` file holding a Cayley table (see :func:`load_table`).  See the module
        docstring for the grammar and every name.
    validate_tables : bool, default True
        Validate table files (a group, or else a monoid; see :func:`load_table`); ``False``
        builds an unchecked structure from the table instead, for ``ac.laws.check`` to
        examine.

    Returns
    -------
    Monoid

    Raises
    ------
    InvalidArgument
        For a spec outside the grammar, an unknown name, wrong arguments, or a table file
        that cannot be read.
    InvalidType
        If ``spec`` is not a str.
    InvalidStructure
        For a table that is not a monoid's (with ``validate_tables=True``).

    Examples
    --------
    >>> from algconv.spec import parse_structure
    >>> parse_structure("Cyclic(12)"), parse_structure("Z"), parse_structure("Z2")
    (Cyclic(12), Integers(), Lattice(2))
    >>> parse_structure("product(Cyclic(2), Cyclic(3))").order
    6
    >>> parse_structure("FreeMonoid('ab')")
    FreeMonoid('ab')
    >>> parse_structure("Cyclic(-1)")
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got spec='Cyclic(-1)', but character '-' is not part of the grammar
    """
    if not isinstance(spec, str):
        raise InvalidType(f"Got spec={describe(spec)}, but expected a str such as 'Cyclic(6)'")
    text = spec.strip()
    if text.lower().endswith(".json"):
        return load_table(text, validate=validate_tables)
    if text.startswith("ac."):
        text = text[3:]
    text = re.sub(r"(?<=[(,\s])ac\.", "", text)
    if not text:
        raise _bad(spec, "it is empty")
    parser = _Parser(text)
    parser.spec = spec
    structure = parser.structure()
    if parser.peek()[0] != "end":
        raise _bad(spec, f"unexpected {parser.peek()[1]!r} after a complete structure")
    return structure


def load_table(path: str | Path, *, validate: bool = True) -> Monoid:
    """A finite structure from a JSON file holding its Cayley table.

    The file holds either a list of rows (``table[i][j]`` is the index of the product of
    elements ``i`` and ``j``) or an object ``{"table": rows, "labels": [...]}``; labels
    that are JSON lists become tuples.

    Parameters
    ----------
    path : str or Path
    validate : bool, default True
        ``True``: a validated ``FiniteGroup.from_cayley_table`` when the table is a group's,
        else a validated finite monoid (closure, identity, associativity checked; built with
        ``Monoid.from_operation``); ``InvalidStructure`` names the first axiom that fails.
        ``False``: an unchecked structure (``Monoid.from_operation``) for ``ac.laws.check``
        to examine, with identity the element whose row and column are the identity (else
        the first element); it claims to be a group only when the table is a group's (so a
        table that fails associativity or inverses is checked as a monoid, and only the
        laws it breaks fail), and claims ``is_commutative`` when the table is symmetric;
        out-of-range entries become products that are not elements.

    Returns
    -------
    Monoid

    Raises
    ------
    InvalidArgument
        If the file cannot be read or is not JSON of the right shape.
    InvalidStructure
        If the table is not square, or (with ``validate``) not a monoid's.

    Examples
    --------
    >>> import json, tempfile, os
    >>> from algconv.spec import load_table
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "k.json")
    ...     with open(p, "w") as fh:
    ...         json.dump({"table": [[0, 1], [1, 0]], "labels": ["+", "-"]}, fh)
    ...     G = load_table(p)
    >>> G.op("-", "-")
    '+'
    >>> with tempfile.TemporaryDirectory() as d:  # identity 0, absorbing 1: a monoid
    ...     p = os.path.join(d, "m.json")
    ...     with open(p, "w") as fh:
    ...         json.dump([[0, 1, 2], [1, 1, 1], [2, 1, 2]], fh)
    ...     M = load_table(p)
    >>> isinstance(M, ac.Group), M.op(2, 1), M.identity
    (False, 1, 0)
    """
    table, labels = _read_table(Path(path))
    if validate:
        return _validated(table, labels, str(path))
    return _unchecked(table, labels, str(path))


def _validated(table: Any, labels: list | None, name: str) -> Monoid:
    """A group if the table is one, else a monoid if closure, identity and associativity
    hold; ``InvalidStructure`` naming the first failing axiom otherwise."""
    try:
        return FiniteGroup.from_cayley_table(table, labels)
    except InvalidStructure as e:
        if e.law != "inverses":
            raise
    array = np.asarray(table, dtype=np.intp)  # its shape and labels passed the group checks
    labels = list(range(len(array))) if labels is None else labels
    e = validate_group_table(array, labels.__getitem__, inverses=False)
    return _table_structure(array, labels, e, name, group=False)


def _read_table(path: Path) -> tuple:
    data = loads_json(read_text(path, "spec"), str(path))
    labels = None
    if isinstance(data, dict):
        if "table" not in data:
            raise InvalidArgument(f"Got spec={str(path)!r}, but the JSON object has no 'table'")
        table, labels = data["table"], data.get("labels")
    else:
        table = data
    if labels is not None:
        if not isinstance(labels, list):
            raise InvalidArgument(f"Got labels={describe(labels)} in {str(path)!r}, but "
                                  "expected a list")
        labels = [_freeze(x) for x in labels]
        for x in labels:
            try:
                hash(x)
            except TypeError as e:
                raise InvalidArgument(f"Got label {describe(x)} in {str(path)!r}, but labels "
                                      "must be strings, numbers or lists of them") from e
    return table, labels


def _freeze(x: Any) -> Any:
    return tuple(_freeze(v) for v in x) if isinstance(x, list) else x


class _OutOfRange(int):
    """A table entry outside ``range(n)``: the product of two elements that is not one."""

    def __repr__(self) -> str:
        return f"<table index {int(self)} out of range>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _OutOfRange) and int(self) == int(other)

    __hash__ = int.__hash__


def _unchecked(table: Any, labels: list | None, name: str) -> Monoid:
    try:
        array = np.asarray(table)
    except (ValueError, TypeError) as e:
        raise InvalidStructure(f"Got table={describe(table)}, but expected a square table of "
                               "ints") from e
    if array.dtype.kind not in "iu" or array.ndim != 2 or array.shape[0] != array.shape[1] \
            or array.shape[0] == 0:
        raise InvalidStructure(
            f"Got table={describe(table)}, but expected a non-empty square table of ints")
    n = len(array)
    labels = list(range(n)) if labels is None else labels
    if len(labels) != n or len(set(labels)) != n:
        raise InvalidArgument(f"Got labels={describe(labels)}, but expected {n} distinct labels")
    r = np.arange(n)
    units = np.flatnonzero((array == r).all(axis=1) & (array.T == r).all(axis=1))
    e = int(units[0]) if len(units) else 0
    try:  # a group only if the table is one; otherwise laws.check examines a monoid claim
        validate_group_table(array)
        group = True
    except InvalidStructure:
        group = False
    return _table_structure(array, labels, e, name, group=group)


def _table_structure(array: np.ndarray, labels: list, e: int, name: str, *,
                     group: bool) -> Monoid:
    """The structure of a table (entries outside ``range(n)`` give ``_OutOfRange``
    products): a group when ``group`` (inverses read from the table), else a monoid."""
    n = len(array)
    index = {x: i for i, x in enumerate(labels)}

    def op(a: Any, b: Any) -> Any:
        k = int(array[index[a], index[b]])
        return labels[k] if 0 <= k < n else _OutOfRange(k)

    def inverse(a: Any) -> Any:
        return labels[int(np.argmax(array[index[a]] == e))]

    return Monoid.from_operation(op, labels[e], elements=labels,
                                 inverse=inverse if group else None,
                                 commutative=bool((array == array.T).all()), name=name)
