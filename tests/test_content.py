"""The built-in frameworks keep the content rules: anchored levels, one voice, tags and credit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coprod_cli.models import LEVEL_IDS, Framework, Statement
from coprod_cli.reading.loader import Library
from tests.conftest import Run

LIBRARY = Library.builtin()
CATALOGUE = LIBRARY.catalogue
FRAMEWORKS = [LIBRARY.framework(framework_id) for framework_id in sorted(LIBRARY.builtin_ids)]
STATEMENTS = [(framework.id, statement) for framework in FRAMEWORKS
              for statement in framework.statements]
IDS = [f"{framework_id}:{statement.id}" for framework_id, statement in STATEMENTS]

# First and second person: every role answers the same words, so they describe the service.
PERSON = re.compile(r"\b(i|me|my|mine|we|us|our|ours|you|your|yours)\b", re.IGNORECASE)
# Tokenism is never co-production: these words belong to not-yet only (DOMAIN.md's anchors).
TOKENISM = ("consult", "no say", "no vote", "already decided", "already made", "already set",
            "token", "tick", "told afterwards", "little say", "rarely change")


def wordings(statement: Statement) -> dict[str, str]:
    rows = {f"levels.{level}": statement.levels.at(level) for level in LEVEL_IDS}
    rows |= {f"plain_levels.{level}": statement.row(level, plain=True) for level in LEVEL_IDS}
    return {"text": statement.text, "plain": statement.plain, **rows}


@pytest.mark.parametrize(("framework_id", "statement"), STATEMENTS, ids=IDS)
def test_statements_and_rows_speak_of_the_service_in_the_third_person(
        framework_id: str, statement: Statement) -> None:
    for field, words in wordings(statement).items():
        assert not PERSON.search(words), f"{framework_id} {statement.id} {field}: {words!r}"


@pytest.mark.parametrize("framework", FRAMEWORKS, ids=lambda f: f.id)
def test_dimension_introductions_speak_in_the_third_person(framework: Framework) -> None:
    for dimension in framework.dimensions:
        for words in (dimension.text, dimension.plain):
            assert not PERSON.search(words), f"{dimension.id}: {words!r}"


@pytest.mark.parametrize(("framework_id", "statement"), STATEMENTS, ids=IDS)
def test_four_distinct_rows(framework_id: str, statement: Statement) -> None:
    rows = [statement.levels.at(level).casefold() for level in LEVEL_IDS]
    assert len(set(rows)) == 4


@pytest.mark.parametrize(("framework_id", "statement"), STATEMENTS, ids=IDS)
def test_tokenism_is_never_above_not_yet(framework_id: str, statement: Statement) -> None:
    for level in LEVEL_IDS[1:]:
        for plain in (False, True):
            row = statement.row(level, plain).casefold()
            found = [word for word in TOKENISM if word in row]
            assert not found, f"{statement.id} {level} reads as tokenism ({found}): {row!r}"


@pytest.mark.parametrize(("framework_id", "statement"), STATEMENTS, ids=IDS)
def test_every_builtin_statement_is_tagged_and_credited(
        framework_id: str, statement: Statement) -> None:
    assert statement.principles and statement.scope and statement.activities
    assert statement.basis and statement.recommendations
    assert len(statement.evidence_examples) >= 2
    assert statement.help


def test_every_tag_and_basis_resolves() -> None:
    known = CATALOGUE.references()
    assert known["principles"] == {"equality", "diversity", "accessibility", "reciprocity"}
    assert known["scopes"] == {"individual", "service", "organisation"}
    assert {"co-commissioning", "co-design", "co-delivery", "co-evaluation"} <= known["activities"]
    for _, statement in STATEMENTS:
        assert set(statement.principles) <= known["principles"]
        assert statement.scope in known["scopes"]
        assert set(statement.activities) <= known["activities"]
        assert set(statement.basis) <= known["sources"]
        assert set(statement.recommendations) <= known["recommendations"]


def test_every_recommendation_principle_scope_and_activity_is_used() -> None:
    used = {kind: set() for kind in ("recommendations", "principles", "scopes", "activities")}
    for _, statement in STATEMENTS:
        used["recommendations"] |= set(statement.recommendations)
        used["principles"] |= set(statement.principles)
        used["scopes"].add(str(statement.scope))
        used["activities"] |= set(statement.activities)
    known = CATALOGUE.references()
    for kind, ids in used.items():
        assert ids == known[kind], kind
    scie = LIBRARY.framework("scie")
    assert {rec for s in scie.statements for rec in s.recommendations} == known["recommendations"]


def test_sources_are_credited_and_tlap_is_linked() -> None:
    sources = {source.id: source for source in CATALOGUE.sources}
    assert {"scie-2022", "nef-self-assessment", "scn", "tlap-ladder", "expert-link",
            "co-relate"} <= set(sources)
    tlap = sources["tlap-ladder"]
    assert "National Co-production Advisory Group" in tlap.author and tlap.url
    cited = {source for _, statement in STATEMENTS for source in statement.basis}
    assert {"scie-2022", "nef-self-assessment", "scn", "expert-link"} <= cited


def test_level_descriptors_follow_the_anchors() -> None:
    levels = {level.id: f"{level.descriptor} {level.plain}".casefold()
              for level in CATALOGUE.levels}
    assert "consulted" in levels["not-yet"] and "organisation" in levels["not-yet"]
    assert "informal" in levels["descriptive"] and "own support" in levels["descriptive"]
    assert "recognised" in levels["intermediate"] and "bounded" in levels["intermediate"]
    assert "equal partnership" in levels["transformative"]
    assert "not control by one side" in levels["transformative"]
    for level in CATALOGUE.levels:
        assert not PERSON.search(level.descriptor) and not PERSON.search(level.plain)


def test_leadership_is_part_of_structure_as_in_scie() -> None:
    scie = LIBRARY.framework("scie")
    structure = next(d for d in scie.dimensions if d.id == "structure")
    assert "structure-leadership" in {s.id for s in structure.statements}


def test_glossary_explains_the_ladder_tokenism_and_capacity() -> None:
    entries = {entry.term: entry.plain for entry in CATALOGUE.glossary}
    assert "ladder of co-production" in entries and "tokenism" in entries
    assert "mental capacity" in entries["capacity"]


def test_help_shows_the_evidence_a_team_could_show(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    out = run("assess", "nef", "-o", str(path), "--role", "carer", input="?\nq\n").stdout
    assert "Evidence a team could show, for example:" in out
    assert "- Terms of reference of the planning group, with its members" in out


def test_the_template_lists_evidence_examples_as_comments(run: Run) -> None:
    out = run("template", "scie").stdout
    assert "  # Evidence, for example: A written scope saying what can and cannot change;" in out


def test_pieces_and_recommendations_are_written_to_the_organisation_not_as_we() -> None:
    for item in (*CATALOGUE.pieces, *CATALOGUE.recommendations):
        for words in (item.text, item.plain):
            assert not PERSON.search(words), f"{item.id}: {words!r}"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_show_gives_evidence_tags_and_sources(run: Run, fmt: str) -> None:
    out = " ".join(run("show", "scie", "--format", fmt).stdout.split())
    assert "Evidence, for example: A written scope saying what can and cannot change" in out
    assert "Sources: scn, scie-2022" in out


def test_show_plain_leads_with_the_plain_wording(run: Run) -> None:
    out = " ".join(run("show", "scie", "--plain").stdout.split())
    assert ("culture-values Working together as equals is how the whole organisation works."
            in out)
    assert "In the framework's words: Co-production runs through the whole organisation" in out


def test_the_frameworks_name_easy_read_only_as_a_format_others_make() -> None:
    """coprod's plain words are not easy read (a format with pictures, tested with readers). The
    content may name easy read only beside large print, as a format an organisation provides,
    or in the glossary that tells the two apart; never as a name for coprod's own wording."""
    from tests.conftest import ROOT

    glossary = {entry.term: entry.plain for entry in CATALOGUE.glossary}
    told_apart = {glossary["easy read"], glossary["plain language"],
                  glossary["accessible information"]}
    claims = []
    for path in sorted((ROOT / "frameworks").glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"easy[\s-]?read", line, re.IGNORECASE) and "large print" not in line \
                    and not any(text in line for text in told_apart) \
                    and not line.strip().startswith(("- term: easy read", "also: [easy-read]")):
                claims.append(f"{path.name}:{number}: {line.strip()}")
    assert not claims, "\n".join(claims)
    assert "not the same as easy read" in glossary["plain language"]


