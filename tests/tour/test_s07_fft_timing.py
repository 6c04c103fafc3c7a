import numpy as np
import pytest

from algconv.engines import ENGINES
from algconv.tour import s07_fft_timing as s


def test_fit_slope_recovers_power_laws():
    n = np.array([100, 200, 400, 800])
    assert s.fit_slope(n, 3e-9 * n**2) == pytest.approx(2)
    assert s.fit_slope(n, 5e-7 * n) == pytest.approx(1)


@pytest.mark.skipif("fft" not in ENGINES, reason="the fft engine has not landed (numeric-fft)")
def test_sweep_agrees_and_slopes_are_fits():
    r = s.sweep(sizes=(64, 128, 256), repeat=1)
    for n, td, tf, diff in r["rows"]:
        assert td > 0 and tf > 0
        assert diff < 1e-9 * n
    ns, td, tf = (np.array(c) for c in list(zip(*r["rows"]))[:3])
    assert r["slope_direct"] == pytest.approx(np.polyfit(np.log(ns), np.log(td), 1)[0])
    assert r["slope_fft"] == pytest.approx(np.polyfit(np.log(ns), np.log(tf), 1)[0])


def test_skips_without_fft_engine(ctx):
    if "fft" in ENGINES:
        pytest.skip("the fft engine is present")
    from algconv.tour import StepSkipped

    with pytest.raises(StepSkipped, match="'fft' engine"):
        s.run(ctx)
