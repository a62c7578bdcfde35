"""'Does not apply': left out of the arithmetic like unsure; an area where nothing applies has no
level and is left out of the overall level; an area of only unsure and does-not-apply answers
is unknown; nothing applying at all leaves no level and a gate not met."""

from __future__ import annotations

from coprod_cli.scoring import comparison
from coprod_cli.scoring.engine import Tally, score
from tests.builders import CATALOGUE, FW, answers, result_for

ALL_INTERMEDIATE = {s.id: "intermediate" for s in FW.statements}
NA = "does-not-apply"
BETA_LOW = {"beta-1": "descriptive", "beta-2": "descriptive", "beta-3": "descriptive"}


def test_a_statement_that_does_not_apply_is_left_out_like_unsure() -> None:
    na = result_for({**ALL_INTERMEDIATE, "beta-1": NA, "beta-2": "transformative"})
    unsure = result_for({**ALL_INTERMEDIATE, "beta-1": "unsure", "beta-2": "transformative"})
    beta = na.dimensions[1]
    assert beta.score == unsure.dimensions[1].score == 2.5
    assert (beta.answered, beta.unsure, beta.not_applying, beta.does_not_apply) == (2, 0, 1, False)
    assert (na.level, na.score) == (unsure.level, unsure.score)
    statement = next(s for s in na.statements if s.id == "beta-1")
    assert statement.does_not_apply and statement.not_applying == 1 and statement.level is None
    assert na.not_applying_answers == 1 and na.unsure_answers == 0


def test_an_area_where_nothing_applies_is_left_out_and_the_others_set_the_level() -> None:
    res = result_for({"alpha-1": NA, "alpha-2": NA, **BETA_LOW}, fail_under="descriptive")
    alpha = res.dimensions[0]
    assert alpha.does_not_apply and alpha.level is None and alpha.score is None
    assert (res.level, res.score, res.limited_by) == ("descriptive", 1.0, ["beta"])
    assert res.gate is not None and res.gate.met  # never a failure
    assert any("'alpha' does not apply" in w and "left out" in w for w in res.warnings)
    assert not any("unsure" in w for w in res.warnings)


def test_an_area_all_unsure_is_unknown_and_distinct_from_one_that_does_not_apply() -> None:
    res = result_for({"alpha-1": "unsure", "alpha-2": "unsure", **BETA_LOW})
    assert not res.dimensions[0].does_not_apply
    assert res.level is None and res.limited_by == ["alpha"]


def test_an_area_of_only_unsure_and_does_not_apply_answers_is_unknown() -> None:
    """The parts of it that apply were not rated: nobody knows its level, so nor the whole's."""
    res = result_for({"alpha-1": "unsure", "alpha-2": NA, **BETA_LOW}, fail_under="not-yet")
    alpha = res.dimensions[0]
    assert (alpha.level, alpha.does_not_apply, alpha.unsure, alpha.not_applying) == \
        (None, False, 1, 1)
    assert res.level is None and res.limited_by == ["alpha"]
    assert res.gate is not None and not res.gate.met
    assert any("'alpha' has no level" in w and "do not apply" in w for w in res.warnings)


def test_nothing_applying_leaves_no_level_and_a_gate_not_met() -> None:
    res = result_for(dict.fromkeys(ALL_INTERMEDIATE, NA), fail_under="not-yet")
    assert all(d.does_not_apply for d in res.dimensions)
    assert res.level is None and res.score is None and res.limited_by == []
    assert res.gate is not None and not res.gate.met
    assert res.gate.reason and "no area applies" in res.gate.reason
    assert res.recommendations == [] and res.next_steps == []


def test_an_area_that_does_not_apply_is_held_to_no_target() -> None:
    res = result_for({"alpha-1": NA, "alpha-2": NA, **BETA_LOW}, fail_under="not-yet",
                     area_targets={"alpha": "transformative", "beta": "descriptive"})
    assert res.gate is not None and res.gate.met and res.gate.below_target == []


def test_in_a_group_each_persons_does_not_apply_is_left_out_of_their_own_statement() -> None:
    tally = Tally(FW)
    tally.add(answers({**ALL_INTERMEDIATE, "alpha-1": {"level": NA, "reason": "No groups"}},
                      role="carer"))
    tally.add(answers({**ALL_INTERMEDIATE, "alpha-1": {"level": NA, "reason": "No groups"}},
                      role="manager"))
    tally.add(answers({**ALL_INTERMEDIATE, "alpha-1": "transformative"}, role="practitioner"))
    res = score(FW, CATALOGUE, tally, weighting="person")
    statement = next(s for s in res.statements if s.id == "alpha-1")
    assert statement.level == "transformative" and not statement.does_not_apply
    assert statement.not_applying == 2 and statement.reasons == ["No groups"]  # each reason once
    assert res.not_applying_answers == 2


def test_in_a_group_one_unsure_answer_keeps_a_statement_unknown() -> None:
    tally = Tally(FW)
    tally.add(answers({**ALL_INTERMEDIATE, "alpha-1": NA, "alpha-2": NA}))
    tally.add(answers({**ALL_INTERMEDIATE, "alpha-1": NA, "alpha-2": "unsure"}))
    res = score(FW, CATALOGUE, tally)
    assert not res.dimensions[0].does_not_apply and res.dimensions[0].level is None
    everyone = Tally(FW)
    for _ in range(2):
        everyone.add(answers({**ALL_INTERMEDIATE, "alpha-1": NA, "alpha-2": NA}))
    assert score(FW, CATALOGUE, everyone).dimensions[0].does_not_apply


def test_a_comparison_never_counts_an_area_that_does_not_apply_as_a_fall() -> None:
    before = result_for(ALL_INTERMEDIATE)
    after = result_for({**ALL_INTERMEDIATE, "alpha-1": NA, "alpha-2": NA})
    cmp = comparison.compare(before, after)
    alpha = cmp.dimensions[0]
    assert alpha.not_applying_after and not alpha.level_dropped
    assert alpha.level_direction == "same" and not cmp.regression
    assert any("Alpha does not apply" in w for w in cmp.warnings)
    back = comparison.compare(after, before)
    assert back.dimensions[0].not_applying_before and back.dimensions[0].level_direction == "same"
