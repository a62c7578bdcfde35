"""What a shareable collective result shows: no small group, none recoverable by subtraction."""

from __future__ import annotations

import json
import random
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_cli.ballots import Ballot
from coprod_cli.models import LEVEL_IDS, Framework
from coprod_cli.results import Result
from coprod_cli.scoring.disclosure import held_back, mean
from coprod_cli.scoring.engine import Tally, Weighting, score
from coprod_cli.voices import lived_roles
from tests.builders import CATALOGUE, FW, answers, make_framework
from tests.conftest import EXAMPLES, Run
from tests.scoring import disclosure_before as before

AUTUMN = str(EXAMPLES / "collective-autumn-2026")
LIVED = lived_roles(CATALOGUE)
IDS = [s.id for s in FW.statements]


def person(level: str, role: str | None) -> dict[str, Any]:
    return {"values": dict.fromkeys(IDS, level), "role": role}


def collective(people: list[dict[str, Any]], weighting: Weighting = "partnership",
               min_group: int = 3) -> Result:
    tally = Tally(FW)
    for number, someone in enumerate(people):
        tally.add(answers(someone["values"], someone["role"]), f"file-{number}.yaml")
    return score(FW, CATALOGUE, tally, weighting=weighting, min_group=min_group)


def shown(res: Result) -> set[str]:
    return {r.role for r in res.by_role} | {v.voice for v in res.by_voice}


def held(res: Result) -> dict[str, str]:
    return {h.group: h.reason for h in res.held_back}


# --- the rule, case by case ------------------------------------------------------------------

def test_overall_and_one_voice_would_reveal_the_other_so_both_are_held_back() -> None:
    res = collective([person("intermediate", "manager")] * 3
                     + [person("not-yet", "carer")] * 2)
    # overall = (lived + others) / 2: showing 'everyone else' would give the carers' answers.
    assert held(res) == {"carer": "fewer-than-min-group",
                         "lived-experience": "fewer-than-min-group",
                         "manager": "complementary", "everyone-else": "complementary"}
    assert res.by_role == [] and res.by_voice == [] and res.gaps == []
    assert res.score == 1.0  # everyone still counts


def test_a_voice_and_all_but_one_of_its_roles_would_reveal_the_last() -> None:
    res = collective([person("transformative", "person-drawing-on-care")] * 3
                     + [person("not-yet", "carer")]
                     + [person("intermediate", "practitioner")] * 5)
    assert held(res) == {"carer": "fewer-than-min-group",
                         "person-drawing-on-care": "complementary"}
    assert shown(res) == {"practitioner", "lived-experience", "everyone-else"}


def test_big_enough_groups_are_all_shown() -> None:
    res = collective([person("transformative", "carer")] * 3
                     + [person("intermediate", "practitioner")] * 3)
    assert res.held_back == [] and res.min_group == 3
    assert shown(res) == {"carer", "practitioner", "lived-experience", "everyone-else"}


def test_min_group_one_shows_everything() -> None:
    res = collective([person("transformative", "carer"), person("not-yet", "manager")],
                     min_group=1)
    assert res.held_back == [] and shown(res) == {"carer", "manager", "lived-experience",
                                                  "everyone-else"}


def test_it_is_said_plainly_and_a_lone_respondent_is_not_pointed_at() -> None:
    res = collective([person("intermediate", "practitioner")] * 3
                     + [person("intermediate", "carer")] * 3 + [person("not-yet", "manager")])
    assert held(res) == {"manager": "fewer-than-min-group", "practitioner": "complementary"}
    assert ("1 group with fewer than 3 people is not shown on its own (Manager); 1 more is "
            "held back so that it cannot be worked out from the rest (Practitioner). "
            "Everyone's answers still count in the overall result") in res.warnings
    assert not any("Only one person" in w for w in res.warnings)


def test_with_two_roles_hidden_gaps_are_between_the_voices() -> None:
    res = collective([person("intermediate", "practitioner")] * 2
                     + [person("intermediate", "manager")] * 2
                     + [person("not-yet", "carer")] * 2
                     + [person("descriptive", "person-drawing-on-care")] * 2)
    assert res.by_role == [] and {v.voice for v in res.by_voice} == {"lived-experience",
                                                                     "everyone-else"}
    assert res.gaps[0].highest == "everyone-else" and res.gaps[0].lowest == "lived-experience"


