"""What every tour step shares: the ``Step`` record and the output ``Context``.

A step is a title, an explanation paragraph and a ``run(ctx)`` function that prints its
numbers with ``ctx.print`` and writes its pictures with ``ctx.save`` (only ever inside
``ctx.out``).
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TextIO

from .._files import write_file
from ..errors import InvalidArgument

__all__ = ["Step", "Context", "Output"]


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

    def path(self, name: str) -> Path:
        """``out / name`` for a plain file name (no folders, no ``..``), to write to.

        A symlink already at ``out / name`` is removed first, so that writing there never
        follows it out of the folder (``ctx.save`` also writes through a temporary file).
        """
        if not name or Path(name).name != name or name.startswith("."):
            raise InvalidArgument(f"Got name={name!r}, but a tour output is a plain file name")
        path = self.out / name
        if path.is_symlink():
            path.unlink()
        return path

    def save(self, fig: Any, name: str, caption: str) -> Path:
        """Write a matplotlib Figure as ``name`` in the tour folder."""
        write_file(self.path(name), lambda tmp: fig.savefig(tmp, dpi=100))
        return self.record(name, caption)

    def record(self, name: str, caption: str) -> Path:
        """Note a file the step wrote itself (a GIF, a WAV) for ``index.html``."""
        self.outputs.append(Output(name, caption))
        return self.path(name)
