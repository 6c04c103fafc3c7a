"""Time every numeric-engine workload against its peer, in one process, and print ratios.

    python benchmarks/bench_engines.py            # full sizes (about a minute on 2 cores)
    python benchmarks/bench_engines.py --quick    # small sizes, a smoke test for CI

Each workload is a dict: ``name``, ``peer`` (str), ``target`` (largest acceptable ratio
algconv / peer, or None for an informational row), ``setup(quick) -> state``,
``algconv(state)``, ``peer_fn(state)``; optional ``number`` (calls per timing, for tiny
inputs), ``peer_repeat`` (timings of the peer, default 3; 1 for slow peers) and
``check(state, ours, theirs) -> bool`` (do the two results agree).  Workloads from
``benchmarks/workloads_transforms.py`` (XOR / OR / AND / subset, Dirichlet, tables) are
collected too when that file exists.  Every time is the best of 3 (peer: of ``peer_repeat``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pathlib
import sys
import time

import numpy as np
import scipy.ndimage
import scipy.signal

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import algconv as ac  # noqa: E402
from algconv.engines import exact  # noqa: E402


def _close(state, x, y) -> bool:
    return np.allclose(x, y, rtol=1e-7, atol=1e-7 * float(np.max(np.abs(y)) or 1.0))


# --- workloads ----------------------------------------------------------------------------------


def _floats(quick, m, n, small=(2000, 2000)):
    rng = np.random.default_rng(0)
    m, n = (small if quick else (m, n))
    return rng.standard_normal(m), rng.standard_normal(n)


def _image(quick, side, k):
    rng = np.random.default_rng(1)
    side = 256 if quick else side
    return rng.standard_normal((side, side)), rng.standard_normal((k, k))


def _ints(quick):
    rng = np.random.default_rng(2)
    n = 5000 if quick else 100_000
    return rng.integers(0, 2**20, n), rng.integers(0, 2**20, n)


def _flint_product(state):
    import flint

    a, b = state
    return flint.fmpz_poly(a.tolist()) * flint.fmpz_poly(b.tolist())


def _same_coeffs(state, ours, theirs) -> bool:
    coeffs = theirs.coeffs()
    return len(ours) == len(coeffs) and all(int(x) == int(y) for x, y in zip(ours, coeffs))


def _numpy_path(state):
    exact.use_flint = False
    try:
        return ac.convolve(*state)
    finally:
        exact.use_flint = True


def _flint_path(state):
    return exact._flint_linear(*state)


WORKLOADS = [
    dict(name="1-D float 1e5 x 1e5", peer="scipy.signal.convolve (auto)", target=1.1,
         setup=lambda q: _floats(q, 10**5, 10**5), algconv=lambda s: ac.convolve(*s),
         peer_fn=lambda s: scipy.signal.convolve(*s), check=_close),
    dict(name="1-D float 1e6 x 1e3", peer="scipy.signal.oaconvolve", target=1.1,
         setup=lambda q: _floats(q, 10**6, 10**3, small=(20_000, 200)),
         algconv=lambda s: ac.convolve(*s), peer_fn=lambda s: scipy.signal.oaconvolve(*s),
         check=_close),
    dict(name="2-D 2048^2, 3x3 filter, same shape", peer="scipy.ndimage.convolve", target=1.1,
         setup=lambda q: _image(q, 2048, 3), algconv=lambda s: ac.filter(*s),
         peer_fn=lambda s: scipy.ndimage.convolve(*s, mode="constant"), check=_close),
    dict(name="2-D 2048^2, 3x3, convolve mode=same", peer="scipy.signal.convolve (auto)",
         target=None, setup=lambda q: _image(q, 2048, 3),
         algconv=lambda s: ac.convolve(*s, mode="same"),
         peer_fn=lambda s: scipy.signal.convolve(*s, mode="same"), check=_close),
    dict(name="2-D 2048^2 x 31x31, full", peer="scipy.signal.fftconvolve", target=1.1,
         setup=lambda q: _image(q, 2048, 31), algconv=lambda s: ac.convolve(*s),
         peer_fn=lambda s: scipy.signal.fftconvolve(*s), check=_close),
    dict(name="exact int 1e5 x 1e5, < 2^20", peer="python-flint fmpz_poly product", target=2.0,
         setup=_ints, algconv=lambda s: ac.convolve(*s), peer_fn=_flint_product,
         check=_same_coeffs),
    dict(name="  same, flint path disabled", peer="python-flint fmpz_poly product",
         target=10.0, setup=_ints, algconv=_numpy_path, peer_fn=_flint_product,
         check=_same_coeffs),
    dict(name="  same, forced flint back-end", peer="python-flint fmpz_poly product",
         target=None, setup=_ints, algconv=_flint_path, peer_fn=_flint_product,
         check=_same_coeffs),
    dict(name="length-10 call overhead", peer="numpy.convolve", target=15.0,
         setup=lambda q: _floats(q, 10, 10, small=(10, 10)), algconv=lambda s: ac.convolve(*s),
         peer_fn=lambda s: np.convolve(*s), number=200, check=_close),
]


def collect() -> list[dict]:
    """Our workloads, then those of benchmarks/workloads_transforms.py if it exists."""
    workloads = list(WORKLOADS)
    path = HERE / "workloads_transforms.py"
    if path.exists():
        spec = importlib.util.spec_from_file_location("workloads_transforms", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        workloads += list(module.WORKLOADS)
    return workloads


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
    after one warm-up call of each."""
    number = w.get("number", 1)
    ours, theirs, mine, peer = [], [], None, None
    w["algconv"](state)  # warm-up: imports, FFT plan caches, first-touch page faults
    if w.get("peer_repeat", repeat) >= repeat:  # slow peers are not run an extra time
        w["peer_fn"](state)
    for i in range(repeat):
        run_peer = i < w.get("peer_repeat", repeat)
        if run_peer and i % 2:  # alternate who goes first: the second call finds warm caches
            t, peer = timed(w["peer_fn"], state, number)
            theirs.append(t)
        t, mine = timed(w["algconv"], state, number)
        ours.append(t)
        if run_peer and not i % 2:
            t, peer = timed(w["peer_fn"], state, number)
            theirs.append(t)
    return min(ours), mine, min(theirs), peer


