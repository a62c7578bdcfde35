"""The fast path for plain answers files: it never accepts what the strict reader refuses."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from coprod_cli.reading import quickread, quickwalk
from coprod_cli.reading.loader import Library
from tests.reading.test_yamlio import AGREE, _strict

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("body", AGREE)
def test_the_fast_reader_never_accepts_what_the_strict_one_refuses(body: str) -> None:
    library = Library.builtin()
    framework = library.framework("nef")
    grammar = quickread.Grammar("nef", {s.id for s in framework.statements},
                                {r.id for r in library.catalogue.roles})
    text = f"framework: nef\n{body}\n"
    quick = quickread.read(text, grammar)
    if quick is not None:
        assert quick == _strict(library, text)


@pytest.mark.parametrize("body", ["language: cy\nanswers: {assets-1: Canolradd}",
                                  "language: en\nanswers: {assets-1: 2}",
                                  "language: fr\nanswers: {assets-1: 2}",
                                  "language: [cy]\nanswers: {assets-1: 2}",
                                  "answers: {assets-1: ansicr}"])
def test_a_files_language_is_read_as_the_strict_reader_reads_it(body: str) -> None:
    library = Library.builtin()
    framework = library.framework("nef")
    grammar = quickread.Grammar("nef", {s.id for s in framework.statements},
                                {r.id for r in library.catalogue.roles})
    text = f"framework: nef\n{body}\n"
    quick = quickread.read(text, grammar)
    if "fr" in body or "[" in body:
        assert quick is None  # left for the strict reader, which says what is wrong
    else:
        strict = _strict(library, text)
        assert quick is None or quick == strict  # a level word may send it the strict way
        assert strict.language == ("cy" if "cy" in body else "en" if "en" in body else None)
    if body.startswith("language: en"):
        assert quick is not None and quick.language == "en"


NOT_APPLYING = [
    "answers:\n  assets-1: does-not-apply",
    "answers:\n  assets-1: {level: does-not-apply, reason: \"We have no planning group\"}",
    "answers:\n  assets-1: {level: does-not-apply, reason: \"  spaced  \", evidence: \"e\"}",
    "answers:\n  assets-1: {level: intermediate, reason: \"a reason with a level\"}",
    "answers:\n  assets-1: {level: does-not-apply, reason: \"" + "x" * 301 + "\"}",
    "answers:\n  assets-1: {level: does-not-apply, reason: 3}",
    "answers:\n  assets-1: {level: does-not-apply, reason: \"\"}",
]


@pytest.mark.parametrize("body", NOT_APPLYING)
def test_the_fast_reader_reads_does_not_apply_and_its_reason_as_the_strict_one(body: str) -> None:
    library = Library.builtin()
    framework = library.framework("nef")
    grammar = quickread.Grammar("nef", {s.id for s in framework.statements},
                                {r.id for r in library.catalogue.roles})
    text = f"framework: nef\n{body}\n"
    quick, strict = quickread.read(text, grammar), _strict(library, text)
    if quick is not None:
        assert quick == strict
    if strict is not None and "reason" in body:
        assert strict.reasons and strict.levels["assets-1"] == "does-not-apply"
    if body == NOT_APPLYING[1]:
        assert quick is not None and quick.reasons == (("assets-1", "We have no planning group"),)


PLAIN = ("framework: nef\nrespondent:\n  role: carer\nassessed_on: 2026-03-18\nanswers:\n"
         "  assets-1: descriptive\n  assets-2: unsure\n  capacity-1: 2\n  networks-4: not-yet\n")
VALUES = ["descriptive", "Descriptive", "not-yet", "unsure", "does-not-apply", "3", "03", "+3",
          "0x3", "3.0", "null", "~", "", "yes", "-", "- 3", "'3'", '"3"', "!!str 3", "&a 3", "*a",
          "{level: 2}", "[3]", "3 # said", "#", "2026-03-18", "carer", "nef", "scie", "other",
          "unknown-role", "2026-02-30", "1999-12-31", "3026-01-01", "2026-13-01", "2026-3-18",
          "intermediate ", "transformative\t", "é"]
KEYS = ["assets-1", "assets-2", "assets-99", "Assets-1", "capacity-1", "on", "yes", "<<",
        "? assets-1", "-assets-1", "assets-1 ", "role", "language", "service", "framework",
        "answers", "respondent", "assessed_on", "version"]
LINES = ["", "# a comment", "  # a comment", "---", "...", "language: cy", "language: en",
         "service: Day centre", "version: 1.0.0", "\t", " ", "%YAML 1.1", "    # deeper",
         "# == Assets: seeing everyone as a partner; 'quoted' \"text\" {a: b} [c] & * ! | >",
         "# Cymraeg: ŵ ŷ \u2013 \u201cdyfynnu\u201d", "# a NEL\x85assets-1: 3",
         "# a break\u2028assets-1: 3",
         "# a control \x01 character", "# a BOM \ufeff", "#", "   ", "\t# a tabbed comment",
         "#assets-1: 3", "  #: x", "# \U0001f600 an emoji"]


def _walked(text: str, grammar: quickread.Grammar) -> object:
    """The event walk's reading of a file (what `read` gave before the pattern)."""
    try:
        return quickwalk._Walk(text, grammar).ballot()
    except (quickwalk._Unusual, yaml.YAMLError, ValueError):  # as read() catches
        return None


