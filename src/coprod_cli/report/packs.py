"""What a co-production lead takes back to the people who answered: the workshop pack (cards
where views differ) and the "you said, we will" sheet, as HTML that prints well, Markdown,
and the pack as JSON."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from coprod_cli.classes import frozen
from coprod_cli.coproduced import Workshop
from coprod_cli.i18n import N_, _, unreviewed_notice
from coprod_cli.models import Catalogue
from coprod_cli.plain import to_data
from coprod_cli.report import SHORT, View, lasting, phrases, together
from coprod_cli.results import Result
from coprod_cli.safetext import visible

if TYPE_CHECKING:  # types only: a plan's records are read only with --plan
    from coprod_cli.plans import Plan
    from coprod_cli.report.html import Own
    from coprod_cli.resultparts import SourceCredit

WILL_SHOWN = 3  # the three things that will change: one page, read in a minute
ASK_AGAIN = N_("We will tell you when we ask again.")
NOW = N_(" (where the answers put it now)")
RATED = {"lived-experience": N_("People with lived experience rated {high} highest and {low} "
                                "lowest."),
         "everyone-else": N_("Everyone else rated {high} highest and {low} lowest.")}
RATED_ANY = N_("{voice} rated {high} highest and {low} lowest.")
# scoring/findings.py's finding that the voices agree within a level: not said on the sheet.
AGREEING = (
    N_("The two voices see it within a level of each other, overall and in every area: no "
       "whole-level gap"),
    N_("The two voices see it within a level of each other, overall and in every area, people "
       "with lived experience a little lower: no whole-level gap"),
    N_("The two voices see it within a level of each other, overall and in every area, "
       "everyone else a little lower: no whole-level gap"))


class PackFormat(str, Enum):
    """Formats of the workshop pack."""

    html = "html"
    markdown = "markdown"
    json = "json"


class SheetFormat(str, Enum):
    """Formats of the feedback sheet: a page to read, so no JSON."""

    html = "html"
    markdown = "markdown"


def workshop(pack: Workshop, fmt: PackFormat, view: View = SHORT) -> str:
    """The cards in a format (a page marks `view.apart`'s texts with their language; each
    format's module imported only when it is the one asked for: HTML's brings jinja2)."""
    if fmt is PackFormat.json:
        from coprod_cli.report import json

        return json.dump(to_data(pack))
    if fmt is PackFormat.html:
        lasting("coprod_cli.report.html")  # as a result's renderer is: it brings jinja2
        from coprod_cli.report import html

        return visible(html.environment().get_template("workshop.html.j2").render(
            res=pack, own=html.marking(view)))
    from coprod_cli.report.markdown import inline

    notice = unreviewed_notice()
    lines = [_("# Workshop cards: {name}").format(name=inline(pack.service or pack.framework.name)),
             "", _("Where people see things a level or more apart, and where many were unsure. "
                   "{people} answered.").format(people=together.people(pack.respondents)), "",
             *([f"*{inline(notice)}*", ""] if notice else [])]
    for number, card in enumerate(pack.cards, 1):
        now = _(NOW)
        lines += [_("## Card {number}: {plain}").format(number=number, plain=inline(card.plain)),
                  "", _("Statement `{id}`: {text}").format(id=card.statement,
                                                           text=inline(card.text)),
                  "", _("How far apart:"), "", *(f"- {inline(line)}" for line in card.apart), "",
                  _("What each level looks like:"), "",
                  *(f"- **{level.name}**{now if level.level == card.answers_level else ''}: "
                    f"{inline(level.looks_like)}" for level in card.levels), "",
                  _("Questions to talk about:"), "",
                  *(f"{i}. {inline(q)}" for i, q in enumerate(card.questions, 1)), ""]
    if not pack.cards:
        lines += [_("People see every statement within a level of each other, and few were "
                    "unsure: there is no card to talk about."), ""]
    if pack.left_out:
        lines += [_("{count} more statement(s) would make a card; ask for more with "
                    "--cards.").format(count=pack.left_out), ""]
    return "\n".join(lines + _credited(pack.credit, pack.sources))


@frozen
class Sheet:
    """The "you said, we will" sheet's words: plain, for everyone who answered."""

    said: list[str]
    agreed: list[str]
    will: list[str]
    again: str
    review: list[str]


