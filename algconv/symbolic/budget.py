"""Work budgets that cannot hang and do not depend on machine load: killable workers.

sympy's ``integrate`` and ``summation`` cannot be interrupted from another thread, and
``signal.alarm`` only works in the main thread.  On Linux (and any platform with ``fork``)
:func:`run_limited` runs the work in a forked child and kills it when it has used up its
budget.  A budget counts **CPU seconds** of the worker (read from ``/proc``), not wall time,
so the same call gets the same amount of work done on an idle and on a busy machine; a
wall-clock backstop of ``WALL_FACTOR`` times the budget (at least ``MIN_WALL`` seconds)
still ends a worker that stalls without computing.  ``seconds=None`` means no limit.

Every worker leads its own process group and, on Linux, is killed by the kernel when its
parent dies (``PR_SET_PDEATHSIG``); the parent kills the whole group when the budget runs
out, so no worker or worker's worker outlives its budget or its parent.  Without ``fork`` the
work runs in a daemon thread whose result is abandoned on timeout (also inside daemonic
worker processes, such as a ``multiprocessing.Pool`` worker, which may not start children).

Examples
--------
>>> from algconv.symbolic.budget import Budget, run_limited
>>> run_limited(pow, (2, 10), seconds=5.0)
1024
>>> b = Budget(30.0)
>>> 0 < b.remaining() <= 30.0
True
>>> Budget(None).remaining()
inf
"""

from __future__ import annotations

import ctypes
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from ..errors import InvalidArgument

__all__ = ["DEFAULT_TIMEOUT", "MIN_WALL", "WALL_FACTOR", "Budget", "StrategyFailed", "TimeUp",
           "checked_timeout", "cpu_seconds", "run_limited"]

#: CPU seconds allowed to one call of ``algconv.symbolic.convolve`` unless told otherwise
DEFAULT_TIMEOUT = 30.0
#: a worker is killed when its wall time exceeds this multiple of its CPU budget ...
WALL_FACTOR = 20.0
#: ... or this many seconds, whichever is larger (a stalled worker uses no CPU)
MIN_WALL = 30.0
#: seconds between two looks at a worker's CPU time
_POLL = 0.05
_PR_SET_PDEATHSIG = 1
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

#: the CPU budget of the worker this process is (None in the main process or without limit)
_worker_budget: Budget | None = None


class TimeUp(Exception):
    """The budget ran out before the work finished (internal; never escapes ``convolve``)."""


class StrategyFailed(Exception):
    """The work raised inside the child; the message holds the error."""


class Budget:
    """A CPU-time allowance of this process: ``remaining()`` seconds are left, ``check()``
    raises ``TimeUp`` past it; ``Budget(None)`` never runs out."""

    def __init__(self, seconds: float | None):
        self.seconds = None if seconds is None else float(seconds)
        self._began = time.process_time()

    def used(self) -> float:
        return time.process_time() - self._began

    def remaining(self) -> float:
        if self.seconds is None:
            return math.inf
        return max(0.0, self.seconds - self.used())

    def timeout(self, parts: int = 1) -> float | None:
        """A ``timeout`` for one of ``parts`` calls sharing what is left (at least 0.1 s);
        None when there is no limit."""
        if self.seconds is None:
            return None
        return max(self.remaining() / max(parts, 1), 0.1)

    def check(self) -> None:
        if self.seconds is not None and self.used() >= self.seconds:
            raise TimeUp(f"CPU budget of {self.seconds:g} s used up")


def checked_timeout(timeout: Any) -> float | None:
    """A ``timeout`` argument as float CPU seconds, or None (no limit); ``InvalidArgument``
    for anything else (a bool, a string, zero, a negative number, inf, NaN).

    Examples
    --------
    >>> checked_timeout(3), checked_timeout(None)
    (3.0, None)
    """
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                or not 0 < timeout < math.inf):
        raise InvalidArgument(f"Got timeout={timeout!r}, but expected a finite number of CPU "
                              "seconds > 0, or None for no limit")
    return None if timeout is None else float(timeout)


