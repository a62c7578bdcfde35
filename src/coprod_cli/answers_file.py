"""An answers file as commented YAML: what `template` writes and the questionnaire saves."""

from __future__ import annotations

import datetime
import json
import textwrap

from coprod_cli.answers import ANSWER_WORDS, Answer, Answers
from coprod_cli.models import Catalogue, Framework


def render_answers(framework: Framework, catalogue: Catalogue,
                   answers: Answers | None = None, *, plain: bool = False) -> str:
    """An answers file as YAML: every statement id a key, its wording as a comment above."""
    roles = ", ".join(role.id for role in catalogue.roles)
    given = answers.answers if answers else {}
    lines = [
        f"# coprod answers: {framework.name} ({framework.id} {framework.version})",
        "# For each statement write one of: " + ", ".join(ANSWER_WORDS) + " (or 0-3).",
        f"# What each level looks like: coprod show {framework.id}",
        '# Evidence is welcome:  statement-id: {level: intermediate, evidence: "..."}',
        f"framework: {framework.id}",
        "respondent:",
        f"  role: {_role(answers)}  # optional; one of: {roles}",
        f"assessed_on: {_date(answers)}",
        "answers:",
    ]
    for dimension in framework.dimensions:
        about = f"== {dimension.name}: {dimension.plain if plain else dimension.text}"
        lines += ["", *(f"  # {part}" for part in textwrap.wrap(about, 94))]
        for statement in dimension.statements:
            wording = statement.plain if plain else statement.text
            lines += [f"  # {part}" for part in textwrap.wrap(wording, 94)]
            lines.append(f"  {statement.id}:{_value(given.get(statement.id))}")
    return "\n".join(lines) + "\n"


def _role(answers: Answers | None) -> str:
    return answers.respondent.role or "" if answers else ""


def _date(answers: Answers | None) -> str:
    day = answers.assessed_on if answers and answers.assessed_on else datetime.date.today()
    return day.isoformat()


def _value(answer: Answer | None) -> str:
    if answer is None:
        return ""
    if answer.evidence is None:
        return f" {answer.level}"
    evidence = json.dumps(answer.evidence, ensure_ascii=False)  # JSON strings are YAML too
    return f" {{level: {answer.level}, evidence: {evidence}}}"
