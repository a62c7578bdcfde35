"""The questionnaire's rules for an answers file: start afresh, resume, or restart.

Whatever the file holds that the questionnaire does not ask about (the respondent's name,
evidence, other fields) is carried through untouched; a restart clears only the answers.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, cast

from coprod_cli.answers import DOES_NOT_APPLY, Answer, AnswerLevel, Answers
from coprod_cli.errors import UsageProblem
from coprod_cli.i18n import _
from coprod_cli.models import Framework
from coprod_cli.questionnaire.flow import Step, next_unanswered

# new: no file yet; resume: carry on at the first unanswered statement; complete: nothing
# left to ask; confirm-restart: --restart on a file with answers, so ask first; restart:
# clear the answers (confirmed, or there were none).
Opening = Literal["new", "resume", "complete", "confirm-restart", "restart"]


def default_path(framework_id: str) -> Path:
    """Where answers go when no -o FILE is given: beside the person, named by framework."""
    return Path(f"coprod-{framework_id}-answers.yaml")


def same_framework(path: Path, held: Answers, wanted: str | None) -> None:
    """Refuse to carry on with a file that holds answers for another framework."""
    if wanted and held.framework != wanted:
        raise UsageProblem(
            _("{path} holds answers for '{framework}', not '{wanted}'").format(
                path=path, framework=held.framework, wanted=wanted
            ),
            _("leave out FRAMEWORK to carry on with it, or choose another -o FILE"),
        )


def held(answers: Answers | None) -> int:
    """How many statements the file answers already."""
    return 0 if answers is None else sum(1 for a in answers.answers.values() if a is not None)


def opening(flow: Sequence[Step], existing: Answers | None, restart: bool) -> Opening:
    """What to do with the file before the first question."""
    if existing is None:
        return "new"
    if restart:
        return "confirm-restart" if held(existing) else "restart"
    return "complete" if next_unanswered(flow, existing.answers) is None else "resume"


def starting_answers(framework: Framework, existing: Answers | None, how: Opening,
                     today: datetime.date) -> Answers:
    """What the questionnaire starts from: every statement keyed, in the framework's order."""
    base = existing or Answers(framework=framework.id)
    kept = how in ("resume", "complete")
    given = base.answers if kept else {}
    return dataclasses.replace(
        base, answers={s.id: given.get(s.id) for s in framework.statements},
        assessed_on=(base.assessed_on if kept else None) or today)


def asks_role(how: Opening, role_given: bool) -> bool:
    """The role is asked on a fresh start, unless --role named it."""
    return not role_given and how in ("new", "restart")


def with_role(answers: Answers, role: str | None) -> Answers:
    """The same answers, the respondent's role changed (their other details kept)."""
    respondent = dataclasses.replace(answers.respondent, role=role)
    return dataclasses.replace(answers, respondent=respondent)


def with_answer(answers: Answers, statement_id: str, level: str,
                evidence: str | None = None, reason: str | None = None) -> Answers:
    """The same answers with one level given; evidence already there is kept unless new
    evidence is given, and so is a reason it does not apply while the answer still says so."""
    before = answers.answers.get(statement_id)
    word = cast(AnswerLevel, level)  # the questionnaire reads levels with parse_level_word
    kept = (reason or (before.reason if before else None)) if word == DOES_NOT_APPLY else None
    new = dataclasses.replace(before, level=word, reason=kept) if before else \
        Answer(level=word, reason=kept)
    if evidence:
        new = dataclasses.replace(new, evidence=evidence)
    return dataclasses.replace(answers, answers={**answers.answers, statement_id: new})
