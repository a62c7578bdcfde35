"""Rounds of hand-built respondents for the trend's tests: each role answering one level."""

from __future__ import annotations

from coprod_cli.tally import Tally
from tests.builders import FW, answers

LEVEL = ["not-yet", "descriptive", "intermediate", "transformative"]
PERSON, CARER = "person-drawing-on-care", "carer"
PRACTITIONER, MANAGER = "practitioner", "manager"


def tally(mix: dict[str, tuple[int, int | list[int]]]) -> Tally:
    """Role -> (how many people, their level value, or one value per person)."""
    found = Tally(FW, people=[])
    for role, (count, levels) in mix.items():
        each = levels if isinstance(levels, list) else [levels] * count
        for value in each:
            found.add(answers({s.id: LEVEL[value] for s in FW.statements}, role=role))
    return found


def mix_only(counts: list[tuple[int, int, int, int]]) -> list[tuple[str, Tally]]:
    """Rounds where each role answers as before and only how many of each answered changes."""
    return [(f"round {index + 1}", tally({PERSON: (a, 2), CARER: (b, 1), PRACTITIONER: (c, 1),
                                           MANAGER: (d, 3)}))
            for index, (a, b, c, d) in enumerate(counts)]
