"""Markdown output: for pull requests, CI step summaries and wikis."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

from coprod_cli import credits, i18n
from coprod_cli.i18n import N_, _
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
from coprod_cli.report.sections import Section
from coprod_cli.results import Comparison, Result
from coprod_cli.safetext import visible_line

T = TypeVar("T")
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")  # what can open a construct inside a line
_LEADING = re.compile(r"^([-+=]|\d+(?=[.)]))")  # opens a list or heading at a line's start
_MENTION = re.compile(r"(?<!\w)@(?=\w)")


def inline(text: str) -> str:
    """Outside text as inert Markdown on one line: it cannot open a code block, heading,
    raw HTML, image, link, table cell or @mention, and its control characters are shown."""
    line = _SPECIAL.sub(r"\\\1", visible_line(" ".join(text.splitlines()).strip()))
    line = _LEADING.sub(lambda m: m[0] + "\\" if m[0][0].isdigit() else "\\" + m[0], line)
    return _MENTION.sub("@&#8203;", line)


def escaped(value: T) -> T:
    """A model with every string in it escaped by `inline`, so each renderer below may
    interpolate any field as it is (ids are letters, digits and hyphens: unchanged)."""
    return cast(T, _escaped(value))


def _escaped(found: Any) -> Any:
    if isinstance(found, str):
        return inline(found)
    if dataclasses.is_dataclass(found) and not isinstance(found, type):
        return dataclasses.replace(found, **{item.name: _escaped(getattr(found, item.name))
                                             for item in dataclasses.fields(found)})
    if isinstance(found, tuple) and hasattr(found, "_fields"):  # a NamedTuple
        return type(found)(*(_escaped(item) for item in found))
    if isinstance(found, (list, tuple)):
        return type(found)(_escaped(item) for item in found)
    if isinstance(found, dict):
        return {key: _escaped(item) for key, item in found.items()}
    return found


def cell(text: str) -> str:
    return re.sub(r"(?<!\\)\|", "\\|", text).replace("\n", " ")


def result(res: Result, catalogue: Catalogue, view: View = SHORT) -> str:
    """A result for a pull request or a CI step summary, laid out as the text result is
    (`sections.result_sections` decides which sections, in which order)."""
    res, catalogue = escaped(res), escaped(catalogue)
    lines = [line for section in sections.result_sections(view)
             for line in RESULT[section](res, catalogue, view)]
    return "\n".join(marked(lines) if res.private else lines) + "\n"


PRIVATE_MARK = N_("**PRIVATE: exact figures, not to be shared.**")


def marked(lines: list[str]) -> list[str]:
    """A --private report: said at the top, under every heading and at the end (a mark on
    every line would break its tables)."""
    mark = _(PRIVATE_MARK)
    out = [mark, ""]
    for line in lines:
        out.append(line)
        if line.startswith("#"):
            out += ["", mark]
    return [*out, "", mark]


def _findings(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    return [_("> **Finding:** {finding}").format(finding=cell(line)) + "\n"
            for line in res.findings]


def _what_if(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    if not res.what_if:
        return []
    first, *rest = routewords.what_if_lines(res, catalogue)
    return ["### " + _("What if"), "", cell(first), "", *[f"- {cell(line)}" for line in rest[:-1]],
            "", f"*{rest[-1]}*", ""]


def _gate(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    gate = phrases.gate_phrase(res, catalogue)
    return [f"**{gate}**", ""] if gate else []


def _areas(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    lines = [_("| area | score | level | |"), "| --- | ---: | --- | --- |"]
    for d in res.dimensions:
        mark = _("holds the level down") if d.id in res.limited_by and res.level else ""
        lines.append(f"| {cell(d.name)} | {applywords.area_score(d.score, d)} | "
                     f"{applywords.area_level(catalogue, d)} | {mark} |")
    return lines


def _weakest(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    weakest = lenswords.weakest_lenses(res, catalogue)
    return ["", cell(weakest)] if weakest else []


def _meanings(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    return ["", *[f"*{cell(line)}*  " for line in phrases.level_meanings(res, catalogue)]]


def _warnings(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    return [""] + [_("> **Warning:** {warning}").format(warning=w) + "\n" for w in res.warnings]


def _hint(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    return ["", f"*{phrases.more_hint(view.details)}*"]


def _credits(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    """Every source in full, each on a line of its own, its link as the source gives it."""
    return ["", "---", "", *(f"{cell(line)}  " for line in
                             credits.lines(res.credit, res.sources, full=True))]


def _headline(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    when = _(", assessed {date}").format(date=res.assessed_on) if res.assessed_on else ""
    who = _(", {count} respondents").format(count=res.respondents) if res.respondents > 1 else ""
    title = _("Co-production level: {level}").format(
        level=phrases.level_phrase(catalogue, res.level, phrases.no_level_why(res)))
    lines = [f"## {cell(phrases.titled(res, title))}", "",
             f"{res.framework.name} (`{res.framework.id}` {res.framework.version}){when}{who}; "
             f"{applywords.answers_phrase(res)}. "
             + _("Score {score}.").format(score=phrases.score_phrase(res.score)), ""]
    if phrases.languages_phrase(res):
        lines[-1:-1] = [f"{phrases.languages_phrase(res)}."]
    if i18n.unreviewed_notice():
        lines += [f"*{cell(i18n.unreviewed_notice())}*", ""]
    if res.plain_headline:
        lines += [_("*In plain words:* {words}").format(words=cell(res.plain_headline)), ""]
    review = [f"*{cell(line)}*" for line in together.review_lines(res.review)]
    return [*lines, phrases.held_down(res), "", "  \n".join(review), ""]


def _agreed(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    lines = together.agreed_lines(res, catalogue)
    if not lines:
        return []
    return ["### " + _("Agreed together"), "", cell(lines[0]), "",
            *(f"- {cell(line)}" for line in lines[1:]), ""]


def _route(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    """The quickest route: statements in words, each with what its new level looks like."""
    lines = [f"### {routewords.route_heading(res, catalogue)}", ""]
    names = {d.id: d.name for d in res.dimensions}
    shown = res.next_steps if view.details else res.next_steps[:routewords.ROUTE_SHOWN]
    for number, step in enumerate(shown, 1):
        text = phrases.words(view.plain, step.text, step.plain)
        actions = "; ".join(routewords.step_actions(step, catalogue, view.plain))
        looks = phrases.words(view.plain, step.looks_like, step.looks_like_plain)
        lines.append(f"{number}. **{cell(text)}** ({cell(names[step.dimension])})  \n"
                     f"   {routewords.step_move(step, catalogue)}: {cell(looks)}"
                     + ("  \n   " + _("*What to do:* {actions}").format(actions=cell(actions))
                        if actions else ""))
    hidden = len(res.next_steps) - len(shown)
    if hidden:
        lines.append("\n" + _("... and {count} more (`--details`)").format(count=hidden))
    return lines


def _gaps(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    """Where roles see things differently: the findings (a whole level or more), and with
    details every gap."""
    gaps = res.gaps if view.details else [g for g in res.gaps if g.finding]
    if not gaps:
        return []
    lines = ["### " + _("Where people see it differently"), ""]
    for g in gaps:
        if g.finding and voices.lone_voice(res, g):
            lines.append(f"- {cell(voices.lone_note(res, g))}")
            continue
        flag = _("**Perception gap, a whole level or more:** ") if g.finding else ""
        lines.append(f"- {flag}{cell(voices.gap_line(res, g))}")
    return [*lines, ""]


def _by_role(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    """Each dimension as each voice and each role sees it: a column for each."""
    if not res.by_role and not res.by_voice:
        return []
    groups = voices.groups(res)
    heads = [(_("{name} ({count}, lived experience)") if getattr(g, "lived_experience", False)
              else "{name} ({count})").format(name=cell(g.name), count=g.respondents)
             for g in groups]
    lines = ["", "### " + _("By voice and role ({weighting})").format(
        weighting=voices.weighting_phrase(res)), "",
             "| " + _("dimension") + " | " + " | ".join(heads) + " |",
             "| --- |" + " ---: |" * len(heads)]
    for d in res.dimensions:
        cells = [phrases.score_text(g.dimensions.get(d.id)) for g in groups]
        lines.append(f"| {cell(d.name)} | " + " | ".join(cells) + " |")
    return lines


def _lenses(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    """Each SCIE principle, scope and activity, scored as the areas are."""
    if not lenswords.any_lenses(res):
        return []
    lines = ["", f"### {_(lenswords.LENSES_TITLE)}", "",
             _("| principle, scope or activity | score | level |"), "| --- | ---: | --- |"]
    for kind, tags in lenswords.lens_groups(res):
        lines += [f"| {cell(tag.name)} ({lenswords.kind_name(kind)}) | "
                  f"{phrases.score_text(tag.score)} | "
                  f"{phrases.level_name(catalogue, tag.level)} |" for tag in tags]
    return lines


def _plan(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    """SCIE's recommendations by jigsaw piece; each statement's next level given once."""
    plain = view.plain
    target = phrases.level_name(catalogue, res.target)
    if not res.recommendations:
        return ["", _("No statement is below {level}.").format(level=target)]
    lines = ["", "### " + _("Action plan: SCIE's recommendations to reach {level}").format(
        level=target)]
    seen = {step.statement for step in res.next_steps}
    for piece in catalogue.pieces:
        items = [item for item in res.recommendations if item.piece == piece.id]
        if items:
            lines += ["", f"#### {piece.name}", ""]
        for item in items:
            helps = "".join(f"  \n  *{cell(line)}*"
                            for line in phrases.served_lines(item, catalogue, seen, plain))
            text = item.plain if plain else item.text
            lines.append(f"- **{cell(text)}** (`{item.id}`){helps}")
    sources = sorted({item.source for item in res.recommendations})
    return [*lines, "", *[_("Source: {source}. Paraphrased in coprod's own words.").format(
        source=s) for s in sources]]


def _promises(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    first, rest = planwords.section(res, catalogue)
    return ["### " + _("Plan"), "", first, "", *(f"- {line}" for line in rest), ""] \
        if first else []


def _evidence(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    """The evidence given with the answers, under each statement it was given for (the result
    is escaped already: each piece is inert Markdown on one line)."""
    lines = ["", f"### {_(phrases.EVIDENCE_HEADING)}", ""]
    given = applywords.shown(res)
    if not given:
        return [*lines, _(phrases.NO_EVIDENCE)]
    for statement in given:
        level = applywords.statement_level(catalogue, statement)
        text = phrases.words(view.plain, statement.text, statement.plain)
        said = applywords.said(res, statement)
        lines += [f"- **{text}** ({statement.id}, {level})", *([f"  - {said}"] if said else []),
                  *(f"  - {phrases.evidence_item(item)}" for item in statement.evidence)]
    return lines


RESULT: dict[Section, Callable[[Result, Catalogue, View], list[str]]] = {
    Section.headline: _headline, Section.findings: _findings, Section.agreed: _agreed,
    Section.what_if: _what_if,
    Section.gate: _gate, Section.promises: _promises, Section.gaps: _gaps, Section.areas: _areas,
    Section.weakest: _weakest, Section.meanings: _meanings, Section.warnings: _warnings,
    Section.by_role: _by_role, Section.lenses: _lenses, Section.route: _route,
    Section.plan: _plan, Section.evidence: _evidence, Section.hint: _hint,
    Section.credits: _credits, Section.words: glossarywords.markdown_part,
}


def comparison(cmp: Comparison, catalogue: Catalogue, view: View = SHORT) -> str:
    """Progress for a pull request: the overall level change, then a table of dimensions
    (report/comparison_markdown.py, loaded only when a comparison is shown)."""
    from coprod_cli.report.comparison_markdown import comparison as shown

    return shown(cmp, catalogue, view)
