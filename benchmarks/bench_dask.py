"""Blur a lazily generated image larger than a worker's memory on a dask LocalCluster.

Usage (from the repository root): python -m benchmarks.bench_dask [--quick] [--size N] [--chunk C]
           [--workers 1,2] [--memory-limit 2GiB] [--kernel 5] [--repeat 2] [--no-peer]

The image (default 20000 x 20000 float64, 3.2 GB) is generated chunk by chunk with
``dask.array.random.default_rng(seed)``, blurred with ``algconv.daskarray.filter`` (a 5 x 5
binomial kernel, ``boundary='reflect'``) and reduced with ``.mean()``, so nothing larger than
a few chunks ever exists in one place.  For every worker count it starts a fresh
``LocalCluster`` (process workers, 1 thread each, ``--memory-limit`` per worker) and prints
the wall time, each worker's peak resident memory (``ru_maxrss`` of the worker process) and
the cluster's peak total (``distributed.diagnostics.MemorySampler``), and the CPU seconds
each worker spent (which show how evenly the work splits, whatever the machine's load).  The peer is the plain
dask a user would write: ``map_overlap`` of ``scipy.ndimage.convolve`` on the same cluster
(``--no-peer`` skips it).  ``--quick`` uses a 2000 x 2000 image (CI smoke).

Times are the best of ``--repeat`` interleaved wall-clock runs (default 2) on a 2-core
machine shared with other jobs: read them with the load average printed beside them.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import time

import numpy as np


def _peak_rss() -> int:
    """This process's peak resident memory in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _warm_up() -> None:
    """Import what the tasks need, so that the timing excludes the workers' first imports."""
    import scipy.ndimage  # noqa: F401

    import algconv.daskarray  # noqa: F401


