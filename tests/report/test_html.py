"""The HTML report: one self-contained, escaped, well-built file whose chart tells the truth."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from html.parser import HTMLParser
from itertools import pairwise
from typing import Any

import pytest

from coprod_cli import __version__
from coprod_cli.models import Framework
from coprod_cli.reading.loader import validated
from coprod_cli.report import View, html
from coprod_cli.results import Result
from coprod_cli.scoring.comparison import compare
from coprod_cli.scoring.engine import Tally, score
from tests.builders import CATALOGUE, FW, answers, result_for
from tests.conftest import EXAMPLES, Run

EVIL = '<script>alert(1)</script><b onmouseover="x()">bold</b>'


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside chosen elements."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, str] = {}
        self._open: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.texts[attributes["id"]] = ""
            self._open.append(attributes["id"])
        elif tag not in {"br", "meta", "circle", "line", "path", "polygon"}:
            self._open.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for key in self._open:
            if key:
                self.texts[key] += data

    def all(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag
                and all(a.get(k.replace("_", "-")) == v for k, v in wanted.items())]


def _hostile_framework() -> Framework:
    rubric = {level: f"{level} {EVIL}" for level in
              ("not-yet", "descriptive", "intermediate", "transformative")}
    return validated(Framework, {
        "id": "test", "name": f"Framework {EVIL}", "version": "1", "text": "t", "plain": "p",
        "source": {"title": "t", "author": "a", "year": 2026}, "credit": "c",
        "dimensions": [{"id": dim, "name": f"{dim} {EVIL}", "text": "t", "plain": "p",
                        "statements": [{"id": f"{dim}-{i}", "text": f"Statement {EVIL}",
                                        "plain": "p", "levels": rubric,
                                        "recommendations": ["culture-1"]} for i in (1, 2)]}
                       for dim in ("alpha", "beta", "gamma")]})


def _hostile_result() -> Result:
    """Markup in every field a user controls: framework text, evidence and file names."""
    fw = _hostile_framework()
    tally = Tally(fw)
    ids = [s.id for s in fw.statements]
    tally.add(answers({sid: {"level": "descriptive", "evidence": f"Minutes {EVIL}"}
                       for sid in ids}, role="carer"), f"{EVIL}.yaml")
    tally.add(answers(dict.fromkeys(ids, "unsure") | {ids[0]: "not-yet"}, role="manager"),
              f"{EVIL}-2.yaml")
    return score(fw, CATALOGUE, tally, min_group=1, show_names=True)


def _example_html(run: Run, *names: str) -> tuple[str, dict[str, Any]]:
    files = [str(EXAMPLES / name) for name in names]
    page = run("score", *files, "--format", "html", "--min-group", "1")
    data = run("score", *files, "--format", "json", "--min-group", "1")
    assert page.exit_code == 0, page.stderr
    return page.stdout, json.loads(data.stdout)


def _comparison_html() -> tuple[str, Any]:
    before = result_for({"alpha-1": 0, "alpha-2": 1, "beta-1": 1, "beta-2": 1, "beta-3": 0})
    after = result_for({"alpha-1": 2, "alpha-2": 2, "beta-1": 1, "beta-2": 3, "beta-3": 0})
    cmp = compare(before, after)
    return html.comparison(cmp, CATALOGUE), cmp


def test_golden_report_for_an_example(run: Run, golden: Callable[[str, str], None]) -> None:
    page, _ = _example_html(run, "nef-descriptive.yaml")
    golden("score-nef-descriptive.html", page.replace(f"coprod {__version__}", "coprod VERSION"))


def test_every_piece_of_user_text_is_escaped() -> None:
    res = _hostile_result()
    pages = [html.result(res, CATALOGUE), html.comparison(compare(res, res), CATALOGUE)]
    for page in pages:
        parsed = Page(page)
        assert not parsed.all("script") and not parsed.all("b")
        assert not [name for _, attrs in parsed.tags for name in attrs if name.startswith("on")]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    page = pages[0]
    for shown in ("Framework &lt;script&gt;", "alpha &lt;script&gt;", "Statement &lt;script&gt;",
                  "Minutes &lt;script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;",
                  "descriptive &lt;script&gt;", ".yaml"):
        assert shown in page
    assert any(EVIL in w for w in res.warnings), "a file name reaches the warnings"


@pytest.mark.parametrize("which", ["single", "collective", "comparison"])
def test_the_file_makes_no_external_request(run: Run, which: str) -> None:
    if which == "comparison":
        page, _ = _comparison_html()
    else:
        names = ["nef-descriptive.yaml"] + (["nef-intermediate.yaml", "nef-not-yet.yaml"]
                                            if which == "collective" else [])
        page, _ = _example_html(run, *names)
    # The footer credits the sources with their links, as they ask (a link a reader may
    # follow, never fetched by the page); nothing else names another address.
    body, _, footer = page.rpartition("<footer")
    assert not re.search(r"https?:|//|url\(|@import", body, re.IGNORECASE)
    assert "thinklocalactpersonal.org.uk" in footer
    parsed = Page(page)
    assert not parsed.all("script") and not parsed.all("link") and not parsed.all("img")
    assert not [a for t, a in parsed.tags if "src" in a]
    assert all(a["href"].startswith("#") for t, a in Page(body).tags if "href" in a)
    assert all(t == "a" and a["href"].startswith("https://")
               for t, a in Page(footer).tags if "href" in a)


def _radar_scores(page: Page) -> dict[str, list[float | None]]:
    """Read each series' scores back from the drawing: distance from the centre over the radius."""
    rings = page.all("circle")
    cx, cy = float(rings[0]["cx"]), float(rings[0]["cy"])
    outer = max(float(r["r"]) for r in rings)
    series: dict[str, list[float | None]] = {}
    for t, attrs in page.tags:
        if t == "g" and "data-series" in attrs:
            label = attrs["data-series"]
            series[label] = []
        elif t == "polygon":
            points = [tuple(map(float, p.split(","))) for p in attrs["points"].split()]
            series[label] = [round(math.dist((cx, cy), p) / outer * 3, 2) for p in points]
    return series


