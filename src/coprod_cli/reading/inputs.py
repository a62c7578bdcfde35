"""Many respondents' answers, read one at a time from files, folders, CSV exports or stdin."""

from __future__ import annotations

import datetime
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_cli.classes import mutable
from coprod_cli.errors import (
    CoprodError,
    FileProblem,
    IncompleteAnswers,
    InvalidData,
    Location,
    UsageProblem,
)
from coprod_cli.i18n import N_, _
from coprod_cli.models import Framework
from coprod_cli.reading.loader import Document, Library
from coprod_cli.reading.paths import (
    STDIN,
    XLSX_SUFFIXES,
    YAML_SUFFIXES,
    Inputs,
    decode,
    expand,
    read_bytes,
)
from coprod_cli.reading.twins import Twins
from coprod_cli.resultparts import Intake
from coprod_cli.tally import Ballot, Tally, Who, through_map
from coprod_cli.versions import written_for

if TYPE_CHECKING:  # the form readers are imported when a form export is read, not at start
    from coprod_cli.reading import quickread  # and the YAML readers when an answers file is
    from coprod_cli.reading.formcount import Chunk
    from coprod_cli.reading.formtable import FormOptions

ROUND_DAYS = 60  # answers dated further apart than this may be two rounds of assessment
MAX_PAIRS = 5  # pairs of identical respondents named in a warning; the rest are counted
# Python's own hash of a file's bytes, or of a row's timestamp and answers as read, stands for
# it when looking for respondents answering twice (reading/twins.py): 64 bits, keyed afresh in
# each run (so two different inputs meet by chance about once in a billion runs of 200,000
# rows, and only a warning follows), and several times faster than a cryptographic digest.
Digest = int
# A respondent read: the name to locate them by, their ballot, their digest (None: not checked
# for twins), and their source and line, to name them by if a later one is identical.
Read = tuple[str, Ballot, Digest | None, str, int]
Entry = Callable[[], "Read | Chunk"]  # a form export's rows come in chunks
__all__ = ["STDIN", "YAML_SUFFIXES", "Inputs", "Respondents", "expand", "is_csv"]


class OtherFramework(InvalidData):
    """Answers of another framework than the one named by --only-framework."""


class _Elsewhere(Exception):
    """Answers of another framework than the set's first: counted, and the run stops later."""


REASONS: tuple[tuple[type[CoprodError], str], ...] = (
    (OtherFramework, N_("another framework")), (FileProblem, N_("unreadable")),
    (IncompleteAnswers, N_("incomplete")), (CoprodError, N_("invalid")))


def _some(names: list[str], count: int) -> str:
    return ", ".join(names) + (", ..." if count > len(names) else "")


def is_csv(name: str) -> bool:
    return name != STDIN and name.lower().endswith(".csv")


def is_form(name: str) -> bool:
    """An online form's export: CSV text or a spreadsheet workbook."""
    return is_csv(name) or (name != STDIN and name.lower().endswith(XLSX_SUFFIXES))


