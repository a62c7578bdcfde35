"""Who answered, in the words every format shares: the groups shown, the weighting, and a gap
that rests on one person's view said as a note rather than a finding."""

from __future__ import annotations

import dataclasses

from coprod_cli.report import voices
from coprod_cli.resultdetails import Gap, RoleResult, VoiceResult
from coprod_cli.results import Result
from tests.report.test_renderers import _side


def _with_groups() -> Result:
    res = _side(1, {"person-who-draws-on-care-and-support": ["transformative"] * 5,
                    "practitioner": ["descriptive"] * 5})
    carer = RoleResult(role="carer", name="Carer", respondents=1, lived_experience=True,
                       dimensions={d.id: 3.0 for d in res.dimensions})
    lived = VoiceResult(voice="lived-experience", name="People with lived experience", roles=[],
                        respondents=4, dimensions={d.id: 2.5 for d in res.dimensions})
    gap = Gap(dimension=res.dimensions[0].id, highest="carer", lowest="practitioner",
              highest_score=3.0, lowest_score=1.0, gap=2.0, finding=True)
    return dataclasses.replace(res, by_role=[carer], by_voice=[lived], gaps=[gap])


def test_the_voices_come_before_the_roles_and_each_has_its_name() -> None:
    res = _with_groups()
    assert [g.name for g in voices.groups(res)] == ["People with lived experience", "Carer"]
    assert voices.group_names(res) == {"lived-experience": "People with lived experience",
                                       "carer": "Carer"}
    assert voices.weighting_phrase(res).startswith("people with lived experience")


def test_a_gap_one_person_drives_is_a_note_not_a_finding() -> None:
    res = _with_groups()
    found, lone = voices.findings(res)
    assert found == [] and lone == res.gaps
    assert voices.lone_voice(res, res.gaps[0]) == "Carer"
    note = voices.lone_note(res, res.gaps[0])
    assert note.startswith("Note: ") and "(Carer is one person)" in note
    assert "a gap of 2.00" in voices.gap_line(res, res.gaps[0])
