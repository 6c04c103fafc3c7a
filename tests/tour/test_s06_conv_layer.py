import numpy as np
import scipy.signal

from algconv.tour import s06_conv_layer as s

from .figures import luminance


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


def test_run(ctx, figures):
    s.run(ctx)
    truth = scipy.signal.convolve2d(s.small_image(), s.KERNEL_2D, mode="valid")
    assert f"layer output row 2: {truth[2].tolist()}" in ctx.text
    assert f"each of the {truth.size} 3x3 patches" in ctx.text
    assert "mode='valid'): True" in ctx.text
    assert "(M @ x)[0] = w0*x2 + w1*x1 + w2*x0" in ctx.text
    assert "[ w2,  w1,  w0,   0,   0,   0]" in ctx.text
    assert f"M @ x             = {np.convolve(s.INPUT, s.KERNEL, 'valid').tolist()}" \
        in ctx.text
    assert "weights are the Sobel kernel flipped (rows and columns reversed)" in ctx.text
    assert "holds the kernel reversed" in s.STEP.explanation
    matrix = figures["conv_layer_matrix.png"].axes[0]
    assert "reversed, [-1, 2, 1]" in matrix.get_title()
    layer = figures["conv_layer_2d.png"]
    panels = {ax.get_title(): ax for ax in layer.axes if ax.images}
    weights = np.asarray(panels["neuron weights = k flipped"].images[0].get_array())
    assert np.array_equal(weights, s.KERNEL_2D[::-1, ::-1])
    for ax in list(panels.values()) + [matrix]:
        image = ax.images[0]
        data = np.asarray(image.get_array())
        assert len(ax.texts) == data.size
        for text in ax.texts:  # legible: 10 pt or more, dark on light or light on dark
            j, i = (round(v) for v in text.get_position())
            assert text.get_text() == str(int(data[i, j]))
            assert text.get_fontsize() >= 10
            cell = image.cmap(image.norm(data[i, j]))
            from matplotlib.colors import to_rgba
            assert abs(luminance(to_rgba(text.get_color())) - luminance(cell)) > 0.35
