"""A per-call time budget that cannot hang: strategies run in a forked child process.

sympy's ``integrate`` and ``summation`` cannot be interrupted from another thread, and
``signal.alarm`` only works in the main thread.  On Linux (and any platform with ``fork``)
:func:`run_limited` runs the work in a forked child and kills it when its time is up; the
parent never waits longer than the budget.  Without ``fork`` the work runs in a daemon thread
whose result is abandoned on timeout (also inside daemonic worker processes, such as a
``multiprocessing.Pool`` worker, which may not start children).

Examples
--------
>>> from algconv.symbolic.budget import Budget, run_limited
>>> run_limited(pow, (2, 10), seconds=5.0)
1024
>>> b = Budget(30.0)
>>> 0 < b.remaining() <= 30.0
True
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

__all__ = ["DEFAULT_TIMEOUT", "Budget", "StrategyFailed", "TimeUp", "run_limited"]

#: seconds allowed to one call of ``algconv.symbolic.convolve`` unless told otherwise
DEFAULT_TIMEOUT = 30.0


class TimeUp(Exception):
    """The budget ran out before the work finished (internal; never escapes ``convolve``)."""


class Budget:
    """A deadline: ``remaining()`` seconds are left, ``check()`` raises ``TimeUp`` past it."""

    def __init__(self, seconds: float):
        self.seconds = float(seconds)
        self.deadline = time.monotonic() + self.seconds

    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    def check(self) -> None:
        if time.monotonic() >= self.deadline:
            raise TimeUp(f"time budget of {self.seconds:g} s used up")


def _child(conn, fn, args) -> None:  # pragma: no cover - runs in the forked child
    try:
        payload = ("ok", fn(*args))
    except BaseException as e:  # noqa: BLE001 - everything is reported to the parent
        payload = ("error", f"{type(e).__name__}: {e}", traceback.format_exc(limit=3))
    try:
        conn.send_bytes(pickle.dumps(payload))
    except Exception as e:  # noqa: BLE001 - e.g. an unpicklable result
        conn.send_bytes(pickle.dumps(("error", f"result not transferable: {e}", "")))
    finally:
        conn.close()
        os._exit(0)


class StrategyFailed(Exception):
    """The work raised inside the child; ``detail`` holds the message."""


def run_limited(fn: Callable[..., Any], args: tuple, seconds: float) -> Any:
    """``fn(*args)`` with at most ``seconds`` of wall time.

    Raises ``TimeUp`` when the time is up (the child is killed) and ``StrategyFailed`` when
    ``fn`` raised.  ``fn``, ``args`` and the result must be picklable only in the result
    direction: the child is a fork and inherits them.
    """
    if seconds <= 0:
        raise TimeUp("no time left")
    if ("fork" not in multiprocessing.get_all_start_methods()
            or multiprocessing.current_process().daemon):  # pragma: no cover
        # no fork, or inside a daemonic worker (which may not have children): a thread
        return _run_thread(fn, args, seconds)
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args))  # not daemonic: may nest
    proc.start()
    send.close()
    try:
        if not recv.poll(seconds):
            raise TimeUp(f"gave up after {seconds:.3g} s")
        try:
            payload = pickle.loads(recv.recv_bytes())
        except EOFError as e:
            raise StrategyFailed("the worker process died without an answer") from e
    finally:
        recv.close()
        if proc.is_alive():
            proc.kill()
        proc.join()
    if payload[0] == "ok":
        return payload[1]
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
