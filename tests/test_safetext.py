"""Control characters, bidi overrides and undecodable file-name bytes are made visible."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from coprod_cli import safetext
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


def test_the_class_of_marks_is_compiled_only_for_a_text_that_holds_one() -> None:
    """It takes 0.6 ms to compile: ordinary text, ASCII or not, never needs it."""
    safetext._marks.cache_clear()
    assert visible("Café \u2014 ✓\x1b") == "Café \u2014 ✓\\x1b" and is_visible("\u2019")
    assert safetext._marks.cache_info().misses == 0
    assert visible("a\u2019\u202eb\udce9") == "a\u2019\\u202eb\\xe9"


@given(st.text())
def test_what_is_shown_is_always_visible_and_encodable(text: str) -> None:
    shown = visible_line(text)
    assert is_visible(shown)
    shown.encode("utf-8")
    assert "\n" not in shown


def test_exactly_the_controls_invisible_marks_and_lone_surrogates_are_shown_escaped() -> None:
    """Every code point, against the list written out: C0, DEL, C1, the bidi and invisible
    marks, and lone surrogates; tab and newline only on one line."""
    marks = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028,
             0x2029, 0xFEFF]
    line = {*range(0x20), 0x7F, *range(0x80, 0xA0), *marks, *range(0xD800, 0xE000)}
    escaped = {code for code in range(0x110000) if visible_line(chr(code)) != chr(code)}
    assert escaped == line
    assert {code for code in line if visible(chr(code)) == chr(code)} == {0x09, 0x0A}


def test_every_character_that_reorders_text_is_escaped() -> None:
    """Found in Python's Unicode database, not by coprod's list: the embeddings, overrides
    and isolates by their bidirectional class, the three marks by name."""
    import unicodedata

    reordering = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
    found = [chr(code) for code in range(0x110000)
             if unicodedata.bidirectional(chr(code)) in reordering]
    found += map(unicodedata.lookup, ["LEFT-TO-RIGHT MARK", "RIGHT-TO-LEFT MARK",
                                      "ARABIC LETTER MARK"])
    assert len(found) >= 12 and all(visible(mark) != mark for mark in found)
