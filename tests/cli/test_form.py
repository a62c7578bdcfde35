"""coprod form: an online form's outline whose export coprod reads back as it comes."""

from __future__ import annotations

from pathlib import Path

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


def test_the_web_questionnaire_names_the_service_and_where_to_send_it_escaped(
        run: Run, tmp_path: Path) -> None:
    import json
    import re

    out = tmp_path / "q.html"
    result = run("form", "nef", "-f", "html", "-o", str(out), "--service",
                 "Riverside <b>Day</b>\n Centre", "--send-to", "Sam & <script>x</script>")
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<b>Day" not in page and "<script>x" not in page
    assert "For: <strong>Riverside &lt;b&gt;Day&lt;/b&gt; Centre</strong>" in page
    sent = '<strong class="send-to">Sam &amp; &lt;script&gt;x&lt;/script&gt;</strong>'
    assert page.count(sent) == 4  # twice in each language
    data = json.loads(re.search(r'<script type="application/json" id="coprod-form">(.*?)</script>',
                                page, re.DOTALL).group(1))  # type: ignore[union-attr]
    assert data["service"] == "Riverside <b>Day</b> Centre"
    assert data["stem"] == "coprod-nef-riverside-b-day-b-centre"
    assert "coprod-nef-riverside-b-day-b-centre-ROLE-DATE.yaml" in page


def test_service_and_send_to_are_only_for_the_web_questionnaire(run: Run) -> None:
    result = run("form", "nef", "--service", "Riverside")
    assert result.exit_code == 2 and "--format html" in result.stderr
    long = run("form", "nef", "-f", "html", "--send-to", "x" * 301)
    assert long.exit_code == 2 and "keep it to 300 characters" in long.stderr
