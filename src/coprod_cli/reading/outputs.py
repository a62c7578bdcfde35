"""Where -o may write: never over a file the run reads (by identity, so another name or a hard
link counts), nor a framework given with --framework, nor into a named pipe; over an existing
answers file, framework or form export only with --force."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from coprod_cli.errors import UsageProblem
from coprod_cli.files import is_descriptor
from coprod_cli.i18n import _
from coprod_cli.reading.loader import Document, Library
from coprod_cli.reading.paths import STDIN, XLSX_SUFFIXES, YAML_SUFFIXES

# Keys at the top of coprod's own JSON outputs (a result, a comparison, a schema): a file
# with one is a report to replace, though it names dimensions or answers too.
_OUTPUT_KEYS = ("result_version", "comparison_version", "$schema")
_KINDS = {"answers": "an answers file", "framework": "a framework file",
          "catalogue": "a framework catalogue", "agreed": "a record of what a group agreed"}


def check(output: Path | None, inputs: Sequence[str], frameworks: Sequence[Path] = (),
          force: bool = False) -> None:
    """Refuse `output` (UsageProblem, exit 2) when writing it would destroy what coprod reads
    or keeps; standard output and a descriptor (/dev/stdout, /dev/fd/N) are always fine."""
    if output is None or str(output) == "-" or is_descriptor(output):
        return
    info = _stat(output)
    if info is not None and stat.S_ISFIFO(info.st_mode):
        raise UsageProblem(
            _("-o {output} is a named pipe, which coprod would wait on").format(output=output),
            _("write to a file, or pipe standard output: coprod ... | COMMAND"),
        )
    if info is not None:
        _not_read(output, info, inputs, frameworks)
    _not_inside(output, inputs)
    if info is not None and stat.S_ISREG(info.st_mode) and not force:
        kind = recognise(output, frameworks)
        if kind is not None:
            raise UsageProblem(
                _("-o {output} is {kind}, which coprod reads and would replace").format(
                    output=output, kind=kind
                ),
                _("write somewhere else, or add --force to replace it"),
            )


def answers_name(output: Path | None) -> None:
    """Refuse to save answers (YAML) under another format's name: `assess -o answers.csv`
    would be read back as a broken form export, and a folder's .csv never as answers."""
    if output is None or str(output) == "-" or is_descriptor(output) \
            or output.name.lower().endswith(YAML_SUFFIXES):
        return
    info = _stat(output)
    if info is None or stat.S_ISREG(info.st_mode):  # a device (/dev/null) is written as it is
        raise UsageProblem(
            _("-o {output}: answers are saved as YAML, in a file whose name ends .yaml").format(
                output=output
            ),
            _("choose a name such as {value}.yaml").format(value=output.stem or "answers"),
        )


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None  # nothing there yet (or nothing readable): writing it will say


def _same(info: os.stat_result, name: str | Path) -> bool:
    other = _stat(Path(name))
    return other is not None and (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)


def _not_read(output: Path, info: os.stat_result, inputs: Iterable[str],
              frameworks: Iterable[Path]) -> None:
    if any(_same(info, name) for name in inputs if name != STDIN):
        raise UsageProblem(
            _("-o {output} is one of the files this run reads").format(output=output),
            _("write somewhere else; coprod never overwrites what it reads"),
        )
    if any(_same(info, path) for path in frameworks):
        raise UsageProblem(
            _("-o {output} is a framework given with --framework").format(output=output),
            _("write somewhere else; coprod never overwrites a framework it reads"),
        )


def _not_inside(output: Path, inputs: Iterable[str]) -> None:
    """A new file in a folder being read would be read next time as one more respondent."""
    target = _resolved(output)
    if target is None:
        raise UsageProblem(
            _("-o {output} is a symbolic link that leads back to itself").format(output=output),
            _("remove the link, or write to another file"),
        )
    for name in inputs:
        source = _resolved(Path(name))  # a loop among the inputs is said when it is read
        if name != STDIN and source is not None and source.is_dir() and source in target.parents:
            raise UsageProblem(
                _("-o {output} is inside {name}, a folder this run reads").format(
                    output=output, name=name
                ),
                _("write the report somewhere outside it"),
            )


def _resolved(path: Path) -> Path | None:
    """The path with every link followed; None for a loop of links. Followed strictly, since
    Python 3.13's lenient resolve() hands a loop back as it is (3.10 to 3.12 raise
    RuntimeError); a link to a file not yet written is followed as far as it goes."""
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def recognise(path: Path, frameworks: Sequence[Path] = ()) -> str | None:
    """What coprod would read `path` as ('an answers file', 'a form export', ...), or None
    for anything else: its own reports, or a file it cannot read."""
    try:
        form = path.name.lower().endswith((".csv", *XLSX_SUFFIXES))
        return _form_export(path, frameworks) if form else _yaml_kind(path)
    except Exception:  # whatever stops coprod reading it, it is not a file coprod reads
        return None


def _yaml_kind(path: Path) -> str | None:
    data = Document.read(path)
    if any(key in data.mapping() for key in _OUTPUT_KEYS):
        return None
    return _KINDS[data.kind()]


def _form_export(path: Path, frameworks: Sequence[Path]) -> str | None:
    """'a form export' when the file's header names a statement of some framework."""
    from coprod_cli.reading import formcsv, formxlsx
    from coprod_cli.reading.formtable import FormOptions, Table

    library = Library.builtin(frameworks)
    reader = formxlsx if formxlsx.is_xlsx(str(path)) else formcsv
    rows = reader.rows(path, library.frameworks(), library.catalogue, FormOptions())
    return "a form export" if isinstance(next(iter(rows), None), Table) else None
