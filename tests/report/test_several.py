"""The results of `score --through` in each format: one page, one heading per result saying
where it came from, ids unique on the page."""

from __future__ import annotations

import re
from collections import Counter

from coprod_cli import __version__
from coprod_cli.reading import crosswalks
from coprod_cli.reading.loader import Library
from coprod_cli.report import Format, several
from coprod_cli.results import Results
from coprod_cli.scoring import through
from coprod_cli.scoring.engine import Tally, score
from tests.builders import CATALOGUE
from tests.conftest import EXAMPLES

LIB = Library.builtin()


def _results(fail_under: str | None = None) -> Results:
    from coprod_cli.reading.inputs import Respondents
    from coprod_cli.reading.paths import expand

    found = crosswalks.load(LIB)
    tally: Tally = Respondents(LIB, expand([str(EXAMPLES / "collective-autumn-2026")], False),
                               keep_people=True).tally()
    scie = LIB.framework("scie")
    scored = through.score_all(
        tally, [(tally.framework, None), (scie, found["nef", "scie"])],
        lambda f, t, h: score(f, CATALOGUE, t, hidden=h, fail_under=fail_under))
    gate = None if fail_under is None else all(r.gate is not None and r.gate.met
                                               for r in scored)
    return Results(tool_version=__version__, gate_met=gate, results=scored)


def test_each_result_has_a_heading_that_says_where_it_came_from() -> None:
    res = _results()
    first, second = (several.heading(r, n, 2) for n, r in enumerate(res.results, 1))
    assert first.endswith("the framework the answers were given to")
    assert "through the crosswalk nef-to-scie from the answers to nef" in second
    assert "17 of 36 statements covered" in second


def test_the_gate_line_names_the_results_below_it() -> None:
    assert several.gate_line(_results()) is None
    line = several.gate_line(_results("intermediate"))
    assert line == "Gate NOT met: every result must meet it, and nef does not."


def test_one_page_holds_both_results_with_unique_ids_and_one_top_heading() -> None:
    page = str(several.render(Format.html, _results(), CATALOGUE))
    assert page.count("<html") == 1 and page.count("<body>") == 1
    assert len(re.findall(r"<h1\b", page)) == 1
    ids = Counter(re.findall(r'\bid="([^"]+)"', page))
    assert [name for name, count in ids.items() if count > 1] == []
    for target in re.findall(r'href="#([^"]+)"', page):
        assert target in ids
    for names in re.findall(r'aria-(?:labelledby|describedby)="([^"]+)"', page):
        assert all(name in ids for name in names.split())


def test_markdown_has_one_top_heading_and_each_result_under_its_own() -> None:
    text = str(several.render(Format.markdown, _results(), CATALOGUE))
    assert len(re.findall(r"^# ", text, flags=re.M)) == 1
    assert text.count("**1 of 2: ") == 1 and text.count("**2 of 2: ") == 1
