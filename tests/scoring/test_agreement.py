"""A result with the agreed levels beside the answers' levels, and the sign-off line."""

from __future__ import annotations

import datetime

from coprod_cli.agreed import Agreed, AgreedLevel, Dissent, Signoff
from coprod_cli.coproduced import NOT_REVIEWED
from coprod_cli.scoring.agreement import apply, review
from tests.builders import FW, result_for

VALUES = {"alpha-1": 1, "alpha-2": 2, "beta-1": 1, "beta-2": 1, "beta-3": 1}


def test_the_sign_off_line_names_how_many_and_when() -> None:
    signed = Agreed(framework="test", signoff=Signoff(
        reviewed_by=4, reviewed_on=datetime.date(2027, 3, 12), response="We agree."))
    line = review(signed)
    assert line.line == "Reviewed by 4 people with lived experience on 12 March 2027"
    assert line.response == "We agree." and line.reviewed_by == 4
    one = Agreed(framework="test", signoff=Signoff(reviewed_by=1,
                                                   reviewed_on=datetime.date(2027, 3, 1)))
    assert review(one).line.startswith("Reviewed by 1 person with")
    assert review(None).line == review(Agreed(framework="test")).line == NOT_REVIEWED


def test_agreed_levels_beside_the_answers_and_where_they_differ() -> None:
    agreed = Agreed(framework="test", took_part={"carer": 2}, agreed={
        "alpha-1": AgreedLevel(level="intermediate",
                               dissent=[Dissent(voice="lived-experience", words="No.")]),
        "alpha-2": AgreedLevel(level="intermediate"), "beta-1": None})
    res = apply(result_for(VALUES), FW, agreed)
    assert res.agreement is not None
    first, second = res.agreement.statements
    assert (first.statement, first.answers_level, first.agreed_level, first.differs) == \
        ("alpha-1", "descriptive", "intermediate", True)
    assert first.dissent[0].voice == "lived-experience" and first.dissent[0].words == "No."
    assert (second.answers_level, second.differs) == ("intermediate", False)
    assert res.agreement.not_agreed_yet == ["beta-1"]
    assert res.agreement.took_part == {"carer": 2}
    assert res.level == result_for(VALUES).level  # agreeing never changes the answers' level
