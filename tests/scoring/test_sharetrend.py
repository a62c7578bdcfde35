"""What a shared trend may show (scoring/sharetrend.py); the attacks themselves are in
tests/test_trend_attacks.py."""

from __future__ import annotations

from coprod_cli.scoring import sharetrend
from coprod_cli.scoring.trend import MIX_CHANGED
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
