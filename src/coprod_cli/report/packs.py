"""What a co-production lead takes back to the people who answered: the workshop pack (cards
where views differ) and the "you said, we will" sheet, as HTML that prints well, Markdown,
and the pack as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from coprod_cli.coproduced import Workshop
from coprod_cli.models import Catalogue
from coprod_cli.plain import to_data
from coprod_cli.plans import Plan
from coprod_cli.report import html, json, phrases, together
from coprod_cli.report.markdown import inline
from coprod_cli.results import Result
from coprod_cli.safetext import visible

WILL_SHOWN = 3  # the three things that will change: one page, read in a minute
ASK_AGAIN = "We will tell you when we ask again."
NOW = " (where the answers put it now)"


class PackFormat(str, Enum):
    """Formats of the workshop pack."""

    html = "html"
    markdown = "markdown"
    json = "json"


class SheetFormat(str, Enum):
    """Formats of the feedback sheet: a page to read, so no JSON."""

    html = "html"
    markdown = "markdown"


def workshop(pack: Workshop, fmt: PackFormat) -> str:
    """The cards in a format."""
    if fmt is PackFormat.json:
        return json.dump(to_data(pack))
    if fmt is PackFormat.html:
        return visible(html.environment().get_template("workshop.html.j2").render(res=pack))
    lines = [f"# Workshop cards: {inline(pack.service or pack.framework.name)}", "",
             f"Where people see things a level or more apart, and where many were unsure. "
             f"{together.people(pack.respondents)} answered.", ""]
    for number, card in enumerate(pack.cards, 1):
        lines += [f"## Card {number}: {inline(card.plain)}", "",
                  f"Statement `{card.statement}`: {inline(card.text)}", "", "How far apart:", "",
                  *(f"- {inline(line)}" for line in card.apart), "",
                  "What each level looks like:", "",
                  *(f"- **{level.name}**{NOW if level.level == card.answers_level else ''}: "
                    f"{inline(level.looks_like)}" for level in card.levels), "",
                  "Questions to talk about:", "",
                  *(f"{i}. {inline(q)}" for i, q in enumerate(card.questions, 1)), ""]
    if not pack.cards:
        lines += ["People see every statement within a level of each other, and few were "
                  "unsure: there is no card to talk about.", ""]
    if pack.left_out:
        lines += [f"{pack.left_out} more statement(s) would make a card; ask for more with "
                  "--cards.", ""]
    return "\n".join(lines)


@dataclass(frozen=True)
class Sheet:
    """The "you said, we will" sheet's words: plain, for everyone who answered."""

    said: list[str]
    agreed: list[str]
    will: list[str]
    again: str
    review: list[str]


def sheet(res: Result, catalogue: Catalogue, again: str | None,
          plan: Plan | None = None) -> Sheet:
    """What each voice said (only groups big enough to show), what was agreed, the three
    things that will change (the plan's first moves and who leads them, or the quickest
    route's first steps), when people are asked again, and the sign-off."""
    said = [res.plain_headline or "We could not give a level yet: "
            f"{phrases.no_level_why(res)}."]
    names = {d.id: d.name for d in res.dimensions}
    for voice in res.by_voice:
        scored = {d: v for d, v in voice.dimensions.items() if v is not None}
        if len(scored) > 1:
            high, low = max(scored, key=scored.__getitem__), min(scored, key=scored.__getitem__)
            said.append(f"{voice.name} rated {names[high]} highest and {names[low]} lowest.")
    said += [f"{h.name}: too few people to show their view on its own. Their answers count in "
             "everything here." for h in res.held_back if h.kind == "voice"]
    said += [line for line in res.findings if "within a level" not in line]
    agreed = [] if res.agreement is None else [
        f"We agreed {phrases.level_name(catalogue, item.agreed_level)} for: {item.plain}"
        for item in res.agreement.statements]
    will = _planned(res, catalogue, plan) if plan and plan.moves else [
        f"{step.plain} {step.looks_like_plain or step.looks_like} Who will do it: to be agreed."
        for step in res.next_steps[:WILL_SHOWN]]
    return Sheet(said, agreed, will or ["Keep working together as now, and review it."],
                 f"We will ask you again: {again}." if again else ASK_AGAIN,
                 together.review_lines(res.review))


def _planned(res: Result, catalogue: Catalogue, plan: Plan) -> list[str]:
    """The plan's first moves: what changes, who leads it with whom, and by when."""
    plain = {s.id: s.plain for s in res.statements}
    names = {role.id: role.name.lower() for role in catalogue.roles}
    return [f"{plain.get(m.statement, m.statement)} From "
            f"{phrases.level_name(catalogue, m.from_level)} to "
            f"{phrases.level_name(catalogue, m.to)}, by {together.day(m.due)}. Led by a "
            f"{names.get(m.owner, m.owner)} with a {names.get(m.co_owner, m.co_owner)}."
            for m in plan.moves[:WILL_SHOWN]]


def feedback(res: Result, catalogue: Catalogue, again: str | None, fmt: SheetFormat,
             plan: Plan | None = None) -> str:
    """The sheet in HTML (large type, one printed page) or Markdown."""
    words = sheet(res, catalogue, again, plan)
    if fmt is SheetFormat.html:
        return visible(html.environment().get_template("feedback.html.j2").render(
            res=res, sheet=words))
    lines = [f"# You said, we will: {inline(res.service or res.framework.name)}", "",
             f"Thank you. {together.people(res.respondents)} answered.", "", "## You said", "",
             *(f"- {inline(line)}" for line in words.said), ""]
    if words.agreed:
        lines += ["## We agreed", "", *(f"- {inline(line)}" for line in words.agreed), ""]
    lines += ["## We will", "", *(f"{i}. {inline(line)}" for i, line in enumerate(words.will, 1)),
              "", "## When we will ask again", "", inline(words.again), "",
              *(f"*{inline(line)}*" for line in words.review), ""]
    return "\n".join(lines)
