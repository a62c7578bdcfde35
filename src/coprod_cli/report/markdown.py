"""Markdown output: for pull requests, CI step summaries and wikis."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar, cast

from coprod_cli.models import Catalogue
from coprod_cli.report import SHORT, View, phrases
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
    """A result for a pull request or a CI step summary, laid out as the text result is."""
    res, catalogue = escaped(res), escaped(catalogue)
    lines = _headline(res, catalogue)
    lines += [f"> **Finding:** {cell(line)}\n" for line in res.findings]
    if res.what_if:
        first, *rest = phrases.what_if_lines(res, catalogue)
        lines += ["### What if", "", cell(first), "", *[f"- {cell(line)}" for line in rest[:-1]],
                  "", f"*{rest[-1]}*", ""]
    gate = phrases.gate_phrase(res, catalogue)
    if gate:
        lines += [f"**{gate}**", ""]
    lines += _gaps(res, view.details)
    lines += ["| area | score | level | |", "| --- | ---: | --- | --- |"]
    for d in res.dimensions:
        mark = "holds the level down" if d.id in res.limited_by and res.level else ""
        score = "unsure" if d.score is None else f"{d.score:.2f}"
        lines.append(f"| {cell(d.name)} | {score} | {phrases.level_name(catalogue, d.level)} "
                     f"| {mark} |")
    weakest = phrases.weakest_lenses(res, catalogue)
    lines += ["", cell(weakest)] if weakest else []
    lines += [""] + [f"> **Warning:** {w}" + "\n" for w in res.warnings]
    if view.details:
        lines += _by_role(res) + _lenses(res, catalogue)
    if view.plain:
        lines += [f"*{cell(line)}*  " for line in phrases.level_meanings(res, catalogue)] + [""]
    lines += _route(res, catalogue, view)
    if view.details:
        lines += _plan(res, catalogue, view.plain)
    if view.hint:
        lines += ["", f"*{phrases.more_hint(view.details)}*"]
    return "\n".join(lines) + "\n"


def _headline(res: Result, catalogue: Catalogue) -> list[str]:
    when = f", assessed {res.assessed_on}" if res.assessed_on else ""
    who = f", {res.respondents} respondents" if res.respondents > 1 else ""
    title = ("Co-production level: "
             f"{phrases.level_phrase(catalogue, res.level, phrases.no_level_why(res))}")
    lines = [f"## {cell(phrases.titled(res, title))}", "",
             f"{res.framework.name} (`{res.framework.id}` {res.framework.version}){when}{who}; "
             f"{phrases.unsure_phrase(res)}. Score {phrases.score_phrase(res.score)}.", ""]
    if res.level:
        lines += [f"*In plain words:* {catalogue.level(res.level).plain}", ""]
    return [*lines, phrases.held_down(res), ""]


def _route(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    """The quickest route: statements in words, each with what its new level looks like."""
    lines = [f"### {phrases.route_heading(res, catalogue)}", ""]
    names = {d.id: d.name for d in res.dimensions}
    shown = res.next_steps if view.details else res.next_steps[:phrases.ROUTE_SHOWN]
    for number, step in enumerate(shown, 1):
        text = phrases.words(view.plain, step.text, step.plain)
        actions = "; ".join(phrases.step_actions(step, catalogue, view.plain))
        lines.append(f"{number}. **{cell(text)}** ({cell(names[step.dimension])})  \n"
                     f"   {phrases.step_move(step, catalogue)}: {cell(step.looks_like)}"
                     + (f"  \n   *What to do:* {cell(actions)}" if actions else ""))
    hidden = len(res.next_steps) - len(shown)
    if hidden:
        lines.append(f"\n... and {hidden} more (`--details`)")
    return lines


def _gaps(res: Result, details: bool) -> list[str]:
    """Where roles see things differently: the findings (a whole level or more), and with
    details every gap."""
    gaps = res.gaps if details else [g for g in res.gaps if g.finding]
    if not gaps:
        return []
    lines = ["### Where people see it differently", ""]
    for g in gaps:
        if g.finding and phrases.lone_voice(res, g):
            lines.append(f"- {cell(phrases.lone_note(res, g))}")
            continue
        flag = "**Perception gap, a whole level or more:** " if g.finding else ""
        lines.append(f"- {flag}{cell(phrases.gap_line(res, g))}")
    return [*lines, ""]


def _by_role(res: Result) -> list[str]:
    """Each dimension as each voice and each role sees it: a column for each."""
    if not res.by_role and not res.by_voice:
        return []
    groups = phrases.groups(res)
    heads = [f"{cell(g.name)} ({g.respondents}"
             + (", lived experience)" if getattr(g, "lived_experience", False) else ")")
             for g in groups]
    lines = ["", f"### By voice and role ({phrases.weighting_phrase(res)})", "",
             "| dimension | " + " | ".join(heads) + " |", "| --- |" + " ---: |" * len(heads)]
    for d in res.dimensions:
        cells = ["unsure" if (s := g.dimensions.get(d.id)) is None else f"{s:.2f}"
                 for g in groups]
        lines.append(f"| {cell(d.name)} | " + " | ".join(cells) + " |")
    return lines


def _lenses(res: Result, catalogue: Catalogue) -> list[str]:
    """Each SCIE principle and each scope, scored as the areas are."""
    if not res.principles and not res.scopes:
        return []
    lines = ["", "### By principle and scope", "", "| principle or scope | score | level |",
             "| --- | ---: | --- |"]
    for kind, tags in (("principle", res.principles), ("scope", res.scopes)):
        lines += [f"| {cell(tag.name)} ({kind}) | {phrases.score_text(tag.score)} | "
                  f"{phrases.level_name(catalogue, tag.level)} |" for tag in tags]
    return lines


def _plan(res: Result, catalogue: Catalogue, plain: bool = False) -> list[str]:
    """SCIE's recommendations by jigsaw piece; each statement's next level given once."""
    target = phrases.level_name(catalogue, res.target)
    if not res.recommendations:
        return ["", f"No statement is below {target}."]
    lines = ["", f"### Action plan: SCIE's recommendations to reach {target}"]
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
    return [*lines, "", *[f"Source: {s}. Paraphrased in coprod's own words." for s in sources]]


def comparison(cmp: Comparison, catalogue: Catalogue, view: View = SHORT) -> str:
    """Progress for a pull request: the overall level change, then a table of dimensions."""
    cmp, catalogue = escaped(cmp), escaped(catalogue)
    before, after = cmp.before, cmp.after
    score_dir = cmp.direction
    title = (f"Co-production progress: {phrases.level_phrase(catalogue, before.level)} → "
             f"{phrases.level_phrase(catalogue, after.level)} "
             f"({phrases.change_phrase(cmp.level_direction)})")
    lines = [f"## {cell(phrases.titled(after, title))}", "",
             f"{cmp.framework.name} (`{cmp.framework.id}` {cmp.framework.version}). "
             f"Before: {phrases.side_phrase(before)}. After: {phrases.side_phrase(after)}.", "",
             f"Overall score: {phrases.score_phrase(before.score)} → "
             f"{phrases.score_phrase(after.score)} "
             f"({phrases.change_phrase(score_dir, cmp.score_change)}).", ""]
    regression = phrases.regression_phrase(cmp)
    if regression:
        lines += [f"**{cell(regression)}**", ""]
    if view.plain:
        lines += [f"- {cell(line)}" for line in phrases.comparison_meanings(cmp, catalogue)]
        lines.append("")
    lines += ["| dimension | before | after | change | level before | level after |",
              "| --- | ---: | ---: | --- | --- | --- |"]
    for d in cmp.dimensions:
        moved = "" if d.level_direction == "same" else \
            f" ({phrases.change_phrase(d.level_direction)})"
        lines.append(f"| {cell(d.name)} | {_score(d.before_score)} | {_score(d.after_score)} | "
                     f"{phrases.change_phrase(d.direction, d.change)} | "
                     f"{phrases.level_name(catalogue, d.before_level)} | "
                     f"{phrases.level_name(catalogue, d.after_level)}{moved} |")
    lines += [""] + [f"> **Warning:** {w}\n" for w in cmp.warnings]
    lines += [f"> **Warning ({side}):** {w}\n" for side, res in
                     (("before", before), ("after", after)) for w in res.warnings]
    return "\n".join(lines).rstrip("\n") + "\n"


def _score(score: float | None) -> str:
    return "unsure" if score is None else f"{score:.2f}"