@mutable
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
    former: int = 0  # up to how many people it keeps keys of the first kind too (tally.py)
    framework: Framework | None = None
    first: str = ""
    skips: Counter[str] = field(default_factory=Counter)
    others: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)  # a few files per framework
    _grammar: quickread.Grammar | None = None
    _twins: Twins = field(default_factory=Twins)
    _pairs: list[tuple[Who, Who]] = field(default_factory=list)
    _pair_count: int = 0
    _dates: list[datetime.date] = field(default_factory=list)
    _languages: Counter[str] = field(default_factory=Counter)  # answered in other than English

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
        for read in self._read():
            for name, ballot, *_rest in self._alone(read):
                yield name, ballot

    def _alone(self, read: Read | Chunk) -> Iterator[Read]:
        """Each respondent read on its own (a chunk's rows one at a time)."""
        if isinstance(read, tuple):
            yield read
            return
        from coprod_cli.reading import formcount

        for line, cells in read.rows:
            try:
                yield formcount.one(read.table, read.table.ballot(cells, line), line, cells)
            except CoprodError as error:
                self._skip(error, read.name)

    def _read(self) -> Iterator[Read | Chunk]:
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
        for read in self._read():
            assert self.framework is not None  # set by the first respondent read
            tally = tally or Tally(self.framework, refuse_partial=self.strict,
                                   people=[] if self.keep_people else None, salt=self.salt,
                                   former=self.former)
            if not isinstance(read, tuple):
                from coprod_cli.reading import formcount

                self._span(formcount.count(
                    read, tally, functools.partial(self._skip, name=read.name),
                    functools.partial(self._add, tally), self._twins))
            else:
                self._add(tally, read)
        self._one_framework(tally.total if tally else 0)
        if tally is None or not tally.total:  # none read, or every one left out
            raise self._nothing_to_score()
        self._name_twins()
        tally.intake, tally.notes = self.intake(tally.total), self.warnings(tally.total)
        tally.identical = self._pairs
        return tally

    def _nothing_to_score(self) -> UsageProblem:
        """Nobody was counted: each file left out was named, or the exports hold no row."""
        if self.skipped:
            return UsageProblem(
                _("none of the {len} file(s) could be scored").format(len=len(self.names)),
                _("fix the files named above"),
            )
        return UsageProblem(
            _("{some}: no responses to score, only a header row").format(
                some=_some(self.names[:2], len(self.names))
            ),
            _("export the form again once people have answered, or name the answers files"),
        )

    def _add(self, tally: Tally, read: Read) -> None:
        """One respondent counted, their digest kept, their date noted."""
        name, ballot, digest, source, line = read
        try:
            tally.add_ballot(ballot, name)
        except CoprodError as error:
            self._skip(error, name)
            return
        if ballot.language not in (None, "en"):
            self._languages[str(ballot.language)] += 1
        self._twins.add(digest, ballot.role, source, line)
        self._span([ballot.assessed_on])

    def _span(self, days: Iterable[datetime.date | None]) -> None:
        """The earliest and latest dates read, with these."""
        known = [*self._dates, *(day for day in days if day)]
        self._dates[:] = [min(known), max(known)] if known else []

    def intake(self, counted: int) -> Intake:
        """How many were read, counted and left out, and why."""
        dates: list[datetime.date | None] = [*self._dates] or [None, None]
        others = sum(self._languages.values())  # everyone else answered in English
        languages = {"en": counted - others, **self._languages} if others else {"en": counted}
        return Intake(read=counted + self.skipped, counted=counted, skipped=self.skipped,
                      skipped_because=dict(self.skips), read_once=self.inputs.repeats,
                      identical=self._pair_count, earliest=dates[0], latest=dates[-1],
                      languages={code: n for code, n in languages.items() if n})

    def warnings(self, counted: int) -> list[str]:
        """What may skew the result (identical respondents, and files left out, are the
        scoring's to say: a shared result gives no reasons, scoring/engine.py)."""
        notes = []
        if self._dates and (self._dates[1] - self._dates[0]).days > ROUND_DAYS:
            notes.append(
                _(
                    "The answers are dated from {dates} to {dates2}, more than "
                    "{ROUND_DAYS} days apart: this may mix two rounds of assessment; score "
                    "each round on its own"
                ).format(dates=self._dates[0], dates2=self._dates[1], ROUND_DAYS=ROUND_DAYS)
            )
        return notes

    def _name_twins(self) -> None:
        """Respondents with the digest of one read before, each named with them on stderr."""
        for first, who in self._twins.pairs():
            self._pair_count += 1
            if len(self._pairs) < MAX_PAIRS:
                self._pairs.append((first, who))
            self.on_warning(
                _(
                    "{source}: the same answers as {source2} (identical content, or the "
                    "same timestamp and answers); they may be one person counted twice"
                ).format(source=who.source, source2=first.source)
            )

    def _one_framework(self, counted: int) -> None:
        """Answers of more than one framework: stop, with a count per framework."""
        if not self.others or self.framework is None:
            return
        counts = Counter({self.framework.id: counted}) + self.others
        self.examples[self.framework.id] = [self.first]
        raise UsageProblem(
            _("these answers are for more than one framework: {counts}; coprod scores one "
              "framework at a time, never a part of the set").format(counts=", ".join(
                  f"{fw} {count} ({_some(self.examples[fw], count)})"
                  for fw, count in counts.most_common())),
            _("move the other files out of the set, or choose the framework to score with "
            "--only-framework ID"))

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
        from coprod_cli.reading import formcount, formcsv, formindex, formtable

        reader: Callable[..., Iterator[object]]
        if is_csv(name):
            reader = formcsv.rows
        else:  # imported only for a workbook (it brings zipfile)
            from coprod_cli.reading import formxlsx

            reader = formxlsx.rows
        row_source = reader(Path(name), formindex.matchers(self.library), self.library.catalogue,
                            self.form or formtable.FormOptions())
        table = next(row_source)
        assert isinstance(table, formtable.Table)
        try:
            self._expect(table.framework, name, Location(name, 1, 1))
        except _Elsewhere:
            self.others[table.framework.id] += sum(1 for _ in row_source) - 1
            raise
        for rows in formcount.chunks(row_source, name):  # type: ignore[arg-type]  # rows follow
            yield functools.partial(formcount.Chunk, name, table, rows)
        table.finish()  # what only the whole export shows (dates that could be either order)
        for warning in table.warnings():
            self.on_warning(warning)

    def _yaml(self, name: str) -> Read:
        data = self._stdin() if name == STDIN else read_bytes(Path(name))  # a.yaml/: a.yaml
        shown = "<stdin>" if name == STDIN else name
        text = decode(data, shown)
        ballot = self._quick(text, shown)
        if ballot is not None:
            return shown, ballot, hash(data), shown, 0
        from coprod_cli.reading import yamlio  # YAML only for a file the fast path leaves

        document = Document(shown, text, yamlio.parse(text, shown))
        answers, framework, carried = self.library.read_answers(document)
        if self.framework is None or framework.id != self.framework.id:
            self._expect(framework, shown, yamlio.locate(document.text, shown, ("framework",)))
        return shown, Ballot.of(answers, carried), hash(data), shown, 0

    def _quick(self, text: str, shown: str) -> Ballot | None:
        """The fast reader's ballot of a plain file (None: the strict path reads it). The first
        file read this way sets the framework, as the strict path would."""
        from coprod_cli.reading import quickread

        if self.framework is not None:
            self._grammar = self._grammar or self._grammar_of(self.framework)
            return _current(quickread.read(text, self._grammar), self.framework)
        named = quickread.framework_named(text)
        if named is None or named not in self.library.paths:
            return None
        framework = self.library.framework(named)
        ballot = _current(quickread.read(text, self._grammar_of(framework)), framework)
        if ballot is not None:
            self._use(framework, shown)
        return ballot

    def _stdin(self) -> bytes:
        if self.read_stdin is None:
            raise UsageProblem(_("'-' (standard input) cannot be used here"), _("name a file"))
        return self.read_stdin()

    def _expect(self, framework: Framework, name: str, where: Location) -> None:
        """The first respondent sets the framework (unless --only-framework did); one of another
        framework is left out when `only` was given, else counted for the message that stops
        the run once the whole set is read."""
        if self.framework is None:
            self._use(framework, name)
        elif framework.id != self.framework.id and self.only:
            raise OtherFramework(
                _("this file answers '{id}', not '{only}'").format(id=framework.id, only=self.only),
                _("left out: --only-framework {only} was given").format(only=self.only),
                where,
            )
        elif framework.id != self.framework.id:
            self.others[framework.id] += 1
            named = self.examples.setdefault(framework.id, [])
            if len(named) < 2:
                named.append(name)
            raise _Elsewhere

    def _use(self, framework: Framework, name: str) -> None:
        self.framework, self.first = framework, name
        self._grammar = None  # made when an answers file is first read (_quick)

    def _grammar_of(self, framework: Framework) -> quickread.Grammar:
        """What a plain file may hold: the framework's statement ids, and its earlier
        versions' (read through the migration map, as the strict path reads them)."""
        from coprod_cli.reading import quickread

        earlier = (sid for step in framework.migrations for sid in step.statements)
        return quickread.Grammar(
            framework.id, frozenset([*(s.id for s in framework.statements), *earlier]),
            frozenset(role.id for role in self.library.catalogue.roles))


def _current(ballot: Ballot | None, framework: Framework) -> Ballot | None:
    """A fast-read ballot in the current version's ids: carried through the migration map when
    it was written for an earlier version; None (the strict path's to judge) when no version
    has all its ids."""
    if ballot is None or not framework.migrations:
        return ballot
    kept = _CURRENT.get(id(framework))
    if kept is None or kept[0] is not framework:
        kept = _CURRENT[id(framework)] = (framework, frozenset(s.id for s in framework.statements))
    current = kept[1]
    if current.issuperset(ballot.levels):
        return ballot
    start = written_for(list(ballot.levels), None, framework.version, current,
                        framework.migrations)
    return None if start is None else through_map(ballot, start, framework.migrations)


_CURRENT: dict[int, tuple[Framework, frozenset[str]]] = {}  # each framework's ids, made once
