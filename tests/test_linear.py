"""Tests of algconv.linear: matrices equal convolutions, and the layer equals its matrix."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
import scipy.linalg
import scipy.signal
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import algconv as ac
from algconv import strategies
from algconv.linear import circulant, conv_layer, conv_matrix, layer_matrix, regular_representation

SHAPES_1D = [(5, 3), (3, 5), (4, 4), (1, 1), (6, 1), (1, 6)]
SHAPES_2D = [((4, 6), (2, 3)), ((2, 3), (4, 6)), ((3, 3), (3, 3)), ((5, 2), (2, 2))]


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("n, m", SHAPES_1D)
def test_conv_matrix_1d_equals_convolve(n, m, mode):
    rng = np.random.default_rng(n * 10 + m)
    x, k = rng.integers(-9, 9, n), rng.integers(-9, 9, m)
    M = conv_matrix(k, n, mode)
    assert np.array_equal(M @ x, ac.convolve(x, k, mode=mode))
    assert np.array_equal(M @ x, scipy.signal.convolve(x, k, mode=mode, method="direct"))


def test_conv_matrix_full_is_scipys_toeplitz():
    k = np.array([1, 2, 3])
    col = np.r_[k, np.zeros(3, dtype=int)]
    assert np.array_equal(conv_matrix(k, 4, "full"), scipy.linalg.toeplitz(col, [1, 0, 0, 0]))
    assert np.array_equal(conv_matrix(k, 4, "full"), scipy.linalg.convolution_matrix(k, 4))


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("n, m", SHAPES_2D)
def test_conv_matrix_2d_is_doubly_block_toeplitz(n, m, mode):
    rng = np.random.default_rng(sum(n) + 7 * sum(m))
    x, k = rng.standard_normal(n), rng.standard_normal(m)
    M = conv_matrix(k, n, mode)
    want = ac.convolve(x, k, mode=mode)
    np.testing.assert_allclose(M @ x.ravel(), want.ravel(), atol=1e-12)
    np.testing.assert_allclose(want, scipy.signal.convolve2d(x, k, mode=mode), atol=1e-12)
    if mode == "full":  # blocks: M[block i, block j] depends only on i - j, each Toeplitz
        rows, cols = want.shape[1], n[1]
        blocks = {}
        for i, j in itertools.product(range(want.shape[0]), range(n[0])):
            block = M[i * rows:(i + 1) * rows, j * cols:(j + 1) * cols]
            blocks.setdefault(i - j, block)
            assert np.array_equal(block, blocks[i - j])


def test_conv_matrix_exact_values():
    k = [Fraction(1, 2), Fraction(1, 3)]
    M = conv_matrix(k, 3, "full")
    assert M.dtype == object and M[1, 0] == Fraction(1, 3)
    x = np.array([1, 2, 3])
    assert list(M @ x) == list(ac.convolve(x.astype(object), np.array(k, dtype=object)))
    big = conv_matrix([2**62, 1], 2, "full")
    assert big.dtype == np.int64 and big[0, 0] == 2**62


def test_conv_matrix_symbolic_kernel():
    a, b, c = sympy.symbols("a b c")
    x = sympy.symbols("x0:4")
    M = conv_matrix([a, b, c], 4, "same")
    out = M @ np.array(x, dtype=object)
    full = [sum((k * x[i - j] for j, k in enumerate([a, b, c]) if 0 <= i - j < 4), 0)
            for i in range(6)]
    assert [sympy.expand(u - v) for u, v in zip(out, full[1:5])] == [0] * 4


@pytest.mark.parametrize("n", [1, 2, 5, 8])
def test_circulant_equals_cyclic_convolution_and_scipy(n):
    rng = np.random.default_rng(n)
    k, x = rng.integers(-5, 5, n), rng.integers(-5, 5, n)
    C = circulant(k)
    assert np.array_equal(C, scipy.linalg.circulant(k))
    assert np.array_equal(C @ x, ac.convolve(x, k, over=ac.Cyclic(n)))


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_regular_representation_on_finite_groups(data):
    G = data.draw(strategies.finite_groups(max_order=12))
    f = data.draw(strategies.functions(G, max_support=5))
    g = data.draw(strategies.functions(G, max_support=5))
    L = regular_representation(f)
    assert np.array_equal(L @ g.to_array(), (f * g).to_array())
    # an algebra homomorphism
    assert np.array_equal(regular_representation(f * g), L @ regular_representation(g))
    # independent truth: L[c, b] = f(c b^-1)
    els = G.elements()
    for (ci, c), (bi, b) in itertools.product(enumerate(els), repeat=2):
        assert L[ci, bi] == f(G.op(c, G.inverse(b)))


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_regular_representation_on_finite_monoids(data):
    M = data.draw(strategies.finite_monoids(max_order=16))
    f = data.draw(strategies.functions(M, strategies.values("rational"), max_support=4))
    g = data.draw(strategies.functions(M, max_support=4))
    assert list(regular_representation(f) @ g.to_array()) == list((f * g).to_array())


def _layer_by_loops(x, w, b, stride, padding):
    """Independent truth: the deep-learning definition, one multiply-add at a time."""
    d = w.ndim - 2
    xp = np.pad(x, [(0, 0), (0, 0)] + [(padding, padding)] * d)
    out = tuple((s - k) // stride + 1 for s, k in zip(xp.shape[2:], w.shape[2:]))
    y = np.zeros((x.shape[0], w.shape[0]) + out, dtype=float)
    for nb, o in itertools.product(range(x.shape[0]), range(w.shape[0])):
        for i in np.ndindex(out):
            acc = b[o]
            for c in range(w.shape[1]):
                for kk in np.ndindex(w.shape[2:]):
                    acc += w[(o, c) + kk] * xp[(nb, c) + tuple(
                        ii * stride + kj for ii, kj in zip(i, kk))]
            y[(nb, o) + i] = acc
    return y


@pytest.mark.parametrize("d", [1, 2])
@pytest.mark.parametrize("stride, padding", [(1, 0), (2, 0), (1, 2), (2, 1), (3, 1)])
def test_layer_equals_matrix_correlate_and_convolve(d, stride, padding):
    rng = np.random.default_rng(10 * d + stride + 3 * padding)
    x = rng.standard_normal((2, 3) + (7,) * d)  # batch 2, 3 input channels
    w = rng.standard_normal((4, 3) + (3,) * d)  # 4 output channels
    b = rng.standard_normal(4)
    y = conv_layer(x, w, b, stride=stride, padding=padding)
    np.testing.assert_allclose(y, _layer_by_loops(x, w, b, stride, padding), atol=1e-12)
    M = layer_matrix(w, x.shape[1:], stride=stride, padding=padding)
    flip = (slice(None, None, -1),) * d
    step = (slice(None, None, stride),) * d
    for nb in range(2):
        out_size = y[nb, 0].size
        np.testing.assert_allclose(y[nb].ravel(), M @ x[nb].ravel() + np.repeat(b, out_size),
                                   atol=1e-12)
        xp = np.pad(x[nb], [(0, 0)] + [(padding, padding)] * d)
        for o in range(4):
            corr = sum(ac.correlate(xp[c], w[o, c], mode="valid") for c in range(3))
            conv = sum(ac.convolve(xp[c], w[o, c][flip], mode="valid") for c in range(3))
            np.testing.assert_allclose(y[nb, o], corr[step] + b[o], atol=1e-12)
            np.testing.assert_allclose(y[nb, o], conv[step] + b[o], atol=1e-12)


def test_layer_exact_and_unbatched():
    x = np.array([[1, 2, 3], [0, 1, 0]])  # 2 channels, no batch axis
    w = np.array([[[Fraction(1, 2), 1], [2, Fraction(-1, 3)]]], dtype=object)
    y = conv_layer(x, w, bias=[Fraction(1, 6)])
    expected = [Fraction(1, 2) * 1 + 2 + 2 * 0 - Fraction(1, 3) + Fraction(1, 6),
                Fraction(1, 2) * 2 + 3 + 2 - 0 + Fraction(1, 6)]
    assert y.shape == (1, 2) and list(y[0]) == expected
    assert conv_layer(np.full((1, 3), 2**40), np.full((1, 1, 2), 2**40))[0, 0] == 2**81


def test_layer_with_symbolic_weights_matches_its_matrix():
    w = np.array(sympy.symbols("w0:3"), dtype=object).reshape(1, 1, 3)
    x = np.arange(1, 6).reshape(1, 5)
    y = conv_layer(x, w, padding=1)
    M = layer_matrix(w, (1, 5), padding=1)
    assert [sympy.expand(u - v) for u, v in zip(y.ravel(), M @ x.ravel())] == [0] * 5


BAD = [
    (lambda: conv_matrix([1, 2], 3, mode="middle"), ac.InvalidArgument, "mode='middle'"),
    (lambda: conv_matrix([1, 2], 0), ac.InvalidArgument, ">= 1"),
    (lambda: conv_matrix([], 3), ac.InvalidArgument, "non-empty"),
    (lambda: conv_matrix([[1, 2]], 3), ac.StructureMismatch, "2 dimensions"),
    (lambda: conv_matrix([1, 2], "3"), ac.InvalidType, "n='3'"),
    (lambda: conv_matrix([[1, 2, 3]], (3, 2), "valid"), ac.InvalidArgument, "valid"),
    (lambda: circulant([[1]]), ac.StructureMismatch, "1-D"),
    (lambda: regular_representation([1, 2]), ac.InvalidType, "Function"),
    (lambda: regular_representation(ac.delta(over=ac.Integers())), ac.InvalidArgument, "finite"),
    (lambda: conv_layer(np.ones((2, 5)), np.ones((1, 3, 2))), ac.StructureMismatch, "channels"),
    (lambda: conv_layer(np.ones((1, 2)), np.ones((1, 1, 3))), ac.InvalidArgument, "not fit"),
    (lambda: conv_layer(np.ones((1, 5)), np.ones((1, 1, 2)), stride=0), ac.InvalidArgument,
     "stride"),
    (lambda: conv_layer(np.ones((1, 5)), np.ones((1, 1, 2)), bias=[1, 2]),
     ac.StructureMismatch, "bias"),
    (lambda: conv_layer(np.ones((1, 5)), np.ones((1, 2))), ac.InvalidArgument, "C_out"),
    (lambda: layer_matrix(np.ones((1, 1, 2)), [1, 5]), ac.InvalidType, "input_shape"),
]


@pytest.mark.parametrize("call, error, match", BAD)
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()
