"""An export's header row matched to a framework: which column holds each statement, its
evidence, the role, the date and the respondent, and which columns mean nothing to coprod."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import field
from typing import Any

from coprod_cli.classes import mutable
from coprod_cli.credited import a_credit_note
from coprod_cli.errors import InvalidData, Location, UsageProblem
from coprod_cli.i18n import _
from coprod_cli.models import Framework, Source
from coprod_cli.reading.formwords import IdFinder, asks_role, normalise

# Date columns that forms add on their own, the one to read first.
DATE_COLUMNS = ("timestamp", "completion-time", "submitted", "submitted-at", "submission-date",
                "submission-time", "date-submitted", "end-date", "end", "date", "assessed-on",
                "start-time", "start-date", "start", "today", "last-modified-time")
MAX_WORDING = 2000  # characters: a heading longer than any statement is not split into rows
RESPONDENT_COLUMNS = {"id", "respondent", "respondent-id", "response-id", "response"}
# Columns the form tools add on their own that hold nothing a person answered: left out without
# a warning (KoboToolbox's '_id', '_uuid', '__version__'..., SurveyMonkey's collector).
_TOOL_COLUMNS = {"respondent-id", "collector-id", "deviceid", "meta-instanceid", "formhub-uuid",
                 "meta-rootuuid"}
# SurveyMonkey's own columns, always in its exports (blank unless the survey collects them).
_SURVEYMONKEY = {"respondent-id", "collector-id", "ip-address", "email-address", "first-name",
                 "last-name", "custom-data-1"}
# SurveyMonkey's second header row: 'Response' under a question with one answer.
_SUBHEADINGS = {"response", "open-ended-response"}
# In English and in Welsh, as a Welsh form titles them ('Tystiolaeth ar gyfer assets-1').
_EVIDENCE = {"evidence", "notes", "note", "comments", "comment",
             "tystiolaeth", "nodyn", "nodiadau", "sylw", "sylwadau"}
_EVIDENCE_FILLER = _EVIDENCE | {"for", "on", "about", "of", "optional", "your", "any", "statement",
                                "question", "and", "examples", "example",
                                "ar", "gyfer", "am", "dewisol", "datganiad", "cwestiwn"}
# 'assets-1 reason (if it does not apply)': why a statement does not apply, in their words.
REASON = "reason"
_REASON = {"reason", "why", "rheswm", "pam"}
_REASON_FILLER = _REASON | {"if", "it", "does", "not", "apply", "doesn", "t", "the", "for",
                            "optional", "your", "statement", "question", "to", "service", "our",
                            "os", "nad", "yw", "n", "berthnasol", "i", "ch", "eich", "ein",
                            "gwasanaeth", "dewisol", "datganiad", "ddim", "yn"}


def cell_name(row: int, column: int) -> str:
    """A cell as a spreadsheet shows it: row 3, column 17 -> 'Q3'."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@mutable
class Columns:
    """What each column of the header holds."""

    statements: dict[int, str] = field(default_factory=dict)
    evidence: dict[int, str] = field(default_factory=dict)
    reasons: dict[int, str] = field(default_factory=dict)  # why it does not apply
    role: int | None = None
    role_more: list[int] = field(default_factory=list)  # the role question's other columns
    dates: dict[str, int] = field(default_factory=dict)
    respondent: int | None = None
    ignored: list[int] = field(default_factory=list)
    date_order: str | None = None  # the export's known way of writing dates (SurveyMonkey: mdy)


def header_words(framework: Framework) -> dict[str, Any]:
    """What a heading may name the framework's statements by: their ids (an earlier version's
    too), longest first, and their wordings, normalised (reading/formindex.py keeps these)."""
    current = [s.id for s in framework.statements]
    retired = {sid for step in framework.migrations for sid in step.statements} - set(current)
    texts = {normalise(text): sid for step in framework.migrations
             for sid, texts in step.wordings.items() for text in texts}
    texts |= {normalise(text): s.id for s in framework.statements
              for text in (s.text, s.plain)}  # an earlier wording of another
    return {"ids": sorted([*current, *retired], key=len, reverse=True), "texts": texts}


