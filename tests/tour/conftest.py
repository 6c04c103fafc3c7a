"""A Context writing into a temporary folder, printing into a buffer."""

import io

import pytest

from algconv.tour import Context


@pytest.fixture
def ctx(tmp_path):
    return Context(tmp_path, io.StringIO())