def cpu_seconds(pid: int) -> float | None:
    """CPU seconds used by process ``pid`` and its reaped children (None without /proc)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # after the command: state ppid pgrp ... utime(12) stime(13) cutime(14) cstime(15)
    return sum(int(v) for v in fields[11:15]) / _TICKS


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no usable libc
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _child(conn, fn, args, parent, seconds) -> None:  # pragma: no cover - runs in the child
    global _worker_budget
    try:
        os.setpgid(0, 0)
    except OSError:
        pass
    _die_with_parent(parent)
    _worker_budget = Budget(seconds)
    try:
        payload = ("ok", fn(*args))
    except TimeUp as e:  # the work checked its own budget
        payload = ("timeup", str(e))
    except BaseException as e:  # noqa: BLE001 - everything is reported to the parent
        payload = ("error", f"{type(e).__name__}: {e}", traceback.format_exc(limit=3))
    try:
        conn.send_bytes(pickle.dumps(payload))
    except Exception as e:  # noqa: BLE001 - e.g. an unpicklable result
        conn.send_bytes(pickle.dumps(("error", f"result not transferable: {e}", "")))
    finally:
        conn.close()
        os._exit(0)


def _kill_group(proc) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:  # already gone, or never got its own group
        if proc.is_alive():
            proc.kill()
    proc.join()


def _wait(recv, proc, seconds: float | None):
    """The worker's payload, or ``TimeUp`` once its CPU budget or the wall backstop is spent."""
    wall = None if seconds is None else max(MIN_WALL, WALL_FACTOR * seconds)
    start = time.monotonic()
    while not recv.poll(_POLL):
        elapsed = time.monotonic() - start
        used = cpu_seconds(proc.pid)
        if used is None:  # no /proc: the budget is wall time
            used = elapsed
        if seconds is not None and used >= seconds:
            raise TimeUp(f"used up its CPU budget of {seconds:.3g} s")
        if wall is not None and elapsed >= wall:
            raise TimeUp(f"stalled: no answer after {elapsed:.3g} s of wall time (backstop for "
                         f"a CPU budget of {seconds:.3g} s)")
        if not proc.is_alive() and not recv.poll(0):
            raise StrategyFailed("the worker process died without an answer")
    try:
        return pickle.loads(recv.recv_bytes())
    except EOFError as e:
        raise StrategyFailed("the worker process died without an answer") from e


def run_limited(fn: Callable[..., Any], args: tuple, seconds: float | None) -> Any:
    """``fn(*args)`` with at most ``seconds`` CPU seconds (``None``: no limit).

    Raises ``TimeUp`` when the budget is spent (the worker's process group is killed) and
    ``StrategyFailed`` when ``fn`` raised.  Inside a worker the budget is capped by what the
    worker itself has left.  ``fn``, ``args`` and the result must be picklable only in the
    result direction: the child is a fork and inherits them.
    """
    if _worker_budget is not None and _worker_budget.seconds is not None:
        left = _worker_budget.remaining()
        seconds = left if seconds is None else min(seconds, left)
    if seconds is not None and seconds <= 0:
        raise TimeUp("no time left")
    if ("fork" not in multiprocessing.get_all_start_methods()
            or multiprocessing.current_process().daemon):  # pragma: no cover
        # no fork, or inside a daemonic worker (which may not have children): a thread
        return _run_thread(fn, args, seconds)
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args, os.getpid(), seconds))
    proc.start()  # not daemonic: may nest
    send.close()
    try:
        os.setpgid(proc.pid, proc.pid)  # also here, so that no kill can miss the group
    except OSError:
        pass
    try:
        payload = _wait(recv, proc, seconds)
    finally:
        recv.close()
        _kill_group(proc)
    if payload[0] == "ok":
        return payload[1]
    if payload[0] == "timeup":
        raise TimeUp(payload[1])
    raise StrategyFailed(payload[1])


def _run_thread(fn, args, seconds):  # pragma: no cover - only without fork
    box: list = []

    def target():
        try:
            box.append(("ok", fn(*args)))
        except BaseException as e:  # noqa: BLE001
            box.append(("error", f"{type(e).__name__}: {e}"))

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    if not box:
        raise TimeUp(f"gave up after {seconds:.3g} s")
    if box[0][0] == "ok":
        return box[0][1]
    raise StrategyFailed(box[0][1])
