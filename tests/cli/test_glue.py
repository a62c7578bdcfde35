"""Help that reads like the rest of coprod, and usage errors in its own one-line style."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Run

COMMANDS = ["frameworks", "show", "recommendations", "template", "assess", "score", "compare",
            "validate", "schema", "form"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_no_type_noise_one_usage_style_and_an_example(
        run: Run, command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run(command, "--help").stdout
    assert not re.search(r"<(bool|str|int|path|list\[[^>]*)>", out), out
    usage = out.splitlines()[0]
    assert "{" not in usage and "[[" not in usage and ".]" not in usage, usage
    assert "Examples:\n    coprod " + command in out
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("command", COMMANDS)
def test_help_never_claims_easy_read(run: Run, command: str) -> None:
    """Easy read is a format made with pictures and tested with readers: coprod's plain words
    are not it, so no help calls them that."""
    out = " ".join(run(command, "--help").stdout.split()).casefold()
    assert not re.search(r"easy[\s-]?read", out), command


def test_code_readme_and_docs_never_say_easy_read() -> None:
    from tests.conftest import ROOT

    files = [*(ROOT / "src" / "coprod_cli").rglob("*.*"), ROOT / "README.md",
             *(ROOT / "docs").rglob("*.*")]
    found = [str(path.relative_to(ROOT)) for path in files if path.suffix not in (".pyc", ".mo")
             and re.search(r"easy[\s-]?read", path.read_text(encoding="utf-8"), re.I)]
    assert not found


@pytest.mark.parametrize(("command", "usage"), [
    ("score", "Usage: coprod score [OPTIONS] FILE..."),
    ("compare", "Usage: coprod compare [OPTIONS] BEFORE AFTER"),
    ("assess", "Usage: coprod assess [OPTIONS] [FRAMEWORK]"),
    ("show", "Usage: coprod show [OPTIONS] FRAMEWORK"),
])
def test_usage_lines_are_coprods_whichever_typer(run: Run, command: str, usage: str) -> None:
    assert run(command, "--help").stdout.splitlines()[0] == usage


@pytest.mark.parametrize(("args", "says"), [
    (["score", "x.yaml", "--detials"], "error: no such option: --detials (did you mean "
     "--details?); see 'coprod score --help'"),
    (["score", "x.yaml", "--min-group", "0"], "error: --min-group: must be 1 or more; see "
     "'coprod score --help'"),
    (["score", "x.yaml", "--min-group", "abc"], "error: --min-group: 'abc' is not a whole "
     "number; see 'coprod score --help'"),
    (["score", "x.yaml", "-f", "pdf"], "error: --format: 'pdf' is not one of text, json, "
     "markdown, html; see 'coprod score --help'"),
    (["score", "x.yaml", "-f", "jsn"], "error: --format: 'jsn' is not one of text, json, "
     "markdown, html (did you mean 'json'?); see 'coprod score --help'"),
    (["schema", "answer"], "error: NAME: 'answer' is not one of framework, answers, result, "
     "comparison, trend, plan, catalogue, agreed, results, crosswalk (did you mean "
     "'answers'?); see 'coprod schema --help'"),
    (["score", "x.yaml", "-o", "."], "error: --output: '.' is a folder, not a file; see "
     "'coprod score --help'"),
    (["score", "x.yaml", "-f"], "error: -f needs a value after it; see 'coprod score --help'"),
    (["score", "x.yaml", "--details=yes"], "error: --details is a switch and takes no value; "
     "see 'coprod score --help'"),
    (["score"], "error: FILE is missing; see 'coprod score --help'"),
    (["compare", "before.yaml"], "error: AFTER is missing; see 'coprod compare --help'"),
    (["compare", "a", "b", "c"], "error: more arguments than the command takes (quote a name "
     "that has spaces in it); see 'coprod compare --help'"),
    (["bogus"], "error: no such command 'bogus'; see 'coprod --help'"),
    (["sco", "x.yaml"], "error: no such command 'sco' (did you mean 'score'?); see "
     "'coprod --help'"),
    (["--debug"], "error: no command given; see 'coprod --help'"),
])
def test_usage_errors_are_one_line_in_coprods_words(run: Run, args: list[str],
                                                     says: str) -> None:
    """The whole line is coprod's, whichever click or typer words the error underneath."""
    out = run(*args)
    assert out.exit_code == 2
    assert out.stderr == says + "\n"


def test_a_table_is_printed_safe_and_left_as_it_was() -> None:
    """The console prints a safe copy, built through rich's public calls: the renderer's own
    table keeps its cells, and a cell's control characters are shown, never sent."""
    import io

    from rich.table import Table

    from coprod_cli.cli.glue import console, safe

    table = Table("Area", title="Scores \x1b[2J")
    table.add_row("culture\x1b]0;pwned\x07", end_section=True)
    shown = safe(table)
    assert [list(column.cells) for column in table.columns] == [["culture\x1b]0;pwned\x07"]]
    assert shown is not table and shown.rows[0].end_section
    buffer = io.StringIO()
    console(True, file=buffer, width=60).print(table)
    assert "\x1b" not in buffer.getvalue() and "\\x1b" in buffer.getvalue()


def test_output_that_is_no_terminal_has_no_line_padded_with_spaces() -> None:
    import io

    from rich.table import Table
    from rich.text import Text

    from coprod_cli.cli.glue import console

    file = io.StringIO()
    grid = Table.grid(padding=(0, 2))
    grid.add_row("1", "a short cell")
    grid.add_row("22", "a cell long enough to wrap " * 4)
    console(True, file=file, width=40).print(Text("words that wrap at forty columns " * 3), grid)
    shown = file.getvalue()
    assert shown.count("\n") >= 8  # it wrapped, as it would have padded
    assert [line for line in shown.splitlines() if line != line.rstrip()] == []
    assert "a short cell\n" in shown


def test_a_prompt_keeps_its_space_when_what_follows_goes_on_the_same_line() -> None:
    import io

    from coprod_cli.cli.glue import Unpadded

    file = io.StringIO()
    stream = Unpadded(file)
    stream.write("Your answer:  ")
    assert file.getvalue() == "Your answer:"  # the spaces wait: the line may end here
    stream.write("2\nNext:  ")
    stream.write("\n")
    assert file.getvalue() == "Your answer:  2\nNext:\n"
    assert stream.isatty() is False
