"""A trend for a terminal: the headline, every round's figures with their bands, the changes."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from coprod_cli import credits
from coprod_cli.i18n import N_, _, unreviewed_notice
from coprod_cli.models import Catalogue
from coprod_cli.report import SHORT, View
from coprod_cli.report import trendwords as words
from coprod_cli.report.textparts import heading, indent
from coprod_cli.trends import Trend


def trend(tr: Trend, catalogue: Catalogue, view: View = SHORT) -> RenderableType:
    """The headline first, then a table per figure, then the changes, mix and method."""
    shown = Group(
        Text(words.title(tr), style="dim"), Text(words.headline(tr), style="bold"),
        *([Text(unreviewed_notice(), style="italic")] if unreviewed_notice() else []), "",
        heading(_("Rounds")), _rounds(tr, catalogue), "",
        heading(_("By area (adjusted, with its 95% band)")), _areas(tr), "",
        heading(_("Changes")), *_lines(words.overall_changes(tr) + words.area_changes(tr)), "",
        *_targets(tr, catalogue), *_plan(tr, catalogue),
        heading(_("How to read this")),
        *_lines([words.mix_line(tr), words.verdicts(), words.method(tr)]),
        *_notes(tr), "",
        *(Text(line, style="dim") for line in credits.lines(tr.credit, tr.sources, full=True)))
    if not tr.private:
        return shown
    from coprod_cli.report.marked import Marked  # only for --private

    return Marked(shown)


def _rounds(tr: Trend, catalogue: Catalogue) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for name in (N_("Round"), N_("People (lived experience + others)"), N_("As answered"),
                 N_("Adjusted (95% band)")):
        table.add_column(_(name))
    for rnd in tr.rounds:
        fig = rnd.overall
        table.add_row(Text(rnd.label), words.people(rnd),
                      f"{words.score(fig.score)} {words.level(catalogue, fig.level)}",
                      f"{words.compact(fig)} {words.level(catalogue, fig.adjusted_level)}")
    return table


def _areas(tr: Trend) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(_("Area"))
    for rnd in tr.rounds:
        table.add_column(Text(rnd.label))
    for index, area in enumerate(tr.rounds[0].areas):
        table.add_row(area.name, *[words.compact(rnd.areas[index]) for rnd in tr.rounds])
    return table


def _targets(tr: Trend, catalogue: Catalogue) -> list[RenderableType]:
    lines = words.target_lines(tr, catalogue)
    return [heading(words.targets_title(tr)), *_lines(lines), ""] if lines else []


def _plan(tr: Trend, catalogue: Catalogue) -> list[RenderableType]:
    if tr.plan_check is None:  # no --plan: the plan's words (and the result's types) not loaded
        return []
    from coprod_cli.report import planwords

    return planwords.text_part(tr, catalogue, title=planwords.checked_title(tr))


def _lines(lines: list[str]) -> list[RenderableType]:
    return [indent(Text(f"- {line}")) for line in lines]


def _notes(tr: Trend) -> list[RenderableType]:
    notes = words.round_notes(tr) + [_("Warning: {warning}").format(warning=line)
                                     for line in words.warnings(tr)]
    return ["", heading(_("Notes")), *_lines(notes)] if notes else []
