"""Control characters, bidi overrides and undecodable file-name bytes are made visible."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.safetext import file_name, is_visible, visible, visible_line


def test_escape_sequences_and_overrides_become_visible() -> None:
    assert visible_line("\x1b]0;owned\x07title\x1b[2J") == "\\x1b]0;owned\\x07title\\x1b[2J"
    assert visible("a\u202eb\u2066c\x9bd\x7f") == "a\\u202eb\\u2066c\\x9bd\\x7f"


def test_newlines_and_tabs_stay_in_a_block_but_not_on_a_line() -> None:
    assert visible("one\n\ttwo\r") == "one\n\ttwo\\x0d"
    assert visible_line("one\n\ttwo") == "one\\x0a\\x09two"


def test_a_file_name_that_is_not_utf8_shows_its_bytes() -> None:
    name = os.fsdecode(b"caf\xe9-\x1b[31m.yaml")
    assert file_name(name) == "caf\\xe9-\\x1b[31m.yaml"
    file_name(name).encode("utf-8")  # printable anywhere


def test_ordinary_text_is_unchanged() -> None:
    text = "Café: people\u2019s \u201cassets\u201d \u2014 50% [in draft] <b> & ✓"
    assert visible(text) == visible_line(text) == text


@given(st.text())
def test_what_is_shown_is_always_visible_and_encodable(text: str) -> None:
    shown = visible_line(text)
    assert is_visible(shown)
    shown.encode("utf-8")
    assert "\n" not in shown
