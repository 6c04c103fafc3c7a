import re

import numpy as np
import pytest

from algconv.engines import ENGINES
from algconv.tour import StepSkipped
from algconv.tour import s07_fft_timing as s

needs_fft = pytest.mark.skipif("fft" not in ENGINES,
                               reason="the fft engine has not landed (numeric-fft)")


def test_fit_slope_recovers_power_laws():
    n = np.array([100, 200, 400, 800])
    assert s.fit_slope(n, 3e-9 * n**2) == pytest.approx(2)
    assert s.fit_slope(n, 5e-7 * n) == pytest.approx(1)


@needs_fft
def test_sweep_rows_and_fits():
    sizes = (64, 128, 2048, 4096)
    r = s.sweep(sizes=sizes, repeat=1)
    assert [row[0] for row in r["rows"]] == list(sizes)
    rng = np.random.default_rng(0)
    for n, td, tf, diff in r["rows"]:
        x, y = rng.standard_normal(n), rng.standard_normal(n)  # the sweep's inputs, same seed
        truth = np.convolve(x, y)
        fft = np.asarray(__import__("algconv").convolve(x, y, method="fft"))
        assert np.max(np.abs(fft - truth)) < 1e-10 * n
        assert td > 0 and tf > 0 and diff < 1e-10 * n
    ns, td, tf = (np.array(c) for c in list(zip(*r["rows"]))[:3])
    assert r["fit_from"] == 2048
    assert r["slope_direct"] == pytest.approx(np.polyfit(np.log(ns[2:]), np.log(td[2:]), 1)[0])
    assert r["slope_fft"] == pytest.approx(np.polyfit(np.log(ns[2:]), np.log(tf[2:]), 1)[0])


@needs_fft
def test_run_prints_the_measured_rows(ctx, monkeypatch):
    monkeypatch.setattr(s, "SIZES", (1024, 2048, 4096))
    s.run(ctx)
    rows = re.findall(r"^\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$", ctx.text, re.M)
    assert [int(r[0]) for r in rows] == [1024, 2048, 4096]
    for _, td, tf, ratio, diff in rows:
        assert float(ratio) == pytest.approx(float(td) / float(tf), rel=0.06)
        assert float(diff) < 1e-9
    ns = np.array([2048, 4096])
    slope = s.fit_slope(ns, [float(rows[1][1]), float(rows[2][1])])
    printed = float(re.search(r"direct (-?[\d.]+) \(O", ctx.text).group(1))
    assert printed == pytest.approx(slope, abs=0.03)  # printed from unrounded times
    assert (ctx.out / "fft_vs_direct.png").exists()


def test_skips_without_fft_engine(ctx):
    if "fft" in ENGINES:
        pytest.skip("the fft engine is present")
    with pytest.raises(StepSkipped, match="'fft' engine"):
        s.run(ctx)