def _near_miss(rng: random.Random) -> str:
    """The plain file with one to three random changes, each of a kind YAML reads otherwise
    or the walk refuses: a value, a key, an extra line, an indent, a space, a line ending."""
    lines = PLAIN.splitlines()
    for _ in range(rng.randint(0, 3)):
        at = rng.randrange(len(lines))
        key, sep, value = lines[at].partition(": ")
        change = rng.randrange(8)
        if change == 0 and sep:
            lines[at] = f"{key}: {rng.choice(VALUES)}"
        elif change == 1:
            indent = " " * (len(lines[at]) - len(lines[at].lstrip(" ")))
            lines[at] = f"{indent}{rng.choice(KEYS)}:{(' ' + value) if sep else ''}"
        elif change == 2:
            lines.insert(at, rng.choice(LINES))
        elif change == 3:
            lines[at] = " " * rng.choice([0, 1, 3, 4]) + lines[at].lstrip(" ")
        elif change == 4:
            lines[at] += rng.choice([" ", "\t", "\r", " # c", ":", "#c", "  # a: b",
                                     " #\x85x", " # \u2029", "\t# c", " # é"])
        elif change == 5:
            lines.insert(at, lines[at])  # a key given twice
        elif change == 6:
            del lines[at]
        else:
            lines[at], lines[-1] = lines[-1], lines[at]
    return "\n".join(lines) + rng.choice(["\n", "", "\n\n", "\r\n"])


def test_the_plainest_files_are_read_by_one_pattern_as_the_walk_reads_them() -> None:
    """Whatever the one-pattern reader takes, the event walk (and the strict reader) reads
    the same; it takes the plain file and the example rounds, and leaves the rest to the walk."""
    library = Library.builtin()
    framework = library.framework("nef")
    earlier = [sid for step in framework.migrations for sid in step.statements]
    grammar = quickread.Grammar("nef", frozenset([*(s.id for s in framework.statements),
                                                  *earlier]),
                                frozenset(r.id for r in library.catalogue.roles))
    rng, taken = random.Random(29), 0
    for _ in range(4000):
        text = _near_miss(rng)
        quick = quickread._plainest(text, grammar)
        if quick is not None:
            taken += 1
            assert quick == _walked(text, grammar), text
            if taken % 20 == 0:
                assert quick == _strict(library, text), text
    assert 800 < taken < 3600  # near misses of both kinds were tried
    for day in ["2026-03-18", "2026-02-30", "1999-12-31", "2000-01-01", "3026-01-01"]:
        text = PLAIN.replace("2026-03-18", day)
        assert quickread._plainest(text, grammar) == _walked(text, grammar) == \
            _strict(library, text)
    for path in sorted([*EXAMPLES.glob("trend/*/*.yaml"),
                        *EXAMPLES.glob("collective-*-2026/*.yaml")]):  # coprod's comments
        text = path.read_text(encoding="utf-8")
        assert quickread._plainest(text, grammar) == _walked(text, grammar) is not None


TAILS = [" # c", "  # a: b", "#c", " #\x85x", " # \u2029", "\t# c", " # é", " #"]


def test_comments_and_blank_lines_anywhere_are_skipped_as_yaml_skips_them() -> None:
    """Every comment line and blank line of LINES at every place in the plain file, and every
    line tail of TAILS after every line: the pattern reads each as the walk and the strict
    reader do, or leaves it to them."""
    library = Library.builtin()
    framework = library.framework("nef")
    grammar = quickread.Grammar("nef", frozenset(s.id for s in framework.statements),
                                frozenset(r.id for r in library.catalogue.roles))
    lines, taken = PLAIN.splitlines(), 0
    texts = [[*lines[:at], extra, *lines[at:]] for at in range(len(lines) + 1)
             for extra in LINES if extra.lstrip().startswith("#") or not extra.strip()]
    texts += [[*lines[:at], lines[at] + tail, *lines[at + 1:]] for at in range(len(lines))
              for tail in TAILS]
    for changed in texts:
        text = "\n".join(changed) + "\n"
        quick = quickread._plainest(text, grammar)
        if quick is not None:
            taken += 1
            assert quick == _walked(text, grammar) == _strict(library, text), text
    assert taken > 100


def test_a_comment_may_hold_every_character_yaml_reads_as_printable_and_breaking_no_line() -> None:
    """The pattern's comment takes exactly what YAML reads in a comment: every character its
    reader accepts as printable except the line breaks (NEL and the line and paragraph
    separators in YAML 1.1) and the byte order mark; any other sends the file to the walk."""
    import re

    from yaml.reader import Reader

    comment = re.compile(quickread._COMMENT + r"\Z")
    breaks = "\r\n\x85\u2028\u2029\ufeff"
    differ = [code for code in range(0x110000)
              if bool(comment.match("#" + chr(code)))
              != (not Reader.NON_PRINTABLE.match(chr(code)) and chr(code) not in breaks)]
    assert differ == []


def test_what_yaml_skips_is_left_out_as_the_exact_pattern_leaves_it_out() -> None:
    """The pattern of any comment, used when a text holds no character a comment may not,
    leaves out what _COMMENT's exact pattern does (which is compiled only otherwise): on
    20,000 random texts of comments, blank lines, answers and odd characters (fixed seed)."""
    import random

    rng = random.Random(29)
    parts = ["# note", "#", "  ", " ", "\n", "a: b", "caf\u00e9", "\u2019", "\r", "\x85",
             "\u2028", "\ufeff", "\x07", "\t", "\udce9", "#\u2029x", "answers:"]
    for _ in range(20_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12))) + "\n"
        assert quickread._without_skipped(text) == quickread._skipped().sub("", text), text
