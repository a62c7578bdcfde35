"""The common mix of roles: weights per person, weighted centres, small roles left alone."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.models import Weighting
from coprod_cli.reading.loader import Library
from coprod_cli.scoring import mix
from coprod_cli.tally import Ballot, Tally, histogram_median
from tests.builders import CATALOGUE, FW
from tests.scoring.trendsets import CARER, MANAGER, PERSON, PRACTITIONER, mix_only, tally

LIVED = {r.id for r in CATALOGUE.roles if r.lived_experience}


@given(st.lists(st.integers(0, 5), min_size=4, max_size=4))
def test_equal_weights_give_the_ordinary_median(counts: list[int]) -> None:
    assert mix.weighted_median(counts) == histogram_median(counts)


def test_a_heavier_answer_pulls_the_centre_to_it() -> None:
    assert mix.weighted_median([1, 0, 0, 1]) == Fraction(3, 2)
    assert mix.weighted_median([1, 0, 0, 3]) == 3
    assert mix.weighted_median([0, 0, 0, 0]) is None


def test_the_pooled_mix_is_each_roles_share_of_everyone() -> None:
    rounds = mix_only([(3, 3, 6, 3), (6, 3, 3, 3)])
    shares = mix.pooled(t for _, t in rounds)
    assert shares == {CARER: Fraction(6, 30), MANAGER: Fraction(6, 30),
                      PERSON: Fraction(9, 30), PRACTITIONER: Fraction(9, 30)}
    assert sum(shares.values()) == 1


def test_only_the_mix_changing_leaves_the_adjusted_values_alone() -> None:
    rounds = mix_only([(3, 9, 9, 3), (9, 3, 3, 9)])
    common = mix.pooled(t for _, t in rounds)
    found = []
    for _, t in rounds:
        groups = mix.pools(t, LIVED, "partnership")
        weights = mix.integral(mix.weights(t, common, groups, 3).per_person)
        found.append(mix.values(FW, t.counts, groups, weights))
    assert found[0] == found[1]
    answered = [{s.id: t.statement_value(s.id, "partnership", LIVED) for s in FW.statements}
                for _, t in rounds]
    assert answered[0] != answered[1]  # as answered, the mix alone moved the figures


def test_a_small_role_is_never_re_weighted_on_its_own() -> None:
    """Re-weighting a role of two against the rest of its voice would give its answers away
    beside the figure as answered, so that voice keeps its people as they are."""
    t = tally({PERSON: (2, 3), CARER: (6, 1), PRACTITIONER: (6, 1)})
    groups = mix.pools(t, LIVED, "partnership")
    found = mix.weights(t, {PERSON: Fraction(1, 2), CARER: Fraction(1, 4),
                            PRACTITIONER: Fraction(1, 4)}, groups, 3)
    assert found.per_person[PERSON] == found.per_person[CARER] == 1
    assert found.kept == [[CARER, PERSON]]


def test_small_roles_together_are_one_stratum_when_they_are_enough() -> None:
    t = tally({PERSON: (6, 2), CARER: (2, 1), PRACTITIONER: (2, 1),
               MANAGER: (2, 1), "commissioner": (6, 1)})
    groups = mix.pools(t, LIVED, "partnership")
    share = {r: Fraction(1, 5) for r in (PERSON, CARER, PRACTITIONER, MANAGER, "commissioner")}
    found = mix.weights(t, share, groups, 3).per_person
    assert found[PRACTITIONER] == found[MANAGER] == Fraction(2, 5) / 4  # one stratum of four
    assert found["commissioner"] == Fraction(1, 5) / 6


def test_pools_follow_the_weighting() -> None:
    t = tally({PERSON: (3, 2), PRACTITIONER: (3, 1)})
    assert mix.pools(t, LIVED, "partnership") == [[PERSON], [PRACTITIONER]]
    assert mix.pools(t, LIVED, "person") == [[PERSON, PRACTITIONER]]
    assert mix.pools(t, LIVED, "role") == [[PERSON], [PRACTITIONER]]


@pytest.mark.parametrize("weighting", ["partnership", "role", "person"])
def test_every_person_weighing_one_gives_the_values_as_answered(weighting: Weighting) -> None:
    """`values` with each person's weight 1, over the weighting's pools (as the trend scores a
    round as answered), gives what `Tally.statement_value` gives statement by statement, for
    random sets of people of any roles (fixed seed)."""
    framework = Library.builtin().framework("nef")
    words = ["not-yet", "descriptive", "intermediate", "transformative", "unsure", None]
    rng = random.Random(29)
    for _ in range(40):
        t = Tally(framework)
        roles = rng.sample(["carer", "person-drawing-on-care", "manager", "practitioner",
                            "other"], rng.randint(1, 5))
        for _ in range(rng.randint(1, 12)):
            t.add_ballot(Ballot(rng.choice(roles),
                                {s.id: rng.choice(words) for s in framework.statements}))
        each = {s.id: t.statement_value(s.id, weighting, LIVED) for s in framework.statements}
        ones = dict.fromkeys(t.counts, 1)
        assert mix.values(framework, t.counts, mix.pools(t, LIVED, weighting), ones) == each
        assert any(value is not None for value in each.values())
