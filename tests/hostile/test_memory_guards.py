"""Resource guards under a real memory ulimit (issue 13, points 4, 5 and 7).

Each reproduction runs in a fresh interpreter whose address space is capped at
``ADDRESS_SPACE`` (``resource.setrlimit(RLIMIT_AS)`` in ``preexec_fn``) and whose run time
is bounded, so an unguarded allocation fails the test (``MemoryError``, or a timeout)
instead of taking the machine down.  A request must either answer, with values checked
against an independent computation, or be refused up front with ``InvalidArgument``
naming the estimate and the limit (``memory_limit`` or ``time_limit``).
"""

from __future__ import annotations

import math
import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import algconv

#: address space of each child: room for numpy, scipy and sympy, and for the inputs
#: below, but far less than any unguarded request needs
ADDRESS_SPACE = 3 * 1024**3
#: seconds a reproduction may take; unguarded, each of them runs for minutes
SECONDS = 90

ROOT = Path(algconv.__file__).resolve().parent.parent

PRELUDE = '''
import math, sys
from fractions import Fraction
import numpy as np
import algconv as ac

def refused(fn, limit="memory_limit"):
    """Run fn; it must raise InvalidArgument naming an estimate and the limit."""
    try:
        fn()
    except ac.InvalidArgument as e:
        message = str(e)
        assert f"algconv.config.{limit}=" in message, message
        assert "would need about" in message or "would take about" in message, message
        print("refused:", message)
        return message
    raise AssertionError(f"not refused: {fn}")
'''


def _cap_address_space() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _env() -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1",
               OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    env.pop("PYTHONSTARTUP", None)
    return env


def run_capped(args: list[str], seconds: float = SECONDS) -> subprocess.CompletedProcess:
    """Run ``python args...`` under the address-space cap and the time bound."""
    try:
        return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                              timeout=seconds, preexec_fn=_cap_address_space, env=_env(),
                              cwd=str(ROOT))
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish within {seconds} s under a {ADDRESS_SPACE >> 30} GiB "
                    f"address-space cap: {args[-1][-300:]}")


def run_python(code: str, seconds: float = SECONDS) -> str:
    """Run ``code`` (after ``PRELUDE``) capped; it must exit cleanly. Returns its stdout."""
    result = run_capped(["-c", PRELUDE + textwrap.dedent(code)], seconds)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


# --- 13.4: every entry point refuses what does not fit --------------------------------------


def test_bitmask_transforms_refuse_huge_lengths():
    out = run_python("""
        x = np.ones(2**27, dtype=np.int8)
        for name in ("xor", "or", "and"):
            message = refused(lambda: getattr(ac, "convolve_" + name)(x, x))
            assert "2**27" in message
        y = np.ones(2**24, dtype=np.int8)
        refused(lambda: ac.convolve_subset(y, y))
        big = np.random.default_rng(0).integers(-2**62, 2**62, 2**24)
        refused(lambda: ac.convolve_xor(big, big))  # products leave int64: Python ints
        # what fits still answers: checked against the direct XOR sum
        a = np.arange(8) - 3
        b = np.array([2, 0, 1, 0, 0, 5, 0, 1])
        want = [sum(int(a[i]) * int(b[i ^ c]) for i in range(8)) for c in range(8)]
        assert ac.convolve_xor(a, b).tolist() == want
    """)
    assert out.count("refused:") == 5


def test_dirichlet_refuses_3e8_values():
    run_python("""
        x = np.ones(3 * 10**8, dtype=np.int8)
        refused(lambda: ac.convolve_dirichlet(x, x))
    """)


def test_float_filter_refuses_a_huge_image():
    run_python("""
        image = np.zeros((20000, 20000), dtype=np.uint8)  # 400 MB; as float64 3.2 GB
        refused(lambda: ac.filter(image, np.ones((3, 3)) / 9))
    """)


def test_inverse_on_boolean_group_refuses_before_building_work_arrays():
    run_python("""
        f = ac.Function({0: 2, 1: 1}, over=ac.BooleanGroup(26))
        refused(lambda: ac.inverse(f))
    """)


def test_conv_layer_refuses_its_window_copy():
    run_python("""
        x = np.zeros((8, 3, 1000, 1000), dtype=np.float32)
        w = np.zeros((64, 3, 5, 5), dtype=np.float32)
        refused(lambda: ac.linear.conv_layer(x, w))
    """)


def test_cayley_graph_of_s10_is_refused():
    run_python("""
        n = 10
        gens = [(1, 0) + tuple(range(2, n)), tuple(range(1, n)) + (0,)]
        refused(lambda: ac.graphs.cayley_graph(ac.SymmetricGroup(n), gens))
    """)


def test_elements_identities_and_deltas_of_huge_structures():
    out = run_python("""
        refused(lambda: ac.DihedralGroup(20000).elements())
        refused(lambda: ac.SymmetricGroup(10**9).identity)
        refused(lambda: ac.delta(over=ac.SymmetricGroup(10**9)))
        refused(lambda: ac.Lattice(10**10).identity)
        refused(lambda: ac.delta(over=ac.Lattice(10**10)))
        assert ac.DihedralGroup(200).elements()[1] == tuple((-i) % 200 for i in range(200))
    """)
    assert "DihedralGroup(20000)" in out and "Lattice(10000000000)" in out


