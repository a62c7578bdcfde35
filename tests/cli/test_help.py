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


@pytest.mark.parametrize(("command", "usage"), [
    ("score", "Usage: coprod score [OPTIONS] FILE..."),
    ("compare", "Usage: coprod compare [OPTIONS] BEFORE AFTER"),
    ("assess", "Usage: coprod assess [OPTIONS] [FRAMEWORK]"),
    ("show", "Usage: coprod show [OPTIONS] FRAMEWORK"),
])
def test_usage_lines_are_coprods_whichever_typer(run: Run, command: str, usage: str) -> None:
    assert run(command, "--help").stdout.splitlines()[0] == usage


def test_top_level_help_names_the_exit_codes_and_the_formats(run: Run) -> None:
    out = run("--help").stdout
    for code in ("0    done", "1    a gate not met", "2    invalid input or usage",
                 "3    a bug in coprod", "130  interrupted"):
        assert code in out
    assert all(fmt in out for fmt in ("text (", "json (", "markdown (", "html ("))
    assert "..." not in out.split("Commands:")[1].split("Report formats")[0]


@pytest.mark.parametrize(("args", "says"), [
    (["score", "x.yaml", "--detials"], "error: no such option: --detials (did you mean "
     "--details?); see 'coprod score --help'"),
    (["score", "x.yaml", "--min-group", "0"], "error: --min-group: must be 1 or more"),
    (["score", "x.yaml", "-f", "pdf"], "error: --format: 'pdf' is not one of"),
    (["score", "x.yaml", "-o", "."], "error: --output: file '.' is a directory"),
    (["score"], "error: FILE is missing"),
    (["compare", "before.yaml"], "error: AFTER is missing"),
    (["bogus"], "error: no such command 'bogus'"),
])
def test_usage_errors_are_one_line_in_coprods_style(run: Run, args: list[str],
                                                     says: str) -> None:
    out = run(*args)
    assert out.exit_code == 2
    assert out.stderr.startswith(says) and out.stderr.count("\n") == 1, out.stderr
    for wording in ("Usage:", "Try '", "Input should", "Value error", "x>="):
        assert wording not in out.stderr
