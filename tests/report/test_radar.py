"""The radar chart's geometry: it draws the numbers the result holds."""

from __future__ import annotations

import pytest

from tests.conftest import Run
from tests.report.test_html import Page, _comparison_html, _example_html, _radar_scores


def test_the_chart_draws_the_numbers_in_the_json_result(run: Run) -> None:
    page, data = _example_html(run, "nef-descriptive.yaml", "nef-intermediate.yaml")
    parsed = Page(page)
    drawn = _radar_scores(parsed)
    assert drawn["Everyone"] == pytest.approx([d["score"] for d in data["dimensions"]], abs=0.01)
    for voice in data["by_voice"]:
        expected = [voice["dimensions"][d["id"]] for d in data["dimensions"]]
        assert drawn[voice["name"]] == pytest.approx(expected, abs=0.01)
    assert not {role["name"] for role in data["by_role"]} & set(drawn), \
        "roles stay in the table: one line per role cannot be read"
    markers = {(a["data-dimension"], a["data-score"]) for a in parsed.all("path")
               if "data-score" in a}
    assert {(d["id"], f"{d['score']:.2f}") for d in data["dimensions"]} <= markers


def test_a_comparison_draws_before_and_after_on_one_chart() -> None:
    page, cmp = _comparison_html()
    drawn = list(_radar_scores(Page(page)).values())
    assert drawn == [[d.before_score for d in cmp.dimensions],
                     [d.after_score for d in cmp.dimensions]]
    assert "The overall level went up" in page and "up 1.50" in page
