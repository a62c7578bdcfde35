"""The fast path's reader of any plain answers file the one pattern of reading/quickread.py
does not take: its YAML parser events walked directly, anything unusual left to the strict
loader (None)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import yaml

from coprod_cli.answers import DOES_NOT_APPLY, MAX_REASON, sensible_date
from coprod_cli.reading.quickread import LEVELS, MAX_TEXT, NULLS, WHITESPACE, Grammar
from coprod_cli.tally import Ballot

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STR = "tag:yaml.org,2002:str"


def _tag(value: str) -> str:
    """What YAML would read a plain scalar as: str, int, float, bool, null, timestamp..."""
    resolver: Any = yaml.resolver.Resolver()
    return str(resolver.resolve(yaml.ScalarNode, value, (True, False)))


class _Unusual(Exception):
    """Not in the fast path's grammar: let the strict loader decide."""


def read(text: str, grammar: Grammar, whole: bool = False) -> Ballot | None:
    """quickread.read for a file its pattern does not take."""
    try:
        walk = _Walk(text, grammar)
        ballot = walk.ballot()
    except (_Unusual, yaml.YAMLError, ValueError):
        return None
    return ballot if walk.answered or not whole else None


def framework_named(text: str) -> str | None:
    """quickread.framework_named for a file its pattern does not take."""
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
        return None if event.value in NULLS else str(event.value)

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
        if event.implicit[0] and event.value in NULLS:
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
                levels[key] = None if event.value in NULLS else self.level(event.value)
            elif type(event) is yaml.MappingStartEvent and not event.anchor and not event.tag:
                levels[key] = self.rated(key, evidence)
            else:
                raise _Unusual

    def level(self, value: str) -> str:
        word = LEVELS.get(value)
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