KEYS = [("a", "1"), ("b", "1"), ("c", "2")]
SCALED = st.tuples(st.dictionaries(st.sampled_from(KEYS), st.integers(-6, 6), max_size=3),
                   st.integers(1, 12))


@given(st.lists(SCALED, max_size=4))
def test_a_mean_kept_in_whole_numbers_is_the_mean_of_the_fractions(
        vectors: list[tuple[dict[tuple[str, str], int], int]]) -> None:
    row, denominator = mean(vectors)
    present = [{key: Fraction(value, scale) for key, value in vector.items()}
               for vector, scale in vectors if vector]
    exact = {key: sum((vector.get(key, Fraction(0)) for vector in present), Fraction(0))
             / len(present) for vector in present for key in vector}
    assert denominator > 0
    assert {key: Fraction(value, denominator) for key, value in row.items()} == \
        {key: value for key, value in exact.items() if value}


# --- the README's example ----------------------------------------------------------------------

def test_the_single_commissioner_is_not_shown_and_cannot_be_worked_out(run: Run) -> None:
    data = json.loads(run("score", AUTUMN, "-f", "json").stdout)
    assert data["min_group"] == 3
    hidden = {h["group"]: h["reason"] for h in data["held_back"]}
    assert hidden["commissioner"] == "fewer-than-min-group"
    assert "commissioner" not in {r["role"] for r in data["by_role"]}
    assert not any("Commissioner" in json.dumps(g) for g in data["gaps"])
    assert not any("Only one person" in w for w in data["warnings"])
    for fmt in ("text", "markdown", "html"):
        out = " ".join(run("score", AUTUMN, "-f", fmt).stdout.split())
        assert "2 groups with fewer than 3 people are not shown on their own" in out, fmt
        assert ".yaml" not in out, fmt


def test_min_group_one_shows_the_commissioner(run: Run) -> None:
    data = json.loads(run("score", AUTUMN, "-f", "json", "--min-group", "1").stdout)
    assert data["held_back"] == [] and data["min_group"] == 1
    assert "commissioner" in {r["role"] for r in data["by_role"]}


def test_compare_holds_back_too(run: Run) -> None:
    spring = str(EXAMPLES / "collective-spring-2026")
    data = json.loads(run("compare", spring, AUTUMN, "-f", "json").stdout)
    for side in ("before", "after"):
        assert "commissioner" not in {r["role"] for r in data[side]["by_role"]}
    assert "not shown on their own" in run("compare", spring, AUTUMN).stdout


def test_the_schema_records_the_minimum_and_what_was_held_back(run: Run) -> None:
    import jsonschema

    schema = json.loads(run("schema", "result").stdout)
    assert {"min_group", "held_back", "by_voice"} <= schema["properties"].keys()
    data = json.loads(run("score", AUTUMN, "-f", "json").stdout)
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)] == []


def test_a_bad_min_group_is_a_usage_error(run: Run) -> None:
    assert run("score", AUTUMN, "--min-group", "0").exit_code == 2


# --- the property: nothing hidden can be recomputed ------------------------------------------
#
# Written apart from coprod's own auditor: the published numbers as rows of a matrix over the
# unknowns (each role's mean answer to each statement), and a hidden value as one more row.
# The hidden value can be computed from the published ones exactly when adding its row does
# not raise the matrix's rank.

Row = dict[tuple[str, str], Fraction]


def rank(rows: list[Row]) -> int:
    keys = sorted({k for row in rows for k in row})
    matrix = [[row.get(k, Fraction(0)) for k in keys] for row in rows]
    found = 0
    for column in range(len(keys)):
        pivot = next((i for i in range(found, len(matrix)) if matrix[i][column]), None)
        if pivot is None:
            continue
        matrix[found], matrix[pivot] = matrix[pivot], matrix[found]
        for i in range(len(matrix)):
            if i != found and matrix[i][column]:
                factor = matrix[i][column] / matrix[found][column]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[found],
                                                            strict=True)]
        found += 1
    return found


