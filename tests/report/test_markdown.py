"""Markdown output: every piece of outside text escaped once, so it shows as written."""

from __future__ import annotations

from coprod_cli.report import markdown


def test_markdown_inline_escapes_each_construct() -> None:
    assert markdown.inline("# h") == "\\# h"
    assert markdown.inline("1. one") == "1\\. one"
    assert markdown.inline("a | b") == "a \\| b"
    assert markdown.inline("see @team, mail a@b.org") == "see @&#8203;team, mail a@b.org"
    assert markdown.inline("<b>[x](y)</b>") == "\\<b\\>\\[x\\](y)\\</b\\>"
    assert markdown.inline("one\ntwo\x1b") == "one two\\\\x1b"
