"""The trend's shared phrases and its format registry."""

from __future__ import annotations

import pytest

from coprod_cli.report import trendwords
from tests.builders import CATALOGUE
from tests.report.trendbuilt import built


@pytest.mark.parametrize("fmt", list(trendwords.TrendFormat))
def test_every_format_has_a_renderer(fmt: trendwords.TrendFormat) -> None:
    assert trendwords.renderer(fmt).trend(built(), CATALOGUE)


def test_a_renderer_asked_for_again_freezes_nothing_more() -> None:
    """As a result's renderer (test_renderers): only the first import is frozen out of the
    collector's passes, so garbage made between two calls is still collected."""
    import gc

    trendwords.renderer(trendwords.TrendFormat.html)
    frozen = gc.get_freeze_count()
    cycles = [[] for _ in range(1000)]
    for cycle in cycles:
        cycle.append(cycle)
    del cycles, cycle
    trendwords.renderer(trendwords.TrendFormat.html)
    assert gc.get_freeze_count() == frozen
    assert gc.collect() >= 1000


def test_the_headline_is_first_to_last_overall() -> None:
    tr = built()
    assert trendwords.headline(tr) == "Overall, from Spring to Autumn: no clear change " \
        "(1.00 to 2.50)."


def test_a_round_with_too_few_says_so() -> None:
    tr = built()
    assert any(line.startswith("Autumn: a voice had fewer than 6") for line in
               trendwords.round_notes(tr))


def test_held_back_voice_counts_read_as_few() -> None:
    tr = built()
    rnd = tr.rounds[0]
    hidden = type(rnd)(**{**{f: getattr(rnd, f) for f in rnd.__dataclass_fields__},
                          "voices": [type(v)(voice=v.voice, name=v.name, respondents=None)
                                     for v in rnd.voices]})
    assert trendwords.people(hidden) == "13 (few + few)"
    assert trendwords.people(rnd) == "13 (7 + 6)"


def test_area_changes_name_only_real_ones() -> None:
    lines = trendwords.area_changes(built())
    assert lines[-1] == "Every other change in an area is no clear change."
    assert all("a real" in line for line in lines[:-1])


def test_the_mix_line_gives_shares_only_when_the_trend_has_them() -> None:
    from coprod_cli.scoring import sharetrend

    exact = trendwords.mix_line(built())
    shared = trendwords.mix_line(sharetrend.protect_trend(built()))
    assert "Carer 16%" in exact and "%" not in shared
    assert "does not give its shares" in shared
