"""A comparison of two results as text for a terminal (`compare`), built from rich
renderables as report/text.py builds a result."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from coprod_cli import i18n
from coprod_cli.models import Catalogue
from coprod_cli.report import SHORT, View, applywords, phrases, sections
from coprod_cli.report.marked import Marked
from coprod_cli.report.sections import ComparisonSection, Section
from coprod_cli.report.text import RESULT
from coprod_cli.report.textparts import level_style
from coprod_cli.results import Comparison


def comparison(cmp: Comparison, catalogue: Catalogue, view: View = SHORT) -> RenderableType:
    """The overall level before and after, then every dimension with an arrow and a word
    (`sections.comparison_sections` decides which sections, in which order)."""
    shown = Group(*[part for section in sections.comparison_sections(view)
                    for part in COMPARISON[section](cmp, catalogue, view)])
    return Marked(shown) if cmp.private else shown


def _progress(cmp: Comparison, catalogue: Catalogue, view: View) -> list[RenderableType]:
    before, after = cmp.before, cmp.after
    return [
        Text(phrases.titled(after, i18n._("Progress: {name} ({id} {version})").format(
            name=cmp.framework.name, id=cmp.framework.id, version=cmp.framework.version)),
            style="dim"),
        Text(i18n._("Before: {before}.  After: {after}.").format(
            before=phrases.side_phrase(before), after=phrases.side_phrase(after)), style="dim"),
        *([Text(i18n.unreviewed_notice(), style="italic")] if i18n.unreviewed_notice() else []),
        Text.assemble(i18n._("Overall level: "), phrases.level_phrase(catalogue, before.level),
                      " -> ",
                      (phrases.level_name(catalogue, after.level).upper(),
                       f"bold {level_style(after.level)}"),
                      f" ({phrases.level_number(after.level)})",
                      "   ", (phrases.change_phrase(cmp.level_direction), "bold")),
        Text(i18n._("Overall score: {before} -> {after}   {change}").format(
            before=phrases.score_phrase(before.score), after=phrases.score_phrase(after.score),
            change=phrases.change_phrase(cmp.direction, cmp.score_change))),
        "",
    ]


def _regression(cmp: Comparison, catalogue: Catalogue, view: View) -> list[RenderableType]:
    regression = phrases.regression_phrase(cmp)
    if not regression:
        return []
    word = i18n._("Regression")
    return [Text(regression.replace(word, word.upper(), 1), style="bold red"), ""]


def _compared_meanings(cmp: Comparison, catalogue: Catalogue,
                       view: View) -> list[RenderableType]:
    lines = phrases.comparison_meanings(cmp, catalogue)
    return [*[Text(line, style="italic") for line in lines], ""]


def _compared_warnings(cmp: Comparison, catalogue: Catalogue,
                       view: View) -> list[RenderableType]:
    sides = ((i18n.N_("Warning (before): {warning}"), cmp.before),
             (i18n.N_("Warning (after): {warning}"), cmp.after))
    return [*[Text(i18n._("Warning: {warning}").format(warning=w), style="bold yellow")
              for w in cmp.warnings],
            *[Text(i18n._(side).format(warning=w), style="bold yellow")
              for side, res in sides for w in res.warnings]]


def _changes(cmp: Comparison, catalogue: Catalogue, view: View) -> list[RenderableType]:
    table = Table(title=i18n._("Dimensions, before and after"), title_justify="left")
    for column, justify in ((i18n.N_("dimension"), "left"), (i18n.N_("before"), "right"),
                            (i18n.N_("after"), "right"), (i18n.N_("change"), "left"),
                            (i18n.N_("level before"), "left"),
                            (i18n.N_("level after"), "left")):
        table.add_column(i18n._(column), justify=justify)  # type: ignore[arg-type]
    for d in cmp.dimensions:
        level = Text(applywords.level_of(catalogue, d.after_level, d.not_applying_after),
                     style=level_style(d.after_level))
        if d.level_direction != "same":
            level.append(f" ({phrases.change_phrase(d.level_direction)})", style="bold")
        table.add_row(d.name, applywords.score_of(d.before_score, d.not_applying_before),
                      applywords.score_of(d.after_score, d.not_applying_after),
                      phrases.change_phrase(d.direction, d.change),
                      applywords.level_of(catalogue, d.before_level, d.not_applying_before),
                      level)
    return [table, ""]


COMPARISON: dict[ComparisonSection,
                 Callable[[Comparison, Catalogue, View], list[RenderableType]]] = {
    ComparisonSection.headline: _progress, ComparisonSection.regression: _regression,
    ComparisonSection.changes: _changes, ComparisonSection.meanings: _compared_meanings,
    ComparisonSection.warnings: _compared_warnings,
    ComparisonSection.credits:
        lambda cmp, catalogue, view: RESULT[Section.credits](cmp.after, catalogue, view),
}
