"""algconv.config: the limits, their validation, their scope, and the estimate helpers."""

import math
import threading

import numpy as np
import pytest

import algconv as ac
from algconv import config

DEFAULT_MEMORY = 2 * 1024**3


@pytest.mark.parametrize("bad, error", [
    ("abc", ac.InvalidType),
    (math.inf, ac.InvalidType),
    (None, ac.InvalidType),
    (True, ac.InvalidType),
    (1.5, ac.InvalidType),
    (-1, ac.InvalidArgument),
], ids=repr)
def test_limit_memory_validates_when_called(bad, error):
    with pytest.raises(error, match=r"Got nbytes=.*memory limit in bytes"):
        config.limit_memory(bad)  # refused at the call, not at ``with``
    with pytest.raises(error, match="memory_limit="):
        config.memory_limit = bad
    assert config.memory_limit == DEFAULT_MEMORY


@pytest.mark.parametrize("bad, error", [
    ("abc", ac.InvalidType),
    (None, ac.InvalidType),
    (False, ac.InvalidType),
    (math.inf, ac.InvalidArgument),
    (math.nan, ac.InvalidArgument),
    (0, ac.InvalidArgument),
    (-2.5, ac.InvalidArgument),
], ids=repr)
def test_limit_time_validates_when_called(bad, error):
    with pytest.raises(error, match=r"Got seconds=.*time limit"):
        config.limit_time(bad)
    assert config.time_limit == 60.0


def test_assignment_changes_the_process_default():
    try:
        config.memory_limit = 12345
        assert config.memory_limit == 12345
        with config.limit_memory(10):
            assert config.memory_limit == 10
        assert config.memory_limit == 12345
    finally:
        config.memory_limit = DEFAULT_MEMORY
    assert config.memory_limit == DEFAULT_MEMORY


def test_overlapping_blocks_in_threads_keep_their_own_limits():
    # A enters, B enters, A leaves, B leaves: with one process global B would restore
    # A's 1 KiB when it leaves; with a context variable nobody sees anyone else's limit
    a_inside, b_inside, a_left = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def a():
        with config.limit_memory(1024):
            a_inside.set()
            b_inside.wait(5)
            seen["a"] = config.memory_limit
        a_left.set()

    def b():
        a_inside.wait(5)
        seen["b_before"] = config.memory_limit
        with config.limit_memory(2048):
            b_inside.set()
            a_left.wait(5)
            seen["b"] = config.memory_limit
        seen["b_after"] = config.memory_limit

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == {"a": 1024, "b_before": DEFAULT_MEMORY, "b": 2048,
                    "b_after": DEFAULT_MEMORY}
    assert config.memory_limit == DEFAULT_MEMORY


def test_limits_are_restored_after_an_error():
    with pytest.raises(ac.InvalidArgument, match="would need about 1000 B"):
        with config.limit_memory(100):
            config.check_memory(1000, "x")
    assert config.memory_limit == DEFAULT_MEMORY


def test_messages_name_estimate_and_limit():
    with config.limit_memory(1024):
        with pytest.raises(ac.InvalidArgument,
                           match=r"^the thing would need about 2\.0 KiB, more than "
                                 r"algconv\.config\.memory_limit=1\.0 KiB"):
            config.check_memory(2048, "the thing")
    with pytest.raises(ac.InvalidArgument, match=r"would need about 2\*\*300 B"):
        config.check_memory(2**300, "x")
    with pytest.raises(ac.InvalidArgument, match=r"would need about 2\*\*1000 B"):
        config.check_memory(2.0**1000, "x")
    with config.limit_time(2):
        config.check_time(1.5, "fine")
        with pytest.raises(ac.InvalidArgument, match=r"would take about 3 s by estimate"):
            config.check_time(3, "slow")


def test_pair_value_bytes_mirrors_exact_pair():
    small = np.array([3, -4])
    assert config.pair_value_bytes(small, small, terms=10) == 8
    assert config.pair_value_bytes(np.array([2**31]), np.array([2**31]), terms=2**2) == 100
    assert config.pair_value_bytes(np.ones(2), np.ones(2, complex), terms=1) == 16
    assert config.pair_value_bytes(np.array([1], dtype=object), small, terms=1) == 100


def test_check_npy_reads_only_the_header(tmp_path):
    path = tmp_path / "small.npy"
    np.save(path, np.arange(10))
    config.check_npy(path, "f")  # fits
    huge = tmp_path / "huge.npy"
    with open(huge, "wb") as fh:
        np.lib.format.write_array_header_1_0(
            fh, {"descr": "<i8", "fortran_order": False, "shape": (10**6, 10**5)})
    with pytest.raises(ac.InvalidArgument, match=r"g \(shape \(1000000, 100000\), int64\) "
                                                 r"would need about"):
        config.check_npy(huge, "g")
    broken = tmp_path / "broken.npy"
    broken.write_bytes(b"\x93NUMPY\x01\x00\x10\x00{'descr': nope}\n")
    with pytest.raises(ac.InvalidArgument, match="header cannot be read"):
        config.check_npy(broken, "h")
