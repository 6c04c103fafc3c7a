"""benchmarks/bench_semiring_api.py runs, and every row's result equals its peer's."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_quick_rows_run_and_agree(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_semiring_api.py"),
                           "--quick", "--repeat", "1"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rows = proc.stdout.strip().splitlines()[1:]
    assert len(rows) == 8
    assert all(row.endswith("True") or "not installed" in row for row in rows), proc.stdout
    assert "tropical" in proc.stdout and "concave" in proc.stdout and "modular" in proc.stdout
