"""A plain-words result ends with the glossary's words it uses, each in plain words."""

from __future__ import annotations

import dataclasses
import html
import json
import re

import pytest

from coprod_cli.questionnaire.flow import mentioned
from coprod_cli.reading.loader import Library
from coprod_cli.report import View, glossarywords
from tests.conftest import EXAMPLES, Run

AUTUMN = str(EXAMPLES / "collective-autumn-2026")
GLOSSARY = Library.builtin().catalogue.glossary
HEADINGS = {"text": "Words used here\n===============\n", "markdown": "### Words used here\n"}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("details", [False, True])
def test_a_plain_result_explains_each_glossary_word_it_uses_and_no_other(
        run: Run, monkeypatch: pytest.MonkeyPatch, fmt: str, details: bool) -> None:
    """Every word of the glossary that the result above the list uses is explained, in the
    glossary's order, and nothing else is (the sources' titles and the hint are not read)."""
    monkeypatch.setenv("COLUMNS", "400")  # no line wrapped inside a word such as co-design
    out = run("score", AUTUMN, "--plain", "-f", fmt, *(["--details"] if details else [])).stdout
    above, heading, below = out.partition(HEADINGS[fmt])
    assert heading, out
    listed = below.split("\n\n")[1] if fmt == "markdown" \
        else "\n".join(below.split("\n\n")[0].splitlines()[1:])  # after the line saying what
    listed = listed.splitlines()
    expected = mentioned(above, GLOSSARY)
    assert len(expected) >= 8 and {"co-design", "commissioner"} <= {e.term for e in expected}
    bullet = "- " if fmt == "markdown" else ""
    bold = "**" if fmt == "markdown" else ""
    assert listed == [f"{bullet}{bold}{e.term}{bold}: {e.plain}" for e in expected]


def test_without_plain_and_in_json_no_words_are_listed(run: Run) -> None:
    for args in ((), ("-f", "markdown"), ("-f", "html"), ("--plain", "-f", "json")):
        assert "Words used here" not in run("score", AUTUMN, *args).stdout, args
    plain = json.loads(run("score", AUTUMN, "--plain", "-f", "json").stdout)
    assert plain == json.loads(run("score", AUTUMN, "-f", "json").stdout)


def _page_words(page: str) -> tuple[list[str], list[str], list[str]]:
    """The terms and meanings a page lists, and the glossary's words its main part uses
    above the list (its tags left out)."""
    before, _, words = page.partition('<h2 id="words-heading">')
    words = words.partition("</section>")[0]
    body = html.unescape(re.sub(r"<[^>]+>", " ", before.partition("<main")[2]))
    return (re.findall(r"<dt><strong>(.*?)</strong></dt>", words),
            re.findall(r"<dd>(.*?)</dd>", words), [e.term for e in mentioned(body, GLOSSARY)])


def test_the_page_explains_the_words_of_every_section_and_marks_them_english_in_welsh(
        run: Run) -> None:
    """The HTML page shows the details view's sections, so its list covers them; in a Welsh
    page the glossary (no Welsh yet) is English, each term and meaning marked lang="en"."""
    terms, _, used = _page_words(run("score", AUTUMN, "--plain", "-f", "html").stdout)
    assert terms == used and len(terms) >= 20 and "commissioner" in terms
    welsh = run("score", AUTUMN, "--plain", "-f", "html", "--lang", "cy").stdout
    marked, meanings, used = _page_words(welsh)
    assert "Geiriau a ddefnyddir yma" in welsh and len(marked) >= 8
    assert marked == [f'<span lang="en">{term}</span>' for term in used]
    assert all(dd.startswith('<span lang="en">') and dd.endswith("</span>") for dd in meanings)


def test_a_result_that_uses_no_word_of_the_glossary_lists_none(run: Run) -> None:
    from coprod_cli.reading.inputs import Respondents
    from coprod_cli.reading.paths import expand
    from coprod_cli.scoring.engine import score

    library = Library.builtin()
    tally = Respondents(library, expand([AUTUMN])).tally()
    res = score(tally.framework, library.catalogue, tally)
    empty = dataclasses.replace(library.catalogue, glossary=())
    view = View(plain=True)
    assert glossarywords.text_part(res, empty, view) == []
    assert glossarywords.markdown_part(res, empty, view) == []
    page = "<main>co-design and a commissioner</main><footer>co-production</footer>"
    assert glossarywords.in_page(page, empty) == []
    assert [e.term for e in glossarywords.in_page(page, library.catalogue)] == \
        ["co-design", "commissioner"]
    assert glossarywords.text_part(res, library.catalogue, view)


def test_words_in_brackets_are_read_as_the_text_report_shows_them() -> None:
    """An added framework's area named with brackets ('[/x]', '[tokenism]'): the words are
    found as the report prints them, never read as rich's markup (a closing tag that opens
    nothing stopped `score --plain` with a bug, and a word in brackets was not found)."""
    from coprod_cli.reading.inputs import Respondents
    from coprod_cli.reading.paths import expand
    from coprod_cli.scoring.engine import score

    library = Library.builtin()
    tally = Respondents(library, expand([AUTUMN])).tally()
    res = score(tally.framework, library.catalogue, tally)
    first = dataclasses.replace(res.dimensions[0],
                                name=f"{res.dimensions[0].name} [/x] [tokenism]")
    named = dataclasses.replace(res, dimensions=[first, *res.dimensions[1:]])
    view = View(plain=True)
    listed = [part.plain.partition(":")[0] for part in
              glossarywords.text_part(named, library.catalogue, view)[3:]]
    assert "tokenism" in listed
    assert "tokenism" not in [part.plain.partition(":")[0] for part in
                              glossarywords.text_part(res, library.catalogue, view)[3:]]
