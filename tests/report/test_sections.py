"""Text, Markdown and HTML show a result's and a comparison's sections in the one order that
report/sections.py names: each section is found by words only it shows, in that order."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from coprod_cli.report import Format, View, phrases, renderer
from coprod_cli.report.html import environment
from coprod_cli.report.sections import (
    ComparisonSection,
    Section,
    comparison_sections,
    result_sections,
)
from coprod_cli.results import Result
from tests.builders import CATALOGUE
from tests.conftest import EXAMPLES, render_text
from tests.report.test_renderers import _comparison

# Words that only one section shows, where the formats put them differently.
SHARED = {Section.headline: "In plain words:", Section.findings: "within a level of each other",
          Section.what_if: "Everything below is scored",
          Section.gate: "Gate NOT met", Section.promises: "promised moves done",
          Section.gaps: "rests on one person",
          Section.weakest: "Weakest principle", Section.meanings: "Intermediate means",
          Section.warnings: "Only one person answered as Commissioner",
          Section.route: "Quickest route to", Section.plan: "SCIE's recommendations to reach",
          Section.agreed: "Agreed together",
          Section.evidence: "Evidence given with the answers",
          Section.words: "Words used here", Section.credits: "Sources: NEF, SCIE"}
MARKERS = {
    "text": {**SHARED, Section.areas: "0 ... 3", Section.by_role: "By voice and role",
             Section.lenses: "By principle, scope and activity"},
    "markdown": {**SHARED, Section.areas: "| area | score |", Section.credits: "Credit: Adapted",
                 Section.by_role: "By voice and role",
                 Section.lenses: "By principle, scope and activity"},
}
# The HTML page is a summary (the short view), then the pages the details view adds; each
# section found there by words of its own.
SUMMARY = {**{s: words for s, words in SHARED.items()
              if s not in (Section.credits, Section.words)},
           Section.areas: "Each area, scored 0 to 3",
           Section.agreed: "The agreed levels are after this summary",
           Section.hint: "The pages that follow"}
PAGES = {Section.gaps: "Where people see it differently", Section.areas: "Scores by area</h2>",
         Section.by_role: "Scores by area, voice and role",
         Section.lenses: "Scores by principle, scope and activity",
         Section.route: "route in full", Section.plan: "Each area and its next level",
         Section.agreed: "Agreed together</h2>",
         Section.evidence: "Evidence given with the answers</h2>",
         Section.words: "Words used here</h2>"}

FULL = View(details=True, plain=True)


@pytest.fixture(scope="module")
def everything() -> tuple[Result, Any]:
    """A collective result with every section: what-if, a gate, a plan checked, gaps,
    warnings, lenses, the levels agreed together."""
    from coprod_cli.agreed import Agreed, AgreedLevel
    from coprod_cli.reading.inputs import Respondents
    from coprod_cli.reading.loader import Library
    from coprod_cli.reading.paths import expand
    from coprod_cli.scoring.engine import score

    library = Library.builtin()
    tally = Respondents(library, expand([str(EXAMPLES / "collective-autumn-2026")])).tally()
    res = score(tally.framework, library.catalogue, tally, fail_under="transformative",
                target="transformative",
                what_if={"networks-1": "transformative"}, min_group=1)
    import dataclasses
    import datetime

    from coprod_cli.scoring import plancheck
    from coprod_cli.scoring.agreement import apply

    day = datetime.date(2026, 12, 1)
    res = dataclasses.replace(res, plan_check=plancheck.check(plancheck.make(res, day), res, day))
    agreed = Agreed(framework="nef", agreed={"assets-1": AgreedLevel(level="descriptive")})
    return apply(res, tally.framework, agreed), library.catalogue


def in_order(text: str, shown: tuple[Section, ...], markers: dict[Section, str]) -> list[str]:
    """The sections as the text shows them, by where each one's words first appear."""
    found = {section: text.find(markers[section]) for section in shown if section in markers}
    missing = [section.value for section, at in found.items() if at < 0]
    assert not missing, f"not shown: {missing}"
    return [section.value for section in sorted(found, key=found.__getitem__)]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("view", [View(), FULL, View(plain=True), View(details=True)], ids=repr)
