"""coprod's command-line words in Welsh when the reader chose Welsh: errors, notes and --help.
The language comes from `--lang` wherever it stands on the command line, else the environment,
so a mistake found before `--lang` is read is said in the language asked for too; each error
stays one line with its place, exit 2; English stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import Result

from coprod_cli import i18n
from coprod_cli.cli.glue import choose_language
from tests.conftest import DATA, EXAMPLES, Run

ONE = str(EXAMPLES / "nef-intermediate.yaml")


@pytest.fixture
def welsh_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COPROD_LANG", "cy")


def one_line(result: Result) -> str:
    stderr = result.stderr
    assert result.exit_code == 2 and stderr.count("\n") == 1, stderr
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


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_list_of_commands_in_welsh(run: Run, welsh_reader: None) -> None:
    from coprod_cli.cli.common import SUMMARIES

    i18n.use("cy")
    summaries = {name: i18n._(line) for name, line in SUMMARIES.items()}
    shown = run("--help")
    assert shown.exit_code == 0
    said = flat(shown.stdout)
    assert said.startswith("Defnydd: coprod ") and "Gorchmynion:" in said
    assert "Options:" not in said and "Usage:" not in said
    for summary in summaries.values():
        assert summary != SUMMARIES["score"] and flat(summary) in said
    assert flat(i18n.unreviewed_notice()) in said


def every_command() -> list[tuple[str, object]]:
    import typer.main

    from coprod_cli.cli import app
    from coprod_cli.cli.common import COMMANDS

    group = typer.main.get_command(app)
    ctx = group.make_context("coprod", ["score"], resilient_parsing=True)
    return [(name, group.get_command(ctx, name)) for name in COMMANDS]  # type: ignore[attr-defined]


def test_every_help_text_has_its_welsh() -> None:
    commands = every_command()
    i18n.use("cy")
    for name, command in commands:
        texts = [getattr(command, "help", None)]
        texts += [getattr(param, "help", None) for param in getattr(command, "params", [])]
        for text in filter(None, texts):
            assert i18n._(text) != text, f"{name}: {text[:60]}"


@pytest.mark.parametrize("args", [["--lang", "cy", "--help"], ["--help", "--lang=cy"]])
@pytest.mark.parametrize("command", ["score", "form", "assess", "trend", "workshop"])
def test_each_commands_help_in_welsh(run: Run, command: str, args: list[str]) -> None:
    shown = run(command, *args)
    assert shown.exit_code == 0
    said = flat(shown.stdout)
    assert said.startswith(f"Defnydd: coprod {command} ") and "Opsiynau:" in said
    assert "Dangos y neges hon a gadael." in said and "Show this message" not in said
    assert "Enghreifftiau:" in said and "Examples:" not in said
    assert "Nid yw'r testun Cymraeg hwn wedi'i adolygu eto" in said


@pytest.mark.parametrize("args", [["--lang", "cy", "--help"], ["--lang=CY", "--help"],
                                  ["--help", "--lang", "cy"]])
def test_the_list_of_commands_in_welsh_with_lang(run: Run, args: list[str]) -> None:
    """`--lang` anywhere counts, before a command too: the list of all commands in Welsh."""
    shown = run(*args)
    assert shown.exit_code == 0, shown.stderr
    said = flat(shown.stdout)
    assert said.startswith("Defnydd: coprod ") and "Usage:" not in said
    assert "Nid yw'r testun Cymraeg hwn wedi'i adolygu eto" in said


def test_lang_before_the_command_is_the_commands(run: Run) -> None:
    """`coprod --lang cy score FILE` is `coprod score FILE --lang cy`; a command without
    `--lang` and a language coprod does not have are usage errors, as after the command."""
    before = run("--lang", "cy", "score", ONE, "-f", "json")
    after = run("score", ONE, "-f", "json", "--lang", "cy")
    assert before.exit_code == after.exit_code == 0 and before.stdout == after.stdout
    assert run("--lang", "cy", "score", ONE).stdout == run("score", ONE, "--lang=cy").stdout
    for args in (["--lang", "cy", "validate", ONE], ["--lang", "xx", "--help"]):
        refused = run(*args)
        assert refused.exit_code == 2 and "--lang" in refused.stderr, args


def test_a_default_and_required_in_welsh(run: Run, welsh_reader: None) -> None:
    said = flat(run("score", "--help").stdout)
    assert "rhagosodiad: text]" in said and "gofynnol]" in said
    assert "default:" not in said and "required]" not in said


def test_english_help_is_english_and_opens_no_catalogue(
        run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import gettext

    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    opened: list[object] = []
    real = gettext.translation

    def spy(domain: str, *args: object, **kw: object) -> object:
        if domain == "coprod":
            opened.append(args)
        return real(domain, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr("gettext.translation", spy)
    for args in (["--help"], ["score", "--help"], ["form", "--help"]):
        said = run(*args).stdout
        assert said.startswith("Usage: coprod") and "\nOptions:\n" in said
        assert "Show this message and exit." in said and "Cymraeg" not in said
    assert opened == [] and i18n._catalogue is None


@pytest.mark.parametrize(("args", "said"), [
    (["validate", str(DATA / "invalid" / "duplicate-statement.yaml")],
     f"gwall: {DATA / 'invalid' / 'duplicate-statement.yaml'}:27:9: id datganiad dyblyg "
     "'voice-1'; rhowch ei id ei hun i bob datganiad\n"),
    (["score", "nosuch.yaml"], "gwall: nosuch.yaml: ni chafwyd hyd i'r ffeil; gwiriwch y llwybr\n"),
    (["show", "nefx"], "gwall: fframwaith anhysbys 'nefx' (oeddech chi'n golygu 'nef'?); "
     "defnyddiwch un o "),
    (["validate", str(DATA / "invalid" / "comments-only.yaml")],
     f"gwall: {DATA / 'invalid' / 'comments-only.yaml'}: nid oes cynnwys yn y ffeil, dim ond "
     "sylwadau; llenwch hi, neu dechreuwch o 'coprod template'\n"),
])
def test_file_and_framework_errors_in_welsh(run: Run, welsh_reader: None, args: list[str],
                                            said: str) -> None:
    assert one_line(run(*args)).startswith(said)


@pytest.mark.parametrize(("name", "place", "said"), [
    ("bad-indentation.yaml", "9:2", "nid yw mewnoli'r llinell hon yn cyd-fynd â'r llinellau"),
    ("empty-text.yaml", "6:8", "mae 'plain' yn wag; ysgrifennwch destun yma"),
    ("duplicate-key.yaml", "5:1", "allwedd ddyblyg 'version' (a roddwyd gyntaf ar linell 4)"),
    ("language-unknown.yaml", "5:1", "iaith anhysbys 'fr'; mae coprod yn adnabod en (Saesneg)"),
])
def test_yaml_and_schema_errors_in_welsh_keep_their_place(
        run: Run, welsh_reader: None, name: str, place: str, said: str) -> None:
    """coprod's own words for what PyYAML and pydantic found (never the libraries')."""
    path = DATA / "invalid" / name
    assert one_line(run("validate", str(path))).startswith(f"gwall: {path}:{place}: {said}")


def test_a_warning_about_a_form_export_in_welsh(run: Run, welsh_reader: None,
                                                tmp_path: Path) -> None:
    rows = (EXAMPLES / "online-form.csv").read_text(encoding="utf-8").splitlines()
    export = tmp_path / "no-roles.csv"
    export.write_text("\n".join(",".join(line.split(",")[:1] + line.split(",")[2:])
                                for line in rows) + "\n", encoding="utf-8")
    result = run("score", str(export), "--format", "json")
    assert result.exit_code == 0
    assert f"rhybudd: {export}: nid oes colofn yn dal y rôl" in result.stderr
    assert "warning:" not in result.stderr


def test_an_unknown_reference_names_its_kind_in_welsh(run: Run, welsh_reader: None) -> None:
    path = DATA / "invalid" / "unknown-recommendation.yaml"
    assert one_line(run("validate", str(path))) == (
        f"gwall: {path}:26:27: id argymhelliad anhysbys 'cultur-1' (oeddech chi'n golygu "
        "'culture-1'?); defnyddiwch id a restrir gan 'coprod recommendations'\n")
