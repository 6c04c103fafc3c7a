import pytest

import algconv as ac


@pytest.mark.parametrize("name", ["../x.png", "sub/x.png", "", ".hidden", "/tmp/x.png"])
def test_context_refuses_paths_outside_the_folder(ctx, name):
    with pytest.raises(ac.InvalidArgument, match="plain file name"):
        ctx.path(name)


def test_context_records_and_prints(ctx):
    ctx.print("a", 1)
    ctx.print("b")
    assert ctx.text == "a 1\nb\n"
    assert ctx.stream.getvalue() == "a 1\nb\n"
    assert ctx.record("x.wav", "c") == ctx.out / "x.wav"
    assert [(o.name, o.kind) for o in ctx.outputs] == [("x.wav", "audio")]

