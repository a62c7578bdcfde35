"""Which files a run reads: folders listed by one rule, and each real file only once; each
opened as a regular file (never a pipe or device waited on)."""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

import os
import stat
from dataclasses import field
from pathlib import Path
from typing import BinaryIO

from coprod_cli.classes import mutable
from coprod_cli.errors import CoprodError, FileProblem, Location, UsageProblem
from coprod_cli.i18n import _
from coprod_cli.safetext import file_name

STDIN = "-"
YAML_SUFFIXES = (".yaml", ".yml")
XLSX_SUFFIXES = (".xlsx", ".xlsm")  # workbooks read as form exports
MAX_BYTES = 2 * 1024 * 1024  # the largest answers or framework file read
CHUNK = 64 * 1024  # read at a time from a file that grew while it was read
BOM = b"\xef\xbb\xbf"  # UTF-8's byte order mark, which an editor may write first


@mutable
class Inputs:
    """The names to read, in the order given, each real file once; what could not be listed.

    A file is known by its device and inode (after following links), so a repeated name, a
    folder and a file inside it, a symbolic link and a hard link are all the same file.
    """

    names: list[str] = field(default_factory=list)
    problems: dict[str, CoprodError] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    repeats: int = 0
    _seen: dict[object, str] = field(default_factory=dict)

    def check(self, name: str) -> None:
        """Raise what stopped a name from being listed (an unreadable folder, a pipe...)."""
        problem = self.problems.get(name)
        if problem is not None:
            raise problem

    def add(self, name: str, status: os.stat_result | None) -> None:
        key: object = (status.st_dev, status.st_ino) if status else os.path.realpath(name)
        first = self._seen.get(STDIN if name == STDIN else key)
        if first is not None:
            self.repeats += 1
            self.notes.append(
                _("{file_name}: the same file as {file_name2} ({how}); read once").format(
                    file_name=file_name(name), file_name2=file_name(first), how=_how(name, first)
                )
            )
            return
        self._seen[STDIN if name == STDIN else key] = name
        self.names.append(name)

    def problem(self, name: str, error: CoprodError) -> None:
        self.names.append(name)
        self.problems[name] = error


def _how(name: str, first: str) -> str:
    if name == first:
        return _("named twice")
    if os.path.realpath(name) == os.path.realpath(first):
        return _("the same path, or a link to it")
    return _("a hard link to it")


def expand(names: list[str], recursive: bool = False) -> Inputs:
    """Each name as given; a folder stands for the YAML files at its top level (or, recursive,
    in every folder inside it), sorted, leaving out hidden ones (editor and git files)."""
    inputs = Inputs()
    for name in names:
        if name != STDIN and os.path.isdir(name):
            before = len(inputs.names) + inputs.repeats
            _folder(inputs, name, recursive, set())
            if len(inputs.names) + inputs.repeats == before:
                raise UsageProblem(
                    (_("{name}: no answers files (.yaml or .yml) in this folder") if recursive
                     else _("{name}: no answers files (.yaml or .yml) in this folder (its "
                            "subfolders were not read)")).format(name=name),
                    _("name a folder that holds answers files, or the files") if recursive
                    else _("name a folder that holds answers files, or the files, or add "
                           "--recursive"))
        else:
            inputs.add(name, _status(name))
    return inputs


def _status(name: str) -> os.stat_result | None:
    if name == STDIN:
        return None
    try:
        return os.stat(name)
    except OSError:
        return None  # reading it says why


def _folder(inputs: Inputs, folder: str, recursive: bool, visited: set[tuple[int, int]]) -> None:
    """The folder's YAML files; a folder that cannot be listed is a problem, never a silence."""
    try:
        status = os.stat(folder)
        if (status.st_dev, status.st_ino) in visited:
            return  # a link back up the tree
        visited.add((status.st_dev, status.st_ino))
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        inputs.problem(
            folder,
            FileProblem(
                _("cannot read this folder ({strerror})").format(strerror=error.strerror),
                _("check its permissions, or leave it out of the set"),
                Location(folder),
            ),
        )
        return
    for entry in entries:
        if not entry.name.startswith("."):
            _entry(inputs, entry, recursive, visited)


