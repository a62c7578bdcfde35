"""The rules for an answers file, without a terminal: start afresh, resume or restart."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest

from coprod_cli.answers import Answers
from coprod_cli.errors import UsageProblem
from coprod_cli.questionnaire import flow as q
from coprod_cli.questionnaire import resume
from tests.builders import FW, answers

FLOW = q.steps(FW)
TODAY = datetime.date(2026, 11, 24)
ALL = {s.id: "descriptive" for s in FW.statements}


def held_by_jo(values: dict[str, object]) -> Answers:
    return dataclasses.replace(
        answers(values, "carer"),
        respondent=dataclasses.replace(answers({}, "carer").respondent, name="Jo"),
        assessed_on=datetime.date(2026, 10, 1))


@pytest.mark.parametrize(("existing", "restart", "expected"), [
    (None, False, "new"), (None, True, "new"),
    ({"alpha-1": 2}, False, "resume"), ({}, False, "resume"),
    (ALL, False, "complete"),
    ({"alpha-1": 2}, True, "confirm-restart"), ({}, True, "restart"),
])
def test_what_happens_to_the_file_before_the_first_question(
        existing: dict[str, object] | None, restart: bool, expected: str) -> None:
    held = None if existing is None else answers(existing)
    assert resume.opening(FLOW, held, restart) == expected


def test_resuming_keeps_everything_the_file_holds() -> None:
    existing = held_by_jo({"alpha-1": {"level": 2, "evidence": "minutes"}})
    start = resume.starting_answers(FW, existing, "resume", TODAY)
    assert list(start.answers) == [s.id for s in FW.statements]
    assert start.answers["alpha-1"] == existing.answers["alpha-1"]
    assert start.respondent.name == "Jo" and start.assessed_on == datetime.date(2026, 10, 1)
    assert q.next_unanswered(FLOW, start.answers) == 1


def test_a_restart_clears_only_the_answers() -> None:
    start = resume.starting_answers(FW, held_by_jo(ALL), "restart", TODAY)
    assert set(start.answers.values()) == {None} and start.assessed_on == TODAY
    assert (start.respondent.role, start.respondent.name) == ("carer", "Jo")


def test_a_new_file_starts_today_with_nothing_answered() -> None:
    start = resume.starting_answers(FW, None, "new", TODAY)
    assert start.framework == FW.id and start.assessed_on == TODAY
    assert set(start.answers.values()) == {None}


@pytest.mark.parametrize(("how", "role_given", "asked"), [
    ("new", False, True), ("restart", False, True), ("resume", False, False),
    ("complete", False, False), ("new", True, False)])
def test_the_role_is_asked_only_on_a_fresh_start(how: resume.Opening, role_given: bool,
                                                  asked: bool) -> None:
    assert resume.asks_role(how, role_given) is asked


def test_answering_keeps_evidence_and_a_role_keeps_the_name() -> None:
    existing = held_by_jo({"alpha-1": {"level": 2, "evidence": "minutes"}})
    changed = resume.with_answer(existing, "alpha-1", "transformative")
    assert changed.answers["alpha-1"] is not None
    assert (changed.answers["alpha-1"].level, changed.answers["alpha-1"].evidence) == (
        "transformative", "minutes")
    assert resume.with_role(existing, "manager").respondent.name == "Jo"
    assert resume.held(existing) == 1 and resume.held(None) == 0


def test_a_file_for_another_framework_is_refused() -> None:
    with pytest.raises(UsageProblem, match="holds answers for 'test', not 'nef'"):
        resume.same_framework(Path("a.yaml"), answers({}), "nef")
    resume.same_framework(Path("a.yaml"), answers({}), None)
    assert resume.default_path("nef") == Path("coprod-nef-answers.yaml")
