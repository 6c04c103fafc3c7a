"""Reading and writing the files of the command line and the tour, safely.

``write_file`` is the one way algconv writes a file: into a fresh temporary file in the
target's folder, then ``os.replace`` onto the target, so a symlink already sitting at the
target is replaced, never followed (a link ``DIR/index.html -> ../victim`` leaves the victim
alone, and a dangling link creates nothing outside ``DIR``).  ``loads_json`` and
``read_text`` turn every way a user's file or inline text can be malformed into one
``InvalidArgument``.

Examples
--------
>>> import os, tempfile
>>> from algconv._files import write_file, read_text
>>> with tempfile.TemporaryDirectory() as d:
...     path = write_file(os.path.join(d, "a.txt"), lambda p: p.write_text("hi"))
...     read_text(path, "a.txt")
'hi'
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

from .errors import InvalidArgument, InvalidType
from .validation import describe

__all__ = ["write_file", "loads_json", "read_text", "MAX_DEPTH"]

#: deepest nesting of lists accepted in JSON input (numpy arrays have at most 64 axes)
MAX_DEPTH = 64


def write_file(path: str | os.PathLike, write: Callable[[Path], Any]) -> Path:
    """Write ``path`` by calling ``write(tmp)`` on a temporary file beside it, then renaming.

    The temporary file is created exclusively (``O_EXCL``) in ``path``'s folder with
    ``path``'s suffix (so writers that infer the format from it keep working) and moved onto
    ``path`` with ``os.replace``: whatever was at ``path`` (a file or a symlink) is replaced,
    and nothing outside the folder is touched.  On failure the temporary file is removed.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     victim = os.path.join(d, "victim")
    ...     _ = write_file(victim, lambda p: p.write_text("keep"))
    ...     os.mkdir(os.path.join(d, "out"))
    ...     os.symlink(victim, os.path.join(d, "out", "index.html"))
    ...     _ = write_file(os.path.join(d, "out", "index.html"), lambda p: p.write_text("new"))
    ...     open(victim).read(), os.path.islink(os.path.join(d, "out", "index.html"))
    ('keep', False)
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidType(f"Got path={describe(path)}, but expected a file name (str or "
                          "pathlib.Path)")
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=path.suffix)
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def read_text(path: str | os.PathLike, what: str) -> str:
    """The UTF-8 text of a file, or ``InvalidArgument`` saying why it cannot be read.

    Examples
    --------
    >>> read_text("/no/such/file.json", "spec")
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got spec='/no/such/file.json', but the file cannot be read: No such file or directory
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise InvalidArgument(f"Got {what}={str(path)!r}, but it is not UTF-8 text "
                              f"(byte {e.start}: {e.reason})") from e
    except (OSError, ValueError) as e:
        why = getattr(e, "strerror", None) or str(e)
        raise InvalidArgument(f"Got {what}={str(path)!r}, but the file cannot be read: "
                              f"{why}") from e


def _finite_float(text: str) -> float:
    x = float(text)
    if not math.isfinite(x):
        raise ValueError(f"the number {text[:40]} is too large for a float")
    return x


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not a JSON number")


def loads_json(text: str, what: str) -> Any:
    """Strict JSON: no ``NaN`` / ``Infinity``, no numbers that overflow a float, no integers
    Python will not read, nesting at most ``MAX_DEPTH`` deep; else ``InvalidArgument``.

    Examples
    --------
    >>> loads_json("[1, 2.5]", "f")
    [1, 2.5]
    >>> loads_json("[1e5000]", "f")
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: Got f='[1e5000]', but it is not valid JSON: the number 1e5000 is too large for a float
    """
    if _depth(text) > MAX_DEPTH:  # refused before the recursive parser meets it
        raise InvalidArgument(f"Got {what}={describe(text)}, but it nests deeper than "
                              f"{MAX_DEPTH} levels")
    try:
        return json.loads(text, parse_float=_finite_float, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise InvalidArgument(f"Got {what}={describe(text)}, but it is not valid JSON: "
                              f"{e.msg} (position {e.pos})") from e
    except (ValueError, RecursionError) as e:  # int digits limit, our hooks
        raise InvalidArgument(f"Got {what}={describe(text)}, but it is not valid JSON: "
                              f"{e}") from e


def _depth(text: str) -> int:
    """The deepest bracket nesting of JSON text, outside strings."""
    depth = deepest = 0
    quoted = escaped = False
    for ch in text:
        if quoted:
            escaped, quoted = (not escaped and ch == "\\"), (escaped or ch != '"')
        elif ch == '"':
            quoted = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest
