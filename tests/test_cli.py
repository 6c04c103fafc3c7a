"""The algconv command: --help, --version, python -m algconv."""

import subprocess
import sys
from pathlib import Path

import pytest

from algconv.cli import COMMANDS, build_parser, main


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("algconv ")
    assert main([]) == 2  # argparse's convention for a missing command
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("usage: algconv") and "COMMAND" in err


def test_every_help_shows_an_example():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert len(sub.choices) == len(COMMANDS)
    for name, p in sub.choices.items():
        text = p.format_help()
        assert "example:" in text and f"algconv {name}" in text.split("example:")[1], name


def test_python_dash_m():
    out = subprocess.run([sys.executable, "-m", "algconv", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "usage: algconv" in out.stdout


def test_missing_extra_hint_fits_a_clone_and_an_install(monkeypatch, tmp_path):
    import algconv.plot as plot

    monkeypatch.setitem(sys.modules, "no_such_plot_lib", None)
    with pytest.raises(plot.MissingExtra) as e:
        plot.require_extra("no_such_plot_lib")
    root = Path(plot.__file__).resolve().parents[1]
    assert (root / "pyproject.toml").is_file()  # the tests run from a clone
    assert f'pip install -e ".[plot]" (run in {root})' in str(e.value)
    fake = tmp_path / "site-packages" / "algconv" / "plot.py"
    fake.parent.mkdir(parents=True)
    monkeypatch.setattr(plot, "__file__", str(fake))
    assert plot.install_command("plot") == 'pip install "algconv[plot]"'
