"""coprod's command-line words in Welsh when the reader chose Welsh: errors, notes and --help.
The language comes from `--lang` wherever it stands on the command line, else the environment,
so a mistake found before `--lang` is read is said in the language asked for too; each error
stays one line with its place, exit 2; English stays as it was."""

from __future__ import annotations

import pytest

from coprod_cli import i18n
from coprod_cli.cli.glue import choose_language
from tests.conftest import DATA, EXAMPLES, Run

ONE = str(EXAMPLES / "nef-intermediate.yaml")


@pytest.fixture
def welsh_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COPROD_LANG", "cy")


def one_line(result: object) -> str:
    stderr = str(getattr(result, "stderr"))
    assert getattr(result, "exit_code") == 2 and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    return stderr


@pytest.mark.parametrize(("args", "welsh", "kept"), [
    (["scor", ONE], "does dim gorchymyn 'scor' (oeddech chi'n golygu 'score'?)", "'score'"),
    (["score", ONE, "--format", "txt"], "nid yw 'txt' yn un o", "text, json, markdown, html"),
    (["score", ONE, "--min-group", "x"], "nid yw 'x' yn rhif cyfan", "--min-group"),
    (["score", ONE, "--bogus"], "does dim opsiwn o'r fath: --bogus", "'coprod score --help'"),
    (["score"], "mae FILE ar goll", "coprod score --help"),
    (["template", "nef", "-o"], "mae angen gwerth ar ôl -o", "-o"),
])
def test_usage_errors_in_welsh(run: Run, welsh_reader: None, args: list[str], welsh: str,
                               kept: str) -> None:
    said = one_line(run(*args))
    assert said.startswith("gwall: ") and welsh in said and kept in said


def test_lang_given_after_the_mistake_still_chooses(run: Run) -> None:
    said = one_line(run("score", ONE, "--format", "txt", "--lang", "cy"))
    assert said.startswith("gwall: --format: nid yw 'txt'")
    said = one_line(run("scor", "--lang=CY"))
    assert said.startswith("gwall: does dim gorchymyn 'scor'")


def test_lang_en_overrides_a_welsh_environment(run: Run, welsh_reader: None) -> None:
    said = one_line(run("score", ONE, "--format", "txt", "--lang", "en"))
    assert said == ("error: --format: 'txt' is not one of text, json, markdown, html (did you "
                    "mean 'text'?); see 'coprod score --help'\n")


def test_a_file_error_keeps_its_place_in_welsh(run: Run, welsh_reader: None) -> None:
    bad = DATA / "invalid" / "tabs.yaml"
    said = one_line(run("validate", str(bad)))
    assert said.startswith(f"gwall: {bad}:3:1: ")


@pytest.mark.parametrize(("args", "language"), [
    (["score", "x", "--lang", "cy"], "cy"), (["--lang=cy"], "cy"), (["--lang", "fr"], "en"),
    (["--", "--lang", "cy"], "en"), (["--lang"], "en"), (["--lang", "cy", "--lang", "en"], "en"),
])
def test_choosing_from_the_command_line(monkeypatch: pytest.MonkeyPatch, args: list[str],
                                         language: str) -> None:
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    choose_language(args)
    assert i18n.chosen() == language
