r"""Step 3: an audio echo is a convolution with a two-spike kernel.

``y = x * k`` with ``k = delta_0 + gain * delta_delay``: every sample is heard now and again
``delay`` samples later, quieter.  Written as 16-bit mono WAV files with the stdlib ``wave``.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from ..dispatch import convolve
from ._base import Context, Step

__all__ = ["STEP", "RATE", "DELAY", "GAIN", "signal", "echo_kernel", "echo", "write_wav"]

RATE = 8000          # samples per second
DELAY = 2000         # 0.25 s
GAIN = 0.6


def signal(rate: int = RATE, seconds: float = 1.0) -> np.ndarray:
    """Three plucked notes (decaying sines at 440, 554 and 659 Hz), in [-1, 1].

    >>> x = signal(); len(x), float(abs(x).max()) <= 1
    (8000, True)
    """
    t = np.arange(int(rate * seconds)) / rate
    x = np.zeros_like(t)
    for start, freq in ((0.0, 440.0), (0.12, 554.37), (0.24, 659.26)):
        on = t >= start
        s = t[on] - start
        x[on] += np.sin(2 * np.pi * freq * s) * np.exp(-s * 9.0)
    return x / np.abs(x).max()


def echo_kernel(delay: int = DELAY, gain: float = GAIN) -> np.ndarray:
    """``[1, 0, ..., 0, gain]`` with the second spike at ``delay``.

    >>> echo_kernel(3, 0.5)
    array([1. , 0. , 0. , 0.5])
    """
    k = np.zeros(delay + 1)
    k[0], k[delay] = 1.0, gain
    return k


def echo(x: np.ndarray, delay: int = DELAY, gain: float = GAIN) -> np.ndarray:
    """``ac.convolve(x, echo_kernel(delay, gain))``, length ``len(x) + delay``.

    >>> echo(np.array([1.0, 2.0]), 1, 0.5)
    array([1. , 2.5, 1. ])
    """
    return convolve(x, echo_kernel(delay, gain))


def write_wav(path: Path, x: np.ndarray, rate: int = RATE) -> int:
    """Write ``x`` (scaled so its peak is 0.9 of full range) as 16-bit mono; returns frames."""
    pcm = np.round(x / np.abs(x).max() * 0.9 * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return len(pcm)


def run(ctx: Context) -> None:
    from .. import plot

    x = signal()
    y = echo(x)
    ctx.print(f"input: {len(x)} samples at {RATE} Hz ({len(x) / RATE:.2f} s); kernel: spikes of "
              f"1 at 0 and {GAIN} at {DELAY} ({DELAY / RATE:.2f} s)")
    peak = float(np.abs(y).max())
    ctx.print(f"output: {len(y)} samples = {len(x)} + {DELAY}; "
              f"y[n] = x[n] + {GAIN} x[n - {DELAY}];"
              f" peak |y| = {peak:.4f} (input peak 1)")
    ctx.print(f"normalised for the WAV files: each is divided by its own peak and scaled to 0.9 "
              f"of full range (16-bit: 0.9 * 32767), so the output is divided by {peak:.4f} and "
              f"nothing clips; the plot shows y unscaled")
    write_wav(ctx.path("echo_input.wav"), x)
    ctx.record("echo_input.wav", "The synthesised input: three plucked notes.")
    write_wav(ctx.path("echo_output.wav"), y)
    ctx.record("echo_output.wav", "The output: the same notes with an echo 0.25 s later "
               "(divided by its peak, like the input, to 0.9 of full range).")
    fig = plot.new_figure(10, 5)
    top, bottom = fig.subplots(2, 1, sharex=True, sharey=True)
    t_in, t_out = np.arange(len(x)) / RATE, np.arange(len(y)) / RATE
    top.plot(t_in, x, lw=0.5, color=plot.COLORS["f"])
    top.set_title("input x: three plucked notes")
    bottom.plot(t_out, y, lw=0.5, color=plot.COLORS["h"])
    bottom.set_title(f"output x * k: k = spike 1 at 0 s + spike {GAIN} at {DELAY / RATE} s "
                     "(the echo)")
    for ax in (top, bottom):
        ax.set_ylabel("amplitude")
    bottom.set_xlabel("time (s)")
    ctx.save(fig, "echo_waveforms.png", "The input waveform and the echoed output.")


STEP = Step(
    3, "echo", "Audio echo",
    "Sound is a function of time, and an echo adds a quieter copy a little later: convolving "
    "with a kernel of two spikes (1 now, 0.6 a quarter second later) does exactly that, since "
    "y(t) = sum over a of x(a) k(t - a) = x(t) + 0.6 x(t - 0.25 s). The tour synthesises three "
    "plucked notes, writes input and output as WAV files you can play, and plots both. "
    "Where the echo overlaps a note the output peaks above the input's 1, so before writing "
    "each WAV file the tour divides it by its own peak and scales it to 0.9 of the 16-bit "
    "range: nothing clips, and the two files play at the same peak loudness.",
    run,
)