def _cpu_seconds() -> float:
    """User + system CPU time of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _mib(nbytes: float) -> str:
    return f"{nbytes / 2**20:,.0f} MiB"


def binomial_kernel(size: int = 5) -> np.ndarray:
    """The ``size x size`` binomial (Gaussian-like) blur, summing to 1."""
    row = np.array([1.0])
    for _ in range(size - 1):
        row = np.convolve(row, [1.0, 1.0])
    return np.outer(row, row) / row.sum() ** 2


def algconv_blur(x, kernel):
    from algconv.daskarray import filter

    return filter(x, kernel, boundary="reflect")


def peer_blur(x, kernel):
    import scipy.ndimage

    conv = functools.partial(scipy.ndimage.convolve, weights=kernel, mode="reflect")
    depth = tuple(n // 2 for n in kernel.shape)
    return x.map_overlap(conv, depth=depth, boundary="reflect", dtype=x.dtype)


def run(blur, workers: int, args, kernel) -> dict:
    """One fresh cluster: time ``blur(image).mean()``, collect peak memory per worker."""
    import dask.array as da
    from distributed import Client, LocalCluster
    from distributed.diagnostics import MemorySampler

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      memory_limit=args.memory_limit, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        before = set(client.scheduler_info()["workers"])
        client.run(_warm_up)
        baseline = client.run(_peak_rss)
        cpu0 = client.run(_cpu_seconds)
        x = da.random.default_rng(args.seed).random((args.size, args.size),
                                                    chunks=(args.chunk, args.chunk))
        total = blur(x, kernel).mean()
        sampler = MemorySampler()
        load = os.getloadavg()[0]
        t0 = time.perf_counter()
        with sampler.sample("run", interval=0.25):
            value = float(total.compute())
        seconds = time.perf_counter() - t0
        peaks = client.run(_peak_rss)
        cpu1 = client.run(_cpu_seconds)
        limit = next(iter(client.scheduler_info()["workers"].values()))["memory_limit"]
        after = set(client.scheduler_info()["workers"])
        samples = sampler.samples.get("run", [])
        return {
            "seconds": seconds, "value": value, "load": load, "limit": limit,
            "peaks": [peaks[w] for w in sorted(peaks)],
            "baselines": [baseline[w] for w in sorted(baseline)],
            "cluster_peak": max((s for _, s in samples), default=float("nan")),
            "restarted": before != after,
            "cpu": [cpu1[w] - cpu0[w] for w in sorted(cpu1)],
        }


def report(name: str, workers: int, r: dict) -> None:
    peaks = ", ".join(_mib(p) for p in r["peaks"])
    cpu = ", ".join(f"{c:.1f}" for c in r["cpu"])
    print(f"{name:<9} workers={workers}  {r['seconds']:7.1f} s  mean={r['value']:.9f}  "
          f"load(1 min) before={r['load']:.1f}; CPU s per worker: {cpu}")
    print(f"          peak RSS per worker: {peaks} (limit {_mib(r['limit'])}; idle worker "
          f"{_mib(min(r['baselines']))}); cluster peak total {_mib(r['cluster_peak'])}; "
          f"workers restarted: {r['restarted']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2000 x 2000 image (CI smoke)")
    parser.add_argument("--size", type=int, default=20000, help="image side (default 20000)")
    parser.add_argument("--chunk", type=int, default=2000, help="chunk side (default 2000)")
    parser.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    parser.add_argument("--memory-limit", default="2GiB", help="per worker (default 2GiB)")
    parser.add_argument("--kernel", type=int, default=5, help="blur kernel side (default 5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, best kept")
    parser.add_argument("--no-peer", action="store_true", help="skip plain dask + scipy")
    args = parser.parse_args(argv)
    if args.quick:
        args.size, args.chunk = 2000, 500
    kernel = binomial_kernel(args.kernel)
    counts = [int(w) for w in args.workers.split(",")]
    gb = args.size**2 * 8 / 1e9
    print(f"image {args.size} x {args.size} float64 ({gb:.2f} GB, generated lazily), chunks "
          f"{args.chunk} x {args.chunk} ({_mib(args.chunk**2 * 8)} each), kernel "
          f"{args.kernel} x {args.kernel}, boundary='reflect', reduced with .mean(); "
          f"{os.cpu_count()} CPUs")
    runs = [("algconv", algconv_blur, w) for w in counts]
    if not args.no_peer:
        runs.append(("dask+ndi", peer_blur, max(counts)))
    best: dict = {}
    for attempt in range(args.repeat):  # interleaved, so that a busy spell hits every entry
        for name, blur, workers in runs:
            r = run(blur, workers, args, kernel)
            print(f"  run {attempt + 1}: {name} on {workers} workers {r['seconds']:.1f} s "
                  f"(load {r['load']:.1f}; CPU s per worker {[round(c, 1) for c in r['cpu']]})")
            key = (name, workers)
            if key in best:
                r["peaks"] = [max(a, b) for a, b in zip(r["peaks"], best[key]["peaks"])]
                r["cluster_peak"] = max(r["cluster_peak"], best[key]["cluster_peak"])
                r["restarted"] = r["restarted"] or best[key]["restarted"]
                if r["seconds"] > best[key]["seconds"]:
                    for field in ("seconds", "load", "cpu"):
                        r[field] = best[key][field]
            best[key] = r
    print(f"best of {args.repeat} (memory: the largest peak of any run):")
    for name, _, workers in runs:
        report(name, workers, best[name, workers])
    times = {w: best["algconv", w]["seconds"] for w in counts}
    if not args.no_peer:
        workers = max(counts)
        print(f"ratio algconv / (dask + scipy.ndimage) on {workers} workers: "
              f"{times[workers] / best['dask+ndi', workers]['seconds']:.2f}")
    if len(counts) > 1:
        lo, hi = min(counts), max(counts)
        print(f"scaling: {lo} -> {hi} workers: time x{times[hi] / times[lo]:.2f} "
              f"(ideal {lo / hi:.2f})")
    return 0 if results_agree(best) else 1


def results_agree(best: dict) -> bool:
    """Every run (algconv on each worker count, and the peer) computed the same mean."""
    values = {key: r["value"] for key, r in best.items()}
    first = next(iter(values.values()))
    ok = all(np.isclose(v, first, rtol=1e-9, atol=0) for v in values.values())
    print("results agree: " + ("yes" if ok else "NO, " + ", ".join(
        f"{name} on {workers}: {v!r}" for (name, workers), v in values.items())))
    return ok


if __name__ == "__main__":
    raise SystemExit(main())
