"""Which of the start-up cache's files (reading/cache.py) go when a new one is written: each
file names the coprod that wrote it (its stamp: coprod's and Python's versions, the files of
its package and of the libraries its kept texts are made with), and after this coprod's first
write in a run only the files of this stamp and of the one other stamp that wrote last stay.

Why one other: two coprods sharing a folder (an installed one and a checkout) would otherwise
remove each other's files on every run, and every run would start cold. After an upgrade, or
an edit in a checkout, what the older coprod wrote goes at the next change; so the folder holds
at most two coprods' files (a web questionnaire page is 250-300 KB, about 20 of them each).

Only coprod's own files are removed: a regular file, the user's own and writable by nobody
else (checked on the descriptor, opened without following links), named as cache.py names one
and starting with a header that cache.py wrote; or named as a coprod from before headers named
one (`nef.yaml-0.1.0-` and a CRC-32) and holding one JSON object, as it wrote them; or the
temporary file of a write that was killed before it was renamed, left a minute or more (a write
in progress is never that slow, so no run's file goes from under it). Links, folders, other
people's files and anything else are left alone; a file that cannot be removed is left too, and
nothing here is ever an error (the cache is a convenience).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from typing import BinaryIO

from coprod_cli.digests import sha256
from coprod_cli.reading import cache

# The libraries of the texts kept (the web questionnaire's, the schemas' and `show`'s): a new one of
# them makes new texts, as a new coprod does.
LIBRARIES = ("jinja2", "markupsafe", "pydantic", "rich")
_NAMED = re.compile(r"[^.].*-[0-9a-f]{8,64}\.json")
_HEADERLESS = re.compile(r"[^.].*\.yaml-[^-]+-[0-9a-f]{8}\.json")  # a framework, before headers
# A write's temporary file: cache.py's (pid, 8 hex), or files.py's from before (mkstemp's 8).
_TEMPORARY = re.compile(r"\.[^.].*-[0-9a-f]{8,64}\.json\.(?:[0-9]+\.[0-9a-f]{8}|[a-z0-9_]{8})"
                        r"\.tmp")
LEFT_FOR = 60 * 10**9  # ns: a temporary file unchanged this long is a killed write's
_HEADER = 4096  # a header is about 300 bytes
_done: set[int] = set()


@functools.cache
def stamp() -> str:
    """This coprod's stamp, as written in every file it keeps (computed once a run, and only
    when something is written: about 20 ms)."""
    from coprod_cli.reading import stamp as made

    return sha256(made.made_from(*LIBRARIES)).hexdigest()[:16]


def once(home: int) -> None:
    """Prune the folder held open as `home` the first time this run writes to it."""
    if os.getpid() in _done:
        return
    _done.add(os.getpid())
    with contextlib.suppress(Exception):  # any doubt at all: the folder stays as it is
        prune(home, stamp())


def prune(home: int, current: str) -> list[str]:
    """Remove coprod's files of stamps other than `current` and the other one written last;
    the names removed."""
    entries = os.listdir(home)
    found = [(entry, *kept) for entry in entries if _NAMED.fullmatch(entry)
             and (kept := _stamp_of(entry, home)) is not None]
    found += [(entry, "", 0) for entry in entries if _TEMPORARY.fullmatch(entry)
              and _left_over(entry, home)]
    newest: dict[str, int] = {}
    for _, their, when in found:
        if their and their != current:
            newest[their] = max(when, newest.get(their, when))
    keep = {current, max(newest, key=newest.__getitem__, default=current)}
    removed = []
    for entry, their, _ in found:
        if their not in keep:
            with contextlib.suppress(OSError):
                os.unlink(entry, dir_fd=home)
                removed.append(entry)
    return removed


def _stamp_of(entry: str, home: int) -> tuple[str, int] | None:
    """The stamp a file of coprod's names ('' for a file written before stamps, or before
    headers) and its time of change; None when it is not a private file of the user's with a
    header cache.py wrote (or, named as one was, a file of a coprod from before headers)."""
    with _own(entry, home) as opened:
        if opened is None:
            return None
        stream, info = opened
        if _HEADERLESS.fullmatch(entry):
            return ("", info.st_mtime_ns) if _one_object(stream.read(cache.LIMIT + 1)) else None
        line = stream.read(_HEADER).partition(b"\n")[0]
    try:
        header = json.loads(line)
    except ValueError:
        return None
    if not isinstance(header, dict) or not {"coprod", "name"} <= set(header) \
            or not {"source_blake2b", "source_sha256"} & set(header):  # older: SHA-256
        return None
    their = header.get("stamp", "")
    return (their, info.st_mtime_ns) if isinstance(their, str) else None


def _left_over(entry: str, home: int) -> bool:
    """A private temporary file of the user's, unchanged for LEFT_FOR: a write killed before
    its rename (one in progress is changed or renamed within moments)."""
    with _own(entry, home) as opened:
        return opened is not None and time.time_ns() - opened[1].st_mtime_ns >= LEFT_FOR


def _one_object(data: bytes) -> bool:
    """What a coprod from before headers kept: one JSON object, the whole file."""
    try:
        return len(data) <= cache.LIMIT and isinstance(json.loads(data), dict)
    except ValueError:
        return False


@contextlib.contextmanager
def _own(entry: str, home: int) -> Iterator[tuple[BinaryIO, os.stat_result] | None]:
    """`entry` opened without following a link, with its status checked on the descriptor;
    None unless it is a regular file, the user's own and writable by nobody else."""
    try:
        handle = os.open(entry, os.O_RDONLY | os.O_NONBLOCK | cache.FOLLOW_NOTHING, dir_fd=home)
    except OSError:
        yield None
        return
    info = os.fstat(handle)
    if not cache.trusted(info, stat.S_IFREG):  # a folder too: it cannot be read as a file
        os.close(handle)
        yield None
        return
    with os.fdopen(handle, "rb") as stream:
        yield stream, info
