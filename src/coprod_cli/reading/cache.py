"""coprod's start-up cache: validated built-in files kept as JSON in a private folder, each
trusted only when it is the user's own, nobody else can change it, and it says what it holds.

The folder may sit where others can reach it (COPROD_CACHE_DIR, XDG_CACHE_HOME) and root may
run coprod, so nothing in it is taken on trust: the folder and each file are opened without
following links and checked on the open descriptor (owner, mode, kind), and each file names
coprod's version, the BLAKE2b digest of the source it was made from and of its own data, whose
shape must read back exactly (plain.build refuses any other). On any doubt the source is read
instead and the cache left alone.
A write also names the coprod that wrote it (reading/prune.py's stamp) and removes the files
of older ones, so the folder holds only what this coprod (and one other) can use.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
from pathlib import Path
from typing import Any, TypeVar

from coprod_cli import __version__, plain
from coprod_cli.digests import blake2b

M = TypeVar("M")
LIMIT = 16 * 1024 * 1024  # far above any built-in file's JSON (about 40 KB)
_FOLLOW_NOTHING = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def folder() -> Path | None:
    """Where the cache is (COPROD_CACHE_DIR, else the user's cache folder); None when
    COPROD_NO_CACHE is set, or where files cannot be opened inside a folder held open
    (Windows), which is what makes the checks safe against a folder swapped meanwhile."""
    if os.environ.get("COPROD_NO_CACHE") or os.open not in os.supports_dir_fd:
        return None
    home = os.environ.get("COPROD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "coprod")
    return Path(home)


def load(name: str, source: bytes, model: type[M]) -> M | None:
    """What was kept for `source` (the bytes of the file `name`), as `model`; None when
    nothing was kept or anything about it is in doubt."""
    try:
        raw = _read_kept(name, source)
        return None if raw is None else _unpack(raw, name, source, model)
    except Exception:  # any doubt at all, whatever it is: the caller reads the source instead
        return None


def keep(name: str, source: bytes, value: Any) -> None:
    """Keep `value` (validated from `source`) for later runs; nothing happens on failure."""
    home = folder()
    if home is None:
        return
    _keep(home, name, source, json.dumps(plain.to_data(value, by_alias=True),
                                         ensure_ascii=False, separators=(",", ":")))


def load_text(name: str, source: bytes, slot: bytes | None = None) -> str | None:
    """Text kept by `keep_text` for `source` (what it was made from), checked as `load` checks
    a model; None when nothing was kept or anything about it is in doubt. With a `slot`, the
    file is named by it rather than by the source, so one slot holds one text at a time."""
    try:
        raw = _read_kept(name, source if slot is None else slot)
        if raw is None:
            return None
        header, _, data = raw.partition(b"\n")
        return data.decode("utf-8") if _matches(header, name, source, data) else None
    except Exception:  # any doubt at all: the caller makes the text again
        return None


def _read_kept(name: str, source: bytes) -> bytes | None:
    """The file kept for `source`, as read from the private folder (owner, mode and kind
    checked on the open descriptor); None when there is no cache. Raises on any doubt."""
    home = folder()
    if home is None:
        return None
    with _private_folder(home) as handle:
        return _read_own_file(_file_name(name, source), handle)


def keep_text(name: str, source: bytes, text: str, slot: bytes | None = None) -> None:
    """Keep `text` (made from `source`) for later runs, in the file of `slot` if given (the
    text it held before goes); nothing happens on failure."""
    home = folder()
    if home is None:
        return
    _keep(home, name, source, text, slot)


def _keep(home: Path, name: str, source: bytes, text: str, slot: bytes | None = None) -> None:
    from coprod_cli.reading import prune  # only when writing: a warm start never needs it

    data = text.encode("utf-8")
    header = json.dumps({**_header(name, source, data), "stamp": prune.stamp()})
    with contextlib.suppress(OSError):
        _make_private(home)
        with _private_folder(home) as handle:
            if _write_own_file(_file_name(name, source if slot is None else slot),
                               header.encode("ascii") + b"\n" + data, handle):
                prune.once(handle)


def _file_name(name: str, source: bytes) -> str:
    return f"{name}-{__version__}-{_digest(source)[:16]}.json"


def _header(name: str, source: bytes, data: bytes) -> dict[str, str]:
    """What a cached file must say about itself: what it caches, and its data's digest."""
    return {"coprod": __version__, "name": name, "source_blake2b": _digest(source),
            "data_blake2b": _hex(data)}


@functools.lru_cache(maxsize=8)
def _digest(source: bytes) -> str:
    """A source's digest, worked out once a run: its kept file's name and header both say it
    (a few sources a run, each a built-in file of some 50 KB)."""
    return _hex(source)


def _hex(data: bytes) -> str:
    """BLAKE2b (256 bits) rather than SHA-256: Python's own is twice as fast (about 0.4 ms,
    not 0.7, for 100 KB), and a run hashes each framework and its kept data."""
    return blake2b(data, digest_size=32).hexdigest()


def _matches(header: bytes, name: str, source: bytes, data: bytes) -> bool:
    """The header says what `_header` expects (the stamp of who wrote it aside)."""
    said = json.loads(header)
    if isinstance(said, dict):
        said.pop("stamp", None)
    return bool(said == _header(name, source, data))


def _unpack(raw: bytes, name: str, source: bytes, model: type[M]) -> M | None:
    """The model from a cached file whose header matches and whose data is exactly in the
    shape to_data writes (plain.build refuses any other)."""
    header, _, data = raw.partition(b"\n")
    if not _matches(header, name, source, data):
        return None
    return plain.build(model, json.loads(data))


def _make_private(home: Path) -> None:
    """Create the cache folder 0700 whatever the umask; an existing one is left as it is."""
    home.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(home, 0o700)
    except FileExistsError:
        return
    os.chmod(home, 0o700)  # mkdir's mode passes through the umask


def _trusted(info: os.stat_result, kind: int) -> bool:
    """Of the kind wanted, the user's own, and writable by nobody else."""
    return (stat.S_IFMT(info.st_mode) == kind and info.st_uid == os.getuid()
            and not info.st_mode & 0o022)


@contextlib.contextmanager
def _private_folder(home: Path) -> Any:
    """The cache folder held open, refused if it is a link or not private to the user."""
    handle = os.open(home, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _FOLLOW_NOTHING)
    try:
        if not _trusted(os.fstat(handle), stat.S_IFDIR):
            raise PermissionError(f"{home} is not private to this user")
        yield handle
    finally:
        os.close(handle)


def _read_own_file(name: str, home: int) -> bytes:
    """A file of the folder `home`, refused if it is a link, not a regular file (a FIFO would
    block: opened non-blocking), not the user's own or writable by others, or too large."""
    handle = os.open(name, os.O_RDONLY | os.O_NONBLOCK | _FOLLOW_NOTHING, dir_fd=home)
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(handle)
        if not _trusted(info, stat.S_IFREG) or info.st_size > LIMIT:
            raise PermissionError(f"{name} is not a private file of this user")
        return stream.read(LIMIT + 1)


def _write_own_file(name: str, content: bytes, home: int) -> bool:
    """A new private file beside, then renamed over `name` (a reader never sees half a file),
    unless `name` is there and is anything but a private file of the user's: left alone
    (False)."""
    with contextlib.suppress(FileNotFoundError):
        if not _trusted(os.stat(name, dir_fd=home, follow_symlinks=False), stat.S_IFREG):
            return False
    temporary = f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:  # made inside the try: an interrupt even within os.open leaves nothing behind
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _FOLLOW_NOTHING,
                         0o600, dir_fd=home)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, name, src_dir_fd=home, dst_dir_fd=home)
        return True
    except FileExistsError:
        raise  # not ours: left alone
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=home)
        raise


# The same checks for coprod's other private file, its memory of what it shared
# (reading/ledger.py).
make_private = _make_private
private_folder = _private_folder
read_own_file = _read_own_file
# And for the pruning of files of older coprods (reading/prune.py).
trusted = _trusted
FOLLOW_NOTHING = _FOLLOW_NOTHING
