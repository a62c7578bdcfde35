"""Progress across rounds: a change in who answered is no progress; a real rise is called one;
too few people never make a change real; the figures as answered are score's."""

from __future__ import annotations

from fractions import Fraction

from coprod_cli.scoring.engine import score
from coprod_cli.scoring.trend import trend
from coprod_cli.trends import OVERALL
from tests.builders import CATALOGUE, FW
from tests.scoring.trendsets import CARER, MANAGER, PERSON, PRACTITIONER, mix_only, tally

MIX_ONLY = [(3, 9, 9, 3), (6, 6, 6, 6), (9, 3, 3, 9), (4, 8, 3, 9)]


def test_only_the_mix_changing_over_four_rounds_is_no_clear_change() -> None:
    found = trend(FW, CATALOGUE, mix_only(MIX_ONLY))
    assert len(found.rounds) == 4
    assert {c.verdict for c in found.changes} == {"no-clear-change"}
    assert len({r.overall.adjusted_score for r in found.rounds}) == 1
    assert len({r.overall.score for r in found.rounds}) > 1  # as answered, it seemed to move
    assert any("mix of roles changed" in w for w in found.warnings)



def test_a_rise_in_both_voices_is_a_real_rise() -> None:
    rounds = [(f"r{i}", tally({PERSON: (4, [v, v, min(3, v + 1), v]), CARER: (3, v),
                               PRACTITIONER: (4, [v, v, v, min(3, v + 1)]),
                               MANAGER: (3, v)})) for i, v in enumerate([0, 1, 1, 2])]
    found = trend(FW, CATALOGUE, rounds)
    overall = {(c.before, c.after): c for c in found.changes if c.area == OVERALL}
    assert overall[("r0", "r3")].verdict == "real-rise"
    assert overall[("r0", "r3")].words.startswith("a real rise")
    assert overall[("r1", "r2")].verdict == "no-clear-change"


def test_a_fall_is_a_real_fall() -> None:
    rounds = [(f"r{i}", tally({PERSON: (6, v), PRACTITIONER: (6, v)})) for i, v in
              enumerate([3, 1])]
    assert trend(FW, CATALOGUE, rounds).changes[0].verdict == "real-fall"


def test_too_few_in_a_voice_is_never_a_real_change() -> None:
    rounds = [(f"r{i}", tally({PERSON: (3, v), PRACTITIONER: (8, v)})) for i, v in
              enumerate([0, 3])]
    found = trend(FW, CATALOGUE, rounds)
    assert all(r.too_few for r in found.rounds)
    assert (found.rounds[0].overall.band_low, found.rounds[0].overall.band_high) == (0, 3)
    assert {c.verdict for c in found.changes} == {"no-clear-change"}


def test_figures_as_answered_are_those_score_gives() -> None:
    rounds = mix_only(MIX_ONLY[:2])
    found = trend(FW, CATALOGUE, rounds)
    for (_, t), rnd in zip(rounds, found.rounds, strict=True):
        res = score(FW, CATALOGUE, t)
        assert (rnd.overall.score, rnd.overall.level) == (res.score, res.level)
        assert [a.score for a in rnd.areas] == [d.score for d in res.dimensions]


def test_a_small_voice_count_is_held_back_with_its_complement() -> None:
    rounds = [("a", tally({PERSON: (2, 1), PRACTITIONER: (8, 1)})),
              ("b", tally({PERSON: (6, 1), PRACTITIONER: (8, 1)}))]
    found = trend(FW, CATALOGUE, rounds)
    assert [v.respondents for v in found.rounds[0].voices] == [None, None]
    assert [v.respondents for v in found.rounds[1].voices] == [6, 8]


def test_changes_are_each_round_against_the_last_then_first_against_last() -> None:
    found = trend(FW, CATALOGUE, mix_only(MIX_ONLY[:3]))
    pairs = [(c.before, c.after) for c in found.changes if c.area == OVERALL]
    assert pairs == [("round 1", "round 2"), ("round 2", "round 3"), ("round 1", "round 3")]
    assert len(found.changes) == 3 * (1 + len(FW.dimensions))


def test_a_round_without_lived_experience_has_no_level() -> None:
    rounds = [("a", tally({PRACTITIONER: (6, 2)})), ("b", tally({PERSON: (6, 2),
                                                                PRACTITIONER: (6, 2)}))]
    found = trend(FW, CATALOGUE, rounds)
    assert found.rounds[0].overall.level is None
    assert found.rounds[0].overall.adjusted_level is None
    assert found.rounds[1].overall.level == "intermediate"


def test_a_verdict_compares_the_published_figures_as_their_decimals() -> None:
    """Floats compared as floats are in the order of their shortest decimals: the verdict of
    published figures is the one their exact decimals give."""
    import random
    from fractions import Fraction

    from coprod_cli.scoring.trend import verdict
    from coprod_cli.trends import Figure

    def exact_verdict(figures: list[float]) -> str:
        was, now, was_low, was_high, now_low, now_high = (Fraction(repr(f)) for f in figures)
        if now > was_high and was < now_low:
            return "real-rise"
        if now < was_low and was > now_high:
            return "real-fall"
        return "no-clear-change"

    rng = random.Random(29)
    steps = [0.0, 0.01, 0.1, 0.5, 1 / 3, 2 / 3, 1.25, 1.5, 2.99, 3.0, 0.1 + 0.2, 0.3]
    for _ in range(3000):
        figures = [rng.choice([rng.choice(steps), round(rng.uniform(0, 3), 2),
                               rng.uniform(0, 3)]) for _ in range(6)]
        was, now, was_low, was_high, now_low, now_high = figures
        before, after = (Figure(area="a", name="A", score=None, level=None,
                                adjusted_score=score, adjusted_level=None, band_low=low,
                                band_high=high)
                         for score, low, high in ((was, was_low, was_high),
                                                  (now, now_low, now_high)))
        assert verdict(before, after) == exact_verdict(figures)


def test_a_change_is_the_exact_difference_of_the_published_figures() -> None:
    """Every pair of two-decimal figures a trend can publish (0 to 3): the difference of their
    hundredths is the difference of their exact decimals, rounded as every figure is, to the
    same float."""
    from coprod_cli.figures import exact, rounded
    from coprod_cli.scoring.trend import hundredths

    published = [rounded(Fraction(k, 100)) or 0.0 for k in range(301)]
    assert [hundredths(figure) for figure in published] == list(range(301))
    for was in published:
        for now in published:
            found = (hundredths(now) - hundredths(was)) / 100
            assert repr(found) == repr(rounded(exact(now) - exact(was)))
