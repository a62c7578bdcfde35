"""Many respondents' answers, read one at a time from files, folders, CSV exports or stdin."""

from __future__ import annotations

import datetime
import functools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_cli.errors import (
    CoprodError,
    FileProblem,
    IncompleteAnswers,
    InvalidData,
    Location,
    UsageProblem,
)
from coprod_cli.models import Framework
from coprod_cli.reading import quickread, yamlio
from coprod_cli.reading.loader import Document, Library
from coprod_cli.reading.paths import STDIN, XLSX_SUFFIXES, YAML_SUFFIXES, Inputs, expand
from coprod_cli.resultparts import Intake
from coprod_cli.safetext import file_name
from coprod_cli.tally import Ballot, Tally, Who

if TYPE_CHECKING:  # the form readers are imported when a form export is read, not at start
    from coprod_cli.reading.formtable import FormOptions, Table

ROUND_DAYS = 60  # answers dated further apart than this may be two rounds of assessment
MAX_PAIRS = 5  # pairs of identical respondents named in a warning; the rest are counted
# Python's own hash of a file's bytes or a row's cells stands for it when looking for
# respondents answering twice: 64 bits, keyed afresh in each run (so two different inputs
# meet by chance about once in a billion runs of 200,000 rows, and only a warning follows), and
# several times faster than a cryptographic digest, which a warning does not need.
Digest = int
Entry = Callable[[], tuple[str, Ballot, Digest | None]]
__all__ = ["STDIN", "YAML_SUFFIXES", "Inputs", "Respondents", "expand", "is_csv"]


class OtherFramework(InvalidData):
    """Answers of another framework than the one named by --only-framework."""


class _Elsewhere(Exception):
    """Answers of another framework than the set's first: counted, and the run stops later."""


REASONS: tuple[tuple[type[CoprodError], str], ...] = (
    (OtherFramework, "another framework"), (FileProblem, "unreadable"),
    (IncompleteAnswers, "incomplete"), (CoprodError, "invalid"))


def _some(names: list[str], count: int) -> str:
    return ", ".join(names) + (", ..." if count > len(names) else "")


def _row_digest(table: Table, cells: list[object]) -> Digest | None:
    """Rows with the same timestamp (a date and a time) and answers may be one person twice."""
    date = table._date_column
    if date is None or date >= len(cells) or ":" not in str(cells[date]):
        return None
    indexes = (date, *table.columns.statements)
    text = "\x00".join([str(cells[index]).strip() for index in indexes if index < len(cells)])
    return hash(text)


def is_csv(name: str) -> bool:
    return name != STDIN and name.lower().endswith(".csv")


def is_form(name: str) -> bool:
    """An online form's export: CSV text or a spreadsheet workbook."""
    return is_csv(name) or (name != STDIN and name.lower().endswith(XLSX_SUFFIXES))


