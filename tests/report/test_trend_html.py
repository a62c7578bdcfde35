"""The trend as a page: a chart with a text alternative, the same figures in tables, every
label escaped, nothing fetched."""

from __future__ import annotations

import re

from coprod_cli.report import trend_html
from tests.builders import CATALOGUE
from tests.report.trendbuilt import built


def test_the_chart_has_a_text_alternative_and_a_table() -> None:
    page = trend_html.trend(built(), CATALOGUE)
    svg = re.search(r"<svg role=\"img\" aria-labelledby=\"trend-title trend-desc\".*?</svg>",
                    page, re.S)
    assert svg is not None
    desc = re.search(r"<desc id=\"trend-desc\">(.*?)</desc>", svg[0], re.S)
    assert desc is not None
    for label in ("Spring", "Summer", "Autumn"):
        assert label in desc[1]
        assert f"<th scope=\"row\">{label}</th>" in page
    assert "<caption>The overall score in each round, 0 to 3</caption>" in page
    assert "a real rise" in page
    assert "(solid line, circles)" in page and "(dashed line, squares)" in page


def test_labels_are_escaped_and_nothing_is_fetched() -> None:
    page = trend_html.trend(built(("<script>x</script>", "b", "c")), CATALOGUE)
    assert "<script>x" not in page and "&lt;script&gt;x" in page
    assert "http://" not in page.replace("http://www.w3.org", "")
    assert "default-src 'none'" in page
