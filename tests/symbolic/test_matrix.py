"""ac.symbolic.conv_matrix: the layer's matrix times a vector is the convolution, symbolically
and numerically."""

import numpy as np
import pytest
import sympy as sp

import algconv as ac


@pytest.mark.parametrize("mode", ["valid", "full", "same"])
def test_symbolic_matrix_times_vector_is_the_convolution(mode):
    w = sp.symbols("w0:3")
    x = sp.symbols("x0:5")
    M = ac.symbolic.conv_matrix(w, 5, mode=mode)
    got = [sp.expand(v) for v in M * sp.Matrix(x)]
    # the definition, written out: (x * w)[k] = sum_i x[i] w[k - i], cropped as scipy crops
    full = [sp.expand(sum(x[i] * w[k - i] for i in range(5) if 0 <= k - i < 3)) for k in range(7)]
    start = {"full": 0, "same": 1, "valid": 2}[mode]
    length = {"full": 7, "same": 5, "valid": 3}[mode]
    assert got == full[start : start + length]


def test_shared_weights_and_zeros():
    w = sp.symbols("a b")
    M = ac.symbolic.conv_matrix(w, 4)
    assert M.shape == (3, 4)
    assert [M[i, i] for i in range(3)] == [w[1]] * 3 and [M[i, i + 1] for i in range(3)] == [w[0]] * 3
    assert M[0, 2] == 0 and M[2, 0] == 0


def test_numeric_kernel_agrees_with_convolve():
    rng = np.random.default_rng(0)
    k, x = rng.integers(-5, 5, (2, 3)), rng.integers(-5, 5, (4, 5))
    M = ac.symbolic.conv_matrix(k, (4, 5), mode="full")
    got = np.array(M * sp.Matrix(x.ravel()), dtype=np.int64).ravel()
    assert (got == ac.convolve(x, k, mode="full").ravel()).all()
