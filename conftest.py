"""Doctest namespace: every docstring example may use ``ac`` (algconv) and ``np`` (numpy)."""

import numpy as np
import pytest

import algconv


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace):
    doctest_namespace["ac"] = algconv
    doctest_namespace["np"] = np
