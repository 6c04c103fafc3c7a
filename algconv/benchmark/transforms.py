"""Benchmark workloads of the transforms, Dirichlet and table engines, against a plain
numpy Walsh-Hadamard, a per-divisor numpy loop, a pure-Python a.b=c loop and sympy.

Workloads are dicts as in :mod:`algconv.benchmark.lattice`.

Examples
--------
>>> from algconv.benchmark.transforms import naive_dirichlet
>>> naive_dirichlet(np.ones(6, dtype=int), np.ones(6, dtype=int))  # divisor counts
array([1, 2, 2, 3, 2, 4])
"""

from __future__ import annotations

import numpy as np

import algconv as ac

__all__ = ["WORKLOADS", "numpy_walsh_hadamard", "numpy_xor_convolve", "naive_dirichlet",
           "python_group_loop"]

# --- peers -------------------------------------------------------------------------------------


def numpy_walsh_hadamard(x: np.ndarray) -> np.ndarray:
    """A plain numpy Walsh-Hadamard transform (allocating a new array per pass)."""
    h, n = 1, len(x)
    while h < n:
        x = x.reshape(-1, 2, h)
        x = np.stack([x[:, 0] + x[:, 1], x[:, 0] - x[:, 1]], axis=1)
        h *= 2
    return x.reshape(-1)


def numpy_xor_convolve(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return numpy_walsh_hadamard(numpy_walsh_hadamard(a) * numpy_walsh_hadamard(b)) // len(a)


def naive_dirichlet(f: np.ndarray, g: np.ndarray) -> np.ndarray:
    """The per-divisor numpy loop: one strided add for every d = 1..N."""
    n = min(len(f), len(g))
    out = np.zeros(n, dtype=np.result_type(f, g))
    for d in range(1, n + 1):
        out[d - 1 :: d] += f[d - 1] * g[: n // d]
    return out


def python_group_loop(state: dict) -> dict:
    """The defining sum over pairs a . b = c, in pure Python."""
    op, h = state["group"].op, {}
    g_items = list(state["g_dict"].items())
    for a, fa in state["f_dict"].items():
        for b, gb in g_items:
            c = op(a, b)
            h[c] = h.get(c, 0) + fa * gb
    return h


# --- workloads ---------------------------------------------------------------------------------


def _xor_setup(quick: bool) -> dict:
    rng = np.random.default_rng(0)
    size = 2**14 if quick else 2**20
    return {"a": rng.integers(-100, 100, size), "b": rng.integers(-100, 100, size)}


def _dirichlet_setup(quick: bool) -> dict:
    rng = np.random.default_rng(1)
    n = 10**4 if quick else 10**6
    return {"f": rng.integers(-1000, 1000, n), "g": rng.integers(-1000, 1000, n)}


def _group_setup(quick: bool) -> dict:
    rng = np.random.default_rng(2)
    group = ac.SymmetricGroup(5 if quick else 6)
    group.cayley_table()  # built once per structure and cached, as in any repeated use
    a = rng.integers(-100, 100, group.order)
    b = rng.integers(-100, 100, group.order)
    els = group.elements()
    return {
        "group": group,
        "f": ac.Function.from_array(a, over=group),
        "g": ac.Function.from_array(b, over=group),
        "f_dict": dict(zip(els, a.tolist())),
        "g_dict": dict(zip(els, b.tolist())),
    }


def _sympy_setup(quick: bool) -> dict:
    rng = np.random.default_rng(3)
    size = 2**10 if quick else 2**16
    a, b = rng.integers(-100, 100, size), rng.integers(-100, 100, size)
    return {"a": a, "b": b, "a_list": a.tolist(), "b_list": b.tolist()}


def _sympy_xor(state: dict) -> list:
    from sympy.discrete import convolution

    return convolution(state["a_list"], state["b_list"], dyadic=True)


WORKLOADS = [
    {
        "name": "ac.transforms.fwht, length 2^20, int",
        "quick_name": "ac.transforms.fwht, length 2^14, int",
        "peer": "plain numpy Walsh-Hadamard",
        "target": 1.5,
        "setup": _xor_setup,
        "algconv": lambda s: ac.transforms.fwht(s["a"]),
        "peer_fn": lambda s: numpy_walsh_hadamard(s["a"]),
        "check": lambda s, ours, theirs: np.array_equal(ours, theirs),
    },
    {
        "name": "XOR convolution, length 2^20, int",
        "quick_name": "XOR convolution, length 2^14, int",
        "peer": "plain numpy Walsh-Hadamard",
        "target": 1.5,
        "setup": _xor_setup,
        "algconv": lambda s: ac.convolve_xor(s["a"], s["b"]),
        "peer_fn": lambda s: numpy_xor_convolve(s["a"], s["b"]),
        "check": lambda s, ours, theirs: np.array_equal(ours, theirs),
    },
    {
        "name": "Dirichlet convolution, N = 1e6, int",
        "quick_name": "Dirichlet convolution, N = 1e4, int",
        "peer": "naive numpy loop over divisors",
        "target": 0.12,
        "setup": _dirichlet_setup,
        "algconv": lambda s: ac.convolve_dirichlet(s["f"], s["g"]),
        "peer_fn": lambda s: naive_dirichlet(s["f"], s["g"]),
        "check": lambda s, ours, theirs: np.array_equal(ours, theirs),
    },
    {
        "name": "S_6 dense f*g (720 elements), int",
        "quick_name": "S_5 dense f*g (120 elements), int",
        "peer": "pure-Python a.b=c loop",
        "target": 0.02,
        "setup": _group_setup,
        "algconv": lambda s: s["f"] * s["g"],
        "peer_fn": python_group_loop,
        "check": lambda s, ours, theirs: ours.to_dict() == {
            c: v for c, v in theirs.items() if v != 0},
    },
    {
        "name": "XOR convolution, length 2^16, int",
        "quick_name": "XOR convolution, length 2^10, int",
        "peer": "sympy.discrete.convolution(dyadic=True)",
        "target": 0.01,
        "setup": _sympy_setup,
        "algconv": lambda s: ac.convolve_xor(s["a"], s["b"]),
        "peer_fn": _sympy_xor,
        "check": lambda s, ours, theirs: ours.tolist() == list(theirs),
    },
]
