"""`--lang` on every command that shows a reader text: one of the languages coprod knows."""

from __future__ import annotations

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