@dataclass
class Respondents:
    """A stream of respondents' answers of one framework; memory does not grow with them.

    The framework is the whole set's: files of another one stop the run with a count per
    framework, unless `only` names the framework to score (the others are then left out).
    """

    library: Library
    inputs: Inputs
    skip_invalid: bool = False
    only: str | None = None
    read_stdin: Callable[[], bytes] | None = None
    on_skip: Callable[[CoprodError], None] = field(default=lambda error: None)
    on_file: Callable[[str], None] = field(default=lambda name: None)
    on_warning: Callable[[str], None] = field(default=lambda text: None)
    form: FormOptions | None = None  # None: an export is read with the default options
    strict: bool = False  # a part-answered respondent is an error, not counted as unsure
    keep_people: bool = False  # keep each respondent's answers in the tally (for resampling)
    salt: bytes = b""  # for the tally's sketch of who answered (reading/ledger.py)
    framework: Framework | None = None
    first: str = ""
    skips: Counter[str] = field(default_factory=Counter)
    others: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)  # a few files per framework
    _grammar: quickread.Grammar | None = None
    _seen: dict[Digest, Who] = field(default_factory=dict)
    _pairs: list[tuple[Who, Who]] = field(default_factory=list)
    _pair_count: int = 0
    _dates: list[datetime.date] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.only is not None:
            self._use(self.library.framework(self.only), "--only-framework")

    @property
    def names(self) -> list[str]:
        return self.inputs.names

    @property
    def skipped(self) -> int:
        return sum(self.skips.values())

    def __iter__(self) -> Iterator[tuple[str, Ballot]]:
        for name, ballot, _ in self._read():
            yield name, ballot

    def _read(self) -> Iterator[tuple[str, Ballot, Digest | None]]:
        for name in self.names:
            try:
                self.inputs.check(name)
                for entry in self._entries(name):
                    try:
                        yield entry()
                    except CoprodError as error:
                        self._skip(error, name)
            except CoprodError as error:
                self._skip(error, name)
            except _Elsewhere:
                pass  # counted: the run stops once the whole set is read
            self.on_file(name)

    def tally(self) -> Tally:
        """Every valid respondent counted; an invalid one stops it unless skip_invalid."""
        tally: Tally | None = None
        for name, ballot, digest in self._read():
            assert self.framework is not None  # set by the first respondent read
            tally = tally or Tally(self.framework, refuse_partial=self.strict,
                                   people=[] if self.keep_people else None, salt=self.salt)
            try:
                tally.add_ballot(ballot, name)
            except CoprodError as error:
                self._skip(error, name)
                continue
            self._identical(digest, Who(ballot.role, tally.respondents[ballot.role],
                                               tally.total, file_name(name)))
            if ballot.assessed_on:
                self._dates[:] = [min([*self._dates, ballot.assessed_on]),
                                  max([*self._dates, ballot.assessed_on])]
        self._one_framework(tally.total if tally else 0)
        if tally is None or not tally.total:  # none read, or every one left out
            raise self._nothing_to_score()
        tally.intake, tally.notes = self.intake(tally.total), self.warnings(tally.total)
        tally.identical = self._pairs
        return tally

    def _nothing_to_score(self) -> UsageProblem:
        """Nobody was counted: each file left out was named, or the exports hold no row."""
        if self.skipped:
            return UsageProblem(f"none of the {len(self.names)} file(s) could be scored",
                                "fix the files named above")
        return UsageProblem(f"{_some(self.names[:2], len(self.names))}: no responses to score, "
                            "only a header row", "export the form again once people have "
                            "answered, or name the answers files")

    def intake(self, counted: int) -> Intake:
        """How many were read, counted and left out, and why."""
        dates: list[datetime.date | None] = [*self._dates] or [None, None]
        return Intake(read=counted + self.skipped, counted=counted, skipped=self.skipped,
                      skipped_because=dict(self.skips), read_once=self.inputs.repeats,
                      identical=self._pair_count, earliest=dates[0], latest=dates[-1])

    def warnings(self, counted: int) -> list[str]:
        """What may skew the result (identical respondents are the scoring's to name)."""
        notes = []
        if self.skipped:
            why = ", ".join(f"{count} {reason}" for reason, count in self.skips.items())
            notes.append(f"{self.skipped} of {counted + self.skipped} answers files or form rows "
                         f"were left out ({why}); each was named on standard error")
        if self._dates and (self._dates[1] - self._dates[0]).days > ROUND_DAYS:
            notes.append(f"The answers are dated from {self._dates[0]} to {self._dates[1]}, more "
                         f"than {ROUND_DAYS} days apart: this may mix two rounds of assessment; "
                         "score each round on its own")
        return notes

    def _identical(self, digest: Digest | None, who: Who) -> None:
        if digest is None:
            return
        first = self._seen.setdefault(digest, who)
        if first is not who:
            self._pair_count += 1
            if len(self._pairs) < MAX_PAIRS:
                self._pairs.append((first, who))
            self.on_warning(f"{who.source}: the same answers as {first.source} (identical "
                            "content, or the same timestamp and answers); they may be one "
                            "person counted twice")

    def _one_framework(self, counted: int) -> None:
        """Answers of more than one framework: stop, with a count per framework."""
        if not self.others or self.framework is None:
            return
        counts = Counter({self.framework.id: counted}) + self.others
        self.examples[self.framework.id] = [self.first]
        raise UsageProblem(
            "these answers are for more than one framework: " + ", ".join(
                f"{fw} {count} ({_some(self.examples[fw], count)})"
                for fw, count in counts.most_common())
            + "; coprod scores one framework at a time, never a part of the set",
            "move the other files out of the set, or choose the framework to score with "
            "--only-framework ID")

    def _skip(self, error: CoprodError, name: str) -> None:
        error.located(Location(name))
        if (not self.skip_invalid and not isinstance(error, OtherFramework)) or \
                isinstance(error, UsageProblem):  # about the whole set: never one file's skip
            raise error
        self.skips[next(reason for kind, reason in REASONS if isinstance(error, kind))] += 1
        self.on_skip(error)

    def _entries(self, name: str) -> Iterator[Entry]:
        if not is_form(name):
            yield lambda: self._yaml(name)
            return
        from coprod_cli.reading import formcsv, formtable, formxlsx

        reader = formcsv.rows if is_csv(name) else formxlsx.rows
        row_source = reader(Path(name), self.library.frameworks(), self.library.catalogue,
                            self.form or formtable.FormOptions())
        table = next(row_source)
        assert isinstance(table, formtable.Table)
        try:
            self._expect(table.framework, name, Location(name, 1, 1))
        except _Elsewhere:
            self.others[table.framework.id] += sum(1 for _ in row_source) - 1
            raise
        for row in row_source:
            assert isinstance(row, tuple)
            yield functools.partial(self._row, table, *row)
        table.finish()  # what only the whole export shows (dates that could be either order)
        for warning in table.warnings():
            self.on_warning(warning)

    def _row(self, table: Table, line: int,
             cells: list[object]) -> tuple[str, Ballot, Digest | None]:
        ballot = table.ballot(cells, line)
        return f"{table.name}:{line}", ballot, _row_digest(table, cells)

    def _yaml(self, name: str) -> tuple[str, Ballot, Digest | None]:
        data = self._stdin() if name == STDIN else yamlio.read_bytes(Path(name))
        shown = "<stdin>" if name == STDIN else name
        text = yamlio.decode(data, shown)
        ballot = self._quick(text, shown)
        if ballot is not None:
            return shown, ballot, hash(data)
        document = Document(shown, text, yamlio.parse(text, shown))
        answers, framework, carried = self.library.read_answers(document)
        if self.framework is None or framework.id != self.framework.id:
            self._expect(framework, shown, yamlio.locate(document.text, shown, ("framework",)))
        return shown, Ballot.of(answers, carried), hash(data)

    def _quick(self, text: str, shown: str) -> Ballot | None:
        """The fast reader's ballot of a plain file (None: the strict path reads it). The first
        file read this way sets the framework, as the strict path would."""
        if self._grammar is not None:
            return quickread.read(text, self._grammar)
        named = quickread.framework_named(text)
        if named is None or named not in self.library.paths:
            return None
        framework = self.library.framework(named)
        ballot = quickread.read(text, self._grammar_of(framework))
        if ballot is not None:
            self._use(framework, shown)
        return ballot

    def _stdin(self) -> bytes:
        if self.read_stdin is None:
            raise UsageProblem("'-' (standard input) cannot be used here", "name a file")
        return self.read_stdin()

    def _expect(self, framework: Framework, name: str, where: Location) -> None:
        """The first respondent sets the framework (unless --only-framework did); one of another
        framework is left out when `only` was given, else counted for the message that stops
        the run once the whole set is read."""
        if self.framework is None:
            self._use(framework, name)
        elif framework.id != self.framework.id and self.only:
            raise OtherFramework(f"this file answers '{framework.id}', not '{self.only}'",
                                 f"left out: --only-framework {self.only} was given", where)
        elif framework.id != self.framework.id:
            self.others[framework.id] += 1
            named = self.examples.setdefault(framework.id, [])
            if len(named) < 2:
                named.append(name)
            raise _Elsewhere

    def _use(self, framework: Framework, name: str) -> None:
        self.framework, self.first = framework, name
        self._grammar = self._grammar_of(framework)

    def _grammar_of(self, framework: Framework) -> quickread.Grammar:
        return quickread.Grammar(
            framework.id, frozenset(s.id for s in framework.statements),
            frozenset(role.id for role in self.library.catalogue.roles))
