"""The benchmark runner and ``algconv bench``: every workload's two sides agree (quick sizes)."""

import numpy as np
import pytest

from algconv.benchmark import collect, run
from algconv.benchmark.runner import format_row
from algconv.cli import main


@pytest.mark.slow
def test_every_workload_agrees_with_its_peer_at_quick_sizes(capsys):
    rows = run(collect(), quick=True, repeat=1)
    assert len(rows) == len(collect()) >= 10
    assert not [r for r in rows if r[6] == "WRONG"]
    assert "| 1-D float 2000 x 2000 |" in capsys.readouterr().out  # the sizes run


def test_bench_command_runs_one_row(capsys):
    assert main(["bench", "--quick", "--only", "length-10", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "| length-10 call overhead | numpy.convolve |" in out


def test_format_row_marks_informational_rows():
    assert format_row(("a", "b", 1.0, 2.0, 0.5, None, "info")).endswith("| - | info |")


# --- issue 12, point 9: the benchmarks measure honestly ----------------------------------------


def test_peer_gets_the_same_warm_up_and_repeats_as_algconv():
    from algconv.benchmark import runner

    calls = {"algconv": 0, "peer": 0}

    def count(side):
        def fn(state):
            calls[side] += 1
            return 1
        return fn

    w = {"algconv": count("algconv"), "peer_fn": count("peer"), "number": 2}
    runner.best_of(w, None, repeat=3)
    assert calls["algconv"] == calls["peer"] == 1 + 3 * 2
    assert not [w["name"] for w in collect() if "peer_repeat" in w or "check" not in w]


def test_a_workload_without_a_check_is_refused():
    w = dict(name="x", peer="y", target=None, setup=lambda q: None, algconv=lambda s: 1,
             peer_fn=lambda s: 2)
    with pytest.raises(KeyError, match="check"):
        run([w], quick=True, repeat=1)


def test_pure_python_group_peer_gets_python_floats():
    from benchmarks import bench_direct

    G, a, b, f, g = bench_direct.setup(quick=True)
    assert all(type(v) is float for v in [*f.values(), *g.values()])
    assert [f[x] for x in G.elements()] == a.tolist()


def test_sweep_choose_makes_scipy_pay_for_its_choice(monkeypatch):
    import scipy.signal._signaltools as signaltools

    from benchmarks import sweep_choose

    chosen = []
    original = signaltools.choose_conv_method
    monkeypatch.setattr(signaltools, "choose_conv_method",
                        lambda *a, **k: chosen.append(1) or original(*a, **k))
    monkeypatch.setattr(sweep_choose, "best_of", lambda fn, repeat=3: (fn(), 1.0)[1])
    rows = sweep_choose.sweep([((64,), (3,)), ((16, 16), (3, 3))])
    assert len(rows) == 2 and len(chosen) >= 4  # once per check and once per timed call


def test_bench_dask_fails_when_the_two_sides_disagree(monkeypatch, capsys):
    pytest.importorskip("distributed")
    from benchmarks import bench_dask

    value = {"algconv": 0.5, "dask+ndi": 0.5}

    def fake_run(blur, workers, args, kernel):
        name = "algconv" if blur is bench_dask.algconv_blur else "dask+ndi"
        return {"seconds": 1.0, "value": value[name], "load": 0.0, "limit": 1, "peaks": [1],
                "baselines": [1], "cluster_peak": 1, "restarted": False, "cpu": [1.0]}

    monkeypatch.setattr(bench_dask, "run", fake_run)
    assert bench_dask.main(["--quick", "--workers", "1", "--repeat", "1"]) == 0
    value["dask+ndi"] = 0.6
    assert bench_dask.main(["--quick", "--workers", "1", "--repeat", "1"]) == 1
    assert "results agree: NO" in capsys.readouterr().out


def test_bench_dask_sides_compute_the_same_blur():
    da = pytest.importorskip("dask.array")
    from benchmarks import bench_dask

    x = da.from_array(np.random.default_rng(0).random((40, 30)), chunks=(16, 16))
    k = bench_dask.binomial_kernel(5)
    ours = bench_dask.algconv_blur(x, k).compute()
    theirs = bench_dask.peer_blur(x, k).compute()
    np.testing.assert_allclose(ours, theirs, rtol=1e-12)


def test_quick_rows_are_labelled_with_the_sizes_run_and_end_with_a_summary(capsys):
    assert main(["bench", "--quick", "--only", "fwht", "--repeat", "1"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    rows = [line for line in lines if line.startswith("| ac.transforms.fwht")]
    assert len(rows) == 1 and "length 2^14" in rows[0] and "2^20" not in rows[0]
    ok = rows[0].rstrip(" |").rsplit("| ", 1)[1]
    assert lines[-1] == (f"summary: 1 workloads: {int(ok == 'yes')} within target, "
                         f"{int(ok == 'NO')} missed (targets are for full sizes), 0 wrong, "
                         "0 informational, 0 skipped")
    # the quick label selects the workload too, and full-size labels stay as they were
    assert main(["bench", "--quick", "--only", "fwht, length 2^14", "--repeat", "1"]) == 0
    from algconv.benchmark.runner import label

    fwht = [w for w in collect() if "fwht" in w["name"]][0]
    assert label(fwht, quick=False) == "ac.transforms.fwht, length 2^20, int"


def test_quick_setups_run_the_sizes_their_labels_say():
    workloads = {w["name"]: w for w in collect()}
    a, b = workloads["1-D float 1e6 x 1e3"]["setup"](True)
    assert (len(a), len(b)) == (20_000, 200)
    image, kernel = workloads["2-D 2048^2 x 31x31, full"]["setup"](True)
    assert image.shape == (256, 256) and kernel.shape == (31, 31)
    assert workloads["S_6 dense f*g (720 elements), int"]["setup"](True)["group"].order == 120
    assert len(workloads["Dirichlet convolution, N = 1e6, int"]["setup"](True)["f"]) == 10**4
    assert len(workloads["XOR convolution, length 2^16, int"]["setup"](True)["a"]) == 2**10


# --- issue 17: the targets' rows and the scaling sweep ------------------------------------------


def test_issue_17_rows_have_their_targets():
    targets = {w["name"]: w["target"] for w in collect()}
    assert targets["2-D 2048^2 x 31x31, full"] == 0.75
    assert targets["filter 2048^2, 3x3 box"] == targets["filter 2048^2, 7x7 dense"] == 0.6
    assert targets["1-D float 1e6 x 1e3"] == 0.7
    assert targets["exact int in +-2^62, 1e5 x 1e5"] == 1.0
    assert targets["length-10 call overhead"] == 5.0
    assert targets["import algconv (fresh process)"] == 1.5


def test_import_row_runs_both_sides_in_fresh_processes(capsys):
    assert main(["bench", "--quick", "--only", "import algconv", "--repeat", "1"]) == 0
    assert "| import algconv (fresh process) | import numpy, scipy.fft |" in capsys.readouterr().out


def test_scaling_sweep_fits_slopes_and_checks_results(monkeypatch):
    from benchmarks import sweep_scaling

    assert sweep_scaling.slope([10, 100, 1000], [1e-3, 1e-1, 10.0]) == pytest.approx(2.0)
    one = [s for s in sweep_scaling.series(quick=True) if s["label"].startswith("S_n")]
    monkeypatch.setattr(sweep_scaling, "series", lambda quick: one)
    results = sweep_scaling.run(quick=True, repeat=1)
    assert all(row[3] for row in results[0]["rows"])  # every result equal to the peer's
    assert [row[0] for row in results[0]["rows"]] == [6, 24, 120]
