"""The words for the sign-off and the agreed levels, the same in every format."""

from __future__ import annotations

import datetime

from coprod_cli.agreed import Agreed, AgreedLevel, Dissent, Signoff
from coprod_cli.coproduced import Review
from coprod_cli.report import together
from coprod_cli.scoring.agreement import apply
from tests.builders import CATALOGUE, FW, result_for

RES = result_for({"alpha-1": 1, "alpha-2": 2, "beta-1": 1, "beta-2": 1, "beta-3": 1})


def test_their_own_words_are_kept_but_cannot_act_on_a_terminal() -> None:
    lines = together.review_lines(Review(line="Reviewed by 2 people with lived experience on "
                                         "1 May 2027", reviewed_by=2,
                                         response="Yes,\n\x1b[2J  we agree"))
    assert lines[0].endswith("on 1 May 2027.")
    assert "\x1b" not in lines[1] and "we agree" in lines[1] and "\n" not in lines[1]


def test_agreed_lines_say_each_level_beside_the_answers_and_the_dissent_by_voice() -> None:
    agreed = Agreed(framework="test", agreed_on=datetime.date(2027, 3, 12),
                    took_part={"practitioner": 3, "carer": 2},
                    agreed={"alpha-1": AgreedLevel(level="intermediate", dissent=[
                        Dissent(voice="everyone-else", words="Too soon.")]),
                        "alpha-2": AgreedLevel(level="intermediate"), "beta-1": None},
                    signoff=Signoff(reviewed_by=2, reviewed_on=datetime.date(2027, 3, 20)))
    lines = together.agreed_lines(apply(RES, FW, agreed), CATALOGUE)
    assert lines[0] == "Agreed together on 12 March 2027 by 5 people (Carer: 2, Practitioner: 3)."
    assert any(line.startswith("alpha-1 (p): agreed Intermediate; the answers give Descriptive")
               for line in lines)
    assert any(line == "alpha-2 (p): agreed Intermediate; the answers give the same."
               for line in lines)
    assert any("kept by everyone else" in line and "\u201cToo soon.\u201d" in line
               for line in lines)
    assert "Discussed, no level agreed yet: beta-1." in lines
    assert lines[-1] == "The agreed level differs from the answers on 1 of 2 statements."
    assert together.agreed_lines(RES, CATALOGUE) == []
