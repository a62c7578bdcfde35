"""`coprod score` and `coprod template` through the CLI: formats, exit codes, gates, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from coprod_cli.report import Format
from tests.conftest import DATA, EXAMPLES, Run
from tests.reading.test_loader import assert_one_located_error, expected_message

INVALID_ANSWERS = sorted((DATA / "answers" / "invalid").glob("*.yaml"))
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID_ANSWERS, ids=lambda p: p.stem)
def test_invalid_answers_get_one_located_error(run: Run, path: Path) -> None:
    for command in ("validate", "score"):
        assert_one_located_error(run(command, str(path)), str(path), expected_message(path))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_are_valid_and_named_after_their_level(run: Run, path: Path) -> None:
    result = json.loads(run("score", str(path), "--format", "json").stdout)
    assert path.stem.split("-", 1)[1] == result["level"]


@pytest.mark.parametrize("fmt", list(Format))
@pytest.mark.parametrize(("gate", "code"), [(None, 0), ("descriptive", 0),
                                            ("intermediate", 1), ("transformative", 1)])
def test_exit_code_is_the_same_in_every_format(run: Run, fmt: Format, gate: str | None,
                                               code: int, tmp_path: Path) -> None:
    args = ["score", str(EXAMPLES / "nef-descriptive.yaml"), "--format", fmt.value,
            "-o", str(tmp_path / f"out.{fmt.value}")]
    result = run(*args, *(["--fail-under", gate] if gate else []))
    assert result.exit_code == code, result.stderr
    assert (tmp_path / f"out.{fmt.value}").read_text().strip()


def test_gate_in_json(run: Run) -> None:
    result = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--format", "json",
                 "--fail-under", "intermediate")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["gate"] == {"fail_under": "intermediate", "met": False,
                                                 "reason": None, "targets": {},
                                                 "below_target": []}


def test_text_result_names_level_weakest_area_and_plan(run: Run) -> None:
    result = run("score", str(EXAMPLES / "nef-intermediate.yaml"), "--fail-under",
                 "intermediate")
    assert result.exit_code == 0
    out = result.stdout
    assert "Overall level: INTERMEDIATE" in out
    assert "Gate met" in out
    assert "Quickest route to Transformative" in out
    assert "In plain words:" in out
    details = run("score", str(EXAMPLES / "nef-intermediate.yaml"), "--details").stdout
    assert "Action plan: SCIE's recommendations to reach Transformative" in details


def test_score_from_stdin(run: Run) -> None:
    text = (EXAMPLES / "nef-intermediate.yaml").read_text()
    result = run("score", "-", "--format", "json", input=text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["level"] == "intermediate"


def test_a_part_answered_file_is_scored_with_its_gaps_as_unsure_and_named(
        run: Run, tmp_path: Path) -> None:
    path = tmp_path / "half.yaml"
    assert run("template", "nef", "-o", str(path)).exit_code == 0
    data = path.read_text().replace("  assets-1:\n", "  assets-1: intermediate\n")
    path.write_text(data.replace("  assets-2:\n", "  assets-2: unsure\n"))
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    scored = json.loads(result.stdout)
    assert scored["respondents"] == 1 and scored["intake"]["skipped"] == 0  # never dropped
    assert scored["unsure_answers"] == 27  # 1 unsure given, 26 left unanswered
    assert scored["warnings"][0].startswith(
        "1 respondent(s) left 26 statement(s) unanswered, counted as unsure: respondent 1: "
        "26 of 28 (assets-3, assets-4, capacity-1,")
    text = " ".join(run("score", str(path)).stdout.split())
    assert "left 26 statement(s) unanswered, counted as unsure" in text


def test_strict_refuses_a_part_answered_file_listing_the_missing_ids(
        run: Run, tmp_path: Path) -> None:
    path = tmp_path / "half.yaml"
    assert run("template", "nef", "-o", str(path)).exit_code == 0
    path.write_text(path.read_text().replace("  assets-1:\n", "  assets-1: intermediate\n"))
    result = run("score", str(path), "--strict")
    assert_one_located_error(result, str(path), "27 of 28 statements have no answer: assets-2,")
    skipped = run("score", str(path), str(EXAMPLES / "nef-intermediate.yaml"), "--strict",
                  "--skip-invalid", "-f", "json")
    assert json.loads(skipped.stdout)["intake"]["skipped_because"] == {"incomplete": 1}
    alone = run("score", str(path), "--strict", "--skip-invalid")
    assert alone.exit_code == 2 and "none of the 1 file(s) could be scored" in alone.stderr


def test_target_option_changes_the_plan(run: Run) -> None:
    low = json.loads(run("score", str(EXAMPLES / "nef-intermediate.yaml"), "--format", "json",
                         "--target", "intermediate").stdout)
    high = json.loads(run("score", str(EXAMPLES / "nef-intermediate.yaml"), "--format",
                          "json").stdout)
    assert low["target"] == "intermediate" and high["target"] == "transformative"
    assert len(low["recommendations"]) < len(high["recommendations"])


def test_template_lists_every_statement_with_its_text(run: Run, tmp_path: Path) -> None:
    out = run("template", "scie").stdout
    data = yaml.safe_load(out)
    assert data["framework"] == "scie"
    assert len(data["answers"]) == 36 and all(v is None for v in data["answers"].values())
    assert "# Leaders" in out or "#" in out.split("culture-")[0]


def test_template_filled_in_scores(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    run("template", "nef", "-o", str(path))
    path.write_text(path.read_text().replace(":\n", ": descriptive\n").replace(
        "answers: descriptive", "answers:").replace("respondent: descriptive", "respondent:"))
    result = run("score", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["level"] == "descriptive"


def test_template_never_overwrites(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("precious")
    result = run("template", "nef", "-o", str(path))
    assert result.exit_code == 2
    assert path.read_text() == "precious"


@pytest.mark.parametrize("details", [False, True])
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_result_renderers_golden(golden, fmt: str, details: bool) -> None:
    from coprod_cli.report import View, renderer
    from tests.builders import CATALOGUE, result_for
    from tests.conftest import render_text

    res = result_for({"alpha-1": "not-yet", "alpha-2": "descriptive", "beta-1": "intermediate",
                      "beta-2": {"level": "transformative", "evidence": "Board minutes"},
                      "beta-3": "unsure"}, fail_under="intermediate")
    if details and fmt == "json":
        pytest.skip("JSON always holds everything")
    rendered = renderer(Format(fmt)).result(res, CATALOGUE, View(details=details))
    name = "result-details" if details else "result"
    golden(f"{name}.{ {'text': 'txt', 'markdown': 'md', 'json': 'json'}[fmt] }",
           render_text(rendered).replace(res.tool_version, "VERSION"))


def test_a_report_is_never_written_over_the_answers(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "ours.yaml"
    answers.write_text((EXAMPLES / "nef-intermediate.yaml").read_text())
    before = answers.read_bytes()
    for args in (["score", str(answers), "-o", str(answers)],
                 ["score", str(tmp_path), "-o", str(tmp_path / "report.txt")],
                 ["compare", str(answers), str(answers), "-o", str(answers)]):
        result = run(*args)
        assert result.exit_code == 2
        assert "this run reads" in result.stderr
    assert answers.read_bytes() == before
    assert not (tmp_path / "report.txt").exists()


def test_validate_points_a_csv_export_at_score(run: Run) -> None:
    result = run("validate", str(EXAMPLES / "online-form.csv"))
    assert result.exit_code == 2
    assert "coprod score" in result.stderr and "Traceback" not in result.stderr


def test_details_give_each_statements_next_level_once(run: Run) -> None:
    out = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--details").stdout
    assert "Action plan: SCIE's recommendations" in out and "By voice" not in out
    flat = " ".join(out.split())
    res = json.loads(run("score", str(EXAMPLES / "nef-descriptive.yaml"), "-f", "json").stdout)
    for statement in res["statements"]:
        if statement["next_descriptor"] and statement["level"] == "not-yet":
            assert flat.count(statement["next_descriptor"]) <= 1


def _with_service(folder: Path, names: dict[str, str]) -> Path:
    """The collective example, each file naming a service (a file -> service map)."""
    for source in sorted((EXAMPLES / "collective-autumn-2026").glob("*.yaml")):
        text = source.read_text(encoding="utf-8").replace(
            "framework: nef\n",
            f"framework: nef\nservice: {names.get(source.name, 'Riverside')}\n")
        (folder / source.name).write_text(text, encoding="utf-8")
    return folder


def test_the_service_named_in_answers_titles_every_format(run: Run, tmp_path: Path) -> None:
    folder = _with_service(tmp_path, {})
    res = json.loads(run("score", str(folder), "-f", "json").stdout)
    assert res["service"] == "Riverside"
    assert not any("different services" in w for w in res["warnings"])
    assert run("score", str(folder)).stdout.startswith("Riverside\n")
    assert run("score", str(folder), "-f", "markdown").stdout.startswith("## Riverside — ")
    assert "<title>Riverside — Co-production level" in run("score", str(folder), "-f",
                                                             "html").stdout


def test_files_naming_different_services_are_warned_of(run: Run, tmp_path: Path) -> None:
    folder = _with_service(tmp_path, {"carer-01.yaml": "Hillside"})
    res = json.loads(run("score", str(folder), "-f", "json", "--private").stdout)
    assert res["service"] == "Riverside"
    assert any("different services: 'Hillside' (1), 'Riverside'" in w for w in res["warnings"])


def test_service_option_names_a_form_export(run: Run) -> None:
    out = run("score", str(EXAMPLES / "online-form.csv"), "--service", "Riverside", "-f", "json")
    assert json.loads(out.stdout)["service"] == "Riverside"


def test_html_at_a_terminal_without_o_goes_to_a_file_and_says_where(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coprod_cli.cli import common

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(common, "at_terminal", lambda: True)
    out = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "-f", "html")
    assert out.exit_code == 0 and out.stdout == ""
    assert "writing coprod-nef-report.html" in out.stderr
    assert (tmp_path / "coprod-nef-report.html").read_text().startswith("<!DOCTYPE html>")
    monkeypatch.setattr(common, "at_terminal", lambda: False)
    piped = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "-f", "html")
    assert piped.stdout.startswith("<!DOCTYPE html>")


def test_a_gap_resting_on_one_persons_view_is_a_note_not_a_finding(run: Run) -> None:
    folder = str(EXAMPLES / "collective-autumn-2026")
    res = json.loads(run("score", folder, "--min-group", "1", "-f", "json").stdout)
    lone = [g for g in res["gaps"] if g["finding"] and "commissioner" in (g["highest"],
                                                                         g["lowest"])]
    assert lone, "the example has a finding driven by its one commissioner"
    text = run("score", folder, "--min-group", "1").stdout
    assert "rests on one person's view (Commissioner is one person)" in " ".join(text.split())
    assert "Commissioner" not in text.split("Note: Assets")[0]  # not in the findings panel
    markdown = run("score", folder, "--min-group", "1", "-f", "markdown").stdout
    assert "- Note: Assets: Commissioner" in markdown


def test_plain_carries_through_score_compare_and_show(run: Run) -> None:
    from coprod_cli.reading.loader import Library

    lib = Library.builtin()
    res = json.loads(run("score", str(EXAMPLES / "nef-descriptive.yaml"), "-f", "json").stdout)
    first = res["next_steps"][0]
    plain = " ".join(run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--plain").stdout.split())
    assert first["plain"] in plain and first["text"] not in plain
    assert f"Intermediate means: {lib.catalogue.level('intermediate').plain}" in plain
    standard = " ".join(run("score", str(EXAMPLES / "nef-descriptive.yaml")).stdout.split())
    assert first["text"] in standard and "Intermediate means" not in standard
    markdown = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--plain", "--details",
                   "-f", "markdown").stdout
    rec = lib.catalogue.recommendations[0]
    assert "Intermediate means:" in markdown and (rec.plain in markdown or rec.text not in markdown)
    html = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--plain", "-f", "html").stdout
    assert "Intermediate means:" in html
    shown = " ".join(run("show", "nef", "--plain").stdout.split())
    assert "Descriptive means:" in shown and "In the framework's words:" in shown
    cmp = run("compare", str(EXAMPLES / "nef-descriptive.yaml"),
              str(EXAMPLES / "nef-intermediate.yaml"), "--plain").stdout
    assert "Intermediate means:" in " ".join(cmp.split())


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_plain_results_say_what_the_next_level_looks_like_in_plain_words(run: Run,
                                                                         fmt: str) -> None:
    from html import escape

    example = str(EXAMPLES / "nef-descriptive.yaml")
    res = json.loads(run("score", example, "-f", "json").stdout)
    step = res["next_steps"][0]
    assert step["looks_like_plain"] and step["looks_like_plain"] != step["looks_like"]
    plain = " ".join(run("score", example, "--plain", "--details", "-f", fmt).stdout.split())
    full = " ".join(run("score", example, "--details", "-f", fmt).stdout.split())
    if fmt == "html":
        step = {key: escape(value) for key, value in step.items() if isinstance(value, str)}
    assert step["looks_like_plain"] in plain and step["looks_like"] not in plain
    assert step["looks_like"] in full and step["looks_like_plain"] not in full
    served = [s for item in res["recommendations"] for s in item["statements"]]
    assert served and all(s["next_plain"] for s in served)


def test_a_plain_html_report_gives_each_areas_next_level_in_plain_words(run: Run) -> None:
    from markupsafe import escape

    example = str(EXAMPLES / "nef-descriptive.yaml")
    statements = json.loads(run("score", example, "-f", "json").stdout)["statements"]
    page = run("score", example, "--plain", "-f", "html").stdout
    areas = page.split('id="areas-heading"')[1]
    below = [s for s in statements if s["level"] and s["next_plain"]]
    assert below
    for statement in below:
        assert f"{escape(statement['plain'])} <span" in areas
        assert str(escape(statement["next_plain"])) in areas
        assert str(escape(statement["next_descriptor"])) not in areas


def test_every_format_carries_the_whole_quickest_route(run: Run) -> None:
    from html import escape

    example = str(EXAMPLES / "nef-descriptive.yaml")
    steps = json.loads(run("score", example, "-f", "json").stdout)["next_steps"]
    assert len(steps) > 4
    html = run("score", example, "-f", "html").stdout
    details = " ".join(run("score", example, "--details").stdout.split())
    markdown = run("score", example, "--details", "-f", "markdown").stdout
    for step in steps:
        assert f"<strong>{escape(step['text']).replace('&#x27;', '&#39;')}</strong>" in html
        assert step["text"] in details and step["text"] in markdown


def test_the_readme_try_it_command_prints_what_the_readme_says(run: Run) -> None:
    """README, 'Try it': one screen without --details; the voices and full plan with it."""
    path = str(EXAMPLES / "collective-autumn-2026")
    out = run("score", path, "--fail-under", "descriptive")
    assert out.exit_code == 0
    for part in ("In plain words", "Networks is here; the other areas are higher",
                 "Weakest principle",
                 "not shown on their own", "Quickest route to Intermediate"):
        assert part in " ".join(out.stdout.split())
    assert "By voice and role" not in out.stdout
    details = run("score", path, "--details").stdout
    assert "By voice and role" in details and "Action plan" in details
    assert run("score", path, "--fail-under", "intermediate").exit_code == 1


def test_the_weighting_choices_are_the_one_list_of_weightings() -> None:
    from coprod_cli.cli.score import Weighting
    from coprod_cli.models import WEIGHTINGS

    assert tuple(choice.value for choice in Weighting) == WEIGHTINGS


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_every_format_says_in_plain_words_when_only_the_weakest_area_is_at_the_level(
        run: Run, fmt: str) -> None:
    # The autumn round: Networks is Descriptive, every other area Intermediate or higher.
    out = run("score", str(EXAMPLES / "collective-autumn-2026"), "--plain", "--format", fmt)
    assert out.exit_code == 0, out.output
    said = " ".join(out.stdout.split())
    assert "Networks is here; the other areas are higher." in said
    if fmt == "json":
        assert json.loads(out.stdout)["plain_headline"].endswith(
            "Networks is here; the other areas are higher.")