def run(workloads: list[dict], quick: bool, repeat: int = 3) -> list[tuple]:
    rows = []
    for w in workloads:
        state = w["setup"](quick)
        ours, mine, theirs, peer = best_of(w, state, repeat)
        agree = w["check"](state, mine, peer) if "check" in w else True
        ratio = ours / theirs
        target = w.get("target")
        ok = "info" if target is None else ("yes" if ratio <= target else "NO")
        if not agree:
            ok = "WRONG"
        rows.append((w["name"], w["peer"], ours, theirs, ratio, target, ok))
        print(_row(rows[-1]), flush=True)
    return rows


def _row(r) -> str:
    name, peer, ours, theirs, ratio, target, ok = r
    shown = "-" if target is None else f"<= {target:g}"
    return (f"| {name} | {peer} | {ours:.4g} | {theirs:.4g} | {ratio:.2f} | {shown} | {ok} |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (CI smoke test)")
    parser.add_argument("--only", default="", help="run workloads whose name contains this")
    parser.add_argument("--repeat", type=int, default=3, help="best of how many (default 3)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock time (default) or process CPU time")
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = time.perf_counter if args.clock == "wall" else time.process_time
    workloads = [w for w in collect() if args.only in w["name"]]
    print(f"load average before: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()}); "
          f"{'quick sizes' if args.quick else 'full sizes'}; best of {args.repeat}; "
          f"{args.clock} clock")
    print("| workload | peer | algconv s | peer s | ratio | target | ok |")
    print("|---|---|---|---|---|---|---|")
    rows = run(workloads, args.quick, args.repeat)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    bad = [r for r in rows if r[6] == "WRONG" or (not args.quick and r[6] == "NO")]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