@pytest.mark.parametrize("framework", FRAMEWORKS, ids=lambda fw: fw.id)
def test_every_built_in_framework_scores_each_of_scies_four_activities(
        framework: Framework) -> None:
    """SCIE splits co-production into co-design, co-decision-making on resources, co-delivery
    and co-evaluation: each has statements of its own, so each gets a figure in the result."""
    ids = [tag.id for tag in CATALOGUE.activities]
    assert ids[:4] == ["co-design", "co-decision-making", "co-delivery", "co-evaluation"]
    for activity in ids[:4]:
        tagged = [s.id for s in framework.statements if activity in s.activities]
        assert tagged, f"{framework.id}: no statement is tagged {activity}"
    resources = [s for s in framework.statements if "co-decision-making" in s.activities]
    assert all(re.search(r"money|budget|resources|bought", s.text + s.levels.transformative)
               for s in resources)


LADDER_STEPS = ("Coercion", "Educating", "Informing", "Consultation", "Engagement")


def test_the_ladder_rates_each_co_activity_by_the_steps_of_the_ladder() -> None:
    """One area per co- activity; every row names where on TLAP's ladder it stands: not yet is
    somewhere from coercion to engagement, descriptive the first steps towards co-design,
    intermediate co-design, transformative co-production (the full rows by name, the plain
    rows in plain words)."""
    ladder = LIBRARY.framework("ladder")
    assert [d.id for d in ladder.dimensions] == [
        "co-creation", "co-commissioning", "co-design", "co-decision-making", "co-delivery",
        "co-evaluation"]
    for dimension in ladder.dimensions:
        assert 2 <= len(dimension.statements) <= 3
        assert all(s.activities == (dimension.id,) for s in dimension.statements)
    for s in ladder.statements:
        assert s.levels.not_yet.startswith(LADDER_STEPS), s.id
        assert s.levels.descriptive.startswith("First steps towards co-design: "), s.id
        assert s.levels.intermediate.startswith("Co-design: "), s.id
        assert s.levels.transformative.startswith("Co-production: "), s.id
        assert "On the ladder, this is " in s.row("not-yet", plain=True), s.id
        assert s.row("descriptive", plain=True).startswith("A first step towards co-design.")
        assert s.row("intermediate", plain=True).startswith("Co-design. ")
        assert s.row("transformative", plain=True).endswith("the top step of the ladder.")


