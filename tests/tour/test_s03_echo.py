import wave

import numpy as np

from algconv.tour import s03_echo as s


def test_echo_is_the_delayed_sum():
    x = s.signal()
    y = s.echo(x)
    expected = np.zeros(len(x) + s.DELAY)
    expected[: len(x)] += x
    expected[s.DELAY:] += s.GAIN * x
    np.testing.assert_allclose(y, expected, atol=1e-12)
    np.testing.assert_allclose(y, np.convolve(x, s.echo_kernel()), atol=1e-12)


def test_run_writes_wavs(ctx):
    s.run(ctx)
    x = s.signal()
    y = np.convolve(x, s.echo_kernel())
    assert f"peak |y| = {np.abs(y).max():.4f}" in ctx.text
    assert f"output: {len(x) + s.DELAY} samples = {len(x)} + {s.DELAY}" in ctx.text
    for name, n in (("echo_input.wav", len(x)), ("echo_output.wav", len(y))):
        with wave.open(str(ctx.out / name)) as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()) == (
                1, 2, s.RATE, n)
            pcm = np.frombuffer(w.readframes(n), dtype="<i2")
        assert np.abs(pcm).max() == round(0.9 * 32767)
        # the file is the signal divided by its own peak, times 0.9 of full range
        signal = x if name == "echo_input.wav" else y
        np.testing.assert_array_equal(
            pcm, np.round(signal / np.abs(signal).max() * 0.9 * 32767).astype("<i2"))
    assert (f"each is divided by its own peak and scaled to 0.9 of full range (16-bit: "
            f"0.9 * 32767), so the output is divided by {np.abs(y).max():.4f}") in ctx.text
    assert "divides it by its own peak and scales it to 0.9" in s.STEP.explanation
    assert (ctx.out / "echo_waveforms.png").exists()
