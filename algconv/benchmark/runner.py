"""Run benchmark workloads: algconv and its peer in one process, best of N, ratio table.

Used by ``algconv bench`` and ``benchmarks/bench_engines.py``.

Examples
--------
>>> from algconv.benchmark.runner import format_row
>>> format_row(("XOR", "numpy", 0.5, 1.0, 0.5, 1.5, "yes"))
'| XOR | numpy | 0.5 | 1 | 0.50 | <= 1.5 | yes |'
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import time

__all__ = ["collect", "label", "matches", "run", "format_row", "summary", "add_arguments",
           "run_from_args", "main"]


def collect() -> list[dict]:
    """Every workload: Z / Z^d engines, then transforms, Dirichlet and tables."""
    from . import lattice, transforms

    return [*lattice.WORKLOADS, *transforms.WORKLOADS]


def label(w: dict, quick: bool) -> str:
    """The row label of workload ``w``: its name at the sizes actually run.

    >>> label({"name": "n = 1e6", "quick_name": "n = 1e4"}, quick=True)
    'n = 1e4'
    """
    return w.get("quick_name", w["name"]) if quick else w["name"]


def matches(w: dict, only: str) -> bool:
    """Whether ``--only only`` selects ``w`` (by its full-size or its quick label)."""
    return only in w["name"] or only in w.get("quick_name", "")


# --- timing -------------------------------------------------------------------------------------


#: wall-clock by default; ``--clock cpu`` measures process CPU time instead, which a
#: loaded shared machine does not inflate (every workload here runs on one thread)
CLOCK = time.perf_counter


def timed(fn, state, number: int = 1) -> tuple[float, object]:
    result = None
    t0 = CLOCK()
    for _ in range(number):
        result = fn(state)
    return (CLOCK() - t0) / number, result


def best_of(w: dict, state, repeat: int = 3) -> tuple[float, object, float, object]:
    """Best of ``repeat`` for algconv and the peer, interleaved (each going first in turn),
    after one warm-up call of each: both sides get the same warm-up, the same ``number`` of
    calls per timing and the same ``repeat`` timings, however slow."""
    number = w.get("number", 1)
    sides = {"algconv": [], "peer_fn": []}
    results = {}
    for name in sides:  # warm-up: imports, FFT plan caches, first-touch page faults
        w[name](state)
    for i in range(repeat):
        order = ("algconv", "peer_fn") if i % 2 == 0 else ("peer_fn", "algconv")
        for name in order:  # alternate who goes first: the second call finds warm caches
            t, results[name] = timed(w[name], state, number)
            sides[name].append(t)
    return min(sides["algconv"]), results["algconv"], min(sides["peer_fn"]), results["peer_fn"]


def run(workloads: list[dict], quick: bool, repeat: int = 3) -> list[tuple]:
    """Time each workload, print its row as soon as it is done, and return the rows."""
    rows = []
    for w in workloads:
        needs = w.get("needs")
        if needs and importlib.util.find_spec(needs) is None:
            rows.append((label(w, quick), w["peer"], float("nan"), float("nan"), float("nan"),
                         w.get("target"), f"skipped ({needs} not installed)"))
            print(format_row(rows[-1]), flush=True)
            continue
        state = w["setup"](quick)
        ours, mine, theirs, peer = best_of(w, state, repeat)
        agree = w["check"](state, mine, peer)  # every workload says how to compare
        ratio = ours / theirs
        target = w.get("target")
        ok = "info" if target is None else ("yes" if ratio <= target else "NO")
        if not agree:
            ok = "WRONG"
        rows.append((label(w, quick), w["peer"], ours, theirs, ratio, target, ok))
        print(format_row(rows[-1]), flush=True)
    return rows


def format_row(r) -> str:
    """One Markdown table row."""
    name, peer, ours, theirs, ratio, target, ok = r
    shown = "-" if target is None else f"<= {target:g}"
    return (f"| {name} | {peer} | {ours:.4g} | {theirs:.4g} | {ratio:.2f} | {shown} | {ok} |")


def summary(rows: list[tuple], quick: bool) -> str:
    """The table's last line: how many rows met their target, missed it, disagreed with
    their peer, were informational or skipped (at quick sizes targets are informational).

    >>> summary([("a", "p", 1, 1, 1.0, 1.1, "yes"), ("b", "p", 1, 1, 2.0, 1.1, "NO")], False)
    'summary: 2 workloads: 1 within target, 1 missed, 0 wrong, 0 informational, 0 skipped'
    """
    oks = [r[6] for r in rows]
    skipped = sum(ok.startswith("skipped") for ok in oks)
    note = " (targets are for full sizes)" if quick else ""
    return (f"summary: {len(rows)} workloads: {oks.count('yes')} within target, "
            f"{oks.count('NO')} missed{note}, {oks.count('WRONG')} wrong, "
            f"{oks.count('info')} informational, {skipped} skipped")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``algconv bench`` / ``benchmarks/bench_engines.py``."""
    parser.add_argument("--quick", action="store_true", help="small sizes (CI smoke test)")
    parser.add_argument("--only", default="", help="run workloads whose name contains this")
    parser.add_argument("--repeat", type=int, default=3, help="best of how many (default 3)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock time (default) or process CPU time")


def run_from_args(args: argparse.Namespace) -> int:
    """Run the selected workloads; exit status 1 if a result disagrees with its peer (or,
    at full sizes, a target is missed)."""
    global CLOCK
    CLOCK = time.perf_counter if args.clock == "wall" else time.process_time
    workloads = [w for w in collect() if matches(w, args.only)]
    print(f"load average before: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()}); "
          f"{'quick sizes' if args.quick else 'full sizes'}; best of {args.repeat}; "
          f"{args.clock} clock")
    print("| workload | peer | algconv s | peer s | ratio | target | ok |")
    print("|---|---|---|---|---|---|---|")
    rows = run(workloads, args.quick, args.repeat)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(summary(rows, args.quick))
    bad = [r for r in rows if r[6] == "WRONG" or (not args.quick and r[6] == "NO")]
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    """``benchmarks/bench_engines.py``'s entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run_from_args(parser.parse_args(argv))
