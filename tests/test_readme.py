"""The README's promises: two commands, and .ci/run runs exactly the test command."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bash_blocks():
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```bash\n(.*?)\n```", text, flags=re.S)


def test_quick_start_has_two_commands():
    blocks = _bash_blocks()
    assert len(blocks) == 2
    tour, tests = blocks
    assert "algconv tour" in tour and "pytest" in tests
    assert all(len(b.strip().splitlines()) == 1 for b in blocks)


def test_ci_runs_exactly_the_readme_test_command():
    test_command = _bash_blocks()[1].strip()
    ci_lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test_command in ci_lines
