"""How score and compare read a set of answers: the form-export rules as one value, and
every respondent counted once with what was left out said on standard error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coprod_cli.cli.collecting import Reading, collect, form_options
from coprod_cli.errors import UsageProblem
from coprod_cli.reading.loader import Library
from tests.conftest import EXAMPLES, Run

LIB = Library.builtin()


def test_no_form_option_means_no_form_rules() -> None:
    assert form_options(None, None, False, LIB) is None


def test_a_role_map_names_a_role_by_its_id_its_name_or_a_common_word() -> None:
    options = form_options("Who are you?", ["Service user=Carer", "Staff=practitioner"], True,
                           LIB)
    assert options is not None
    assert options.role_column == "Who are you?" and options.strict
    assert options.role_map == {"Service user": "carer", "Staff": "practitioner"}


@pytest.mark.parametrize("item", ["no-equals", "=carer", "Staff=astronaut"])
def test_a_role_map_that_is_not_answer_equals_a_known_role_is_refused(item: str) -> None:
    with pytest.raises(UsageProblem, match="is not ANSWER=ROLE with a known role"):
        form_options(None, [item], False, LIB)


def test_a_set_is_counted_once_and_what_is_left_out_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.yaml").write_text((EXAMPLES / "nef-descriptive.yaml").read_text())
    (tmp_path / "broken.yaml").write_text("framework: nef\nanswers: [\n")
    tally = collect(LIB, [str(tmp_path)], Reading(skip_invalid=True))
    assert tally.total == 1
    err = capsys.readouterr().err
    assert "skipped: " in err and "broken.yaml" in err
    assert "Left out 1 file(s) or row(s); scored 1 respondent(s)." in err


def test_a_role_map_entry_that_matches_no_answer_is_refused(run: Run, tmp_path: Path) -> None:
    """Misspelt, it would map nobody in silence; each side of a compare counts."""
    export = str(EXAMPLES / "online-form.csv")
    result = run("score", export, "--role-map", "Nobody writes this=carer")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: --role-map \"Nobody writes this=carer\" matches no "
                                    "answer in the role column (its answers include 'Person "
                                    "who draws on care and support', 'Carer'")
    assert "copy the answer as the export writes it, or leave the entry out" in result.stderr
    assert run("score", export, "--role-map", "CARER=carer").exit_code == 0
    answers = str(EXAMPLES / "nef-descriptive.yaml")
    result = run("score", answers, "--role-map", "Nobody=carer")
    assert result.exit_code == 2 and "matches no answer in the role column of any form " \
        "export" in result.stderr
    assert run("compare", answers, export, "--role-map", "Carer=carer").exit_code == 0
    assert run("compare", answers, export, "--role-map", "Karer=carer").exit_code == 2


@pytest.mark.parametrize("command", [["trend", "{export}", "{export}"], ["plan", "{export}"],
                                     ["workshop", "{export}", "-f", "markdown"],
                                     ["feedback", "{export}", "-f", "markdown"]])
def test_every_command_that_reads_a_set_takes_the_export_rules(
        run: Run, tmp_path: Path, command: list[str]) -> None:
    """--date-order and --role-map mean the same to trend, plan, workshop and feedback as to
    score: an export whose dates could be either way round is read with --date-order, and a
    misspelt --role-map is refused rather than mapping nobody in silence."""
    ambiguous = str(Path(__file__).parents[1] / "data/exports/google-sheet-ambiguous-dates.csv")
    args = [part.replace("{export}", ambiguous) for part in command]
    refused = run(*args, "-o", str(tmp_path / "out"))
    assert refused.exit_code == 2 and "--date-order dmy" in refused.stderr
    read = run(*args, "--date-order", "dmy", "-o", str(tmp_path / "out"))
    assert read.exit_code == 0, read.stderr
    misspelt = run(*args, "--date-order", "dmy", "--role-map", "Nobody writes this=carer",
                   "-o", str(tmp_path / "other"))
    assert misspelt.exit_code == 2 and "matches no answer in the role column" in misspelt.stderr
    assert not (tmp_path / "other").exists()


def _partial_set(folder: Path) -> Path:
    """The autumn example where practitioner-01 left assets-1 and assets-2 blank."""
    import shutil

    shutil.copytree(EXAMPLES / "collective-autumn-2026", folder)
    path = folder / "practitioner-01.yaml"
    path.write_text(re.sub(r"(?m)^  (assets-[12]):.*$", r"  \1:",
                           path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


SHARED_COMMANDS = {
    "compare": ["compare", str(EXAMPLES / "collective-spring-2026"), "SET", "-f", "markdown"],
    "workshop": ["workshop", "SET", "-f", "markdown"],
    "feedback": ["feedback", "SET", "-f", "markdown"],
    "through": ["score", "SET", "--through", "nef,scie", "-f", "markdown"],
}
KEPT_TO_YOURSELF = {"compare": ["--private"], "workshop": ["--min-group", "1"],
                    "feedback": ["--min-group", "1"], "through": ["--private"]}


@pytest.mark.parametrize("command", sorted(SHARED_COMMANDS))
def test_whoever_runs_a_shared_report_is_told_the_named_notes_it_leaves_out(
        run: Run, tmp_path: Path, command: str) -> None:
    """As `score` does: the shared output names nobody and no blank statement; standard error
    names them, for whoever runs coprod; kept to yourself, nothing more is told there."""
    folder = _partial_set(tmp_path / "set")
    args = [str(folder) if arg == "SET" else arg for arg in SHARED_COMMANDS[command]]
    shared = run(*args)
    assert shared.exit_code in (0, 1), shared.output
    assert "for you only (not in the shared result)" in shared.stderr
    assert "respondent(s) left 2 statement(s) unanswered" in shared.stderr
    assert "(assets-1, assets-2)" in shared.stderr
    assert "assets-1, assets-2" not in shared.stdout
    assert not re.search(r"(?i)practitioner 1\b|respondent \d", shared.stdout)
    if command == "compare":
        assert "the after side:" in shared.stderr and "the before side" not in shared.stderr
    kept = run(*args, *KEPT_TO_YOURSELF[command])
    assert kept.exit_code in (0, 1), kept.output
    assert "for you only" not in kept.stderr
