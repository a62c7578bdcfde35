"""A fast path for plain answers files; anything unusual is left to the strict loader.

Scoring thousands of files is mostly reading them. A well-formed answers file is a small
mapping of plain words, so its parser events are walked directly instead of building and
validating a generic document. The fast path accepts only a strict subset of what the
strict loader and the models accept, and gives the same values; for everything else it
returns None and the caller takes the strict path, which locates any error.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection
from typing import Any

import yaml

from coprod_cli.answers import ANSWER_WORDS, DOES_NOT_APPLY, MAX_REASON, sensible_date
from coprod_cli.classes import frozen
from coprod_cli.models import LEVEL_IDS
from coprod_cli.tally import Ballot

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NULLS = {"", "~", "null", "Null", "NULL"}
_STR = "tag:yaml.org,2002:str"


def _tag(value: str) -> str:
    """What YAML would read a plain scalar as: str, int, float, bool, null, timestamp..."""
    resolver: Any = yaml.resolver.Resolver()
    return str(resolver.resolve(yaml.ScalarNode, value, (True, False)))


MAX_TEXT = 200  # the longest service name the model accepts
# What the models strip from text (pydantic trims Unicode White_Space): Python's whitespace
# without the separators U+001C-U+001F, which str.strip() also takes. Written out, as working
# it out costs 2 ms at every start (tests/questionnaire/test_answers_file.py checks it
# against Python's).
WHITESPACE = ("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_LEVELS = {**{word: word for word in ANSWER_WORDS}, **dict(zip("0123", LEVEL_IDS, strict=True))}


class _Unusual(Exception):
    """Not in the fast path's grammar: let the strict loader decide."""


@frozen
class Grammar:
    """What a plain answers file of one framework may hold."""

    framework: str
    statements: Collection[str]
    roles: Collection[str]


def read(text: str, grammar: Grammar, whole: bool = False) -> Ballot | None:
    """The ballot of a plain answers file, or None when the strict path must look at it;
    `whole`: only a file that says it is one (`answers:`, as `validate` asks)."""
    plainest = _plainest(text, grammar)
    if plainest is not None:
        return plainest
    try:
        walk = _Walk(text, grammar)
        ballot = walk.ballot()
    except (_Unusual, yaml.YAMLError, ValueError):
        return None
    return ballot if walk.answered or not whole else None


# The plainest file (its framework, role, perhaps its date, then one level word per line)
# read by one pattern instead of YAML's parser events: about five times faster. Each scalar
# starts with a letter or digit and holds no character YAML reads as anything else, so these
# lines give the same events the walk below reads; any other file is the walk's to read.
_PLAINEST = re.compile(r"framework: ([a-z0-9][a-z0-9-]{0,99})\nrespondent:\n"
                       r"  role: ([a-z0-9][a-z0-9-]{0,99})\n"
                       r"(?:assessed_on: (\d{4}-\d{2}-\d{2})\n)?answers:\n"
                       r"((?:  [A-Za-z0-9][A-Za-z0-9_.-]{0,199}: [a-z0-9][a-z0-9-]{0,39}\n)+)\Z")
_ANSWER = re.compile(r"  ([^:]+): ([^\n]+)\n")


def _plainest(text: str, grammar: Grammar) -> Ballot | None:
    """The ballot of the plainest file, as the walk reads it; None for any other file, or one
    with anything the walk would not take as it stands (it then reads the file itself)."""
    found = _PLAINEST.match(text if text.endswith("\n") else f"{text}\n")
    if found is None:
        return None
    framework, role, written, block = found.groups()
    if framework != grammar.framework or role in _NULLS or role not in grammar.roles:
        return None
    pairs = _ANSWER.findall(block)
    levels = {key: _LEVELS.get(value) for key, value in pairs}
    statements = grammar.statements
    if len(levels) != len(pairs) or None in levels.values() \
            or not all(key in statements for key in levels):
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


def framework_named(text: str) -> str | None:
    """The framework a plain answers file names (its top-level `framework:`), so the first
    file of a run can be read fast too; None when that is not plain to see."""
    try:
        return _Walk(text, None).framework()
    except (_Unusual, yaml.YAMLError, ValueError):
        return None


