"""Beyond sums: grey dilation and erosion beside the blur (max-plus, min-plus), the
cheapest way to fall a distance as a min-plus power with its route from witnesses, and
dice counted mod a prime.

Run it on its own (matplotlib needed: ``pip install -e ".[plot]"`` in a clone, else
``pip install "algconv[plot]"``)::

    python examples/11_beyond_sums.py [--out DIR]

It runs step ``beyond-sums`` of ``algconv tour`` (the code lives in ``algconv/tour/``), prints
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
    sys.exit(example_main("beyond-sums"))
