"""An answers file as commented YAML: what `template` writes and the questionnaire saves.

Every value goes through PyYAML's emitter, so no name, id or evidence can break the file or
add keys to it; comments built from framework text have line breaks and other characters a
YAML reader refuses made visible, so a comment always ends where coprod ends it.
"""

from __future__ import annotations

import dataclasses
import datetime
import textwrap
from typing import Any

import yaml

from coprod_cli import plain
from coprod_cli.answers import ANSWER_WORDS, Answer, Answers
from coprod_cli.models import Catalogue, Framework
from coprod_cli.safetext import visible_line

_WIDTH = 2**31 - 1  # never folded: one value, one line
_UNREADABLE = {0xFFFE: "\\ufffe", 0xFFFF: "\\uffff"}  # not controls, but YAML refuses them
_OWN_KEYS = ("framework", "service", "respondent", "assessed_on", "answers")


def render_answers(framework: Framework, catalogue: Catalogue,
                   answers: Answers | None = None, *, plain: bool = False) -> str:
    """An answers file as YAML: every statement id a key, its wording as a comment above."""
    given = answers.answers if answers else {}
    lines = [*_header(framework), *_top(catalogue, framework, answers), "answers:"]
    for dimension in framework.dimensions:
        about = f"== {dimension.name}: {dimension.plain if plain else dimension.text}"
        lines += ["", *comment(about, "  ")]
        for statement in dimension.statements:
            lines += comment(statement.plain if plain else statement.text, "  ")
            if statement.evidence_examples:
                lines += comment("Evidence, for example: "
                                 + "; ".join(statement.evidence_examples), "  ")
            lines.append(f"  {scalar(statement.id)}:{_value(given.get(statement.id))}")
    return "\n".join(lines) + "\n"


def comment(text: str, indent: str = "") -> list[str]:
    """Text as comment lines, wrapped; nothing in it can end the comment early."""
    safe = visible_line(text).translate(_UNREADABLE)
    return [f"{indent}# {part}" for part in textwrap.wrap(safe, 94)] or [f"{indent}#"]


def scalar(value: object) -> str:
    """One value as YAML on one line, quoted when it would otherwise read as something else."""
    return _dump(value, None)


def quoted(text: str) -> str:
    """Free text, double-quoted, every line break and control character escaped."""
    return _dump(text, '"')


def _dump(value: object, style: str | None) -> str:
    dumped = yaml.safe_dump(value, default_style=style, default_flow_style=True,
                            allow_unicode=True, width=_WIDTH, sort_keys=False)
    return dumped.removesuffix("\n").removesuffix("\n...")


def _header(framework: Framework) -> list[str]:
    return [
        *comment(f"coprod answers: {framework.name} ({framework.id} {framework.version})"),
        "# For each statement write one of: " + ", ".join(ANSWER_WORDS) + " (or 0-3).",
        f"# What each level looks like: coprod show {framework.id}",
        '# Evidence is welcome:  statement-id: {level: intermediate, evidence: "..."}',
        "# If a statement does not apply to your service, say so, with a short reason if you"
        " like:",
        '#   statement-id: {level: does-not-apply, reason: "..."}  (left out of the level)',
    ]


def _top(catalogue: Catalogue, framework: Framework, answers: Answers | None) -> list[str]:
    """Everything above the answers, including what the questionnaire never asks about."""
    roles = ", ".join(role.id for role in catalogue.roles)
    respondent = _given(answers.respondent) if answers else {}
    role = respondent.pop("role", None)
    service = answers.service if answers else None
    lines = [f"framework: {scalar(framework.id)}",
             f"service:{_field(service)}  # optional; the service or team, for report titles",
             "respondent:",
             f"  role: {scalar(role) if role else ''}  # optional; one of: {roles}"]
    lines += [f"  {scalar(key)}:{_field(value)}" for key, value in respondent.items()]
    lines.append(f"assessed_on: {scalar(_date(answers))}")
    kept = _given(answers, exclude=_OWN_KEYS) if answers else {}
    return lines + [f"{scalar(key)}:{_field(value)}" for key, value in kept.items()]


def _given(value: Any, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields that hold something, as data, in order; `exclude` left out (the answers'
    fields beyond the four every file has are kept as they were read)."""
    return {item.name: plain.to_data(getattr(value, item.name))
            for item in dataclasses.fields(value)
            if item.name not in exclude and getattr(value, item.name) is not None}


def _field(value: Any) -> str:
    if value is None:
        return ""
    return " " + (quoted(value) if isinstance(value, str) else scalar(value))


def _date(answers: Answers | None) -> datetime.date:
    day = answers.assessed_on if answers else None
    return day or datetime.date.today()


def _value(answer: Answer | None) -> str:
    if answer is None:
        return ""
    extra = [f"{name}: {quoted(text)}" for name, text in (("evidence", answer.evidence),
                                                          ("reason", answer.reason)) if text]
    if not extra:
        return f" {answer.level}"
    return " {level: " + ", ".join([answer.level, *extra]) + "}"
