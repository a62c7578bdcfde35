"""coprod form: an online form's outline whose export coprod reads back as it comes."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from coprod_cli.reading.loader import Library
from tests.conftest import Run

LIB = Library.builtin()


def questions(markdown: str) -> list[tuple[str, list[str]]]:
    """Each bold title in the Markdown outline with the choices listed under it."""
    found: list[tuple[str, list[str]]] = []
    for line in markdown.splitlines():
        if line.startswith("**") and line.endswith("**"):
            found.append((line.strip("*").replace("\\", ""), []))
        elif line.startswith("- ") and found:
            found[-1][1].append(line[2:].replace("\\", ""))
    return found


@pytest.mark.parametrize("framework", ["nef", "scie"])
@pytest.mark.parametrize("plain", [False, True])
def test_what_the_outline_says_to_build_is_read_back(run: Run, tmp_path: Path, framework: str,
                                                     plain: bool) -> None:
    flags = ["--plain"] if plain else []
    header_out = run("form", framework, "--format", "csv", *flags)
    outline = run("form", framework, "--format", "markdown", *flags)
    assert header_out.exit_code == 0 and outline.exit_code == 0
    header = next(csv.reader(io.StringIO(header_out.stdout)))
    asked = questions(outline.stdout)
    assert [title for title, _ in asked] == header[1:]  # the role, then every statement
    rng = random.Random(framework)
    rows = [["24/11/2026 14:03:22", *(rng.choice(choices) for _, choices in asked)]
            for _ in range(12)]
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, *rows])
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 12 and data["assessed_on"] == "2026-11-24"
    statements = LIB.framework(framework).statements
    assert len(header) == 2 + len(statements)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_plain_outline_offers_the_plain_rows_as_choices(run: Run, fmt: str) -> None:
    plain = run("form", "scie", "--plain", "--format", fmt).stdout
    full = run("form", "scie", "--format", fmt).stdout
    for statement in LIB.framework("scie").statements:
        for level in ("not-yet", "descriptive", "intermediate", "transformative"):
            assert statement.levels.at(level) not in plain, (statement.id, level)
            assert statement.row(level, plain=True) in plain.replace("\\", "")
            assert statement.levels.at(level) in full.replace("\\", "")


def test_the_text_outline_lists_the_role_question_and_every_choice(run: Run) -> None:
    out = run("form", "nef").stdout
    assert "Question 1 (optional): Your role: which of these best describes you?" in out
    assert "  ( ) Person who draws on care and support" in out
    first = LIB.framework("nef").statements[0]
    assert f"Question 2: {first.id}. {first.text}" in out
    assert f"  ( ) 2 - Intermediate: {first.levels.intermediate}" in out
    assert "  ( ) Don't know" in out
    assert "0 - Not yet co-production | 1 - Descriptive | 2 - Intermediate | " \
        "3 - Transformative | Don't know" in out


def test_a_google_grid_built_from_the_outline_is_read_back(run: Run, tmp_path: Path) -> None:
    fw = LIB.framework("nef")
    out = run("form", "nef").stdout
    columns = out.split("these columns:\n  ")[1].splitlines()[0].split(" | ")
    header = ["Timestamp", "Your role: which of these best describes you?",
              *(f"{d.name} [{s.id}. {s.text}]" for d in fw.dimensions for s in d.statements)]
    path = tmp_path / "grid.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, ["24/11/2026", "Carer",
                                               *(columns[i % 5] for i in range(len(header) - 2))]])
    assert run("score", str(path), "-f", "json").exit_code == 0


def test_an_unknown_framework_is_a_usage_error(run: Run) -> None:
    result = run("form", "nope")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
