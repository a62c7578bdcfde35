"""Every rubric row at its level's anchor (DOMAIN.md), read for meaning as far as a test can.

- Words of being informed or consulted (TLAP's informing, consultation) belong to not-yet: above
  it they may appear only in a row that also gives people a defined part (a role, a vote, an
  equal place), where they describe something else.
- Every row can be observed: a team could point to evidence, so no row rests on what people
  feel, prefer or notice.
- A descriptive row is co-production that is informal or only in people's own support, and
  says what it cannot do; an intermediate row names what recognises or resources people's part;
  a transformative row is equal partnership.
- Levels build on each other: what the intermediate row gives people (pay, training) the
  transformative row keeps.
"""

from __future__ import annotations

import re

import pytest

from coprod_cli.models import LEVEL_IDS, Statement
from coprod_cli.reading.loader import Library

LIBRARY = Library.builtin()
STATEMENTS = [(framework_id, statement) for framework_id in sorted(LIBRARY.builtin_ids)
              for statement in LIBRARY.framework(framework_id).statements]
IDS = [f"{framework_id}:{statement.id}" for framework_id, statement in STATEMENTS]
ABOVE_NOT_YET = LEVEL_IDS[1:]

# Being informed or consulted, in the full and the plain wordings.
TOKENISM = re.compile(
    r"\b(told|informed|heard|hears?|asked (for|about) (their |people's )?views|asked what "
    r"(they|people) think|written down and shared|staff alone|among themselves|"
    r"speaks? in favour)\b", re.IGNORECASE)
# A defined part for people in the same row: a role, a place, a vote or an equal footing.
DEFINED_PART = re.compile(
    r"\b((defined|set)( and \w+)?,? (role|roles|part|place|places)|votes?|voting|as equals?|"
    r"equal (partners?|members?|panel members?)|jointly)\b", re.IGNORECASE)
# What cannot be observed: a feeling, a preference, a private noticing.
UNOBSERVABLE = re.compile(r"\b(feels?|felt|prefers?|trust each other|notices?|noticed|believes?|"
                          r"value each other)\b", re.IGNORECASE)
# Descriptive: informal, or in people's own support (or on their own, unplanned) ...
INFORMAL = re.compile(
    r"\b(informal|informally|own (support|plans?|care|goals|(personal )?budget|lives|words|"
    r"efforts|time|contribution|reviews)|of their own|for themselves|on top of|"
    r"when (someone|people) asks?|if people ask|of their own accord|some staff|"
    r"individual staff|committed staff|keen staff)\b",
    re.IGNORECASE)
# ... and what it cannot do (no recognition, resources, or reach into the service).
LIMIT = re.compile(r"\b(but|without|cannot|not|no|nothing|neither|nobody|only|after|first to "
                   r"be cut)\b", re.IGNORECASE)
# Intermediate: what recognises, supports or resources people's part.
RECOGNISED = re.compile(
    r"\b(defined|set|paid|pay|payment|trained|training|supported|support|agreed|agreement|"
    r"policy|written|budget|money|grants?|funds?|set aside|recorded|records?|protected|"
    r"expenses|planned|scored|monitored|rules|require|briefing|measures?)\b", re.IGNORECASE)
# Transformative: equal partnership, not control by one side: said so, or both sides the
# subject of the deciding.
EQUAL = re.compile(r"\b(equals?|equal partners?|together|jointly|shared|share|both|same "
                   r"weight|as much as|one team|as a (group|team))\b|"
                   r"\b(plans?|decides?|agrees?) with\b|"
                   r"\b(people|staff|leaders|managers|commissioners|organisation|groups)( who draw "
                   r"on care( and support)?)? and (the )?(people|staff|leaders|managers|"
                   r"commissioners|local groups|community groups)\b[^.;]*\b(agree|agreed|decide|"
                   r"decided|plan|planned|set|wrote|run|review|work out)\b", re.IGNORECASE)
# What an intermediate row gives people that a transformative row must keep.
GIVEN = re.compile(r"\b(paid|pay|trained)\b", re.IGNORECASE)
KEPT = re.compile(r"\b(paid|pay|payment|trained|training|support|supported|funded|budget|"
                  r"rewards?)\b", re.IGNORECASE)


def tokenism(row: str) -> str | None:
    """The words of being informed or consulted in a row that gives people no defined part."""
    found = TOKENISM.search(row)
    return found.group(0) if found and not DEFINED_PART.search(row) else None


