"""Many respondents' answers, read one at a time from files, folders, CSV exports or stdin."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coprod_cli.errors import CoprodError, InvalidData, Location, UsageProblem
from coprod_cli.models import Framework
from coprod_cli.reading import formcsv, formxlsx, quickread, yamlio
from coprod_cli.reading.formtable import FormOptions, Table
from coprod_cli.reading.loader import Document, Library
from coprod_cli.tally import Ballot, Tally

STDIN = "-"
YAML_SUFFIXES = (".yaml", ".yml")
Entry = Callable[[], tuple[str, Ballot]]


def expand(names: list[str]) -> list[str]:
    """Each name as given; a folder stands for the YAML files inside it, sorted."""
    found: list[str] = []
    for name in names:
        path = Path(name)
        if name != STDIN and path.is_dir():
            inside = _yaml_files(path)
            if not inside:
                raise UsageProblem(f"{name}: no answers files (.yaml or .yml) in this folder",
                                   "name a folder that holds answers files, or the files")
            found += inside
        else:
            found.append(name)
    return found


def _yaml_files(folder: Path) -> list[str]:
    """YAML files under a folder, sorted, leaving out hidden ones (editor and git files).

    os.walk and plain strings, not pathlib: ten thousand Path objects would cost memory.
    """
    found = []
    for top, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found += [os.path.join(top, name) for name in sorted(names)
                  if not name.startswith(".") and name.lower().endswith(YAML_SUFFIXES)]
    return found


def is_csv(name: str) -> bool:
    return name != STDIN and name.lower().endswith(".csv")


def is_form(name: str) -> bool:
    """An online form's export: CSV text or a spreadsheet workbook."""
    return is_csv(name) or (name != STDIN and formxlsx.is_xlsx(name))


@dataclass
class Respondents:
    """A stream of respondents' answers of one framework; memory does not grow with them."""

    library: Library
    names: list[str]
    skip_invalid: bool = False
    read_stdin: Callable[[], bytes] | None = None
    on_skip: Callable[[CoprodError], None] = field(default=lambda error: None)
    on_file: Callable[[str], None] = field(default=lambda name: None)
    on_warning: Callable[[str], None] = field(default=lambda text: None)
    form: FormOptions = field(default_factory=FormOptions)
    skipped: int = 0
    framework: Framework | None = None
    first: str = ""
    _grammar: quickread.Grammar | None = None

    def __iter__(self) -> Iterator[tuple[str, Ballot]]:
        for name in self.names:
            try:
                for entry in self._entries(name):
                    try:
                        yield entry()
                    except CoprodError as error:
                        self._skip(error, name)
            except CoprodError as error:
                self._skip(error, name)
            self.on_file(name)

    def tally(self) -> Tally:
        """Every valid respondent counted; an invalid one stops it unless skip_invalid."""
        tally: Tally | None = None
        for name, ballot in self:
            assert self.framework is not None  # set by the first respondent read
            tally = tally or Tally(self.framework)
            try:
                tally.add_ballot(ballot, name)
            except CoprodError as error:
                self._skip(error, name)
        if tally is None:
            raise UsageProblem(f"none of the {len(self.names)} file(s) could be scored",
                               "fix the files reported above")
        tally.skipped = self.skipped
        return tally

    def _skip(self, error: CoprodError, name: str) -> None:
        error.located(Location(name))
        if not self.skip_invalid:
            raise error
        self.skipped += 1
        self.on_skip(error)

    def _entries(self, name: str) -> Iterator[Entry]:
        if not is_form(name):
            yield lambda: self._yaml(name)
            return
        reader = formcsv.rows if is_csv(name) else formxlsx.rows
        row_source = reader(Path(name), self.library.frameworks(), self.library.catalogue,
                            self.form)
        table = next(row_source)
        assert isinstance(table, Table)
        self._expect(table.framework, name, Location(name, 1, 1))
        for row in row_source:
            assert isinstance(row, tuple)
            yield functools.partial(self._row, table, *row)
        for warning in table.warnings():
            self.on_warning(warning)

    def _row(self, table: Table, line: int, cells: list[object]) -> tuple[str, Ballot]:
        return f"{table.name}:{line}", table.ballot(cells, line)

    def _yaml(self, name: str) -> tuple[str, Ballot]:
        if name == STDIN:
            document = self._stdin()
        else:
            text = yamlio.decode(yamlio.read_bytes(Path(name)), name)
            ballot = quickread.read(text, self._grammar) if self._grammar else None
            if ballot is not None:
                return name, ballot
            document = Document(name, text, yamlio.parse(text, name))
        answers, framework = self.library.answers(document)
        if self.framework is None or framework.id != self.framework.id:
            self._expect(framework, name,
                         yamlio.locate(document.text, document.name, ("framework",)))
        return document.name, Ballot.of(answers)

    def _stdin(self) -> Document:
        if self.read_stdin is None:
            raise UsageProblem("'-' (standard input) cannot be used here", "name a file")
        return Document.from_bytes(self.read_stdin(), "<stdin>")

    def _expect(self, framework: Framework, name: str, where: Location) -> None:
        """The first respondent sets the framework; another one is an error naming its file."""
        if self.framework is None:
            self.framework, self.first = framework, name
            self._grammar = quickread.Grammar(
                framework.id, frozenset(s.id for s in framework.statements),
                frozenset(role.id for role in self.library.catalogue.roles))
        elif framework.id != self.framework.id:
            raise InvalidData(f"this file answers '{framework.id}' but {self.first} answers "
                              f"'{self.framework.id}'", "score one framework at a time: move "
                              "this file out of the set", where)
