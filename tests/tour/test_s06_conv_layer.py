import numpy as np
import scipy.signal

from algconv.tour import s06_conv_layer as s


def test_patch_layer_is_valid_convolution():
    img = s.small_image()
    r = s.patch_layer(img)
    truth = scipy.signal.convolve2d(img, s.KERNEL_2D, mode="valid")
    assert np.array_equal(r["layer"], truth)
    assert np.array_equal(r["conv"], truth)
    # one neuron per patch: output[i, j] = sum(patch * flipped kernel), by hand
    assert r["layer"][1, 1] == sum(img[1 + u, 1 + v] * s.KERNEL_2D[2 - u, 2 - v]
                                   for u in range(3) for v in range(3))


def test_layer_matrix():
    r = s.layer_matrix()
    k, x = s.KERNEL, s.INPUT
    n_out = len(x) - len(k) + 1
    M = np.zeros((n_out, len(x)), dtype=int)
    for i in range(n_out):
        M[i, i:i + len(k)] = k[::-1]
    assert np.array_equal(r["M"], M)
    assert np.array_equal(r["Mx"], np.convolve(x, k, mode="valid"))


def test_symbolic_matrix():
    import sympy

    M, x, w = s.symbolic_matrix()
    assert sympy.expand((M * x)[0] - (w[2] * x[0] + w[1] * x[1] + w[0] * x[2])) == 0


def test_run(ctx):
    s.run(ctx)
    truth = scipy.signal.convolve2d(s.small_image(), s.KERNEL_2D, mode="valid")
    assert f"layer output row 2: {truth[2].tolist()}" in ctx.text
    assert f"each of the {truth.size} 3x3 patches" in ctx.text
    assert "mode='valid'): True" in ctx.text
    assert "(M @ x)[0] = w0*x2 + w1*x1 + w2*x0" in ctx.text
    assert "[ w2,  w1,  w0,   0,   0,   0]" in ctx.text
    assert f"M @ x             = {np.convolve(s.INPUT, s.KERNEL, 'valid').tolist()}" \
        in ctx.text
