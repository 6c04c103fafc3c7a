"""The walkthrough of "Understanding Convolutions" as ten runnable steps, and an eleventh beyond sums.

``STEPS`` lists them in order; :func:`run_tour` runs some or all of them into a folder and
writes ``index.html``; ``algconv tour`` and ``examples/`` call it.  Each step lives in its own
module (``s01_ball_drop`` ... ``s11_semirings``) whose functions return the numbers it prints,
so that tests can check them.

Examples
--------
>>> from algconv.tour import STEPS, find_step
>>> [s.key for s in STEPS][:3], find_step("7").title
(['ball-drop', 'flip-and-slide', 'echo'], 'FFT versus the direct sum')
"""

from __future__ import annotations

from ._base import Context, Output, Step
from ._runner import StepResult, example_main, find_step, run_tour, write_index
from . import (s01_ball_drop, s02_flip_slide, s03_echo, s04_ball_drop_2d, s05_images,
               s06_conv_layer, s07_fft_timing, s08_laws, s09_closed_forms, s10_dirichlet,
               s11_semirings)

__all__ = ["STEPS", "Step", "StepResult", "Context", "Output", "run_tour", "find_step",
           "write_index", "example_main"]

#: the steps, in the walkthrough's order (the eleventh goes beyond sums)
STEPS: tuple[Step, ...] = tuple(m.STEP for m in (
    s01_ball_drop, s02_flip_slide, s03_echo, s04_ball_drop_2d, s05_images, s06_conv_layer,
    s07_fft_timing, s08_laws, s09_closed_forms, s10_dirichlet, s11_semirings))