def _huge_npy(path: Path) -> None:
    header = {"descr": "<f8", "fortran_order": False, "shape": (10**11,)}
    with open(path, "wb") as fh:
        np.lib.format.write_array_header_1_0(fh, header)
        fh.write(b"\0" * 64)


def test_npy_header_claiming_1e11_values_is_refused_before_loading(tmp_path):
    path = tmp_path / "huge.npy"
    _huge_npy(path)
    result = run_capped(["-m", "algconv", "conv", str(path), "[1, 2]"])
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "100000000000" in result.stderr and "memory_limit" in result.stderr
    run_python(f"""
        refused(lambda: ac.config.check_npy({str(path)!r}, "f"))
    """)


# --- 13.5: cost estimates that do not lead into hangs ---------------------------------------


def test_dihedral_1500_cayley_table_is_built_vectorised():
    run_python("""
        D = ac.DihedralGroup(1500)
        T = D.cayley_table()
        els = D.elements()
        rng = np.random.default_rng(0)
        for i, j in rng.integers(0, D.order, size=(50, 2)):
            a, b = els[i], els[j]
            product = tuple(b[x] for x in a)  # first a, then b
            assert els[T[i, j]] == product
    """)


@pytest.mark.slow
def test_coin_power_32768_uses_the_exact_engine():
    run_python("""
        coin = ac.Function({0: 1, 1: 1}, over=ac.Integers())
        h = coin ** 32768
        for k in (0, 1, 100, 16384, 32768):
            assert h(k) == math.comb(32768, k)
    """, seconds=150)


def test_powers_with_growing_values_are_refused_and_bounded_ones_answer():
    run_python("""
        f = ac.Function({0: 1, 1: 1}, over=ac.Cyclic(3))
        refused(lambda: f ** 2**64)
        g = ac.Function({0: 0.5, 1: 0.5}, over=ac.Cyclic(3))
        h = g ** 2**64  # floats stay 8 bytes: 64 squarings
        assert all(abs(h(x) - 1 / 3) < 1e-12 for x in range(3))
        one = ac.Function({1: 1}, over=ac.Cyclic(3))
        assert (one ** 2**64).to_dict() == {2**64 % 3: 1}
    """)


def test_dice_and_exact_random_walks_refuse_with_an_estimate():
    out = run_python("""
        refused(lambda: ac.probability.dice(10**6))
        step = ac.Function({-1: Fraction(1, 2), 1: Fraction(1, 2)}, over=ac.Integers())
        refused(lambda: ac.probability.random_walk(step, 10**6))
        ring = ac.Function({1: Fraction(1, 2), 5: Fraction(1, 2)}, over=ac.Cyclic(6))
        with ac.config.limit_time(1):
            refused(lambda: ac.probability.random_walk(ring, 10**6), limit="time_limit")
        walk = ac.probability.random_walk(ring, 1000)  # small ones answer, exactly
        assert walk(0) == Fraction(sum(math.comb(1000, j) for j in range(1001)
                                       if (2 * j - 1000) % 6 == 0), 2**1000)
    """)
    assert "f ** 1000000" in out


def test_choose_method_measure_skips_candidates_that_would_take_long():
    out = run_python("""
        a = np.random.default_rng(0).standard_normal(10**6)
        choice = ac.choose_method(a, a, measure=True)
        print(choice)
        notes = {name: note for name, cost, note in choice.candidates}
        assert notes["direct"].startswith("not measured")
        assert choice.method in ("fft", "overlap-add")
    """)
    assert "measured" in out


def test_from_cayley_table_validates_2000_x_2000_quickly():
    run_python("""
        n = 2000
        table = (np.arange(n)[:, None] + np.arange(n)[None, :]) % n
        G = ac.FiniteGroup.from_cayley_table(table)
        assert G.op(1999, 5) == 4
        D = ac.DihedralGroup(1000)  # order 2000, not commutative
        H = ac.FiniteGroup.from_cayley_table(np.array(D.cayley_table()))
        assert not H.is_commutative
        broken = np.array(D.cayley_table())
        broken[[5, 7]] = broken[[7, 5]]  # rows swapped: no longer a group table
        try:
            ac.FiniteGroup.from_cayley_table(broken)
        except ac.InvalidStructure as e:
            print("rejected:", e.law)
        else:
            raise AssertionError("a broken table was accepted")
    """)


def test_laws_on_a_huge_symmetric_group_is_refused():
    for spec in ("S999999999999999999", "D999999999999999999"):
        result = run_capped(["-m", "algconv", "laws", spec])
        assert result.returncode == 2, result.stderr[-2000:]
        assert "Traceback" not in result.stderr
        assert "would need about" in result.stderr and "memory_limit" in result.stderr


def test_exact_engine_plans_flint_for_big_integers_within_memory():
    # 2049 values of up to 2048 bits: limb-split FFTs need one spectrum per limb (about
    # 23 MB), python-flint about 9 MB; the plan must see that and keep 'exact'
    pytest.importorskip("flint")
    coin = algconv.Function({0: 1, 1: 1}, over=algconv.Integers())
    h = coin ** 2048
    with algconv.config.limit_memory(15 * 10**6):
        choice = algconv.choose_method(h, h)
        assert choice.method == "exact", str(choice)
        square = h * h
    assert square(2048) == math.comb(4096, 2048)
