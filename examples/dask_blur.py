"""Blur an image larger than you would like to hold in memory, lazily, with algconv and dask.

Run it from the repository root: ``python examples/dask_blur.py`` (needs the ``dask`` extra).
A 4000 x 4000 image in 1000 x 1000 chunks is generated chunk by chunk, blurred with a 5 x 5
binomial kernel (``boundary='reflect'``) on a small local cluster of two process workers,
and only summaries come back.  One corner is checked against the in-memory computation.
"""

from __future__ import annotations

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import algconv as ac


def main() -> None:
    import dask.array as da
    from distributed import Client, LocalCluster

    row = np.array([1.0, 4.0, 6.0, 4.0, 1.0]) / 16
    kernel = np.outer(row, row)  # sums to 1

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      memory_limit="1GiB", dashboard_address=":0") as cluster, \
            Client(cluster):
        image = da.random.default_rng(42).random((4000, 4000), chunks=(1000, 1000))
        blurred = ac.filter(image, kernel, boundary="reflect")  # lazy: nothing computed yet
        print("lazy result:", blurred)

        mean, std_before, std_after = da.compute(blurred.mean(), image.std(), blurred.std())
        print(f"mean {mean:.6f} (the blur keeps it), std {std_before:.4f} -> {std_after:.4f}")

        # one corner, checked against the in-memory filter (rows/columns 1000.. are interior)
        corner = image[:1200, :1200].compute()
        want = ac.filter(corner, kernel, boundary="reflect")[:1000, :1000]
        got = blurred[:1000, :1000].compute()
        print("corner equals the in-memory result:", np.allclose(got, want, rtol=1e-12))

        # a 1-D signal: full convolution by overlap-add across chunk borders
        signal = da.arange(10, chunks=4).astype(np.int32)
        print("exact overlap-add:", ac.convolve(signal, [1, -1]).compute())


if __name__ == "__main__":
    main()
