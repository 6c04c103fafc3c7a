"""``algconv conv --semiring``: every name, against brute force written here."""

import json
import math

import pytest

from algconv.cli import main


def _run(capsys, *args):
    assert main(["conv", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name, add, mul", [
    ("max-plus", max, lambda x, y: x + y),
    ("min-plus", min, lambda x, y: x + y),
    ("max-times", max, lambda x, y: x * y),
    ("mod:7", lambda x, y: (x + y) % 7, lambda x, y: x * y % 7),
    ("mod:18446744073709551629", lambda x, y: (x + y) % 18446744073709551629,
     lambda x, y: x * y % 18446744073709551629),
])
def test_semirings_on_the_command_line(capsys, name, add, mul):
    f, g = [3, 1, 4, 1, 5], [2, 7, 1]
    want = []
    for c in range(len(f) + len(g) - 1):
        terms = [mul(f[i], g[c - i]) for i in range(len(f)) if 0 <= c - i < len(g)]
        acc = terms[0]
        for t in terms[1:]:
            acc = add(acc, t)
        want.append(acc % 7 if name == "mod:7" else acc)
    assert _run(capsys, json.dumps(f), json.dumps(g), "--semiring", name) == want


def test_boolean_and_log(capsys):
    assert _run(capsys, "[1, 0, 0, 1]", "[1, 1]", "--semiring", "boolean") == [
        True, True, False, True, True]
    out = _run(capsys, "[0.0, 1.0]", "[0.5]", "--semiring", "log")
    assert out == pytest.approx([0.5, 1.5], rel=1e-15)
    out = _run(capsys, "[0.0, 1.0]", "[0.0, 0.0]", "--semiring", "log")
    assert out[1] == pytest.approx(math.log(math.exp(0) + math.exp(1)), rel=1e-14)


@pytest.mark.parametrize("args, message", [
    (["--semiring", "mod:1"], "m=1"),
    (["--semiring", "mod:__import__('os')"], "--semiring"),
    (["--semiring", "tropical"], "--semiring 'tropical'"),
])
def test_bad_semiring_names(capsys, args, message):
    assert main(["conv", "[1]", "[1]", *args]) != 0
    assert message in capsys.readouterr().err


def test_boolean_needs_zeros_and_ones(capsys):
    assert main(["conv", "[2]", "[1]", "--semiring", "boolean"]) != 0
    assert "0 and 1" in capsys.readouterr().err
