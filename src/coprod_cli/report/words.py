"""Phrases every format shares, so text, Markdown and HTML say the same thing."""

from __future__ import annotations

from coprod_cli.models import LEVEL_VALUES, Catalogue
from coprod_cli.results import Result


def level_name(catalogue: Catalogue, level: str | None) -> str:
    return "no level" if level is None else catalogue.level(level).name


def level_phrase(catalogue: Catalogue, level: str | None) -> str:
    """'Intermediate (level 2 of 3)': the word and the number, never colour alone."""
    if level is None:
        return "No level (some areas had only 'unsure' answers)"
    return f"{level_name(catalogue, level)} (level {LEVEL_VALUES[level]} of 3)"


def score_phrase(score: float | None) -> str:
    return "no score" if score is None else f"{score:.2f} out of 3"


def held_down(res: Result) -> str:
    names = {d.id: d.name for d in res.dimensions}
    held = ", ".join(names[d] for d in res.limited_by)
    if res.level is None:
        return f"No overall level: every answer was 'unsure' in {held}."
    if len(res.limited_by) == len(res.dimensions):
        return "Every area is at the same level."
    return f"Held down by: {held}. The weakest area sets the overall level."


def gate_phrase(res: Result, catalogue: Catalogue) -> str | None:
    if res.gate is None:
        return None
    aim = level_name(catalogue, res.gate.fail_under)
    return f"Gate met: at or above {aim}." if res.gate.met else \
        f"Gate NOT met: below {aim}."


def bar(score: float | None, width: int = 12) -> str:
    """A text bar, 0-3 across `width` characters."""
    if score is None:
        return "?" * width
    filled = round(score / 3 * width)
    return "#" * filled + "." * (width - filled)