def test_a_single_result_has_its_numbers_in_the_table_beside_the_chart(run: Run) -> None:
    page, data = _example_html(run, "nef-intermediate.yaml")
    table = re.findall(r'<td class="num" data-dimension="([^"]+)">([^<]+)</td>', page)
    assert table == [(d["id"], f"{d['score']:.2f}") for d in data["dimensions"]]
    assert _radar_scores(Page(page))["Score"] == pytest.approx(
        [d["score"] for d in data["dimensions"]], abs=0.01)


def test_the_page_is_built_for_assistive_technology(run: Run) -> None:
    page, _ = _example_html(run, "nef-descriptive.yaml", "nef-intermediate.yaml")
    parsed = Page(page)
    assert parsed.all("html", lang="en-GB")
    assert len(parsed.all("main")) == 1 and parsed.all("header") and parsed.all("footer")
    levels = [int(t[1]) for t, _ in parsed.tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in pairwise(levels)), "no skipped level"
    chart = parsed.all("svg", role="img")
    assert len(chart) == 1
    for ref in chart[0]["aria-labelledby"].split():
        assert parsed.texts[ref].strip()
    assert all(a.get("scope") in {"col", "row"} for a in parsed.all("th"))
    # The legend names each line by its pattern and marker, not by colour alone.
    assert "dashed line, squares" in page and "solid line, circles" in page


def test_a_report_says_what_the_next_level_looks_like_for_each_area() -> None:
    res = result_for({"alpha-1": 0, "alpha-2": 1, "beta-1": 3, "beta-2": 3, "beta-3": 3})
    page = html.result(res, CATALOGUE)
    assert "The next level, Descriptive:" in page  # alpha is at not-yet
    assert "what descriptive looks like" in page  # the statement's own rubric
    assert "This area is at the top level" in page  # beta
    assert "recommendations to reach Descriptive" in page


