"""What every tour step shares: the ``Step`` record, the output ``Context`` and skipping.

A step is a title, an explanation paragraph and a ``run(ctx)`` function that prints its
numbers with ``ctx.print`` and writes its pictures with ``ctx.save`` (only ever inside
``ctx.out``).  A step whose dependency has not landed raises :class:`StepSkipped` with the
reason, before it prints anything it cannot back up.
"""

from __future__ import annotations

import importlib
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TextIO

from ..errors import InvalidArgument

__all__ = ["Step", "Context", "Output", "StepSkipped", "require"]


class StepSkipped(Exception):
    """A step (or part of one) cannot run here; ``str(e)`` says why."""


def require(module: str, attr: str | None = None, *, branch: str = "") -> Any:
    """``algconv.<module>`` (or its attribute ``attr``), or :class:`StepSkipped` saying why.

    Examples
    --------
    >>> from algconv.tour._base import require, StepSkipped
    >>> require("dispatch", "convolve").__name__
    'convolve'
    """
    name = f"algconv.{module}"
    where = f" (it comes with the {branch} work)" if branch else ""
    try:
        mod = importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name is None or not name.startswith(e.name):
            raise
        raise StepSkipped(f"ac.{module} is not available in this build yet{where}") from e
    if attr is None:
        return mod
    try:
        return getattr(mod, attr)
    except AttributeError as e:
        raise StepSkipped(f"ac.{module}.{attr} is not available in this build yet{where}") from e


@dataclass
class Output:
    """A file a step wrote: its name inside the tour folder and a caption."""

    name: str
    caption: str

    @property
    def kind(self) -> str:
        return {"png": "image", "gif": "image", "wav": "audio"}.get(self.name.rsplit(".", 1)[-1],
                                                                   "file")


@dataclass(frozen=True)
class Step:
    """One walkthrough step: ``number``, ``key`` (for ``--only``), ``title``, ``explanation``."""

    number: int
    key: str
    title: str
    explanation: str
    run: Callable[["Context"], None]


@dataclass
class Context:
    """Where a step prints and writes.

    Parameters
    ----------
    out : Path
        The tour folder; every file goes directly inside it.
    stream : file, optional
        Where printed text goes as well as into ``text`` (default: stdout).
    """

    out: Path
    stream: TextIO | None = None
    outputs: list[Output] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _text: io.StringIO = field(default_factory=io.StringIO)

    @property
    def text(self) -> str:
        """Everything printed so far."""
        return self._text.getvalue()

    def print(self, *args: Any) -> None:
        """Print a line to the stream and keep it for ``index.html``."""
        line = " ".join(str(a) for a in args)
        print(line, file=self._text)
        print(line, file=self.stream if self.stream is not None else sys.stdout)

    def skip_part(self, what: str, reason: StepSkipped | str) -> None:
        """Say that part of a step is skipped, and why."""
        message = f"[skipped] {what}: {reason}"
        self.notes.append(message)
        self.print(message)

    def path(self, name: str) -> Path:
        """``out / name`` for a plain file name (no folders, no ``..``)."""
        if not name or Path(name).name != name or name.startswith("."):
            raise InvalidArgument(f"Got name={name!r}, but a tour output is a plain file name")
        return self.out / name

    def save(self, fig: Any, name: str, caption: str) -> Path:
        """Write a matplotlib Figure as ``name`` in the tour folder."""
        path = self.path(name)
        fig.savefig(path, dpi=100)
        return self.record(name, caption)

    def record(self, name: str, caption: str) -> Path:
        """Note a file the step wrote itself (a GIF, a WAV) for ``index.html``."""
        self.outputs.append(Output(name, caption))
        return self.path(name)
