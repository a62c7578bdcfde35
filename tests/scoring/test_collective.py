"""Collective scoring: partnership of voices, roles, gaps, warnings, and its properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_cli.models import LEVEL_VALUES as LEVEL_VALUE
from coprod_cli.results import Result
from coprod_cli.scoring.engine import Tally, Weighting, score
from tests.builders import CATALOGUE, FW, answers
from tests.conftest import EXAMPLES, Run

IDS = [s.id for s in FW.statements]


def everyone(level: str, role: str | None) -> dict[str, Any]:
    return {"values": {sid: level for sid in IDS}, "role": role}


def collective(people: list[dict[str, Any]], weighting: Weighting = "partnership",
               **options: Any) -> Result:
    """Everything shown unless a test asks for a minimum group (min_group=1)."""
    tally = Tally(FW)
    for number, person in enumerate(people):
        tally.add(answers(person["values"], person["role"]), f"person-{number}")
    return score(FW, CATALOGUE, tally, weighting=weighting, **{"min_group": 1, **options})


STAFF_AND_LIVED = [everyone("transformative", "practitioner")] * 20 + \
    [everyone("descriptive", "person-drawing-on-care")] * 2


def test_each_role_has_an_equal_voice_twenty_staff_and_two_people() -> None:
    res = collective(STAFF_AND_LIVED, "role")
    assert res.score == 2.0  # (3 + 1) / 2: the two people weigh as much as the twenty staff
    assert res.level == "intermediate"
    assert res.respondents == 22
    assert res.weighting == "role"


MANY_STAFF_ROLES = [everyone("transformative", role)
                    for role in ("practitioner", "manager", "commissioner", "volunteer")] * 5 + \
    [everyone("not-yet", "person-drawing-on-care")] * 3


def test_partnership_gives_lived_experience_half_whatever_the_staff_roles() -> None:
    res = collective(MANY_STAFF_ROLES)
    assert res.weighting == "partnership"
    assert res.score == 1.5  # (0 + 3) / 2: three people weigh as much as twenty staff
    assert collective(MANY_STAFF_ROLES, "role").score == 2.4  # 4 of 5 roles are staff


def test_partnership_within_a_voice_each_person_counts_once() -> None:
    """One carer never outweighs three people who draw on care: a voice is its people's
    centre (median), whatever their roles."""
    people = [everyone("transformative", "carer")] + \
        [everyone("descriptive", "person-drawing-on-care")] * 3 + \
        [everyone("intermediate", "manager")] * 3
    res = collective(people)
    assert res.score == 1.5  # (1 + 2) / 2: the lived voice's centre is the three people's 1
    voices = {v.voice: v for v in res.by_voice}
    assert voices["lived-experience"].dimensions == {"alpha": 1.0, "beta": 1.0}
    assert voices["lived-experience"].respondents == 4
    assert voices["lived-experience"].roles == ["person-drawing-on-care", "carer"]
    assert voices["everyone-else"].dimensions == {"alpha": 2.0, "beta": 2.0}


def test_when_one_voice_is_absent_the_other_carries_all_and_says_so() -> None:
    staff = collective([everyone("intermediate", "manager")] * 2
                       + [everyone("transformative", "practitioner")])
    assert staff.score == 2.0 and [v.voice for v in staff.by_voice] == ["everyone-else"]
    assert staff.level is None and staff.lived_experience_missing
    lived = collective([everyone("descriptive", "carer")] * 2)
    assert lived.score == 1.0
    assert any("Only people with lived experience answered" in w for w in lived.warnings)


def test_weighting_by_person_counts_heads() -> None:
    res = collective(STAFF_AND_LIVED, "person")
    assert res.score == 3.0  # the centre of 22 people, 20 of whom said transformative
    assert res.level == "transformative"
    assert res.weighting == "person"


def test_the_result_counts_respondents_and_scores_each_role() -> None:
    res = collective(STAFF_AND_LIVED)
    by_role = {role.role: role for role in res.by_role}
    assert by_role["practitioner"].respondents == 20
    assert by_role["practitioner"].dimensions == {"alpha": 3.0, "beta": 3.0}
    assert by_role["person-drawing-on-care"].lived_experience
    assert [role.role for role in res.by_role] == ["person-drawing-on-care", "practitioner"]


def test_a_role_with_a_single_respondent_is_a_warning() -> None:
    res = collective([everyone("intermediate", "manager")] * 2
                     + [everyone("intermediate", "carer")])
    assert [w for w in res.warnings if "Only one person" in w] == [
        "Only one person answered as Carer ('carer'): that one view stands for the whole role"]


def test_respondents_with_many_unsure_answers_are_named() -> None:
    unsure = {sid: "unsure" for sid in IDS[:2]} | {sid: "descriptive" for sid in IDS[2:]}
    res = collective([everyone("intermediate", "carer")] * 2
                     + [{"values": unsure, "role": "carer"}])
    assert "1 respondent(s) were unsure about more than a third of the statements: Carer 3" \
        in res.warnings
    named = collective([everyone("intermediate", "carer")] * 2
                       + [{"values": unsure, "role": "carer"}], show_names=True)
    assert "the statements: Carer 3 (person-2)" in named.warnings[-1]
    hidden = collective([everyone("intermediate", "carer")] * 2
                        + [{"values": unsure, "role": "carer"}], min_group=4, private=True)
    assert hidden.warnings[-1].endswith("the statements: respondent 3")
    shared = collective([everyone("intermediate", "carer")] * 2
                        + [{"values": unsure, "role": "carer"}], min_group=4)
    assert not any("unsure about more than" in w for w in shared.warnings)  # one: fewer than 4
    many = collective([everyone("intermediate", "carer")] * 2
                      + [{"values": unsure, "role": "carer"}] * 5, min_group=4)
    assert many.warnings[-1] == ("4 to 7 respondents were unsure about more than a third of "
                                 "the statements (--private names them)")


def test_respondents_without_a_role_count_as_other() -> None:
    res = collective([everyone("intermediate", None)] * 2 + [everyone("intermediate", "carer")])
    assert {role.role: role.respondents for role in res.by_role} == {"carer": 1, "other": 2}


def test_a_gap_is_between_two_different_groups_even_when_they_agree() -> None:
    res = collective([everyone("intermediate", "manager")] * 3
                     + [everyone("intermediate", "carer")] * 3, min_group=1)
    assert res.gaps and all(g.gap == 0 for g in res.gaps)
    assert all({g.highest, g.lowest} == {"manager", "carer"} for g in res.gaps)


def test_html_says_groups_that_agree_scored_it_the_same(run: Run) -> None:
    out = run("score", str(EXAMPLES / "collective-autumn-2026"), "-f", "html").stdout
    assert "scored it 0.00 higher" not in out and "scored it the same." in out


def test_one_respondent_is_not_a_collective_result() -> None:
    res = collective([everyone("intermediate", "manager")])
    assert res.by_role == [] and res.gaps == [] and res.warnings == []


# --- every format shows it -------------------------------------------------------------------

SPRING = str(EXAMPLES / "collective-spring-2026")


def test_json_has_respondents_by_role_gaps_and_warnings(run: Run) -> None:
    data = json.loads(run("score", SPRING, "--format", "json", "--min-group", "1").stdout)
    assert data["respondents"] == 15
    assert {"respondents", "by_role", "gaps", "warnings"} <= data.keys()
    assert data["gaps"][0]["finding"] and data["gaps"][0]["lowest"] == "person-drawing-on-care"


def test_text_puts_the_perception_gap_where_nobody_can_miss_it(run: Run) -> None:
    out = run("score", SPRING, "--details", "--min-group", "1").stdout
    gap = out.index("PERCEPTION GAP")
    assert gap < out.index("Areas"), "the gap comes before the tables"
    assert "Shared roles: Commissioner 2.50, Person who draws on care and support" in \
        " ".join(out[gap:].split())
    assert "By voice and role" in out
    assert "People with lived experience and everyone else each carry half." in out


def test_markdown_shows_roles_and_gaps(run: Run) -> None:
    out = run("score", SPRING, "--format", "markdown", "--details", "--min-group", "1").stdout
    assert out.index("Perception gap, a whole level or more") < out.index("| area |")
    assert "| Person who draws on care and support (2, lived experience) |" in out


def test_weighting_role_and_person_are_options(run: Run) -> None:
    # Exact figures (--private): shared ones are rounded down to half a level (test_sharing).
    partnership = json.loads(run("score", SPRING, "-f", "json", "--private").stdout)
    by_role = json.loads(run("score", SPRING, "-f", "json", "--private",
                             "--weighting", "role").stdout)
    by_person = json.loads(run("score", SPRING, "-f", "json", "--private",
                               "--weighting", "person").stdout)
    assert partnership["weighting"] == "partnership" and by_role["weighting"] == "role"
    assert by_person["weighting"] == "person"
    # The many staff see it more rosily: the fewer heads lived experience has, the lower.
    assert partnership["score"] < by_role["score"] < by_person["score"]


def test_a_large_set_read_at_a_terminal_shows_a_progress_bar_only_there(
        run: Run, tmp_path: Path) -> None:
    text = (EXAMPLES / "collective-spring-2026" / "manager-01.yaml").read_text()
    for number in range(201):
        (tmp_path / f"{number:03d}.yaml").write_text(f"# respondent {number}\n{text}")
    result = run("score", str(tmp_path), "-f", "json")  # not a terminal: no bar
    assert result.exit_code == 0 and result.stderr == ""


# --- properties ------------------------------------------------------------------------------

ROLES = ["person-drawing-on-care", "carer", "practitioner", "manager", None]
LEVELS = st.sampled_from(["not-yet", "descriptive", "intermediate", "transformative"])
PERSON = st.fixed_dictionaries({"values": st.fixed_dictionaries({sid: LEVELS for sid in IDS}),
                                "role": st.sampled_from(ROLES)})
PEOPLE = st.lists(PERSON, min_size=2, max_size=8)
WEIGHTINGS = st.sampled_from(["partnership", "role", "person"])


def scores(res: Result) -> list[float | None]:
    return [res.score, *[d.score for d in res.dimensions], *[s.score for s in res.statements]]


@settings(max_examples=50)
@given(PEOPLE, WEIGHTINGS)
def test_duplicating_every_respondent_changes_no_score(people: list[dict[str, Any]],
                                                       weighting: Weighting) -> None:
    assert scores(collective(people * 2, weighting)) == scores(collective(people, weighting))


@settings(max_examples=50)
@given(PEOPLE)
def test_with_equal_roles_duplicating_one_role_changes_no_score(
        people: list[dict[str, Any]]) -> None:
    role = people[0]["role"]
    more = people + [p for p in people if p["role"] == role]
    assert scores(collective(more, "role")) == scores(collective(people, "role"))


STAFF = st.fixed_dictionaries({"values": st.fixed_dictionaries({sid: LEVELS for sid in IDS}),
                               "role": st.sampled_from(["practitioner", "manager",
                                                        "commissioner", "volunteer", None])})
LIVED = st.fixed_dictionaries({"values": st.fixed_dictionaries({sid: LEVELS for sid in IDS}),
                               "role": st.sampled_from(["person-drawing-on-care", "carer"])})


@settings(max_examples=100)
@given(st.lists(LIVED, min_size=1, max_size=4), st.lists(STAFF, min_size=1, max_size=25))
def test_staff_never_move_a_statement_more_than_halfway_from_lived_experience(
        lived: list[dict[str, Any]], staff: list[dict[str, Any]]) -> None:
    voice = {s.id: s.score for s in collective(lived).statements}  # lived experience alone
    together = collective(lived + staff)
    for statement in together.statements:
        aim, value = voice[statement.id], statement.score
        assert aim is not None and value is not None
        farthest = max(abs(LEVEL_VALUE[p["values"][statement.id]] - aim) for p in staff)
        # Halfway at most: towards the farthest staff answer, and never past 1.5 of 3.
        assert abs(value - aim) <= farthest / 2 + 0.01
        assert abs(value - aim) <= 1.5 + 0.01


@settings(max_examples=50)
@given(PEOPLE)
def test_by_person_duplicating_one_role_moves_scores_towards_it(
        people: list[dict[str, Any]]) -> None:
    """Each statement is everyone's median: more people of one role move it towards that
    role's own median, never past it and never away (the median of two groups together lies
    between their medians)."""
    role = people[0]["role"] or "other"
    mine = [p for p in people if (p["role"] or "other") == role]
    before, after = collective(people, "person"), collective(people + mine, "person")
    theirs = collective(mine, "person")
    for old, new, aim in zip(before.statements, after.statements, theirs.statements,
                             strict=True):
        if aim.score is None:
            continue  # the role was unsure throughout: nothing to move towards
        assert old.score is not None and new.score is not None
        assert min(old.score, aim.score) <= new.score <= max(old.score, aim.score)
