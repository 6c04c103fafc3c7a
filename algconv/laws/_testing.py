"""pytest glue: ``ConvolutionLaws.for_structure(M)`` makes a collectable test class."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

from ..structures.base import Monoid, check_structure
from ..validation import check_int
from ._checking import applicable_laws, check

__all__ = ["ConvolutionLaws"]


def _slug(M: Monoid) -> str:
    words = re.findall(r"[A-Za-z0-9]+", repr(M))
    return "".join(w[:1].upper() + w[1:] for w in words)[:60] or "Structure"


def _law_test(law: str):
    def test(self) -> None:
        report = check(self.structure, engine=self.engine, max_examples=self.max_examples,
                       values=self.values, laws=[law])
        result = report.results[0]
        assert result.held, str(result)

    test.__name__ = "test_" + law.replace("-", "_")
    test.__doc__ = f"The law {law!r} holds over the structure."
    return test


class ConvolutionLaws:
    """Base of the pytest test classes made by :meth:`ConvolutionLaws.for_structure`.

    One test method per applicable law (``test_closure``, ``test_associativity``, ...,
    ``test_engine_agreement``), each failing with the law's shrunk counterexample.  Class
    attributes ``max_examples``, ``engine`` and ``values`` tune the checks.

    Examples
    --------
    >>> import algconv as ac
    >>> TestC6 = ac.laws.ConvolutionLaws.for_structure(ac.Cyclic(6))
    >>> TestC6.__name__, TestC6.structure
    ('TestLawsCyclic6', Cyclic(6))
    >>> TestC6().test_associativity()
    """

    structure: Monoid
    max_examples: int = 25
    engine: str = "auto"
    values: Any = None

    @classmethod
    def for_structure(cls, M: Monoid, *, max_examples: int | None = None,
                      engine: str = "auto", values: st.SearchStrategy | None = None,
                      name: str | None = None) -> type:
        """A pytest-collectable class (named ``Test...``) checking every law of ``M``.

        Parameters
        ----------
        M : Monoid
            The structure.
        max_examples : int, optional
            Hypothesis examples per sampled law (default 25).
        engine, values
            As for :func:`check`.
        name : str, optional
            The class name; default ``'TestLaws' + <structure>``.

        Returns
        -------
        type
            Assign it to a ``Test*`` name in a test module:
            ``TestMine = ac.laws.ConvolutionLaws.for_structure(M)``.

        Examples
        --------
        >>> import algconv as ac
        >>> T = ac.laws.ConvolutionLaws.for_structure(ac.Naturals(), max_examples=5)
        >>> sorted(m for m in dir(T) if m.startswith("test_"))[:3]
        ['test_associativity', 'test_bilinearity', 'test_closure']
        """
        M = check_structure(M, "M")
        attrs = {"structure": M, "engine": engine, "values": values,
                 "__doc__": f"The algconv laws over {M!r}."}
        if max_examples is not None:
            attrs["max_examples"] = check_int(max_examples, "max_examples", minimum=1)
        for law in applicable_laws(M):
            test = _law_test(law)
            attrs[test.__name__] = test
        return type(name or f"TestLaws{_slug(M)}", (cls,), attrs)
