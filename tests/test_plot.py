import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

import algconv as ac
from algconv.plot import MissingExtra


def labelled(fig):
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>":
            continue
        assert ax.get_title(), "every panel has a title"
        assert ax.get_xlabel() or ax.get_ylabel(), "every panel has an axis label"


def test_import_algconv_does_not_import_matplotlib():
    code = "import sys, algconv; print('matplotlib' in sys.modules, 'PIL' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_missing_matplotlib_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtra, match=r'pip install -e "\.\[plot\]"'):  # in a clone
        ac.plot.plot_functions([1], [1])
    assert issubclass(MissingExtra, ac.AlgconvError)


def test_plot_functions_arrays_and_functions(tmp_path):
    path = tmp_path / "f.png"
    fig = ac.plot.plot_functions([1, 2], [1, 1], path=path)
    labelled(fig)
    assert [ax.get_title() for ax in fig.axes] == ["f", "g", "f * g"]
    heights = [p.get_height() for p in fig.axes[2].patches]
    assert heights == [1, 3, 2]
    assert Image.open(path).size[0] > 500
    S3 = ac.SymmetricGroup(3)
    f = ac.delta((1, 0, 2), over=S3)
    fig = ac.plot.plot_functions(f, f)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()][:2] == ["(0, 1, 2)",
                                                                        "(0, 2, 1)"]
    z = ac.Function({-2: 1, 0: 1}, over=ac.Integers())
    fig = ac.plot.plot_functions(z, z)
    assert [p.get_x() + p.get_width() / 2 for p in fig.axes[2].patches] == [-4, -3, -2, -1, 0]


def test_plot_functions_rejects_2d():
    with pytest.raises(ac.InvalidArgument, match="1-D"):
        ac.plot.plot_functions(np.ones((2, 2)), [1])


def test_flip_and_slide_gif(tmp_path):
    path = tmp_path / "s.gif"
    fig = ac.plot.flip_and_slide([1] * 6, [1] * 6, path, frames=8)
    labelled(fig)
    gif = Image.open(path)
    assert gif.n_frames == 8
    frames = []
    for i in range(gif.n_frames):
        gif.seek(i)
        frames.append(np.asarray(gif.convert("RGB")))
    assert not np.array_equal(frames[0], frames[4]), "the frames differ: g slides"
    with pytest.raises(ac.InvalidArgument, match=".gif"):
        ac.plot.flip_and_slide([1], [1], tmp_path / "s.png")


def test_slide_still_overlap_title():
    fig = ac.plot.slide_still([1, 1, 1, 1], [1, 1], 2)
    labelled(fig)
    assert fig.axes[0].get_title().endswith("overlap sum = 2")  # np.convolve([1]*4, [1]*2)[2]


def test_show_kernels(tmp_path):
    img = np.zeros((10, 10))
    img[3:7, 3:7] = 1
    fig = ac.plot.show_kernels(img, {"blur": np.ones((3, 3)) / 9, "edge": [[0, 1, 0],
                                                                          [1, -4, 1],
                                                                          [0, 1, 0]]},
                               path=tmp_path / "k.png")
    assert [ax.get_title() for ax in fig.axes] == ["image", "blur", "edge"]
    shown = fig.axes[1].images[0].get_array()
    np.testing.assert_allclose(shown, np.clip(ac.convolve(img, np.ones((3, 3)) / 9,
                                                          mode="same"), 0, 1))
    assert (tmp_path / "k.png").exists()
    with pytest.raises(ac.InvalidArgument, match="2-D"):
        ac.plot.show_kernels(np.ones(4), {})


def test_plot_cayley_graph(tmp_path):
    fig = ac.plot.plot_cayley_graph(ac.Cyclic(5), [1], path=tmp_path / "c.png")
    assert fig.axes[0].get_title() == "Cayley graph of Cyclic(5)"
    assert (tmp_path / "c.png").exists()


def test_plot_cayley_graph_layout_names_and_involutions():
    D4 = ac.DihedralGroup(4)
    r, s = (1, 2, 3, 0), (3, 2, 1, 0)
    elements = D4.elements()
    layout = {x: (float(i), float(i % 3)) for i, x in enumerate(elements)}
    labels = {x: f"x{i}" for i, x in enumerate(elements)}
    fig = ac.plot.plot_cayley_graph(D4, [r, s], layout=layout, labels=labels,
                                    generator_names=["rotate", "reflect"])
    ax = fig.axes[0]
    assert sorted(t.get_text() for t in ax.texts) == sorted(labels.values())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["rotate", "reflect"]
    nodes = ax.collections[0].get_offsets()
    assert sorted(map(tuple, np.asarray(nodes))) == sorted(layout.values())
    arrows = [p for p in ax.patches if hasattr(p, "get_arrowstyle")]
    # rotate: 8 directed edges with heads; reflect (s . s = e): 4 undirected lines, once each
    heads = [p for p in arrows if type(p.get_arrowstyle()).__name__ == "CurveFilledB"]
    lines = [p for p in arrows if type(p.get_arrowstyle()).__name__ == "Curve"]
    assert (len(heads), len(lines)) == (8, 4)
    with pytest.raises(ac.InvalidArgument, match="one name for each"):
        ac.plot.plot_cayley_graph(D4, [r, s], generator_names=["rotate"])
