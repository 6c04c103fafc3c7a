"""The time budget: killable workers, errors reported, never a hang."""

from __future__ import annotations

import time

import pytest

from algconv.symbolic.budget import Budget, StrategyFailed, TimeUp, run_limited


def _spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # busy loop: not interruptible by a thread timeout
        pass
    return "done"


def _boom():
    raise ZeroDivisionError("boom")


def _nested(seconds):
    return run_limited(_spin, (seconds,), 5.0)


def test_result_comes_back():
    assert run_limited(sorted, ([3, 1, 2],), 5.0) == [1, 2, 3]


def test_runaway_work_is_killed_on_time():
    start = time.monotonic()
    with pytest.raises(TimeUp):
        run_limited(_spin, (60,), 0.5)
    assert time.monotonic() - start < 3


def test_errors_are_reported():
    with pytest.raises(StrategyFailed, match="ZeroDivisionError: boom"):
        run_limited(_boom, (), 5.0)


def test_workers_may_nest():
    assert run_limited(_nested, (0.01,), 5.0) == "done"


def test_no_time_left():
    with pytest.raises(TimeUp):
        run_limited(sorted, ([],), 0)


def test_budget_counts_down():
    b = Budget(0.2)
    b.check()
    time.sleep(0.25)
    assert b.remaining() == 0
    with pytest.raises(TimeUp):
        b.check()


def _in_daemon(q):
    import multiprocessing

    assert multiprocessing.current_process().daemon
    q.put(run_limited(sorted, ([2, 1],), 5.0))


def test_inside_a_daemonic_worker_falls_back_to_a_thread():
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_in_daemon, args=(q,), daemon=True)
    p.start()
    assert q.get(timeout=20) == [1, 2]
    p.join(5)
