"""`--lang` on every command that shows a reader text: one of the languages coprod knows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coprod_cli.cli.language import LangChoice
from coprod_cli.languages import LANGUAGES
from tests.conftest import DATA, ROOT, Run

TINY = str(DATA / "valid" / "two-languages.yaml")


def test_the_choices_are_the_languages_coprod_knows() -> None:
    assert tuple(choice.value for choice in LangChoice) == LANGUAGES
    assert str(LangChoice.cy) == "cy"


@pytest.mark.parametrize("command", ["template", "score", "compare", "form", "frameworks",
                                     "show", "recommendations", "plan", "workshop",
                                     "feedback", "trend", "assess"])
def test_every_reader_facing_command_takes_lang(run: Run, command: str) -> None:
    assert "--lang" in run(command, "--help").stdout


def test_an_unknown_language_is_a_usage_error(run: Run) -> None:
    result = run("show", "nef", "--lang", "fr")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_show_in_welsh_and_english(run: Run) -> None:
    welsh = run("show", "tiny", "-F", TINY, "--lang", "CY").stdout
    assert "Fframwaith bach" in welsh and "Canolradd" in welsh
    english = run("show", "tiny", "-F", TINY).stdout
    assert "A tiny framework" in english and "Canolradd" not in english


def test_the_environment_chooses_welsh(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_LANG", "cy")
    result = run("score", str(ROOT / "examples" / "nef-intermediate.yaml"))
    assert result.exit_code == 0 and "CANOLRADD" in result.stdout


def mixed_set(folder: Path, english: int, welsh: int) -> Path:
    """A set answered in both languages: English files as written, Welsh ones saying
    `language: cy` with every level in Welsh words (and a quoted form of one)."""
    source = (ROOT / "examples" / "nef-intermediate.yaml").read_text(encoding="utf-8")
    folder.mkdir()
    for number in range(english):
        (folder / f"en-{number}.yaml").write_text(source, encoding="utf-8")
    cymraeg = re.sub(r"(?m)^(  [a-z-]+-\d+): intermediate$", r"\1: Canolradd", source)
    for number in range(welsh):
        (folder / f"cy-{number}.yaml").write_text(
            cymraeg.replace("\nanswers:", "\nlanguage: cy\nanswers:"), encoding="utf-8")
    return folder


def test_a_mixed_language_set_scores_as_one(run: Run, tmp_path: Path) -> None:
    english = json.loads(run("score", str(mixed_set(tmp_path / "a", 5, 0)), "--format",
                             "json").stdout)
    mixed = json.loads(run("score", str(mixed_set(tmp_path / "b", 2, 3)), "--format",
                           "json", "--min-group", "2").stdout)
    assert mixed["level"] == english["level"] and mixed["score"] == english["score"]
    for shared in (mixed, english):  # a shared result never says who answered in which
        assert shared["intake"]["languages"] == {} and shared["intake"]["languages_withheld"]
    exact = json.loads(run("score", str(tmp_path / "b"), "--format", "json", "--private").stdout)
    assert exact["intake"]["languages"] == {"en": 2, "cy": 3}


@pytest.mark.parametrize(("fmt", "said"), [
    ("text", "Answered 4 in English, 3 in Welsh."),
    ("markdown", "Answered 4 in English, 3 in Welsh."),
    ("html", "Answered 4 in English, 3 in Welsh")])
def test_every_private_format_says_how_many_answered_in_each_language(
        run: Run, tmp_path: Path, fmt: str, said: str) -> None:
    """Kept to yourself, the counts are exact; shared, no format gives them (6 people, 3 to
    5 in each language, would be 3 and 3: test_count_attacks.py)."""
    folder = mixed_set(tmp_path / "set", 4, 3)
    for private, out in ((True, tmp_path / "private.out"), (False, tmp_path / "shared.out")):
        result = run("score", str(folder), "--format", fmt, "-o", str(out),
                     *(["--private"] if private else []))
        assert result.exit_code == 0, result.stderr
        assert (said in out.read_text(encoding="utf-8")) is private
        assert ("in Welsh" in out.read_text(encoding="utf-8")) is private


def test_a_small_language_group_is_held_back_when_shared(run: Run, tmp_path: Path) -> None:
    folder = mixed_set(tmp_path / "set", 5, 1)
    shared = json.loads(run("score", str(folder), "--format", "json").stdout)
    assert shared["intake"]["languages"] == {} and shared["intake"]["languages_withheld"]
    assert "Welsh" not in run("score", str(folder)).stdout
    private = json.loads(run("score", str(folder), "--format", "json", "--private").stdout)
    assert private["intake"]["languages"] == {"en": 5, "cy": 1}


def test_a_welsh_forms_export_reads_back(run: Run, tmp_path: Path) -> None:
    """The header `form --lang cy --format csv` writes, answered in Welsh words: roles,
    choices and 'Ddim yn gwybod' read as their English ones."""
    header = run("form", "tiny", "-F", TINY, "--lang", "cy", "--format", "csv").stdout
    assert "Eich rôl" in header and "power-1. Mae pobl" in header
    rows = ['"2026-12-01 10:00",Gofalwr,"2 - Canolradd: Mae barn pobl",Ddim yn gwybod',
            '"2026-12-01 11:00",Person sy\'n cael gofal a chymorth,3 - Trawsnewidiol,'
            '"1 - Disgrifiadol: Mae pobl"']
    export = tmp_path / "export.csv"
    export.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    result = json.loads(run("score", str(export), "-F", TINY, "--format", "json",
                            "--min-group", "1").stdout)
    assert result["respondents"] == 2 and result["score"] == 1.75
    assert {group["role"] for group in result["by_role"]} == {"carer", "person-drawing-on-care"}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_welsh_form_outline_says_it_is_not_yet_reviewed(run: Run, fmt: str) -> None:
    shown = run("form", "tiny", "-F", TINY, "--lang", "cy", "--format", fmt).stdout
    assert "Nid yw'r testun Cymraeg hwn wedi'i adolygu eto" in shown
    assert "Ddim yn gwybod" in shown and "Eich rôl" in shown and "Canolradd" in shown
    assert "adolygu" not in run("form", "tiny", "-F", TINY, "--format", fmt).stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_welsh_report_says_it_is_not_yet_reviewed(run: Run, tmp_path: Path, fmt: str) -> None:
    folder = mixed_set(tmp_path / "set", 3, 3)
    out = tmp_path / "report.out"
    assert run("score", str(folder), "--lang", "cy", "-f", fmt, "-o", str(out)).exit_code == 0
    shown = out.read_text(encoding="utf-8").replace("&#39;", "'")
    assert "Nid yw'r testun Cymraeg hwn wedi'i adolygu eto" in shown and "Canolradd" in shown
    assert run("score", str(folder), "-o", str(out), "--force").exit_code == 0
    assert "adolygu" not in out.read_text(encoding="utf-8")
