"""Fixtures of the hostile-input suite: the command line run in-process with captured
output, and in a subprocess under a memory ulimit.

Every test here also runs under an address-space limit (``RLIMIT_AS``): the soft limit is
lowered to the process's current size plus ``HEADROOM`` for the duration of the test, so
an allocation algconv forgot to guard fails that test with ``MemoryError`` instead of
taking the machine down; it is restored afterwards.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from algconv.cli import main

ROOT = Path(__file__).resolve().parents[2]
#: address space a test may add to what the process already has
HEADROOM = 3 * 1024**3
#: address space of a ``python -m algconv`` subprocess (imports take about 0.6 GiB)
SUBPROCESS_LIMIT = 2 * 1024**3


def _address_space() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@pytest.fixture(autouse=True)
def memory_ulimit():
    """Lower the soft ``RLIMIT_AS`` to the current size + ``HEADROOM`` during the test."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = _address_space() + HEADROOM
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    try:
        yield want
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@dataclass
class Run:
    """What one command-line run did."""

    status: int
    out: str
    err: str


def run_cli(*argv: str) -> Run:
    """``algconv.cli.main(argv)`` in-process with stdout and stderr captured; argparse's own
    ``SystemExit`` becomes the status.  Any other exception propagates (a test failure)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as e:
            status = e.code if isinstance(e.code, int) else 2
    return Run(status, out.getvalue(), err.getvalue())


def _limit_memory() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (SUBPROCESS_LIMIT, SUBPROCESS_LIMIT))


def run_subprocess(*argv: str, cwd: str | Path | None = None, timeout: float = 120) -> Run:
    """``python -m algconv argv`` in a child limited to ``SUBPROCESS_LIMIT`` bytes of address
    space (and ``timeout`` seconds)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-m", "algconv", *argv], capture_output=True,
                          text=True, cwd=cwd or ROOT, env=env, timeout=timeout,
                          preexec_fn=_limit_memory)
    return Run(done.returncode, done.stdout, done.stderr)


def assert_clean_error(run: Run, *needles: str) -> None:
    """Exit 2, nothing on stdout, one line on stderr containing every needle, no traceback."""
    assert run.status == 2, run
    assert "Traceback" not in run.err and len(run.err.strip().splitlines()) == 1, run.err
    for needle in needles:
        assert needle in run.err, run.err
