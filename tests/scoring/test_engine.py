"""The scoring contract, case by case, and properties that guard it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.answers import ANSWER_WORDS
from coprod_cli.errors import IncompleteAnswers
from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES
from coprod_cli.scoring.engine import Tally, score
from tests.builders import CATALOGUE, FW, answers, result_for

ALL_INTERMEDIATE = {s.id: "intermediate" for s in FW.statements}


def test_unsure_is_left_out_of_the_arithmetic() -> None:
    res = result_for({**ALL_INTERMEDIATE, "beta-1": "unsure", "beta-2": "transformative"})
    assert res.dimensions[1].score == 2.5
    assert res.dimensions[1].unsure == 1


def test_a_dimension_all_unsure_has_no_level_and_neither_has_the_whole() -> None:
    res = result_for({**ALL_INTERMEDIATE, "alpha-1": "unsure", "alpha-2": "unsure"},
                     fail_under="not-yet")
    assert res.dimensions[0].level is None
    assert res.level is None and res.score is None
    assert res.limited_by == ["alpha"]
    assert any("no level" in warning for warning in res.warnings)
    assert res.gate is not None and not res.gate.met


def test_missing_answers_count_as_unsure_or_are_an_error_when_refused() -> None:
    given = answers({"alpha-1": "intermediate", "alpha-2": None, "beta-1": "unsure",
                     "beta-2": "descriptive"})
    with pytest.raises(IncompleteAnswers, match="2 of 5 statements have no answer: alpha-2, "
                       "beta-3"):
        Tally(FW, refuse_partial=True).add(given)
    tally = Tally(FW)
    tally.add(given)
    assert (tally.total, tally.unsure_answers, tally.unanswered) == (1, 3, 2)
    assert [ids for _, ids in tally.partial] == [("alpha-2", "beta-3")]
    res = score(FW, CATALOGUE, tally)
    assert res.warnings[0].startswith("1 respondent(s) left 2 statement(s) unanswered, counted "
                                      "as unsure: respondent 1: 2 of 5 (alpha-2, beta-3)")
    complete = Tally(FW)
    complete.add(answers({**dict.fromkeys(["alpha-2", "beta-3"], "unsure"),
                          "alpha-1": "intermediate", "beta-1": "unsure", "beta-2": "descriptive"}))
    assert score(FW, CATALOGUE, complete).statements == res.statements  # the same as unsure


def test_default_target_is_the_next_level_up() -> None:
    res = result_for(ALL_INTERMEDIATE)
    assert res.target == "transformative"
    assert {s.id for item in res.recommendations for s in item.statements} == \
        {s.id for s in FW.statements}


def test_target_level_limits_the_plan_to_statements_below_it() -> None:
    res = result_for({**ALL_INTERMEDIATE, "alpha-1": "descriptive"}, target="intermediate")
    served = {s.id for item in res.recommendations for s in item.statements}
    assert served == {"alpha-1"}
    (item,) = res.recommendations
    assert item.statements[0].next_level == "intermediate"
    assert item.statements[0].next_descriptor == "what intermediate looks like"


def test_plan_is_grouped_by_piece_with_the_largest_gap_first() -> None:
    res = result_for({"alpha-1": "not-yet", "alpha-2": "descriptive", "beta-1": "intermediate",
                      "beta-2": "transformative", "beta-3": "descriptive"},
                     target="transformative")
    pieces = [item.piece for item in res.recommendations]
    assert pieces == sorted(pieces, key=["culture", "structure", "practice", "review"].index)
    for piece in set(pieces):
        gaps = [item.gap for item in res.recommendations if item.piece == piece]
        assert gaps == sorted(gaps, reverse=True)


def test_gate() -> None:
    assert result_for(ALL_INTERMEDIATE, fail_under="intermediate").gate.met  # type: ignore[union-attr]
    assert not result_for(ALL_INTERMEDIATE,
                          fail_under="transformative").gate.met  # type: ignore[union-attr]


answer_word = st.sampled_from(ANSWER_WORDS)
answer_sets = st.fixed_dictionaries({s.id: answer_word for s in FW.statements})


@given(answer_sets)
def test_scores_stay_between_0_and_3(values: dict[str, str]) -> None:
    res = result_for(values)
    for d in res.dimensions:
        assert d.score is None or 0 <= d.score <= 3
    assert res.score is None or 0 <= res.score <= 3


@given(answer_sets, st.sampled_from([s.id for s in FW.statements]))
def test_a_better_answer_never_lowers_a_score_or_level(values: dict[str, str], sid: str) -> None:
    if values[sid] in ("unsure", "does-not-apply", "transformative"):
        return  # no level to raise (a statement that comes to apply may lower its area)
    better = {**values, sid: LEVEL_IDS[LEVEL_VALUES[values[sid]] + 1]}
    before, after = result_for(values), result_for(better)
    for old, new in zip(before.dimensions, after.dimensions, strict=True):
        assert (old.score is None) == (new.score is None)
        if old.score is not None and new.score is not None:
            assert new.score >= old.score
            assert LEVEL_VALUES[new.level or "not-yet"] >= LEVEL_VALUES[old.level or "not-yet"]
    if before.level and after.level:
        assert LEVEL_VALUES[after.level] >= LEVEL_VALUES[before.level]
