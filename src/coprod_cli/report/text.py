"""Text output for a terminal, built from rich renderables; the CLI decides colour and width."""

from __future__ import annotations

from collections.abc import Callable

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from coprod_cli import credits, i18n
from coprod_cli.i18n import _
from coprod_cli.models import Catalogue
from coprod_cli.report import (
    SHORT,
    View,
    applywords,
    glossarywords,
    lenswords,
    phrases,
    planwords,
    routewords,
    sections,
    together,
    voices,
)
from coprod_cli.report.marked import Marked
from coprod_cli.report.sections import Section

# heading and indent are also imported from here (trend_text): re-exported.
from coprod_cli.report.textparts import heading as heading
from coprod_cli.report.textparts import indent as indent
from coprod_cli.report.textparts import level_style, plain_line
from coprod_cli.results import Comparison, Result


def result(res: Result, catalogue: Catalogue, view: View = SHORT) -> RenderableType:
    """One screen first: the level and why, gaps, areas, the quickest route, how to see more.

    With `view.details`, each group's view and the full plan by jigsaw piece follow
    (`sections.result_sections` decides which sections, in which order).
    """
    shown = Group(*[part for section in sections.result_sections(view)
                    for part in RESULT[section](res, catalogue, view)])
    return Marked(shown) if res.private else shown


