import re

import numpy as np
import pytest

import algconv as ac
from algconv.tour import s07_fft_timing as s


def test_fit_slope_recovers_power_laws():
    n = np.array([100, 200, 400, 800])
    assert s.fit_slope(n, 3e-9 * n**2) == pytest.approx(2)
    assert s.fit_slope(n, 5e-7 * n) == pytest.approx(1)


def test_sweep_rows_and_fits():
    r = s.sweep(sizes=(64, 1024, 2048), fft_only=(4096, 8192), repeat=1)
    assert [row[0] for row in r["rows"]] == [64, 1024, 2048, 4096, 8192]
    rng = np.random.default_rng(0)
    for n, td, tf, diff in r["rows"]:
        x, y = rng.standard_normal(n), rng.standard_normal(n)  # the sweep's inputs, same seed
        fft = np.asarray(ac.convolve(x, y, method="fft"))
        assert np.max(np.abs(fft - np.convolve(x, y))) < 1e-10 * n
        assert tf > 0
        assert (td is None) == (diff is None) == (n >= 4096)
        assert diff is None or diff < 1e-10 * n
    rows = r["rows"]
    assert r["fit_from"] == {"direct": 1024, "fft": 4096}
    assert r["slope_direct"] == pytest.approx(s.fit_slope([1024, 2048],
                                                          [rows[1][1], rows[2][1]]))
    assert r["slope_fft"] == pytest.approx(s.fit_slope([4096, 8192], [rows[3][2], rows[4][2]]))


def test_run_prints_the_measured_rows(ctx, monkeypatch, figures):
    monkeypatch.setattr(s, "SIZES", (1024, 2048))
    monkeypatch.setattr(s, "FFT_ONLY", (4096, 8192))
    s.run(ctx)
    from .figures import legend_overlaps

    assert legend_overlaps(figures["fft_vs_direct.png"]) == []
    rows = re.findall(r"^\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$", ctx.text, re.M)
    assert [int(r[0]) for r in rows] == [1024, 2048, 4096, 8192]
    for n, td, tf, ratio, diff in rows:
        if int(n) >= 4096:
            assert (td, ratio, diff) == ("-", "-", "-")
        else:
            assert float(ratio) == pytest.approx(float(td) / float(tf), rel=0.06)
            assert float(diff) < 1e-9
    direct = s.fit_slope([1024, 2048], [float(rows[0][1]), float(rows[1][1])])
    fft = s.fit_slope([4096, 8192], [float(rows[2][2]), float(rows[3][2])])
    printed = re.search(r"direct (-?[\d.]+) over n >= 1024 .* fft (-?[\d.]+) over n >= 4096",
                        ctx.text)
    assert float(printed.group(1)) == pytest.approx(direct, abs=0.03)  # from unrounded times
    assert float(printed.group(2)) == pytest.approx(fft, abs=0.03)
    assert (ctx.out / "fft_vs_direct.png").exists()
