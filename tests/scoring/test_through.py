"""One set of answers through a crosswalk: each person's answers carried by the lowest rule,
what nothing covers left out of every figure and named, the same groups held back in every
result of the same people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coprod_cli.crosswalks import Crosswalk
from coprod_cli.models import Framework
from coprod_cli.reading.loader import validated
from coprod_cli.results import Result
from coprod_cli.scoring import through
from coprod_cli.scoring.engine import Tally, score
from tests.builders import CATALOGUE, FW, answers, make_framework

# FW: alpha-1, alpha-2, beta-1, beta-2, beta-3 (the answers' framework)
TARGET = make_framework({"gamma": 2, "delta": 1})


def walk(mappings: list[dict[str, Any]], not_covered: list[dict[str, Any]]) -> Crosswalk:
    return validated(Crosswalk, {
        "id": "test-to-test", "name": "From test to test", "reviewed": "read",
        "from": {"framework": "test", "version": "1"}, "to": {"framework": "test", "version": "1"},
        "mappings": mappings, "not_covered": not_covered})


WALK = walk([{"to": "gamma-1", "from": ["alpha-1", "beta-1"], "note": "both"},
             {"to": "gamma-2", "from": ["alpha-2"], "note": "same"}],
            [{"id": "delta-1", "note": "nothing asks it"}])


def tally_of(people: Sequence[tuple[str | None, dict[str, str]]]) -> Tally:
    tally = Tally(FW, people=[])
    for role, levels in people:
        tally.add(answers({s.id: levels.get(s.id, "intermediate") for s in FW.statements}, role))
    return tally


def scorer(framework: Framework, tally: Tally, hidden: Sequence[str], **more: Any) -> Result:
    return score(framework, CATALOGUE, tally, hidden=hidden, **more)


def test_a_person_answers_a_statement_by_the_lowest_of_its_sources_unsure_left_out() -> None:
    tally = tally_of([(None, {"alpha-1": "transformative", "beta-1": "descriptive",
                              "alpha-2": "unsure"})])
    out = through.translate(tally, WALK, TARGET)
    assert out.counts["other"]["gamma-1"] == [0, 1, 0, 0]  # descriptive, not transformative
    assert out.counts["other"]["gamma-2"] == [0, 0, 0, 0]  # its one source was unsure
    assert out.counts["other"]["delta-1"] == [0, 0, 0, 0]  # nothing covers it
    assert out.total == 1


def test_what_nothing_covers_is_left_out_named_and_an_area_with_none_has_no_level_and_why(
) -> None:
    tally = tally_of([(None, {})])
    [res] = through.score_all(tally, [(TARGET, WALK)],
                              lambda f, t, h: scorer(f, t, h, fail_under="not-yet"))
    assert res.through is not None and res.through.answered.id == "test"
    assert [u.id for u in res.through.not_covered] == ["delta-1"]
    assert res.through.not_covered[0].note == "nothing asks it"
    delta = res.dimensions[1]
    assert (delta.level, delta.not_covered, delta.unsure) == (None, 1, 0)
    assert res.level is None and res.gate is not None and not res.gate.met
    assert "nothing in the answers to test covers delta" in (res.gate.reason or "")
    assert res.findings[0].startswith("Through a crosswalk")
    assert any(w.startswith("'delta' has no level: nothing in the answers") for w in res.warnings)
    assert not any("every answer in it was unsure" in w for w in res.warnings)


def test_a_framework_scored_directly_is_left_as_score_gives_it() -> None:
    tally = tally_of([(None, {}), ("carer", {})])
    [res] = through.score_all(tally, [(FW, None)], scorer)
    assert res.through is None
    assert res == score(FW, CATALOGUE, tally)


def test_every_result_of_the_same_people_holds_back_the_same_groups() -> None:
    people = [("person-drawing-on-care", {}), ("person-drawing-on-care", {}),
              ("person-drawing-on-care", {}), ("carer", {"alpha-1": "not-yet"}),
              *[("practitioner", {"beta-2": "transformative"})] * 3,
              ("manager", {})] * 1
    tally = tally_of(people)
    results = through.score_all(tally, [(FW, None), (TARGET, WALK)], scorer)
    held = [{h.group for h in res.held_back} for res in results]
    assert held[0] == held[1] and {"carer", "manager"} <= held[0]
    for res in results:
        assert not {r.role for r in res.by_role} & held[0]


def test_a_statement_whose_sources_all_do_not_apply_does_not_apply_through_the_crosswalk(
        ) -> None:
    na = {"level": "does-not-apply", "reason": "No groups here"}
    tally = Tally(FW, people=[])
    tally.add(answers({"alpha-1": na, "beta-1": na, "alpha-2": "descriptive",
                       "beta-2": "intermediate", "beta-3": "intermediate"}))
    tally.add(answers({"alpha-1": na, "beta-1": "unsure", "alpha-2": "descriptive",
                       "beta-2": "intermediate", "beta-3": "intermediate"}))
    out = through.translate(tally, WALK, TARGET)
    assert out.not_applying["gamma-1"] == 1  # the second person was unsure of one source
    assert out.counts["other"]["gamma-1"] == [0, 0, 0, 0]
    assert dict(out.reasons["gamma-1"]) == {"No groups here": None}
