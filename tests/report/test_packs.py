"""The workshop pack and the feedback sheet: plain words, nothing from a file acting on a page
or a reader, and no group too small to be shown."""

from __future__ import annotations

import json
import re

from coprod_cli.report import packs
from coprod_cli.report.packs import PackFormat, SheetFormat
from coprod_cli.scoring.workshop import cards
from coprod_cli.tally import Tally
from tests.builders import CATALOGUE, FW, answers, result_for

IDS = [s.id for s in FW.statements]


def _tally() -> Tally:
    found = Tally(FW)
    for role, low in [("carer", True)] * 3 + [("manager", False)] * 3:
        found.add(answers({sid: (0 if low and sid == "alpha-1" else 2) for sid in IDS}, role))
    return found


def test_the_pack_in_every_format_holds_the_same_cards() -> None:
    pack = cards(FW, CATALOGUE, _tally(), min_group=3, most=6, service="<b>Ward 9</b>")
    data = json.loads(packs.workshop(pack, PackFormat.json))
    assert [c["statement"] for c in data["cards"]] == ["alpha-1"]
    markdown = packs.workshop(pack, PackFormat.markdown)
    assert "## Card 1:" in markdown and "\\<b\\>Ward 9\\</b\\>" in markdown
    page = packs.workshop(pack, PackFormat.html)
    assert "<b>Ward" not in page and "&lt;b&gt;Ward 9&lt;/b&gt;" in page
    assert page.count('class="card"') == 1 and "Content-Security-Policy" in page


def test_the_sheet_says_what_was_said_what_will_change_and_when_we_ask_again() -> None:
    res = result_for({"alpha-1": 0, "alpha-2": 1, "beta-1": 1, "beta-2": 2, "beta-3": 2})
    words = packs.sheet(res, CATALOGUE, "in March 2027")
    assert words.said[0] == res.plain_headline
    assert 1 <= len(words.will) <= packs.WILL_SHOWN
    assert words.again == "We will ask you again: in March 2027."
    assert words.review == ["Not reviewed by people with lived experience."]
    assert packs.sheet(res, CATALOGUE, None).again == packs.ASK_AGAIN
    markdown = packs.feedback(res, CATALOGUE, "<script>", SheetFormat.markdown)
    assert "## We will" in markdown and "<script>" not in markdown
    page = packs.feedback(res, CATALOGUE, "<script>", SheetFormat.html)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_a_frameworks_credit_is_inert_markdown_at_the_end_of_a_pack() -> None:
    """An added framework's credit and sources are outside text: in Markdown they cannot open
    raw HTML, a link, an image or a heading."""
    from coprod_cli.resultparts import SourceCredit

    hostile = "<img src=x onerror=alert(1)> [click](javascript:alert(1))\n# Heading"
    source = SourceCredit(title="![x](https://evil.example/t.png)", author="<b>me</b>",
                          year=None, url="javascript:alert(1)")
    lines = packs._credited(hostile, [source])
    said = "\n".join(lines)
    for opening in (r"<", r"\[", r"\]\("):  # raw HTML, a link or an image: only escaped
        assert re.search(r"(?<!\\)" + opening, said) is None, opening
    assert not any(line.startswith("#") for line in lines)
    assert "alert(1)" in said  # shown, as text