def _entry(inputs: Inputs, entry: os.DirEntry[str], recursive: bool,
           visited: set[tuple[int, int]]) -> None:
    path = entry.path
    try:
        is_folder = entry.is_dir()
    except OSError:
        is_folder = False
    if is_folder:
        if recursive:
            _folder(inputs, path, recursive, visited)
        else:
            inputs.notes.append(
                _(
                    "{file_name}: a subfolder, not read (it may hold another round; "
                    "add --recursive to read the folders inside)"
                ).format(file_name=file_name(path))
            )
        return
    if not entry.name.lower().endswith(YAML_SUFFIXES):
        return
    try:
        status = os.stat(path)
    except OSError as error:
        inputs.problem(
            path,
            FileProblem(
                _("cannot read the file ({strerror})").format(strerror=error.strerror),
                _("check the link and the permissions"),
                Location(path),
            ),
        )
        return
    if not stat.S_ISREG(status.st_mode):
        inputs.problem(path, FileProblem(_("not a regular file (a pipe, device or socket)"),
                                         _("move it out of the folder"), Location(path)))
        return
    inputs.add(path, status)


def open_regular(path: str | Path, kind: str = "YAML") -> BinaryIO:
    """The file opened for reading, refusing what is missing, a folder, or not a regular file.

    It is opened without blocking and checked before anything is read, so a FIFO (or a
    device) named by mistake is refused at once instead of waiting forever for a writer.
    """
    return os.fdopen(_regular(path, kind)[0], "rb")


def _regular(path: str | Path, kind: str) -> tuple[int, int]:
    """open_regular's file, as its descriptor and size."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise FileProblem(_("file not found"), _("check the path"), Location(str(path))) from None
    except IsADirectoryError:
        raise FileProblem(
            _("is a directory, not a file"),
            _("name a {kind} file inside it").format(kind=kind),
            Location(str(path)),
        ) from None
    except OSError as error:
        raise _unreadable(path, error) from error
    status = os.fstat(handle)
    if not stat.S_ISREG(status.st_mode):
        os.close(handle)
        if stat.S_ISDIR(status.st_mode):
            raise FileProblem(
                _("is a directory, not a file"),
                _("name a {kind} file inside it").format(kind=kind),
                Location(str(path)),
            )
        raise FileProblem(
            _("not a regular file (a pipe, device or socket)"),
            _("save it as a file, or pipe it to standard input and name it '-'"),
            Location(str(path)),
        )
    if hasattr(os, "set_blocking"):
        os.set_blocking(handle, True)
    return handle, status.st_size


def _unreadable(path: str | Path, error: OSError) -> FileProblem:
    return FileProblem(_("cannot read the file ({strerror})").format(strerror=error.strerror),
                       _("check the path and its permissions"), Location(str(path)))


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, refusing what is missing, not a regular file or too large (a byte
    over MAX_BYTES is read, for `decode` to refuse)."""
    handle, size = _regular(path, "YAML")
    try:
        # As much as the file holds and a byte more, then the rest should it have grown
        # since, a chunk at a time: asking for MAX_BYTES at once sets aside 2 MiB for every
        # small file (a fifth of its read).
        data, wanted = b"", min(size, MAX_BYTES) + 1
        while wanted and (chunk := os.read(handle, wanted)):
            data += chunk
            wanted = min(MAX_BYTES + 1 - len(data), CHUNK)
        return data
    except OSError as error:
        raise _unreadable(path, error) from error
    finally:
        os.close(handle)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text, refusing empty, binary, oversized and wrongly encoded files."""
    if len(data) > MAX_BYTES:
        raise FileProblem(
            _("the file is larger than {value} MiB").format(value=MAX_BYTES // (1024 * 1024)),
            _("coprod files are small YAML files; check you named the right file"),
            Location(name),
        )
    if b"\x00" in data:
        raise FileProblem(_("this is a binary file, not YAML text"),
                          _("name a .yaml file written in a text editor"), Location(name))
    body = data[3:] if data.startswith(BOM) else data  # a byte order mark left out
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:  # placed as an editor shows it, the mark not counted
        line, column = _line_col(body, error.start)
        raise FileProblem(_("the file is not UTF-8 text"), _("save it as UTF-8 in your editor"),
                          Location(name, line, column)) from None
    if not text.strip():
        raise FileProblem(_("the file is empty"), _("fill it in, or start from 'coprod template'"),
                          Location(name))
    return text


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column of the byte at `offset` of UTF-8 text, the column in characters as
    an editor counts them (the bytes before it on its line are whole characters)."""
    before = data[:offset]
    line = before[before.rfind(b"\n") + 1:]
    return before.count(b"\n") + 1, len(line.decode("utf-8", "replace")) + 1