def test_the_ladder_answers_what_practitioners_say_is_wrong_with_ladders() -> None:
    """Ladders are judged from the service's side, and the top step is taken as always right:
    each area's help says to rate by what people who draw on care and carers could point to,
    and that the top step is not the right aim for every activity (a plan's targets)."""
    ladder = LIBRARY.framework("ladder")
    for dimension in ladder.dimensions:
        helps = " ".join(s.help or "" for s in dimension.statements)
        assert "what people who draw on care and carers could point to" in helps, dimension.id
        assert "not the right aim for every activity" in helps, dimension.id
        assert "a plan can set a lower target for this area" in helps, dimension.id
    assert "not by the service's view of itself" in ladder.text


def test_the_ladder_credits_tlap_and_ncag_with_the_link_they_ask_for() -> None:
    ladder = LIBRARY.framework("ladder")
    link = "https://www.thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-co-production/"
    assert ladder.source.url == link and ladder.source.year == 2016
    assert link in ladder.credit
    assert "Think Local Act Personal (TLAP)" in ladder.credit
    assert "National Co-production Advisory Group (NCAG)" in ladder.credit
    assert all("tlap-ladder" in s.basis for s in ladder.statements)


def test_the_ladder_example_round_scores_with_both_voices(run: Run) -> None:
    from tests.conftest import EXAMPLES

    result = run("score", str(EXAMPLES / "ladder-2026"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["framework"]["id"] == "ladder" and data["respondents"] == 5
    assert {s["id"] for s in data["statements"]} == {
        s.id for s in LIBRARY.framework("ladder").statements}
