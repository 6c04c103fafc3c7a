"""Process-wide settings that guard resources.

``memory_limit`` (bytes, default 2 GiB) is the largest working memory any single
algconv request may plan to use (a Cayley table, a chunk of the table engine, a dense
result).  A request that would need more raises ``InvalidArgument`` naming the estimate.

Examples
--------
>>> from algconv import config
>>> config.memory_limit == 2 * 1024**3
True
>>> with config.limit_memory(1024):
...     config.memory_limit
1024
"""

from __future__ import annotations

import contextlib
from typing import Iterator

from .errors import InvalidArgument

__all__ = ["memory_limit", "limit_memory", "check_memory"]

memory_limit: int = 2 * 1024**3


@contextlib.contextmanager
def limit_memory(nbytes: int) -> Iterator[None]:
    """Temporarily set ``memory_limit`` to ``nbytes``.

    Examples
    --------
    >>> from algconv import config
    >>> with config.limit_memory(10):
    ...     config.memory_limit
    10
    """
    global memory_limit
    old, memory_limit = memory_limit, int(nbytes)
    try:
        yield
    finally:
        memory_limit = old


def format_bytes(nbytes: float) -> str:
    """``1536`` -> ``'1.5 KiB'``."""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(nbytes) < 1024 or unit == "TiB":
            return f"{nbytes:.1f} {unit}" if unit != "B" else f"{int(nbytes)} B"
        nbytes /= 1024
    return f"{nbytes:.1f} PiB"  # pragma: no cover


def check_memory(nbytes: float, what: str) -> None:
    """Raise ``InvalidArgument`` if ``what`` would need more than ``memory_limit`` bytes.

    Examples
    --------
    >>> from algconv import config
    >>> with config.limit_memory(100):
    ...     config.check_memory(1000, 'this table')
    Traceback (most recent call last):
    ...
    algconv.errors.InvalidArgument: this table would need about 1000 B, more than algconv.config.memory_limit=100 B; raise the limit with algconv.config.limit_memory(...) or use a smaller input
    """
    if nbytes > memory_limit:
        raise InvalidArgument(
            f"{what} would need about {format_bytes(nbytes)}, more than "
            f"algconv.config.memory_limit={format_bytes(memory_limit)}; "
            "raise the limit with algconv.config.limit_memory(...) or use a smaller input"
        )
