"""The HTML report's first page is a summary that prints on one A4 sheet, the rest after it.

Needs Chromium (CHROMIUM=/path/to/it) and poppler's pdftotext; skipped when either is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext (poppler)"),
]


def _pages(html: Path) -> list[str]:
    pdf = html.with_suffix(".pdf")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")


@pytest.mark.parametrize("args", [["collective-autumn-2026", "--min-group", "1"],
                                  ["nef-not-yet.yaml"], ["scie-intermediate.yaml"]])
def test_the_summary_prints_alone_on_the_first_a4_page(run: Run, tmp_path: Path,
                                                       args: list[str]) -> None:
    report = tmp_path / "report.html"
    out = run("score", str(EXAMPLES / args[0]), *args[1:], "-f", "html", "-o", str(report))
    assert out.exit_code == 0, out.output
    first, second, *_ = _pages(report)
    assert "Summary" in first and "Quickest route to" in first
    assert "The pages that follow" in first, "the summary runs over one page"
    assert "Scores by area" not in first and "Scores by area" in second + "".join(_)


@pytest.mark.parametrize("args", [["collective-autumn-2026", "--min-group", "1"],
                                  ["nef-not-yet.yaml"], ["scie-intermediate.yaml"]])
def test_the_welsh_summary_prints_alone_on_the_first_a4_page_too(run: Run, tmp_path: Path,
                                                                 args: list[str]) -> None:
    """Welsh is longer than English: the summary's words were chosen to keep it on one page."""
    report = tmp_path / "report.html"
    out = run("score", str(EXAMPLES / args[0]), *args[1:], "--lang", "cy", "-f", "html", "-o",
              str(report))
    assert out.exit_code == 0, out.output
    first, second, *rest = _pages(report)
    assert "Crynodeb" in first and "Y llwybr cyflymaf at" in first
    assert "Y tudalennau sy'n dilyn" in first, "the summary runs over one page"
    assert "Sgorau fesul maes" not in first and "Sgorau fesul maes" in second + "".join(rest)


def test_the_progress_report_holds_the_before_and_after_table_on_its_first_page(
        run: Run, tmp_path: Path) -> None:
    report = tmp_path / "progress.html"
    out = run("compare", str(EXAMPLES / "collective-spring-2026"),
              str(EXAMPLES / "collective-autumn-2026"), "-f", "html", "-o", str(report))
    assert out.exit_code == 0, out.output
    first, *_ = _pages(report)
    assert "Overall level of co-production now" in first
    assert "Scores by area before and after, 0 to 3" in first
    for area in ("Assets", "Capacity", "Mutuality", "Networks", "Shared roles", "Catalysts"):
        assert area in first.split("Scores by area before and after")[1], area


def test_the_feedback_sheet_prints_on_one_page_and_each_card_whole(run: Run,
                                                                   tmp_path: Path) -> None:
    team = EXAMPLES / "collective-autumn-2026"
    sheet = tmp_path / "feedback.html"
    assert run("feedback", str(team), "--next-round", "in March 2027", "-o",
               str(sheet)).exit_code == 0
    pages = [page for page in _pages(sheet) if page.strip()]
    assert len(pages) == 1 and "When we will ask again" in pages[0]
    cards = tmp_path / "cards.html"
    assert run("workshop", str(team), "-o", str(cards)).exit_code == 0
    for page in _pages(cards):
        # a card is never split: its heading and its last line are on the same page
        assert page.count("Card ") == page.count("The level we agree")


@pytest.mark.parametrize("whole_area", [False, True])
def test_a_summary_with_answers_that_do_not_apply_still_prints_on_one_a4_page(
        run: Run, tmp_path: Path, whole_area: bool) -> None:
    from tests.report.test_applywords import not_applying_set

    report = tmp_path / "report.html"
    folder = not_applying_set(tmp_path, whole_area=whole_area)
    out = run("score", str(folder), "--min-group", "1", "-f", "html", "-o", str(report))
    assert out.exit_code == 0, out.output
    first, *rest = _pages(report)
    assert "The pages that follow" in first, "the summary runs over one page"
    said = " ".join((first if whole_area else "".join(rest)).lower().split())
    assert "does not apply" in said
