"""Independent truth for tests: brute-force convolution written from the definition."""

from __future__ import annotations

from collections import defaultdict


def brute_convolve(op, f: dict, g: dict) -> dict:
    """``{c: sum of f[a] g[b] over op(a, b) == c}``, zeros dropped — the definition itself."""
    h = defaultdict(int)
    for a, fa in f.items():
        for b, gb in g.items():
            h[op(a, b)] += fa * gb
    return {c: v for c, v in h.items() if v != 0}


def brute_array_convolve(a, b):
    """Full 1-D convolution of two lists by the double loop."""
    if not a or not b:
        return []
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return out
