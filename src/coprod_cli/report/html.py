"""HTML output: one self-contained, accessible page with a radar chart, from jinja2 templates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum
from functools import cache

import jinja2

from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES, Catalogue
from coprod_cli.report import (
    SHORT,
    View,
    applywords,
    phrases,
    planwords,
    radar,
    sections,
    templating,
    together,
    voices,
)
from coprod_cli.resultparts import ServedStatement
from coprod_cli.results import Comparison, Result
from coprod_cli.safetext import visible


@dataclass(frozen=True)
class NextLevel:
    """What a dimension's next level looks like: in general, and statement by statement."""

    level: str
    descriptor: str
    plain: str
    statements: tuple[ServedStatement, ...]


@cache
def environment() -> jinja2.Environment:
    """Templates shipped in the package; every value is escaped unless a template says not."""
    env = templating.environment()
    env.globals.update(migration_notes=migration_notes, phrases=phrases, voices=voices,
                       applywords=applywords,
                       planwords=planwords, together=together,
                       level_value=LEVEL_VALUES.get, fmt=score_text, date_text=date_text,
                       people=people)
    return env


def migration_notes(res: Result) -> list[str]:
    """The warnings that say which answers came through the migration map."""
    from coprod_cli.scoring.engine import carried_note

    return [carried_note(res.framework.id, item) for item in res.migrated]


def score_text(score: float | None) -> str:
    """'1.75', or 'no score'."""
    return "no score" if score is None else f"{score:.2f}"


def people(count: int) -> str:
    """'1 person', '12 people'."""
    return "1 person" if count == 1 else f"{count} people"


def level_names(catalogue: Catalogue) -> list[str]:
    """Every level's name, lowest first: the chart's rings."""
    return [catalogue.level(level).name for level in LEVEL_IDS]


def next_steps(res: Result, catalogue: Catalogue) -> dict[str, NextLevel]:
    """Per dimension below the top: the next level, and what each statement's next level up
    looks like (statements already at the top have none)."""
    steps = {}
    for d in res.dimensions:
        if d.level == LEVEL_IDS[-1]:
            continue
        nxt = catalogue.level(LEVEL_IDS[0 if d.level is None else LEVEL_VALUES[d.level] + 1])
        ordered = tuple(
            ServedStatement(id=s.id, text=s.text, plain=s.plain, level=s.level,
                            next_level=s.next_level,
                            next_descriptor=s.next_descriptor, next_plain=s.next_plain or "")
            for s in res.statements
            if s.dimension == d.id and s.level and s.next_level and s.next_descriptor)
        steps[d.id] = NextLevel(nxt.name, nxt.descriptor, nxt.plain, ordered)
    return steps


def _dimensions(res: Result) -> list[tuple[str, str]]:
    return [(d.id, d.name) for d in res.dimensions]


def result_chart(res: Result, catalogue: Catalogue) -> radar.Chart:
    """One line for the result; for a collective result, one more for each voice shown (the
    roles stay in the table: six lines on one chart cannot be read)."""
    series = [("Everyone" if res.by_voice else "Score", [d.score for d in res.dimensions])]
    series += [(voice.name, [voice.dimensions.get(d.id) for d in res.dimensions])
               for voice in res.by_voice]
    return radar.chart(_dimensions(res), series, level_names(catalogue))


def comparison_chart(cmp: Comparison, catalogue: Catalogue) -> radar.Chart:
    """Before and after on one chart, each named with its date when it has one."""
    return radar.chart(_dimensions(cmp.after), [
        (f"Before{_on(cmp.before)}", [d.before_score for d in cmp.dimensions]),
        (f"After{_on(cmp.after)}", [d.after_score for d in cmp.dimensions])],
        level_names(catalogue))


def date_text(day: datetime.date | None) -> str:
    """'20 May 2026', the way a UK reader writes it."""
    return "date not given" if day is None else f"{day.day} {day:%B %Y}"


def _on(res: Result) -> str:
    return f", {date_text(res.assessed_on)}" if res.assessed_on else ""


def result(res: Result, catalogue: Catalogue, view: View = SHORT) -> str:
    """A report for one assessment, individual or collective (control characters shown): a
    summary of the short view's sections, then the pages that the details view adds."""
    page = {"roles": voices.group_names(res), "names": {d.id: d.name for d in res.dimensions},
            "plain": view.plain, "steps": next_steps(res, catalogue),
            "chart": result_chart(res, catalogue)}
    return visible(environment().get_template("result.html.j2").render(
        res=res, catalogue=catalogue, page=page,
        summary=_names(sections.result_sections(View(plain=view.plain))),
        pages=_names(sections.result_sections(View(details=True, plain=view.plain,
                                                   hint=False)))))


def _names(shown: tuple[Enum, ...]) -> list[str]:
    """Section names as the templates call them (a str Enum's str() is its qualified name)."""
    return [section.value for section in shown]


def comparison(cmp: Comparison, catalogue: Catalogue, view: View = SHORT) -> str:
    """A report of progress: before and after on one chart, and what to do next."""
    return visible(environment().get_template("comparison.html.j2").render(
        cmp=cmp, res=cmp.after, catalogue=catalogue, chart=comparison_chart(cmp, catalogue),
        steps=next_steps(cmp.after, catalogue), roles=voices.group_names(cmp.after),
        shown=_names(sections.comparison_sections(view)), plain=view.plain))