class _Walk:
    def __init__(self, text: str, grammar: Grammar | None) -> None:
        parser = _Parser(text)
        self.next: Callable[[], Any] = parser.get_event
        self.grammar: Any = grammar

    def expect(self, kind: type[yaml.Event]) -> Any:
        event = self.next()
        if type(event) is not kind or getattr(event, "anchor", None) is not None \
                or getattr(event, "tag", None) is not None:
            raise _Unusual
        return event

    def plain(self) -> str | None:
        """A plain scalar's text, None for a null; anything else is unusual."""
        event = self.expect(yaml.ScalarEvent)
        if not event.implicit[0]:
            raise _Unusual
        return None if event.value in _NULLS else str(event.value)

    def pairs(self) -> Any:
        """Each key of a mapping, once; the caller reads its value."""
        self.expect(yaml.MappingStartEvent)
        seen: set[str] = set()
        while True:
            event = self.next()
            if type(event) is yaml.MappingEndEvent:
                return
            if type(event) is not yaml.ScalarEvent or event.anchor or event.tag \
                    or not event.implicit[0] or event.value in seen:
                raise _Unusual
            seen.add(event.value)
            yield event.value

    def framework(self) -> str | None:
        self.expect(yaml.StreamStartEvent)
        self.expect(yaml.DocumentStartEvent)
        for key in self.pairs():
            if key == "framework":
                return self.plain()
            self.skip()
        return None

    def skip(self) -> None:
        """Pass over one value, however deeply nested."""
        depth = 0
        for event in iter(self.next, None):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if depth == 0:
                return

    def ballot(self) -> Ballot:
        self.expect(yaml.StreamStartEvent)
        self.expect(yaml.DocumentStartEvent)
        framework = role = service = language = None
        day: datetime.date | None = None
        levels: dict[str, str | None] = {}
        evidence: list[tuple[str, str]] = []
        self.reasons: list[tuple[str, str]] = []
        self.answered = False
        for key in self.pairs():
            if key == "framework":
                framework = self.plain()
            elif key == "respondent":
                role = self.respondent()
            elif key == "assessed_on":
                day = self.date()
            elif key == "service":
                service = self.text()
            elif key == "answers":
                self.answers(levels, evidence)
                self.answered = True
            elif key == "language":
                language = self.plain()
                if language not in ("en", "cy"):
                    raise _Unusual
            else:
                raise _Unusual
        self.expect(yaml.DocumentEndEvent)
        self.expect(yaml.StreamEndEvent)
        if framework != self.grammar.framework:
            raise _Unusual
        return Ballot(role or "other", levels, tuple(evidence), day, service, role is not None,
                      language=language, reasons=tuple(self.reasons))

    def respondent(self) -> str | None:
        role = None
        for key in self.pairs():
            if key != "role":
                raise _Unusual
            role = self.plain()
            if role is not None and role not in self.grammar.roles:
                raise _Unusual
        return role

    def text(self) -> str | None:
        """A string, as the models keep it: quoted (as coprod writes it), or plain when YAML
        reads it as one (not a number, date or true/false)."""
        event = self.expect(yaml.ScalarEvent)
        if event.implicit[0] and event.value in _NULLS:
            return None
        if event.implicit[0] and _tag(event.value) != _STR:
            raise _Unusual
        value = str(event.value).strip(WHITESPACE)
        if not value or len(value) > MAX_TEXT:
            raise _Unusual
        return value

    def date(self) -> datetime.date | None:
        value = self.plain()
        if value is None:
            return None
        if not _DATE.fullmatch(value):
            raise _Unusual
        day = datetime.date.fromisoformat(value)
        if not sensible_date(day):
            raise _Unusual
        return day

    def answers(self, levels: dict[str, str | None], evidence: list[tuple[str, str]]) -> None:
        statements = self.grammar.statements
        for key in self.pairs():
            if key not in statements:
                raise _Unusual
            event = self.next()
            if type(event) is yaml.ScalarEvent and event.implicit[0] and not event.anchor \
                    and not event.tag:
                levels[key] = None if event.value in _NULLS else self.level(event.value)
            elif type(event) is yaml.MappingStartEvent and not event.anchor and not event.tag:
                levels[key] = self.rated(key, evidence)
            else:
                raise _Unusual

    def level(self, value: str) -> str:
        word = _LEVELS.get(value)
        if word is None:
            raise _Unusual
        return word

    def rated(self, key: str, evidence: list[tuple[str, str]]) -> str:
        """`{level: x, evidence: "..."}` or `{level: does-not-apply, reason: "..."}`; the
        mapping's start is already read."""
        level = reason = None
        seen: set[str] = set()
        for event in iter(self.next, None):
            if type(event) is yaml.MappingEndEvent:
                break
            if type(event) is not yaml.ScalarEvent or not event.implicit[0] \
                    or event.anchor or event.tag or event.value in seen:
                raise _Unusual
            seen.add(event.value)
            if event.value == "level":
                level = self.level(self.plain() or "")
            elif event.value == "evidence":
                evidence.append((key, self.quoted()))
            elif event.value == "reason":
                reason = self.quoted()
            else:
                raise _Unusual
        if level is None or (reason is not None and (level != DOES_NOT_APPLY
                                                    or len(reason) > MAX_REASON)):
            raise _Unusual
        if reason is not None:
            self.reasons.append((key, reason))
        return level

    def quoted(self) -> str:
        """Evidence: a quoted or block string (a plain one could be read as a number)."""
        event = self.expect(yaml.ScalarEvent)
        text = str(event.value).strip(WHITESPACE)
        if event.implicit[0] or not event.implicit[1] or not text:
            raise _Unusual
        return text
