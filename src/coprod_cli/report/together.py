"""The words every format uses for what the people who answered did together: the sign-off
line on a report's first page, the levels agreed beside those the answers give, and the
"you said, we will" sheet. Their own words are shown as they wrote them, made safe."""

from __future__ import annotations

import datetime

from coprod_cli.coproduced import NOT_REVIEWED, Agreement, Review
from coprod_cli.i18n import _
from coprod_cli.models import Catalogue
from coprod_cli.report import phrases
from coprod_cli.results import Result
from coprod_cli.safetext import visible_line
from coprod_cli.voices import VOICE_NAMES


def day(value: datetime.date) -> str:
    """'12 March 2027'."""
    return phrases.day(value)


def own_words(text: str) -> str:
    """Someone's own words, unedited but made safe to show, in quotation marks."""
    return f"\u201c{visible_line(' '.join(text.split()))}\u201d"


def review_lines(review: Review) -> list[str]:
    """The sign-off, and the reviewers' response in their own words."""
    lines = [f"{_signoff(review)}."]
    if review.response:
        lines.append(_("Their response, in their own words: {words}").format(
            words=own_words(review.response)))
    return lines


def _signoff(review: Review) -> str:
    """Review.line in the reader's language."""
    if review.reviewed_on is None:
        return _(NOT_REVIEWED) if review.line == NOT_REVIEWED else review.line
    return _("Reviewed by {people} with lived experience on {day}").format(
        people=people(review.reviewed_by), day=day(review.reviewed_on))


def took_part(counts: dict[str, int], catalogue: Catalogue) -> str:
    """'9 people (Carer: 2, Practitioner: 3, ...)', roles in the catalogue's order."""
    known = {role.id: role.name for role in catalogue.roles}
    order = [*known, *sorted(set(counts) - set(known))]
    parts = ", ".join(f"{known.get(role, role)}: {counts[role]}" for role in order
                      if role in counts)
    return f"{people(sum(counts.values()))} ({parts})"


def people(count: int) -> str:
    return phrases.people(count)


def agreed_lines(res: Result, catalogue: Catalogue) -> list[str]:
    """What the group agreed, statement by statement, beside what the answers give; each
    dissent in the dissenters' own words, with the voice it came from."""
    agreement = res.agreement
    if agreement is None:
        return []
    lines = [_agreed_when(agreement, catalogue)]
    for item in agreement.statements:
        agreed = phrases.level_name(catalogue, item.agreed_level)
        given = phrases.level_name(catalogue, item.answers_level)
        lines.append((_("{statement} ({plain}): agreed {agreed}; the answers give {given}.")
                      if item.differs else
                      _("{statement} ({plain}): agreed {agreed}; the answers give the same."))
                     .format(statement=item.statement, plain=item.plain, agreed=agreed,
                             given=given))
        lines += [_("{statement}: a different view kept by {voice}: {words}").format(
            statement=item.statement, voice=_(VOICE_NAMES[d.voice]).lower(),
            words=own_words(d.words)) for d in item.dissent]
    if agreement.not_agreed_yet:
        lines.append(_("Discussed, no level agreed yet: {statements}.").format(
            statements=", ".join(agreement.not_agreed_yet)))
    differ = sum(item.differs for item in agreement.statements)
    lines.append(_("The agreed level differs from the answers on {count} of {total} "
                   "statements.").format(count=differ, total=len(agreement.statements))
                 if agreement.statements else _("No level agreed yet."))
    return lines


def _agreed_when(agreement: Agreement, catalogue: Catalogue) -> str:
    """'Agreed together on 12 March 2027 by 9 people (Carer: 2, ...).'"""
    when, who = agreement.agreed_on, agreement.took_part
    if when and who:
        return _("Agreed together on {day} by {people}.").format(
            day=day(when), people=took_part(who, catalogue))
    if when:
        return _("Agreed together on {day}.").format(day=day(when))
    if who:
        return _("Agreed together by {people}.").format(people=took_part(who, catalogue))
    return _("Agreed together.")
