"""The report types of ``ac.laws.check``: one ``LawResult`` per law, a ``LawReport``."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InvalidArgument
from ..structures.base import Monoid
from ..validation import describe

__all__ = ["LawResult", "LawReport"]


@dataclass(frozen=True)
class LawResult:
    """The outcome of one law.

    Attributes
    ----------
    name : str
        The law, one of ``LAWS``.
    held : bool
        Whether no counterexample was found.
    counterexample : tuple or None
        The witnesses (elements, or Functions for convolution laws), shrunk; ``None`` if held.
    checked : str
        How the law was checked (``'all 16 pairs'``, ``'50 samples'``).
    detail : str
        What went wrong, in words (empty if held).

    Examples
    --------
    >>> import algconv as ac
    >>> r = ac.laws.LawResult("closure", True, None, "all 4 pairs")
    >>> r.held, r.counterexample
    (True, None)
    """

    name: str
    held: bool
    counterexample: tuple | None = None
    checked: str = ""
    detail: str = ""

    def __str__(self) -> str:
        if self.held:
            return f"{self.name}: held ({self.checked})"
        return f"{self.name}: FAILED for {self.counterexample!r}: {self.detail}"


@dataclass
class LawReport:
    """Every law checked for one structure.

    Attributes
    ----------
    structure : Monoid
        The structure checked.
    results : list of LawResult
        One per law, in ``LAWS`` order.

    Examples
    --------
    >>> import algconv as ac
    >>> report = ac.laws.check(ac.SubsetMonoid(2), max_examples=5)
    >>> report.ok, [r.name for r in report.results][:3], report.failed
    (True, ['closure', 'associativity', 'identity'], [])
    """

    structure: Monoid
    results: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every checked law held."""
        return all(r.held for r in self.results)

    @property
    def failed(self) -> list:
        """The results that did not hold."""
        return [r for r in self.results if not r.held]

    def __getitem__(self, name: str) -> LawResult:
        """The result of the law called ``name``."""
        for r in self.results:
            if r.name == name:
                return r
        checked = ", ".join(repr(r.name) for r in self.results)
        raise InvalidArgument(f"Got name={name!r}, but this report checked only {checked}")

    def __str__(self) -> str:
        bad = self.failed
        head = (f"all {len(self.results)} held" if not bad
                else f"{len(bad)} of {len(self.results)} FAILED")
        lines = [f"laws of {self.structure!r}: {head}",
                 f"  {'law':<26} {'result':<7} {'checked':<30} counterexample"]
        for r in self.results:
            shown = "-" if r.held else describe(r.counterexample, 60)
            lines.append(f"  {r.name:<26} {'held' if r.held else 'FAILED':<7} "
                         f"{r.checked:<30} {shown}")
        lines += [f"  {r.name}: {r.detail}" for r in bad]
        return "\n".join(lines)
