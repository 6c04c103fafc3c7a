"""Ball drop in 1-D: P(total = c) is the convolution of the two drops' distributions,
both as the a+b=c sum and as sum_a f(a) g(c-a), with a bar plot of f, g and f*g.

Run it on its own (matplotlib needed: ``pip install -e ".[plot]"`` in a clone, else
``pip install "algconv[plot]"``)::

    python examples/01_ball_drop.py [--out DIR]

It runs step ``ball-drop`` of ``algconv tour`` (the code lives in ``algconv/tour/``), prints
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
    sys.exit(example_main("ball-drop"))