def sheet(res: Result, catalogue: Catalogue, again: str | None,
          plan: Plan | None = None, own: Own | None = None) -> Sheet:
    """What each voice said (only groups big enough to show), what was agreed, the three
    things that will change (the plan's first moves and who leads them, or the quickest
    route's first steps), when people are asked again, and the sign-off. For a page (`own`
    given), each line is markup in which a framework's text with no translation is marked."""
    put = _putting(own)
    said = [res.plain_headline or _("We could not give a level yet: {why}.").format(
        why=phrases.no_level_why(res))]
    names = {d.id: d.name for d in res.dimensions}
    for voice in res.by_voice:
        scored = {d: v for d, v in voice.dimensions.items() if v is not None}
        if len(scored) > 1:
            high, low = max(scored, key=scored.__getitem__), min(scored, key=scored.__getitem__)
            said.append(put(_(RATED.get(voice.voice, RATED_ANY)),
                            voice=voice.name, high=names[high], low=names[low]))
    said += [_("{group}: too few people to show their view on its own. Their answers count in "
               "everything here.").format(group=h.name)
             for h in res.held_back if h.kind == "voice"]
    agreeing = {_(words) for words in AGREEING}  # in the reader's language
    said += [line for line in res.findings if line not in agreeing]
    agreed = [] if res.agreement is None else [
        put(_("We agreed {level} for: {plain}"),
            level=phrases.level_name(catalogue, item.agreed_level), plain=item.plain)
        for item in res.agreement.statements]
    will = _planned(res, catalogue, plan, put) if plan and plan.moves else [
        put(_("{step} {looks_like} Who will do it: to be agreed."),
            step=step.plain, looks_like=step.looks_like_plain or step.looks_like)
        for step in res.next_steps[:WILL_SHOWN]]
    return Sheet(said, agreed, will or [_("Keep working together as now, and review it.")],
                 _("We will ask you again: {when}.").format(when=again) if again
                 else _(ASK_AGAIN), together.review_lines(res.review))


def _putting(own: Own | None) -> Callable[..., str]:
    """How the sheet puts texts into its sentences: as they are (Markdown), or for a page each
    escaped and a framework's text with no translation marked with its language."""
    if own is None:
        return lambda message, **parts: message.format(**parts)
    from markupsafe import escape  # a page's: jinja2 has loaded it

    return lambda message, **parts: escape(message).format(
        **{name: own(text) for name, text in parts.items()})


def _planned(res: Result, catalogue: Catalogue, plan: Plan,
             put: Callable[..., str]) -> list[str]:
    """The plan's first moves: what changes, who leads it with whom, and by when."""
    plain = {s.id: s.plain for s in res.statements}
    names = {role.id: role.name.lower() for role in catalogue.roles}
    return [put(_("{step} From {before} to {after}, by {due}. Led by a {owner} with a "
                  "{co_owner}."),
                step=plain.get(m.statement, m.statement),
                before=phrases.level_name(catalogue, m.from_level),
                after=phrases.level_name(catalogue, m.to), due=together.day(m.due),
                owner=names.get(m.owner, m.owner), co_owner=names.get(m.co_owner, m.co_owner))
            for m in plan.moves[:WILL_SHOWN]]


def feedback(res: Result, catalogue: Catalogue, again: str | None, fmt: SheetFormat,
             plan: Plan | None = None, view: View = SHORT) -> str:
    """The sheet in HTML (large type, one printed page; `view.apart`'s texts marked with their
    language) or Markdown."""
    if fmt is SheetFormat.html:
        lasting("coprod_cli.report.html")  # as a result's renderer is: it brings jinja2
        from coprod_cli.report import html

        words = sheet(res, catalogue, again, plan, html.marking(view))
        return visible(html.environment().get_template("feedback.html.j2").render(
            res=res, sheet=words, own=html.marking(view)))
    from coprod_cli.report.markdown import inline

    words = sheet(res, catalogue, again, plan)
    notice = unreviewed_notice()
    lines = [_("# You said, we will: {name}").format(
                 name=inline(res.service or res.framework.name)), "",
             _("Thank you. {people} answered.").format(people=together.people(res.respondents)),
             "", *([f"*{inline(notice)}*", ""] if notice else []), "## " + _("You said"), "",
             *(f"- {inline(line)}" for line in words.said), ""]
    if words.agreed:
        lines += ["## " + _("We agreed"), "", *(f"- {inline(line)}" for line in words.agreed),
                  ""]
    lines += ["## " + _("We will"), "",
              *(f"{i}. {inline(line)}" for i, line in enumerate(words.will, 1)),
              "", "## " + _("When we will ask again"), "", inline(words.again), "",
              *(f"*{inline(line)}*" for line in words.review), ""]
    return "\n".join(lines + _credited(res.credit, res.sources))


def _credited(credit: str, sources: list[SourceCredit]) -> list[str]:
    """The sources credited as they ask, at the end of a pack in Markdown (as a result's),
    each line inert: an added framework's credit and sources are outside text."""
    from coprod_cli import credits
    from coprod_cli.report.markdown import inline

    return ["---", "", *(f"{inline(line)}  " for line in credits.lines(credit, sources,
                                                                       full=True)), ""]
