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
