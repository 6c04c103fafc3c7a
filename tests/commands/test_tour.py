"""``algconv tour``: the whole walkthrough into a folder, and nothing outside it."""

import pytest
from PIL import Image

from algconv.cli import main


@pytest.mark.slow
def test_full_tour_writes_pictures_and_index(tmp_path, monkeypatch, capsys):
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    out = tmp_path / "tour"
    assert main(["tour", "--out", str(out)]) == 0
    stdout, stderr = capsys.readouterr()
    names = sorted(p.name for p in out.iterdir())
    gifs = [n for n in names if n.endswith(".gif")]
    pngs = [n for n in names if n.endswith(".png")]
    assert len(gifs) >= 1 and len(pngs) >= 8 and "index.html" in names
    assert {"echo_input.wav", "echo_output.wav"} <= set(names)
    assert Image.open(out / gifs[0]).n_frames > 10
    html = (out / "index.html").read_text()
    for n in pngs + gifs:
        assert f"src='{n}'" in html
    positions = [html.index(f"<h2>{k}. ") for k in range(1, 12)]
    assert positions == sorted(positions)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "tour"]
    assert list(work.iterdir()) == []
    assert "11/11 step 11" in stderr and "algconv tour: 11 steps ran, 0 failed;" in stderr


def test_only_and_bad_step(tmp_path, capsys):
    assert main(["tour", "--out", str(tmp_path), "--only", "dirichlet"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dirichlet.png", "index.html"]
    capsys.readouterr()
    assert main(["tour", "--out", str(tmp_path), "--only", "99"]) == 2
    assert "only valid steps are 1 (ball-drop)" in capsys.readouterr().err


def test_failure_exits_1(tmp_path, monkeypatch, capsys):
    from algconv.tour import s10_dirichlet

    def boom(n=12):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(s10_dirichlet, "dirichlet_table", boom)
    assert main(["tour", "--out", str(tmp_path), "--only", "10"]) == 1
    err = capsys.readouterr().err
    assert "step 10 (Dirichlet convolution) failed: RuntimeError: broken on purpose" in err


def test_out_is_a_file_exits_1(tmp_path, capsys):
    target = tmp_path / "file"
    target.write_text("x")
    assert main(["tour", "--out", str(target), "--only", "1"]) == 1
    assert "cannot write into --out" in capsys.readouterr().err


def test_missing_matplotlib_says_so(tmp_path, monkeypatch, capsys):
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert main(["tour", "--out", str(tmp_path / "t")]) == 2
    assert 'pip install -e ".[plot]"' in capsys.readouterr().err  # the tests run in a clone


def test_only_runs_in_walkthrough_order_once(tmp_path, capsys):
    assert main(["tour", "--out", str(tmp_path), "--only", "10", "--only", "ball-drop",
                 "--only", "1"]) == 0
    out = capsys.readouterr().out
    assert out.count("== 1. Ball drop") == 1
    assert out.index("== 1. Ball drop") < out.index("== 10. Dirichlet")