def _findings(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    """Said first, right under the level; then the blank line that ends the opening."""
    return [*(Text(_("Finding: {finding}").format(finding=line), style="bold")
              for line in res.findings), ""]


def _what_if(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    if not res.what_if:
        return []
    from rich.panel import Panel  # only a what-if or a perception gap is boxed
    return [Panel(Text("\n".join(routewords.what_if_lines(res, catalogue))), title=_("WHAT IF"),
                  title_align="left"), ""]


def _gate(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    gate = phrases.gate_phrase(res, catalogue)
    if not gate:
        return []
    return [Text(gate, style="bold" + ("" if res.gate and res.gate.met else " red")), ""]


def _weakest(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    weakest = lenswords.weakest_lenses(res, catalogue)
    return [Text(weakest)] if weakest else []


def _meanings(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    return [Text(line, style="italic") for line in phrases.level_meanings(res, catalogue)]


def _warnings(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    return [Text(_("Warning: {warning}").format(warning=w), style="bold yellow")
            for w in res.warnings]


def _hint(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    return ["", Text(phrases.more_hint(view.details), style="dim")]


def _credits(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    lines = credits.lines(res.credit, res.sources, view.details)
    return [*([""] if view.details else []), *(Text(line, style="dim") for line in lines)]


def _headline(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    when = _(", assessed {date}").format(date=res.assessed_on) if res.assessed_on else ""
    who = _(", {count} respondents").format(count=res.respondents) if res.respondents > 1 else ""
    title = ([_(phrases.STAFF_ONLY_TITLE)] if res.staff_only else []) + \
        ([res.service] if res.service else [])
    review = together.review_lines(res.review)  # the sign-off, said on the first screen
    parts: list[RenderableType] = [Text(" — ".join(title), style="bold")] if title else []
    parts += [
        Text(f"{res.framework.name} ({res.framework.id} {res.framework.version}){when}{who}; "
             f"{applywords.answers_phrase(res) if res.band else phrases.unsure_phrase(res)}. "
             f"{review[0]}", style="dim"),
        *([Text(f"{phrases.languages_phrase(res)}.", style="dim")]
          if phrases.languages_phrase(res) else []),
        *([Text(_unreviewed(view), style="italic")] if i18n.unreviewed_notice() else []),
        Text.assemble(_("Overall level: "), (phrases.level_name(catalogue, res.level).upper(),
                                             f"bold {level_style(res.level)}"),
                      f" ({phrases.level_number(res.level, phrases.no_level_why(res))})",
                      "   " + _("score {score}").format(score=phrases.score_phrase(res.score))),
    ]
    if res.plain_headline:
        parts.append(plain_line(res.plain_headline))
    if not (res.plain_headline and res.plain_headline.endswith(_(phrases.ONLY_THE_WEAKEST))):
        parts.append(Text(phrases.held_down(res)))  # else the plain line names those areas
    return [*parts, *(Text(line) for line in review[1:])]


def _unreviewed(view: View) -> str:
    """That the translation is not yet reviewed: in one line on the one-screen result, which
    must fit 42 lines at 80 columns in Welsh too; in full with --details."""
    return i18n.unreviewed_notice() if view.details else phrases.unreviewed_short()


def _agreed(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    lines = together.agreed_lines(res, catalogue)
    return [heading(_("Agreed together")), *(Text(line) for line in lines), ""] if lines else []


def _route(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    """The quickest route to the target: statements in words, each next level once."""
    parts: list[RenderableType] = ["", Text(routewords.route_heading(res, catalogue),
                                            style="bold")]
    names = {d.id: d.name for d in res.dimensions}
    shown = res.next_steps if view.details else res.next_steps[:routewords.ROUTE_SHOWN]
    steps = Table.grid(padding=(0, 1, 0, 0))
    steps.add_column(justify="right", min_width=3)
    steps.add_column()
    for number, step in enumerate(shown, 1):
        steps.add_row(f"{number}.", Text.assemble((phrases.words(view.plain, step.text,
                                                                 step.plain), "bold"),
                                                  f" ({names[step.dimension]})"))
        looks = phrases.words(view.plain, step.looks_like, step.looks_like_plain)
        steps.add_row("", Text(f"{routewords.step_move(step, catalogue)}"
                               f"{routewords.step_ids(step)}: {looks}", style="dim"))
    hidden = len(res.next_steps) - len(shown)
    if hidden:
        steps.add_row("", Text(_("... and {count} more (--details)").format(count=hidden),
                               style="dim"))
    return [*parts, steps] if shown else parts


def _areas(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    table = Table(title=_("Areas"), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                  show_edge=False)
    widest = max(len(applywords.area_level(catalogue, d)) for d in res.dimensions)
    word = max(len(w) for d in res.dimensions for w in d.name.split())
    # on a narrow terminal the bar gives way, never a word of the area's or the level's name
    for column, justify, width in ((_("dimension"), "left", word), (_("score"), "right", None),
                                   ("0 ... 3", "left", None), (_("level"), "left", widest),
                                   ("", "left", None)):
        table.add_column(column, justify=justify, min_width=width)  # type: ignore[arg-type]
    for d in res.dimensions:
        mark = _("<- holds the level down") if d.id in res.limited_by and res.level else \
            applywords.said_in(res, d)
        score = applywords.area_score(d.score, d)
        level = Text(applywords.area_level(catalogue, d), style=level_style(d.level))
        table.add_row(d.name, score, "" if d.does_not_apply else phrases.bar(d.score), level,
                      mark)
    return [table]


def _perception_gaps(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    """Where groups see an area a whole level or more apart: shown before anything else.
    A gap resting on one person's view is a note with that caveat, not a boxed finding."""
    found, lone = voices.findings(res)
    parts: list[RenderableType] = [Text(voices.lone_note(res, g)) for g in lone]
    if found:
        from rich.panel import Panel
        body = Text("\n".join(voices.gap_line(res, g) for g in found))
        parts.insert(0, Panel(body, title=_("PERCEPTION GAP: people see these areas a whole "
                                            "level or more apart"),
                              title_align="left", border_style="bold"))
    return [*parts, ""] if parts else []


def _by_role(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    """Each dimension's score as each voice and each role sees it: a row for each."""
    if not res.by_role and not res.by_voice:
        return []
    # No inner rules, so six areas and a column of names fit in 80 columns.
    table = Table(title=_("By voice and role"), title_justify="left", box=box.SIMPLE_HEAD,
                  pad_edge=False, padding=(0, 1, 0, 0), caption_justify="left",
                  caption=voices.weighting_phrase(res).capitalize() + ".")
    table.add_column(_("who"), min_width=16)
    for d in res.dimensions:
        table.add_column(d.name, justify="right", max_width=9)
    for group in voices.groups(res):
        who = (_("{name} ({people}, lived experience)") if getattr(
            group, "lived_experience", False) else _("{name} ({people})")).format(
            name=group.name, people=phrases.people(group.respondents))
        table.add_row(who,
                      *[phrases.score_text(group.dimensions.get(d.id)) for d in res.dimensions])
    return ["", table, ""]


def _lenses(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    """Each SCIE principle, scope and activity, scored as the areas are."""
    if not lenswords.any_lenses(res):
        return []
    table = Table(title=_(lenswords.LENSES_TITLE), title_justify="left", box=box.SIMPLE_HEAD)
    for column, justify in ((_("principle, scope or activity"), "left"), (_("score"), "right"),
                            ("0 ... 3", "left"), (_("level"), "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for kind, tags in lenswords.lens_groups(res):
        for tag in tags:
            table.add_row(f"{tag.name} ({lenswords.kind_name(kind)})",
                          phrases.score_text(tag.score), phrases.bar(tag.score),
                          Text(phrases.level_name(catalogue, tag.level),
                               style=level_style(tag.level)))
    return [table]


def _plan(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    """SCIE's recommendations by jigsaw piece; each statement's next level given once."""
    plain = view.plain
    target = phrases.level_name(catalogue, res.target)
    if not res.recommendations:
        return ["", Text(_("Action plan: no statement is below {level}. Keep reviewing "
                           "together.").format(level=target))]
    parts: list[RenderableType] = ["", heading(_("Action plan: SCIE's recommendations to reach "
                                                 "{level}").format(level=target))]
    seen = {step.statement for step in res.next_steps}
    for piece in catalogue.pieces:
        items = [item for item in res.recommendations if item.piece == piece.id]
        if items:
            parts += ["", Text(f"{piece.name} ({piece.plain})", style="bold underline")]
        for item in items:
            parts += [indent(Text.assemble((item.plain if plain else item.text, "bold"),
                                           f" ({item.id})"))]
            parts += [] if plain else [indent(plain_line(item.plain), 4)]
            for line in phrases.served_lines(item, catalogue, seen, plain):
                parts.append(indent(Text(line, style="dim"), 4))
    sources = sorted({item.source for item in res.recommendations})
    return [*parts, "", *[Text(_("Source: {source}. Paraphrased.").format(source=s), style="dim")
                          for s in sources]]


def _evidence(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    """The evidence given with the answers, under each statement it was given for."""
    parts: list[RenderableType] = ["", heading(_(phrases.EVIDENCE_HEADING))]
    given = applywords.shown(res)
    if not given:
        return [*parts, Text(_(phrases.NO_EVIDENCE))]
    for statement in given:
        level = applywords.statement_level(catalogue, statement)
        parts += ["", Text.assemble((phrases.words(view.plain, statement.text, statement.plain),
                                     "bold"), f" ({statement.id}, {level})")]
        said = applywords.said(res, statement)
        parts += [indent(Text(f"- {said}"))] if said else []
        parts += [indent(Text(f"- {phrases.evidence_item(item)}")) for item in statement.evidence]
    return parts


RESULT: dict[Section, Callable[[Result, Catalogue, View], list[RenderableType]]] = {
    Section.headline: _headline, Section.findings: _findings, Section.agreed: _agreed,
    Section.what_if: _what_if,
    Section.gate: _gate, Section.promises: planwords.text_part, Section.gaps: _perception_gaps,
    Section.areas: _areas,
    Section.weakest: _weakest, Section.meanings: _meanings, Section.warnings: _warnings,
    Section.by_role: _by_role, Section.lenses: _lenses, Section.route: _route,
    Section.plan: _plan, Section.evidence: _evidence, Section.hint: _hint,
    Section.credits: _credits, Section.words: glossarywords.text_part,
}


def comparison(cmp: Comparison, catalogue: Catalogue, view: View = SHORT) -> RenderableType:
    """The overall level before and after, then every dimension with an arrow and a word
    (report/comparison_text.py, loaded only when a comparison is shown)."""
    from coprod_cli.report.comparison_text import comparison as shown

    return shown(cmp, catalogue, view)
