"""A Context writing into a temporary folder, printing into a buffer."""

import io

import pytest

from algconv.tour import Context


@pytest.fixture
def ctx(tmp_path):
    return Context(tmp_path, io.StringIO())


@pytest.fixture
def figures(ctx, monkeypatch):
    """The Figures a step saves, by file name (the step still writes them)."""
    saved = {}
    original = ctx.save

    def save(fig, name, caption):
        saved[name] = fig
        return original(fig, name, caption)

    monkeypatch.setattr(ctx, "save", save)
    return saved
