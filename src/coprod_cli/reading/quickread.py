"""A fast path for plain answers files; anything unusual is left to the strict loader.

Scoring thousands of files is mostly reading them. A well-formed answers file is a small
mapping of plain words: the plainest (as the examples are) is read by one pattern, any other
by walking its YAML parser events (reading/quickwalk.py), instead of building and validating
a generic document. The fast path accepts only a strict subset of what the strict loader and
the models accept, and gives the same values; for everything else it returns None and the
caller takes the strict path, which locates any error.
"""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

import datetime
import functools
import re
from collections.abc import Collection
from collections.abc import Set as AbstractSet

from coprod_cli.answers import ANSWER_WORDS, sensible_date
from coprod_cli.classes import frozen
from coprod_cli.models import LEVEL_IDS
from coprod_cli.tally import Ballot

NULLS = {"", "~", "null", "Null", "NULL"}
MAX_TEXT = 200  # the longest service name the model accepts
# What the models strip from text (pydantic trims Unicode White_Space): Python's whitespace
# without the separators U+001C-U+001F, which str.strip() also takes. Written out, as working
# it out costs 2 ms at every start (tests/questionnaire/test_answers_file.py checks it
# against Python's).
WHITESPACE = ("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
LEVELS = {**{word: word for word in ANSWER_WORDS}, **dict(zip("0123", LEVEL_IDS, strict=True))}


@frozen
class Grammar:
    """What a plain answers file of one framework may hold."""

    framework: str
    statements: AbstractSet[str]
    roles: Collection[str]


def read(text: str, grammar: Grammar, whole: bool = False) -> Ballot | None:
    """The ballot of a plain answers file, or None when the strict path must look at it;
    `whole`: only a file that says it is one (`answers:`, as `validate` asks)."""
    plainest = _plainest(text, grammar)
    if plainest is not None:
        return plainest
    from coprod_cli.reading import quickwalk  # YAML only for a file the pattern does not take

    return quickwalk.read(text, grammar, whole)


def framework_named(text: str) -> str | None:
    """The framework a plain answers file names (its top-level `framework:`), so the first
    file of a run can be read fast too; None when that is not plain to see."""
    found = _matched(text)
    if found is not None:
        return found[1]
    from coprod_cli.reading import quickwalk

    return quickwalk.framework_named(text)


# The plainest file (its framework, role, perhaps its date, then one level word per line)
# read by one pattern instead of YAML's parser events: about five times faster. Each scalar
# starts with a letter or digit and holds no character YAML reads as anything else, so these
# lines give the same events the walk reads; any other file is the walk's to read.
_PLAINEST = re.compile(r"framework: ([a-z0-9][a-z0-9-]{0,99})\nrespondent:\n"
                       r"  role: ([a-z0-9][a-z0-9-]{0,99})\n"
                       r"(?:assessed_on: (\d{4}-\d{2}-\d{2})\n)?answers:\n"
                       r"((?:  [A-Za-z0-9][A-Za-z0-9_.-]{0,199}: [a-z0-9][a-z0-9-]{0,39}\n)+)\Z")
# What YAML skips: a comment (printable text that breaks no line, as YAML 1.1 reads NEL and
# the line and paragraph separators as breaks) on a line of its own or after a space, and a
# blank line. A comment holding anything else is left, so the pattern sends the file to the walk.
# Written as what it may not hold: the same characters as a list of what it may hold, which
# takes Python 4 to 5 ms to compile at every start (the supplementary planes' range).
_ODD_NARROW = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # below U+00A0, the line break aside
_ODD_WIDE = ("\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")  # above, lone surrogates aside
_COMMENT = f"#[^\n{_ODD_NARROW}{''.join(_ODD_WIDE)}\ud800-\udfff]*"
# In a text that holds none of those characters but line breaks, a comment is anything to the
# end of its line: that pattern compiles in microseconds, _COMMENT's class (over the whole
# Basic Multilingual Plane) in 0.5 ms, so it is compiled only for a text that holds one.
_SKIPPED_PLAIN = re.compile(r"(?m)^ *(?:#[^\n]*)?\n| +#[^\n]*$")
_ODD = re.compile(f"[{_ODD_NARROW}]")


@functools.cache
def _skipped() -> re.Pattern[str]:
    return re.compile(f"(?m)^ *(?:{_COMMENT})?\n| +{_COMMENT}$")


def _without_skipped(text: str) -> str:
    """The text without what YAML skips: comments and blank lines."""
    plain = _ODD.search(text) is None and (text.isascii() or not (
        any(odd in text for odd in _ODD_WIDE) or _has_surrogate(text)))
    return (_SKIPPED_PLAIN if plain else _skipped()).sub("", text)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _matched(text: str) -> re.Match[str] | None:
    """The plainest file's pattern matched, after leaving out what YAML skips (comments, blank
    lines) when there is any, and with a last line break."""
    text = text if text.endswith("\n") else f"{text}\n"
    return _PLAINEST.match(text) or _PLAINEST.match(_without_skipped(text))


def _plainest(text: str, grammar: Grammar) -> Ballot | None:
    """The ballot of the plainest file, as the walk reads it; None for any other file, or one
    with anything the walk would not take as it stands (it then reads the file itself)."""
    found = _matched(text)
    if found is None:
        return None
    framework, role, written, block = found.groups()
    if framework != grammar.framework or role in NULLS or role not in grammar.roles:
        return None
    words = block.replace(":", "").split()  # a statement, its level word, the next...
    try:
        levels: dict[str, str | None] = dict(
            zip(words[::2], map(LEVELS.__getitem__, words[1::2]), strict=True))
    except KeyError:  # not a level word
        return None
    if 2 * len(levels) != len(words) or not levels.keys() <= grammar.statements:
        return None
    day = None
    if written is not None:
        try:
            day = datetime.date.fromisoformat(written)
        except ValueError:
            return None
        if not sensible_date(day):
            return None
    return Ballot(role, levels, (), day, None, True, language=None, reasons=())
