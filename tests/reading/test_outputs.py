"""-o never destroys what coprod reads or keeps: the run's inputs by any name, a --framework
file, a named pipe; an answers file, framework or form export only with --force."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from coprod_cli.cli.common import COMMANDS
from coprod_cli.reading.outputs import recognise
from tests.conftest import EXAMPLES, ROOT, Run

ANSWERS = EXAMPLES / "nef-descriptive.yaml"
FRAMEWORK = ROOT / "tests" / "data" / "valid" / "minimal-framework.yaml"


def copy(source: Path, folder: Path, name: str | None = None) -> Path:
    return Path(shutil.copy(source, folder / (name or source.name)))


def refused(run: Run, target: Path, *args: str) -> str:
    """The one line a refused run prints, the target left exactly as it was."""
    before = target.read_bytes() if target.is_file() else None
    result = run(*args)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert (target.read_bytes() if target.is_file() else None) == before
    assert result.stderr.count("\n") == 1 and str(target) in result.stderr
    return result.stderr


def test_a_framework_given_with_f_is_never_replaced(run: Run, tmp_path: Path) -> None:
    """The issue's `score m.yaml -F fw.yaml -o fw.yaml`, which replaced the framework."""
    framework = copy(FRAMEWORK, tmp_path, "fw.yaml")
    for force in ([], ["--force"]):
        line = refused(run, framework, "score", str(ANSWERS), "-F", str(framework),
                       "-o", str(framework), *force)
        assert "a framework given with --framework" in line


def test_a_hard_link_to_an_input_is_the_input(run: Run, tmp_path: Path) -> None:
    answers = copy(ANSWERS, tmp_path)
    link = tmp_path / "report.txt"
    os.link(answers, link)
    line = refused(run, link, "score", str(answers), "-o", str(link), "--force")
    assert "one of the files this run reads" in line


def test_a_symbolic_link_to_an_input_is_the_input(run: Run, tmp_path: Path) -> None:
    answers = copy(ANSWERS, tmp_path)
    link = tmp_path / "report.txt"
    link.symlink_to(answers)
    refused(run, link, "compare", str(answers), str(ANSWERS), "-o", str(link))
    assert answers.read_bytes() == ANSWERS.read_bytes()


def test_a_form_export_is_not_wiped_down_to_its_header(run: Run, tmp_path: Path) -> None:
    """The issue's `form nef -f csv -o responses.csv`."""
    for example in ("online-form.csv", "microsoft-forms-export.xlsx"):
        export = copy(EXAMPLES / example, tmp_path)
        line = refused(run, export, "form", "nef", "-f", "csv", "-o", str(export))
        assert "a form export" in line and "--force" in line
    export = tmp_path / "online-form.csv"
    assert run("form", "nef", "-f", "csv", "-o", str(export), "--force").exit_code == 0
    assert export.read_text().count("\n") == 1  # only the header row now, as asked


@pytest.mark.parametrize("args", [["form", "nef"], ["schema", "answers"], ["show", "nef"],
                                  ["frameworks"], ["recommendations"], ["template", "nef"]])
def test_no_command_replaces_an_answers_file_without_force(
        run: Run, tmp_path: Path, args: list[str]) -> None:
    answers = copy(ANSWERS, tmp_path)
    refused(run, answers, *args, "-o", str(answers))
    assert run(*args, "-o", str(answers), "--force").exit_code == 0
    assert answers.read_bytes() != ANSWERS.read_bytes()


def test_a_framework_file_is_kept_unless_forced(run: Run, tmp_path: Path) -> None:
    framework = copy(FRAMEWORK, tmp_path)
    assert "a framework file" in refused(run, framework, "show", "nef", "-o", str(framework))


def test_coprod_replaces_its_own_reports(run: Run, tmp_path: Path) -> None:
    """A result, a comparison or a schema names dimensions or answers, but is a report. (A
    framework shown as JSON is a framework coprod reads with --framework: kept like one.)"""
    for args in (["score", str(ANSWERS), "-f", "json"], ["score", str(ANSWERS), "-f", "html"],
                 ["compare", str(ANSWERS), str(ANSWERS), "-f", "json"],
                 ["schema", "answers"], ["schema", "framework"], ["show", "nef"]):
        report = tmp_path / "report"
        for _ in range(2):
            result = run(*args, "-o", str(report))
            assert result.exit_code == 0, (args, result.stderr)


def test_a_named_pipe_is_refused_at_once(run: Run, tmp_path: Path) -> None:
    """Writing into a FIFO nobody reads would hang."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "named pipe" in refused(run, fifo, "score", str(ANSWERS), "-o", str(fifo), "--force")


def test_standard_output_by_name_is_still_fine(run: Run) -> None:
    assert run("schema", "answers", "-o", "/dev/stdout").exit_code == 0
    assert run("schema", "answers", "-o", "-").exit_code == 0


def test_every_command_that_writes_says_so_in_its_help(run: Run) -> None:
    """(assess's -o is the answers file it keeps and resumes, not a report.)"""
    for name in set(COMMANDS) - {"assess"}:
        text = " ".join(run(name, "--help").stdout.split())
        if "--output" in text:
            assert "--force" in text and "Never a file this run reads" in text, name


@pytest.mark.parametrize(("path", "kind"), [
    (ANSWERS, "an answers file"), (FRAMEWORK, "a framework file"),
    (ROOT / "frameworks" / "core.yaml", "a framework catalogue"),
    (EXAMPLES / "google-forms-export.csv", "a form export"),
    (ROOT / "README.md", None), (ROOT / "pyproject.toml", None)])
def test_what_coprod_recognises_as_its_own_input(path: Path, kind: str | None) -> None:
    assert recognise(path) == kind


def test_a_csv_that_names_no_statement_is_not_an_export(tmp_path: Path) -> None:
    (tmp_path / "other.csv").write_text("name,age\nAda,36\n")
    assert recognise(tmp_path / "other.csv") is None


@pytest.mark.parametrize("args", [["score", str(ANSWERS)], ["schema", "answers"],
                                  ["template", "nef"]])
def test_a_link_that_leads_back_to_itself_is_one_line(
        run: Run, tmp_path: Path, args: list[str]) -> None:
    """It once ended in exit 3 (Python's RuntimeError for a loop of links)."""
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result = run(*args, "-o", str(loop))
    assert result.exit_code == 2 and "leads back to itself" in result.stderr
