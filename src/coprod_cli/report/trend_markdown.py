"""A trend in Markdown, for a pull request or a CI step summary."""

from __future__ import annotations

from coprod_cli import credits
from coprod_cli.i18n import _, unreviewed_notice
from coprod_cli.models import Catalogue
from coprod_cli.report import SHORT, View, planwords
from coprod_cli.report import trendwords as words
from coprod_cli.report.markdown import cell, escaped, marked
from coprod_cli.trends import Trend


def trend(tr: Trend, catalogue: Catalogue, view: View = SHORT) -> str:
    """The headline, a table of rounds, a table of areas, the changes, how to read it."""
    tr, catalogue = escaped(tr), escaped(catalogue)
    lines = [f"## {words.title(tr)}", "", f"**{words.headline(tr)}**", "",
             *([f"*{cell(unreviewed_notice())}*", ""] if unreviewed_notice() else []),
             _("| Round | Who answered | As answered | Adjusted (95% band) | Level |"),
             "| --- | --- | --- | --- | --- |"]
    lines += [f"| {cell(r.label)} | {cell(words.who_answered(r))} | "
              f"{words.score(r.overall.score)} {words.level(catalogue, r.overall.level)} | "
              f"{words.adjusted(r.overall)} | "
              f"{words.level(catalogue, r.overall.adjusted_level)} |" for r in tr.rounds]
    lines += ["", "### " + _("By area (adjusted, with band)"), "",
              "| " + _("Area") + " | " + " | ".join(cell(r.label) for r in tr.rounds) + " |",
              "| --- |" + " --- |" * len(tr.rounds)]
    lines += ["| " + cell(area.name) + " | " + " | ".join(
        words.adjusted(r.areas[i]) for r in tr.rounds) + " |"
        for i, area in enumerate(tr.rounds[0].areas)]
    lines += ["", "### " + _("Changes"), "",
              *[f"- {line}" for line in words.overall_changes(tr) + words.area_changes(tr)],
              "", *_targets(tr, catalogue), *_plan(tr, catalogue),
              "### " + _("How to read this"), "",
              words.mix_line(tr), "", words.verdicts(), "", words.method(tr), ""]
    notes = words.round_notes(tr) + [_("Warning: {warning}").format(warning=line)
                                     for line in words.warnings(tr)]
    if notes:
        lines += ["### " + _("Notes"), "", *[f"- {line}" for line in notes], ""]
    lines += ["---", "", *(f"{cell(line)}  " for line in
                           credits.lines(tr.credit, tr.sources, full=True)), ""]
    return "\n".join(marked(lines) if tr.private else lines)


def _targets(tr: Trend, catalogue: Catalogue) -> list[str]:
    lines = words.target_lines(tr, catalogue)
    return [f"### {words.targets_title(tr)}", "", *(f"- {line}" for line in lines), ""] \
        if lines else []


def _plan(tr: Trend, catalogue: Catalogue) -> list[str]:
    first, rest = planwords.section(tr, catalogue)
    if not first:
        return []
    return [f"### {cell(planwords.checked_title(tr))}", "", first, "",
            *(f"- {line}" for line in rest), ""]
