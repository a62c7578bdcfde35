"""Writing users' files safely: whole or not at all, through links, never over a device."""

from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path

from coprod_cli.errors import FileProblem, Location
from coprod_cli.i18n import _

# Names of an open file descriptor (/dev/stdout, /dev/fd/3, /proc/self/fd/1): written where
# they point, as the shell set them up, never replaced by a file of coprod's own. Compiled
# when a file is written, not at every start.
_DESCRIPTOR = r"/dev/(stdout|stderr|fd/\d+)|/proc/[^/]+/fd/\d+"


def write_atomic(path: Path, text: str | bytes, private: bool = False) -> None:
    """Write `text` to `path`: a regular file (or a link's target) by a temporary file beside
    it, synced, then renamed over it; a device, pipe or descriptor directly. An existing file
    keeps its mode and owner; a new one gets what the umask allows, or 0600 when `private`
    (answers, names), whatever the umask. Bytes (a workbook) are written as they are."""
    target = _target(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if target is None:
        with path.open("ab") as stream:
            stream.write(data)
    else:
        _replace(target, data, private)


def replaces_a_file(path: Path) -> bool:
    """True when writing to `path` would replace an existing regular file (-o /dev/stdout,
    a device or a pipe never does, whatever the shell connected it to)."""
    return not is_descriptor(path) and path.is_file()


def is_descriptor(path: Path) -> bool:
    """True for the name of an open descriptor (/dev/stdout, /dev/fd/3): written as it is."""
    return bool(re.fullmatch(_DESCRIPTOR, os.path.abspath(path)))


def _target(path: Path) -> Path | None:
    """The regular file to replace, links followed; None when it must be written directly."""
    if is_descriptor(path):
        return None
    try:
        info = path.stat()
    except FileNotFoundError:
        return Path(os.path.realpath(path))  # a new file, or the one a dangling link names
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(_("is a folder, not a file"), _("name a file inside it, or another file"),
                          Location(str(path)))
    if not stat.S_ISREG(info.st_mode):
        return None
    check_writable(path, info)
    return Path(os.path.realpath(path))


def check_writable(path: Path, info: os.stat_result | None = None) -> None:
    """Refuse an existing file marked read-only: even root, who could, does not replace it."""
    try:
        info = info or path.stat()
    except FileNotFoundError:
        return
    if stat.S_ISREG(info.st_mode) and (not info.st_mode & stat.S_IWUSR
                                       or not os.access(path, os.W_OK)):
        raise FileProblem(
            _("the file is read-only, so coprod leaves it as it is"),
            _("make it writable (chmod u+w {path}) or choose another file").format(path=path),
            Location(str(path)),
        )


def check_folder_writable(path: Path) -> None:
    """Refuse to start what saves into `path` as it goes (the questionnaire) when its folder
    cannot take a new file (read-only, or not ours): tried with a file made and removed at
    once, the only test that holds for root, a read-only disk and a full one alike."""
    folder = Path(os.path.realpath(path)).parent
    probe, theirs = _temporary(folder, path.name), False
    try:
        os.close(_open_new(probe))
    except FileExistsError:
        theirs = True  # a file of that name already: the folder takes files
    except OSError as error:
        raise FileProblem(
            _("cannot save in the folder {folder} ({strerror})").format(
                folder=folder, strerror=error.strerror
            ),
            _("check you may write there, or choose another file with -o FILE"),
            Location(str(path)),
        ) from None
    finally:
        if not theirs:
            probe.unlink(missing_ok=True)


def _replace(target: Path, data: bytes, private: bool) -> None:
    folder = target.parent
    temporary = _temporary(folder, target.name)
    try:
        handle = _open_new(temporary)
        try:
            _fill(handle, data)
        finally:
            os.close(handle)
        _keep_mode_and_owner(str(temporary), target, private)
        os.replace(temporary, target)
    except FileExistsError:
        raise  # a name not ours (a one in four billion chance): never removed
    except BaseException:
        temporary.unlink(missing_ok=True)  # named before it is made: an interrupt at any
        raise  # point, even inside the call that makes it, leaves nothing behind
    _sync_folder(folder)


def _temporary(folder: Path, name: str) -> Path:
    """A name for a new file beside `name`, hidden and random, chosen before it is made."""
    return folder / f".{name}.{os.urandom(6).hex()}.tmp"


def _open_new(path: Path) -> int:
    """Make `path` (0600, only if it is not there, never through a link) and open it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) \
        | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, 0o600)


def _fill(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]
    os.fsync(handle)


def _keep_mode_and_owner(temporary: str, target: Path, private: bool) -> None:
    """mkstemp makes the file 0600: keep the old file's mode and owner, or give a new file
    what the umask allows, as any program's new file gets (0600 for a private one)."""
    try:
        info = target.stat()
    except FileNotFoundError:
        os.chmod(temporary, 0o600 if private else 0o666 & ~_umask())
        return
    os.chmod(temporary, info.st_mode & 0o7777)
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only root may give a file away; others keep theirs
            os.chown(temporary, info.st_uid, info.st_gid)


def _umask() -> int:
    """The process's umask, which can only be read by setting it: set back at once (to 077
    in between, so nothing made meanwhile is more open than either)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Sync the folder, so the rename itself survives a power cut (where the system allows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its renames are journalled anyway
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