def misses_anchor(level: str, row: str) -> str | None:
    """Why a row above not-yet misses its level's anchor, or None."""
    if level == "descriptive" and not (INFORMAL.search(row) and LIMIT.search(row)):
        return "not informal or individual co-production with its limit said"
    if level == "intermediate" and not RECOGNISED.search(row):
        return "nothing recognises, supports or resources people's part"
    if level == "transformative" and not EQUAL.search(row):
        return "not equal partnership"
    return None


@pytest.mark.parametrize(("framework_id", "statement"), STATEMENTS, ids=IDS)
def test_tokenism_above_not_yet_only_beside_a_defined_part(
        framework_id: str, statement: Statement) -> None:
    for level in ABOVE_NOT_YET:
        for plain in (False, True):
            row = statement.row(level, plain)
            assert tokenism(row) is None, f"{statement.id} {level}: {tokenism(row)!r} in {row!r}"


@pytest.mark.parametrize(("framework_id", "statement"), STATEMENTS, ids=IDS)
def test_every_row_can_be_observed(framework_id: str, statement: Statement) -> None:
    for level in LEVEL_IDS:
        for plain in (False, True):
            row = statement.row(level, plain)
            assert not UNOBSERVABLE.search(row), f"{statement.id} {level}: {row!r}"


@pytest.mark.parametrize(("framework_id", "statement"), STATEMENTS, ids=IDS)
def test_each_row_above_not_yet_meets_its_anchor(framework_id: str,
                                                 statement: Statement) -> None:
    for level in ABOVE_NOT_YET:
        row = statement.levels.at(level)
        assert misses_anchor(level, row) is None, \
            f"{statement.id} {level}: {misses_anchor(level, row)}: {row!r}"
    plain = statement.row("transformative", plain=True)
    assert EQUAL.search(plain), f"{statement.id} plain transformative: {plain!r}"


@pytest.mark.parametrize(("framework_id", "statement"), STATEMENTS, ids=IDS)
def test_what_intermediate_gives_people_transformative_keeps(
        framework_id: str, statement: Statement) -> None:
    given = GIVEN.search(statement.levels.at("intermediate"))
    if given:
        for plain in (False, True):
            row = statement.row("transformative", plain)
            assert KEPT.search(row), f"{statement.id}: intermediate gives people " \
                f"{given.group(0)!r}, transformative drops it: {row!r}"


# Rows from earlier versions that missed their anchor (issue 25), and rows that meet it:
# the checks above must tell them apart, or they test nothing.
MISSED = [
    ("descriptive", "Challenge is heard politely, but there is no route for it to change how "
                    "the service is run."),
    ("descriptive", "Staff discuss the risks of new ideas informally among themselves, and the "
                    "most cautious option usually wins."),
    ("descriptive", "Leaders speak in favour of co-production, but how they make decisions does "
                    "not change."),
    ("intermediate", "The scope, meaning what is open to change, what is fixed and why, is "
                     "written down and shared with everyone before work starts."),
    ("descriptive", "People are told informally what is expected of them, but not what they "
                    "can expect in return."),
]
MET = [
    ("intermediate", "People sit on interview panels in a defined, trained and paid role, and "
                     "their scores count in the decision."),
    ("descriptive", "People work with staff on goals for their own support, but informally, "
                    "and the plan is still the service's."),
    ("transformative", "People and staff wrote the agreement together as equals, review it "
                       "regularly, and hold each other to it."),
]


@pytest.mark.parametrize(("level", "row"), MISSED)
def test_the_checks_catch_tokenism_that_missed_its_anchor(level: str, row: str) -> None:
    assert tokenism(row) is not None


@pytest.mark.parametrize(("level", "row"), MET)
def test_the_checks_pass_rows_at_their_anchor(level: str, row: str) -> None:
    assert tokenism(row) is None and misses_anchor(level, row) is None


def test_being_told_is_allowed_where_people_have_a_defined_part() -> None:
    assert tokenism("People in defined roles are told the results first and can question "
                    "them.") is None
    assert tokenism("People are told the results.") == "told"


def test_unobservable_rows_are_caught() -> None:
    for row in ("People and staff feel they want the same things.",
                "Some commissioners prefer providers that co-produce.",
                "People and staff trust each other.",
                "People and staff notice informally when principles slip."):
        assert UNOBSERVABLE.search(row), row
