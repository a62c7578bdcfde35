"""A YAML syntax error in coprod's words, the same whichever parser found it and whatever
release of PyYAML or libyaml is installed.

The parsers word the same mistake differently ('mapping values are not allowed here' or
'... in this context') and reword it between releases, so their sentences are never shown.
What is stable is the text itself: the character where the parser stopped, the one that
opened what it was reading (a quote, a bracket), and how the line is indented. Those pick
one of a few sentences below, each with a fix; anything else gets a general one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from coprod_cli.classes import frozen
from coprod_cli.errors import InvalidData, Location
from coprod_cli.i18n import N_, _

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_CLOSER = {"[": "]", "{": "}"}
_OPENER = {"]": "[", "}": "{"}
# What may follow '|' or '>' on its line: indentation and chomping indicators, then a comment.
_BLOCK_HEADER = re.compile(r"(?:[1-9][+-]?|[+-][1-9]?)?(?:[ \t]+(?:#.*)?)?")


@frozen
class Seen:
    """What the text shows where a parser stopped (lines and columns from 0)."""

    line: int
    column: int
    row: str  # the line the parser stopped on
    above: str  # the nearest line above it with content (not blank, not only a comment)
    at: str  # the character it stopped at; '' at the end of the file
    opened: str  # the character at the start of what it was reading, '' if it did not say
    opened_line: int  # from 1, as the user counts
    began_above: bool  # what the parser was reading began on a line above where it stopped
    parser: bool  # the structure was wrong (parser, composer), not a token (scanner)

    @property
    def first(self) -> bool:
        """The parser stopped at the first thing on its line."""
        return not self.row[:self.column].strip(" -")

    @property
    def indicator(self) -> str:
        """A '|' or '>' (a block of text) where the parser stopped or began reading, or ''."""
        return next((c for c in (self.at, self.opened) if _one_of(c, "|>")), "")

    @property
    def in_brackets(self) -> bool:
        """The stop is inside [ ] or { } opened earlier on its line."""
        before = self.row[:self.column]
        return sum(map(before.count, "[{")) > sum(map(before.count, "]}"))

    @property
    def after(self) -> str:
        """The last character before the stop on its line that is not a space."""
        return self.row[:self.column].rstrip(" ")[-1:]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _one_of(character: str, characters: str) -> bool:
    return character != "" and character in characters


def _escape(seen: Seen) -> bool:
    return seen.opened == '"' and "\\" in seen.row[:seen.column + 1] and seen.at != ""


def _key_without_colon(seen: Seen) -> bool:
    """A plain key the scanner read to a line's end (or the file's) without finding ':'."""
    return not seen.parser and bool(seen.opened) and (seen.began_above or not seen.at)


def _misaligned(seen: Seen) -> bool:
    return seen.parser and seen.first and _indent(seen.row) != _indent(seen.above)


def _in_list(line: str) -> bool:
    return line.lstrip(" ").startswith("-")


# Each test, what is wrong and how to fix it, in order: the first that holds is said. The
# sentences are formatted with the Seen's fields (and closer, opener: the bracket that pairs).
SAYINGS: list[tuple[Callable[[Seen], bool], str, str]] = [
    (lambda s: s.at == "\t", N_("a tab where YAML needs spaces"),
     N_("indent with spaces, and put a space (not a tab) after ':'")),
    (lambda s: _one_of(s.opened, "\"'") and not s.at,
     N_("the quote opened on line {opened_line} is never closed"),
     N_("end the value with {opened} on the line it belongs to")),
    (_escape, N_("a backslash inside double quotes that YAML cannot read as an escape"),
     N_("write \\\\ for a backslash, or put the value in single quotes instead")),
    (lambda s: _one_of(s.opened, "[{"),
     N_("the '{opened}' opened on line {opened_line} does not end where it should"),
     N_("close it with '{closer}', separate the items inside it with commas, and quote any "
     "item with ': ' in it")),
    (lambda s: _one_of(s.at, "]}"), N_("a '{at}' with no '{opener}' before it to close"),
     N_("remove it, or add the '{opener}' it closes")),
    (lambda s: _one_of(s.at, "&*") or _one_of(s.opened, "&*"),
     N_("YAML aliases (*name) and anchors (&name) are not allowed"),
     N_("write each value out in full (in quotes if it starts with & or *)")),
    (lambda s: s.at == "!" or s.opened == "!", N_("a YAML tag ('!') coprod does not use"),
     N_("remove the tag and write the value plainly (in quotes if it starts with !)")),
    (lambda s: bool(s.indicator) and s.in_brackets,
     N_("a value inside [ ] or {{ }} cannot start with '{indicator}'"),
     N_("put the value in quotes")),
    (lambda s: _one_of(s.opened, "|>"), N_("only a comment may follow '{opened}' on its line"),
     N_("start the text on the next line, indented under its key")),
    (lambda s: s.row.startswith("%"),
     N_("a '%' directive, which coprod files do not use"),
     N_("remove the line that starts with '%'")),
    (lambda s: s.row.startswith(("---", "...")),
     N_("a second YAML document ('---' or '...') in one file"),
     N_("keep one document per file: remove this line, or split the file in two")),
    (_key_without_colon,
     N_("line {opened_line} has text that is neither a key (no ':') nor part of a value"),
     N_("add ':' after the key, or indent the text under the key it belongs to")),
    (lambda s: not s.at, N_("the file ends in the middle of a value"),
     N_("close every quote and bracket that is opened")),
    (lambda s: s.at == ":" and ": " in s.row[:s.column],
     N_("a second ': ' on one line, which YAML reads as a key inside the value"),
     N_("put the value in quotes, like key: \"a: b\"")),
    (lambda s: s.at == ":",
     N_("a key where YAML does not expect one (the line above has no ':', or this line is "
     "indented too far)"), N_("line this key up with the keys above it, each with a ':'")),
    (_misaligned, N_("this line's indentation does not line up with the lines above"),
     N_("indent it with as many spaces as the other keys or items at its level")),
    (lambda s: s.at == "-" and not s.first, N_("a list item ('- ') on the line of its key"),
     N_("put each '- ' item on a line of its own, indented under the key")),
    (lambda s: s.parser and s.first and s.at == "-" and not _in_list(s.above),
     N_("a list item ('- ') among keys"),
     N_("indent the list under the key it belongs to, or give this line a key")),
    (lambda s: s.parser and s.first and _in_list(s.above), N_("a key among list items ('- ')"),
     N_("start the line with '- ' if it is another item, or indent it under its item")),
    (lambda s: s.parser and _one_of(s.after, "\"'"), N_("text after the closing quote"),
     N_("put all of the value inside the quotes")),
    (lambda s: s.parser and not s.first, N_("more text after a complete value"),
     N_("put the whole value in quotes, or move the rest to a line of its own")),
    (lambda s: _one_of(s.at, "@`%"), N_("a plain value cannot start with '{at}'"),
     N_("put the value in quotes, like key: \"{at}...\"")),
]
GENERAL = (N_("the YAML structure cannot be read here"),
           N_("check the indentation, colons, quotes and brackets on this line and the one above"))
NESTED = (N_("the YAML is nested too deeply"),
          N_("coprod files are shallow; check the brackets and indentation"))
VALUE = (N_("this value cannot be read"), N_("write it as plain text, a list, or keys and values"))


def syntax_error(error: yaml.MarkedYAMLError, text: str, name: str) -> InvalidData:
    """The error (from libyaml or PyYAML's own parser) as coprod's one located line."""
    seen = observe(error, text)
    if isinstance(error, yaml.constructor.ConstructorError):  # the strict loader words its own
        what, fix = _(VALUE[0]), _(VALUE[1])
    else:
        what, fix = saying(seen, str(error.problem or ""))
    if error.problem_mark is None and error.context_mark is None:
        return InvalidData(what, fix, Location(name))
    return InvalidData(what, fix, Location(name, seen.line + 1, seen.column + 1))


def saying(seen: Seen, problem: str) -> tuple[str, str]:
    """What is wrong and how to fix it. The parser's own words are read (never shown) only
    for a limit it set, libyaml's nesting depth: that is no mistake the text would show."""
    if "nest" in problem.lower():
        return _(NESTED[0]), _(NESTED[1])
    fields = {**vars(seen), "closer": _CLOSER.get(seen.opened, ""),
              "opener": _OPENER.get(seen.at, ""), "indicator": seen.indicator}
    for test, what, fix in SAYINGS:
        if test(seen):
            return _(what).format(**fields), _(fix).format(**fields)
    return _(GENERAL[0]), _(GENERAL[1])


def observe(error: yaml.MarkedYAMLError, text: str) -> Seen:
    """Where the parser stopped, and what the text shows there and where it began reading."""
    stop = _Stop(_LINE_BREAK.split(text), error)
    for settle in (_escape_start, _token_start, _block_start, _directive, _the_end):
        settle(stop)
    return Seen(line=stop.line, column=stop.column, row=stop.row,
                above=_above(stop.lines, stop.line),
                at="" if stop.ended else stop.row[stop.column:stop.column + 1],
                opened=stop.opened,
                opened_line=stop.opened_line, began_above=stop.began_above,
                parser=not isinstance(error, yaml.scanner.ScannerError))


class _Stop:
    """Where a parser stopped and what it was reading; the steps below move it to where
    every parser would point for the same mistake (lines and columns from 0)."""

    def __init__(self, lines: list[str], error: yaml.MarkedYAMLError) -> None:
        mark, self.context = error.problem_mark or error.context_mark, error.context_mark
        self.lines = lines
        self.line, self.column = (mark.line, mark.column) if mark is not None else (0, 0)
        self.opened, self.opened_line = _character(lines, self.context)
        self.began_above = 0 < self.opened_line < self.line + 1
        self.ended = False  # the parser stopped at the end of the file

    @property
    def row(self) -> str:
        return self.lines[self.line] if self.line < len(self.lines) else ""

    def began_here(self) -> list[int]:
        """The column where the parser began reading, when that is on the line it stopped."""
        context = self.context
        return [context.column] if context is not None and context.line == self.line else []


def _escape_start(stop: _Stop) -> None:
    """An escape: libyaml points at the backslash, PyYAML's own parser after it."""
    if stop.opened == '"' and stop.row[stop.column - 1:stop.column] == "\\":
        stop.column -= 1


def _token_start(stop: _Stop) -> None:
    """A tag, anchor, alias or directive: each parser stops somewhere else inside it."""
    if _one_of(stop.opened, "!&*%"):
        stop.column = next(iter(stop.began_here()), stop.column)


def _block_start(stop: _Stop) -> None:
    """A '|' or '>' followed by more than its indicators and a comment: libyaml may stop at
    the line's indentation first, PyYAML's own parser after the '|'."""
    for start in [stop.column, *stop.began_here()]:
        if stop.row[start:start + 1] in ("|", ">") and not _BLOCK_HEADER.fullmatch(
                stop.row[start + 1:]):
            stop.column, stop.opened, stop.opened_line = start, stop.row[start], stop.line + 1
            return


def _directive(stop: _Stop) -> None:
    """A '%' line: PyYAML's own parser reads past some that libyaml refuses."""
    found = next((i for i, row in enumerate(stop.lines[:stop.line + 1]) if row.startswith("%")),
                 None)
    if found is not None:
        stop.line, stop.column, stop.opened, stop.opened_line = found, 0, "%", 0


def _the_end(stop: _Stop) -> None:
    """At the end of the file, after its last line break or without one (the parsers count
    those differently): just after the last of the YAML, not a space or a comment's line."""
    if (stop.row[stop.column:] + "".join(stop.lines[stop.line + 1:])).strip():
        return
    rows = [*stop.lines[:stop.line], stop.row[:stop.column]]
    stop.line = next((i for i in reversed(range(len(rows))) if _content(rows[i])), 0)
    stop.column, stop.ended = len(rows[stop.line].rstrip()), True


def _content(row: str) -> bool:
    return bool(row.strip()) and not row.lstrip().startswith("#")


def _character(lines: list[str], mark: Any) -> tuple[str, int]:
    """The character at a mark and its line (from 1), or ('', 0) when there is none."""
    if mark is None or mark.line >= len(lines):
        return "", 0
    return lines[mark.line][mark.column:mark.column + 1], mark.line + 1


def _above(lines: list[str], line: int) -> str:
    """The nearest line above `line` that has content, without its comment-only lines."""
    return next((row for row in reversed(lines[:line]) if _content(row)), "")
