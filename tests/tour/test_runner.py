import io

import pytest

import algconv as ac
from algconv.tour import STEPS, Step, StepResult, find_step, run_tour, write_index
from algconv.tour._base import Output


def test_ten_steps_in_order_with_unique_keys():
    assert [s.number for s in STEPS] == list(range(1, 11))
    assert len({s.key for s in STEPS}) == 10
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
