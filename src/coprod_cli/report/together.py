"""The words every format uses for what the people who answered did together: the sign-off
line on a report's first page, the levels agreed beside those the answers give, and the
"you said, we will" sheet. Their own words are shown as they wrote them, made safe."""

from __future__ import annotations

import datetime

from coprod_cli.coproduced import Review
from coprod_cli.models import Catalogue
from coprod_cli.report import phrases
from coprod_cli.results import Result
from coprod_cli.safetext import visible_line
from coprod_cli.scoring.collective import VOICE_NAMES


def day(value: datetime.date) -> str:
    """'12 March 2027'."""
    return f"{value.day} {value:%B %Y}"


def own_words(text: str) -> str:
    """Someone's own words, unedited but made safe to show, in quotation marks."""
    return f"\u201c{visible_line(' '.join(text.split()))}\u201d"


def review_lines(review: Review) -> list[str]:
    """The sign-off, and the reviewers' response in their own words."""
    lines = [f"{review.line}."]
    if review.response:
        lines.append(f"Their response, in their own words: {own_words(review.response)}")
    return lines


def took_part(counts: dict[str, int], catalogue: Catalogue) -> str:
    """'9 people (Carer: 2, Practitioner: 3, ...)', roles in the catalogue's order."""
    known = {role.id: role.name for role in catalogue.roles}
    order = [*known, *sorted(set(counts) - set(known))]
    parts = ", ".join(f"{known.get(role, role)}: {counts[role]}" for role in order
                      if role in counts)
    return f"{people(sum(counts.values()))} ({parts})"


def people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def agreed_lines(res: Result, catalogue: Catalogue) -> list[str]:
    """What the group agreed, statement by statement, beside what the answers give; each
    dissent in the dissenters' own words, with the voice it came from."""
    agreement = res.agreement
    if agreement is None:
        return []
    when = f" on {day(agreement.agreed_on)}" if agreement.agreed_on else ""
    who = f" by {took_part(agreement.took_part, catalogue)}" if agreement.took_part else ""
    lines = [f"Agreed together{when}{who}."]
    for item in agreement.statements:
        agreed = phrases.level_name(catalogue, item.agreed_level)
        given = phrases.level_name(catalogue, item.answers_level)
        lines.append(f"{item.statement} ({item.plain}): agreed {agreed}; " + (
            f"the answers give {given}." if item.differs else "the answers give the same."))
        lines += [f"{item.statement}: a different view kept by {VOICE_NAMES[d.voice].lower()}: "
                  f"{own_words(d.words)}" for d in item.dissent]
    if agreement.not_agreed_yet:
        lines.append("Discussed, no level agreed yet: " + ", ".join(agreement.not_agreed_yet)
                     + ".")
    differ = sum(item.differs for item in agreement.statements)
    lines.append(f"The agreed level differs from the answers on {differ} of "
                 f"{len(agreement.statements)} statements." if agreement.statements else
                 "No level agreed yet.")
    return lines