def determined(published: list[Row], secret: Row) -> bool:
    return rank([*published, secret]) == rank(published)


class Relations:
    """The value each group publishes, as a row over the unknowns (role, statement)."""

    def __init__(self, people: list[dict[str, Any]], weighting: Weighting,
                 nominal: bool = False) -> None:
        """Nominal: as if nobody were unsure, the relations a reader who knows only the head
        counts can use to come close to a hidden value."""
        self.weighting = weighting
        self.answered: dict[tuple[str, str], int] = {}
        for someone in people:
            role = someone["role"] or "other"
            for sid, level in someone["values"].items():
                if nominal or level != "unsure":
                    self.answered[role, sid] = self.answered.get((role, sid), 0) + 1
        self.roles = sorted({someone["role"] or "other" for someone in people})

    def members(self, group: str) -> list[str]:
        if group == "lived-experience":
            return [r for r in self.roles if r in LIVED]
        if group == "everyone-else":
            return [r for r in self.roles if r not in LIVED]
        return [group]

    def statement(self, roles: list[str], sid: str, by_person: bool) -> Row:
        counts = {r: self.answered[r, sid] for r in roles if (r, sid) in self.answered}
        total = sum(counts.values())
        return {(r, sid): Fraction(n, total) if by_person else Fraction(1, len(counts))
                for r, n in counts.items()}

    def overall(self, sid: str) -> Row:
        if self.weighting != "partnership":
            return self.statement(self.roles, sid, self.weighting == "person")
        voices = [v for g in ("lived-experience", "everyone-else")
                  if (v := self.statement(self.members(g), sid, False))]
        return average(voices)

    def dimension(self, group: str, sids: list[str]) -> Row:
        by_person = self.weighting == "person" and group in ("lived-experience",
                                                             "everyone-else")
        return average([v for sid in sids
                        if (v := self.statement(self.members(group), sid, by_person))])


def average(rows: list[Row]) -> Row:
    total: Row = {}
    for row in rows:
        for key, value in row.items():
            total[key] = total.get(key, Fraction(0)) + value / len(rows)
    return total


ROLES = ["person-drawing-on-care", "carer", "practitioner", "manager", "commissioner", None]
LEVELS = st.sampled_from(["not-yet", "descriptive", "intermediate", "transformative", "unsure"])
PERSON = st.fixed_dictionaries({"values": st.fixed_dictionaries({sid: LEVELS for sid in IDS}),
                                "role": st.sampled_from(ROLES)})


@settings(max_examples=150)
@given(st.lists(PERSON, min_size=2, max_size=12),
       st.sampled_from(["partnership", "role", "person"]), st.integers(2, 4))
def test_no_hidden_group_can_be_recomputed_from_what_is_published(
        people: list[dict[str, Any]], weighting: Weighting, min_group: int) -> None:
    res = collective(people, weighting, min_group)
    for nominal in (False, True):
        check(res, people, Relations(people, weighting, nominal), min_group)


def check(res: Result, people: list[dict[str, Any]], relations: Relations,
          min_group: int) -> None:
    groups = relations.roles + [v for v in ("lived-experience", "everyone-else")
                                if relations.members(v)]
    hidden = held(res)
    assert set(groups) == shown(res) | set(hidden), "every group is shown or held back"
    sizes = {g: sum(1 for p in people if (p["role"] or "other") in relations.members(g))
             for g in groups}
    assert all(sizes[g] >= min_group for g in shown(res))
    assert all(sizes[g] < min_group for g, why in hidden.items()
               if why == "fewer-than-min-group")
    for dimension in FW.dimensions:
        sids = [s.id for s in dimension.statements]
        overall = [relations.overall(sid) for sid in sids]  # every statement's value is shown
        published = overall + [relations.dimension(g, sids) for g in shown(res)]
        for group in hidden:
            secret = relations.dimension(group, sids)
            # What the overall result alone gives away (everyone else unsure throughout the
            # area) no hiding can protect; anything beyond it must stay out of reach.
            if secret and not determined(overall, secret):
                assert not determined(published, secret), (group, dimension.id)


