"""The listing commands through the CLI: frameworks, show, recommendations, schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_cli.cli import listing
from coprod_cli.errors import CoprodError, Location
from coprod_cli.reading.loader import Library
from coprod_cli.report import ListingFormat
from tests.conftest import (
    DATA,
    EXAMPLES,
    Run,
    modules_of_a_warm_run,
    pydantic_in,
    typer_imports_pydantic,
)
from tests.reading.test_quickread import NOT_APPLYING
from tests.reading.test_yamlio import AGREE


def test_recommendations_for_culture_lists_scies_three_in_plain_words(run: Run) -> None:
    result = run("recommendations", "--piece", "culture")
    assert result.exit_code == 0
    for rec_id in ("culture-1", "culture-2", "culture-3"):
        assert rec_id in result.stdout
    assert "structure-1" not in result.stdout
    assert result.stdout.count("In plain words:") == 4  # the piece and its three
    assert "Social Care Institute for Excellence" in result.stdout


def test_recommendations_json_has_id_piece_text_source(run: Run) -> None:
    data = json.loads(run("recommendations", "--format", "json").stdout)
    assert len(data) == 19
    assert {"id", "piece", "text", "plain", "source"} <= set(data[0])
    assert data[0]["source"]["year"] == 2022
    pieces = json.loads(run("recommendations", "-p", "review", "-p", "practice",
                            "--format", "json").stdout)
    assert {r["piece"] for r in pieces} == {"review", "practice"} and len(pieces) == 11


def test_unknown_piece_is_a_usage_error(run: Run) -> None:
    result = run("recommendations", "--piece", "cultur")
    assert result.exit_code == 2
    assert "culture" in result.stderr


def test_frameworks_lists_builtin_and_added(run: Run) -> None:
    data = json.loads(run("frameworks", "--format", "json",
                          "--framework", str(DATA / "valid" / "minimal-framework.yaml")).stdout)
    by_id = {f["id"]: f for f in data}
    assert {"nef", "scie", "minimal"} <= set(by_id)
    assert by_id["nef"]["builtin"] and not by_id["minimal"]["builtin"]
    assert {"id", "name", "version"} <= set(by_id["nef"])


def test_show_json_is_the_whole_framework(run: Run) -> None:
    data = json.loads(run("show", "nef", "--format", "json").stdout)
    assert len(data["dimensions"]) == 6
    statement = data["dimensions"][0]["statements"][0]
    assert {"id", "text", "plain", "levels", "recommendations"} <= set(statement)
    assert set(statement["levels"]) == {"not-yet", "descriptive", "intermediate",
                                        "transformative"}


def test_show_unknown_framework_suggests_the_closest(run: Run) -> None:
    result = run("show", "neff")
    assert result.exit_code == 2
    assert "unknown framework 'neff' (did you mean 'nef'?)" in result.stderr


@pytest.mark.parametrize("fmt", list(ListingFormat))
@pytest.mark.parametrize("command", [["frameworks"], ["show", "scie"], ["recommendations"]])
def test_every_listing_in_every_format(run: Run, command: list[str], fmt: ListingFormat) -> None:
    result = run(*command, "--format", fmt.value)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert result.stderr == ""
    if fmt is ListingFormat.json:
        json.loads(result.stdout)


def test_recommendations_golden(run: Run, golden) -> None:
    golden("recommendations-culture.txt", run("recommendations", "--piece", "culture").stdout)
    golden("recommendations-culture.md",
           run("recommendations", "--piece", "culture", "--format", "markdown").stdout)


def test_framework_schema_documents_the_plain_rows_beside_the_rows(run: Run) -> None:
    statement = json.loads(run("schema", "framework").stdout)["$defs"]["Statement"]
    plain_rows = statement["properties"]["plain_levels"]
    assert {"$ref": "#/$defs/Rubric"} in plain_rows["anyOf"]  # validated as 'levels' is
    assert "plain words" in plain_rows["description"] and "plain_levels" not in statement.get(
        "required", [])


def test_output_file_is_written(run: Run, tmp_path) -> None:
    target = tmp_path / "recs.md"
    result = run("recommendations", "--format", "markdown", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text().startswith("# SCIE's recommendations")
    assert result.stdout == ""


@pytest.mark.skipif(typer_imports_pydantic(), reason="typer 0.29+ imports pydantic itself")
@pytest.mark.parametrize("command", [["show", "nef"], ["frameworks"], ["recommendations"],
                                     ["template", "nef"]], ids=" ".join)
def test_listings_from_the_cache_import_no_pydantic(tmp_path: Path, command: list[str]) -> None:
    """Start-up: commands that only show trusted built-in data never import pydantic (the
    schema command's choices are named without it)."""
    assert pydantic_in(modules_of_a_warm_run(command, tmp_path)) == []


def _verdict(lib: Library, path: Path) -> str:
    try:
        return listing._check_one(lib, str(path))
    except CoprodError as error:
        return f"{type(error).__name__}: {error.located(Location(str(path)))}"


EARLIER = "answers:\n  " + "\n  ".join(f"{sid}: 2" for sid in ("assets-1", "assets-2"))
PLAIN = [*AGREE, *NOT_APPLYING, "answers: {}", "answers:", "", "language: cy\nanswers: "
         "{assets-1: Canolradd}", "respondent: {role: carer}\nanswers: {assets-1: unsure}",
         "framework_version: 3.0.0\nanswers: {assets-1: 2}", "answers: {nosuch-1: 2}",
         "answers: {assets-1: 2, assets-1: 3}", EARLIER]


@pytest.mark.parametrize("text", [*(f"framework: nef\n{body}\n" for body in PLAIN),
                                  *(path.read_text() for path in sorted(
                                      EXAMPLES.rglob("*.yaml")))])
def test_validate_gives_the_strict_readers_verdict_on_a_plain_answers_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """`validate` takes the fast reader's word for a plain answers file (it then needs no
    pydantic), and says exactly what the strict reader says of it."""
    lib, path = Library.builtin(), tmp_path / "answers.yaml"
    path.write_text(text)
    quick = _verdict(lib, path)
    monkeypatch.setattr(listing, "_plain_answers", lambda *_: None)
    assert quick == _verdict(lib, path)


def test_the_examples_are_validated_by_the_fast_reader() -> None:
    lib = Library.builtin()
    read = [listing._plain_answers(lib, EXAMPLES / name)
            for name in ("nef-descriptive.yaml", "wales-descriptive.yaml")]
    assert [(fw.id, answered, carried is not None) for fw, answered, carried in
            filter(None, read)] == [("nef", 28, True), ("wales", 15, False)]


def test_validate_and_score_agree_on_a_file_with_nothing_answered_yet(
        run: Run, tmp_path: Path) -> None:
    """The answers schema needs only `framework:`; score reads such a file (every statement
    unanswered, with a warning), so validate says the same file is valid answers."""
    path = tmp_path / "begun.yaml"
    path.write_text("framework: nef\n")
    checked = run("validate", str(path))
    assert checked.exit_code == 0 and "0 of 28 statements answered" in checked.stdout
    assert run("score", str(path), "-f", "json").exit_code == 0
