"""Value-keyed, bounded caches of what is costly to build from a structure.

Cayley tables and Fourier bases are kept by the structure's *value* (structures compare
and hash by value), so two equal structures share one table, and an engine's cost never
depends on which instance a caller happens to hold.  Each cache keeps at most its share
of ``config.memory_limit`` and drops the least recently used entries beyond it; what is
larger than the share alone is built for the call and not kept.  The policy is *build
and keep*: the engines' cost estimates charge a build as spread over
``AMORTISED_CALLS`` calls, whether or not it is cached, so engine choice is a pure
function of the problem and repeated calls amortise the build.

Examples
--------
>>> import algconv as ac
>>> from algconv.caches import TABLES
>>> ac.SymmetricGroup(3).cayley_table() is ac.SymmetricGroup(3).cayley_table()
True
>>> ac.SymmetricGroup(3) in TABLES
True
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable

from . import config

__all__ = ["StructureCache", "TABLES", "BASES", "AMORTISED_CALLS"]

#: the number of calls a cost estimate spreads a cached build over (build and keep)
AMORTISED_CALLS = 10


class StructureCache:
    """A least-recently-used cache keyed by value, holding at most ``share`` of the memory
    limit (in the bytes its ``nbytes`` estimates).

    Examples
    --------
    >>> cache = StructureCache("squares", share=0.5)
    >>> cache.get(4, lambda: 16, lambda v: 8), 4 in cache, len(cache)
    (16, True, 1)
    >>> cache.clear(); len(cache)
    0
    """

    def __init__(self, name: str, share: float):
        self.name, self.share = name, share
        self._entries: OrderedDict = OrderedDict()
        self._bytes: dict = {}
        self._lock = threading.Lock()

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def nbytes(self) -> float:
        """The estimated bytes held."""
        return float(sum(self._bytes.values()))

    def get(self, key: Hashable, build: Callable[[], Any],
            nbytes: Callable[[Any], float]) -> Any:
        """The value for ``key``, built by ``build()`` and kept when it fits the share."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = build()  # outside the lock: builds may be long, and may use other caches
        size = float(nbytes(value))
        budget = self.share * config.memory_limit
        if size > budget:
            return value  # too large to keep: built for this call only
        with self._lock:
            if key not in self._entries:
                self._entries[key] = value
                self._bytes[key] = size
                while sum(self._bytes.values()) > budget:
                    old, _ = self._entries.popitem(last=False)
                    del self._bytes[old]
            return self._entries.get(key, value)

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._entries.clear()
            self._bytes.clear()

    def __repr__(self) -> str:
        return f"<cache {self.name!r}: {len(self)} entries, {self.nbytes:.3g} bytes>"


#: Cayley tables by structure (a quarter of the memory limit)
TABLES = StructureCache("Cayley tables", share=0.25)
#: Fourier bases by group (a quarter of the memory limit)
BASES = StructureCache("Fourier bases", share=0.25)
