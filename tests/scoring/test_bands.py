"""The bands: the same answers always give the same band, in any order; more people who
answer alike make it narrower; too few give the whole scale."""

from __future__ import annotations

from coprod_cli.scoring import bands, mix
from tests.builders import CATALOGUE, FW
from tests.scoring.trendsets import PERSON, PRACTITIONER, tally

LIVED = {r.id for r in CATALOGUE.roles if r.lived_experience}


def _bands(spread: dict[str, tuple[int, list[int]]], reverse: bool = False) -> bands.Bands:
    t = tally(spread)
    groups = mix.pools(t, LIVED, "partnership")
    weights = mix.integral(mix.weights(t, mix.pooled([t]), groups, 3).per_person)
    people = list(reversed(t.people or [])) if reverse else t.people or []
    return bands.bands(FW, people, groups, weights)


SPREAD = {PERSON: (6, [0, 1, 1, 2, 2, 3]), PRACTITIONER: (6, [1, 1, 2, 2, 2, 3])}


def test_the_same_answers_in_any_order_give_the_same_band() -> None:
    assert _bands(SPREAD) == _bands(SPREAD, reverse=True)


def test_a_band_holds_the_spread_and_narrows_with_more_people() -> None:
    few = _bands(SPREAD)
    many = _bands({role: (24, values * 4) for role, (_, values) in SPREAD.items()})
    assert few.overall and many.overall
    assert few.overall[0] < few.overall[1]  # people disagree: the band has width
    assert many.overall[1] - many.overall[0] < few.overall[1] - few.overall[0]
    assert set(few.areas) == {d.id for d in FW.dimensions}


def test_people_who_all_agree_give_a_band_of_one_value() -> None:
    found = _bands({PERSON: (6, 2), PRACTITIONER: (6, 1)})
    assert found.overall == (1.5, 1.5)


def test_the_whole_scale_when_too_few_answered() -> None:
    assert bands.whole_scale(FW).overall == (0, 3)
    assert all(band == (0, 3) for band in bands.whole_scale(FW).areas.values())
    assert str(bands.FEWEST) in bands.METHOD and str(bands.SEED) in bands.METHOD
