"""A convolutional layer as a matrix of shared weights (numbers and sympy symbols),
M @ x == convolution, and the 2-D layer over image patches.

Run it on its own (matplotlib needed: ``pip install -e ".[plot]"`` in a clone, else
``pip install "algconv[plot]"``)::

    python examples/06_conv_layer.py [--out DIR]

It runs step ``conv-layer`` of ``algconv tour`` (the code lives in ``algconv/tour/``), prints
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
    sys.exit(example_main("conv-layer"))