class Matcher:
    """Finds the statement a heading names, by its id anywhere in it or by its exact wording.
    Made from a framework, or from its words and a way to load it (only if it is chosen)."""

    def __init__(self, framework: Framework | Callable[[], Framework],
                 words: dict[str, Any] | None = None) -> None:
        if words is None:
            assert not callable(framework)
            words = header_words(framework)
        self._framework = framework
        self._id = IdFinder(words["ids"])  # each id bounded by a hyphen or the heading's ends
        self._texts: dict[str, str] = words["texts"]

    @property
    def framework(self) -> Framework:
        if callable(self._framework):
            self._framework = self._framework()
        return self._framework

    def statement(self, heading: str, word: str) -> tuple[str, bool | str] | None:
        """(statement id, whether the column holds evidence, or REASON when it holds why the
        statement does not apply), or None. A KoboToolbox heading
        names its group first ('assets/assets-1-evidence'): the part after it is tried first."""
        if "/" in heading:
            tail = heading.rsplit("/", 1)[1]
            found = self._statement(tail, normalise(tail))
            if found is not None:
                return found
        return self._statement(heading, word)

    def _statement(self, heading: str, word: str) -> tuple[str, bool | str] | None:
        found = self._id.search(word)
        if found:
            start, end, sid = found
            rest = set((word[:start] + "-" + word[end:]).split("-")) - {""}
            if rest and rest <= _REASON_FILLER and rest & _REASON:
                return sid, REASON
            return sid, bool(rest) and rest <= _EVIDENCE_FILLER and bool(rest & _EVIDENCE)
        for text in _wordings(heading, word):
            if text in self._texts:
                return self._texts[text], False
        return None


def _wordings(heading: str, word: str) -> list[str]:
    """A heading's possible statement wordings: whole, unnumbered, inside a grid's brackets."""
    found = [word, re.sub(r"^(q|question-)?\d+-", "", word)]
    # A grid's row after its question, as SurveyMonkey writes it: 'Assets - People who ...'.
    if len(heading) <= MAX_WORDING:
        found += [normalise(heading[m.end():]) for m in re.finditer(" - ", heading)]
    grid = re.search(r"\[(.*)\]\s*$", heading)
    if grid:
        inner = normalise(grid.group(1))
        found += [inner, re.sub(r"^\d+-", "", inner)]
    return found


def match_columns(name: str, header: list[str], frameworks: Sequence[Framework | Matcher],
                  role_column: str | None) -> tuple[Framework, Columns]:
    """The framework whose statements the header names most, and each column's meaning."""
    # Each distinct heading is matched once: a header of a million blank or repeated cells
    # costs a dictionary lookup per cell, not a search per cell and framework.
    distinct = {heading: normalise(heading) for heading in dict.fromkeys(header)}
    words = [distinct[heading] for heading in header]
    matchers = [f if isinstance(f, Matcher) else Matcher(f) for f in frameworks]
    found = []
    for matcher in matchers:
        meaning = {heading: matcher.statement(heading, word) for heading, word in distinct.items()}
        found.append([meaning[heading] for heading in header])
    best = max(range(len(matchers)), key=lambda i: sum(1 for f in found[i] if f))
    if not any(found[best]):
        raise InvalidData(_("no column names a statement"), _("head each answer column with its "
                          "statement id or wording, like 'assets-1' (coprod form FRAMEWORK "
                          "--format csv gives the header row)"), Location(name, 1, 1))
    columns = Columns()
    role_heading = normalise(role_column) if role_column else None
    for index, (word, statement) in enumerate(zip(words, found[best], strict=True)):
        if word or statement is not None:  # a blank heading means nothing: skip it quickly
            _place(name, columns, index, word, statement, role_heading)
    surveymonkey = {"respondent-id", "collector-id"} <= set(words)
    if surveymonkey:
        columns.date_order = "mdy"  # SurveyMonkey: dates month first, as in the US
    _other_columns(header, columns, _TOOL_COLUMNS | (_SURVEYMONKEY if surveymonkey else set()),
                   matchers[best].framework.source)
    if role_heading is not None and columns.role is None:
        raise UsageProblem(
            _("no column headed '{role_column}' (--role-column)").format(role_column=role_column),
            _("give the role question's heading as the export writes it"),
        )
    return matchers[best].framework, columns


def _place(name: str, columns: Columns, index: int, word: str,
           statement: tuple[str, bool | str] | None, role_heading: str | None) -> None:
    if statement is not None:
        sid, evidence = statement
        kind = columns.reasons if evidence == REASON else \
            columns.evidence if evidence else columns.statements
        _unique(name, kind, index, sid, "reason column" if evidence == REASON else
                "evidence column" if evidence else "column")
        kind[index] = sid
    elif columns.role is None and (word == role_heading if role_heading is not None
                                   else asks_role(word)):
        columns.role = index
    elif word in DATE_COLUMNS:
        columns.dates.setdefault(word, index)
    elif word in RESPONDENT_COLUMNS and columns.respondent is None:
        columns.respondent = index
        columns.ignored.append(index)
    elif word:
        columns.ignored.append(index)


