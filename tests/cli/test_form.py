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


def _rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the web pages rendered (each costs about 50 ms)."""
    from coprod_cli.report import webform

    made: list[str] = []
    render = webform.page

    def counted(read: dict[str, object], opening: str = "en", **options: object) -> str:
        made.append(opening)
        return render(read, opening, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(webform, "page", counted)
    return made


@pytest.mark.parametrize(("framework", "options"), [
    ("nef", ()), ("nef", ("--plain",)), ("nef", ("--lang", "cy")),
    ("wales", ("--lang", "cy", "--plain")), ("scie", ())])
def test_a_kept_web_questionnaire_is_the_rendered_one_to_the_byte(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, framework: str,
        options: tuple[str, ...]) -> None:
    made = _rendered(monkeypatch)
    first, second = (run("form", framework, "-f", "html", *options) for _ in range(2))
    monkeypatch.setenv("COPROD_NO_CACHE", "1")
    fresh = run("form", framework, "-f", "html", *options)
    assert first.exit_code == second.exit_code == fresh.exit_code == 0, first.stderr
    assert first.stdout == second.stdout == fresh.stdout
    assert len(made) == 2  # the second page came from the cache
    assert len(list(fresh_cache.glob("web-questionnaire-*.json"))) == 1


def test_each_language_and_plain_is_kept_apart(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {options: run("form", "nef", "-f", "html", *options).stdout
             for options in [(), ("--plain",), ("--lang", "cy"), ("--lang", "cy", "--plain")]}
    again = {options: run("form", "nef", "-f", "html", *options).stdout for options in pages}
    assert again == pages and len(set(pages.values())) == 4
    assert pages[("--lang", "cy")].startswith('<!DOCTYPE html>\n<html lang="cy"')
    assert len(list(fresh_cache.glob("web-questionnaire-*.json"))) == 4


def test_a_page_is_rendered_again_when_anything_it_is_made_from_changes(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coprod_cli.reading import stamp

    made = _rendered(monkeypatch)
    run("form", "nef", "-f", "html")
    made_from = stamp.made_from
    monkeypatch.setattr(stamp, "made_from", lambda *names: made_from(*names) + b"x 1 2\n")
    run("form", "nef", "-f", "html")
    assert len(made) == 2


def test_a_page_with_a_service_an_address_or_an_added_framework_is_never_kept(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch,
        added_framework: Path) -> None:
    made = _rendered(monkeypatch)
    mine = added_framework
    for options in [("nef", "--service", "Riverside"), ("nef", "--send-to", "sam@example.org"),
                    ("mine", "--framework", str(mine))]:
        for _ in range(2):
            result = run("form", *options, "-f", "html")
            assert result.exit_code == 0, result.stderr
    assert len(made) == 6 and not list(fresh_cache.glob("web-questionnaire-*"))
    assert not any(b"sam@example.org" in kept.read_bytes() for kept in fresh_cache.iterdir())


def test_a_planted_or_altered_page_is_never_shown(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    truth = run("form", "nef", "-f", "html").stdout
    (kept,) = fresh_cache.glob("web-questionnaire-*.json")
    header, _, body = kept.read_bytes().partition(b"\n")
    assert b"<form" in body
    kept.write_bytes(header + b"\n" + body.replace(b"<form", b"<form action=evil", 1))
    assert run("form", "nef", "-f", "html").stdout == truth  # the data's digest is wrong
    kept.write_bytes(header + b"\n" + body)
    kept.chmod(0o666)  # a well-formed file others could have written
    made = _rendered(monkeypatch)
    assert run("form", "nef", "-f", "html").stdout == truth and len(made) == 1


def test_a_kept_web_questionnaire_reads_no_framework_and_renders_nothing(
        tmp_path: Path) -> None:
    from tests.conftest import modules_of_a_warm_run

    modules = modules_of_a_warm_run(["form", "nef", "-f", "html"], tmp_path)
    assert "coprod_cli.reading.stamp" in modules  # it did look in the cache
    assert not {"coprod_cli.reading.loader", "coprod_cli.report.webform", "jinja2", "yaml",
                "pydantic"} & set(modules)
