"""The algconv command: --help, --version, python -m algconv."""

import subprocess
import sys

from algconv.cli import main


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("algconv ")
    assert main([]) == 0
    assert "COMMAND" in capsys.readouterr().out


def test_python_dash_m():
    out = subprocess.run([sys.executable, "-m", "algconv", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "usage: algconv" in out.stdout
