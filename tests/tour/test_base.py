import pytest

import algconv as ac
from algconv.tour import StepSkipped
from algconv.tour._base import require


@pytest.mark.parametrize("name", ["../x.png", "sub/x.png", "", ".hidden", "/tmp/x.png"])
def test_context_refuses_paths_outside_the_folder(ctx, name):
    with pytest.raises(ac.InvalidArgument, match="plain file name"):
        ctx.path(name)


def test_context_records_and_prints(ctx):
    ctx.print("a", 1)
    ctx.skip_part("part", "why")
    assert ctx.text == "a 1\n[skipped] part: why\n"
    assert ctx.notes == ["[skipped] part: why"]
    assert ctx.record("x.wav", "c") == ctx.out / "x.wav"
    assert [(o.name, o.kind) for o in ctx.outputs] == [("x.wav", "audio")]


def test_require_names_the_missing_module():
    with pytest.raises(StepSkipped, match=r"ac.no_such_module is not available.*the x work"):
        require("no_such_module", branch="x")
    with pytest.raises(StepSkipped, match=r"ac.dispatch.nothing is not available"):
        require("dispatch", "nothing")
