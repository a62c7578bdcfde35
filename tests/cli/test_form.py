"""coprod form: an online form's outline whose export coprod reads back as it comes."""

from __future__ import annotations

import pytest

from coprod_cli.reading.loader import Library
from tests.conftest import Run

LIB = Library.builtin()


def questions(markdown: str) -> list[tuple[str, list[str]]]:
    """Each bold title in the Markdown outline with the choices listed under it."""
    found: list[tuple[str, list[str]]] = []
    for line in markdown.splitlines():
        if line.startswith("**") and line.endswith("**"):
            found.append((line.strip("*").replace("\\", ""), []))
        elif line.startswith("- ") and found:
            found[-1][1].append(line[2:].replace("\\", ""))
    return found


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_plain_outline_offers_the_plain_rows_as_choices(run: Run, fmt: str) -> None:
    plain = run("form", "scie", "--plain", "--format", fmt).stdout
    full = run("form", "scie", "--format", fmt).stdout
    for statement in LIB.framework("scie").statements:
        for level in ("not-yet", "descriptive", "intermediate", "transformative"):
            assert statement.levels.at(level) not in plain, (statement.id, level)
            assert statement.row(level, plain=True) in plain.replace("\\", "")
            assert statement.levels.at(level) in full.replace("\\", "")


def test_an_unknown_framework_is_a_usage_error(run: Run) -> None:
    result = run("form", "nope")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
