"""Every output names the framework's sources as they ask: its own, those it cites, the levels'."""

from __future__ import annotations

import json

import pytest

from coprod_cli import credits
from coprod_cli.models import Framework
from coprod_cli.plain import to_data
from coprod_cli.reading.loader import Library, validated
from coprod_cli.report import Format, View, renderer
from tests.builders import CATALOGUE, FW, result_for
from tests.conftest import EXAMPLES, Run, render_text

LIBRARY = Library.builtin()
TLAP = "https://www.thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-co-production/"


def test_a_framework_is_credited_with_its_own_source_first_then_what_it_cites() -> None:
    nef = credits.sources_for(LIBRARY.framework("nef"), CATALOGUE)
    authors = [source.author for source in nef]
    assert authors[0].startswith("New Economics Foundation (NEF) and NESTA")
    assert any(a.startswith("Social Care Institute for Excellence") for a in authors)
    assert any(a.startswith("Think Local Act Personal (TLAP) and its National Co-production "
                            "Advisory Group (NCAG)") for a in authors)
    assert [s.url for s in nef].count(TLAP) == 1
    scie = credits.sources_for(LIBRARY.framework("scie"), CATALOGUE)
    assert scie[0].title == "Co-production: what it is and how to do it" and scie[0].year == 2022
    assert len({s.title for s in scie}) == len(scie)  # the guide once, not twice


def test_an_added_framework_is_credited_with_its_source_and_the_levels() -> None:
    sources = credits.sources_for(FW, CATALOGUE)
    assert sources[0].author == "a"
    assert credits.ladder(sources) is not None
    assert any(s.author.startswith("Catherine Needham and Sarah Carr") for s in sources)


def test_the_short_credit_is_two_lines_with_tlaps_link_whole_in_80_columns() -> None:
    nef = credits.sources_for(LIBRARY.framework("nef"), CATALOGUE)
    short = credits.lines("credit", nef, full=False)
    assert short == ["Sources: NEF, SCIE and others (--details); levels after TLAP and NCAG's "
                     "ladder:", TLAP.removeprefix("https://www.")]
    assert all(len(line) <= 80 for line in short)
    ladder = credits.lines("credit", credits.sources_for(LIBRARY.framework("ladder"), CATALOGUE),
                           full=False)
    assert ladder == ["Sources: SCIE and others (--details); built on TLAP and NCAG's ladder:",
                      TLAP.removeprefix("https://www.")]
    full = credits.lines("The credit.", nef, full=True)
    assert full[0] == "Credit: The credit."
    assert f'"Ladder of co-production" (2016): {TLAP}' in full[-2]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize("details", [False, True])
def test_every_result_format_names_nef_scie_and_tlap_with_its_link(
        run: Run, fmt: str, details: bool) -> None:
    args = ["score", str(EXAMPLES / "nef-intermediate.yaml"), "-f", fmt]
    out = " ".join(run(*args, *(["--details"] if details else [])).stdout.split())
    if fmt == "json":
        data = json.loads(out)
        assert data["credit"].startswith("Adapted in coprod's own words from the six elements")
        assert TLAP in [s["url"] for s in data["sources"]]
        return
    assert "NEF" in out and "SCIE" in out and "TLAP" in out
    assert TLAP.removeprefix("https://www.") in out
    if fmt != "text" or details:
        assert "the six elements of co-production" in out
        assert '"Co-production: what it is and how to do it" (2022)' in out or \
            "<cite>Co-production: what it is and how to do it</cite> (2022)" in out


@pytest.mark.parametrize(("command", "fmt"), [("workshop", "html"), ("workshop", "markdown"),
                                             ("workshop", "json"), ("feedback", "html"),
                                             ("feedback", "markdown")])
def test_the_workshop_cards_and_the_feedback_sheet_credit_the_sources_too(
        run: Run, command: str, fmt: str) -> None:
    """They show the framework's statements and levels, so they credit them as a result does:
    the framework's credit, which names TLAP's ladder with its link."""
    out = run(command, str(EXAMPLES / "collective-autumn-2026"), "-f", fmt).stdout
    if fmt == "json":
        data = json.loads(out)
        assert data["credit"].startswith("Adapted in coprod's own words from the six elements")
        assert TLAP in [s["url"] for s in data["sources"]]
        return
    flat = " ".join(out.split()).replace("&#39;", "'")
    assert "Adapted in coprod's own words from the six elements" in flat
    assert TLAP in out  # every framework's credit holds the ladder's link (tested below)


def test_every_builtin_frameworks_credit_names_tlaps_ladder_with_its_link() -> None:
    """The feedback sheet (one printed page) credits the sources by the framework's credit
    alone, so that credit carries the link TLAP asks for."""
    for framework in LIBRARY.frameworks():
        assert TLAP in framework.credit, framework.id


def test_a_comparison_names_the_sources_in_every_format() -> None:
    from coprod_cli.scoring.comparison import compare

    cmp = compare(result_for({"alpha-1": 0, "alpha-2": 1, "beta-1": 1, "beta-2": 1,
                              "beta-3": 0}),
                  result_for({"alpha-1": 2, "alpha-2": 2, "beta-1": 1, "beta-2": 3,
                              "beta-3": 0}))
    for fmt in ("text", "markdown", "html"):
        out = render_text(renderer(Format(fmt)).comparison(cmp, CATALOGUE, View()))
        assert TLAP.removeprefix("https://www.") in out, fmt
    assert cmp.after.sources and cmp.after.credit == "c"


def test_a_source_link_that_is_not_a_web_address_is_shown_never_linked() -> None:
    data = to_data(FW, by_alias=True)
    data["source"]["url"] = "javascript:alert(1)"
    framework = validated(Framework, data)
    page = render_text(renderer(Format.html).result(
        result_for({"alpha-1": 1, "alpha-2": 1, "beta-1": 1, "beta-2": 1, "beta-3": 1},
                   framework=framework), CATALOGUE, View()))
    assert "javascript:alert(1)" in page and 'href="javascript' not in page
