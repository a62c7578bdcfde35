"""What lasts until coprod exits is made with the collector off and frozen after
(collector.py); a caller that had the collector off keeps it off."""

from __future__ import annotations

import gc

import pytest

from coprod_cli.collector import lasting


def test_the_block_runs_with_the_collector_off_and_what_it_made_is_frozen() -> None:
    assert gc.isenabled()
    with lasting():
        assert not gc.isenabled()
        made = [object() for _ in range(10)]
    assert gc.isenabled() and gc.get_freeze_count() >= len(made)


def test_the_collector_comes_back_after_an_error() -> None:
    with pytest.raises(ValueError), lasting():
        raise ValueError("in the block")
    assert gc.isenabled()


def test_a_collector_that_was_off_is_left_off_and_nothing_is_frozen() -> None:
    gc.disable()
    try:
        frozen = gc.get_freeze_count()
        with lasting():
            kept = [[n] for n in range(10)]
        assert not gc.isenabled() and gc.get_freeze_count() == frozen and kept
    finally:
        gc.enable()
