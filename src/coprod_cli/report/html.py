"""HTML output: one self-contained, accessible page with a radar chart, from jinja2 templates."""

from __future__ import annotations

import datetime
from enum import Enum
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from coprod_cli.classes import frozen
from coprod_cli.i18n import N_, _
from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES, Catalogue
from coprod_cli.report import (
    SHORT,
    View,
    applywords,
    chartstyle,
    glossarywords,
    lenswords,
    phrases,
    planwords,
    radar,
    routewords,
    sections,
    templating,
    together,
    voices,
)
from coprod_cli.report.pages import Own as Own
from coprod_cli.report.pages import level_names as level_names
from coprod_cli.report.pages import marking as marking
from coprod_cli.resultdetails import ServedStatement
from coprod_cli.results import Comparison, Result
from coprod_cli.safetext import visible


@frozen
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
                       routewords=routewords, lenswords=lenswords,
                       applywords=applywords,
                       planwords=planwords, together=together,
                       level_value=LEVEL_VALUES.get, fmt=score_text, date_text=date_text,
                       people=people, assessed_on=assessed_on, framework_code=framework_code,
                       legend_how=legend_how, co_production_level=co_production_level)
    return env


def migration_notes(res: Result) -> list[str]:
    """The warnings that say which answers came through the migration map."""
    from coprod_cli.scoring.engine import carried_note
    from coprod_cli.scoring.sharing import count_step

    return [carried_note(res.framework.id, item, count_step(res)) for item in res.migrated]


def score_text(score: float | None) -> str:
    """'1.75', or 'no score'."""
    return _("no score") if score is None else f"{score:.2f}"


def co_production_level(catalogue: Catalogue, level: str | None) -> str:
    """'Co-production level: Intermediate', a page's title."""
    return _("Co-production level: {level}").format(level=phrases.level_name(catalogue, level))


def people(count: int) -> str:
    """'1 person', '12 people'."""
    return phrases.people(count)


def assessed_on(day: datetime.date) -> Markup:
    """The date an assessment was made, marked up as a date for machines too."""
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), date_text(day))


def framework_code(framework_id: str) -> Markup:
    return Markup("<code>{}</code>").format(framework_id)


# How a chart's line looks, in words (never its colour alone): the line, then the markers.
DASHES = {"solid line": N_("solid line"), "dashed line": N_("dashed line"),
          "dotted line": N_("dotted line"), "dash-dot line": N_("dash-dot line"),
          "long-dashed line": N_("long-dashed line"), "dash-dot-dot line": N_("dash-dot-dot line")}
MARKERS = {("circle", True): N_("circles"), ("circle", False): N_("open circles"),
           ("square", True): N_("squares"), ("square", False): N_("open squares"),
           ("triangle", True): N_("triangles"), ("triangle", False): N_("open triangles"),
           ("diamond", True): N_("diamonds"), ("diamond", False): N_("open diamonds")}


def legend_how(style: chartstyle.Style) -> str:
    """'solid line, circles': how a series looks on the chart."""
    return _("{line}, {markers}").format(
        line=_(DASHES.get(style.dash_name, style.dash_name)),
        markers=_(MARKERS.get((style.marker, style.filled), style.marker + "s")))


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
    series = [(_("Everyone") if res.by_voice else _("Score"), [d.score for d in res.dimensions])]
    series += [(voice.name, [voice.dimensions.get(d.id) for d in res.dimensions])
               for voice in res.by_voice]
    return radar.chart(_dimensions(res), series, level_names(catalogue))


def comparison_chart(cmp: Comparison, catalogue: Catalogue) -> radar.Chart:
    """Before and after on one chart, each named with its date when it has one."""
    return radar.chart(_dimensions(cmp.after), [
        (_("Before") + _on(cmp.before), [d.before_score for d in cmp.dimensions]),
        (_("After") + _on(cmp.after), [d.after_score for d in cmp.dimensions])],
        level_names(catalogue))


def date_text(day: datetime.date | None) -> str:
    """'20 May 2026', the way a UK reader writes it."""
    return _("date not given") if day is None else phrases.day(day)


def _on(res: Result) -> str:
    return f", {date_text(res.assessed_on)}" if res.assessed_on else ""


def result(res: Result, catalogue: Catalogue, view: View = SHORT) -> str:
    """A report for one assessment, individual or collective (control characters shown): a
    summary of the short view's sections, then the pages that the details view adds; with
    --plain, then the glossary's words the page uses (so it is made twice)."""
    page = {"roles": voices.group_names(res), "names": {d.id: d.name for d in res.dimensions},
            "plain": view.plain, "steps": next_steps(res, catalogue),
            "chart": result_chart(res, catalogue), "words": []}
    made = _result_page(res, catalogue, view, page)
    if view.plain:
        page["words"] = glossarywords.in_page(made, catalogue)
        made = _result_page(res, catalogue, view, page) if page["words"] else made
    return made


def _result_page(res: Result, catalogue: Catalogue, view: View, page: dict[str, Any]) -> str:
    return visible(environment().get_template("result.html.j2").render(
        res=res, catalogue=catalogue, page=page, own=marking(view),
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
        shown=_names(sections.comparison_sections(view)), plain=view.plain,
        own=marking(view)))