def _question(heading: str) -> str:
    """The question a column belongs to: 'role/carer' (KoboToolbox) and 'Role - Carer'
    (SurveyMonkey) both to 'role'."""
    return normalise(re.split(r"/| - ", heading, maxsplit=1)[0])


def _other_columns(header: list[str], columns: Columns, tool: set[str],
                   source: Source | None = None) -> None:
    """Columns the form tool added are left out without a warning (they hold no answer); the
    role question's other columns (one per box of a checkbox question, or its 'Other (please
    specify)') are read with the role column."""
    role = _question(header[columns.role]) if columns.role is not None else None
    ignored = []
    for index in columns.ignored:
        heading = header[index]
        if heading.strip().startswith("_") or normalise(heading) in tool \
                or _credit(heading, source):
            continue
        if role is not None and index > (columns.role or 0) and _question(heading) == role:
            columns.role_more.append(index)
        else:
            ignored.append(index)
    columns.ignored = ignored


def _credit(heading: str, source: Source | None) -> bool:
    """The credit note of coprod's own XLSForm (a column with nothing in it in some tools'
    exports), by its name or by its label as coprod writes it (credited.a_credit_note)."""
    return normalise(heading) == "credit" or (source is not None and a_credit_note(heading, source))


def _unique(name: str, seen: dict[int, str], index: int, sid: str, what: str) -> None:
    first = next((i for i, other in seen.items() if other == sid), None)
    if first is not None:
        raise InvalidData(
            _("a second {what} for '{sid}' (the first is {cell_name})").format(
                what=what, sid=sid, cell_name=cell_name(1, first + 1)
            ),
            _("keep only one of them"),
            Location(name, 1, index + 1),
        )


def complete(name: str, framework: Framework, header: list[str], columns: Columns,
             expected: Sequence[str] | None = None) -> None:
    """Every statement of the framework (as of the version the export was made for: its ids
    are `expected`, the current ones by default) has a column, or the header is refused."""
    expected = expected or [s.id for s in framework.statements]
    found = set(columns.statements.values())
    absent = [sid for sid in expected if sid not in found]
    if absent:
        unknown = ", ".join(f"'{header[i].strip()[:40]}'" for i in columns.ignored[:3])
        raise InvalidData(_("no column for {count} of {total} statements of '{framework}': "
                            "{ids}").format(count=len(absent), total=len(expected),
                                            framework=framework.id, ids=", ".join(absent))
                          + (_(" (columns not recognised: {columns})").format(columns=unknown)
                             if unknown else ""),
                          _("head each column with its statement id or exact wording (coprod form "
                            "{id} --format csv gives the header row)").format(id=framework.id),
                          Location(name, 1, 1))


def two_rows(first: list[str], second: list[str]) -> list[str] | None:
    """SurveyMonkey's two header rows as one ('Question - Answer' where the second row names an
    answer: a grid's row or a checkbox's box), or None when the second row is a response.

    Its second row is blank under the columns it adds itself (a response never is: the
    respondent's ID comes first) and says 'Response' under a question with one answer."""
    texts = [str(cell or "").strip() for cell in second]
    if not texts or texts[0] or not (
            any(normalise(text) in _SUBHEADINGS for text in texts)
            or normalise(first[0]) == "respondent-id"):
        return None
    merged, question = [], ""
    for index, top in enumerate(first):
        top = top.strip()
        question = top or question
        sub = texts[index] if index < len(texts) else ""
        merged.append(top if not sub or normalise(sub) in _SUBHEADINGS else f"{question} - {sub}")
    return merged


def best_delimiter(line: str, delimiters: str,
                   frameworks: Sequence[Framework | Matcher]) -> str:
    """The delimiter that splits a header line into the most statements (and, of those that
    tie, the fewest other columns): a semicolon-separated header's statements hold commas."""
    present = [char for char in delimiters if char in line]
    if len(present) < 2:
        return present[0] if present else ","
    matchers = [f if isinstance(f, Matcher) else Matcher(f) for f in frameworks]

    def fit(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([line], delimiter=delimiter), [])
        words = {cell: normalise(cell) for cell in cells}
        found = max((len({m.statement(c, w) for c, w in words.items()} - {None})
                     for m in matchers), default=0)
        return found, -len(cells)

    return max(present, key=fit)