def test_text_and_markdown_show_the_sections_in_the_one_order(
        everything: tuple[Result, Any], fmt: str, view: View) -> None:
    res, catalogue = everything
    text = render_text(renderer(Format(fmt)).result(res, catalogue, view))
    shown = result_sections(view)
    markers = {**MARKERS[fmt], Section.hint: phrases.more_hint(view.details)[:16]}
    if fmt == "text" and view.details:
        markers[Section.credits] = "Credit: Adapted"
    assert in_order(text, shown, markers) == [s.value for s in shown]


def test_html_shows_the_short_view_then_the_details_in_the_one_order(
        everything: tuple[Result, Any]) -> None:
    res, catalogue = everything
    page = renderer(Format.html).result(res, catalogue, View(plain=True))
    summary, _, rest = str(page).partition("</section>")
    short, details = result_sections(View(plain=True)), result_sections(FULL)
    # HTML credits the sources in the footer of the page, after every section, and explains
    # the words after the last page (the summary's are among them).
    assert in_order(summary, short, SUMMARY) == [s.value for s in short
                                                 if s not in (Section.credits, Section.words)]
    assert in_order(rest, details, PAGES) == [s.value for s in details if s in PAGES]
    footer = str(page).rpartition("<footer")[2]
    assert "Sources:" in footer and 'href="https://www.thinklocalactpersonal.org.uk/' in footer


def test_a_section_is_shown_only_under_its_view() -> None:
    assert Section.plan not in result_sections(View())
    assert Section.plan in result_sections(View(details=True))
    assert Section.meanings in result_sections(View(plain=True))
    assert Section.words in result_sections(View(plain=True))
    assert Section.words not in result_sections(View(details=True))
    assert Section.hint not in result_sections(View(hint=False))
    assert ComparisonSection.meanings not in comparison_sections(View())


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_every_section_has_a_part_in_each_format(fmt: str) -> None:
    module: Any = renderer(Format(fmt))
    assert set(module.RESULT) == set(Section)
    compared: Any = importlib.import_module(f"coprod_cli.report.comparison_{fmt}")
    assert set(compared.COMPARISON) == set(ComparisonSection)


def test_every_section_has_its_html_macros() -> None:
    """A summary part for each section of the short view, a page for each of the details."""
    macros = environment().get_template("sections.html.j2").module
    for section in result_sections(View(plain=True)):
        assert callable(getattr(macros, f"brief_{section.value}", None)), section
    for section in result_sections(View(details=True, hint=False)):
        assert callable(getattr(macros, f"page_{section.value}", None)), section


COMPARED = {
    "text": {ComparisonSection.headline: "Overall score", ComparisonSection.regression:
             "REGRESSION", ComparisonSection.changes: "level before",
             ComparisonSection.meanings: "Descriptive means", ComparisonSection.warnings:
             "Warning", ComparisonSection.credits: "Sources: "},
    "markdown": {ComparisonSection.headline: "Overall score", ComparisonSection.regression:
                 "Regression", ComparisonSection.changes: "level before",
                 ComparisonSection.meanings: "Descriptive means",
                 ComparisonSection.warnings: "Warning", ComparisonSection.credits: "Credit:"},
    "html": {ComparisonSection.headline: "overall-heading", ComparisonSection.regression:
             "regression-heading", ComparisonSection.changes: "scores-heading",
             ComparisonSection.meanings: "Descriptive means",
             ComparisonSection.warnings: "warnings-heading"},
}


@pytest.mark.parametrize("fmt", list(COMPARED))
def test_a_comparison_shows_its_sections_in_the_one_order(fmt: str) -> None:
    view, cmp = View(plain=True), _comparison()
    text = render_text(renderer(Format(fmt)).comparison(cmp, CATALOGUE, view))
    warned = cmp.warnings or cmp.before.warnings or cmp.after.warnings
    shown = tuple(s for s in comparison_sections(view)
                  if warned or s is not ComparisonSection.warnings)
    if fmt == "html":  # credited in the page's footer, after every section
        shown = tuple(s for s in shown if s is not ComparisonSection.credits)
    markers: Any = COMPARED[fmt]
    assert in_order(text, shown, markers) == [s.value for s in shown]
