"""Audio echo: a two-spike kernel applied to a synthesised sound; writes input and
output WAV files and plots both waveforms.

Run it on its own (matplotlib needed: ``pip install -e ".[plot]"`` in a clone, else
``pip install "algconv[plot]"``)::

    python examples/03_echo.py [--out DIR]

It runs step ``echo`` of ``algconv tour`` (the code lives in ``algconv/tour/``), prints
its numbers and writes its pictures and an ``index.html`` into DIR.
"""

import sys
from pathlib import Path

try:
    import algconv  # noqa: F401
except ModuleNotFoundError:  # a source checkout that is not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from algconv.tour import example_main

if __name__ == "__main__":
    sys.exit(example_main("echo"))
