import io
import re
from pathlib import Path

import pytest

import algconv as ac
from algconv.tour import STEPS, Step, StepResult, find_step, run_tour, write_index
from algconv.tour._base import Output


def test_eleven_steps_in_order_with_unique_keys():
    assert [s.number for s in STEPS] == list(range(1, 12))
    assert len({s.key for s in STEPS}) == 11
    assert all(s.title and len(s.explanation) > 100 for s in STEPS)


def test_find_step():
    assert find_step(3) is find_step("3") is find_step("echo")
    with pytest.raises(ac.InvalidArgument, match="only valid steps"):
        find_step("nope")


def test_write_index_escapes_and_orders(tmp_path):
    step = Step(1, "k", "A <b>", "x & y", lambda ctx: None)
    results = [StepResult(step, "ok", 0.1, "1 < 2\n", [Output("p.png", "cap"),
                                                       Output("s.wav", "snd")]),
               StepResult(Step(2, "m", "B", "z", lambda ctx: None), "failed", 0, "",
                          error="RuntimeError: <x>")]
    html = write_index(tmp_path, results).read_text()
    assert "<h2>1. A &lt;b&gt;</h2>" in html and "x &amp; y" in html and "1 &lt; 2" in html
    assert "<img src='p.png'" in html and "<audio controls src='s.wav'>" in html
    assert "<p class='failed'>failed: RuntimeError: &lt;x&gt;</p>" in html
    assert html.index("<h2>1.") < html.index("<h2>2.")


def test_run_tour_reports_progress(tmp_path):
    progress, out = io.StringIO(), io.StringIO()
    results = run_tour(tmp_path, only=["10"], stream=out, progress=progress)
    assert [r.status for r in results] == ["ok"]
    assert "[#] 1/1 step 10: Dirichlet convolution ..." in progress.getvalue()
    assert "== 10. Dirichlet convolution ==" in out.getvalue()


def test_index_has_contents_math_and_links(tmp_path):
    from algconv.tour._runner import ESSAY, EXAMPLE_SCRIPTS

    results = [StepResult(s, "ok", 0.0) for s in STEPS]
    html = write_index(tmp_path, results).read_text()
    contents = re.search(r"<nav>(.*?)</nav>", html, re.S).group(1)
    anchors = re.findall(r"<li value='(\d+)'><a href='#([^']+)'>", contents)
    assert anchors == [(str(s.number), s.key) for s in STEPS]
    for _, key in anchors:  # every entry lands on its section
        assert html.count(f"<section id='{key}'>") == 1
    assert "<math display='block'>" in html and "<munder><mo>&#x2211;</mo>" in html
    assert "<script" not in html and "$$" not in html  # rendered by the browser, offline
    assert f"<a href='{ESSAY}'>Understanding Convolutions</a>" in html
    assert "colah.github.io" in ESSAY
    examples = Path(__file__).resolve().parents[2] / "examples"
    for number, script in EXAMPLE_SCRIPTS.items():
        assert (examples / script).exists() and script.startswith(f"{number:02d}_")
        assert f"examples/{script}</code></a>" in html
    assert set(EXAMPLE_SCRIPTS) == {s.number for s in STEPS}
