"""A comparison of two results in Markdown (`compare`), for a pull request or a CI step
summary, escaped as report/markdown.py escapes a result."""

from __future__ import annotations

from collections.abc import Callable

from coprod_cli import i18n
from coprod_cli.models import Catalogue
from coprod_cli.report import SHORT, View, applywords, phrases, sections
from coprod_cli.report.markdown import RESULT, cell, escaped, marked
from coprod_cli.report.sections import ComparisonSection, Section
from coprod_cli.results import Comparison


def comparison(cmp: Comparison, catalogue: Catalogue, view: View = SHORT) -> str:
    """Progress for a pull request: the overall level change, then a table of dimensions
    (`sections.comparison_sections` decides which sections, in which order)."""
    cmp, catalogue = escaped(cmp), escaped(catalogue)
    lines = [line for section in sections.comparison_sections(view)
             for line in COMPARISON[section](cmp, catalogue, view)]
    return "\n".join(marked(lines) if cmp.private else lines).rstrip("\n") + "\n"


def _progress(cmp: Comparison, catalogue: Catalogue, view: View) -> list[str]:
    before, after = cmp.before, cmp.after
    title = i18n._("Co-production progress: {before} → {after} ({change})").format(
        before=phrases.level_phrase(catalogue, before.level),
        after=phrases.level_phrase(catalogue, after.level),
        change=phrases.change_phrase(cmp.level_direction))
    notice = i18n.unreviewed_notice()
    return [f"## {cell(phrases.titled(after, title))}", "",
            i18n._("{name} (`{id}` {version}). Before: {before}. After: {after}.").format(
                name=cmp.framework.name, id=cmp.framework.id, version=cmp.framework.version,
                before=phrases.side_phrase(before), after=phrases.side_phrase(after)), "",
            *([f"*{cell(notice)}*", ""] if notice else []),
            i18n._("Overall score: {before} → {after} ({change}).").format(
                before=phrases.score_phrase(before.score),
                after=phrases.score_phrase(after.score),
                change=phrases.change_phrase(cmp.direction, cmp.score_change)), ""]


def _regression(cmp: Comparison, catalogue: Catalogue, view: View) -> list[str]:
    regression = phrases.regression_phrase(cmp)
    return [f"**{cell(regression)}**", ""] if regression else []


def _changes(cmp: Comparison, catalogue: Catalogue, view: View) -> list[str]:
    lines = [i18n._("| dimension | before | after | change | level before | level after |"),
             "| --- | ---: | ---: | --- | --- | --- |"]
    for d in cmp.dimensions:
        moved = "" if d.level_direction == "same" else \
            f" ({phrases.change_phrase(d.level_direction)})"
        lines.append(f"| {cell(d.name)} | "
                     f"{applywords.score_of(d.before_score, d.not_applying_before)} | "
                     f"{applywords.score_of(d.after_score, d.not_applying_after)} | "
                     f"{phrases.change_phrase(d.direction, d.change)} | "
                     f"{applywords.level_of(catalogue, d.before_level, d.not_applying_before)}"
                     f" | {applywords.level_of(catalogue, d.after_level, d.not_applying_after)}"
                     f"{moved} |")
    return lines


def _compared_meanings(cmp: Comparison, catalogue: Catalogue, view: View) -> list[str]:
    return ["", *[f"- {cell(line)}" for line in phrases.comparison_meanings(cmp, catalogue)]]


def _compared_warnings(cmp: Comparison, catalogue: Catalogue, view: View) -> list[str]:
    sides = ((i18n.N_("> **Warning (before):** {warning}"), cmp.before),
             (i18n.N_("> **Warning (after):** {warning}"), cmp.after))
    return [""] + [i18n._("> **Warning:** {warning}").format(warning=w) + "\n"
                   for w in cmp.warnings] + [
        i18n._(side).format(warning=w) + "\n" for side, res in sides for w in res.warnings]


COMPARISON: dict[ComparisonSection, Callable[[Comparison, Catalogue, View], list[str]]] = {
    ComparisonSection.headline: _progress, ComparisonSection.regression: _regression,
    ComparisonSection.changes: _changes, ComparisonSection.meanings: _compared_meanings,
    ComparisonSection.warnings: _compared_warnings,
    ComparisonSection.credits:
        lambda cmp, catalogue, view: RESULT[Section.credits](cmp.after, catalogue, view),
}
