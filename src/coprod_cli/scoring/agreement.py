"""A result with what the group agreed together beside what the answers give, and whether
people with lived experience reviewed it."""

from __future__ import annotations

import dataclasses

from coprod_cli.agreed import Agreed
from coprod_cli.coproduced import AgreedStatement, Agreement, DissentNote, Review
from coprod_cli.models import Framework
from coprod_cli.results import Result


def review(agreed: Agreed | None) -> Review:
    """'Reviewed by 4 people with lived experience on 12 March 2027', or not reviewed."""
    signoff = agreed.signoff if agreed else None
    if signoff is None:
        return Review()
    who = "1 person" if signoff.reviewed_by == 1 else f"{signoff.reviewed_by} people"
    day = f"{signoff.reviewed_on.day} {signoff.reviewed_on:%B %Y}"
    return Review(line=f"Reviewed by {who} with lived experience on {day}",
                  reviewed_by=signoff.reviewed_by, reviewed_on=signoff.reviewed_on,
                  response=signoff.response)


def apply(res: Result, framework: Framework, agreed: Agreed) -> Result:
    """The result with the agreed levels beside the averaged ones, and the sign-off."""
    levels = {s.id: s.level for s in res.statements}
    statements = [
        AgreedStatement(statement=s.id, text=s.text, plain=s.plain,
                        answers_level=levels.get(s.id), agreed_level=entry.level,
                        differs=entry.level != levels.get(s.id),
                        dissent=[DissentNote(voice=d.voice, words=d.words)
                                 for d in entry.dissent])
        for s in framework.statements if (entry := agreed.agreed.get(s.id)) is not None]
    pending = [s.id for s in framework.statements
               if s.id in agreed.agreed and agreed.agreed[s.id] is None]
    return dataclasses.replace(res, review=review(agreed), agreement=Agreement(
        agreed_on=agreed.agreed_on, took_part=dict(agreed.took_part), statements=statements,
        not_agreed_yet=pending))