def test_a_result_with_no_level_still_renders() -> None:
    res = result_for({"alpha-1": 1, "alpha-2": 2} | {s.id: "unsure" for s in FW.statements
                                                     if s.id.startswith("beta")})
    page = html.result(res, CATALOGUE)
    assert "No level" in page and "no score" in page


def test_a_comparison_says_what_each_round_held_back(run: Run) -> None:
    """Like text and Markdown, the page names the groups held back before as well as after."""
    page = run("compare", str(EXAMPLES / "collective-spring-2026"),
               str(EXAMPLES / "collective-autumn-2026"), "--format", "html").stdout
    text = " ".join(page.split())
    assert "(Before) 3 groups with fewer than 3 people are not shown on their own" in text
    assert "(After) 2 groups with fewer than 3 people are not shown on their own" in text


def test_what_if_says_what_it_changes_as_text_and_markdown_do(run: Run) -> None:
    """A page scored --what-if says so and what moved, or its figures read as the real ones."""
    args = ("score", str(EXAMPLES / "collective-autumn-2026"), "--what-if", "networks-1=3",
            "--private")  # exact figures; a shared what-if shows levels (test_sharing)
    page = " ".join(run(*args, "--format", "html").stdout.split())
    markdown = run(*args, "--format", "markdown").stdout
    for line in ("What if networks-1 at Transformative (answered 1.50 out of 3): the overall "
                 "level stays Descriptive.", "Networks: 1.50 out of 3 -&gt; 1.75 out of 3",
                 "Everything below is scored as if those levels were given."):
        assert line in page and line.replace("-&gt;", "->") in markdown


def test_a_report_allows_no_script_and_fetches_nothing(run: Run) -> None:
    """A strict Content-Security-Policy: the page needs no network and runs no script."""
    page = run("score", str(EXAMPLES / "nef-descriptive.yaml"), "--format", "html").stdout
    assert ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"
            in page)
    assert "<script" not in page


def test_each_page_marks_only_its_own_texts_as_in_another_language() -> None:
    """The texts a page marks with lang come with that page's render, not from state left by
    another: a page marking an area English, then one marking nothing, then the first again."""
    res = result_for({"alpha-1": 0, "alpha-2": 1, "beta-1": 3, "beta-2": 3, "beta-3": 3})
    area = res.dimensions[0].name
    marked = View(apart=((area, "en"),))
    first = html.result(res, CATALOGUE, marked)
    plain = html.result(res, CATALOGUE)
    assert f'<span lang="en">{area}</span>' in first
    assert '<span lang="en">' not in plain
    assert html.result(res, CATALOGUE, marked) == first
    assert html.marking(marked)(area) == f'<span lang="en">{area}</span>'
    assert html.marking(View())(area) == area


def test_names_in_another_language_are_marked_inside_a_sentence_as_whole_words() -> None:
    """`own` marks a sentence's parts that are texts in another language, each as a whole
    word and escaped as the rest; ids, versions and links belong to no language and are left
    as they are; with nothing apart (an English page) a sentence is returned untouched."""
    apart = (("Networks", "en"), ("Shared roles", "en"), ("networks-2", "en"), ("3.0.0", "en"),
             ("Network", "en"))
    own = html.marking(View(apart=apart))
    sentence = "Mae <Networks> yma, a Shared roles; networks-2 (3.0.0) a Networksish."
    assert str(own(sentence)) == (
        'Mae &lt;<span lang="en">Networks</span>&gt; yma, a <span lang="en">Shared roles'
        '</span>; networks-2 (3.0.0) a Networksish.')
    assert str(own("Networks")) == '<span lang="en">Networks</span>'
    assert own("Dim byd yma.") == "Dim byd yma." and own.foreign("Networks") == "en"
    assert own.mixes(["Assets", "Shared roles"]) and not own.mixes(["Assets"])
    english = html.marking(View())
    assert english(sentence) is sentence and english.foreign("Networks") is None