def test_evidence_is_not_in_reading_order_which_could_point_at_a_role() -> None:
    tally = Tally(FW)
    for role, note in (("commissioner", "Zebra minutes"), ("carer", "Agenda")):
        values: dict[str, Any] = dict.fromkeys(IDS, "intermediate")
        values[IDS[0]] = {"level": "intermediate", "evidence": note}
        tally.add(answers(values, role), f"{role}.yaml")
    res = score(FW, CATALOGUE, tally)
    assert res.statements[0].evidence == ["Agenda", "Zebra minutes"]


def _found_directly(auditor: Any, hidden: set[str]) -> set[tuple[str, str, str]]:
    """What a reader computes when `hidden` are held back, each value reduced against the span
    in full (no set worked out before, nothing taken as found)."""
    found = set()
    for dimension, overall, values in auditor.areas:
        span = overall.copy()
        for group in auditor.groups:
            if group.id not in hidden:
                span.add(values[group.id][""])
        found |= {(g, dimension, sid) for g in hidden for sid, vector in values[g].items()
                  if vector and not span.reduce(vector)}
    return found


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.sampled_from(["collective-autumn-2026", "collective-spring-2026"]),
       st.sampled_from(["partnership", "role", "person"]), st.randoms(use_true_random=False))
def test_what_an_auditor_finds_is_what_reducing_every_value_finds(
        folder: str, weighting: Weighting, rng: Any) -> None:
    """The audit looks again only at values a set with fewer groups held back found, and takes
    what the overall alone gives as found: the same as reducing every value, as groups are
    held back one at a time in any order (held_back's way)."""
    from coprod_cli.cli.collecting import collect
    from coprod_cli.cli.common import library
    from coprod_cli.scoring.disclosure import Auditor

    lib = library(None, "en")
    tally = collect(lib, [str(EXAMPLES / folder)])
    auditor = Auditor(tally.framework, tally, lived_roles(lib.catalogue), weighting)
    order = [g.id for g in auditor.groups]
    rng.shuffle(order)
    hidden: set[str] = set()
    for group in order:
        hidden.add(group)
        assert auditor._determined(hidden) == _found_directly(auditor, hidden)
    assert auditor.unavoidable == _found_directly(auditor, set(order))


def _random_tally(rng: random.Random, framework: Framework) -> Tally:
    """1 to 14 people in 1 to 4 roles (lived experience or not), each answering each statement
    at a level, unsure, does-not-apply or not at all."""
    roles = rng.sample(["carer", "person-drawing-on-care", "practitioner", "manager",
                        "commissioner", "other"], rng.randint(1, 4))
    levels = [*LEVEL_IDS, *LEVEL_IDS, "unsure", "does-not-apply", None]
    tally = Tally(framework)
    for number in range(rng.randint(1, 14)):
        tally.add_ballot(Ballot(rng.choice(roles), {s.id: rng.choice(levels)
                                                    for s in framework.statements}),
                         f"file-{number}.yaml")
    return tally


def test_held_back_is_exactly_what_it_was_before_it_was_made_faster() -> None:
    """Privacy code made faster stays exactly equal: on 2,000 random tallies (fixed seed), every
    weighting, --min-group 1 to 5 and groups held back in another result, held_back gives the
    same groups, reasons and order as the version kept in disclosure_before.py."""
    rng = random.Random(29)
    frameworks = [FW, make_framework({"alpha": 1, "beta": 2, "gamma": 4})]
    complementary = 0
    for _ in range(2_000):
        framework = rng.choice(frameworks)
        tally = _random_tally(rng, framework)
        weighting: Weighting = rng.choice(["partnership", "role", "person"])
        also = rng.choice([(), ("carer",), ("lived-experience",), ("practitioner", "manager")])
        args = (framework, tally, LIVED, weighting, rng.randint(1, 5), also)
        now = held_back(*args)
        assert list(now.items()) == list(before.held_back(*args).items()), args
        complementary += any(reason == "complementary" and group not in also
                             for group, reason in now.items())
    assert complementary > 500  # cases where subtraction held back more (647 with this seed)
