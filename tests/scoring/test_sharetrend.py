"""What a shared trend may show (scoring/sharetrend.py); the attacks themselves are in
tests/test_trend_attacks.py."""

from __future__ import annotations

from dataclasses import replace

from coprod_cli.scoring import sharetrend
from coprod_cli.scoring.trend import MIX_CHANGED
from coprod_cli.trends import OVERALL
from tests.report.trendbuilt import built


def test_a_shared_trend_gives_no_mix_nor_whether_it_changed() -> None:
    """The shares with the head counts give each role's count (test_trend_attacks.py), and
    'the mix changed' said or not says whether two rounds' shares are the same."""
    exact = built()
    assert exact.mix and MIX_CHANGED in exact.warnings
    shown = sharetrend.protect_trend(exact)
    assert shown.mix == [] and MIX_CHANGED not in shown.warnings
    assert shown.warnings == [sharetrend.TREND_BANDED, *(w for w in exact.warnings
                                                         if w != MIX_CHANGED)]
    assert sharetrend.protect_trend(sharetrend.mark_private_trend(exact)).mix == exact.mix


def test_the_wholes_change_is_worked_out_from_the_whole_should_an_area_share_its_id() -> None:
    """A framework's area named 'overall' never stands in for the whole in a shared trend."""
    exact = built()
    named = replace(exact, rounds=[
        replace(r, areas=[replace(a, area=OVERALL) if a.area == "alpha" else a for a in r.areas])
        for r in exact.rounds], changes=[replace(c, area=OVERALL) if c.area == "alpha" else c
                                         for c in exact.changes])
    at = [index for index, c in enumerate(exact.changes) if c.area == OVERALL]  # the whole's
    shown, found = sharetrend.protect_trend(exact).changes, sharetrend.protect_trend(named).changes
    assert at and [found[index] for index in at] == [shown[index] for index in at]
